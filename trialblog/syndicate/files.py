"""Where syndication keeps its files in a site, and how they are written safely."""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import SyndicateError

FOLDER = ".trialblog"
STATE = f"{FOLDER}/syndication.json"  # committable: what was announced where
MANIFEST = f"{FOLDER}/published.json"  # written by `trialblog build`
BLUESKY_SESSION = f"{FOLDER}/bluesky-session.json"  # private: holds session tokens
LOCK = f"{FOLDER}/syndicate.lock"


def write_json(path: Path, data: object, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically: readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False, sort_keys=True)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def read_json(path: Path, what: str) -> dict:
    """A JSON object from ``path``; a clear SyndicateError when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SyndicateError(f"{path}: cannot read the {what}: {exc}") from None
    if not isinstance(data, dict):
        raise SyndicateError(f"{path}: the {what} is not a JSON object")
    return data


@contextmanager
def run_lock(site_dir: Path) -> Iterator[None]:
    """One syndication run at a time per site: two at once could announce a post twice."""
    path = site_dir / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyndicateError(
                "another `trialblog syndicate` is running for this site; wait for it to finish"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
