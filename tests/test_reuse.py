"""An edit to one entry's text: only the pages and feeds that show that text are written again."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_example

from trialblog.build import build


def inodes(output: Path) -> dict[str, int]:
    return {p.relative_to(output).as_posix(): p.stat().st_ino for p in output.rglob("*") if p.is_file()}


def test_a_body_edit_writes_only_what_shows_that_body(tmp_path):
    site = copy_example(tmp_path / "site", today="2026-11-23")
    build(site, workers=1)
    before = inodes(site / "output")
    entry = site / "content/diary/2024-06-03-month-three.md"
    entry.write_text(entry.read_text() + "\nA line added to the body only.\n")
    result = build(site, workers=1)
    after = inodes(site / "output")
    rewritten = {name for name in after if before.get(name) != after[name]}

    theme = {p for p in rewritten if p.startswith("theme/")}  # Pelican copies the theme's files
    assert rewritten - theme == {
        "diary/2024/month-three-the-routine-settles-in/index.html",  # the entry itself
        *(f"feeds/{feed}.{kind}.xml" for kind in ("atom", "rss")  # the feeds that carry it
          for feed in ("all", "trials/aurora-ms", "conditions/relapsing-remitting-multiple-sclerosis")),
    }  # fmt: skip
    linked = {"index.html", "page/2/index.html", "tags/index.html", "archives/index.html",
              "feeds/trials/lumen-lupus.atom.xml", "feeds/recruiting.atom.xml",
              "trials/aurora-ms/index.html"}  # fmt: skip
    assert linked <= set(after)  # listings (paginated too), other feeds, trial pages: the same files
    assert result.reused > 150  # empty feeds are no longer written, so fewer files to link


def test_pages_linked_by_every_build_process_are_counted(tmp_path):
    counts = []
    for workers in (1, 2):
        site = copy_example(tmp_path / f"site-{workers}", today="2026-11-23")
        build(site, workers=workers)
        entry = site / "content/diary/2024-06-03-month-three.md"
        entry.write_text(entry.read_text() + "\nA line added to the body only.\n")
        counts.append(build(site, workers=workers).reused)
    assert counts[0] > 150 and counts[1] == counts[0]
