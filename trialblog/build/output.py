"""The output folder: one build at a time, written beside it, swapped in whole.

A build writes into ``.<output>.building-<pid>`` beside the output folder (beside the folder a
linked ``output`` points to: the link is kept) and puts it in place with two renames; the old
site goes to ``.<output>.trash-…`` and is removed. Whatever a build killed half-way left behind
is cleaned by the next one: only one build of an output folder runs at a time, so anything of
that kind found by a build that holds the lock belongs to a build that is gone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

from ..files import Busy, held


class BuildBusy(Exception):
    """Another build of the same output folder is running."""


def real_output(output: Path) -> Path:
    """The folder the site is written to: ``output``, or where a link named ``output`` points."""
    return Path(os.path.realpath(output)) if output.is_symlink() else output.absolute()


def _beside(output: Path, kind: str) -> Path:
    real = real_output(output)
    return real.parent / f".{real.name}.{kind}-{os.getpid()}-{time.monotonic_ns()}"


@contextlib.contextmanager
def lock(output: Path) -> Iterator[None]:
    """Hold ``output``'s build lock (a file beside it); a second build stops with a clear message."""
    real = real_output(output)
    try:
        with held(real.parent / f".{real.name}.lock", f"another build of {output} is running; wait for it to finish and try again"):
            yield
    except Busy as exc:
        raise BuildBusy(str(exc)) from None


def recover(output: Path) -> None:
    """Put back the last good site if a swap was interrupted; remove what dead builds left."""
    real = real_output(output)
    leftovers = sorted(real.parent.glob(f".{real.name}.old-*"))
    if not real.exists() and leftovers:
        leftovers.pop().rename(real)
    for leftover in [*leftovers, *real.parent.glob(f".{real.name}.building-*"), *real.parent.glob(f".{real.name}.trash-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def building(output: Path) -> Iterator[Path]:
    """A new, empty folder beside ``output`` to build into; removed unless swapped in."""
    temp = _beside(output, "building")
    temp.mkdir(parents=True)
    try:
        yield temp
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)


def swap_in(built: Path, output: Path) -> None:
    """Replace the site in ``output`` with ``built`` (two renames), then remove the old site."""
    real = real_output(output)
    old = _beside(output, "old")
    if real.exists():
        real.rename(old)
    built.rename(real)
    if old.exists():
        trash = _beside(output, "trash")
        old.rename(trash)
        shutil.rmtree(trash, ignore_errors=True)
