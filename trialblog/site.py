"""The whole site's content model: trials, consent notes and diary entries, loaded strictly."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .consent import ConsentNotes, parse_consent
from .diary import DiaryMeta, read_entry, read_header, unsafe_paths
from .errors import ContentError, ContentErrors, display_path
from .model import Trial, load_trial
from .sources import read_text

TRIALS_DIR = "trials"
CONSENT_DIR = "consent"
DIARY_DIR = "diary"
PAGES_DIR = "pages"
TRIAL_SUFFIXES = (".yaml", ".yml")
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass
class Site:
    """Everything loaded from ``content/``, keyed for the plugins."""

    trials: dict[str, Trial] = field(default_factory=dict)
    consent: dict[str, ConsentNotes] = field(default_factory=dict)
    entries: dict[str, DiaryMeta] = field(default_factory=dict)  # absolute source path -> meta

    def entry_for(self, source_path: str) -> DiaryMeta | None:
        return self.entries.get(str(Path(source_path).resolve()))


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def _texts(folder: Path, root: Path, errors: list[ContentError]) -> Iterator[tuple[Path, str, str]]:
    """(path, path as shown, text) of each Markdown file; unreadable files go to ``errors``."""
    for path in _files(folder, MARKDOWN_SUFFIXES):
        shown = display_path(path, root)
        try:
            yield path, shown, read_text(path, shown)
        except ContentError as exc:
            errors.append(exc)


def load_site(content: Path, root: Path | None = None) -> Site:
    """Load and validate ``content/``; raise :class:`ContentErrors` with every problem found."""
    root = root or content.parent
    site = Site()
    errors: list[ContentError] = []
    broken: set[str] = set()  # trials whose file has errors: not reported again where used
    for path in _files(content / TRIALS_DIR, TRIAL_SUFFIXES):
        try:
            trial = load_trial(path, root)
        except ContentErrors as exc:
            errors.extend(exc.errors)
            broken.add(path.stem)
            continue
        if trial.slug in site.trials:
            errors.append(
                ContentError(
                    trial.source,
                    None,
                    None,
                    f"a second trial with the slug {trial.slug!r}",
                    "rename one of the files",
                )
            )
        site.trials[trial.slug] = trial
    for path, shown, text in _texts(content / CONSENT_DIR, root, errors):
        if path.stem in broken:
            continue
        if path.stem not in site.trials:
            known = ", ".join(sorted(site.trials)) or "none yet"
            errors.append(
                ContentError(
                    shown,
                    None,
                    None,
                    f"consent notes for {path.stem!r}, which is not a trial of this site",
                    f"name the file after a trial slug: {known}",
                )
            )
            continue
        site.consent[path.stem] = parse_consent(path.stem, shown, text)
    ids: dict[str, str] = {}
    for path, shown, text in _texts(content / DIARY_DIR, root, errors):
        meta = read_entry(path, shown, text, site.trials, errors, frozenset(broken))
        if meta is None:
            continue
        if meta.id and meta.id in ids:
            errors.append(
                ContentError(
                    shown,
                    meta.lines.get("id"),
                    "Id",
                    f"the same Id as {ids[meta.id]}",
                    "every entry needs its own Id: remove this one and run `trialblog new entry` to get a fresh one, or write a new UUID",
                )
            )
        elif meta.id:
            ids[meta.id] = shown
        site.entries[str(path.resolve())] = meta
    for _path, shown, text in _texts(content / PAGES_DIR, root, errors):
        header = read_header(text)
        for key, message, hint in unsafe_paths(header):
            errors.append(ContentError(shown, header.lines.get(key), key.capitalize(), message, hint))
    if errors:
        raise ContentErrors(errors)
    return site
