"""The content cache: results of slow per-file work, keyed by everything they depend on.

Each namespace (trials, entries, checks) is one pickle file in ``<site>/.trialblog/cache/``.
Keys are digests of the file's bytes *and* of the code and settings that produce the result
(see :mod:`trialblog.build.fingerprint`), so a stale result can never be found: a changed input
simply misses. Entries not used by a build are dropped when it saves, so the cache does not grow.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
CACHE_DIR = Path(".trialblog") / "cache"
FORMAT = 1


class Cache:
    """One namespace of cached results; ``enabled=False`` computes everything afresh."""

    def __init__(self, folder: Path | None, namespace: str, salt: str):
        self.path = folder / f"{namespace}.pickle" if folder else None
        self.salt = salt
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        self.hits = self.misses = 0
        if self.path and self.path.is_file():
            try:
                with self.path.open("rb") as handle:
                    stored = pickle.load(handle)
                if stored.get("format") == FORMAT and stored.get("salt") == salt:
                    self.old = stored["entries"]
            except Exception:  # an unreadable cache is an empty cache
                self.old = {}

    def __contains__(self, key: str) -> bool:
        return key in self.new or key in self.old

    def put(self, key: str, value: Any) -> None:
        self.misses += 1
        self.new[key] = value

    def get(self, key: str, compute: Callable[[], T]) -> T:
        if key in self.new:
            return self.new[key]
        if key in self.old:
            self.hits += 1
            value = self.old[key]
        else:
            self.misses += 1
            value = compute()
        self.new[key] = value
        return value

    def save(self) -> None:
        """Write the entries this build used, atomically."""
        if not self.path or (not self.misses and len(self.new) == len(self.old)):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump({"format": FORMAT, "salt": self.salt, "entries": self.new}, handle, protocol=5)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.old, self.misses = self.new, 0  # saved: nothing to write again unless more is added
