"""The HTML a diary entry may carry into pages and feeds: an allow-list, applied with nh3.

Everything Python-Markdown writes with Pelican's extensions stays (codehilite, tables, footnotes,
abbreviations, definition lists, attribute lists, the table of contents). What could run a
script, leave the page, submit a form or load another document is removed: ``<script>`` and
``<style>`` with their content, any other tag not listed (its text kept), any attribute not
listed (event handlers, ``style`` but a table cell's ``text-align``), and any address that is
not ``http``, ``https``, ``mailto``, ``tel`` or relative. Links get ``rel="noopener
noreferrer"``: a site a diary links to does not learn which entry the reader came from. HTML
comments are removed too: they would be published in the page's source.

A site can allow more tags and attributes with ``TRIALBLOG_ALLOWED_HTML`` (see
:func:`allowed_html`), never any of :data:`NEVER_TAGS` or :data:`NEVER_ATTRIBUTES`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from html import unescape

import nh3

SETTING = "TRIALBLOG_ALLOWED_HTML"

TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
     "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
     "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt",
     "ruby", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
     "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr"}
)  # fmt: skip
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"style", "align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"style", "align", "colspan", "rowspan"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}),
    "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Markdown's tables align columns with ``style="text-align: ..."``; no other property is kept.
STYLE_PROPERTIES = frozenset({"text-align"})
#: Removed with everything inside them.
CONTENT_REMOVED = frozenset({"script", "style"})
LINK_REL = "noopener noreferrer"
#: Tags a site can never allow: they run scripts, load other documents, submit or redirect.
NEVER_TAGS = frozenset(
    {"applet", "base", "body", "button", "embed", "form", "frame", "frameset", "head", "html", "iframe",
     "input", "link", "math", "meta", "noembed", "noframes", "noscript", "object", "option", "optgroup",
     "param", "plaintext", "portal", "script", "select", "style", "svg", "template", "textarea",
     "title", "xmp"}
)  # fmt: skip
#: Attributes a site can never allow, beside every ``on...`` event handler.
NEVER_ATTRIBUTES = frozenset(
    {"style", "srcdoc", "srcset", "formaction", "action", "http-equiv", "ping", "rel", "xmlns",
     "xlink:href", "background", "dynsrc", "lowsrc", "is", "nonce"}
)  # fmt: skip
#: Elements that hold nothing.
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
#: Attributes nh3 keeps only with an allowed scheme (or none: a relative address).
URL_ATTRIBUTES = frozenset({"href", "src", "poster"})
NAME = re.compile(r"[a-z][a-z0-9-]*")
ATTRIBUTE_NAME = re.compile(r"[a-z_][a-z0-9_.:-]*")
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I)
# Characters browsers ignore in an address's scheme ("java\tscript:").
URL_IGNORED = re.compile(r"[\x00-\x20]")


class Removed(str):
    """What the sanitiser removed, in words; ``needle`` finds where it is written in Markdown."""

    needle: re.Pattern[str]

    @classmethod
    def of(cls, text: str, *ways: str) -> Removed:
        """``text``, found in Markdown by any of the patterns ``ways``."""
        removed = cls(text)
        removed.needle = re.compile("|".join(f"(?:{way})" for way in ways), re.I)
        return removed


def sanitize(
    html: str, extra_tags: Iterable[str] = (), extra_attributes: Mapping[str, Iterable[str]] | None = None
) -> tuple[str, list[str]]:
    """``html`` with only the allowed markup, and what was removed (one item per removal, in order).

    ``extra_tags`` and ``extra_attributes`` (tag: attribute names, ``"*"`` for any tag) allow
    more, as :func:`allowed_html` reads them from the site's setting; ValueError names the setting.
    """
    cleaned = clean(html, extra_tags, extra_attributes)
    if "<" not in html:
        return cleaned, []
    tags, attributes = _checked(extra_tags, extra_attributes)
    return cleaned, _removed(html, TAGS | tags, _allowed_attributes(attributes))


def clean(
    html: str, extra_tags: Iterable[str] = (), extra_attributes: Mapping[str, Iterable[str]] | None = None
) -> str:
    """``html`` with only the allowed markup, as :func:`sanitize` leaves it, without telling what went."""
    tags, attributes = _checked(extra_tags, extra_attributes)
    return _cleaner(TAGS | tags, tuple(sorted(_allowed_attributes(attributes).items()))).clean(html)


def allowed_html(setting: object) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The extra tags and attributes a ``TRIALBLOG_ALLOWED_HTML`` value allows; ValueError
    (naming the setting and the value) when it is not ``{"tags": [...], "attributes": {...}}``
    of names HTML has and trialblog can allow."""
    if setting is None:
        return frozenset(), {}
    if not isinstance(setting, Mapping) or set(setting) - {"tags", "attributes"}:
        raise ValueError(
            f'{SETTING} must be a dict with "tags" (a list) and "attributes" (a dict of lists), '
            f"not {setting!r}"
        )
    return _checked(setting.get("tags") or (), setting.get("attributes") or {})


