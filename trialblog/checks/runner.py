"""Running every rule over a site's content: documents in, sorted findings out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..content.entries import DiaryMeta, parse_date
from ..content.errors import ContentError, display_path
from ..content.site import Site
from ..content.sources import read_text
from ..content.trials import Trial
from ..pipeline.cache import Cache, digest
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


@dataclass(frozen=True)
class Source:
    """One file to check, as the pipeline hands it over: where it is and what it is about."""

    path: Path
    kind: Kind
    context: dict = field(default_factory=dict)


def check_files(
    sources: Iterable[Source],
    site: Site,
    root: Path,
    settings: Mapping[str, object] | None = None,
    cache: Cache | None = None,
) -> Report:
    """Check every one of ``sources``; paths are shown relative to ``root`` (the site).

    ``cache`` keeps each document's findings under the digest of its name, kind, bytes and
    context; its salt must cover the code and the settings.
    """
    settings = settings or {}
    context = site_context(site, settings)
    found: list[Finding] = list(metadata.findings(site.errors))
    documents: list[tuple[str, str, Source, str]] = []  # (key, shown, source, text) of each readable file
    for source in sources:
        shown = display_path(source.path, root)
        raw = _read(source.path, shown, found)
        if raw is not None:
            key = digest(shown, source.kind.value, raw, _context_key(source.context), site.trials_digest)
            documents.append((key, shown, source, raw))

    def check(document: tuple[str, str, Source, str]) -> list[Finding]:
        _key, shown, source, raw = document
        return check_document(context.document(shown, source.kind, raw, **source.context))

    for document in documents:
        found += cache.get(document[0], lambda d=document: check(d)) if cache is not None else check(document)
    return Report(sorted(found, key=lambda f: f.sort_key), len(documents))


def site_context(site: Site, settings: Mapping[str, object]) -> SiteContext:
    return SiteContext(
        site.trials,
        tuple(settings.get("TRIALBLOG_PHONE_REGIONS") or DEFAULT_PHONE_REGIONS),  # type: ignore[arg-type]
        frozenset(re.findall(r"\b[A-Z][a-z]+\b", str(settings.get("AUTHOR", "")))),
    )


def _context_key(context: dict) -> str:
    """What of a document's context changes its findings (the trial is in the site's digest)."""
    trial = context.get("trial")
    return repr(sorted((k, getattr(v, "slug", v)) for k, v in context.items() if k != "trial")) + repr(
        getattr(trial, "slug", None)
    )


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


def sources(
    site: Site,
    settings: Mapping[str, object],
    entries: Iterable[tuple[Path, DiaryMeta | None]],
    pages: Iterable[Path],
) -> list[Source]:
    """The documents of a site with the context each is checked in: trial records, consent
    notes, diary entries (``None``: one that did not load, checked without its trial) and pages."""
    context = site_context(site, settings)
    found = []
    for slug, path in sorted(site.trial_files.items()):
        trial = site.trials[slug]
        found.append(Source(path, Kind.TRIAL, _record_context(trial)))
    for slug, notes in sorted(site.consent.items()):
        trial = site.trials.get(slug)
        day = _day(notes.date) or (trial.participation.consented if trial and trial.participation else None)
        dated = context.dated(trial, day) if trial else {}
        dated.pop("blinded", None)
        found.append(Source(site.consent_files[slug], Kind.CONSENT, {"trial": trial, **dated}))
    for path, meta in entries:
        if meta is None:
            found.append(Source(path, Kind.DIARY))
            continue
        trial = site.trials.get(meta.trial) if meta.trial else None
        extra = {"trial": trial, "milestone": meta.milestone, "published": meta.public}
        found.append(Source(path, Kind.DIARY, {**extra, **context.dated(trial, meta.day)}))
    found += [Source(path, Kind.PAGE) for path in pages]
    return found


def _day(text: str) -> dt.date | None:
    try:
        return parse_date(text).date() if text else None
    except (ValueError, OverflowError):
        return None
