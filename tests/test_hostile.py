"""Hostile registry text, end to end: imported, built, and loaded in headless Chromium, it stays text.

The records in tests/data/hostile/ carry ``<script>``, event attributes, ``javascript:`` and
``data:`` links, ``</title>``/``</textarea>`` breakouts, broken markup and CDATA tricks in every
field the importer reads. Each payload, if it ever ran, would call the ``pwned`` binding, open an
``alert()``, set ``window.__pwned`` and change the page title. Every page of the built site is
loaded with the site's Content Security Policy switched off, so escaping alone is what is tested;
the search box is run both ways. Control tests prove the recorder catches a script that does run.
"""

from __future__ import annotations

import math
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import feedparser
import lxml.html
import pytest
from browser import ROOT, browser, serve
from click.testing import CliRunner
from feedcheck import feed_problems
from lxml import etree

from trialblog.build import build
from trialblog.cli import main
from trialblog.content.trials import load_trial
from trialblog.registry.slugs import MAX_CONDITION_SLUG, slugify_condition
from trialblog.registry.sources import read_file

HOSTILE = ROOT / "tests" / "data" / "hostile"
SMALL = ROOT / "tests" / "sites" / "small"
TODAY = "2025-01-15"
# Payload tags that sit only in registry fields the importer must never carry into the site.
NEVER_IMPORTED = ("see-also", "ipd", "required-url", "xml-link", "org-id", "organization", "citation",
                  "official", "affiliation", "version", "detailed", "link-label", "download-date")  # fmt: skip
# Everything a page must not hold, whatever the registry said; `window.__pwned` and the title
# show a payload that ran without the binding.
PROBE = r"""() => {
  const bad = [];
  if (window.__pwned !== undefined) bad.push('window.__pwned was set');
  if (document.title === 'pwned') bad.push('document.title was changed');
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag)) bad.push(`<${tag}>`);
    const src = el.getAttribute('src') || '';
    if (tag === 'script' && !src.endsWith('/pagefind/directory-search.js') && !src.endsWith('/pagefind/diary-search.js') && !src.endsWith('/theme/js/sites-near.js'))
      bad.push('<script> not the site\'s own');
    if (tag === 'meta' && el.httpEquiv && el.httpEquiv.toLowerCase() !== 'content-security-policy')
      bad.push(`<meta http-equiv=${el.httpEquiv}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(`<${tag} ${name}>`);
      if (name === 'srcdoc') bad.push(`<${tag} srcdoc>`);
      if (urlAttrs.includes(name) && /^(javascript|vbscript|data):/.test(value)) bad.push(`<${tag} ${name}=${value.slice(0, 30)}>`);
    }
  }
  for (const el of document.querySelectorAll('.registry-text *'))
    if (!['P', 'UL', 'OL', 'LI', 'STRONG', 'BR'].includes(el.tagName)) bad.push(`<${el.localName}> in registry text`);
  return bad;
}"""


def hostile_copy(target: Path) -> Path:
    """The small test site with the search index on, and the hostile records imported."""
    shutil.copytree(SMALL, target)
    conf = target / "pelicanconf.py"
    conf.write_text(conf.read_text().replace("SEARCH = False", "SEARCH = True"))
    result = CliRunner().invoke(
        main, ["import", "ctgov", str(HOSTILE), "--site", str(target), "--today", TODAY]
    )
    assert result.exit_code == 1, result.output  # two files cannot be imported: see test_import_report
    target.joinpath("import.log").write_text(result.output)
    # A participant's journey in the hostile trial: its title reaches entries, trial feeds and charts.
    trial = hostile_trial(target, "NCT09990001")
    trial.write_text(
        trial.read_text() + "participation:\n  consented: 2024-01-10\n  randomized: 2024-02-01\n"
    )
    for day, (date, milestone, score) in enumerate(
        (("2024-02-01", "randomization", 2), ("2024-02-15", "visit", 5))
    ):
        (target / f"content/diary/2{day}-hostile.md").write_text(
            f"Title: Day {day} in the study\nDate: {date}\nId: 99999999-9999-4999-8999-99999999999{day}\n"
            f"Trial: {trial.stem}\nMilestone: {milestone}\nSymptoms: fatigue={score}\n\nHow it went.\n"
        )
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = hostile_copy(tmp_path_factory.mktemp("hostile") / "site")
    build(folder)
    return folder


