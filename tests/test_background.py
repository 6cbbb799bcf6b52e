"""Work beside the build: its result or its exception comes back; cancelling stops it all."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest
from conftest import all_stopped

from trialblog.build.background import Background


def test_result_and_exception_come_back():
    assert Background(lambda: {"answer": 42}).result() == {"answer": 42}
    with pytest.raises(ValueError, match="bad value"):
        Background(lambda: int("bad value")).result()


def test_runs_at_a_lower_priority():
    assert Background(lambda: os.nice(0)).result() > os.nice(0)


def _sleep(_):
    time.sleep(60)


def test_cancel_stops_the_process_and_the_workers_it_started(tmp_path):
    pids = tmp_path / "pids"

    def work():
        with multiprocessing.get_context("fork").Pool(2) as pool:
            pids.write_text(" ".join(str(p.pid) for p in pool._pool))
            pool.map(_sleep, range(2))

    job = Background(work)
    for _ in range(100):
        if pids.exists() and pids.read_text():
            break
        time.sleep(0.05)
    workers = [int(p) for p in pids.read_text().split()]
    started = time.monotonic()
    job.cancel()
    assert time.monotonic() - started < 10
    assert all_stopped(workers)
    with pytest.raises(RuntimeError, match="cancelled"):
        job.result()
