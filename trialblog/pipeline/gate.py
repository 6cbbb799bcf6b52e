"""The checks, on exactly what will be published, before anything is written.

At ``all_generators_finalized`` every generator has read its content and nothing is written yet.
Here the run's problems are gathered (files Pelican could not read, trial records and entries
that do not fit the site), the safety checks run on every file Pelican read, and a content error
or a check error stops the run: under ``pelican content`` and ``trialblog build`` alike, nothing
is written. Then drafts and hidden posts are dropped, so nothing can write, list or link them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import pipeline
from ..checks import Checked, ChecksFailed, Severity
from ..content.entries import MISSING
from ..content.errors import ContentError, ContentErrors, display_path
from . import replies
from .addresses import moved, page_addresses, read_history, remember, settle
from .cache import Cache, code_digest, digest
from .reader import REMOVED
from .run import Run
from .settings import site_folder
from .site import current

log = pipeline.logger("trialblog.checks")

#: Lists of Pelican's generators holding content that is never written: trialblog's privacy default.
UNPUBLISHED = ("drafts", "drafts_translations", "hidden_articles", "hidden_translations",
               "hidden_pages", "draft_pages", "draft_translations")  # fmt: skip


def on_all_generators_finalized(generators: list[Any]) -> None:
    """Check the run's content; raise (and so write nothing) on an error."""
    if not generators:
        return
    context, settings = generators[0].context, generators[0].settings
    run = current(context, settings)
    assert run.site is not None
    site = run.site
    root = site_folder(settings)
    unread = unreadable(generators[0], context, root)
    site.errors += [error for _path, errors in unread for error in errors]
    history = read_history(settings)
    site.errors += settle(
        [a for a in run.articles if a.status == "published"], [p for p in run.pages if p.status == "published"],
        settings, context, history,
    )  # fmt: skip
    report = check(run, settings, root, [path for path, _ in unread])
    report.findings = sorted(report.findings + list(removed_markup(run, root)), key=lambda f: f.sort_key)
    report.findings = sorted(report.findings + replies.check(run, settings), key=lambda f: f.sort_key)
    run.report = report
    if settings.get("TRIALBLOG_CHECK_ONLY"):
        raise Checked(report)
    if site.errors:
        raise ContentErrors(site.errors)
    if report.errors and not settings.get("TRIALBLOG_ALLOW_ERRORS"):
        raise ChecksFailed(report)
    for finding in report.shown():
        log.warning("%s", as_text_one(finding))
    drop_unpublished(generators)
    keep_addresses([*run.articles, *run.pages])
    track_addresses(run, history)


def track_addresses(run: Run, history: dict[str, list[dict[str, str]]]) -> None:
    """Where each page was before: the old addresses that redirect to the live ones this run."""
    assert run.site is not None
    published = [a for a in run.articles if a.status == "published"]
    live = page_addresses(published, list(run.site.trials.values()))
    taken = {item.save_as for item in [*published, *run.pages] if item.status == "published"}
    taken |= {address["save_as"] for address in live.values()}
    run.extra["redirects"] = moved(history, live, taken)
    run.extra["addresses"] = remember(history, live)


def keep_addresses(items: list[Any]) -> None:
    """Each entry's and page's address, now that every generator has made its context, kept as if
    its header gave it (Pelican's ``URL:`` metadata): templates show an address many times, and
    Pelican works it out from the settings at each use."""
    for item in items:
        if not hasattr(item, "override_url"):
            item.override_url = item.url


def as_text_one(finding: Any) -> str:
    from ..checks.report import text_line

    return text_line(finding)


def removed_markup(run: Run, root: Path) -> Iterator[Any]:
    """What the reader removed from each file's HTML, said as warnings (every run, cached or not)."""
    from ..checks.metadata import removed_html

    for item in [*run.articles, *run.pages]:
        removed = item.metadata.get(REMOVED)
        if removed:
            yield from removed_html(display_path(item.source_path, root), removed)


def check(run: Run, settings: dict[str, Any], root: Path, unread: list[Path]) -> Any:
    """The checks of every file of the run: entries, pages, trial records, consent notes."""
    from ..checks import check_files, sources

    site = run.site
    assert site is not None
    entries = [(Path(a.source_path), site.entry_for(a.source_path)) for a in run.articles]
    pages = [Path(p.source_path) for p in run.pages]
    page_dirs = [Path(settings["PATH"], p) for p in settings.get("PAGE_PATHS") or ()]
    for path in unread:
        if any(folder in path.parents for folder in page_dirs):
            pages.append(path)
        else:
            entries.append((path, None))
    regions = repr(settings.get("TRIALBLOG_PHONE_REGIONS")), str(settings.get("AUTHOR", ""))
    cache = Cache.of_run(settings, "checks", digest(code_digest(), *regions))
    report = check_files(sources(site, settings, entries, pages), site, root, settings, cache)
    cache.save()
    return report


def unreadable(articles_generator: Any, context: dict[str, Any], root: Path) -> list[tuple[Path, list[ContentError]]]:
    """Each file Pelican could not read (it is not published), with why, in the writer's words."""
    found = []
    content = Path(articles_generator.settings["PATH"])
    for relative, item in sorted(context.get("generated_content", {}).items()):
        if item is None:
            path = content / relative
            found.append((path, why_unreadable(articles_generator.readers, path, root)))
    return found


def why_unreadable(readers: Any, path: Path, root: Path) -> list[ContentError]:
    """Read ``path`` again to say why Pelican could not: the reader's own errors, or what is missing."""
    shown = display_path(path, root)
    reader = readers.readers.get(os.path.splitext(path)[1][1:].lower())
    if reader is None:
        return [ContentError(shown, None, None, "Pelican has no reader for this kind of file", "")]
    try:
        _content, metadata = reader.read(str(path))
    except ContentErrors as exc:
        return exc.errors
    except ContentError as exc:
        return [exc]
    except Exception as exc:  # a reader of Pelican's or of another plugin: its own words
        return [ContentError(shown, None, None, f"could not be read: {type(exc).__name__}: {exc}", "")]
    for key in ("title", "date"):
        if not metadata.get(key):
            return [ContentError(shown, 1, None, f"has no {key.title()}:", MISSING[key])]
    return [ContentError(shown, None, None, "Pelican could not publish it (see its message above)", "")]


def drop_unpublished(generators: list[Any]) -> None:
    """Empty the lists of drafts and hidden posts of every generator (in place: the context shares them)."""
    for generator in generators:
        for name in UNPUBLISHED:
            items = getattr(generator, name, None)
            if isinstance(items, list):
                items.clear()


def errors_by_source(report: Any) -> set[str]:
    """The files (as shown) with an error the writer did not silence."""
    return {f.path for f in report.shown() if f.severity is Severity.ERROR}
