"""Writes the trial directory: ``/trials/``, ``/trials/recruiting/`` with its facet pages,
``/conditions/``, and the recruiting feeds; warns about what a directory publisher must fix.

The rules (what is open, stale, grouped, filtered) live in :mod:`trialblog.registry.listing`;
this module only adapts them to Pelican.
"""

from __future__ import annotations

from dataclasses import dataclass

from pelican import signals
from pelican.generators import Generator

from trialblog import pipeline
from trialblog.pipeline.settings import build_date, check, flag, text, whole
from trialblog.pipeline.site import entries_by_trial, site_of
from trialblog.pipeline.theme import with_trialblog_templates
from trialblog.pipeline.writer import together
from trialblog.registry.feed import build_recruiting_feed, status_news
from trialblog.registry.listing import (
    FACETS,
    AgeGroup,
    Directory,
    Listing,
    condition_groups,
    grouped,
    in_page_order,
)
from trialblog.registry.markup import registry_html
from trialblog.registry.sites import MANY_SITES, site_places
from trialblog.registry.slugs import slugify_condition
from trialblog.render.feeds import absolute_url, write_documents

logger = pipeline.logger("trial_directory")

FACET_TITLES = {"condition": "Condition", "phase": "Phase", "country": "Country"}
FEEDS = {
    "recruiting": "feeds/recruiting.{kind}.xml",
    "condition": "feeds/recruiting/conditions/{slug}.{kind}.xml",
}
DEFAULT_PAGE_SIZE = 100
PLUGIN = "trialblog_plugins.trial_directory"
SETTINGS = (
    whole("DIRECTORY_PAGE_SIZE", 1, 10_000, DEFAULT_PAGE_SIZE),
    flag("DIRECTORY_SEARCH"),
    text("DIRECTORY_DISCLOSURE"),
)


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
    """The directory's pages and recruiting feeds, from the run's trial records."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        with_trialblog_templates(self.env)

    def generate_context(self) -> None:
        site = site_of(self)
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
            # The search box of the directory's listings, over the site's index (trial_diary writes it).
            DIRECTORY_SEARCH=self.settings.get("DIRECTORY_SEARCH", True) and self.settings.get("SEARCH", True),
        )
        self.context["conditions"] = condition_groups(site.trials.values(), entries_by_trial(self))
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
        size = self.settings.get("DIRECTORY_PAGE_SIZE") or DEFAULT_PAGE_SIZE
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

    def generate_output(self, writer) -> None:
        with together(writer):  # rendered on every core, written in order by Pelican's writer
            self._write(writer)

    def _write(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
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
            if paged:
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
        if not self.directory.has_news(slug):
            return  # a feed with nothing to say is not written, nor linked
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


def check_settings(pelican) -> None:
    if pipeline.enabled(pelican.settings, PLUGIN):
        check(pelican.settings, "trial_directory", SETTINGS)


def get_generators(pelican):
    return DirectoryGenerator if pipeline.enabled(pelican.settings, PLUGIN) else ()


def register() -> None:
    pipeline.connect()
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
