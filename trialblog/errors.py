"""Errors that point at a place in the writer's content."""

from __future__ import annotations

from dataclasses import dataclass
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


def display_path(path: Path, root: Path | None) -> str:
    """Path as the writer knows it: relative to the site when possible."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)
