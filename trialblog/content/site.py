"""The whole site's content model: trials, consent notes and diary entries, loaded strictly."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..build.cache import Cache
from .consent import ConsentNotes, parse_consent
from .entries import DiaryMeta, read_entry, read_header, unsafe_paths
from .errors import ContentError, ContentErrors, display_path, real_path
from ..build.fingerprint import digest, file_digest
from .trials import Trial, load_trial
from ..build.parallel import fork_map
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
        return self.entries.get(real_path(source_path))


def content_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files under ``folder`` with one of ``suffixes``, in order."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def _texts(folder: Path, root: Path, errors: list[ContentError]) -> Iterator[tuple[Path, str, str]]:
    """(path, path as shown, text) of each Markdown file; unreadable files go to ``errors``."""
    for path in content_files(folder, MARKDOWN_SUFFIXES):
        shown = display_path(path, root)
        try:
            yield path, shown, read_text(path, shown)
        except ContentError as exc:
            errors.append(exc)


def _load_trial(path: Path, root: Path) -> tuple[Trial | None, list[ContentError]]:
    try:
        return load_trial(path, root), []
    except ContentErrors as exc:
        return None, exc.errors


def _trials(
    folder: Path, root: Path, cache: Cache | None, workers: int, digests: Mapping[Path, bytes] | None
) -> list[tuple[Path, Trial | None, list]]:
    """Every trial record loaded: from the cache when its bytes are known, else by ``workers``."""
    paths = content_files(folder, TRIAL_SUFFIXES)
    keys = [digest(display_path(p, root), file_digest(p, digests)) for p in paths] if cache else []
    missing = [i for i in range(len(paths)) if cache is None or keys[i] not in cache]
    loaded = dict(
        zip(
            missing,
            fork_map(lambda p: _load_trial(p, root), [paths[i] for i in missing], workers),
            strict=True,
        )
    )
    results = []
    for i, path in enumerate(paths):
        if i in loaded:
            if cache is not None:
                cache.put(keys[i], loaded[i])
            results.append((path, *loaded[i]))
        else:
            results.append((path, *cache.get(keys[i], lambda: (None, []))))  # type: ignore[union-attr]
    return results


def load_site(
    content: Path,
    root: Path | None = None,
    cache: tuple[Cache, Cache] | None = None,
    workers: int = 1,
    digests: Mapping[Path, bytes] | None = None,
) -> Site:
    """Load and validate ``content/``; raise :class:`ContentErrors` with every problem found.

    ``cache`` (trials, entries) reuses what earlier builds loaded from the same bytes;
    ``workers`` processes share the loading of trial records; ``digests`` (of files' bytes, as
    the build already has them) spares reading a record to find it in the cache.
    """
    root = root or content.parent
    trial_cache, entry_cache = cache or (None, None)
    site = Site()
    errors: list[ContentError] = []
    broken: set[str] = set()  # trials whose file has errors: not reported again where used
    for path, trial, problems in _trials(content / TRIALS_DIR, root, trial_cache, workers, digests):
        if trial is None:
            errors.extend(problems)
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
    slugs = "\n".join(sorted(site.trials)) + "\0" + "\n".join(sorted(broken))
    for path, shown, text in _texts(content / DIARY_DIR, root, errors):

        def entry(path: Path = path, shown: str = shown, text: str = text) -> tuple[DiaryMeta | None, list]:
            found: list[ContentError] = []
            return read_entry(path, shown, text, site.trials, found, frozenset(broken)), found

        meta, problems = entry_cache.get(digest(shown, text, slugs), entry) if entry_cache else entry()
        errors.extend(problems)
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
        site.entries[real_path(path)] = meta
    for _path, shown, text in _texts(content / PAGES_DIR, root, errors):
        header = read_header(text)
        for key, message, hint in unsafe_paths(header):
            errors.append(ContentError(shown, header.lines.get(key), key.capitalize(), message, hint))
    if errors:
        raise ContentErrors(errors)
    return site
