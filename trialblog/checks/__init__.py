"""Participant-safety checks: privacy, blinding, integrity, recruitment, accessibility, metadata.

``check_content`` reads a site's content and returns a :class:`Report` of :class:`Finding` s;
each names a rule ``family.name`` from :data:`RULES`. See docs/checks.md.
"""

from __future__ import annotations

from .findings import Finding, Severity
from .report import as_json, as_text, summary
from .rules import FAMILIES, RULES, Rule
from .runner import Report, check_content, check_document

__all__ = [
    "FAMILIES",
    "RULES",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "as_json",
    "as_text",
    "check_content",
    "check_document",
    "summary",
]
