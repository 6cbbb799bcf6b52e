"""Showing findings: ``path:line:column: severity rule-id message`` with a fix, or JSON."""

from __future__ import annotations

import json

from .findings import Finding
from .runner import Report


def text_line(finding: Finding) -> str:
    head = (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.severity} {finding.rule} {finding.message}"
    )
    if finding.silenced is not None:
        head += f" [silenced: {finding.silenced}]"
    return f"{head}\n    fix: {finding.hint}" if finding.hint else head


def as_text(report: Report, show_silenced: bool = False) -> str:
    return "\n".join(text_line(f) for f in report.shown(show_silenced))


def as_json(report: Report, show_silenced: bool = False) -> str:
    return json.dumps([f.as_dict() for f in report.shown(show_silenced)], indent=2, ensure_ascii=False)


def summary(report: Report) -> str:
    """One line: how many errors and warnings in how many files, and how many were silenced."""

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    if not report.errors and not report.warnings:
        text = f"no problems found in {plural(report.files, 'file')}"
    else:
        text = f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')} in {plural(report.files, 'file')}"
    if report.silenced:
        text += f" ({report.silenced} silenced: see them with --show-silenced)"
    return text
