"""The theme as readers meet it, in headless Chromium: accessible, private, light, valid."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from browser import ROOT, VNU, axe_violations, offsite_blocked, serve
from conftest import copy_example
from playwright.sync_api import expect

from trialblog.build import build
from trialblog.content.journey import day_label
from trialblog.render.charts import score_text, symptom_name

# One page of each type in the example site.
PAGE_TYPES = {
    "home": "",
    "entry-blinded": "diary/2024/two-weeks-in-the-headaches/",
    "entry-unblinded": "diary/2025/unblinded-i-was-in-the-velanimod-group/",
    "entry-open-label": "diary/2026/first-injection/",
    "trial": "trials/aurora-ms/",
    "trial-in-progress": "trials/lumen-lupus/",
    "consent": "trials/aurora-ms/consent/",
    "trials": "trials/",
    "condition": "conditions/relapsing-remitting-multiple-sclerosis/",
    "archives": "archives/",
    "tags": "tags/",
    "tag": "tags/fatigue/",
    "page": "about-this-blog/",
    "recruiting": "trials/recruiting/",
    "facet": "trials/recruiting/country/united-states/",
    "directory-trial": "trials/smart/",
    "search": "search/",
}


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example site, built; returns its output folder."""
    site = copy_example(tmp_path_factory.mktemp("example") / "site")
    build(site)
    return site / "output"


@pytest.fixture(scope="module")
def site_url(example):
    with serve(example) as url:
        yield url


def test_every_page_type_exists(example):
    for name, path in PAGE_TYPES.items():
        assert (example / path / "index.html").is_file(), name


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_finds_no_violations(chromium, site_url, name, scheme):
    assert axe_violations(chromium, site_url + PAGE_TYPES[name], scheme) == []


def test_no_request_leaves_the_site(chromium, site_url):
    context, attempted = offsite_blocked(chromium, site_url)
    page = context.new_page()
    try:
        for path in PAGE_TYPES.values():
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert attempted == []


def test_privacy_meta_on_every_page(example):
    for html in example.rglob("*.html"):
        text = html.read_text()
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'' in text, html
        assert '<meta name="referrer" content="no-referrer">' in text, html
        assert not re.search(
            r"""(src|href)="(https?:)?//(?!blinded-not-broken)""", text.split("<main", 1)[0]
        ), html


def test_readable_without_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + PAGE_TYPES["entry-blinded"])
        assert page.locator("main h1").inner_text() == "Two weeks in: the headaches"
        assert "Blinded trial." in page.locator(".blinding-notice").inner_text()
        page.goto(site_url + PAGE_TYPES["trial"])
        assert page.locator(".timeline li").count() >= 5
    finally:
        context.close()


@pytest.mark.parametrize("name", ["entry-blinded", "trial", "consent", "home"])
def test_text_reflows_at_400_percent(chromium, site_url, name):
    page = chromium.new_page(viewport={"width": 320, "height": 256})  # 1280 x 1024 at 400 %
    try:
        page.goto(site_url + PAGE_TYPES[name])
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    finally:
        page.close()
    assert overflow <= 0


def test_weight_budget(example):
    css = sum(p.stat().st_size for p in example.rglob("*.css"))
    assert css <= 15 * 1024
    entry = (example / PAGE_TYPES["entry-blinded"] / "index.html").stat().st_size
    assert entry + css <= 30 * 1024
    scripts = [p.relative_to(example).as_posix() for p in example.rglob("*.js")]
    near = "theme/js/sites-near.js"  # sorting a trial's sites by distance
    assert all(s.startswith("pagefind/") or s == near for s in scripts), scripts  # and search
    assert (example / near).stat().st_size <= 8 * 1024


def test_html_is_valid_by_the_nu_checker(example):
    proc = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(example)],
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    messages = json.loads(proc.stderr or '{"messages": []}')["messages"]
    assert [f"{m.get('url', '')}: {m['message']}" for m in messages if m["type"] == "error"] == []


