"""Diary entries: the Markdown metadata header, read strictly with line numbers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError
from .trials import SLUG, Trial
from .vocab import Milestone

HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:\s?(.*)$")
SYMPTOM = re.compile(r"^([a-z][a-z0-9 -]*?)\s*=\s*(-?\d+(?:\.\d+)?)$")
STATUSES = ("published", "draft", "hidden")
SAFE_SLUG = re.compile(r"^[\w][\w.-]*$")
PATH_HEADERS = ("save_as", "url", "lang_save_as", "lang_url")
NO_TRIAL = "none"


@dataclass(frozen=True)
class Header:
    """The ``Key: value`` lines at the top of a Markdown file, with their line numbers."""

    values: dict[str, str]
    lines: dict[str, int]
    body_line: int  # first line of the body (1-based)


def read_header(text: str) -> Header:
    """Split Pelican/Python-Markdown metadata from the body, keeping line numbers.

    Keys are lower-cased as Pelican does; indented lines continue the previous value.
    """
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    all_lines = text.splitlines()
    start = 0
    if all_lines and all_lines[0].strip() == "---":
        start = 1
    key = None
    number = start
    for number in range(start, len(all_lines)):
        raw = all_lines[number]
        if not raw.strip() or raw.strip() in ("---", "..."):
            return Header(values, lines, number + 2)
        match = HEADER_LINE.match(raw)
        if match and not raw.startswith((" ", "\t")):
            key = match.group(1).lower()
            values[key] = match.group(2).strip()
            lines[key] = number + 1
        elif key and raw.startswith((" ", "\t")):
            values[key] = f"{values[key]} {raw.strip()}".strip()
        else:
            return Header(values, lines, number + 1)
    return Header(values, lines, len(all_lines) + 1)


@dataclass(frozen=True)
class DiaryMeta:
    """What trialblog needs from one diary entry's header."""

    source: str
    title: str
    date: dt.datetime
    status: str
    trial: str | None
    milestone: Milestone | None
    id: str | None = None
    symptoms: dict[str, float] = field(default_factory=dict)
    content_warning: str = ""
    syndicate: bool = True
    lines: dict[str, int] = field(default_factory=dict)  # header key -> line number

    @property
    def day(self) -> dt.date:
        return self.date.date()

    @property
    def public(self) -> bool:
        return self.status == "published"


def unsafe_paths(header: Header) -> list[tuple[str, str, str]]:
    """(key, message, hint) for ``Slug:``/``Save_as:``/``URL:`` values that would leave output/."""
    found = []
    slug = header.values.get("slug")
    if slug is not None and not SAFE_SLUG.match(slug):
        found.append(
            ("slug", f"{slug!r} is not a usable slug", "use letters, digits and hyphens only, e.g. week-six")
        )
    for key in PATH_HEADERS:
        value = header.values.get(key)
        if value is None:
            continue
        parts = value.replace("\\", "/").split("/")
        if value.startswith(("/", "~")) or ".." in parts or ":" in value:
            found.append(
                (
                    key,
                    f"{value!r} would be written outside the site",
                    "give a path inside the site, e.g. diary/week-six/",
                )
            )
    return found


def parse_symptoms(text: str) -> dict[str, float]:
    """Parse ``fatigue=2, headache=1`` into scores; raise ValueError with the bad part."""
    scores: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = SYMPTOM.match(part.lower())
        if not match:
            raise ValueError(f"{part!r} is not name=score")
        name, score = match.group(1).strip(), float(match.group(2))
        if not 0 <= score <= 10:
            raise ValueError(f"{part!r}: scores go from 0 to 10")
        scores[name] = int(score) if score.is_integer() else score
    return scores


#: ``YYYY-MM-DD`` with an optional ``HH:MM[:SS]``: what ``trialblog new`` writes, read directly.
PLAIN_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?")


def parse_date(text: str) -> dt.datetime:
    """Parse a ``Date:`` value the way Pelican does (the same value, of the same type)."""
    from pelican.utils import SafeDatetime, get_date

    if not re.match(r"^\d{4}-\d{2}-\d{2}", text.strip()):
        raise ValueError(text)
    plain = PLAIN_DATE.fullmatch(text.strip())
    if plain:  # the common case, without dateutil's general parser
        try:
            return SafeDatetime(*(int(part) for part in plain.groups() if part is not None))
        except ValueError:
            pass  # 2024-02-30: let Pelican's parser word the error
    value = get_date(text)
    value.utcoffset()  # an impossible time zone (+25:00) fails here, not later in a feed
    return value


