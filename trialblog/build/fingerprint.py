"""Fingerprints of everything a build depends on, so cached work is reused only when valid.

A build's output depends on the content, the settings, the theme, the code (trialblog, its
plugins and the libraries that render), the build date (out-of-date flags) and whether it is
a published build. Each cache key below includes every input its result depends on: a change
of settings, templates, plugins or trial records can never leave a stale page behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

# Libraries whose version changes what a page looks like.
RENDERING_LIBRARIES = (
    "pelican",
    "markdown",
    "jinja2",
    "feedgen",
    "pyyaml",
    "pagefind",
    "pillow",
    "phonenumbers",
)
# Settings trialblog sets during a build; they are not inputs.
BUILD_KEYS = {
    "OUTPUT_PATH",
    "TRIALBLOG_SITE",
    "TRIALBLOG_PUBLISHED",
    "TRIALBLOG_PREVIOUS_OUTPUT",
    "DELETE_OUTPUT_DIRECTORY",
}
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def files_digest(paths: Iterable[Path], root: Path, known: Mapping[Path, bytes] | None = None) -> str:
    """Names (relative to ``root``) and contents of ``paths``; ``known`` holds digests of
    files already read (see :func:`file_digests`)."""
    h = hashlib.sha256()
    prefix = len(os.fspath(root).rstrip(os.sep)) + 1
    for path in sorted(paths, key=os.fspath):
        h.update(os.fspath(path)[prefix:].replace(os.sep, "/").encode("utf-8", "surrogateescape") + b"\0")
        h.update(file_digest(path, known))
    return h.hexdigest()


def file_digest(path: Path, known: Mapping[Path, bytes] | None = None) -> bytes:
    """The SHA-256 of the file's bytes: from ``known`` when the build has it, else read."""
    found = known.get(path) if known else None
    return found if found is not None else hashlib.sha256(path.read_bytes()).digest()


def file_digests(root: Path) -> dict[Path, bytes]:
    """The digest of every file under ``root``, each read once; linked folders are followed
    (a site may keep its trial records in a shared folder), each folder once."""
    found: dict[Path, bytes] = {}
    for path in _files(os.fspath(root), set()):
        with open(path, "rb") as handle:
            found[Path(path)] = hashlib.sha256(handle.read()).digest()
    return found


def _files(folder: str, seen: set[tuple[int, int]]) -> Iterator[str]:
    stat = os.stat(folder)
    if (stat.st_dev, stat.st_ino) in seen:  # a link back to a folder already walked
        return
    seen.add((stat.st_dev, stat.st_ino))
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                yield from _files(entry.path, seen)
            elif entry.is_file():
                yield entry.path


def tree_digest(root: Path) -> str:
    """Every file under ``root``: names and contents."""
    if not root.exists():
        return "absent"
    return files_digest((p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts), root)


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


def _stable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_stable(v)) for v in value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    return _ADDRESS.sub("", repr(value))


def settings_digest(settings: dict) -> str:
    """The settings as a build sees them (not only the files: imports and defaults count too)."""
    stable = {k: _stable(v) for k, v in settings.items() if k not in BUILD_KEYS}
    return digest(json.dumps(stable, sort_keys=True, default=str))


def build_date(settings: dict) -> dt.date:
    """ "Today" for a build: TRIALBLOG_TODAY, else SOURCE_DATE_EPOCH, else the clock."""
    value = settings.get("TRIALBLOG_TODAY")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValueError(f"TRIALBLOG_TODAY should be a date written YYYY-MM-DD, not {value!r}") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
