"""Results of slow per-file work (trial records, check findings), kept between runs.

A cache lives in Pelican's ``CACHE_PATH`` and is used only when Pelican's own content cache is
(``CACHE_CONTENT``; ``trialblog build`` turns it on, in a folder named after the code, settings
and theme). Keys are digests of everything a result depends on, so a stale result can never be
found: a changed input simply misses. Entries a run did not use are dropped when it saves.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
import sys
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from ..files import write_atomic

T = TypeVar("T")
FORMAT = 2
#: Libraries whose version changes what a page or a finding is.
RENDERING_LIBRARIES = (
    "pelican", "markdown", "jinja2", "feedgen", "pyyaml", "pagefind", "pillow", "phonenumbers", "nh3",
)  # fmt: skip


def digest(*parts: bytes | str) -> str:
    """SHA-256 of ``parts``, each length-prefixed (so ("ab", "c") and ("a", "bc") differ)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def tree_digest(root: Path, suffixes: Iterable[str] | None = None) -> str:
    """Names (relative to ``root``) and contents of every file under ``root`` (or one file)."""
    if root.is_file():
        return digest(root.name, root.read_bytes())
    if not root.is_dir():
        return "absent"
    wanted = tuple(suffixes) if suffixes is not None else None
    parts: list[bytes | str] = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and (wanted is None or path.suffix in wanted):
            parts += [path.relative_to(root).as_posix(), path.read_bytes()]
    return digest(*parts)


@cache
def code_digest() -> str:
    """trialblog's own code and templates, and the versions of the libraries that render."""
    import trialblog_plugins

    import trialblog

    parts = [sys.version]
    for package in (trialblog, trialblog_plugins):
        for location in package.__path__:
            parts.append(tree_digest(Path(location)))
    for name in RENDERING_LIBRARIES:
        try:
            parts.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{name} absent")
    return digest(*parts)


class Cache:
    """One namespace of cached results (``<CACHE_PATH>/trialblog-<namespace>.pickle``), valid
    for one ``salt``; without a folder every result is computed afresh."""

    def __init__(self, folder: Path | None, namespace: str, salt: str):
        self.path = folder / f"trialblog-{namespace}.pickle" if folder else None
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

    @classmethod
    def of_run(cls, settings: Mapping[str, Any], namespace: str, salt: str) -> Cache:
        """The cache of ``namespace`` in Pelican's cache folder, when Pelican's content cache is on."""
        use = settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")
        return cls(Path(settings["CACHE_PATH"]) if use else None, namespace, salt)

    def get(self, key: str, compute: Callable[[], T]) -> T:
        """The result stored under ``key``, or ``compute()`` (stored)."""
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
        """Keep the entries this run used, atomically."""
        if not self.path or (not self.misses and len(self.new) == len(self.old)):
            return
        data = pickle.dumps({"format": FORMAT, "salt": self.salt, "entries": self.new}, protocol=5)
        write_atomic(self.path, data)
        self.old, self.misses = self.new, 0
