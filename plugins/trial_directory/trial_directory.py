"""Writes the trial directory: ``/trials/``, ``/trials/recruiting/`` with its facet pages,
``/conditions/``, and the recruiting feeds; warns about what a directory publisher must fix.

The rules (what is open, stale, grouped, filtered) live in :mod:`trialblog.registry.listing`;
this module only adapts them to Pelican.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from trialblog_plugins.trial_diary.trial_diary import (
    compile_templates,
    rendered_once,
    site_for,
    slugify_condition,
)

from trialblog.build.fingerprint import build_date
from trialblog.build.frozen_urls import SHORTCUTS
from trialblog.build.parallel import first_pages_written, owns
from trialblog.build.reuse import reusing
from trialblog.content.errors import ContentError, ContentErrors
from trialblog.registry.feed import build_recruiting_feed, status_news
from trialblog.registry.listing import FACETS, AgeGroup, Directory, Listing, grouped, in_page_order
from trialblog.registry.markup import registry_html
from trialblog.registry.sites import MANY_SITES, site_places
from trialblog.registry.slugs import RESERVED
from trialblog.render.feeds import absolute_url, write_documents

from .search import Indexing, finish_search_index, start_search_index

logger = logging.getLogger("pelican.plugins.trial_directory")

FACET_TITLES = {"condition": "Condition", "phase": "Phase", "country": "Country"}
FEEDS = {
    "recruiting": "feeds/recruiting.{kind}.xml",
    "condition": "feeds/recruiting/conditions/{slug}.{kind}.xml",
}
DEFAULT_PAGE_SIZE = 100


def recruiting_feed_path(kind: str, slug: str = "") -> str:
    """Where a recruiting feed is written: the whole directory's, or one condition's (by slug)."""
    return FEEDS["condition" if slug else "recruiting"].format(kind=kind, slug=slug)


@dataclass(frozen=True)
class Pager:
    """Where one page of a listing sits among its pages."""

    number: int
    count: int
    first: int  # position of the page's first trial, from 1
    last: int
    total: int
    prev_url: str | None
    next_url: str | None


class DirectoryGenerator(Generator):
    """Runs after the diary generator, which has linked entries to trials."""

    def generate_context(self) -> None:
        site = site_for(self.settings)
        clashes = sorted(RESERVED & set(site.trials))
        if clashes:
            raise ContentErrors(
                [
                    ContentError(
                        site.trials[slug].source,
                        None,
                        None,
                        f"the slug {slug!r} is taken by the directory's /trials/{slug}/ pages",
                        "rename the file, e.g. to " + f"{slug}-trial.yaml",
                    )
                    for slug in clashes
                ]
            )
        self.today = build_date(self.settings)
        self.directory = Directory(site.trials.values(), self.today, slugify_condition)
        self.facets = self.directory.facets()
        self.context.update(
            directory=self.directory,
            registry_html=registry_html,
            recruiting_feed_path=recruiting_feed_path,
            facet_titles=FACET_TITLES,
            age_groups=list(AgeGroup),
            directory_facets=self.facets,
            DIRECTORY_DISCLOSURE=self.settings.get("DIRECTORY_DISCLOSURE", ""),
            DIRECTORY_SEARCH=self.settings.get("DIRECTORY_SEARCH", True),
        )
        compile_templates(
            self, ["trials", "recruiting", "facets", "conditions", "condition", "directory_macros"]
        )
        self._warn()

    def _warn(self) -> None:
        if not self.settings.get("DIRECTORY_DISCLOSURE"):
            logger.warning(
                "DIRECTORY_DISCLOSURE is not set: directory pages say the publisher has given no funding "
                "or conflict-of-interest disclosure; set it in pelicanconf.py"
            )
        stale = self.directory.stale_open()
        if stale:
            names = ", ".join(listing.trial.slug for listing in stale[:5])
            more = f" and {len(stale) - 5} more" if len(stale) > 5 else ""
            logger.warning(
                "%d open trial%s last verified by the registry more than a year before %s, flagged as "
                "possibly out of date: %s%s; import their records again",
                len(stale),
                "s were" if len(stale) != 1 else " was",
                self.today.isoformat(),
                names,
                more,
            )

    def write_listing(self, writer, base: str, template: str, listings: list[Listing], **extra) -> None:
        """Write ``listings`` under ``base`` (``trials/``), in pages of DIRECTORY_PAGE_SIZE."""
        size = max(1, int(self.settings.get("DIRECTORY_PAGE_SIZE", DEFAULT_PAGE_SIZE)))
        ordered = in_page_order(listings)
        chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)] or [[]]
        urls = [base if n == 1 else f"{base}page/{n}/" for n in range(1, len(chunks) + 1)]
        for n, chunk in enumerate(chunks):
            pager = Pager(
                number=n + 1,
                count=len(chunks),
                first=n * size + 1 if chunk else 0,
                last=n * size + len(chunk),
                total=len(ordered),
                prev_url=urls[n - 1] if n else None,
                next_url=urls[n + 1] if n + 1 < len(urls) else None,
            )
            writer.write_file(
                f"{urls[n]}index.html",
                self.get_template(template),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=urls[n],
                groups=grouped(chunk),
                pager=pager,
                **extra,
            )

    def cache_listings(self) -> None:
        """Render each trial's entry in a listing once, however many pages list it.

        Only with absolute URLs: with RELATIVE_URLS a link depends on the page it is on.
        """
        if self.settings["RELATIVE_URLS"]:
            return
        self.context["listing_html"] = rendered_once(
            self, "directory_macros", "listing_item", lambda listing, level: (listing.trial.slug, level)
        )

    shares_output = True  # pages go through writer.write_file; feeds check owns() first

    def generate_output(self, writer) -> None:
        self.writer = writer
        relative = self.settings["RELATIVE_URLS"]
        self.cache_listings()
        conditions = self.context.get("conditions", [])
        condition_pages = {condition["slug"] for condition in conditions}
        self.write_listing(writer, "trials/", "trials", self.directory.listings)
        self.write_listing(
            writer,
            "trials/recruiting/",
            "recruiting",
            self.directory.open,
            facet=None,
            heading="Recruiting trials",
        )
        for kind in FACETS:
            writer.write_file(
                f"trials/recruiting/{kind}/index.html",
                self.get_template("facets"),
                self.context,
                relative_urls=relative,
                url=f"trials/recruiting/{kind}/",
                kind=kind,
                values=self.facets[kind],
            )
            for facet in self.facets[kind]:
                self.write_listing(
                    writer,
                    f"trials/recruiting/{kind}/{facet.slug}/",
                    "recruiting",
                    facet.listings,
                    facet=facet,
                    heading=facet.heading,
                    condition_pages=condition_pages,
                )
        self.write_site_pages(writer)
        writer.write_file(
            "conditions/index.html",
            self.get_template("conditions"),
            self.context,
            relative_urls=relative,
            url="conditions/",
        )
        open_conditions = {facet.slug: facet for facet in self.facets["condition"]}
        for facet in self.facets["condition"]:  # a condition's own words lead to its MeSH heading
            for name in facet.also_called:
                open_conditions.setdefault(self.directory.slugify(name), facet)
        for condition in conditions:
            listings = [self.directory.by_slug[t.slug] for t in condition["trials"]]
            self.write_listing(
                writer,
                f"conditions/{condition['slug']}/",
                "condition",
                listings,
                condition=condition,
                open_facet=open_conditions.get(condition["slug"]),
            )
        self.write_feeds(conditions)

    def write_site_pages(self, writer) -> None:
        """A page for each country where a trial has many sites, and the sites' places for "near me"."""
        for listing in self.directory.listings:
            trial = listing.trial
            if len(trial.locations) <= MANY_SITES:
                continue
            countries = self.directory.sites(trial)
            paged = [country for country in countries if country.own_page]
            for country in paged:
                writer.write_file(
                    f"trials/{trial.slug}/sites/{country.slug}/index.html",
                    self.get_template("sites"),
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=f"trials/{trial.slug}/sites/{country.slug}/",
                    trial=trial,
                    country=country,
                    near=any(site.lat is not None for city in country.cities for site in city.sites),
                )
            places = f"trials/{trial.slug}/sites.json"
            if paged and owns(writer, places):
                reuse = reusing(writer)
                if reuse and reuse.copy_all((places,), self.output_path):
                    continue  # made from the trial records alone, which are unchanged
                page = self.absolute(f"trials/{trial.slug}/")
                write_documents(self.output_path, {places: site_places(countries, page)})

    def absolute(self, path: str) -> str:
        return absolute_url(self.settings, path)

    def write_feeds(self, conditions: list[dict]) -> None:
        limit = self.settings.get("TRIALBLOG_FEED_MAX_ITEMS", 50)
        site = self.settings.get("SITENAME", "")
        self._feed("", f"{site}: recruiting trials", "trials/recruiting/", self.directory.listings, limit,
                   "Trials that open, start recruiting or change status")  # fmt: skip
        for condition in conditions:
            listings = [self.directory.by_slug[t.slug] for t in condition["trials"]]
            self._feed(condition["slug"], f"{site}: recruiting trials for {condition['name']}",
                       f"conditions/{condition['slug']}/", listings, limit,
                       f"Trials for {condition['name']} that open, start recruiting or change status")  # fmt: skip

    def _feed(
        self, slug: str, title: str, page: str, listings: list[Listing], limit: int, subtitle: str
    ) -> None:
        atom_path, rss_path = recruiting_feed_path("atom", slug), recruiting_feed_path("rss", slug)
        if not self.directory.has_news(slug) or not owns(getattr(self, "writer", None), atom_path):
            return  # a feed with nothing to say is not written, nor linked
        reuse = reusing(getattr(self, "writer", None))
        if reuse and reuse.copy_all((atom_path, rss_path), self.output_path):
            return  # made from the trial records alone, which are unchanged: the last build's feed
        news = status_news(listing.trial for listing in listings)[:limit]
        atom, rss = build_recruiting_feed(
            title=title,
            subtitle=subtitle,
            atom_url=self.absolute(atom_path),
            rss_url=self.absolute(rss_path),
            page_url=self.absolute(page),
            news=news,
            trial_url=lambda trial: self.absolute(f"trials/{trial.slug}/"),
            author=self.settings.get("AUTHOR", ""),
            language=self.settings.get("DEFAULT_LANG", "en"),
        )
        write_documents(self.output_path, {atom_path: atom, rss_path: rss})


def get_generators(_pelican) -> type[Generator]:
    return DirectoryGenerator


INDEXING_KEY = "_TRIALBLOG_SEARCH_INDEXING"


def _search_start(pelican) -> Indexing:
    previous = pelican.settings.get("TRIALBLOG_PREVIOUS_OUTPUT")
    return start_search_index(Path(pelican.output_path), Path(previous) if previous else None)


def start_search_early(pelican) -> None:
    """The trial pages are written: index them while the rest of the site renders."""
    if pelican.settings.get("DIRECTORY_SEARCH", True) and pelican.settings.get(SHORTCUTS, True):
        pelican.settings[INDEXING_KEY] = _search_start(pelican)


def finalized(pelican) -> None:
    indexing = pelican.settings.pop(INDEXING_KEY, None)
    if pelican.settings.get("DIRECTORY_SEARCH", True):
        finish_search_index(indexing or _search_start(pelican), Path(pelican.output_path), logger)


def register() -> None:
    signals.get_generators.connect(get_generators)
    first_pages_written.connect(start_search_early)
    signals.finalized.connect(finalized)
