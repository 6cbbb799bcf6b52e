"""The text of an announcement, fitted to each network's limit as that network counts it.

Mastodon counts graphemes of the content warning plus the text, with every URL counted as a
fixed number of characters (23 unless the instance says otherwise). Bluesky counts graphemes of
the text (300), and a link is a facet over UTF-8 byte offsets: the text shows a short form of the
address, the facet carries the whole one. The link is never cut: the excerpt is shortened first,
then the title.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import regex
from mastodon._url_regex import url_regex

from .keys import idempotency_key, record_key

ELLIPSIS = "…"
SEPARATOR = "\n\n"
MIN_EXCERPT = 12  # graphemes of the excerpt worth keeping; below this it is dropped
BLUESKY_GRAPHEMES = 300
BLUESKY_BYTES = 3000
MASTODON_MENTION = regex.compile(r"(^|[^/\w])@(([a-z0-9_]+)@[a-z0-9.\-]+[a-z0-9]+)", regex.IGNORECASE)


class TooLong(ValueError):
    """Even the shortest form of the announcement does not fit the network's limit."""


@dataclass(frozen=True)
class Announcement:
    """One thing to announce: a diary entry, or a trial that is now recruiting."""

    id: str
    title: str
    url: str
    excerpt: str = ""
    content_warning: str = ""
    blinded: bool = False
    date: str = ""
    kind: str = "entry"
    source: str = ""


@dataclass(frozen=True)
class Style:
    """The site's choices for every announcement."""

    visibility: str = "unlisted"
    language: str = "en"
    blinded_line: str = "I'm blinded in this trial: please don't guess my arm."


@dataclass(frozen=True)
class MastodonLimits:
    max_characters: int = 500
    url_length: int = 23


@dataclass(frozen=True)
class MastodonPost:
    """Exactly what is sent to ``POST /api/v1/statuses``."""

    status: str
    spoiler_text: str
    visibility: str
    language: str
    idempotency_key: str
    length: int
    limit: int

    @property
    def text(self) -> str:
        return self.status


@dataclass(frozen=True)
class LinkFacet:
    byte_start: int
    byte_end: int
    uri: str


@dataclass(frozen=True)
class BlueskyPost:
    """Exactly what goes into the ``app.bsky.feed.post`` record (with ``createdAt`` at sending)."""

    text: str
    link: LinkFacet
    rkey: str
    language: str
    card_title: str
    card_description: str
    length: int
    limit: int = BLUESKY_GRAPHEMES
    labels: tuple[str, ...] = ()  # the post's self-labels (com.atproto.label.defs#selfLabels)


def graphemes(text: str) -> int:
    """User-perceived characters (extended grapheme clusters), as both networks count them."""
    return len(regex.findall(r"\X", text))


def mastodon_length(text: str, spoiler_text: str = "", url_length: int = 23) -> int:
    """Length as a Mastodon server counts it against its limit."""
    countable = url_regex.sub(lambda m: m.group(2) + "x" * url_length, text)
    countable = MASTODON_MENTION.sub(r"\1@\3", countable)
    return graphemes(spoiler_text + countable)


def bluesky_fits(text: str) -> bool:
    return graphemes(text) <= BLUESKY_GRAPHEMES and len(text.encode()) <= BLUESKY_BYTES


def shorten(text: str, keep: int) -> str:
    """The first ``keep`` graphemes of ``text``, cut at a word boundary when one is near, with an ellipsis."""
    clusters = regex.findall(r"\X", text)
    if keep >= len(clusters):
        return text
    if keep <= 0:
        return ""
    head = "".join(clusters[:keep])
    space = max(head.rfind(" "), head.rfind("\n"))
    if space >= len(head) * 2 // 3:
        head = head[:space]
    return head.rstrip(" \n\t,;:.-–—") + ELLIPSIS


def _longest(text: str, fits: Callable[[str], bool]) -> str | None:
    """The longest shortened form of ``text`` that fits, or None when not even one grapheme does."""
    total = graphemes(text)
    low, high, best = 1, total, None
    while low <= high:
        middle = (low + high) // 2
        candidate = shorten(text, middle)
        if fits(candidate):
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


