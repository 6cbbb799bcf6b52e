"""The diary's search: entries and consent notes in the site's Pagefind index, with the trial as a
filter; never a draft, a hidden post or a page marked sensitive; the same bytes at every build; a
search page that works under the site's CSP, and says where to look without JavaScript."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser import offsite_blocked, serve
from conftest import SITES
from test_atomic import snapshot
from test_directory_build import indexed_text

from trialblog.build import build
from trialblog.render import stable_index

WORDS = {  # entry -> a sentence searchers look for
    "03-visit.md": "The nurse took four tubes of blood before the infusion.",
    "05-open.md": "A new nurse showed me how to use the autoinjector pen.",
}


def searchable(target: Path) -> Path:
    """The small site with its search on, two entries about nurses and one sensitive entry, built."""
    shutil.copytree(SITES / "small", target)
    conf = target / "pelicanconf.py"
    conf.write_text(conf.read_text().replace("SEARCH = False", "SEARCH = True"))
    for name, words in WORDS.items():
        path = target / "content/diary" / name
        path.write_text(path.read_text() + f"\n{words}\n")
    general = target / "content/diary/08-general.md"
    general.write_text(general.read_text().replace("\n\n", "\nSensitive: yes\n\n", 1) + "\nSENSITIVE-NURSE-SENTINEL\n")
    build(target)
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return searchable(tmp_path_factory.mktemp("search") / "site")


def filters(bundle: Path) -> dict[str, list[str]]:
    return {name: sorted(v[0] for v in values) for name, values in map(stable_index.read, (bundle / "filter").iterdir())}


def test_the_index_holds_entries_consent_notes_and_trials_with_their_trial(site):
    bundle = site / "output/pagefind"
    texts = indexed_text(bundle)
    assert "four tubes of blood" in texts["/diary/2024/week-six/"]
    assert "NOTES-BODY" in texts["/trials/blinded/consent/"] and "/trials/open/" in texts
    everything = " ".join(texts.values())
    for secret in ("DRAFT-SENTINEL-PLUM", "HIDDEN-SENTINEL-FIG", "SENSITIVE-NURSE-SENTINEL"):
        assert secret not in everything  # drafts and hidden posts are never written; sensitive ones never indexed
    found = filters(bundle)
    assert found["kind"] == ["Consent notes", "Diary entry", "Trial"]
    assert found["trial"] == ["BLIND-1", "OPEN-1"]
    assert (bundle / "diary-search.js").is_file() and (bundle / "directory-search.js").is_file()
    page = (site / "output/search/index.html").read_text()
    assert '<meta name="robots" content="noindex">' in page and "'wasm-unsafe-eval'" in page
    assert '<a href="/search/">Search</a>' in (site / "output/index.html").read_text()


def test_the_index_is_the_same_bytes_at_every_build(site, tmp_path):
    again = searchable(tmp_path / "again")
    assert snapshot(again / "output/pagefind") == snapshot(site / "output/pagefind")


def test_no_search_page_nor_index_when_search_is_off(built_small):
    assert not (built_small / "pagefind").exists() and not (built_small / "search").exists()
    assert "/search/" not in (built_small / "index.html").read_text()
    assert "data-pagefind-body" not in (built_small / "diary/2024/week-six/index.html").read_text()


def test_searching_the_diary_in_a_browser_with_the_trial_as_a_filter(site, chromium):
    with serve(site / "output") as base:
        context, left = offsite_blocked(chromium, base)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
        try:
            page.goto(base + "search/")
            page.locator("#diary-search:not([hidden])").wait_for(timeout=15000)
            assert not page.locator("#diary-search-fallback").is_visible()
            page.get_by_label("Words to look for").fill("nurse")
            page.locator(".search-status", has_text="2 results").wait_for(timeout=15000)
            titles = page.locator(".search-results h2").all_inner_texts()
            assert sorted(titles) == ["Open label start", "Week six"]
            page.get_by_label("Trial", exact=True).select_option("OPEN-1")
            page.locator(".search-status", has_text="1 result").wait_for(timeout=15000)
            assert page.locator(".search-results h2").all_inner_texts() == ["Open label start"]
            assert page.locator(".search-results mark").first.inner_text().lower() == "nurse"
        finally:
            context.close()
        assert errors == [] and left == []
        plain = chromium.new_context(java_script_enabled=False)
        page = plain.new_page()
        page.goto(base + "search/")
        assert page.locator("#diary-search-fallback").is_visible() and not page.locator("#diary-search").is_visible()
        assert page.locator("#diary-search-fallback").get_by_role("link", name="all entries").is_visible()
        plain.close()
