"""Running every rule over a site's content: documents in, sorted findings out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ..build.cache import Cache
from ..build.fingerprint import digest, file_digest
from ..build.parallel import fork_map
from ..content.entries import parse_date
from ..content.errors import ContentError, display_path
from ..content.site import (
    CONSENT_DIR,
    DIARY_DIR,
    MARKDOWN_SUFFIXES,
    TRIAL_SUFFIXES,
    TRIALS_DIR,
    Site,
    content_files,
)
from ..content.trials import Trial, read_text
from . import accessibility, blinding, integrity, metadata, privacy, recruitment, silencing
from .documents import (
    Document,
    Kind,
    active_on,
    arm_terms,
    markdown_segments,
    ongoing_on,
    participating,
    public_contacts,
    yaml_segments,
)
from .findings import Finding, Severity
from .report import Report

FAMILY_CHECKS: tuple[Callable[[Document], Iterable[Finding]], ...] = (
    privacy.check,
    blinding.check,
    integrity.check,
    recruitment.check,
    accessibility.check,
)
DEFAULT_PHONE_REGIONS = ("GB", "US")


@dataclass(frozen=True)
class SiteContext:
    """What every document of one site shares."""

    trials: dict[str, Trial]
    phone_regions: tuple[str, ...] = DEFAULT_PHONE_REGIONS
    own_names: frozenset[str] = frozenset()

    @property
    def mine(self) -> list[Trial]:
        return participating(self.trials.values())

    @cached_property
    def contacts(self) -> tuple:
        """The registry's public study contacts: phone numbers and e-mail addresses."""
        return public_contacts(self.trials.values())

    def document(self, path: str, kind: Kind, raw: str, **context: object) -> Document:
        phones, emails = self.contacts
        if kind is Kind.TRIAL:
            trial = context.get("trial")
            segments, lines = yaml_segments(raw, layout=getattr(trial, "layout", None)), {}
        else:
            segments, lines = markdown_segments(raw)
        return Document(
            path,
            kind,
            segments,
            raw=raw,
            public_phones=phones,
            public_emails=emails,
            phone_regions=self.phone_regions,
            own_names=self.own_names,
            header_lines=lines,
            **context,  # type: ignore[arg-type]
        )

    def dated(self, trial: Trial | None, day: dt.date | None) -> dict[str, object]:
        """Blinding and trial-time context of a post about ``trial`` (or none) dated ``day``."""
        if day is None:
            return {"ongoing": trial is not None and ongoing_on(trial, dt.date.max)}
        if trial is not None:
            return {
                "blinded": trial.blinded_on(day),
                "ongoing": ongoing_on(trial, day),
                "active": active_on(trial, day),
                "arm_terms": arm_terms(trial),
            }
        blinded = next((t for t in self.mine if t.blinded_on(day)), None)
        return {
            "blinded": blinded is not None,
            "ongoing": any(ongoing_on(t, day) and active_on(t, day) for t in self.mine),
            "arm_terms": arm_terms(blinded),
        }


def check_content(
    content: Path,
    root: Path | None = None,
    site: Site | None = None,
    settings: Mapping[str, object] | None = None,
    cache: Cache | None = None,
    workers: int = 1,
    digests: Mapping[Path, bytes] | None = None,
) -> Report:
    """Check every file under ``content``; paths are shown relative to ``root`` (the site).

    ``cache`` reuses an earlier build's findings for a document with the same bytes; its salt
    must cover the code, the settings and every trial record (they shape each document's context).
    ``digests`` (SHA-256 of files' bytes, as the build already has them) spares reading a file
    whose findings are in the cache.
    """
    root = root or content.parent
    settings = settings or {}
    found: list[Finding] = []
    if site is None:
        site, errors = metadata.load(content, root)
        found += metadata.findings(errors)
    context = SiteContext(
        site.trials,
        tuple(settings.get("TRIALBLOG_PHONE_REGIONS") or DEFAULT_PHONE_REGIONS),  # type: ignore[arg-type]
        frozenset(re.findall(r"\b[A-Z][a-z]+\b", str(settings.get("AUTHOR", "")))),
    )
    page_dirs = settings.get("PAGE_PATHS") or ["pages"]
    specs = list(_documents(content, site, context, page_dirs))  # type: ignore[arg-type]

    def check(spec: tuple) -> list[Finding]:
        shown, kind, raw, extra = spec
        return check_document(context.document(shown, kind, raw, **extra))

    results: dict[int, list[Finding]] = {}  # by document, unreadable ones left out
    keys: dict[int, str] = {}
    todo: dict[int, tuple] = {}
    for i, (path, kind, extra) in enumerate(specs):
        shown = display_path(path, root)
        if cache is not None:  # findings are cached by the document's name, kind and bytes
            keys[i] = digest(shown, kind.value, file_digest(path, digests))
            if keys[i] in cache:
                results[i] = cache.get(keys[i], list)
                continue
        raw = _read(path, shown, found)
        if raw is not None:
            todo[i] = (shown, kind, raw, extra)
    for i, result in zip(todo, fork_map(check, list(todo.values()), workers), strict=True):
        results[i] = result
        if cache is not None:
            cache.put(keys[i], result)
    for result in results.values():
        found += result
    return Report(sorted(found, key=lambda f: f.sort_key), len(results))