def _checked(tags: object, attributes: object) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Extra tags and attributes as sets, once every name is known to be one a site can allow."""
    if not tags and not attributes:
        return frozenset(), {}
    if isinstance(tags, str) or not isinstance(tags, Iterable):
        raise ValueError(f'{SETTING}["tags"] must be a list of tag names, not {tags!r}')
    for tag in tags:
        if not isinstance(tag, str) or not NAME.fullmatch(tag):
            raise ValueError(f"{SETTING}: {tag!r} is not a tag name (lowercase letters, digits, hyphens)")
        if tag in NEVER_TAGS:
            raise ValueError(
                f"{SETTING}: <{tag}> cannot be allowed: it can run a script, load another page "
                "or send what a reader types"
            )
    if not isinstance(attributes, Mapping):
        raise ValueError(
            f'{SETTING}["attributes"] must be a dict of tag: [attribute names], not {attributes!r}'
        )
    extra_tags = frozenset(tags)
    extra: dict[str, frozenset[str]] = {}
    for tag, names in attributes.items():
        if tag != "*" and tag not in TAGS | extra_tags:
            raise ValueError(
                f'{SETTING}: attributes are given for {tag!r}, which is not an allowed tag; add it to "tags"'
            )
        if isinstance(names, str) or not isinstance(names, Iterable):
            raise ValueError(f"{SETTING}: the attributes of {tag!r} must be a list of names, not {names!r}")
        for name in names:
            if not isinstance(name, str) or not ATTRIBUTE_NAME.fullmatch(name):
                raise ValueError(f"{SETTING}: {name!r} (for {tag!r}) is not an attribute name")
            if name.startswith("on") or name in NEVER_ATTRIBUTES:
                why = (
                    "trialblog sets it on links itself"
                    if name == "rel"
                    else "it can run a script or load something"
                )
                raise ValueError(f"{SETTING}: the attribute {name!r} cannot be allowed: {why}")
        extra[tag] = frozenset(names)
    return extra_tags, extra


def _allowed_attributes(extra: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    return {
        tag: ATTRIBUTES.get(tag, frozenset()) | extra.get(tag, frozenset()) for tag in {*ATTRIBUTES, *extra}
    }


@lru_cache(maxsize=32)
def _cleaner(tags: frozenset[str], attributes: tuple[tuple[str, frozenset[str]], ...]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(CONTENT_REMOVED),
        attributes={tag: set(names) for tag, names in attributes},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        filter_style_properties=set(STYLE_PROPERTIES),
        strip_comments=True,
    )


# A start tag (its attributes may quote ">"), and one attribute in it.
START_TAG = re.compile(r"""<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")


def _removed(html: str, tags: frozenset[str], attributes: Mapping[str, frozenset[str]]) -> list[str]:
    """What the allow-list takes out of ``html``, in the order it is written."""
    removed: list[str] = []
    anywhere = attributes.get("*", frozenset())
    for start in START_TAG.finditer(html):
        tag = start.group(1).lower()
        if tag not in tags:
            what = " and its content" if tag in CONTENT_REMOVED else "" if tag in VOID else " (its text kept)"
            removed.append(Removed.of(f"<{tag}>{what}", rf"<\s*{re.escape(tag)}(?![\w-])"))
            continue
        allowed = attributes.get(tag, frozenset()) | anywhere
        for attribute in ATTRIBUTE.finditer(start.group(2)):
            name = attribute.group(1).lower()
            value = unescape(next((v for v in attribute.groups()[1:] if v is not None), ""))
            problem = _attribute_problem(tag, name, value, allowed)
            if problem:
                removed.append(problem)
    return removed


def _attribute_problem(tag: str, name: str, value: str, allowed: frozenset[str]) -> Removed | None:
    """How the allow-list treats one attribute: None when it is kept as written."""
    written = rf"(?<![\w-]){re.escape(name)}\s*="
    if name not in allowed:
        return Removed.of(f"the {name} attribute of <{tag}>", written)
    if name in URL_ATTRIBUTES:
        scheme = SCHEME.match(URL_IGNORED.sub("", value))
        if scheme and scheme.group(1).lower() not in URL_SCHEMES:
            return Removed.of(
                f"a {scheme.group(1).lower()}: address in the {name} of <{tag}>",
                rf"(?:{written}\s*[\"']?|\]\(\s*<?)\s*{re.escape(scheme.group(1))}",  # HTML or Markdown
                rf"{written}\s*[\"']?\s*&",  # the scheme written as character references
            )
    if name == "style":
        properties = {part.partition(":")[0].strip().lower() for part in value.split(";") if part.strip()}
        if properties - STYLE_PROPERTIES:
            return Removed.of(f"a style other than text-align on <{tag}>", written)
    return None


def source_lines(markdown: str, removed: Iterable[str]) -> list[tuple[int | None, str]]:
    """Each item of ``removed`` (from :func:`sanitize`, in order) with the line of ``markdown``
    (a file's whole text) where it is written, or None when it cannot be told."""
    searchable = _without_code(markdown)
    seen: Counter[str] = Counter()
    found: list[tuple[int | None, str]] = []
    for item in removed:
        nth = seen[item]
        seen[item] += 1
        needle = getattr(item, "needle", None)
        matches = list(needle.finditer(searchable)) if needle else []
        line = searchable.count("\n", 0, matches[nth].start()) + 1 if len(matches) > nth else None
        found.append((line, str(item)))
    return found


FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)


def _without_code(markdown: str) -> str:
    """``markdown`` with code blocks and code spans blanked (their lines kept): markup shown as
    code is text, never removed."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return CODE_SPAN.sub(blank, FENCE.sub(blank, markdown))
