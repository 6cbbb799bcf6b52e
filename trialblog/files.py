"""Writing files safely, on every platform: one atomic write and one lock for the whole project."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout


class Busy(Exception):
    """Another process holds the lock."""


def replace_file(path: Path, write: Callable[[str], object], mode: int | None = None) -> None:
    """Write a new file beside ``path`` with ``write(temp_name)``, then move it over ``path`` in one
    step: readers see the old file or the new one, never half of one, and a link at ``path`` is
    replaced, never written through. On any failure ``path`` is untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = path.stat().st_mode & 0o777 if path.is_file() else 0o644
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(temp)
        os.chmod(temp, mode)
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_atomic(path: Path, data: bytes | str, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8 with ``\\n`` line ends) in one step."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    replace_file(path, lambda temp: Path(temp).write_bytes(payload), mode)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible, nor needed, on Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


@contextlib.contextmanager
def held(lock_path: Path, busy: str) -> Iterator[None]:
    """Hold the lock file ``lock_path`` (released when the process ends, however it ends); raise
    :class:`Busy` with the message ``busy`` when another process holds it."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(lock_path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise Busy(busy) from None
    try:
        yield
    finally:
        lock.release()


def keep_only(folder: Path | None, names: set[str]) -> None:
    """Remove every file of ``folder`` (a cache) not named in ``names``."""
    if folder is not None and folder.is_dir():
        for old in folder.iterdir():
            if old.name not in names:
                old.unlink(missing_ok=True)
