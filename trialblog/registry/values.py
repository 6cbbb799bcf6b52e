"""Registry values in the content model's vocabulary: words, dates, ages and text."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Collection
from typing import TypeVar

from ..content.vocab import (
    Allocation,
    Masking,
    Phase,
    Sex,
    Status,
    StudyType,
    Vocab,
    WhoMasked,
)

V = TypeVar("V", bound=Vocab)

# Statuses of a trial, or of one of its sites, that is taking (or about to take) participants.
OPEN_STATUSES = frozenset(
    {Status.RECRUITING, Status.NOT_YET_RECRUITING, Status.ENROLLING_BY_INVITATION, Status.AVAILABLE}
)

# Words older records use for the same thing.
ALIASES: dict[type[Vocab], dict[str, str]] = {
    Status: {"UNKNOWN_STATUS": "UNKNOWN"},
    Phase: {"N_A": "NA", "PHASE_1": "PHASE1", "PHASE_2": "PHASE2", "PHASE_3": "PHASE3",
            "PHASE_4": "PHASE4", "EARLY_PHASE_1": "EARLY_PHASE1", "PHASE_0": "EARLY_PHASE1"},
    StudyType: {"OBSERVATIONAL_PATIENT_REGISTRY": "OBSERVATIONAL", "PATIENT_REGISTRY": "OBSERVATIONAL"},
    Allocation: {"N_A": "NA", "NON_RANDOMISED": "NON_RANDOMIZED", "RANDOMISED": "RANDOMIZED"},
    Masking: {"OPEN_LABEL": "NONE", "SINGLE_BLIND": "SINGLE", "DOUBLE_BLIND": "DOUBLE",
              "TRIPLE_BLIND": "TRIPLE", "QUADRUPLE_BLIND": "QUADRUPLE"},
    WhoMasked: {"SUBJECT": "PARTICIPANT", "CAREGIVER": "CARE_PROVIDER", "OUTCOMES_ASSESSORS": "OUTCOMES_ASSESSOR"},
    Sex: {"BOTH": "ALL"},
}  # fmt: skip
# Values that mean "not given" in the classic XML.
NOT_GIVEN = {"", "N/A", "NA", "NONE GIVEN"}
# Characters XML 1.0 and YAML forbid, and lone surrogates (JSON's "\ud800", which no UTF-8 file
# can hold); registry text sometimes carries them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Line breaks of every kind (YAML reads NEL, LS and PS as line breaks too).
LINE_BREAK = re.compile("\r\n|[\r\x85\u2028\u2029]")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$", re.A)
AGE = re.compile(r"^(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?$", re.I | re.A)
# Who funds the lead sponsor, in ClinicalTrials.gov's agency classes.
FUNDER_TYPES = {
    "NIH": "U.S. National Institutes of Health",
    "FED": "U.S. federal government",
    "OTHER_GOV": "Government (outside the U.S. federal government)",
    "INDUSTRY": "Industry (a company)",
    "INDIV": "An individual",
    "NETWORK": "A research network",
    "OTHER": "Other (such as a university, hospital or charity)",
    "U_S_FED": "U.S. federal government",
}


def word(value: str) -> str:
    """A registry word in API v2 form: ``Active, not recruiting`` becomes ``ACTIVE_NOT_RECRUITING``."""
    return re.sub(r"[^A-Z0-9]+", "_", value.upper()).strip("_")


def vocab(kind: type[V], value: object) -> V | None:
    """The vocabulary member for a registry word (either form), or None (for anything but text too)."""
    if not isinstance(value, str):
        return None
    key = word(value)
    key = ALIASES.get(kind, {}).get(key, key)
    try:
        return kind(key)
    except ValueError:
        return None


def known(
    kind: type[V], value: object, what: str, notes: list[str], not_given: Collection[str] = ()
) -> str | None:
    """The registry word ``value`` as ``kind``'s value; an unknown word is noted and left out."""
    if value is None or isinstance(value, str) and value.upper() in not_given:
        return None
    member = vocab(kind, value)
    if member is None:
        notes.append(f"{what} {shown(value)} is not a value trialblog knows; left out")
    return member.value if member else None


def phases(values: list[str]) -> tuple[list[str], list[str]]:
    """Phase values and the words not understood; ``Phase 1/Phase 2`` gives two phases."""
    out: list[str] = []
    unknown: list[str] = []
    for value in values:
        parts = [value] if word(value) in ("N_A", "NA") else value.split("/")
        for part in parts:
            phase = vocab(Phase, part)
            if phase is None:
                unknown.append(value)
            elif phase.value not in out:
                out.append(phase.value)
    return out, unknown


def iso_date(value: str | None) -> str | None:
    """A registry date as ``YYYY-MM`` or ``YYYY-MM-DD``: API v2 dates, or ``June 1, 2017`` in the XML."""
    if not value:
        return None
    text = value.strip()
    match = ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return text
    for fmt, size in (("%B %d, %Y", 10), ("%B %Y", 7), ("%b %d, %Y", 10), ("%b %Y", 7)):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()[:size]
        except ValueError:
            continue
    return None


def age(value: str | None) -> str | None:
    """An age limit as the registry writes it (``18 Years``); ``N/A`` means no limit."""
    if value is None or value.strip().upper() in NOT_GIVEN:
        return None
    return clean_line(value)


def age_in_years(value: str | None) -> float | None:
    """``18 Years`` as 18.0, ``6 Months`` as 0.5; None when there is no limit or it is unreadable."""
    match = AGE.match(value.strip()) if value else None
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2).lower()
    per_year = {"year": 1, "month": 12, "week": 52.1775, "day": 365.25, "hour": 8766, "minute": 525960}
    return number / per_year[unit]


def funder(agency_class: str | None) -> str | None:
    """Plain words for the lead sponsor's agency class (who funds the study)."""
    return FUNDER_TYPES.get(word(agency_class)) if agency_class else None


def shown(value: object, limit: int = 60) -> str:
    """A value for a message: its repr, cut short when long (registry text can be megabytes)."""
    if not (value is None or isinstance(value, (str, int, float, bool))):
        return f"(a {type(value).__name__})"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def clean_line(value: object) -> str:
    """One line of registry text: control characters dropped, white space collapsed."""
    return " ".join(CONTROL.sub("", str(value)).split())


def clean_block(value: object) -> str:
    """A block of registry text: indentation of the block removed, line ends and blank runs tidied."""
    text = CONTROL.sub("", LINE_BREAK.sub("\n", str(value))).expandtabs(4)
    lines = [line.rstrip() for line in textwrap.dedent(text).split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    text = "\n".join(out).strip("\n")
    return text + "\n" if "\n" in text else text


def compact(mapping: dict) -> dict:
    """The mapping without empty values (None, empty text, empty lists and mappings)."""
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}
