"""The whole site's content model: trials, consent notes and diary entries, with every problem found.

Diary entries come from what Pelican read (see :mod:`trialblog.pipeline.site`); trial records and
consent notes, which are not Pelican content, are loaded here, strictly, from their folders under
the content path.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .consent import ConsentNotes, parse_consent
from .entries import DiaryMeta
from .errors import ContentError, ContentErrors, display_path
from .header import read_header
from .sources import read_text
from .trials import Trial, load_trial

TRIALS_DIR = "trials"
CONSENT_DIR = "consent"
TRIAL_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


@dataclass
class Site:
    """Everything one run loaded, keyed for the plugins and the checks."""

    trials: dict[str, Trial] = field(default_factory=dict)
    consent: dict[str, ConsentNotes] = field(default_factory=dict)
    entries: dict[str, DiaryMeta] = field(default_factory=dict)  # Pelican's source path -> meta
    errors: list[ContentError] = field(default_factory=list)
    broken: frozenset[str] = frozenset()  # trials whose file failed to load
    trial_files: dict[str, Path] = field(default_factory=dict)  # slug -> file
    consent_files: dict[str, Path] = field(default_factory=dict)  # slug -> file
    trials_digest: str = ""  # of every trial record's name and bytes

    def entry_for(self, source_path: str) -> DiaryMeta | None:
        return self.entries.get(source_path)


def content_files(folder: Path, suffixes: tuple[str, ...], ignore: Iterable[str] = ()) -> list[Path]:
    """The files under ``folder`` with one of ``suffixes`` (linked folders followed, as Pelican
    does), except names matching an ``ignore`` pattern (Pelican's IGNORE_FILES), in order."""
    found = []
    patterns = tuple(ignore)
    for dirpath, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not any(fnmatch.fnmatch(d, p) for p in patterns))
        for name in files:
            if name.lower().endswith(suffixes) and not any(fnmatch.fnmatch(name, p) for p in patterns):
                found.append(Path(dirpath, name))
    return sorted(found)


Loaded = tuple[Trial | None, list[ContentError]]
#: ``lookup(key, load)``: an earlier run's result for ``key``, or ``load()``.
Lookup = Callable[[str, Callable[[], Loaded]], Loaded]


def load_trials(paths: Iterable[Path], root: Path, lookup: Lookup | None = None, today: dt.date | None = None) -> Site:
    """A site holding every trial record of ``paths`` that loads, and the errors of those that don't;
    ``today`` is the build date (see :func:`~trialblog.content.trials.load_trial`)."""
    site = Site()
    broken: set[str] = set()
    digests = []
    for path in paths:
        shown = display_path(path, root)
        data = path.read_bytes()
        key = hashlib.sha256(shown.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()
        digests.append(key)
        trial, problems = lookup(key, lambda: _load(path, root, today)) if lookup else _load(path, root, today)  # noqa: B023
        if trial is None:
            site.errors.extend(problems)
            broken.add(path.stem)
            continue
        if trial.slug in site.trials:
            site.errors.append(
                ContentError(trial.source, None, None, f"a second trial with the slug {trial.slug!r}", "rename one of the files")
            )  # fmt: skip
            continue
        site.trials[trial.slug] = trial
        site.trial_files[trial.slug] = path
    site.broken = frozenset(broken)
    site.trials_digest = hashlib.sha256("\n".join(digests).encode()).hexdigest()
    return site


def _load(path: Path, root: Path, today: dt.date | None = None) -> tuple[Trial | None, list[ContentError]]:
    try:
        return load_trial(path, root, today), []
    except ContentErrors as exc:
        return None, exc.errors


def load_consent(site: Site, paths: Iterable[Path], root: Path) -> None:
    """Add the consent notes of ``paths`` (named after their trial) to ``site``."""
    for path in paths:
        shown = display_path(path, root)
        if path.stem in site.broken:
            continue
        if path.stem not in site.trials:
            known = ", ".join(sorted(site.trials)) or "none yet"
            site.errors.append(
                ContentError(shown, None, None, f"consent notes for {path.stem!r}, which is not a trial of this site",
                             f"name the file after a trial slug: {known}")
            )  # fmt: skip
            continue
        try:
            text = read_text(path, shown)
        except ContentError as exc:
            site.errors.append(exc)
            continue
        problems = read_header(text).problems
        site.errors += [ContentError(shown, p.line, p.key, p.message, p.hint) for p in problems]
        site.consent[path.stem] = parse_consent(path.stem, shown, text)
        site.consent_files[path.stem] = path
