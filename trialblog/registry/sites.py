"""A trial's sites grouped for its page: by country, then state or region, then city, open sites first."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..content.trials import Location
from .countries import country
from .slugs import slugify as slug_of
from .values import OPEN_STATUSES

# A country with more sites than this gets a page of its own; the trial page lists its regions.
MANY_SITES = 30


def is_open(site: Location) -> bool:
    return site.status in OPEN_STATUSES


@dataclass
class CityGroup:
    city: str
    sites: list[Location] = field(default_factory=list)
    open_sites: int = 0

    @property
    def name(self) -> str:
        return self.city or "City not given"


@dataclass
class RegionGroup:
    """A state, province or region (``region`` is empty when the registry gives none)."""

    region: str
    cities: list[CityGroup] = field(default_factory=list)
    sites: int = 0
    open_sites: int = 0

    @property
    def name(self) -> str:
        return self.region or "Region not given"


@dataclass
class CountryGroup:
    country: str  # the everyday name; empty when no site gives one
    code: str = ""  # ISO 3166 alpha-2, empty when unknown
    slug: str = ""
    regions: list[RegionGroup] = field(default_factory=list)
    sites: int = 0
    open_sites: int = 0

    @property
    def name(self) -> str:
        return self.country or "Country not given"

    @property
    def own_page(self) -> bool:
        """Whether its sites are listed on a page of their own (the trial page lists its regions)."""
        return self.sites > MANY_SITES

    @property
    def cities(self) -> list[CityGroup]:
        return [city for region in self.regions for city in region.cities]


def sites_by_country(
    locations: Sequence[Location], slugify: Callable[[str], str] = slug_of
) -> list[CountryGroup]:
    """Sites by country, region and city; open groups and sites first, then by name."""
    countries: dict[str, CountryGroup] = {}
    regions: dict[tuple[str, str], RegionGroup] = {}
    cities: dict[tuple[str, str, str], CityGroup] = {}
    for loc in locations:
        where = country(loc.country)
        group = countries.get(where.name)
        if group is None:
            slug = slugify(where.name) if where.name else ""
            group = countries[where.name] = CountryGroup(where.name, where.code, slug or "not-given")
        region = regions.get((where.name, loc.state))
        if region is None:
            region = regions[(where.name, loc.state)] = RegionGroup(loc.state)
            group.regions.append(region)
        city = cities.get((where.name, loc.state, loc.city))
        if city is None:
            city = cities[(where.name, loc.state, loc.city)] = CityGroup(loc.city)
            region.cities.append(city)
        opened = is_open(loc)
        city.sites.append(loc)
        for g in (group, region, city):
            g.open_sites += opened
        group.sites += 1
        region.sites += 1
    for group in countries.values():
        group.regions.sort(key=lambda r: (not r.open_sites, not r.region, r.region.lower()))
        for region in group.regions:
            region.cities.sort(key=lambda c: (not c.open_sites, not c.city, c.city.lower()))
            for city in region.cities:
                city.sites.sort(key=lambda s: (not is_open(s), s.facility.lower()))
    return sorted(countries.values(), key=lambda g: (not g.country, g.country.lower()))


def site_places(countries: Sequence[CountryGroup], trial_url: str) -> bytes:
    """The sites with coordinates as JSON, for "sites near me": where each is and the page listing it."""
    places = []
    for group in countries:
        page = f"{trial_url}sites/{group.slug}/" if group.own_page else trial_url
        for city in group.cities:
            for site in city.sites:
                if site.lat is None or site.lon is None:
                    continue
                places.append(
                    {
                        "name": site.facility,
                        "place": ", ".join(p for p in (site.city, site.state, group.country) if p),
                        "zip": site.zip,
                        "status": site.status.label if site.status else "",
                        "open": is_open(site),
                        "geo": [site.lat, site.lon],
                        "page": page,
                    }
                )
    return json.dumps(places, ensure_ascii=False, separators=(",", ":")).encode()
