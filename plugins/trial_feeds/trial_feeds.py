"""Writes the diary feeds with stable entry ids, content warnings and the blinding notice."""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.generators import Generator

from trialblog import pipeline
from trialblog.content.errors import display_path
from trialblog.pipeline.settings import check, whole
from trialblog.pipeline.site import entries_by_trial, site_of
from trialblog.registry.listing import condition_groups
from trialblog.render.feeds import FeedItem, absolute_url, build_feed, feed_item, write_documents

PLUGIN = "trialblog_plugins.trial_feeds"
FEEDS = {
    "all": "feeds/all.{kind}.xml",
    "trial": "feeds/trials/{slug}.{kind}.xml",
    "condition": "feeds/conditions/{slug}.{kind}.xml",
}
SETTINGS = (whole("TRIALBLOG_FEED_MAX_ITEMS", 1, 10_000, 50),)
#: Pelican's own feed settings: none may name a file this plugin writes.
PELICAN_FEEDS = ("FEED_ATOM", "FEED_RSS", "FEED_ALL_ATOM", "FEED_ALL_RSS", "CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS",
                 "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TAG_FEED_ATOM", "TAG_FEED_RSS", "TRANSLATION_FEED_ATOM",
                 "TRANSLATION_FEED_RSS")  # fmt: skip


def pelican_feeds(settings: dict[str, Any]) -> set[str]:
    """The feed files Pelican's own settings make it write."""
    return {value for name in PELICAN_FEEDS if isinstance(value := settings.get(name), str)}


def feed_path(which: str, kind: str, slug: str = "") -> str:
    """Where a feed is written, relative to the site root (``kind`` is atom or rss)."""
    return FEEDS[which].format(slug=slug, kind=kind)


class FeedsGenerator(Generator):
    """Writes the site's, each trial's and each condition's diary feeds."""

    def generate_context(self) -> None:
        self.context["feed_path"] = feed_path
        self._items: dict[int, FeedItem] = {}

    def item(self, article: Any) -> FeedItem:
        """The feed item of ``article`` (made once: an entry is in several feeds)."""
        if id(article) not in self._items:
            source = display_path(article.source_path, self.settings["PATH"])
            self._items[id(article)] = feed_item(article, self.settings, source)
        return self._items[id(article)]

    def write(self, path: str, title: str, page: str, articles: list[Any], subtitle: str = "") -> None:
        if not articles:
            return  # a feed with nothing to say is not written, nor linked
        limit = self.settings.get("TRIALBLOG_FEED_MAX_ITEMS", 50)
        newest = sorted(articles, key=lambda a: a.date, reverse=True)[:limit]
        atom_path, rss_path = path.format(kind="atom"), path.format(kind="rss")
        documents = build_feed(
            title=title,
            atom_url=absolute_url(self.settings, atom_path),
            rss_url=absolute_url(self.settings, rss_path),
            page_url=absolute_url(self.settings, page),
            items=[self.item(a) for a in newest],
            subtitle=subtitle,
            author=self.settings.get("AUTHOR", ""),
            language=self.settings.get("DEFAULT_LANG", "en"),
            allowed_html=self.settings.get("TRIALBLOG_ALLOWED_HTML"),
        )
        # A feed Pelican itself writes at the same path is Pelican's (the pipeline adds the
        # notices to it): never overwritten.
        ours = {p: d for p, d in zip((atom_path, rss_path), documents, strict=True) if p not in pelican_feeds(self.settings)}
        write_documents(self.output_path, ours)

    def generate_output(self, writer: Any) -> None:
        site = self.settings.get("SITENAME", "")
        articles = self.context.get("articles", [])
        self.write(feed_path("all", "{kind}"), site, "", articles, "Every diary entry")
        by_trial = entries_by_trial(self)
        trials = sorted(site_of(self).trials.values(), key=lambda t: t.title.lower())
        for trial in trials:
            self.write(
                feed_path("trial", "{kind}", trial.slug),
                f"{site}: {trial.title}",
                f"trials/{trial.slug}/",
                by_trial.get(trial.slug, []),
                f"Diary entries about {trial.title}",
            )
        for condition in condition_groups(trials, by_trial):
            self.write(
                feed_path("condition", "{kind}", condition["slug"]),
                f"{site}: {condition['name']}",
                f"conditions/{condition['slug']}/",
                condition["entries"],
                f"Diary entries about trials for {condition['name']}",
            )


def check_settings(pelican: Any) -> None:
    if pipeline.enabled(pelican.settings, PLUGIN):
        check(pelican.settings, "trial_feeds", SETTINGS)


def get_generators(pelican: Any) -> Any:
    return FeedsGenerator if pipeline.enabled(pelican.settings, PLUGIN) else ()


def register() -> None:
    pipeline.connect()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
