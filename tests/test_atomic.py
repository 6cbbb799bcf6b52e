"""Atomic, locked and reproducible builds: a failure of any kind leaves output/ as it was."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pelican.writers import Writer

from trialblog.build import build
from trialblog.build.output import BuildBusy, lock


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def good(small_site: Path) -> tuple[Path, dict[str, bytes]]:
    build(small_site)
    return small_site, snapshot(small_site / "output")


def fail_after(monkeypatch, count: int, error: BaseException) -> None:
    """Make Pelican's writer fail after writing ``count`` files, half-way through a build."""
    original = Writer.write_file
    calls = {"n": 0}

    def write_file(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > count:
            raise error
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", write_file)


def leftovers(site: Path) -> list[Path]:
    """What a build left beside output/."""
    return [p for p in site.iterdir() if p.name.startswith(".output.") and p.name != ".output.lock"]


@pytest.mark.parametrize(
    "error",
    [RuntimeError("boom"), OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["exception", "disk-full", "ctrl-c"],
)
def test_failure_half_way_leaves_output_untouched(good, monkeypatch, error):
    site, before = good
    entry = site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))
    fail_after(monkeypatch, 3, error)
    with pytest.raises(type(error)):
        build(site)
    assert snapshot(site / "output") == before
    assert leftovers(site) == []


def test_content_error_leaves_output_untouched(good):
    site, before = good
    trial = site / "content/trials/open.yaml"
    trial.write_text(trial.read_text().replace("masking: NONE", "masking: SOMETIMES"))
    with pytest.raises(Exception, match="SOMETIMES"):
        build(site)
    assert snapshot(site / "output") == before


def test_first_build_failure_leaves_no_output(small_site, monkeypatch):
    fail_after(monkeypatch, 2, RuntimeError("boom"))
    with pytest.raises(RuntimeError):
        build(small_site)
    assert not (small_site / "output").exists()
    assert leftovers(small_site) == []


def test_interrupted_swap_is_recovered(good):
    site, before = good
    (site / "output").rename(site / ".output.old-12345")  # as if stopped between the two renames
    build(site)
    assert snapshot(site / "output") == before
    assert not (site / ".output.old-12345").exists()


def test_an_old_site_left_by_a_stopped_build_is_removed(good):
    site, before = good
    shutil.copytree(site / "output", site / ".output.old-12345")  # stopped while removing it
    build(site)
    assert snapshot(site / "output") == before
    assert leftovers(site) == []


def test_a_trash_folder_is_removed_and_never_put_back(good):
    site, before = good
    (site / "output").rename(site / ".output.trash-12345-1")  # half removed: never a site again
    (site / ".output.trash-12345-1" / "index.html").unlink()
    build(site)
    assert snapshot(site / "output") == before
    assert leftovers(site) == []


def test_what_a_killed_build_left_is_removed_by_the_next(good):
    """kill -9 half-way: its temporary folder stays until the next build, which removes it."""
    site, before = good
    dead = site / ".output.building-999999-1"
    shutil.copytree(site / "output", dead)
    build(site)
    assert snapshot(site / "output") == before
    assert leftovers(site) == []


def test_a_build_killed_with_sigkill_leaves_nothing_after_the_next_build(good):
    site, before = good
    entry = site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))
    proc = subprocess.Popen([sys.executable, "-m", "trialblog.cli", "build", "--site", str(site)])
    deadline = time.monotonic() + 60
    while not list(site.glob(".output.building-*")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    build(site)
    assert "BODY-CHANGED" in (site / "output/diary/2024/week-six/index.html").read_text()
    assert leftovers(site) == []


def test_second_build_at_once_stops_with_a_clear_message(good):
    site, before = good
    with lock(site / "output"):
        with pytest.raises(BuildBusy, match="another build of .* is running; wait for it to finish"):
            build(site)
        proc = subprocess.run([sys.executable, "-m", "trialblog.cli", "build", "--site", str(site)],
                              capture_output=True, text=True, check=False)  # fmt: skip
        assert proc.returncode == 1 and "another build" in proc.stderr and "Traceback" not in proc.stderr
    assert snapshot(site / "output") == before


def test_builds_are_reproducible(small_site, tmp_path):
    build(small_site)
    first = snapshot(small_site / "output")
    copy = tmp_path / "copy"
    shutil.copytree(small_site, copy, ignore=shutil.ignore_patterns("output"))
    build(copy, publish=False)
    assert snapshot(copy / "output") == first
    build(small_site, publish=True)
    second_publish = snapshot(small_site / "output")
    build(small_site, publish=True)
    assert snapshot(small_site / "output") == second_publish


def test_failure_after_every_page_is_written_leaves_output_untouched(good):
    """A plugin failing at the very end (``finalized``, where the search index is written)."""
    from pelican import signals

    site, before = good
    entry = site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))

    def fail(pelican):
        raise RuntimeError("boom after the pages")

    signals.finalized.connect(fail)
    try:
        with pytest.raises(RuntimeError, match="boom after"):
            build(site)
    finally:
        signals.finalized.disconnect(fail)
    assert snapshot(site / "output") == before
    assert leftovers(site) == []
