"""The directory in headless Chromium: accessible, usable without JavaScript, searchable with it."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from browser import axe_violations, offsite_blocked, serve
from conftest import copy_example

from trialblog.build import build

PAGES = {
    "recruiting": "trials/recruiting/",
    "facet": "trials/recruiting/country/united-states/",
    "facet-index": "trials/recruiting/condition/",
    "conditions": "conditions/",
    "trial-with-sites": "trials/smart/",
    "country-sites": "trials/smart/sites/united-states/",
}


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example site (with its imported trials and search index), built."""
    site = copy_example(tmp_path_factory.mktemp("directory-example") / "site", today="2025-09-01")
    build(site)
    return site / "output"


@pytest.fixture(scope="module")
def site_url(example):
    with serve(example) as url:
        yield url


def test_pages_exist(example):
    for path in PAGES.values():
        assert (example / path / "index.html").is_file(), path


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violations(chromium, site_url, name, scheme):
    assert axe_violations(chromium, site_url + PAGES[name], scheme) == []


def test_filtering_works_without_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PAGES["recruiting"])
        assert not page.locator("#directory-search").is_visible()  # the search box needs JavaScript
        page.get_by_role("link", name="By country").click()
        page.get_by_role("link", name="United States").click()
        assert page.locator("main h1").inner_text() == "Recruiting trials in United States"
        titles = page.locator(".trial-list h3 a").all_inner_texts()
        assert "2-level Cervical Disc Replacement Comparing Prodisc C SK & Vivo to Mobi-C" in titles
        assert "CETIS-I (CEra Traction Improves Spine-I)" not in titles  # recruiting in Korea only
    finally:
        context.close()


def test_instant_search_with_filters_under_the_sites_csp(chromium, site_url):
    context, left = offsite_blocked(chromium, site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(site_url + PAGES["recruiting"])
        page.locator("#directory-search:not([hidden])").wait_for(timeout=15000)
        for label in ("Status", "Condition", "Phase", "Country", "Age group", "Sex", "Healthy volunteers"):
            assert page.get_by_label(label, exact=True).is_visible(), label
        page.get_by_label("Words to look for").fill("disc")
        page.locator(".search-status:not(:empty)").wait_for(timeout=15000)
        everywhere = page.locator(".search-results h3").all_inner_texts()
        assert len(everywhere) > 2 and "CETIS-I (CEra Traction Improves Spine-I)" in everywhere
        page.get_by_label("Country", exact=True).select_option("South Korea")
        page.locator(".search-status", has_text="1 trial found").wait_for(timeout=15000)
        assert page.locator(".search-results h3").all_inner_texts() == [
            "CETIS-I (CEra Traction Improves Spine-I)"
        ]
        assert page.locator(".search-results mark").count() >= 1
    finally:
        context.close()
    assert errors == [] and left == []


def test_search_finds_a_trial_by_town_and_nobody_by_a_contact(chromium, site_url):
    """Where a study runs is searchable; the names and addresses of its contacts are not indexed."""
    context, left = offsite_blocked(chromium, site_url)
    page = context.new_page()
    try:
        page.goto(site_url + PAGES["recruiting"])
        page.locator("#directory-search:not([hidden])").wait_for(timeout=15000)
        box = page.get_by_label("Words to look for")
        box.fill("Flagstaff")
        page.locator(".search-status", has_text="1 trial found").wait_for(timeout=15000)
        assert page.locator(".search-results h3").all_inner_texts() == [
            "2-level Cervical Disc Replacement Comparing Prodisc C SK & Vivo to Mobi-C"
        ]
        box.fill("Pozniansky")  # a site contact of the same trial
        page.locator(".search-status", has_text="0 trials found").wait_for(timeout=15000)
    finally:
        context.close()
    assert left == []


def test_every_site_is_reachable_without_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PAGES["trial-with-sites"])
        assert not page.locator(".sites-near").is_visible()  # sorting by distance needs JavaScript
        page.locator("details.country summary").first.click()
        page.get_by_role("link", name="Every site in United States, with its status and contacts").click()
        assert page.locator("main h1").inner_text() == "Sites in United States"
        assert page.locator("ul.sites > li").count() == 33
        assert "Flagstaff Bone and Joint" in page.locator("main").inner_text()
    finally:
        context.close()


