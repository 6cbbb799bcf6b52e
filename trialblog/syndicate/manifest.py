"""The manifest of a published build: every public diary entry and every trial, with absolute URLs.

The feeds plugin hands the build this list (in the Pelican settings, under ``PUBLISHED_KEY``) and
the build writes it beside the site once the new ``output/`` is in place; ``trialblog syndicate``
reads it. Drafts and hidden posts never reach it: the diary plugin drops them before feeds are made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import SyndicateError
from .files import MANIFEST, read_json, write_json

if TYPE_CHECKING:
    from trialblog.content.trials import Trial
    from trialblog.render.feeds import FeedItem

PUBLISHED_KEY = "TRIALBLOG_PUBLISHED"
VERSION = 1


def entry_record(
    item: FeedItem, *, blinded: bool, syndicate: bool, source: str, trial: str | None, replies: bool = True
) -> dict:
    """One public entry as the manifest keeps it."""
    return {
        "id": item.id,
        "title": item.title,
        "url": item.url,
        "summary": item.summary,
        "date": item.published.isoformat(),
        "content_warning": item.content_warning,
        "blinded": blinded,
        "syndicate": syndicate,
        "source": source,
        "trial": trial,
        "replies": replies,
    }


def trial_id(trial: Trial) -> str:
    """A trial's permanent id: its registry id when it has one, else its slug."""
    return f"urn:trialblog:trial:{trial.id or trial.slug}"


def trial_record(trial: Trial, url: str) -> dict:
    """One trial as the manifest keeps it."""
    return {
        "id": trial_id(trial),
        "slug": trial.slug,
        "title": trial.title,
        "status": trial.status.value,
        "url": url,
        "registry_id": trial.id,
        "conditions": list(trial.conditions),
        "phase": trial.phase_label,
        "source": trial.source,
    }


def published(siteurl: str, entries: Iterable[dict], trials: Iterable[dict]) -> dict:
    """The manifest's content, minus what only the build knows (``publish``, time)."""
    return {"siteurl": siteurl, "entries": list(entries), "trials": list(trials)}


def write_manifest(site_dir: Path, content: dict | None, publish: bool) -> None:
    """Called by the build after the swap; with no content (no feeds plugin), a stale manifest is removed."""
    path = site_dir / MANIFEST
    if content is None:
        path.unlink(missing_ok=True)
        return
    built = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    write_json(path, {"version": VERSION, "publish": publish, "built": built, **content})


@dataclass(frozen=True)
class Manifest:
    siteurl: str
    entries: tuple[dict[str, Any], ...]
    trials: tuple[dict[str, Any], ...]


def read_manifest(site_dir: Path) -> Manifest:
    """The manifest of the last build; refuses one that is missing or not from a published build."""
    path = site_dir / MANIFEST
    if not path.exists():
        raise SyndicateError(
            f"{path} is missing: run `trialblog build --publish` first, so that syndication announces "
            "exactly what is published"
        )
    data = read_json(path, "list of published entries")
    siteurl = str(data.get("siteurl") or "")
    if not data.get("publish") or not siteurl.startswith(("https://", "http://")):
        raise SyndicateError(
            "the last build was not a published build (no absolute site URL): run "
            "`trialblog build --publish` (with SITEURL set in publishconf.py), then syndicate"
        )
    if data.get("version") != VERSION:
        raise SyndicateError(f"{path}: made by another version of trialblog; build again")
    return Manifest(siteurl, tuple(data.get("entries") or ()), tuple(data.get("trials") or ()))