def test_nu_checker_does_report_errors(tmp_path):
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html><head></head><body><p><div></p></body></html>")
    proc = subprocess.run(["java", "-jar", str(VNU), "--errors-only", str(tmp_path / "bad.html")],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert proc.returncode != 0 and "error" in proc.stderr.lower()


def expected_scores(slug: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Symptom names and (day label, scores) rows of one trial, read from the example's content."""
    from conftest import site_model

    site = site_model(ROOT)
    trial = site.trials[slug]
    metas = sorted((m for m in site.entries.values() if m.trial == slug and m.public and m.symptoms),
                   key=lambda m: m.date)  # fmt: skip
    names = list(dict.fromkeys(name for m in metas for name in m.symptoms))
    rows = [
        (day_label(trial.day_number(m.day)), [score_text(m.symptoms.get(name)) for name in names])
        for m in metas
    ]
    return [symptom_name(n) for n in names], rows


@pytest.mark.parametrize("name,slug", [("trial", "aurora-ms"), ("trial-in-progress", "lumen-lupus")])
def test_trial_page_pictures_are_named_and_their_table_matches_the_diary(chromium, site_url, name, slug):
    names, rows = expected_scores(slug)
    assert len(rows) >= 2
    title = {"aurora-ms": "AURORA-MS", "lumen-lupus": "LUMEN-LUPUS"}[slug]
    page = chromium.new_page()
    try:
        page.goto(site_url + PAGE_TYPES[name])
        journey = page.get_by_role("img", name=f"{title}: the journey as a timeline")
        expect(journey).to_be_visible()
        expect(journey).to_have_accessible_description(re.compile(r"^\d+ steps, from .* The list below"))
        assert page.locator(".timeline li").count() >= 4  # the list, the picture's text alternative
        chart = page.get_by_role("img", name=f"{title}: symptom scores by trial day")
        expect(chart).to_be_visible()
        expect(chart).to_have_accessible_description(re.compile(r"The table below gives every score\.$"))
        assert chart.locator("g[class^=s]").count() == len(names)  # one line per symptom
        assert [t for t in chart.locator("text").all_text_contents() if t in names] == names  # labelled
        assert page.locator(".symptoms .chart-key li").all_inner_texts() == names  # and a key in words
        table = page.get_by_role("table", name="Symptom scores by trial day")
        assert table.locator("thead th").all_inner_texts() == ["Day", *names]
        shown = [
            (row.locator("th a").inner_text(), row.locator("td").all_inner_texts())
            for row in table.locator("tbody tr").all()
        ]
        assert shown == rows
        width = page.evaluate("() => document.querySelector('#symptoms-chart').getBoundingClientRect().width")
        assert width > 300
    finally:
        page.close()


def test_pictures_follow_dark_mode(chromium, site_url):
    context = chromium.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(site_url + PAGE_TYPES["trial"])
        colours = page.evaluate(
            """() => ['#journey-chart', '#symptoms-chart', '#symptoms-chart text.m', '#symptoms-chart .h']
                 .map(s => getComputedStyle(document.querySelector(s)))
                 .map(c => [c.color, c.fill])"""
        )
    finally:
        context.close()
    assert colours[0][0] == colours[1][0] == "rgb(236, 236, 236)"  # --fg of the dark palette
    assert colours[2][1] == "rgb(194, 194, 194)"  # muted text: --muted
    assert colours[3][1] == "rgb(20, 20, 20)"  # hollow markers: the page's background


def test_prints_for_an_appointment(chromium, site_url):
    context = chromium.new_context(color_scheme="dark")  # a dark screen still prints black on white
    page = context.new_page()
    page.emulate_media(media="print")
    try:
        page.goto(site_url + PAGE_TYPES["entry-blinded"])
        for chrome in ("nav[aria-label=Site]", ".skip-link", ".feeds", ".trial-nav", ".site-subtitle"):
            assert page.locator(chrome).count() and not page.locator(chrome).first.is_visible(), chrome
        for kept in ("main h1", ".entry-content", ".blinding-notice", ".symptoms table", ".disclosure"):
            assert page.locator(kept).first.is_visible(), kept
        ink = page.evaluate(
            "() => [document.body, document.querySelector('.entry-facts')].map(e => getComputedStyle(e).color)"
        )
        assert ink == ["rgb(0, 0, 0)", "rgb(51, 51, 51)"]
        assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"

        page.goto(site_url + PAGE_TYPES["trial"])
        assert not page.locator("nav[aria-label=Site]").is_visible()
        for kept in ("#journey-chart", ".timeline", "#symptoms-chart", "table.scores"):
            assert page.locator(kept).is_visible(), kept
        assert page.evaluate("() => getComputedStyle(document.querySelector('#symptoms-chart')).color") == (
            "rgb(0, 0, 0)"
        )

        page.goto(site_url + PAGE_TYPES["directory-trial"])
        shown = page.evaluate(
            "() => getComputedStyle(document.querySelector('.registry-link'), '::after').content"
        )
        assert "https://clinicaltrials.gov/study/NCT04012996" in shown  # the registry's address, on paper
    finally:
        context.close()
    screen = chromium.new_page()
    try:
        screen.goto(site_url + PAGE_TYPES["entry-blinded"])
        assert screen.locator("nav[aria-label=Site]").is_visible()  # on screen, the chrome is there
    finally:
        screen.close()


def test_axe_does_report_violations(chromium, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png">'
        '<p style="color:#bbb;background:#fff">faint</p></body></html>'
    )
    with serve(tmp_path) as url:
        found = " ".join(axe_violations(chromium, url, "light"))
    assert "image-alt" in found and "color-contrast" in found and "html-has-lang" in found


def test_offsite_requests_are_caught(chromium, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><img src="http://203.0.113.9/x.png" alt=""></html>'
    )
    with serve(tmp_path) as url:
        context, attempted = offsite_blocked(chromium, url)
        try:
            context.new_page().goto(url)
        finally:
            context.close()
    assert attempted == ["http://203.0.113.9/x.png"]


def test_an_entry_with_replies_has_a_heading_a_list_and_times(example):
    page = (example / PAGE_TYPES["entry-blinded"] / "index.html").read_text()
    section = page[page.index('<section class="replies" id="replies" aria-labelledby="replies-h">') :]
    assert '<h2 id="replies-h">Replies' in section and '<ol class="reply-list">' in section
    assert section.count('<li class="reply"') == section.count("<time datetime=") == 3
    assert 'src="/replies/avatars/' in section and (example / "replies/avatars").is_dir()
