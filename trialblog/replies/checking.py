"""Replies checked like the writer's own words: the safety checks on a document made for each reply,
in the context of the entry it answers (its trial, and whether the writer is blinded)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from ..checks.documents import Document, Kind
from ..checks.findings import Finding, Severity
from ..checks.runner import SiteContext, check_document
from ..checks.text import Segment
from ..content.trials import Trial
from .model import Reply


def text_segment(reply: Reply, raw_lines: list[str]) -> Segment:
    """The reply's text where it is written in its file (``raw_lines``), so a finding points at it."""
    key_line = _key_line(reply, raw_lines)
    if key_line is None:
        return Segment("body", reply.text, reply.line or 1, 1, markdown=False)
    after = raw_lines[key_line - 1].split(":", 1)[1] if ":" in raw_lines[key_line - 1] else ""
    if after.strip()[:1] in ("|", ">") or not after.strip():
        below = raw_lines[key_line] if key_line < len(raw_lines) else ""
        indent = " " * (len(below) - len(below.lstrip(" ")))
        return Segment("body", indent + reply.text.replace("\n", "\n" + indent), key_line + 1, 1, markdown=False)
    column = len(raw_lines[key_line - 1]) - len(after.lstrip()) + 1
    return Segment("body", reply.text, key_line, column, markdown=False)


def _key_line(reply: Reply, raw_lines: list[str]) -> int | None:
    """The line of the reply's ``text:`` key: the first after the reply's own start."""
    for number in range(max(reply.line, 1), len(raw_lines) + 1):
        line = raw_lines[number - 1].lstrip(" -")
        if number > reply.line and raw_lines[number - 1].lstrip().startswith("- id:"):
            return None  # the next reply: this one has no text
        if line.startswith("text:"):
            return number
    return None


def blinded_now(trial: Trial | None, trials: dict[str, Trial], days: tuple[dt.date, ...]) -> bool:
    """Whether the writer was blinded on any of ``days``: in ``trial``'s blinded period, or, for an
    entry about no trial, in any of theirs."""
    if trial is not None:
        return any(trial.blinded_on(day) for day in days)
    return any(t.participation is not None and t.blinded_on(day) for t in trials.values() for day in days)


def reply_day(reply: Reply) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(reply.published.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def check_reply(
    reply: Reply, shown: str, raw_lines: list[str], context: SiteContext, trial: Trial | None, today: dt.date,
    entry_blinded: bool = False,
) -> list[Finding]:
    """The findings of ``reply`` (in the file shown as ``shown``), answering an entry about ``trial``.

    The writer counts as blinded when the entry was written blinded (its page asks readers not to
    guess), or when they were on the day of the reply, or are on ``today``. Nothing
    in a reply silences a rule: only the writer's own files can (see docs/checks.md).
    """
    written = reply_day(reply)
    days = tuple(d for d in (written, today) if d is not None)
    dated = context.dated(trial, written or today)
    dated["blinded"] = entry_blinded or blinded_now(trial, context.trials, days)
    phones, emails = context.contacts
    document = Document(
        shown, Kind.REPLY, [text_segment(reply, raw_lines)], raw="", trial=trial, public_phones=phones,
        public_emails=emails, phone_regions=context.phone_regions, own_names=context.own_names, **dated,
    )  # fmt: skip
    found = check_document(document)
    if reply.content_warning:
        warning = Segment("content_warning", reply.content_warning, reply.line or 1, 1, markdown=False)
        found += check_document(replace(document, segments=[warning]))
    return [replace(f, severity=Severity.ERROR) for f in found]


def source_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return []


def unaccepted(findings: list[Finding], reply: Reply) -> list[Finding]:
    """The findings the writer did not approve ``reply`` despite (with a reason, in review)."""
    if not reply.reason.strip():
        return findings
    return [f for f in findings if f.rule not in reply.accepted]
