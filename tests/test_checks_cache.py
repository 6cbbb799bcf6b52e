"""The checks' cache: a rebuild checks only the documents that changed, and reports what a fresh run reports."""

from __future__ import annotations

from trialblog.build import build
from trialblog.checks import runner

ENTRY = "content/diary/03-visit.md"


def test_a_rebuild_checks_only_what_changed_and_reports_everything(small_site, monkeypatch):
    first = build(small_site)
    assert first.checks is not None and not any(f.path == ENTRY for f in first.checks.findings)
    checked = []
    real_check = runner.check_document

    def check_document(doc):
        checked.append(doc.path)
        return real_check(doc)

    monkeypatch.setattr(runner, "check_document", check_document)
    entry = small_site / ENTRY
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-VISIT. Call me on 020 7946 0123 after six."))
    cached = build(small_site, allow_errors=True).checks
    assert checked == [ENTRY]  # every other document's findings came from the cache
    assert cached is not None and any(f.path == ENTRY for f in cached.findings)
    fresh = build(small_site, cache=False, allow_errors=True).checks
    assert fresh is not None and cached.findings == fresh.findings and cached.files == fresh.files
