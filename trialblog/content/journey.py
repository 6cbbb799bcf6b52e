"""The participant's journey through one trial: day numbers, blinding and the timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .trials import Trial
from .vocab import Milestone


class Dated(Protocol):
    """Anything with a date and a milestone: a diary entry as the plugins see it."""

    @property
    def date(self) -> dt.date | dt.datetime: ...
    @property
    def milestone(self) -> Milestone | None: ...


def calendar_day(value: dt.date | dt.datetime) -> dt.date:
    """The calendar date of a date or a datetime, as written (no time-zone conversion)."""
    return value.date() if isinstance(value, dt.datetime) else value


@dataclass(frozen=True)
class Step:
    """One point on the timeline."""

    key: str  # milestone value, e.g. "randomization"
    label: str
    date: dt.date | None  # None: not reached yet
    day: int | None
    entry: object | None = None  # the first diary entry about this step, if any

    @property
    def reached(self) -> bool:
        return self.date is not None

    @property
    def day_label(self) -> str:
        return day_label(self.day)


# Steps that come from the participation block, in the order they happen.
_PARTICIPATION_STEPS = (
    ("consented", Milestone.CONSENT, "Signed the consent form"),
    ("randomized", Milestone.RANDOMIZATION, "Randomized"),
    ("unblinded", Milestone.UNBLINDING, "Unblinded: learned my group"),
    ("completed", Milestone.COMPLETION, "Completed the study"),
    ("withdrew", Milestone.WITHDRAWAL, "Withdrew from the study"),
)
# Steps that come from the first diary entry with that milestone.
_ENTRY_STEPS = {
    Milestone.CONSIDERING: "Started considering the trial",
    Milestone.SCREENING: "Screening",
    Milestone.DOSE: "First dose",
    Milestone.EXTENSION: "Joined the extension",
    Milestone.RESULTS: "Results shared",
}


def timeline(trial: Trial, entries: Sequence[Dated]) -> list[Step]:
    """Steps reached (dated, in order) followed by the steps still to come."""
    p = trial.participation
    firsts: dict[Milestone, Dated] = {}
    for entry in sorted(entries, key=lambda e: calendar_day(e.date)):
        if entry.milestone is not None:
            firsts.setdefault(entry.milestone, entry)
    reached: list[Step] = []
    pending: list[Step] = []
    for attr, milestone, label in _PARTICIPATION_STEPS:
        date = getattr(p, attr) if p else None
        if date is None and milestone in firsts and attr in ("consented", "randomized"):
            date = calendar_day(firsts[milestone].date)
        if date:
            reached.append(Step(milestone.value, label, date, trial.day_number(date), firsts.get(milestone)))
        elif _still_to_come(trial, attr):
            pending.append(Step(milestone.value, label, None, None))
    for milestone, label in _ENTRY_STEPS.items():
        if milestone in firsts:
            day = calendar_day(firsts[milestone].date)
            reached.append(Step(milestone.value, label, day, trial.day_number(day), firsts[milestone]))
    reached.sort(key=lambda s: s.date)
    return reached + pending


def _still_to_come(trial: Trial, attr: str) -> bool:
    p = trial.participation
    if p is None or p.ended and attr != "unblinded":
        return False
    if attr == "randomized":
        return (
            trial.allocation is not None and trial.allocation.value == "RANDOMIZED" and p.randomized is None
        )
    if attr == "unblinded":
        return trial.participant_masked
    return attr == "completed"


def day_label(day: int | None) -> str:
    """ "Day 12", or "Day −3" for days before day 1."""
    if day is None:
        return ""
    return f"Day {day}" if day > 0 else f"Day \u2212{abs(day)}"