def check_record(shown: str, raw: str, trial: Trial) -> list[Finding]:
    """Findings of one trial record on its own, as an import writes it (``shown`` is its path)."""
    context = SiteContext({trial.slug: trial})
    return check_document(context.document(shown, Kind.TRIAL, raw, **_record_context(trial)))


def _record_context(trial: Trial | None) -> dict[str, object]:
    return {"trial": trial, "arm_terms": arm_terms(trial)}


def _read(path: Path, shown: str, found: list[Finding]) -> str | None:
    """The document's text; a file that cannot be read is a finding (once)."""
    try:
        return read_text(path, shown)
    except ContentError as exc:
        if not any(f.path == shown for f in found):
            found.extend(metadata.findings([exc]))
        return None


def check_document(doc: Document) -> list[Finding]:
    """All findings of one document: drafts' errors and findings in a registry's own text
    downgraded to warnings, silences applied."""
    found: dict[tuple[str, int, int], Finding] = {}
    for family_check in FAMILY_CHECKS:
        for finding in family_check(doc):
            found.setdefault((finding.rule, finding.line, finding.column), finding)
    results = list(found.values())
    if doc.kind is Kind.TRIAL:
        results = [_registry_words(f) if doc.registry_text(f.line) else f for f in results]
    if not doc.published:
        results = [_unpublished(f) for f in results]
    rules, problems = silencing.silences(doc.path, doc.raw, markdown=doc.kind is not Kind.TRIAL)
    return list(silencing.apply(results, rules)) + problems


#: The fix for a finding in a registry's own text, which the site's editor cannot change.
REGISTRY_HINT = (
    "the registry's own words, shown as it publishes them (an import would bring them back), so they "
    "never stop a build; if they mislead, say so in the trial's summary or ask the sponsor to correct the record"
)


def _registry_words(finding: Finding) -> Finding:
    """A finding in a registry's text: reported to the editor, never an error."""
    return replace(
        finding,
        severity=Severity.WARNING,
        message=f"{finding.message} (in the registry's text)",
        hint=REGISTRY_HINT,
        registry=True,
    )


def _unpublished(finding: Finding) -> Finding:
    if finding.severity is not Severity.ERROR:
        return finding
    return replace(
        finding,
        severity=Severity.WARNING,
        message=f"{finding.message} (in a post that is not published: fix it before you publish)",
    )


def _documents(
    content: Path, site: Site, context: SiteContext, page_dirs: Iterable[str]
) -> Iterator[tuple[Path, Kind, dict]]:
    """(path, kind, context) of every document to check."""
    for path in content_files(content / TRIALS_DIR, TRIAL_SUFFIXES):
        yield path, Kind.TRIAL, _record_context(site.trials.get(path.stem))
    for path in content_files(content / CONSENT_DIR, MARKDOWN_SUFFIXES):
        trial = site.trials.get(path.stem)
        notes = site.consent.get(path.stem)
        day = _day(notes.date if notes else "") or (
            trial.participation.consented if trial and trial.participation else None
        )
        dated = context.dated(trial, day) if trial else {}
        dated.pop("blinded", None)
        yield path, Kind.CONSENT, {"trial": trial, **dated}
    for path in content_files(content / DIARY_DIR, MARKDOWN_SUFFIXES):
        meta = site.entry_for(str(path))
        if meta is None:
            yield path, Kind.DIARY, {}
            continue
        trial = site.trials.get(meta.trial) if meta.trial else None
        extra = {"trial": trial, "milestone": meta.milestone, "published": meta.public}
        yield path, Kind.DIARY, {**extra, **context.dated(trial, meta.day)}
    for folder in page_dirs:
        for path in content_files(content / folder, MARKDOWN_SUFFIXES):
            yield path, Kind.PAGE, {}


def _day(text: str) -> dt.date | None:
    try:
        return parse_date(text).date() if text else None
    except (ValueError, OverflowError):
        return None
