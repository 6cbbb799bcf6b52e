"""Errors that point at a place in the writer's content."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(eq=False)
class ContentError(Exception):
    """One problem in one content file, with where it is and how to fix it."""

    path: str
    line: int | None
    field: str | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        text = f"{where}:{field} {self.message}"
        return f"{text}\n    fix: {self.hint}" if self.hint else text


class ContentErrors(Exception):
    """Every problem found while loading a site, reported together."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in the content:"
        return "\n".join([head, *(str(e) for e in self.errors)])


def display_path(path: Path | str, root: Path | str | None) -> str:
    """Path as the writer knows it: relative to the site when possible."""
    if root is not None:
        real, base = real_path(path), real_path(root)
        if real == base:
            return "."
        if real.startswith(base.rstrip(os.sep) + os.sep):
            return real[len(base.rstrip(os.sep)) + 1 :].replace(os.sep, "/")
    return str(path)


def real_path(path: Path | str) -> str:
    """``str(Path(path).resolve())``, remembered for the build (a build shows each content file's
    path several times, and thousands of paths from a few folders)."""
    return _real(os.path.abspath(path))


@lru_cache(maxsize=1 << 16)
def _real(absolute: str) -> str:
    if os.path.islink(absolute):
        return os.path.realpath(absolute)
    folder, name = os.path.split(absolute)
    return os.path.join(_real_folder(folder), name) if name else _real_folder(folder)


@lru_cache(maxsize=1024)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def forget_folders() -> None:
    """Resolve paths afresh (a symbolic link may have changed since the last build)."""
    _real.cache_clear()
    _real_folder.cache_clear()
