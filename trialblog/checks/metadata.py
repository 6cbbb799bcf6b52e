"""``metadata.*``: the loader's own problems, in the same format as every other finding.

When some of the content does not load, the checks still run on what did (each trial record,
consent file and diary entry is loaded on its own), so one typo does not hide every other finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content.errors import ContentError
from .findings import Finding, Severity
from .rules import define

FIELD = define(
    "metadata.field",
    Severity.ERROR,
    "a header or trial-record field that is missing or wrong",
    "see docs/content-model.md for the fields and their values",
)
FILE = define(
    "metadata.file",
    Severity.ERROR,
    "a content file that cannot be read or does not fit the site",
    "see docs/content-model.md for where each kind of file goes",
)


HTML = define(
    "metadata.html",
    Severity.WARNING,
    "markup removed from a page: it could run a script, leave the page or load another document",
    "remove it from the file, or allow it with TRIALBLOG_ALLOWED_HTML if it is safe (docs/reliability.md)",
)


def removed_html(path: str, removed: list[tuple[int | None, str]]) -> Iterator[Finding]:
    """A finding for each piece of markup the reader removed from the file at ``path``."""
    for line, what in removed:
        yield Finding(path, line or 1, 1, HTML.id, HTML.severity, f"removed {what}: pages and feeds never carry it", HTML.hint)


def findings(errors: list[ContentError]) -> Iterator[Finding]:
    for error in errors:
        rule = FIELD if error.field else FILE
        message = f"{error.field}: {error.message}" if error.field else error.message
        yield Finding(
            error.path, error.line or 1, 1, rule.id, rule.severity, message, error.hint or rule.hint
        )
