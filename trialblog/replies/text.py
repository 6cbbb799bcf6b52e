"""A reply's words as plain text: Mastodon's HTML and Bluesky's facets read, anything a page or a
YAML file could stumble on taken out, and the length bounded."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser

import regex

from ..syndicate.text import graphemes, shorten

#: Graphemes of a reply kept; a longer one is cut at a word and marked, with a link to read it all.
MAX_TEXT = 3000
MAX_NAME = 80
LINE_BREAKS = regex.compile(r"\r\n|[\r\x85\u2028\u2029\v\f]")
# Controls (but the line break and tab), bidirectional overrides and isolates, byte-order marks,
# surrogates and noncharacters: nothing a reader needs, and each can hide or reorder what is shown.
UNWANTED = regex.compile(r"[\p{Cc}--[\n\t]]|[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]|\p{Cs}|\p{Noncharacter_Code_Point}", regex.V1)
#: More than this many combining marks on one letter only piles up over the lines around it.
MARKS = regex.compile(r"(\p{M}{3})\p{M}+")
ELLIPSIS = "…"


def clean(text: str, limit: int = MAX_TEXT) -> tuple[str, bool]:
    """``text`` safe to keep and show, and whether it was cut to ``limit`` graphemes."""
    text = unicodedata.normalize("NFC", text)
    text = UNWANTED.sub("", LINE_BREAKS.sub("\n", text)).replace("\t", " ")
    text = MARKS.sub(r"\1", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = regex.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if graphemes(text) <= limit:
        return text, False
    return shorten(text, limit - 1).rstrip(ELLIPSIS) + ELLIPSIS, True


def one_line(text: str, limit: int = MAX_NAME) -> str:
    """A name or handle on one line, cleaned and bounded."""
    cleaned, _ = clean(" ".join(str(text or "").split()), limit)
    return cleaned


class _Reader(HTMLParser):
    """Mastodon's status HTML as text: paragraphs and line breaks kept, links written out in full
    (Mastodon hides part of a long address), mentions as ``@user@host``, anything else as its text."""

    BLOCKS = {"p", "div", "blockquote", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
    SKIPPED = {"script", "style", "template", "noscript", "svg", "math", "iframe", "object"}

    def __init__(self, mentions: dict[str, str]):
        super().__init__(convert_charrefs=True)
        self.mentions = mentions
        self.out: list[str] = []
        self.skipping = 0
        self.link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self._write("\n")
        elif tag in self.BLOCKS:
            self._write("\n\n")
        elif tag == "a" and self.link is None:
            self.link = (dict(attrs).get("href") or "", [])

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self._write("\n\n")
        elif tag == "a" and self.link is not None:
            href, words = self.link
            self.link = None
            shown = "".join(words)
            if href in self.mentions:
                shown = "@" + self.mentions[href]
            elif href.lower().startswith(("http://", "https://")) and not shown.startswith(("#", "@")):
                shown = href
            self.out.append(shown)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._write("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._write(data)

    def _write(self, text: str) -> None:
        if self.link is not None:
            self.link[1].append(text)
        else:
            self.out.append(text)


def from_mastodon(html: str, mentions: dict[str, str], drop: set[str]) -> str:
    """The text of a status's ``content``; ``mentions`` maps profile addresses to ``user@host``,
    and the mentions of ``drop`` (accounts) opening the text, as a reply begins, are left out."""
    reader = _Reader(mentions)
    reader.feed(html or "")
    reader.close()
    text = "".join(reader.out)
    words = text.lstrip().split(" ")
    while words and words[0].startswith("@") and words[0][1:].strip() in drop:
        words.pop(0)
    return " ".join(words)


def from_bluesky(text: str, facets: list) -> str:
    """A post's text with each link facet's address written out in full (the text may shorten it)."""
    data = text.encode("utf-8")
    pieces, at = [], 0
    spans = []
    for facet in facets or ():
        index = getattr(facet, "index", None)
        for feature in getattr(facet, "features", None) or ():
            uri = getattr(feature, "uri", None)
            if index is None or not isinstance(uri, str) or not uri.lower().startswith(("http://", "https://")):
                continue
            start, end = index.byte_start, index.byte_end
            if 0 <= start < end <= len(data):
                spans.append((start, end, uri))
    for start, end, uri in sorted(spans):
        if start < at:
            continue  # overlapping facets: the first one wins
        pieces.append(data[at:start].decode("utf-8", "replace"))
        pieces.append(uri)
        at = end
    pieces.append(data[at:].decode("utf-8", "replace"))
    return "".join(pieces)


