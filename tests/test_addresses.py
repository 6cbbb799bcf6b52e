"""Every page at an address of its own, safe for any file system (issue: name clashes and long names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trialblog.build import build
from trialblog.content.errors import ContentErrors
from trialblog.content.slugs import slug_of

ENTRY = "Title: {title}\nDate: {date}\nTrial: none\n{extra}\nBODY {n}\n"


def entry(site: Path, name: str, title: str, date: str, extra: str = "") -> None:
    (site / "content/diary" / name).write_text(ENTRY.format(title=title, date=date, extra=extra, n=name), encoding="utf-8")


def test_entries_titled_alike_are_told_apart_the_earliest_keeps_its_address(small_site):
    entry(small_site, "a.md", "Infusion day", "2024-02-10")
    entry(small_site, "b.md", "Infusion day", "2024-05-10")
    entry(small_site, "c.md", "Іnfusion day", "2024-08-10")  # a Cyrillic І
    build(small_site)
    diary = small_site / "output/diary/2024"
    assert "BODY a.md" in (diary / "infusion-day/index.html").read_text()
    assert "BODY b.md" in (diary / "infusion-day-2024-05-10/index.html").read_text()
    assert "BODY c.md" in (diary / "infusion-day-2024-08-10/index.html").read_text()


@pytest.mark.parametrize(
    ("where", "header", "owner"),
    [
        ("pages", "Title: Tags\n", "Pelican's tags page"),
        ("pages", "Title: About trials\nSlug: trials\n", "trialblog's /trials/"),
        ("pages", "Title: Home\nSave_as: index.html\n", "Pelican's index page"),
        ("diary", "Title: Feeds\nDate: 2024-01-01\nTrial: none\nSave_as: feeds/all.atom.xml\n", "trialblog's /feeds/"),
        ("pages", "Title: Not found\nSave_as: 404.html\n", "trialblog's 404.html"),
        ("pages", "Title: Search\n", "trialblog's /search/"),
    ],
    ids=["page-titled-tags", "slug-trials", "save-as-index", "save-as-feed", "save-as-404", "page-titled-search"],
)
def test_reserved_addresses_cannot_be_claimed(small_site, where, header, owner):
    (small_site / "content" / where / "claim.md").write_text(header + "\nBODY\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as failed:
        build(small_site)
    (error,) = failed.value.errors
    assert error.path == f"content/{where}/claim.md" and owner in error.message
    assert not (small_site / "output").exists()


def test_two_chosen_addresses_that_clash_name_both_files(small_site):
    entry(small_site, "a.md", "One", "2024-02-10", "Slug: same\n")
    entry(small_site, "b.md", "Two", "2024-03-10", "Slug: same\n")
    with pytest.raises(ContentErrors) as failed:
        build(small_site)
    message = str(failed.value)
    assert "content/diary/b.md" in message and "content/diary/a.md" in message


@pytest.mark.parametrize(
    "title",
    ["A" * 300, "第一次注射" * 14, "Première injection à l'hôpital " * 12, "💉" * 200],
    ids=["300-characters", "70-chinese", "long-accented", "emoji"],
)
def test_long_titles_give_short_addresses(small_site, title):
    entry(small_site, "long.md", title, "2024-02-10")
    build(small_site)
    (page,) = [p for p in (small_site / "output/diary/2024").rglob("index.html") if "BODY long.md" in p.read_text()]
    assert len(page.parent.name.encode()) <= 80 and page.parent.name.isascii()


def test_any_language_gives_a_readable_address():
    assert slug_of("Première injection à l'hôpital") == "premiere-injection-a-l-hopital"
    assert slug_of("第一次注射") == "di-yi-ci-zhu-she"
    assert slug_of("💉") == "syringe"
    assert slug_of("x" * 300) != slug_of("x" * 299) and len(slug_of("x" * 300)) <= 80


def test_emoji_tags_get_pages_of_their_own(small_site):
    entry(small_site, "a.md", "Needles", "2024-02-10", "Tags: 💉, 💊\n")
    build(small_site)
    tags = small_site / "output/tags"
    assert (tags / "syringe/index.html").is_file() and (tags / "pill/index.html").is_file()
    assert not (tags / "index.html").read_text().count('href="/tags//"')


def published_build(site: Path) -> None:
    """A build of the site readers see (an absolute SITEURL, as ``--publish`` gives); the
    settings are put back after it."""
    conf = site / "pelicanconf.py"
    before = conf.read_text()
    conf.write_text(before + '\nSITEURL = "https://example.org"\n')
    try:
        build(site)
    finally:
        conf.write_text(before)


def retitle(site: Path) -> None:
    entry = site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("Title: Week six", "Title: Week six, and a long wait"))


def test_an_entry_keeps_its_first_address_when_its_title_changes(small_site):
    published_build(small_site)
    page = small_site / "output/diary/2024/week-six/index.html"
    retitle(small_site)
    build(small_site)
    assert "Week six, and a long wait" in page.read_text()
    assert not (small_site / "output/diary/2024/week-six-and-a-long-wait").exists()
    assert "/diary/2024/week-six/" in (small_site / "output/feeds/all.atom.xml").read_text()


def test_a_preview_fixes_no_address(small_site):
    """Built and retitled before it was ever published, an entry takes its new title's address."""
    build(small_site)
    assert not (small_site / ".trialblog/addresses.json").exists()
    retitle(small_site)
    published_build(small_site)
    assert (small_site / "output/diary/2024/week-six-and-a-long-wait/index.html").is_file()
    assert not (small_site / "output/diary/2024/week-six").exists()
    assert "entry:" in (small_site / ".trialblog/addresses.json").read_text()


