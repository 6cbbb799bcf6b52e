"""A run's findings (:class:`Report`) and showing them: ``path:line:column: severity rule-id
message`` with a fix, or JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from .findings import Finding, Severity


@dataclass
class Report:
    """Every finding of one run (silenced ones included) and how many files were read."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    def shown(self, show_silenced: bool = False) -> list[Finding]:
        return [f for f in self.findings if show_silenced or f.silenced is None]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.silenced is None and f.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.ERROR)

    @property
    def warnings(self) -> int:
        return self.count(Severity.WARNING)

    @property
    def silenced(self) -> int:
        return sum(1 for f in self.findings if f.silenced is not None)

    @property
    def registry(self) -> int:
        """Findings in registries' own text (warnings, never errors)."""
        return sum(1 for f in self.findings if f.silenced is None and f.registry)


def text_line(finding: Finding, fix: bool = True) -> str:
    """``path:line:column: severity rule-id message``, and the fix on the next line."""
    head = (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.severity} {finding.rule} {finding.message}"
    )
    if finding.silenced is not None:
        head += f" [silenced: {finding.silenced}]"
    return f"{head}\n    fix: {finding.hint}" if finding.hint and fix else head


#: Findings of one rule shown in full before the rest are counted (``trialblog check --all`` shows all).
SHOWN_PER_RULE = 3


def as_text(report: Report, show_silenced: bool = False, every: bool = True) -> str:
    """The findings, one with its fix per line; unless ``every``, at most SHOWN_PER_RULE of each rule
    and then one line for the rest (``integrity.report-side-effect ×172 in all: …``)."""
    findings = report.shown(show_silenced)
    if every:
        return "\n".join(text_line(f) for f in findings)
    totals = Counter(f.rule for f in findings)
    seen: Counter[str] = Counter()
    lines = []
    for finding in findings:
        seen[finding.rule] += 1
        if seen[finding.rule] <= SHOWN_PER_RULE:
            lines.append(text_line(finding))
        if seen[finding.rule] == SHOWN_PER_RULE and totals[finding.rule] > SHOWN_PER_RULE:
            lines.append(f"{finding.rule} ×{totals[finding.rule]} in all: {totals[finding.rule] - SHOWN_PER_RULE} "
                         "more not shown (`trialblog check --all` lists every one)")  # fmt: skip
    return "\n".join(lines)


def as_json(report: Report, show_silenced: bool = False) -> str:
    return json.dumps([f.as_dict() for f in report.shown(show_silenced)], indent=2, ensure_ascii=False)


def summary(report: Report) -> str:
    """One line: how many errors and warnings in how many files, how many of them are in
    registries' own text, and how many were silenced."""

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    if not report.errors and not report.warnings:
        text = f"no problems found in {plural(report.files, 'file')}"
    else:
        text = f"{plural(report.errors, 'error')}, {plural(report.warnings, 'warning')} in {plural(report.files, 'file')}"
    if report.registry:
        text += f" ({report.registry} of the warnings in registries' own text, which never stops a build)"
    if report.silenced:
        text += f" ({report.silenced} silenced: see them with --show-silenced)"
    return text


REFUSAL = (
    "refusing to publish: fix the errors, silence a finding with a stated reason (docs/checks.md), "
    "or build anyway with `trialblog build --allow-errors`"
)


class ChecksFailed(Exception):
    """The participant-safety checks found errors, so nothing was written (see docs/checks.md)."""

    def __init__(self, report: Report):
        self.report = report
        super().__init__(report)

    def __str__(self) -> str:
        return f"{summary(self.report)}\n{as_text(self.report)}\n{REFUSAL}"


class Checked(Exception):
    """A run asked only for the checks (``trialblog check``) stops here, before writing anything."""

    def __init__(self, report: Report):
        self.report = report
        super().__init__(summary(report))