def read_entry(
    path: Path,
    shown: str,
    text: str,
    trials: dict[str, Trial],
    errors: list[ContentError],
    broken: frozenset[str] = frozenset(),
) -> DiaryMeta | None:
    """Validate one diary entry's header against the known trials.

    ``broken`` names trials whose own file failed to load: entries about them are not
    reported again, so one mistake gives one message.
    """
    if not text.strip():
        errors.append(
            ContentError(
                shown, 1, None, "the file is empty", "start from `trialblog new entry`, or delete the file"
            )
        )
        return None
    header = read_header(text)
    v, ln = header.values, header.lines
    found: list[ContentError] = []

    def err(key: str | None, message: str, hint: str = "") -> None:
        found.append(
            ContentError(
                shown, ln.get(key, 1) if key else 1, key.capitalize() if key else None, message, hint
            )
        )

    title = v.get("title", "").strip()
    if not title:
        err(None, "has no Title:", "add a first line `Title: What happened today`")
    date = None
    if not v.get("date"):
        err(None, "has no Date:", "add a line `Date: 2024-03-04` (or `2024-03-04 09:30`)")
    else:
        try:
            date = parse_date(v["date"])
        except (ValueError, OverflowError):
            err(
                "date",
                f"{v['date']!r} is not a date",
                "write YYYY-MM-DD, optionally with a time: 2024-03-04 09:30",
            )
    status = v.get("status", "published").lower()
    if status not in STATUSES:
        err("status", f"{status!r} is not an allowed status", f"use one of: {', '.join(STATUSES)}")
    slug = v.get("trial", "").strip().lower()
    trial = None
    if not slug:
        err(
            None,
            "has no Trial:",
            f"add `Trial: <slug>` (one of: {', '.join(sorted(trials)) or 'no trials yet'}) or `Trial: none`",
        )
    elif slug != NO_TRIAL and slug not in broken:
        trial = trials.get(slug)
        if trial is None:
            known = ", ".join(sorted(trials)) or "no trials yet: add one with `trialblog new trial`"
            hint = f"use one of: {known}; or `none` for a post about no trial"
            err(
                "trial",
                f"{slug!r} is not a trial of this site" + ("" if SLUG.match(slug) else " (not a valid slug)"),
                hint,
            )
    milestone = None
    if v.get("milestone"):
        try:
            milestone = Milestone(v["milestone"].strip().lower())
        except ValueError:
            err("milestone", f"{v['milestone']!r} is not a milestone", f"use one of: {Milestone.allowed()}")
        if slug == NO_TRIAL:
            err("milestone", "is given on a post with `Trial: none`", "remove Milestone or name the trial")
    elif slug and slug != NO_TRIAL:
        err(None, "has no Milestone:", f"add `Milestone: <one of: {Milestone.allowed()}>`")
    symptoms: dict[str, float] = {}
    if v.get("symptoms"):
        try:
            symptoms = parse_symptoms(v["symptoms"])
        except ValueError as exc:
            err(
                "symptoms",
                f"{exc}",
                "write name=score pairs from 0 to 10, e.g. `Symptoms: fatigue=2, headache=1`",
            )
    syndicate = v.get("syndicate", "yes").strip().lower()
    if syndicate not in ("yes", "no"):
        err(
            "syndicate",
            f"{syndicate!r} is not yes or no",
            "write `Syndicate: no` to keep a post off social media",
        )
    for key, message, hint in unsafe_paths(header):
        err(key, message, hint)
    entry_id = v.get("id", "").strip() or None
    if entry_id and not re.match(r"^[A-Za-z0-9][A-Za-z0-9:._-]{7,}$", entry_id):
        err(
            "id",
            f"{entry_id!r} is not a usable permanent id",
            "use a UUID as `trialblog new entry` writes, and never change it",
        )
    errors.extend(found)
    if found or date is None:
        return None
    return DiaryMeta(
        source=shown,
        title=title,
        date=date,
        status=status,
        trial=trial.slug if trial else None,
        milestone=milestone,
        id=entry_id,
        symptoms=symptoms,
        content_warning=v.get("content-warning", "").strip(),
        syndicate=syndicate == "yes",
        lines=dict(ln),
    )
