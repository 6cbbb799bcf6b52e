"""The run's content model, built from what Pelican read.

When Pelican has read the articles (``article_generator_finalized``), every one of them, drafts,
hidden posts and translations included, becomes a diary entry of the model, beside the trial
records and consent notes loaded from their folders. The plugins' generators and the checks use
this one model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content.entries import entry_meta
from ..content.errors import ContentError, display_path
from ..content.journey import day_label
from ..content.site import (
    CONSENT_DIR,
    MARKDOWN_SUFFIXES,
    TRIAL_SUFFIXES,
    TRIALS_DIR,
    Site,
    content_files,
    load_consent,
    load_trials,
)
from ..registry.slugs import RESERVED
from .cache import Cache, code_digest, digest
from .reader import LINES
from .run import Run, run_of
from .settings import build_date, site_folder

ARTICLE_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts", "drafts_translations")
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


def everything(generator: Any, names: tuple[str, ...]) -> list[Any]:
    """Every content object of ``generator``'s lists ``names``, each once, by source path."""
    found = {id(item): item for name in names for item in getattr(generator, name, None) or ()}
    return sorted(found.values(), key=lambda item: item.source_path or "")


def on_articles(generator: Any) -> None:
    """``article_generator_finalized``: the model of this run, from every article read; each
    entry learns its trial, day and blinding (see :func:`enrich`)."""
    run = run_of(generator.context, generator.settings)
    run.articles = everything(generator, ARTICLE_LISTS)
    run.site = load(generator.settings, run.articles)
    enrich(run.site, run.articles, generator.settings)


def on_pages(generator: Any) -> None:
    """``page_generator_finalized``: the pages of this run, for the checks."""
    run_of(generator.context, generator.settings).pages = everything(generator, PAGE_LISTS)


def site_of(generator: Any) -> Site:
    """The content model of ``generator``'s run."""
    run = current(generator.context, generator.settings)
    assert run.site is not None
    return run.site


def entries_by_trial(generator: Any) -> dict[str, list[Any]]:
    """The run's published diary entries about each trial (by slug), oldest first."""
    found: dict[str, list[Any]] = {}
    for article in sorted(generator.context.get("articles", []), key=lambda a: a.date):
        if getattr(article, "trial", None) is not None:
            found.setdefault(article.trial.slug, []).append(article)
    return found


def current(context: dict[str, Any], settings: dict[str, Any]) -> Run:
    """The state of this run, with its model (built now if no article was ever read)."""
    run = run_of(context, settings)
    if run.site is None:
        run.site = load(settings, run.articles)
    return run


def load(settings: dict[str, Any], articles: list[Any]) -> Site:
    """Trial records and consent notes from their folders, and a diary entry for each article."""
    root = site_folder(settings)
    content = Path(settings["PATH"])
    ignore = settings.get("IGNORE_FILES") or ()
    today = build_date(settings)
    cache = Cache.of_run(settings, "trials", digest(code_digest(), today.isoformat()))
    site = load_trials(content_files(content / TRIALS_DIR, TRIAL_SUFFIXES, ignore), root, cache.get, today)
    cache.save()
    for slug in sorted(RESERVED & set(site.trials)):
        site.errors.append(
            ContentError(site.trials[slug].source, None, None, f"the slug {slug!r} is taken by the directory's /trials/{slug}/ pages",
                         f"rename the file, e.g. to {slug}-trial.yaml")
        )  # fmt: skip
    load_consent(site, content_files(content / CONSENT_DIR, MARKDOWN_SUFFIXES, ignore), root)
    ids: dict[str, str] = {}
    for article in articles:
        shown = display_path(article.source_path, root)
        lines = article.metadata.get(LINES) or {}
        meta, errors = entry_meta(
            shown, article.title, article.date, article.status, article.metadata, lines, site.trials, site.broken
        )
        site.errors += errors
        if meta is None:
            continue
        if meta.id and meta.id in ids:
            site.errors.append(
                ContentError(shown, lines.get("id"), "Id", f"the same Id as {ids[meta.id]}",
                             "every entry needs its own Id: remove this one and run `trialblog new entry` "
                             "to get a fresh one, or write a new UUID")
            )  # fmt: skip
            continue
        if meta.id:
            ids[meta.id] = shown
        site.entries[article.source_path] = meta
    return site


def enrich(site: Site, articles: list[Any], settings: dict[str, Any]) -> None:
    """Give each diary entry what pages, feeds and syndication show of it: its trial, milestone,
    day of the trial, whether it was written while blinded, the disclosure, and its neighbours in
    the same trial."""
    by_trial: dict[str, list[Any]] = {}
    for article in sorted(articles, key=lambda a: a.date):
        meta = site.entry_for(article.source_path)
        trial = site.trials.get(meta.trial) if meta and meta.trial else None
        article.trial = trial
        article.milestone = meta.milestone if meta else None
        article.symptoms = meta.symptoms if meta else {}
        article.content_warning = meta.content_warning if meta else ""
        article.permanent_id = meta.id if meta else None
        article.syndicate = meta.syndicate if meta else False
        article.trial_day = trial.day_number(meta.day) if trial and meta else None
        article.day_label = day_label(article.trial_day)
        article.blinded = bool(meta and blinded_on(site, trial, meta.day))
        article.disclosure = (trial.disclosure if trial else "") or settings.get("DISCLOSURE", "")
        article.prev_in_trial = article.next_in_trial = None
        if trial and meta and meta.public:
            by_trial.setdefault(trial.slug, []).append(article)
    for entries in by_trial.values():
        for earlier, later in zip(entries, entries[1:], strict=False):
            earlier.next_in_trial, later.prev_in_trial = later, earlier


def blinded_on(site: Site, trial: Any, day: Any) -> bool:
    """Whether a post about ``trial`` (or about no trial) dated ``day`` is written while the writer
    is blinded: in its trial's blinded period, or, about no trial, in any of theirs."""
    if trial is not None:
        return trial.blinded_on(day)
    return any(t.participation is not None and t.blinded_on(day) for t in site.trials.values())
