"""What a browser would run or follow in an HTML fragment: the oracle of the sanitiser and feed tests."""

from __future__ import annotations

import lxml.html

URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "srcdoc",
)
# Elements that run a script, load another document, submit what a reader types or restyle the page.
DANGEROUS_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                  "meta", "link", "form", "input", "button", "textarea", "select", "svg", "math",
                  "template", "noscript"}  # fmt: skip


def dangers(html: str) -> list[str]:
    """Everything in ``html``, parsed as a browser parses a fragment, that could run or leave the page."""
    found: list[str] = []
    if not html.strip():
        return found
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter():
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in DANGEROUS_TAGS:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = name.lower()
            squeezed = "".join(c for c in value if c > " ").lower()
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and squeezed.startswith(("javascript:", "vbscript:", "data:")):
                found.append(f"<{tag} {name}={value[:30]}>")
            if name == "style" and {d.split(":")[0] for d in squeezed.split(";") if d} - {"text-align"}:
                found.append(f"<{tag} style={value[:30]}>")
    return found
