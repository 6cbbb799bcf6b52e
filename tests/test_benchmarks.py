"""The benchmark's corpus builds cleanly, the same every time, and its report reads right."""

from __future__ import annotations

from benchmarks import run
from benchmarks.corpus import generate
from benchmarks.run import Disk, Timing, clean, median, table, write_report
from trialblog.build import build


def files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_corpus_is_deterministic_and_passes_the_checks(tmp_path):
    first = generate(tmp_path / "a", 40, 30)
    assert files(first / "content") == files(generate(tmp_path / "b", 40, 30) / "content")
    result = build(first)
    assert result.checks is not None and result.checks.errors == 0
    assert len(list((first / "content/diary").glob("*.md"))) == 40
    assert result.trials >= 30 and result.pages > 70


def test_the_diary_site_alone_has_the_same_entries_and_only_their_trials(tmp_path):
    whole, diary = generate(tmp_path / "whole", 40, 30), generate(tmp_path / "diary", 40, 0)
    assert files(diary / "content/diary") == files(whole / "content/diary")
    own = {p.name for p in (diary / "content/trials").iterdir()}
    assert own and own < {p.name for p in (whole / "content/trials").iterdir()}
    assert not any(name.startswith("directory-") for name in own)


def test_table_gives_the_ratios_and_the_report_keeps_the_rest_of_the_page(tmp_path):
    assert median([Timing(3, 100, 5), Timing(1, 300, 2), Timing(2, 200, 4)]) == Timing(2, 300, 4)
    results = {
        "size": "small", "entries": 1000, "directory": 1000, "pages": 2000,
        "cold": Timing(4.0, 200, 8.0), "edit": Timing(1.0, 150, 1.5), "unchanged": Timing(0.4, 90, 0.4),
        "pelican": Timing(2.0, 50, 2.0), "pelican_pages": 1000, "hugo": Timing(0.5, 30, 0.9),
        "diary": Timing(1.8, 70, 3.0), "diary_pages": 1300, "search": Timing(0.9, 400, 1.5),
    }  # fmt: skip
    text = table(results)
    assert "| trialblog CPU / Pelican CPU (cold) | 4.00 |" in text
    assert "| Search index alone (Pagefind on the trial pages) | 0.90 s | 1.5 s of CPU, 0.75 × Pelican's CPU" in text
    assert "| Cold build, the diary site alone | 1.80 s | 1300 pages, 3.0 s of CPU;" in text
    assert "| trialblog diary site / Pelican (cold) | 0.90 |" in text
    assert "| **trialblog / Pelican (cold)** | **2.00** |" in text
    assert "| Rebuild after editing one entry | 1.00 s | 0.25 × cold |" in text
    assert "| **trialblog / Hugo (cold)** | **8.00** |" in text
    assert "8.0 s of CPU" in text and "2.0 s of CPU" in text
    page = tmp_path / "benchmarks.md"
    page.write_text(
        "# Benchmarks\n\nWords kept.\n\n<!-- results:small -->\nSTALE-RESULTS\n<!-- /results:small -->\n\nAfter.\n"
    )
    write_report(page, "small", text)
    written = page.read_text()
    assert "Words kept." in written and "After." in written and "STALE-RESULTS" not in written
    assert "**2.00**" in written and "Python:" in written


def test_no_timed_run_pays_for_files_deleted_just_before_it(tmp_path, monkeypatch):
    """Old outputs are moved aside, never deleted, and cold runs wait until earlier deletions
    are no longer recent to the filesystem."""
    site = tmp_path / "site"
    (site / "output" / "diary").mkdir(parents=True)
    (site / ".trialblog").mkdir()
    disk = Disk(tmp_path / "trash")
    clean(site, disk)
    assert not (site / "output").exists() and not (site / ".trialblog").exists()
    assert (tmp_path / "trash" / "1" / "diary").is_dir()  # moved aside, in one rename
    slept = []
    monkeypatch.setattr(run.time, "sleep", slept.append)
    disk.settle()
    assert slept and 30 < slept[0] <= run.RECENTLY_FREED_SECONDS  # nothing known about before
    disk.last_deletion -= run.RECENTLY_FREED_SECONDS
    disk.settle()
    assert len(slept) == 1  # long enough ago: no wait


def test_a_whole_benchmark_run_on_a_tiny_corpus(tmp_path, monkeypatch):
    monkeypatch.setitem(run.SIZES, "tiny", (12, 8))
    monkeypatch.setattr(run.time, "sleep", lambda seconds: None)
    results = run.run("tiny", 2, tmp_path)
    assert results["pages"] > results["pelican_pages"] >= 12
    assert results["pages"] > results["diary_pages"] > results["pelican_pages"]
    for measure in ("cold", "diary", "edit", "unchanged", "pelican", "search"):
        assert results[measure].seconds > 0 and results[measure].cpu > 0, measure
    assert "| **trialblog / Pelican (cold)** |" in table(results)
    assert len(list((tmp_path / "trash").iterdir())) >= 2  # the first runs' outputs, moved aside
