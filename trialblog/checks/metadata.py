"""``metadata.*``: the loader's own problems, in the same format as every other finding.

When the content does not load, the checks still run on what did: each trial record, consent
file and diary header is loaded on its own, so one typo does not hide every other finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..content.consent import parse_consent
from ..content.entries import read_entry
from ..content.errors import ContentError, ContentErrors, display_path, real_path
from ..content.site import (
    CONSENT_DIR,
    DIARY_DIR,
    MARKDOWN_SUFFIXES,
    TRIAL_SUFFIXES,
    TRIALS_DIR,
    Site,
    content_files,
    load_site,
)
from ..content.trials import load_trial, read_text
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


def load(content: Path, root: Path) -> tuple[Site, list[ContentError]]:
    """The site model and the loader's errors; on errors, whatever parts of it load on their own."""
    try:
        return load_site(content, root), []
    except ContentErrors as exc:
        errors = exc.errors
    site = Site()
    for path in content_files(content / TRIALS_DIR, TRIAL_SUFFIXES):
        try:
            trial = load_trial(path, root)
        except ContentErrors:
            continue
        site.trials.setdefault(trial.slug, trial)
    for path in content_files(content / CONSENT_DIR, MARKDOWN_SUFFIXES):
        shown = display_path(path, root)
        if path.stem in site.trials:
            try:
                site.consent[path.stem] = parse_consent(path.stem, shown, read_text(path, shown))
            except ContentError:
                continue
    for path in content_files(content / DIARY_DIR, MARKDOWN_SUFFIXES):
        shown = display_path(path, root)
        try:
            meta = read_entry(path, shown, read_text(path, shown), site.trials, [])
        except ContentError:
            continue
        if meta is not None:
            site.entries[real_path(path)] = meta
    return site, errors


def findings(errors: list[ContentError]) -> Iterator[Finding]:
    for error in errors:
        rule = FIELD if error.field else FILE
        message = f"{error.field}: {error.message}" if error.field else error.message
        yield Finding(
            error.path, error.line or 1, 1, rule.id, rule.severity, message, error.hint or rule.hint
        )
