"""Writes the diary feeds with stable entry ids, content warnings and the blinding notice."""

from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from trialblog.build.parallel import first_process, owns
from trialblog.build.reuse import reusing
from trialblog.content.errors import display_path
from trialblog.render.feeds import (
    FeedItem,
    absolute_url,
    build_feed,
    feed_siteurl,
    permanent_id,
    write_documents,
)
from trialblog.syndicate.manifest import PUBLISHED_KEY, entry_record, published, trial_record

FEEDS = {
    "all": "feeds/all.{kind}.xml",
    "trial": "feeds/trials/{slug}.{kind}.xml",
    "condition": "feeds/conditions/{slug}.{kind}.xml",
}


def feed_path(which: str, kind: str, slug: str = "") -> str:
    """Where a feed is written, relative to the site root (``kind`` is atom or rss)."""
    return FEEDS[which].format(slug=slug, kind=kind)


class FeedsGenerator(Generator):
    """Runs after the diary generator has linked entries to trials."""

    shares_output = True  # each feed is written by the process that owns its path

    def generate_context(self) -> None:
        self.context["feed_path"] = feed_path
        self._items: dict[object, FeedItem] = {}  # entries hash by identity

    def absolute(self, path: str) -> str:
        return absolute_url(self.settings, path)

    def item(self, article) -> FeedItem:
        """The feed item of ``article`` (made once: an entry is in several feeds)."""
        if article not in self._items:
            self._items[article] = self._item(article)
        return self._items[article]

    def _item(self, article) -> FeedItem:
        siteurl = feed_siteurl(self.settings)
        source = display_path(article.source_path, self.settings["PATH"])
        updated = getattr(article, "modified", None) or article.date
        return FeedItem(
            id=permanent_id(getattr(article, "permanent_id", None), source),
            title=article.title,
            url=self.absolute(article.url),
            published=article.date,
            updated=updated,
            html=article.get_content(siteurl),
            summary=_plain(article.summary),
            content_warning=getattr(article, "content_warning", ""),
            blinding_notice=self.settings.get("BLINDING_NOTICE", "")
            if getattr(article, "blinded", False)
            else "",
            categories=tuple(t.name for t in getattr(article, "tags", []) or []),
        )

    def write(self, path: str, title: str, page: str, articles: list, subtitle: str = "") -> None:
        if not articles or not owns(getattr(self, "writer", None), path.format(kind="atom")):
            return  # a feed with nothing to say is not written, nor linked
        limit = self.settings.get("TRIALBLOG_FEED_MAX_ITEMS", 50)
        newest = sorted(articles, key=lambda a: a.date, reverse=True)[:limit]
        atom_path, rss_path = path.format(kind="atom"), path.format(kind="rss")
        reuse = reusing(getattr(self, "writer", None))
        if reuse and reuse.copy_all((atom_path, rss_path), self.output_path, (a.save_as for a in newest)):
            return  # no entry in it changed: the last build's feed, linked
        items = [self.item(a) for a in newest]
        atom, rss = build_feed(
            title=title,
            atom_url=self.absolute(atom_path),
            rss_url=self.absolute(rss_path),
            page_url=self.absolute(page),
            items=items,
            subtitle=subtitle,
            author=self.settings.get("AUTHOR", ""),
            language=self.settings.get("DEFAULT_LANG", "en"),
        )
        write_documents(self.output_path, {atom_path: atom, rss_path: rss})

    def record_published(self, articles: list) -> None:
        """Hand the build every public entry and trial, for `trialblog syndicate` (see build.py)."""
        root = Path(self.settings["PATH"]).parent
        entries = [
            entry_record(
                self.item(a),
                blinded=bool(getattr(a, "blinded", False)),
                syndicate=bool(getattr(a, "syndicate", True)),
                source=display_path(Path(a.source_path), root),
                trial=a.trial.slug if getattr(a, "trial", None) else None,
            )
            for a in sorted(articles, key=lambda a: a.date)
        ]
        trials = [trial_record(t, self.absolute(f"trials/{t.slug}/")) for t in self.context.get("trials", [])]
        siteurl = feed_siteurl(self.settings)
        self.settings[PUBLISHED_KEY] = published(siteurl, entries, trials)

    def generate_output(self, writer) -> None:
        self.writer = writer
        site = self.settings.get("SITENAME", "")
        articles = self.context.get("articles", [])
        self.write(feed_path("all", "{kind}"), site, "", articles, "Every diary entry")
        if first_process(writer):  # the build reads it from this process's settings
            self.record_published(articles)
        by_trial = self.context.get("trial_entries", {})
        for trial in self.context.get("trials", []):
            self.write(
                feed_path("trial", "{kind}", trial.slug),
                f"{site}: {trial.title}",
                f"trials/{trial.slug}/",
                by_trial.get(trial.slug, []),
                f"Diary entries about {trial.title}",
            )
        for condition in self.context.get("conditions", []):
            self.write(
                feed_path("condition", "{kind}", condition["slug"]),
                f"{site}: {condition['name']}",
                f"conditions/{condition['slug']}/",
                condition["entries"],
                f"Diary entries about trials for {condition['name']}",
            )


def _plain(html: str) -> str:
    import re
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html or "")).strip()


def get_generators(_pelican) -> type[Generator]:
    return FeedsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