def moved_entry(site: Path) -> Path:
    """The small site published, then its entry given a new address by a `Slug:`."""
    published_build(site)
    entry = site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("Title: Week six\n", "Title: Week six\nSlug: sixth-week\n"))
    return entry


def test_a_moved_page_leaves_a_redirect_at_its_old_address(small_site):
    moved_entry(small_site)
    trial = small_site / "content/trials/open.yaml"
    trial.rename(small_site / "content/trials/open-label.yaml")  # the same registry id, a new slug
    about_it = small_site / "content/diary/05-open.md"
    about_it.write_text(about_it.read_text().replace("Trial: open", "Trial: open-label"))
    with (small_site / "pelicanconf.py").open("a") as conf:
        conf.write('\nSITEURL = "https://example.org"\n')
    build(small_site)
    output = small_site / "output"
    assert "BODY-VISIT" in (output / "diary/2024/sixth-week/index.html").read_text()
    old = (output / "diary/2024/week-six/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=https://example.org/diary/2024/sixth-week/">' in old
    assert '<link rel="canonical" href="https://example.org/diary/2024/sixth-week/">' in old
    assert 'content="noindex"' in old and "BODY-VISIT" not in old
    assert "trials/open-label/" in (output / "trials/open/index.html").read_text()
    sitemap = (output / "sitemap.xml").read_text()
    assert "/diary/2024/sixth-week/" in sitemap and "/diary/2024/week-six/" not in sitemap
    assert "/diary/2024/sixth-week/" in (output / "feeds/all.atom.xml").read_text()


def test_a_browser_following_an_old_link_lands_on_the_page(small_site, chromium):
    from browser import serve as serve_folder

    moved_entry(small_site)
    build(small_site)
    with serve_folder(small_site / "output") as root:
        url = root.rstrip("/")
        page = chromium.new_page()
        page.goto(url + "/diary/2024/week-six/")
        page.wait_for_url(url + "/diary/2024/sixth-week/")
        assert "BODY-VISIT" in page.content()
        page.close()


def test_an_address_the_site_does_not_have_gets_a_friendly_page(small_site):
    build(small_site)
    missing = (small_site / "output/404.html").read_text()
    assert "Page not found" in missing and 'content="noindex"' in missing
    assert 'href="/diary/2024/week-six/"' in missing  # the latest entries
    assert 'href="/archives/"' in missing
    assert 'href="/search/"' not in missing  # the small site has no search


def test_the_friendly_page_offers_the_search_when_the_site_has_one(small_site):
    with (small_site / "pelicanconf.py").open("a") as conf:
        conf.write("\nSEARCH = True\n")
    build(small_site)
    missing = (small_site / "output/404.html").read_text()
    assert '<a href="/search/">Search the diary</a>' in missing
    assert (small_site / "output/search/index.html").is_file()


def test_a_publishing_build_that_fails_keeps_no_address(small_site):
    """A build stopped after Pelican's run (here by a picture that cannot be cleaned) published
    nothing, so it fixes no address: the entry takes the address of the build that publishes."""
    from trialblog.build import BuildError

    images = small_site / "content/images"
    images.mkdir(exist_ok=True)
    (images / "broken.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(40))
    with pytest.raises(BuildError, match=r"broken\.heic"):
        published_build(small_site)
    assert not (small_site / ".trialblog/addresses.json").exists()
    (images / "broken.heic").unlink()
    retitle(small_site)
    published_build(small_site)
    assert (small_site / "output/diary/2024/week-six-and-a-long-wait/index.html").is_file()
    assert "week-six-and-a-long-wait" in (small_site / ".trialblog/addresses.json").read_text()


def test_pelican_content_keeps_the_addresses_it_publishes(small_site):
    import subprocess
    import sys

    conf = small_site / "pelicanconf.py"
    conf.write_text(conf.read_text() + '\nSITEURL = "https://example.org"\n')
    done = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", str(conf), "-o", str(small_site / "out")],
                          cwd=small_site, capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "diary/2024/week-six/" in (small_site / ".trialblog/addresses.json").read_text()