def test_sites_near_a_postcode_sorted_in_the_page(chromium, site_url):
    """A postcode is placed among the study's own sites; nothing leaves the site."""
    context, left = offsite_blocked(chromium, site_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path in (PAGES["country-sites"], PAGES["trial-with-sites"]):
            page.goto(site_url + path)
            near = page.locator(".sites-near:not([hidden])")
            near.wait_for(timeout=15000)
            near.get_by_label("Postcode or ZIP code").fill("86004")  # Flagstaff, Arizona
            near.get_by_role("button", name="Sort by distance").click()
            page.locator(".near-status", has_text="nearest").wait_for(timeout=15000)
            first = page.locator(".near-results li").first.inner_text()
            assert first.startswith("Flagstaff Bone and Joint") and "about 0 km away" in first, first
            assert page.locator(".near-results li").count() == 20
            km = [int(t.rsplit("about ", 1)[1].split(" km")[0]) for t in page.locator(".near-results li").all_inner_texts()]
            assert km == sorted(km)
    finally:
        context.close()
    assert errors == [] and left == []


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, the Earth 12,742 km across)."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("where", "nearest"),
    [((38.5449, -121.7405), "Sutter Health"),  # Davis, California: Sacramento is 25 km away
     ((39.4015, -76.6019), "University of Maryland Medical Center")],  # Towson, Maryland: Baltimore
)  # fmt: skip
def test_sites_near_the_browsers_location_sorted_in_the_page(chromium, site_url, where, nearest):
    """"Use my location": the browser's position sorts the sites by distance; it is sent nowhere."""
    latitude, longitude = where
    context, left = offsite_blocked(
        chromium, site_url, geolocation={"latitude": latitude, "longitude": longitude}, permissions=["geolocation"]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    sent: list[str] = []  # every request the pages make, before and after the click
    page.on("request", lambda r: sent.append(f"{r.method} {r.url} {r.post_data or ''}".strip()))
    trial = yaml.safe_load((Path(__file__).parent.parent / "content/trials/smart.yaml").read_text())
    sites = [(s["facility"], (s["geo"]["lat"], s["geo"]["lon"])) for s in trial["locations"] if s.get("geo")]
    expected = sorted((km_between(where, geo), name) for name, geo in sites)[:20]
    assert expected[0][1] == nearest and expected[1][0] - expected[0][0] > 5  # one clear nearest site
    try:
        for path in (PAGES["country-sites"], PAGES["trial-with-sites"]):
            page.goto(site_url + path)
            near = page.locator(".sites-near:not([hidden])")
            near.wait_for(timeout=15000)
            near.get_by_role("button", name="Use my location").click()
            page.locator(".near-status", has_text="Sorted from your location.").wait_for(timeout=15000)
            shown = page.locator(".near-results li").all_inner_texts()
            assert len(shown) == 20
            names = [re.sub(r" \([\w -]+\)$", "", n) for n in page.locator(".near-results li a").all_inner_texts()]
            assert names[0] == nearest, shown[0]  # (a site's name may carry its postcode)
            km = [int(t.rsplit("about ", 1)[1].split(" km")[0]) for t in shown]
            assert km == sorted(km) == [round(d) for d, _ in expected]
            assert sorted(names) == sorted(name for _, name in expected)
    finally:
        context.close()
    assert errors == [] and left == []
    assert sent
    for request in sent:  # the site's own pages, styles, scripts and list of sites: the position is in none
        assert request.startswith("GET " + site_url) and "?" not in request, request
        assert f"{latitude}" not in request and f"{longitude}" not in request, request
