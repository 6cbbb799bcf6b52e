"""Registry text as safe HTML: paragraphs and nested lists, every character escaped.

Registries write summaries and eligibility criteria as structured plain text (CommonMark in
API v2, indented ``-`` lists in the classic XML). Registry text is untrusted, so nothing in it
becomes markup: this renderer only recognises the structure (paragraphs, bullet and numbered
lists nested by indentation, ``**bold**``) and escapes everything else. It is linear in the
length of the text, so a directory of thousands of trials renders quickly.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

ITEM = re.compile(r"^( *)(?:([*+\-\u2022\u25cf\u25aa])|(\d{1,3})[.)])\s+(\S.*)$")
BACKSLASH = re.compile(r"\\([!-/:-@\[-`{-~])")
BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")


def _inline(text: str) -> str:
    plain = BACKSLASH.sub(r"\1", text)
    return BOLD.sub(r"<strong>\1</strong>", str(escape(plain)))


def registry_html(text: str | None) -> Markup:
    """Registry text as HTML: ``<p>``, ``<ul>``/``<ol>`` and ``<strong>`` only, all text escaped."""
    if not text:
        return Markup("")
    out: list[str] = []
    paragraph: list[str] = []
    lists: list[tuple[int, str]] = []  # open lists, innermost last: (indent of their items, tag)
    blank = False

    def end_paragraph() -> None:
        if paragraph:
            out.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    def close_lists(deeper_than: int = -1) -> None:
        while lists and lists[-1][0] > deeper_than:
            out.append(f"</li></{lists.pop()[1]}>")

    for raw in text.expandtabs(4).split("\n"):
        line = raw.rstrip()
        if not line:
            end_paragraph()
            blank = True
            continue
        item = ITEM.match(line)
        indent = len(line) - len(line.lstrip(" "))
        if item:
            end_paragraph()
            tag = "ol" if item.group(3) else "ul"
            close_lists(indent)
            if lists and lists[-1][0] == indent and lists[-1][1] != tag:
                close_lists(indent - 1)
            if lists and lists[-1][0] == indent:
                out.append("</li>")
            else:
                start = item.group(3)
                out.append(
                    f'<ol start="{int(start)}">' if tag == "ol" and start and int(start) != 1 else f"<{tag}>"
                )
                lists.append((indent, tag))
            out.append(f"<li>{_inline(item.group(4))}")
        elif lists and (indent > lists[-1][0] or not blank):
            out.append(("<br>" if blank else " ") + _inline(line.strip()))
        else:
            close_lists()
            paragraph.append(line.strip())
        blank = False
    end_paragraph()
    close_lists()
    return Markup("\n".join(out))
