"""What a run published, for `trialblog syndicate`: every public diary entry and every trial."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..content.errors import display_path
from ..files import write_atomic
from ..render.feeds import absolute_url, feed_item, feed_siteurl
from ..syndicate.manifest import entry_record, published, trial_record
from .addresses import history_path, publishes
from .gate import errors_by_source
from .run import last
from .settings import site_folder


def on_finalized(pelican: Any) -> None:
    """``finalized``: the list of what was published, kept with the run's results."""
    run = last()
    if run is None or run.site is None:
        return
    settings = pelican.settings
    root = site_folder(settings)
    with_errors = errors_by_source(run.report) if run.report else set()
    entries = []
    for article in sorted(run.articles, key=lambda a: a.date):
        meta = run.site.entry_for(article.source_path)
        if meta is None or not meta.public:
            continue
        source = display_path(Path(article.source_path), root)
        record = entry_record(
            feed_item(article, settings, display_path(article.source_path, settings["PATH"])),
            blinded=bool(article.blinded),
            syndicate=bool(article.syndicate),
            source=source,
            trial=meta.trial,
            replies=meta.replies and settings.get("REPLIES", True) is not False,
        )
        entries.append({**record, "check_errors": source in with_errors})
    trials = [
        trial_record(t, absolute_url(settings, f"trials/{t.slug}/"))
        for t in sorted(run.site.trials.values(), key=lambda t: t.title.lower())
    ]
    run.published = published(feed_siteurl(settings), entries, trials)
    if not settings.get("TRIALBLOG_RECORD_AFTER_SWAP"):  # `pelican content`: the run is over
        record_addresses(settings, run)


def record_addresses(settings: dict[str, Any], run: Any) -> None:
    """Keep the addresses a publishing run gave its pages (``.trialblog/addresses.json``);
    ``trialblog build`` calls this once its new site is in place, so a failed build keeps none."""
    if run.extra.get("addresses") is not None and publishes(settings):
        pages = {"version": 1, "pages": run.extra["addresses"]}
        write_atomic(history_path(settings), json.dumps(pages, indent=1, sort_keys=True) + "\n")
