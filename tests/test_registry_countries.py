"""Countries by ISO 3166: one name for every spelling the registries use."""

from __future__ import annotations

import datetime as dt

from trialblog.content.trials import Location, Trial
from trialblog.content.vocab import Status
from trialblog.registry.countries import country
from trialblog.registry.listing import Directory, _site_countries
from trialblog.registry.slugs import slugify

SPELLINGS = {
    "Czechia": ["Czech Republic", "Czechia", "CZECH REPUBLIC"],
    "Türkiye": ["Turkey", "Türkiye"],
    "South Korea": ["Korea, Republic of", "South Korea"],
    "Russia": ["Russian Federation", "Russia"],
    "Iran": ["Iran, Islamic Republic of"],
    "Vietnam": ["Viet Nam", "Vietnam"],
    "North Macedonia": ["Macedonia, The Former Yugoslav Republic of", "North Macedonia"],
    "Democratic Republic of the Congo": ["Congo, The Democratic Republic of the"],
    "Côte d'Ivoire": ["Côte d'Ivoire", "CÔTE D'IVOIRE", "Ivory Coast"],
}


def test_every_spelling_is_one_country_named_as_people_say_it():
    for name, spellings in SPELLINGS.items():
        assert {country(s).name for s in spellings} == {name}, spellings
        assert len({country(s).code for s in spellings}) == 1


def test_a_name_iso_does_not_know_is_kept_as_given():
    assert country("Former Serbia and Montenegro").name == "Former Serbia and Montenegro"
    assert country("Former Serbia and Montenegro").code == ""
    assert country("  ").name == ""


def test_one_facet_page_for_every_spelling():
    trials = [
        Trial(slug=f"t{i}", title=f"T{i}", status=Status.RECRUITING,
              locations=(Location(country=spelling, status=Status.RECRUITING),))
        for i, spelling in enumerate(["Czech Republic", "Czechia", "Turkey", "Türkiye", "Korea, Republic of"])
    ]  # fmt: skip
    facets = Directory(trials, dt.date(2024, 1, 1), slugify).facets()["country"]
    assert [(f.slug, f.name, len(f.listings)) for f in facets] == [
        ("czechia", "Czechia", 2), ("south-korea", "South Korea", 1), ("turkiye", "Türkiye", 2)
    ]  # fmt: skip
    assert facets[0].heading == "Recruiting trials in Czechia"
    sites = tuple(Location(country=c) for c in ["Czech Republic", "Czechia", "germany", "Germany", ""])
    assert _site_countries(sites) == ("Czechia", "Germany")
