"""Atomic, locked and reproducible builds: a failure of any kind leaves output/ as it was."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pelican.writers import Writer

from trialblog.build import BuildError, build, build_lock


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
    """What a build left beside output/, once the detached removal of an old site is done."""
    deadline = time.monotonic() + 30
    while list(site.glob(".output.trash-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
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


def test_the_build_does_not_wait_for_the_old_site_to_be_removed(good, monkeypatch):
    """The old site is renamed and removed by another process; this one deletes none of it."""
    site, _ = good
    removed_here = []
    real_rmtree = shutil.rmtree

    def rmtree(path, *args, **kwargs):
        if os.getpid() == parent and ".output.building" not in str(path):
            removed_here.append(str(path))
        return real_rmtree(path, *args, **kwargs)

    parent = os.getpid()
    monkeypatch.setattr(shutil, "rmtree", rmtree)
    entry = site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))
    build(site)
    assert "BODY-CHANGED" in (site / "output/diary/2024/week-six/index.html").read_text()
    assert removed_here == []
    assert leftovers(site) == []


def test_while_other_threads_run_the_old_site_is_removed_without_forking(good, monkeypatch):
    """As under `trialblog serve`: forking is unsafe then, so a thread removes the old site."""
    site, _ = good
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()

    def no_fork():
        raise AssertionError("forked while another thread ran")

    monkeypatch.setattr(os, "fork", no_fork)
    try:
        entry = site / "content/diary/03-visit.md"
        entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))
        build(site)
        assert "BODY-CHANGED" in (site / "output/diary/2024/week-six/index.html").read_text()
        assert leftovers(site) == []
    finally:
        stop.set()
        other.join()


def test_second_build_at_once_stops_with_a_clear_message(good):
    site, before = good
    with build_lock(site / "output"):
        with pytest.raises(BuildError, match="another build of .* is running; wait for it to finish"):
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


def test_failure_while_the_search_index_is_written_stops_it(tmp_path):
    from conftest import copy_example

    from trialblog.build import background
    from trialblog.build.parallel import first_pages_written

    site = copy_example(tmp_path / "site", today="2026-11-23")
    build(site)
    entry = next((site / "content/diary").glob("*.md"))
    entry.write_text(entry.read_text() + "\nA changed line.\n")
    (site / "output/pagefind/pagefind.js").write_text("// the index is not reusable now\n")
    before = snapshot(site / "output")
    started = []

    def fail(pelican):
        started.extend(p.pid for p in background._running)
        raise RuntimeError("boom after the trial pages")

    first_pages_written.connect(fail)
    try:
        with pytest.raises(RuntimeError, match="boom after"):
            build(site)
    finally:
        first_pages_written.disconnect(fail)
    assert started, "Pagefind was running when the build failed"
    assert background._running == set()
    assert all(not Path(f"/proc/{pid}").exists() for pid in started)
    assert snapshot(site / "output") == before
    assert leftovers(site) == []
