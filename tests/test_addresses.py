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
    ],
    ids=["page-titled-tags", "slug-trials", "save-as-index", "save-as-feed", "save-as-404"],
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