@pytest.fixture(scope="module")
def output(site: Path) -> Path:
    return site / "output"


@pytest.fixture(scope="module")
def site_url(output: Path) -> Iterator[str]:
    with serve(output) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as instance:
        yield instance


class Recorder:
    """A browser context that records every sign of a payload running, and every request that
    leaves the site."""

    def __init__(self, chromium, site_url: str, bypass_csp: bool):
        self.context = chromium.new_context(bypass_csp=bypass_csp)
        self.fired: list[str] = []
        self.left: list[str] = []
        self.host = urlparse(site_url).netloc
        self.context.expose_binding("pwned", lambda _source, tag: self.fired.append(f"pwned({tag})"))
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        if urlparse(route.request.url).netloc == self.host:
            route.continue_()
        else:
            self.left.append(route.request.url)
            route.abort()

    def open(self, url: str, page=None):
        """Load ``url`` in a new tab (or in ``page``, one this recorder opened)."""
        if page is None:
            page = self.context.new_page()

            def dialog(d) -> None:
                self.fired.append(f"{d.type}({d.message})")
                d.dismiss()

            page.on("dialog", dialog)
            page.on("console", lambda m: "pwned" in m.text and self.fired.append(f"console: {m.text}"))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(60)  # handlers queued at load (ontoggle, onerror) get their turn
        return page

    def problems(self, page) -> list[str]:
        found = page.evaluate(PROBE)
        page.wait_for_timeout(20)  # binding calls still on their way
        return found

    def close(self) -> None:
        self.context.close()


def pages(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))


def hostile_trial(site: Path, registry_id: str) -> Path:
    (path,) = [p for p in (site / "content/trials").glob("*.yaml") if f"id: {registry_id}" in p.read_text()]
    return path


# --- the import ------------------------------------------------------------------------------


def test_import_report(site):
    log = (site / "import.log").read_text()
    assert re.search(r"imported 4 records \(4 created\) in \d+\.\d s; 2 could not be imported", log)
    assert "its id 'NCT0999<script>alert(1)</script>' is not one trialblog recognises" in log
    assert "NCT09990005.xml: is not valid XML: Maximum entity amplification factor exceeded" in log
    assert "Traceback" not in log


def test_registry_text_is_kept_as_text(site):
    """What the registry said reaches the trial file unchanged: escaping is the pages' job."""
    record = read_file(HOSTILE / "NCT09990001.json").records[0]
    trial = load_trial(hostile_trial(site, "NCT09990001"))
    assert trial.title == record.fields["title"] and "<script>" in trial.title
    assert trial.registry_summary == record.fields["registry_summary"].strip()
    assert trial.eligibility.criteria == record.fields["eligibility"]["criteria"].strip()
    assert trial.arms[0].description.startswith("ZANZIBAR arm: <script>")


def test_registry_links_and_files_are_never_imported(site):
    everything = b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file() and p.name != "import.log")
    for tag in NEVER_IMPORTED:
        assert f"pwned('{tag}')".encode() not in everything, tag
    assert b"root:x:0:0" not in everything and b"/bin/sh" not in everything  # no external entity read
    assert (
        b"PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
        not in (site / "content/trials/external-entity.yaml").read_bytes()
    )


def test_coordinates_off_the_globe_are_left_out(site):
    trial = load_trial(hostile_trial(site, "NCT09990001"))
    geo = {loc.city: (loc.lat, loc.lon) for loc in trial.locations if loc.city in ("Busan", "Daegu")}
    assert geo == {"Busan": (None, None), "Daegu": (None, None)}


def test_condition_slugs_are_never_empty_or_too_long():
    for name in ("!!!", "<>", "\U0001f9a0", "Long " + "<b>word</b> " * 60, "x" * 300):
        slug = slugify_condition(name)
        assert re.fullmatch(r"[a-z0-9_-]+", slug) and len(slug) <= MAX_CONDITION_SLUG + 11, (name, slug)
    assert slugify_condition("!!!") != slugify_condition("<>")
    assert slugify_condition("x" * 300) != slugify_condition("x" * 301)
    assert slugify_condition("Lupus Nephritis") == "lupus-nephritis"


# --- the pages -------------------------------------------------------------------------------


