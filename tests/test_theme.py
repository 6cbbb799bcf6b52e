"""The theme as readers meet it, in headless Chromium: accessible, private, light, valid."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser import AXE, ROOT, VNU, browser, serve

from trialblog.build import build

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
}


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example site, built; returns its output folder."""
    site = tmp_path_factory.mktemp("example") / "site"
    site.mkdir()
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, site / name)
    shutil.copytree(ROOT / "content", site / "content")
    build(site)
    return site / "output"


@pytest.fixture(scope="module")
def site_url(example):
    with serve(example) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


def test_every_page_type_exists(example):
    for name, path in PAGE_TYPES.items():
        assert (example / path / "index.html").is_file(), name


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_finds_no_violations(chromium, site_url, name, scheme):
    context = chromium.new_context(color_scheme=scheme, bypass_csp=True)  # the site's CSP refuses axe itself
    page = context.new_page()
    try:
        page.goto(site_url + PAGE_TYPES[name])
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"""
        )
    finally:
        context.close()
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert violations == []


def test_no_request_leaves_the_site(chromium, site_url):
    host = urlparse(site_url).netloc
    attempted: list[str] = []
    context = chromium.new_context()

    def route(r):
        if urlparse(r.request.url).netloc != host:
            attempted.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    context.route("**/*", route)
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
    assert all(s.startswith("pagefind/") for s in scripts), scripts  # JavaScript only for search


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
