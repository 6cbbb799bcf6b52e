"""Work shared by the machine's cores, through ``concurrent.futures``.

:func:`shared` is ``[func(x) for x in items]`` with the items shared out between this process and
processes forked from it: they start with this process's memory as it is at that moment (the
run's content, templates and settings), so only each result crosses back (it must pickle), with
whatever the process logged under Pelican's logger, said again here. Where
a process cannot be forked safely (Windows, macOS), or while other threads run, everything is done
here, in order.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Fewer items than this per process are not worth a process.
MIN_SHARE = 16

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def cores(settings: Mapping[str, Any] | None = None) -> int:
    """How many processes to share work between: ``TRIALBLOG_CORES``, or one per core this process
    may use; one only where a process cannot be forked (Windows), is not safe to fork (macOS, whose
    system libraries do not survive it) or while other threads run. Work is always shared through
    a fork context, whatever Python's default way to start a process (``forkserver`` from 3.14)."""
    if not hasattr(os, "fork") or sys.platform == "darwin" or threading.active_count() > 1:
        return 1
    chosen = (settings or {}).get("TRIALBLOG_CORES")
    if chosen:
        return int(chosen)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


class _Said(logging.Handler):
    """What a forked process logs under Pelican's logger, to be said again by the process that
    forked it: every warning reaches the user, whichever process raised it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _in_worker(func: Callable[[], R]) -> tuple[R, list[tuple[str, int, str]]]:
    """``func()`` and what it logged."""
    said = _Said()
    logger = logging.getLogger("pelican")
    logger.addHandler(said)
    try:
        return func(), said.records
    finally:
        logger.removeHandler(said)


def _say_again(records: list[tuple[str, int, str]]) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


def _share(index: int, count: int) -> list[Any]:
    assert _work is not None
    func, items = _work
    return [func(items[i]) for i in range(index, len(items), count)]


def _share_in_worker(index: int, count: int) -> tuple[list[Any], list[tuple[str, int, str]]]:
    return _in_worker(lambda: _share(index, count))


def shared(func: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> list[R]:
    """``[func(x) for x in items]``, the items shared out between this process and forked ones
    (every ``n``-th item each); an exception is raised here as ``func`` raised it."""
    global _work
    count = min(workers or cores(), max(1, len(items) // MIN_SHARE))
    if count <= 1:
        return [func(item) for item in items]
    _work = (func, items)
    try:
        with ProcessPoolExecutor(count - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            others = [pool.submit(_share_in_worker, index, count) for index in range(1, count)]
            results: list[Any] = [None] * len(items)
            results[0::count] = _share(0, count)
            for index, other in enumerate(others, start=1):
                results[index::count], said = other.result()
                _say_again(said)
    finally:
        _work = None
    return results


def _one(index: int) -> tuple[Any, list[tuple[str, int, str]]]:
    assert _work is not None
    func, items = _work
    return _in_worker(lambda: func(items[index]))


def streamed(func: Callable[[T], R], items: Sequence[T], workers: int) -> Iterator[R]:
    """``func(x)`` of each of ``items``, in order, worked out by ``workers`` forked processes while
    this one takes each result as it comes."""
    global _work
    if workers <= 1:
        yield from map(func, items)
        return
    _work = (func, items)
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for result, said in pool.map(_one, range(len(items)), chunksize=MIN_SHARE):
                _say_again(said)
                yield result
    finally:
        _work = None
