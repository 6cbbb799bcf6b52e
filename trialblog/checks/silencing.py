"""Silencing a finding for one line or one file, always with a stated reason.

One line, in Markdown (an HTML comment) or in a trial record (a YAML comment), on the line
itself or alone on the line above it::

    <!-- trialblog: ignore privacy.phone reason="the MS Society's public helpline" -->
    # trialblog: ignore recruitment.new-benefit reason="the registry's own words"

One file, as a header line of a Markdown file or a comment line in a trial record::

    Check-Ignore: accessibility.link-text reason="the links are to my own earlier posts"
    # Check-Ignore: recruitment reason="registry text, quoted as published"

A rule is named by its id, ``family.*`` or the family alone; several are separated by commas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..content.header import read_header
from .findings import Finding, Severity
from .rules import define, matching
from .text import folded

LINE_DIRECTIVE = re.compile(r"(?:<!--|#)\s*trialblog:\s*ignore\b(?P<body>.*?)(?:-->|$)", re.IGNORECASE)
FILE_HEADER = re.compile(r"^\s*(?:#\s*)?Check-Ignore\s*:(?P<body>.*)$", re.IGNORECASE)
#: Words a LINE_DIRECTIVE and a FILE_HEADER have: a file with neither (in folded text) silences nothing.
DIRECTIVE_CUES = ("trialblog", "check-ignore")
REASON = re.compile(r"""\breason\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)

IGNORE = define(
    "metadata.ignore",
    Severity.ERROR,
    "an ignore comment or Check-Ignore header that names no known rule or gives no reason",
    'name the rule and say why, e.g. <!-- trialblog: ignore privacy.phone reason="a public helpline" -->',
)


@dataclass(frozen=True)
class Silence:
    """Rules silenced on some lines (``lines`` empty: the whole file), and why."""

    rules: frozenset[str]
    reason: str
    lines: frozenset[int] = frozenset()

    def covers(self, finding: Finding) -> bool:
        return finding.rule in self.rules and (not self.lines or finding.line in self.lines)


def _parse(path: str, number: int, column: int, body: str) -> tuple[Silence | None, list[Finding]]:
    reason_match = REASON.search(body)
    reason = next((g for g in reason_match.groups() if g is not None), "") if reason_match else ""
    names = (body[: reason_match.start()] if reason_match else body).replace(",", " ").split()
    problems: list[Finding] = []
    rules: set[str] = set()
    for name in names:
        found = matching(name)
        if not found:
            problems.append(
                Finding(
                    path, number, column, IGNORE.id, IGNORE.severity, f"{name!r} is not a rule", IGNORE.hint
                )
            )
        rules.update(r.id for r in found)
    if not names:
        problems.append(
            Finding(path, number, column, IGNORE.id, IGNORE.severity, "names no rule to ignore", IGNORE.hint)
        )
    if not reason.strip():
        problems.append(
            Finding(
                path,
                number,
                column,
                IGNORE.id,
                IGNORE.severity,
                'gives no reason: add reason="..." saying why this is fine to publish',
                IGNORE.hint,
            )
        )
    if problems or not rules:
        return None, problems
    return Silence(frozenset(rules), reason.strip()), []


def _target_line(lines: list[str], index: int, directive: re.Match[str]) -> int:
    """The line a directive covers: its own if it shares it with text, else the next non-blank one."""
    rest = (lines[index][: directive.start()] + lines[index][directive.end() :]).strip()
    if rest:
        return index + 1
    for later in range(index + 1, len(lines)):
        if lines[later].strip():
            return later + 1
    return index + 1


def silences(path: str, raw: str, markdown: bool) -> tuple[list[Silence], list[Finding]]:
    """Every ignore comment and Check-Ignore header of one file, and any problems with them."""
    low = folded(raw)
    if not any(cue in low for cue in DIRECTIVE_CUES):
        return [], []
    lines = raw.split("\n")
    found: list[Silence] = []
    problems: list[Finding] = []
    header_end = read_header(raw).body_line - 1 if markdown else len(lines)
    for index, line in enumerate(lines):
        header = FILE_HEADER.match(line) if index < header_end else None
        if header and (markdown or line.lstrip().startswith("#")):
            silence, bad = _parse(path, index + 1, 1, header.group("body"))
            problems += bad
            if silence:
                found.append(silence)
            continue
        for directive in LINE_DIRECTIVE.finditer(line):
            if markdown and not directive.group(0).startswith("<!--"):
                continue
            silence, bad = _parse(path, index + 1, directive.start() + 1, directive.group("body"))
            problems += bad
            if silence:
                target = _target_line(lines, index, directive)
                found.append(Silence(silence.rules, silence.reason, frozenset({index + 1, target})))
    return found, problems


def apply(findings: Iterable[Finding], rules: list[Silence]) -> Iterator[Finding]:
    """Findings with the reason attached where a silence covers them."""
    for finding in findings:
        reason = next((s.reason for s in rules if s.covers(finding)), None)
        yield finding if reason is None else finding.silence(reason)
