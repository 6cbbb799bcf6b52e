"""The documents the checks read: one per content file, with what the rules need to know.

A :class:`Document` is one file's checkable text (:class:`Segment` s with exact positions)
plus its context from the loaded model: which trial it is about, whether it was written in the
blinded period or while the trial was going on, and the trial's public contacts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ..content.header import read_header
from ..content.trials import Trial
from ..content.vocab import Milestone, Status
from ..content.yamlsource import Layout
from ..registry.record import REGISTRY_FIELDS
from .findings import Finding
from .rules import Rule
from .text import Segment

#: Statuses after which nobody is screened, dosed or followed up in the trial any more.
FINAL_STATUSES = frozenset(
    {Status.COMPLETED, Status.TERMINATED, Status.WITHDRAWN, Status.NO_LONGER_AVAILABLE}
)
#: Header lines of a Markdown file whose values are published text.
TEXT_HEADERS = ("title", "summary")
#: Trial-record fields that are published text, and those that recruit.
TRIAL_TEXT_FIELDS = ("title", "official_title", "summary", "registry_summary", "disclosure")
RECRUITMENT_FIELDS = frozenset({"title", "official_title", "summary", "registry_summary"})
GENERIC_ARM_WORDS = frozenset({"placebo", "drug", "treatment", "control", "arm", "group", "dose"})


class Kind(StrEnum):
    DIARY = "diary"
    CONSENT = "consent"
    PAGE = "page"
    TRIAL = "trial"
    REPLY = "reply"  # a reader's reply, checked like the writer's own words


@dataclass
class Document:
    """One content file as the rules see it."""

    path: str
    kind: Kind
    segments: list[Segment]
    raw: str = ""
    trial: Trial | None = None
    milestone: Milestone | None = None
    published: bool = True
    blinded: bool = False  # written in the blinded period of a masked trial
    ongoing: bool = False  # written while a trial the writer is in was going on
    active: bool = False  # written between day 1 and the writer's last study day
    arm_terms: tuple[str, ...] = ()  # the trial's own arm and intervention names
    public_phones: frozenset[str] = frozenset()  # digits of the registry's public contacts
    public_emails: frozenset[str] = frozenset()
    phone_regions: tuple[str, ...] = ("GB", "US")
    own_names: frozenset[str] = frozenset()  # the writer's own (pen) name: not another person
    header_lines: dict[str, int] = field(default_factory=dict)

    @property
    def body(self) -> Segment | None:
        return next((s for s in self.segments if s.field == "body"), None)

    def registry_text(self, line: int) -> bool:
        """Whether ``line`` is in a field an import writes, of a record from a registry: the
        registry's words, not the editor's."""
        if self.kind is not Kind.TRIAL or self.trial is None or self.trial.registry is None:
            return False
        for segment in self.segments:
            if segment.line <= line <= segment.line + segment.text.count("\n"):
                return segment.field in REGISTRY_FIELDS
        return False

    def finding(
        self,
        rule: Rule,
        segment: Segment,
        offset: int,
        message: str,
        hint: str | None = None,
    ) -> Finding:
        line, column = segment.position(offset)
        return self.finding_at(rule, line, column, message, hint)

    def finding_at(
        self, rule: Rule, line: int, column: int, message: str, hint: str | None = None
    ) -> Finding:
        return Finding(
            self.path, line, column, rule.id, rule.severity, message, rule.hint if hint is None else hint
        )


def markdown_segments(raw: str) -> tuple[list[Segment], dict[str, int]]:
    """Segments of a Markdown file with a ``Key: value`` header: text headers, then the body."""
    header = read_header(raw)
    lines = raw.split("\n")
    segments: list[Segment] = []
    for key in TEXT_HEADERS:
        number = header.lines.get(key)
        if number is None:
            continue
        line = lines[number - 1]
        start = line.index(":") + 1
        start += len(line[start:]) - len(line[start:].lstrip())
        segments.append(Segment(key, line[start:], number, start + 1))
    body = "\n".join(lines[header.body_line - 1 :])
    segments.append(Segment("body", body, header.body_line))
    return segments, header.lines


def yaml_segments(raw: str, layout: Layout | None = None) -> list[Segment]:
    """The text fields of a trial record, each as written in the file (indentation kept).

    ``layout``, from loading the same text, saves parsing it again.
    """
    if layout is None or not layout.matches(raw):
        layout = Layout.parse(raw)
    segments: list[Segment] = []
    for key, span in layout.spans:
        if key not in TRIAL_TEXT_FIELDS:
            continue
        text = raw[span.start : span.end]
        if span.style in ("|", ">"):
            first = text.find("\n")
            text = " " * first + text[first:] if first >= 0 else " " * len(text)
        elif span.style in ('"', "'") and len(text) >= 2:
            text = " " + text[1:-1] + " "
        segments.append(Segment(key, text, span.line, span.column))
    return segments


def participating(trials: Iterable[Trial]) -> list[Trial]:
    """Trials the writer takes part in (those with a participation block)."""
    return [t for t in trials if t.participation is not None]


def ongoing_on(trial: Trial, day: dt.date) -> bool:
    """Whether ``trial`` was still going on for anyone on ``day``."""
    p = trial.participation
    if p is not None and p.ended is not None and day <= p.ended:
        return True
    return trial.status not in FINAL_STATUSES


def active_on(trial: Trial, day: dt.date) -> bool:
    """Whether ``day`` falls in the writer's own time on the trial: day 1 to the last visit."""
    p = trial.participation
    if p is None or p.day_one is None or day < p.day_one:
        return False
    return p.ended is None or day <= p.ended


def arm_terms(trial: Trial | None) -> tuple[str, ...]:
    """The trial's arm labels and intervention names, as a writer might name their group."""
    if trial is None:
        return ()
    names = [a.label for a in trial.arms] + [i.name for i in trial.interventions]
    terms = {
        re.sub(r"\s+", " ", n).strip()
        for n in names
        if 2 < len(n) <= 40 and n.strip().lower() not in GENERIC_ARM_WORDS
    }
    return tuple(sorted(terms, key=len, reverse=True))


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def public_contacts(trials: Iterable[Trial]) -> tuple[frozenset[str], frozenset[str]]:
    """Phone digits and e-mail addresses of every registry's public study contacts."""
    phones: set[str] = set()
    emails: set[str] = set()
    for trial in trials:
        for contact in trial.contacts:
            if len(digits(contact.phone)) >= 6:
                phones.add(digits(contact.phone)[-9:])
            if contact.email:
                emails.add(contact.email.strip().lower())
    return frozenset(phones), frozenset(emails)