def test_the_directory_was_built_from_the_hostile_records(output):
    built = pages(output)
    assert "trials/svg-onload-alert-1/index.html" in built
    facets = [
        p for p in built if p.startswith(("trials/recruiting/condition/", "trials/recruiting/country/"))
    ]
    assert len(facets) >= 14  # a page for each hostile condition and country, none on an index
    assert (output / "pagefind" / "pagefind.js").is_file()
    assert all(len(part) < 100 for p in built for part in p.split("/"))


def test_no_script_runs_on_any_page(chromium, output, site_url):
    recorder = Recorder(chromium, site_url, bypass_csp=True)
    problems: dict[str, list[str]] = {}
    page = None
    try:
        for rel in pages(output):
            page = recorder.open(site_url + rel, page)
            found = recorder.problems(page)
            if found:
                problems[rel] = found
    finally:
        recorder.close()
    assert problems == {}
    assert recorder.fired == []
    assert recorder.left == []


def test_hostile_text_is_shown_as_text(chromium, site, site_url):
    """Escaped, not stripped: the reader sees exactly what the registry wrote."""
    trial = load_trial(hostile_trial(site, "NCT09990001"))
    recorder = Recorder(chromium, site_url, bypass_csp=True)
    try:
        page = recorder.open(f"{site_url}trials/{trial.slug}/")
        assert page.locator("main h1").inner_text() == trial.title
        assert page.title().startswith(trial.title)
        summary = page.locator(".registry-text").first
        assert summary.locator("li").first.inner_text() == 'item <img src=x onerror="' + js("summary") + '">'
        assert "</textarea></title></style><script>" in summary.inner_text()
        assert summary.locator("strong").first.inner_text() == '<svg onload="' + js("summary") + '">'
        assert page.get_by_text(trial.sponsor, exact=True).count() == 1
        assert page.locator(".journey-entries li").count() == 2  # the diary entries about it
        for title in page.locator("svg title").all_text_contents():  # charts name the trial
            assert title.startswith(trial.title)
    finally:
        recorder.close()
    assert recorder.fired == []


def js(tag: str) -> str:
    return f"window.__pwned=1;document.title='pwned';pwned('{tag}');alert('{tag}')"


@pytest.mark.parametrize("csp", ["site", "bypassed"])
def test_search_results_are_inert(chromium, site_url, csp):
    recorder = Recorder(chromium, site_url, bypass_csp=csp == "bypassed")
    errors: list[str] = []
    try:
        page = recorder.open(site_url + "trials/recruiting/")
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.locator("#directory-search:not([hidden])").wait_for(timeout=15000)
        page.get_by_label("Words to look for").fill("zanzibar")
        page.locator(".search-status:not(:empty)").wait_for(timeout=15000)
        results = page.locator(".search-results")
        titles = results.locator("h3").all_inner_texts()
        assert len(titles) == 3 and all(t.startswith("ZANZIBAR ") and "<script>" in t for t in titles)
        assert results.locator("mark").count() >= 3
        assert "<img src=x onerror=" in results.inner_text()
        tags = results.evaluate("r => [...r.querySelectorAll('*')].map(e => e.tagName)")
        assert set(tags) <= {"LI", "H3", "A", "P", "MARK"}
        hrefs = results.evaluate("r => [...r.querySelectorAll('a')].map(a => a.href)")
        assert all(h.startswith(site_url + "trials/") for h in hrefs)
        # The hostile conditions are filter values: options of text, and they filter.
        condition = page.get_by_label("Condition", exact=True)
        assert condition.evaluate("s => [...s.options].every(o => o.children.length === 0)")
        condition.select_option("<>")
        page.locator(".search-status", has_text="2 trials found").wait_for(timeout=15000)
        assert recorder.problems(page) == []
    finally:
        recorder.close()
    assert recorder.fired == [] and recorder.left == [] and errors == []


# --- feeds, sitemap ---------------------------------------------------------------------------


def test_feeds_with_hostile_text_are_valid(output):
    count, problems = feed_problems(output)
    assert count >= 20 and problems == []
    for feed in sorted(output.rglob("*.xml")):
        if feed.name.endswith((".atom.xml", ".rss.xml")):
            parsed = feedparser.parse(feed.read_bytes())
            assert not parsed.bozo, (feed, parsed.get("bozo_exception"))


