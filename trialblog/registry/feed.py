"""Recruiting feeds: one entry per change of a trial's overall status, with where its open sites are.

Entries come from each trial's ``status_history`` (the importer adds to it), so a feed reader
hears when a trial opens, starts recruiting or changes status. An entry's id is made from the
trial and the change, so rebuilding never makes an old change look new. The entry about a
trial's current, open status carries where its open sites are, as one GeoRSS geometry
(feedgen's extension): a ``georss:point`` for one place, else the ``georss:box`` around them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

# isort: off
from feedgen.feed import FeedGenerator  # first: feedgen.ext needs the lxml.etree it imports
from feedgen.ext.geo import GeoExtension
from feedgen.ext.geo_entry import GeoEntryExtension

# isort: on

from ..content.trials import Location, StatusChange, Trial
from ..content.vocab import Status
from ..render.feeds import EPOCH, clean_xml, documents, new_feed
from .countries import country_name
from .listing import OPEN_STATUSES

HEADLINES = {
    Status.RECRUITING: "Now recruiting",
    Status.NOT_YET_RECRUITING: "Opening soon",
    Status.ENROLLING_BY_INVITATION: "Enrolling by invitation",
    Status.AVAILABLE: "Expanded access available",
}


def geometry(sites: Iterable[Location]) -> tuple[str, str] | None:
    """One GeoRSS geometry for the sites: ``("point", "lat lon")`` for one place, else the
    ``("box", "south west north east")`` around them; None when no site has coordinates."""
    points = {(s.lat, s.lon) for s in sites if s.lat is not None and s.lon is not None}
    if not points:
        return None
    if len(points) == 1:
        ((lat, lon),) = points
        return "point", f"{lat!r} {lon!r}"
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return "box", f"{min(lats)!r} {min(lons)!r} {max(lats)!r} {max(lons)!r}"


@dataclass(frozen=True)
class StatusNews:
    """One change of a trial's overall status."""

    trial: Trial
    change: StatusChange
    previous: Status | None
    current: bool  # the trial's latest change

    @property
    def id(self) -> str:
        key = self.trial.id or f"slug:{self.trial.slug}"
        return f"urn:trialblog:trial-status:{key}:{self.change.status.value}:{self.change.date}"

    @property
    def headline(self) -> str:
        words = HEADLINES.get(self.change.status, f"Status changed to {self.change.status.label.lower()}")
        return f"{words}: {self.trial.title}"

    @property
    def when(self) -> dt.datetime:
        parts = [int(p) for p in self.change.date.split("-")] + [1]
        return dt.datetime(parts[0], parts[1], parts[2], tzinfo=dt.UTC)

    @property
    def open_sites(self) -> list[Location]:
        """Sites open now, for news of the trial's current, open status."""
        if not (self.current and self.change.status in OPEN_STATUSES and self.trial.status in OPEN_STATUSES):
            return []
        return [loc for loc in self.trial.locations if loc.status is None or loc.status in OPEN_STATUSES]


def status_news(trials: Iterable[Trial]) -> list[StatusNews]:
    """Every status change of ``trials``, newest first."""
    news: list[StatusNews] = []
    for trial in trials:
        history = trial.status_history
        for i, change in enumerate(history):
            previous = history[i - 1].status if i else None
            news.append(StatusNews(trial, change, previous, current=i == len(history) - 1))
    news.sort(key=lambda n: (n.when, n.trial.title.lower()), reverse=True)
    return news


def entry_html(news: StatusNews, url: str) -> str:
    """The entry's body: every registry value escaped."""
    trial, status = news.trial, news.change.status
    parts = [f"<p><strong>{escape(status.label)}.</strong> {escape(status.explanation)}</p>"]
    if news.previous:
        parts.append(f"<p>Before: {escape(news.previous.label)}.</p>")
    facts = []
    if trial.conditions:
        facts.append("Conditions: " + escape(", ".join(trial.conditions)))
    if trial.phase_label:
        facts.append("Phase: " + escape(trial.phase_label))
    if trial.sponsor:
        facts.append("Sponsor: " + escape(trial.sponsor))
    if facts:
        parts.append("<p>" + ". ".join(facts) + ".</p>")
    sites = news.open_sites
    if sites:
        countries = sorted({country_name(s.country) for s in sites if s.country})
        where = f" in {escape(', '.join(countries))}" if countries else ""
        parts.append(f"<p>{len(sites)} site{'s' if len(sites) != 1 else ''} open{where}.</p>")
    link = f'<a href="{escape(url)}">{escape(trial.title)}</a>'
    registry = ""
    if trial.registry_url:
        registry = (
            f' and the registry record <a href="{escape(trial.registry_url)}">{escape(trial.id or "")}</a>'
        )
    parts.append(f"<p>See {link}{registry}.</p>")
    return clean_xml("\n".join(parts))


def build_recruiting_feed(
    *,
    title: str,
    subtitle: str,
    atom_url: str,
    rss_url: str,
    page_url: str,
    news: Sequence[StatusNews],
    trial_url: Callable[[Trial], str],
    author: str = "",
    language: str = "en",
) -> tuple[bytes, bytes]:
    """(Atom, RSS) documents announcing ``news`` (given newest first)."""
    fg = FeedGenerator()
    fg.register_extension("geo", GeoExtension, GeoEntryExtension)
    newest = max((n.when for n in news), default=EPOCH)
    new_feed(title, subtitle, atom_url, page_url, author, language, newest, feed=fg)
    for item in news:
        url = trial_url(item.trial)
        fe = fg.add_entry(order="append")
        fe.id(item.id)
        fe.guid(item.id, permalink=False)
        fe.title(clean_xml(item.headline))
        fe.link(href=url, rel="alternate")
        fe.published(item.when)
        fe.updated(item.when)
        fe.summary(clean_xml(f"{item.change.status.label}. {item.change.status.explanation}"))
        fe.content(entry_html(item, url), type="html")
        for condition in item.trial.conditions:
            fe.category(term=clean_xml(condition))
        shape = geometry(item.open_sites)
        if shape:
            getattr(fe.geo, shape[0])(shape[1])
    return documents(fg, rss_url, page_url)
