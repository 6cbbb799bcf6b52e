"""Atom and RSS feeds of diary entries, written with feedgen, reproducibly."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator

from .sanitize import allowed_html as allowed_html_setting
from .sanitize import clean

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
# Characters XML 1.0 forbids; they would make a feed unreadable.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class FeedItem:
    id: str
    title: str
    url: str
    published: dt.datetime
    updated: dt.datetime
    html: str
    summary: str = ""
    content_warning: str = ""
    blinding_notice: str = ""
    categories: tuple[str, ...] = ()


def permanent_id(entry_id: str | None, source: str) -> str:
    """An entry's feed id: from its ``Id:``; without one, from its file's path in content/."""
    if entry_id and UUID.match(entry_id):
        return f"urn:uuid:{entry_id.lower()}"
    if entry_id:
        return f"urn:trialblog:entry:{entry_id}"
    return "urn:trialblog:file:" + hashlib.sha256(source.encode()).hexdigest()[:32]


def item_html(item: FeedItem, allowed_html: object = None) -> str:
    """The entry body as readers see it in a feed: warnings first, as on the page, and only the
    markup :mod:`trialblog.render.sanitize` allows (``allowed_html``: the site's
    ``TRIALBLOG_ALLOWED_HTML``)."""
    parts = []
    if item.content_warning:
        parts.append(f"<p><strong>Content warning: {escape(item.content_warning)}</strong></p>")
    if item.blinding_notice:
        parts.append(f"<p><em>{escape(item.blinding_notice)}</em></p>")
    parts.append(clean(item.html, *allowed_html_setting(allowed_html)))
    return clean_xml("\n".join(parts))


def clean_xml(text: str) -> str:
    return XML_FORBIDDEN.sub("", text)


def build_feed(
    title: str,
    atom_url: str,
    rss_url: str,
    page_url: str,
    items: Sequence[FeedItem],
    subtitle: str = "",
    author: str = "",
    language: str = "en",
    allowed_html: object = None,
) -> tuple[bytes, bytes]:
    """Return (Atom, RSS) documents for ``items`` (given newest first)."""
    fg = new_feed(
        title, subtitle, atom_url, page_url, author, language, max((i.updated for i in items), default=EPOCH)
    )
    for item in items:
        fe = fg.add_entry(order="append")
        fe.id(item.id)
        fe.guid(item.id, permalink=False)
        title_text = item.title if not item.content_warning else f"[CW: {item.content_warning}] {item.title}"
        fe.title(clean_xml(title_text))
        fe.link(href=item.url, rel="alternate")
        fe.published(item.published)
        fe.updated(item.updated)
        summary = clean_xml(item.summary)
        if item.content_warning:
            summary = clean_xml(f"Content warning: {item.content_warning}. {summary}")
        if summary:
            fe.summary(summary)
        fe.content(item_html(item, allowed_html), type="html")
        for term in item.categories:
            fe.category(term=clean_xml(term))
        if item.content_warning:
            fe.category(term="content-warning", label=clean_xml(f"Content warning: {item.content_warning}"))
    return documents(fg, rss_url, page_url)


def new_feed(
    title: str,
    subtitle: str,
    atom_url: str,
    page_url: str,
    author: str,
    language: str,
    updated: dt.datetime,
    feed: FeedGenerator | None = None,
) -> FeedGenerator:
    """A feed's head: id, titles, links, language, author and its (reproducible) updated date."""
    fg = feed or FeedGenerator()
    fg.id(atom_url if "://" in atom_url else f"urn:trialblog:feed:{atom_url.strip('/')}")
    fg.title(clean_xml(title))
    fg.subtitle(clean_xml(subtitle or title))
    fg.link(href=page_url or "/", rel="alternate")
    fg.link(href=atom_url, rel="self")
    fg.language(language)
    if author:
        fg.author(name=clean_xml(author))
    fg.updated(updated)
    fg.lastBuildDate(updated)
    fg.generator("trialblog")
    return fg


def documents(fg: FeedGenerator, rss_url: str, page_url: str) -> tuple[bytes, bytes]:
    """(Atom, RSS) bytes of a finished feed."""
    atom = fg.atom_str(pretty=True)
    _descriptions_as_html(fg)
    # feedgen's RSS <link> is the last link given: the page, after RSS's own self link.
    fg.link([{"href": rss_url, "rel": "self"}, {"href": page_url or "/", "rel": "alternate"}], replace=True)
    return atom, fg.rss_str(pretty=True)


def _descriptions_as_html(fg: FeedGenerator) -> None:
    """Escape the text of RSS ``<description>`` elements, which readers show as HTML.

    feedgen keeps one value for Atom's subtitle and summaries (text there) and RSS's channel and
    item descriptions, so the RSS copies are escaped once the Atom document is written.
    """
    if fg.description():
        fg.description(escape(fg.description()))
    for entry in fg.entry():
        if entry.description():
            entry.description(escape(entry.description()), isSummary=True)


def feed_siteurl(settings: dict) -> str:
    """The address feeds link to: ``FEED_DOMAIN``, else ``SITEURL``."""
    return settings.get("FEED_DOMAIN") or settings.get("SITEURL", "")


def absolute_url(settings: dict, path: str) -> str:
    """``path`` on the site, as feeds link to it."""
    return f"{feed_siteurl(settings).rstrip('/')}/{path.lstrip('/')}"


def write_documents(output: str | Path, documents: dict[str, bytes]) -> None:
    """Write each feed document at its path under ``output``, ending with a newline."""
    for name, data in documents.items():
        target = Path(output) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data + b"\n")


def feed_item(article: Any, settings: dict, source: str) -> FeedItem:
    """A diary entry (a Pelican article, with what the pipeline added) as a feed item;
    ``source`` is its file as shown to the writer."""
    updated = getattr(article, "modified", None) or article.date
    return FeedItem(
        id=permanent_id(getattr(article, "permanent_id", None), source),
        title=article.title,
        url=absolute_url(settings, article.url),
        published=article.date,
        updated=updated,
        html=article.get_content(feed_siteurl(settings)),
        summary=plain_text(article.summary),
        content_warning=getattr(article, "content_warning", ""),
        blinding_notice=settings.get("BLINDING_NOTICE", "") if getattr(article, "blinded", False) else "",
        categories=tuple(t.name for t in getattr(article, "tags", []) or []),
    )


def plain_text(html: str) -> str:
    """``html`` without its tags, entities read."""
    return unescape(re.sub(r"<[^>]+>", "", html or "")).strip()
