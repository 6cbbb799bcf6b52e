"""The fast path (caches, several processes) writes exactly what the slow path writes."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_example

from trialblog.build import build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def example_site(target: Path) -> Path:
    return copy_example(target, today="2026-11-23")


def test_cached_parallel_build_is_byte_identical_to_a_plain_one(tmp_path):
    fast = example_site(tmp_path / "fast")
    slow = example_site(tmp_path / "slow")
    build(slow, cache=False, workers=1)
    expected = snapshot(slow / "output")
    build(fast, workers=2)  # cold: fills the caches
    assert snapshot(fast / "output") == expected
    again = build(fast, workers=2)  # nothing changed
    assert again.unchanged and snapshot(fast / "output") == expected

    for site in (fast, slow):  # the same edit to one entry's text: other pages are copied
        entry = next((site / "content/diary").glob("2024-06-03-*.md"))
        entry.write_text(entry.read_text() + "\nA line added to the body only.\n")
    result = build(fast, workers=2)
    assert result.reused > 10 and not result.unchanged
    build(slow, cache=False, workers=1)
    assert snapshot(fast / "output") == snapshot(slow / "output")

    for site in (fast, slow):  # the same edit to one entry and one trial record
        entry = next((site / "content/diary").glob("2024-03-18-*.md"))
        entry.write_text(entry.read_text() + "\nOne more line, added later.\n")
        trial = site / "content/trials/lumen-lupus.yaml"
        trial.write_text(trial.read_text().replace("status: ACTIVE_NOT_RECRUITING", "status: COMPLETED"))
    result = build(fast, workers=2)
    assert not result.unchanged
    build(slow, cache=False, workers=1)
    assert snapshot(fast / "output") == snapshot(slow / "output")
    assert "One more line, added later." in (fast / "output/feeds/all.atom.xml").read_text()


def test_settings_change_is_never_served_from_the_cache(tmp_path):
    site = example_site(tmp_path / "site")
    build(site, workers=2)
    conf = site / "pelicanconf.py"
    conf.write_text(
        conf.read_text().replace('SITENAME = "Blinded, Not Broken"', 'SITENAME = "Renamed Diary"')
    )
    result = build(site, workers=2)
    assert not result.unchanged
    pages = [p for p in (site / "output").rglob("*.html")]
    assert pages and all("Blinded, Not Broken" not in p.read_text() for p in pages)


def test_edited_output_is_rebuilt(tmp_path):
    site = example_site(tmp_path / "site")
    build(site, workers=1)
    index = site / "output/index.html"
    index.write_text("tampered")
    assert not build(site, workers=1).unchanged
    assert "tampered" not in index.read_text()


def test_trial_records_in_a_linked_folder_are_part_of_the_fingerprint(tmp_path):
    """A site may keep its trial records in a folder shared with other sites, linked in."""
    site = example_site(tmp_path / "site")
    shared = tmp_path / "shared-trials"
    (site / "content/trials").rename(shared)
    (site / "content/trials").symlink_to(shared)
    build(site, workers=1)
    trial = shared / "lumen-lupus.yaml"
    trial.write_text(trial.read_text().replace("status: ACTIVE_NOT_RECRUITING", "status: COMPLETED"))
    result = build(site, workers=1)
    assert not result.unchanged
    page = (site / "output/trials/lumen-lupus/index.html").read_text()
    assert "Completed" in page and "Active, not recruiting" not in page
