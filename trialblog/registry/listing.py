"""The directory's rules: which trials are open, how they are grouped, filtered and flagged.

Everything here works on the loaded :class:`~trialblog.content.trials.Trial` records and a build date
("today", which a site can fix for reproducible builds); the plugin only turns the result into
pages. Work is linear in the number of trials and sites.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from ..content.trials import Eligibility, Location, Trial
from ..content.vocab import Phase, Sex, Status, StudyType
from . import values
from .conditions import Headings
from .countries import country_name
from .sites import CountryGroup, sites_by_country
from .values import OPEN_STATUSES

EXPANDED_ACCESS_STATUSES = frozenset(
    {
        Status.AVAILABLE,
        Status.NO_LONGER_AVAILABLE,
        Status.TEMPORARILY_NOT_AVAILABLE,
        Status.APPROVED_FOR_MARKETING,
    }
)
STALE_AFTER_DAYS = 365
FACETS = ("condition", "phase", "country")


class Section(Enum):
    """Where a trial is listed, in page order: (slug, heading, explanation)."""

    RECRUITING = ("recruiting", "Recruiting now", "These studies are looking for participants now.")
    INVITATION = (
        "invitation",
        "Enrolling by invitation only",
        "The study team invites people to join, usually from their own clinics; you cannot apply.",
    )
    OPENING = ("opening", "Opening soon", "Approved, but not yet enrolling participants.")
    EXPANDED = (
        "expanded-access",
        "Expanded access",
        "Not trials: ways for people who cannot join a trial to ask for a treatment still being studied.",
    )
    CLOSED = ("closed", "Not recruiting", "These studies are not enrolling anyone.")

    def __init__(self, slug: str, heading: str, explanation: str):
        self.slug = slug
        self.heading = heading
        self.explanation = explanation


class AgeGroup(Enum):
    """ClinicalTrials.gov's age groups."""

    CHILD = ("child", "Children (under 18)")
    ADULT = ("adult", "Adults (18 to 64)")
    OLDER_ADULT = ("older-adult", "Older adults (65 and over)")

    def __init__(self, slug: str, label: str):
        self.slug = slug
        self.label = label


def section_of(trial: Trial) -> Section:
    status = trial.status
    if trial.study_type is StudyType.EXPANDED_ACCESS or status in EXPANDED_ACCESS_STATUSES:
        return Section.EXPANDED
    return {
        Status.RECRUITING: Section.RECRUITING,
        Status.ENROLLING_BY_INVITATION: Section.INVITATION,
        Status.NOT_YET_RECRUITING: Section.OPENING,
    }.get(status, Section.CLOSED)


