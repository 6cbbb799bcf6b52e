"""``accessibility.*``: images without alt text, links that say "click here", skipped headings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .documents import Document, Kind
from .findings import Finding, Severity
from .rules import define
from .text import LINK_MARKS, Segment, blank_code_blocks, has_any

ALT = define(
    "accessibility.image-alt",
    Severity.ERROR,
    "an image without alt text (or with a file name or 'image' as its alt text)",
    "describe what the picture shows in the brackets: ![My arm after the injection, a red patch the size of a coin](...)",
)
LINK_TEXT = define(
    "accessibility.link-text",
    Severity.WARNING,
    "link text such as 'click here' or 'read more' that does not say where the link goes",
    "make the link's own words say where it goes: [the study's registry record](...)",
)
HEADINGS = define(
    "accessibility.heading-skip",
    Severity.WARNING,
    "a heading more than one level below the one before it (the title is level 1)",
    "use the next level down: ## under the title, ### under a ##, and so on",
)

MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\n]*)\)")
HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
ALT_ATTRIBUTE = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
HTML_LINK = re.compile(r"<a\b[^>]*>(?P<text>.*?)</a>", re.IGNORECASE | re.S)
ATX_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:\s|$)")
SETEXT = re.compile(r"^ {0,3}(?:=+|-+)\s*$")
#: The first character after the indent of an ATX heading or a setext underline.
HEADING_MARKS = ("#", "=", "-")
PARAGRAPH_BREAKER = re.compile(r"^\s*(?:[-*+]\s|\d{1,3}[.)]\s|>|\||\s{4})")
GENERIC_ALT = frozenset({"image", "img", "photo", "picture", "pic", "screenshot", "graphic", "figure", "alt"})
GENERIC_LINKS = frozenset(
    {
        "click here", "here", "click", "this", "this link", "link", "read more", "more", "this page",
        "go", "this post", "learn more", "find out more", "details", "info", "see here", "click this",
        "tap here", "the link", "link here", "this one", "website",
    }
)  # fmt: skip


def check(doc: Document) -> Iterator[Finding]:
    if doc.kind in (Kind.TRIAL, Kind.REPLY):  # a reply is plain text: no markup to make accessible
        return
    for segment in doc.segments:
        text = blank_code_blocks(segment.text)
        yield from _images(doc, segment, text)
        yield from _links(doc, segment, text)
        if segment.field == "body":
            yield from _headings(doc, segment, text)


def _useless_alt(alt: str | None) -> bool:
    if alt is None:
        return True
    value = alt.strip().lower()
    return (
        not value
        or value in GENERIC_ALT
        or re.fullmatch(r"[\w-]+\.(?:jpe?g|png|gif|webp|tiff?|heic|svg)", value) is not None
        or re.fullmatch(r"(?:img|dsc|pxl|image|photo)[_ -]?\d+", value) is not None
    )


def _images(doc: Document, seg: Segment, text: str) -> Iterator[Finding]:
    for m in MARKDOWN_IMAGE.finditer(text):
        if _useless_alt(m.group("alt")):
            yield doc.finding(ALT, seg, m.start(), f"the image {m.group('src').split()[0]!r} has no alt text")
    for m in HTML_IMAGE.finditer(text):
        attr = ALT_ATTRIBUTE.search(m.group("attrs"))
        alt = next((g for g in attr.groups() if g is not None), "") if attr else None
        if _useless_alt(alt):
            yield doc.finding(ALT, seg, m.start(), "an <img> without alt text")


def _links(doc: Document, seg: Segment, text: str) -> Iterator[Finding]:
    markdown_links = has_any(text, LINK_MARKS)  # in every MARKDOWN_LINK
    for pattern in (MARKDOWN_LINK, HTML_LINK) if markdown_links else (HTML_LINK,):
        for m in pattern.finditer(text):
            words = re.sub(r"<[^>]+>|[*_`]", "", m.group("text"))
            words = re.sub(r"\s+", " ", words).strip(" .!:").lower()
            words = re.sub(r"^(?:at|on|via|see|visit|follow|use|through|in|from|go\s+to)\s+", "", words)
            if words in GENERIC_LINKS:
                yield doc.finding(
                    LINK_TEXT, seg, m.start(), f"the link text {words!r} does not say where it goes"
                )


def _headings(doc: Document, seg: Segment, text: str) -> Iterator[Finding]:
    previous = 1  # the page title
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        level, start = _heading_level(lines, index), offset
        if level is not None and not ATX_HEADING.match(line):
            start = offset - len(lines[index - 1]) - 1  # a setext heading starts on the line above
        if level is not None:
            if level > previous + 1:
                yield doc.finding(
                    HEADINGS,
                    seg,
                    start,
                    f"a level-{level} heading after a level-{previous} one (skips level {previous + 1})",
                )
            previous = level
        offset += len(line) + 1


def _heading_level(lines: list[str], index: int) -> int | None:
    """The heading level of ``lines[index]`` (ATX), or of the line above it (setext underline)."""
    if lines[index].lstrip(" ")[:1] not in HEADING_MARKS:
        return None  # neither a "#" heading nor an underline
    atx = ATX_HEADING.match(lines[index])
    if atx:
        return len(atx.group("marks"))
    if not index or not SETEXT.match(lines[index]):
        return None
    above = lines[index - 1]
    if not above.strip() or ATX_HEADING.match(above) or PARAGRAPH_BREAKER.match(above):
        return None
    return 1 if lines[index].strip().startswith("=") else 2
