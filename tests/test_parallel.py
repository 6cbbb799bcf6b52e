"""fork_map: every item's result in order, this process working on a share of its own, the
workers in its process group, an exception raised as it was raised, and nothing left running."""

from __future__ import annotations

import os
import time

import pytest
from conftest import all_stopped

from trialblog.build.background import Background
from trialblog.build.parallel import fork_map


def test_results_come_back_in_order_with_this_process_doing_a_share():
    items = list(range(23))
    results = fork_map(lambda x: (x * x, os.getpid(), os.getpgid(0)), items, 3)
    assert [square for square, _pid, _group in results] == [x * x for x in items]
    pids = {pid for _square, pid, _group in results}
    assert os.getpid() in pids and len(pids) == 3
    assert {group for _square, _pid, group in results} == {os.getpgid(0)}
    by_pid = [sum(1 for _s, pid, _g in results if pid == p) for p in pids]
    assert sorted(by_pid) == [7, 8, 8]  # every third item each


def test_few_items_are_done_here():
    assert fork_map(lambda x: os.getpid(), [1, 2, 3], 2) == [os.getpid()] * 3


def test_an_exception_in_a_worker_is_raised_here():
    def fail_on_odd(x: int) -> int:
        if x % 2:
            raise KeyError(f"item {x}")
        return x

    with pytest.raises(KeyError, match="item 1"):
        fork_map(fail_on_odd, list(range(10)), 2)


def test_an_exception_here_stops_the_workers(tmp_path):
    pids = tmp_path / "pids"

    def work(x: int) -> int:
        if os.getpid() == here:
            for _ in range(200):  # wait until the worker has written down its pid
                if pids.exists() and pids.read_text():
                    break
                time.sleep(0.02)
            raise ValueError("stopped here")
        pids.write_text(str(os.getpid()))
        time.sleep(60)
        return x

    here = os.getpid()
    started = time.monotonic()
    with pytest.raises(ValueError, match="stopped here"):
        fork_map(work, list(range(4)), 2)
    assert time.monotonic() - started < 10
    assert all_stopped([int(pids.read_text())], seconds=0)


def test_cancelling_the_background_work_stops_its_fork_map_workers(tmp_path):
    pids = tmp_path / "pids"

    def slow(x: int) -> int:
        with pids.open("a") as handle:
            handle.write(f"{os.getpid()} ")
        time.sleep(60)
        return x

    job = Background(lambda: fork_map(slow, list(range(4)), 2))
    for _ in range(200):
        if pids.exists() and len(set(pids.read_text().split())) == 2:
            break
        time.sleep(0.02)
    workers = [int(p) for p in set(pids.read_text().split())]
    assert len(workers) == 2
    job.cancel()
    assert all_stopped(workers)