def verified_on(value: str | None) -> dt.date | None:
    """The last day a ``YYYY-MM`` (or the day of a ``YYYY-MM-DD``) verification date can mean."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 2:
        parts.append(calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)


def age_groups(minimum: str | None, maximum: str | None) -> tuple[AgeGroup, ...]:
    """The age groups an age range overlaps; no limits means everyone."""
    low = values.age_in_years(minimum) or 0.0
    high = values.age_in_years(maximum)
    high = float("inf") if high is None else high
    groups = []
    if low < 18:
        groups.append(AgeGroup.CHILD)
    if low < 65 and high >= 18:
        groups.append(AgeGroup.ADULT)
    if high >= 65:
        groups.append(AgeGroup.OLDER_ADULT)
    return tuple(groups)


def age_range(minimum: str | None, maximum: str | None) -> str:
    """``18 Years to 55 Years``, ``18 Years and older``, ``Up to 17 Years`` or ``Any age``."""
    if minimum and maximum:
        return f"{minimum} to {maximum}"
    if minimum:
        return f"{minimum} and older"
    if maximum:
        return f"Up to {maximum}"
    return "Any age"


@dataclass
class Listing:
    """One trial as the directory shows it."""

    trial: Trial
    section: Section
    verified: dt.date | None
    stale: bool
    countries: tuple[str, ...]
    age_groups: tuple[AgeGroup, ...]
    conditions: tuple[str, ...]  # the headings it is listed under (MeSH where the registry gives them)
    site_countries: tuple[str, ...]

    @property
    def open(self) -> bool:
        return self.trial.status in OPEN_STATUSES

    @property
    def unverified(self) -> bool:
        """An open trial whose registry record gives no date for its status."""
        return self.open and self.verified is None

    @property
    def has_eligibility(self) -> bool:
        """Whether the record says anything about who can join."""
        return self.trial.eligibility != Eligibility()

    @property
    def sex(self) -> Sex:
        return self.trial.eligibility.sex or Sex.ALL

    @property
    def healthy_volunteers(self) -> str:
        accepts = self.trial.eligibility.healthy_volunteers
        if accepts is None:
            return "Not stated"
        return "Accepts healthy volunteers" if accepts else "Does not accept healthy volunteers"

    @property
    def ages(self) -> str:
        e = self.trial.eligibility
        return age_range(e.minimum_age, e.maximum_age)


@dataclass
class Facet:
    """One value of a filter (a condition, a phase or a country) and the open trials it has."""

    kind: str
    slug: str
    name: str
    listings: list[Listing] = field(default_factory=list)
    also_called: list[str] = field(default_factory=list)  # the registries' own words for a condition

    @property
    def heading(self) -> str:
        """The heading of its page: "Recruiting trials for Lupus", "… in Phase 3", "… in Czechia"."""
        if self.kind == "phase" and self.slug == phase_slug(Phase.NA):
            return "Recruiting trials with no phase"
        return f"Recruiting trials {'for' if self.kind == 'condition' else 'in'} {self.name}"


class Directory:
    """Every trial of the site, listed as of ``today``."""

    def __init__(self, trials: Iterable[Trial], today: dt.date, slugify: Callable[[str], str]):
        self.today = today
        self._slugify = slugify
        self._slugs: dict[str, str] = {}
        stale_before = today - dt.timedelta(days=STALE_AFTER_DAYS)
        self.listings: list[Listing] = []
        self.by_slug: dict[str, Listing] = {}
        ordered = sorted(trials, key=lambda t: (t.title.lower(), t.slug))
        self.headings = Headings(ordered, self.slugify)
        for trial in ordered:
            verified = verified_on(trial.status_verified)
            listing = Listing(
                trial=trial,
                section=section_of(trial),
                verified=verified,
                stale=verified is not None and verified < stale_before,
                countries=_open_countries(trial.locations),
                age_groups=age_groups(trial.eligibility.minimum_age, trial.eligibility.maximum_age)
                if trial.eligibility != Eligibility()
                else (),
                conditions=self.headings.of(trial),
                site_countries=_site_countries(trial.locations),
            )
            self.listings.append(listing)
            self.by_slug[trial.slug] = listing
        self.open = [listing for listing in self.listings if listing.open]
        self._news: set[str] | None = None

    def slugify(self, name: str) -> str:
        """The slug of a condition or country name (computed once per name)."""
        slug = self._slugs.get(name)
        if slug is None:
            slug = self._slugs[name] = self._slugify(name)
        return slug

    def listing(self, trial: Trial) -> Listing | None:
        return self.by_slug.get(trial.slug)

    def sites(self, trial: Trial) -> list[CountryGroup]:
        return sites_by_country(trial.locations, self.slugify)

    def has_news(self, condition: str = "") -> bool:
        """Whether the recruiting feed (of the condition whose slug is ``condition``) has an entry."""
        if self._news is None:
            told = [listing.trial for listing in self.listings if listing.trial.status_history]
            self._news = {self.slugify(c) for t in told for c in t.conditions} | ({""} if told else set())
        return condition in self._news

    def stale_open(self) -> list[Listing]:
        """Open trials whose status was last verified more than a year ago."""
        return [listing for listing in self.open if listing.stale]

    def facets(self) -> dict[str, list[Facet]]:
        """Condition, phase and country values of the open trials, each with its trials."""
        found: dict[str, dict[str, Facet]] = {kind: {} for kind in FACETS}
        for listing in self.open:
            trial = listing.trial
            for name in listing.conditions:
                _add(found["condition"], "condition", self.slugify(name), name, listing)
            for heading, raw in self.headings.named(trial):
                facet = found["condition"].get(self.slugify(heading))
                if facet and self.slugify(raw) != facet.slug and raw not in facet.also_called:
                    facet.also_called.append(raw)
            for phase in trial.phases:
                _add(found["phase"], "phase", phase_slug(phase), phase.label, listing)
            for country in listing.countries:
                _add(found["country"], "country", self.slugify(country), country, listing)
        out = {}
        for kind, facets in found.items():
            facets.pop("", None)
            key = (lambda f: _PHASE_ORDER[f.slug]) if kind == "phase" else (lambda f: f.name.lower())
            out[kind] = sorted(facets.values(), key=key)
        for facet in out["condition"]:
            facet.also_called.sort(key=str.lower)
        return out


def phase_slug(phase: Phase) -> str:
    return values.word(phase.label).lower().replace("_", "-")


_PHASE_ORDER = {phase_slug(p): i for i, p in enumerate(Phase)}


def grouped(listings: Iterable[Listing]) -> list[tuple[Section, list[Listing]]]:
    """Listings under their sections, in section order (each keeps its order within a section)."""
    by_section: dict[Section, list[Listing]] = {}
    for listing in listings:
        by_section.setdefault(listing.section, []).append(listing)
    return [(section, by_section[section]) for section in Section if section in by_section]


def in_page_order(listings: Iterable[Listing]) -> list[Listing]:
    """Listings sorted by section, then as given (by title)."""
    order = {section: i for i, section in enumerate(Section)}
    return sorted(listings, key=lambda listing: order[listing.section])


def _open_countries(locations: Sequence[Location]) -> tuple[str, ...]:
    """Countries with a site that is open, or whose status is not given."""
    countries = dict.fromkeys(
        country_name(loc.country)
        for loc in locations
        if loc.country and (loc.status is None or loc.status in OPEN_STATUSES)
    )
    return tuple(sorted(countries, key=str.lower))


def _site_countries(locations: Sequence[Location]) -> tuple[str, ...]:
    """Every country with a site, by its everyday name, in the order of the sites (the search filters)."""
    return tuple(dict.fromkeys(country_name(loc.country) for loc in locations if loc.country))


def _add(facets: dict[str, Facet], kind: str, slug: str, name: str, listing: Listing) -> None:
    facet = facets.get(slug)
    if facet is None:
        facet = facets[slug] = Facet(kind, slug, name)
    if not facet.listings or facet.listings[-1] is not listing:
        facet.listings.append(listing)


def condition_groups(trials: Iterable[Trial], entries: Mapping[str, Sequence[object]]) -> list[dict]:
    """Each condition of ``trials`` with its trials and the diary entries about them (``entries``
    by trial slug, oldest first): newest entries first, conditions by name."""
    from .slugs import slugify_condition

    groups: dict[str, dict] = {}
    for trial in sorted(trials, key=lambda t: t.title.lower()):
        for name in trial.conditions:
            slug = slugify_condition(name)
            group = groups.setdefault(slug, {"slug": slug, "name": name, "trials": [], "entries": []})
            group["trials"].append(trial)
            group["entries"].extend(entries.get(trial.slug, ()))
    for group in groups.values():
        group["entries"].sort(key=lambda a: a.date, reverse=True)
    return sorted(groups.values(), key=lambda g: g["name"].lower())
