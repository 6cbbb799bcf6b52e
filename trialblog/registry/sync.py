"""``trialblog import ctgov --query``: the directory kept in step with ClinicalTrials.gov.

Every page of every query is fetched first, then the site's trials the queries no longer return
are fetched by id (so a closure, suspension or withdrawal is recorded); only when all of that
succeeded are the trial files written, each as ``import ctgov`` writes it. A failed sync changes
no file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from .ctgov_api import Client, Page
from .ctgov_json import is_study, read_study
from .importer import Importer, ImportReport
from .record import RegistryRecord
from .sources import NCT_ID, Problem

Progress = Callable[[Page, int], None]


def sync(
    content: Path,
    queries: Sequence[str],
    client: Client,
    *,
    root: Path | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Fetch ``queries`` (and the site's trials they miss), then import every study; raises SyncError."""
    importer = Importer(content, root, today)
    report = ImportReport()
    records: dict[str, RegistryRecord] = {}
    for query in queries:
        _collect(client.pages(query), records, report, progress)
    on_site = {i for i in [*importer.by_id, *importer.by_other_id] if NCT_ID.match(i)}
    missed = sorted(on_site - set(records))
    _collect(client.by_ids(missed), records, report, progress)
    for registry_id in missed:
        if registry_id not in records:
            shown = importer.shown(importer.by_id.get(registry_id) or importer.by_other_id[registry_id])
            gone = f"ClinicalTrials.gov no longer returns {registry_id}; the file was left as it is"
            report.problems.append(Problem(shown, gone, fatal=False))
    for record in records.values():
        importer.import_record(record, report)
    return report


def _collect(
    pages: Iterator[Page], records: dict[str, RegistryRecord], report: ImportReport, progress: Progress | None
) -> None:
    for page in pages:
        for i, study in enumerate(page.studies):
            source = f"{page.query} page {page.number} studies[{i}]"
            if not is_study(study):
                report.problems.append(Problem(source, "is not a study record (no protocolSection)"))
                continue
            record = read_study(study, source)
            if record.id:
                records.setdefault(record.id, record)
            else:
                report.problems.append(Problem(source, "has no NCT number (identificationModule.nctId)"))
        if progress:
            progress(page, len(records))


def saved_queries(setting: object) -> list[str]:
    """The queries of ``CTGOV_QUERIES`` (a list of query strings, or a mapping of names to them)."""
    values: Iterable[object]
    if isinstance(setting, dict):
        values = setting.values()
    elif isinstance(setting, (list, tuple)):
        values = setting
    else:
        raise ValueError(
            f"CTGOV_QUERIES must be a list of API query strings (or a dict of names to them), not {setting!r}"
        )
    queries = []
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"CTGOV_QUERIES: {value!r} is not an API query string such as 'query.cond=lupus'")
        queries.append(value.strip())
    if not queries:
        raise ValueError("CTGOV_QUERIES is empty: add a query such as 'query.cond=lupus'")
    return queries