def test_recruiting_feed_entries_are_text_and_inert_html(output):
    atom = etree.parse(str(output / "feeds/recruiting.atom.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom", "georss": "http://www.georss.org/georss"}
    titles = atom.xpath("//a:entry/a:title/text()", namespaces=ns)
    assert any(t.startswith("Now recruiting: ZANZIBAR title <script>") for t in titles)
    for entry in atom.xpath("//a:entry", namespaces=ns):
        assert entry.find("a:title", ns).get("type", "text") == "text"
        body = lxml.html.fragment_fromstring(entry.findtext("a:content", namespaces=ns), create_parent="div")
        assert {e.tag for e in body.iter()} <= {"div", "p", "strong", "a"}
        assert all(not k.startswith("on") for e in body.iter() for k in e.attrib)
        assert all(a.get("href", "").startswith(("http://", "https://", "/")) for a in body.iter("a"))
    points = atom.xpath("//georss:point/text()", namespaces=ns)
    assert points
    for point in points:
        lat, lon = (float(x) for x in point.split())
        assert math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180
    rss = feedparser.parse((output / "feeds/recruiting.rss.xml").read_bytes())
    assert any(e.title.startswith("Now recruiting: ZANZIBAR title <script>") for e in rss.entries)


def test_sitemap_and_every_page_parse(output):
    for xml in output.rglob("*.xml"):
        etree.parse(str(xml))
    for html in output.rglob("*.html"):
        doc = lxml.html.parse(str(html))
        assert len(doc.xpath("/html/head/title")) == 1, html


# --- controls: the recorder sees a script that does run ---------------------------------------


def test_control_the_recorder_catches_scripts(chromium, tmp_path):
    page_text = (HOSTILE / "NCT09990001.json").read_text()
    line = re.search(r'"briefTitle": "(.*)",', page_text).group(1).encode().decode("unicode_escape")
    (tmp_path / "index.html").write_text(f"<!DOCTYPE html><title>x</title><p>{line}</p>")
    with serve(tmp_path) as url:
        recorder = Recorder(chromium, url, bypass_csp=True)
        try:
            page = recorder.open(url)
            found = recorder.problems(page)
        finally:
            recorder.close()
    assert "window.__pwned was set" in found and "document.title was changed" in found
    assert "<img onerror>" in found and any(f.startswith("<a href=javascript:") for f in found)
    assert "pwned(title)" in recorder.fired and "alert(title)" in recorder.fired


def test_control_an_unescaped_build_is_caught(chromium, tmp_path):
    """With the templates' autoescaping off, the page checks fail."""
    folder = hostile_copy(tmp_path / "site")
    jinja = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": False}
    build(folder, override={"JINJA_ENVIRONMENT": jinja, "SEARCH": False})
    trial = load_trial(hostile_trial(folder, "NCT09990001"))
    with serve(folder / "output") as url:
        recorder = Recorder(chromium, url, bypass_csp=True)
        try:
            found = recorder.problems(recorder.open(f"{url}trials/{trial.slug}/"))
        finally:
            recorder.close()
    assert "window.__pwned was set" in found and "<img onerror>" in found
    assert "pwned(title)" in recorder.fired and "pwned(facility)" in recorder.fired


def test_control_a_search_script_inserting_html_is_caught(chromium, output, tmp_path):
    """With a search script that puts a result's title in as HTML, the search checks fail."""
    copy = tmp_path / "output"
    shutil.copytree(output, copy)
    script = copy / "pagefind" / "search-common.js"  # the results of the directory's search box
    text = script.read_text()
    assert text.count("link.textContent = data.meta.title") == 1
    script.write_text(text.replace("link.textContent = data.meta.title", "link.innerHTML = data.meta.title"))
    with serve(copy) as url:
        recorder = Recorder(chromium, url, bypass_csp=True)
        try:
            page = recorder.open(url + "trials/recruiting/")
            page.locator("#directory-search:not([hidden])").wait_for(timeout=15000)
            assert recorder.fired == []
            page.get_by_label("Words to look for").fill("zanzibar")
            page.locator(".search-status:not(:empty)").wait_for(timeout=15000)
            page.wait_for_timeout(200)
            found = recorder.problems(page)
        finally:
            recorder.close()
    assert "window.__pwned was set" in found
    assert {"pwned(title)", "pwned(title2)", "pwned(xml-title)"} <= set(recorder.fired)
