"""Readers' approved replies in the run: read from ``content/replies/`` (no network), checked at the
gate with the entry's trial and blinding, and shown under each entry that allows them.

Each entry gets ``replies`` (what its page shows) and ``reply_links`` (its announcements, by
network: where readers reply). An approved reply with a finding the writer did not approve it
despite (a reply edited into something else upstream, or a file edited by hand) is withheld, and
the finding is reported as a warning naming the reply's file and line.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from ..checks.findings import Finding, Severity
from ..content.errors import display_path
from ..render.feeds import permanent_id
from ..replies.checking import check_reply, source_lines, unaccepted
from ..replies.html import shown
from ..replies.store import AVATARS, folder, load_threads
from .run import Run, last, run_of
from .settings import build_date, site_folder

OUTPUT = "replies/avatars"


def on_articles(generator: Any) -> None:
    """``article_generator_finalized``, after the model: each entry's approved replies."""
    run = run_of(generator.context, generator.settings)
    settings, site = generator.settings, run.site
    assert site is not None
    threads, errors = load_threads(Path(settings["PATH"]), site_folder(settings))
    site.errors += errors
    on = settings.get("REPLIES", True) is not False
    content = Path(settings["PATH"])
    for article in run.articles:
        meta = site.entry_for(article.source_path)
        key = permanent_id(meta.id, display_path(article.source_path, content)) if meta is not None else ""
        thread = threads.get(key) if on and meta is not None and meta.replies else None
        article.reply_thread = thread
        article.reply_links = dict(thread.posts) if thread else {}
        article.replies = []


def check(run: Run, settings: dict[str, Any]) -> list[Finding]:
    """Check every approved reply of every published entry; show only those that pass."""
    from ..checks.runner import site_context

    site = run.site
    assert site is not None
    root, today = site_folder(settings), build_date(settings)
    context = site_context(site, settings)
    names = tuple(str(settings.get(k) or "") for k in ("AUTHOR", "SITENAME"))
    date_format = str(settings.get("DEFAULT_DATE_FORMAT") or "%Y-%m-%d")
    pictures = folder(Path(settings["PATH"])) / AVATARS
    avatars = {p.name for p in pictures.glob("*.png")} if settings.get("REPLIES_AVATARS", True) is not False else set()
    withheld: list[Finding] = []
    for article in run.articles:
        thread = getattr(article, "reply_thread", None)
        if thread is None or not thread.approved or article.status != "published":
            continue
        shown_path, lines = display_path(thread.path, root), source_lines(thread.path)
        passed = []
        for reply in thread.approved:
            found = unaccepted(check_reply(reply, shown_path, lines, context, article.trial, today, article.blinded), reply)
            passed += [] if found else [reply]
            withheld += [_withheld(f) for f in found]
        article.replies = shown(passed, names, date_format, avatars)
    return withheld


def _withheld(finding: Finding) -> Finding:
    from dataclasses import replace

    return replace(finding, severity=Severity.WARNING, message=f"{finding.message} (this reply is not published)",
                   hint="hide it with `trialblog replies review`, or approve it again there with a reason")  # fmt: skip


def copy_avatars(pelican: Any) -> None:
    """``finalized``: the avatars of the replies shown, copied into the site (nothing else of the folder)."""
    run = last()
    settings = pelican.settings
    if run is None or settings.get("REPLIES_AVATARS", True) is False:
        return
    source = folder(Path(settings["PATH"])) / AVATARS
    target = Path(settings["OUTPUT_PATH"]) / OUTPUT
    names = sorted({r.avatar for a in run.articles for r in getattr(a, "replies", ()) if r.avatar})
    for name in names:
        path = source / name
        if path.is_file() and not path.is_symlink() and os.path.realpath(path).startswith(os.path.realpath(source)):
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / name)
