"""Participant-safety checks: privacy, blinding, integrity, recruitment, accessibility, metadata.

``check_files`` checks the files the pipeline hands it and returns a :class:`Report` of :class:`Finding` s;
each names a rule ``family.name`` from :data:`RULES`. See docs/checks.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .findings import Finding, Severity
from .report import REFUSAL, Checked, ChecksFailed, Report, as_json, as_text, summary
from .rules import FAMILIES, Rule

if TYPE_CHECKING:
    from .rules import RULES
    from .runner import Source, check_document, check_files, sources

#: Imported when first used: a build that only shows a report need not load the rules. The
#: rules are defined by the family modules, which the runner imports: ``RULES`` is complete
#: only once they are loaded.
_RUNNER = ("Source", "check_document", "check_files", "sources", "RULES")


def __getattr__(name: str) -> Any:
    if name in _RUNNER:
        from . import rules, runner

        return rules.RULES if name == "RULES" else getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FAMILIES",
    "RULES",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "as_json",
    "as_text",
    "REFUSAL",
    "Checked",
    "ChecksFailed",
    "Source",
    "check_document",
    "check_files",
    "sources",
    "summary",
]
