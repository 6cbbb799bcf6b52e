"""Where syndication keeps its files in a site, and how they are written safely."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..files import Busy, held, write_atomic
from . import SyndicateError

FOLDER = ".trialblog"
STATE = f"{FOLDER}/syndication.json"  # committable: what was announced where
MANIFEST = f"{FOLDER}/published.json"  # written by `trialblog build`
BLUESKY_SESSION = f"{FOLDER}/bluesky-session.json"  # private: holds session tokens
LOCK = f"{FOLDER}/syndicate.lock"


def write_json(path: Path, data: object, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` atomically: readers see the old file or the new one, never half of one."""
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    write_atomic(path, text, mode)


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
def run_lock(site_dir: Path, lock: str = LOCK, command: str = "trialblog syndicate") -> Iterator[None]:
    """One run at a time per site: two syndication runs at once could announce a post twice, two
    fetches of replies could each save what the other had not seen."""
    try:
        with held(site_dir / lock, f"another `{command}` is running for this site; wait for it to finish"):
            yield
    except Busy as exc:
        raise SyndicateError(str(exc)) from None