def fit_parts(title: str, excerpt: str, fits: Callable[[str, str], bool]) -> tuple[str, str]:
    """Shorten the excerpt, then the title, until ``fits(title, excerpt)``; raise TooLong if nothing does."""
    if fits(title, excerpt):
        return title, excerpt
    if excerpt:
        best = _longest(excerpt, lambda e: fits(title, e))
        if best is not None and graphemes(best) - 1 >= min(MIN_EXCERPT, graphemes(excerpt)):
            return title, best
    if fits(title, ""):
        return title, ""
    best = _longest(title, lambda t: fits(t, ""))
    if best is None:
        raise TooLong("the link and the notices alone are longer than the network allows")
    return best, ""


def _join(*parts: str) -> str:
    return SEPARATOR.join(p for p in parts if p)


def mastodon_post(
    item: Announcement, style: Style, limits: MastodonLimits = MastodonLimits()
) -> MastodonPost:
    """The status for ``item``: title, excerpt, link, then the blinding line; the warning as spoiler_text."""
    spoiler = item.content_warning
    tail = style.blinded_line if item.blinded else ""

    def text(title: str, excerpt: str) -> str:
        return _join(title, excerpt, item.url, tail)

    def fits(title: str, excerpt: str) -> bool:
        return mastodon_length(text(title, excerpt), spoiler, limits.url_length) <= limits.max_characters

    title, excerpt = fit_parts(item.title, item.excerpt, fits)
    status = text(title, excerpt)
    return MastodonPost(
        status=status,
        spoiler_text=spoiler,
        visibility=style.visibility,
        language=style.language,
        idempotency_key=idempotency_key(item.id),
        length=mastodon_length(status, spoiler, limits.url_length),
        limit=limits.max_characters,
    )


#: Bluesky's self-labels for what a content warning may be about, by the words that name it
#: (https://docs.bsky.app/docs/advanced-guides/moderation#global-label-values). A warning naming
#: none of them stays a "CW:" line only.
SELF_LABELS = {
    "graphic-media": frozenset({"needle", "needles", "blood", "bloods", "injection", "injections", "syringe",
                                "surgery", "surgical", "wound", "wounds", "gore", "graphic", "biopsy",
                                "incision", "stitches", "scar", "scars"}),
    "nudity": frozenset({"nudity", "nude", "naked"}),
    "sexual": frozenset({"sex", "sexual", "sexually"}),
}  # fmt: skip


def self_labels(content_warning: str) -> tuple[str, ...]:
    """The Bluesky self-labels that fit ``content_warning``, in a stable order."""
    words = set(regex.findall(r"\w+", content_warning.lower()))
    return tuple(label for label, names in SELF_LABELS.items() if words & names)


def short_link(url: str) -> str:
    """The address as the Bluesky app shows a link it shortens: the host and the first 13
    characters of a longer path, then "..." (``toShortUrl`` in bluesky-social/social-app)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return url
    path = ("" if parts.path == "/" else parts.path) + (f"?{parts.query}" if parts.query else "")
    path += f"#{parts.fragment}" if parts.fragment else ""
    return parts.netloc + (path[:13] + "..." if len(path) > 15 else path)


def bluesky_post(item: Announcement, style: Style) -> BlueskyPost:
    """The post for ``item``: a leading "CW: …" line, title, excerpt, the short link (a facet to the
    whole address), blinding line. Bluesky has nothing to fold text behind, so a post with a
    content warning carries no excerpt at all, neither in its text nor in its link card: the
    warning, the title and the link; the warning also becomes the self-labels that fit it."""
    head = f"CW: {item.content_warning}" if item.content_warning else ""
    tail = style.blinded_line if item.blinded else ""
    shown = short_link(item.url)

    def build(title: str, excerpt: str) -> tuple[str, LinkFacet]:
        before = _join(head, title, excerpt)
        start = len((before + SEPARATOR).encode()) if before else 0
        return _join(before, shown, tail), LinkFacet(start, start + len(shown.encode()), item.url)

    shown_excerpt = "" if item.content_warning else item.excerpt
    title, excerpt = fit_parts(item.title, shown_excerpt, lambda t, e: bluesky_fits(build(t, e)[0]))
    text, link = build(title, excerpt)
    card_title = f"[CW: {item.content_warning}] {item.title}" if item.content_warning else item.title
    return BlueskyPost(
        text=text,
        link=link,
        rkey=record_key(item.id),
        language=style.language,
        card_title=card_title,
        card_description="" if item.content_warning else item.excerpt,
        length=graphemes(text),
        labels=self_labels(item.content_warning),
    )
