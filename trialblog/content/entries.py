"""Diary entries: the header fields trialblog reads, validated with line numbers.

The header is read once, by Pelican's reader (:mod:`trialblog.pipeline.reader`, with
:func:`trialblog.content.header.read_header`); :func:`header_errors` is what any header must
pass, :func:`entry_meta` what a diary entry's own fields must.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .errors import ContentError
from .header import Header, unknown_keys
from .trials import SLUG, Trial
from .vocab import Milestone

SYMPTOM = re.compile(r"^([a-z][a-z0-9 -]*?)\s*=\s*(-?\d+(?:\.\d+)?)$")
STATUSES = ("published", "draft", "hidden")
SAFE_SLUG = re.compile(r"^[\w][\w.-]*$")
PATH_HEADERS = ("save_as", "url", "lang_save_as", "lang_url")
PERMANENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:._-]{7,}$")
NO_TRIAL = "none"
REPLIES_WORDS = {"on": True, "yes": True, "off": False, "no": False}
#: The bodies ``trialblog new entry`` and ``trialblog init`` write, for the writer to replace.
PLACEHOLDERS = (
    "Write what happened today.",
    "Why did you say yes to this trial? Write it here.",
)
#: How to add a header line Pelican needs, by key.
MISSING = {
    "title": "add a first line `Title: What happened today`",
    "date": "add a line `Date: 2024-03-04` (or `2024-03-04 09:30`)",
}


@dataclass(frozen=True)
class DiaryMeta:
    """What trialblog needs from one diary entry."""

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
    replies: bool = True  # readers' approved replies shown under it (docs/replies.md)
    lines: dict[str, int] = field(default_factory=dict)  # header key -> line number

    @property
    def day(self) -> dt.date:
        return self.date.date()

    @property
    def public(self) -> bool:
        return self.status == "published"


def unsafe_paths(values: Mapping[str, object]) -> list[tuple[str, str, str]]:
    """(key, message, hint) for ``Slug:``/``Save_as:``/``URL:`` values that would leave output/."""
    found = []
    slug = values.get("slug")
    if isinstance(slug, str) and not SAFE_SLUG.match(slug):
        found.append(
            ("slug", f"{slug!r} is not a usable slug", "use letters, digits and hyphens only, e.g. week-six")
        )
    for key in PATH_HEADERS:
        value = values.get(key)
        if not isinstance(value, str):
            continue
        parts = value.replace("\\", "/").split("/")
        if value.startswith(("/", "~")) or ".." in parts or ":" in value:
            found.append(
                (key, f"{value!r} would be written outside the site", "give a path inside the site, e.g. diary/week-six/")
            )  # fmt: skip
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


def _error(shown: str, lines: Mapping[str, int], key: str | None, message: str, hint: str = "") -> ContentError:
    line = lines.get(key) if key else None
    return ContentError(shown, line or 1, key.capitalize() if key else None, message, hint)


def header_errors(shown: str, text: str, header: Header, known: Iterable[str]) -> list[ContentError]:
    """What any published Markdown header must pass: well-formed, known keys, a title, a usable
    date and status, and no path leaving the site."""
    if not text.strip():
        return [ContentError(shown, 1, None, "the file is empty", "start from `trialblog new entry`, or delete the file")]
    errors = [ContentError(shown, p.line, p.key, p.message, p.hint) for p in header.problems]
    errors += [ContentError(shown, p.line, None, p.message, p.hint) for p in unknown_keys(header, known)]
    v, ln = header.values, header.lines
    if not v.get("title", "").strip():
        errors.append(_error(shown, ln, None, "has no Title:", MISSING["title"]))
    if "date" in v:
        try:
            parse_date(v["date"])
        except (ValueError, OverflowError):
            errors.append(
                _error(shown, ln, "date", f"{v['date']!r} is not a date", "write YYYY-MM-DD, optionally with a time: 2024-03-04 09:30")
            )  # fmt: skip
    status = v.get("status", "published").strip().lower()
    if status not in STATUSES:
        errors.append(_error(shown, ln, "status", f"{status!r} is not an allowed status", f"use one of: {', '.join(STATUSES)}"))
    for key, message, hint in unsafe_paths(v):
        errors.append(_error(shown, ln, key, message, hint))
    return errors


def placeholder_errors(shown: str, text: str, header: Header, default_status: str = "published") -> list[ContentError]:
    """An error for a file to be published whose body still holds a placeholder of ``trialblog new``."""
    if header.values.get("status", default_status).strip().lower() != "published":
        return []
    lines = text.split("\n")
    for number in range(header.body_line, len(lines) + 1):
        line = lines[number - 1].strip()
        if line in PLACEHOLDERS:
            return [
                ContentError(shown, number, None, f"still says {line!r}: the entry has not been written yet",
                             "write the entry in its place, or set `Status: draft` until it is ready")
            ]  # fmt: skip
    return []


def entry_meta(
    shown: str,
    title: str,
    date: dt.datetime,
    status: str,
    values: Mapping[str, object],
    lines: Mapping[str, int],
    trials: Mapping[str, Trial],
    broken: frozenset[str] = frozenset(),
) -> tuple[DiaryMeta | None, list[ContentError]]:
    """A diary entry's own fields (``Trial``, ``Milestone``, …) validated against the known trials.

    ``values`` are the header's text values (as a reader gives them); ``broken`` names trials whose
    own file failed to load: entries about them are not reported again, so one mistake gives one
    message.
    """
    errors: list[ContentError] = []

    def err(key: str | None, message: str, hint: str = "") -> None:
        errors.append(_error(shown, lines, key, message, hint))

    def text(key: str, default: str = "") -> str:
        value = values.get(key, default)
        return " ".join(value) if isinstance(value, list) else str(value)

    slug = text("trial").strip().lower()
    trial = None
    if not slug:
        known = ", ".join(sorted(trials)) or "no trials yet"
        err(None, "has no Trial:", f"add `Trial: <slug>` (one of: {known}) or `Trial: none`")
    elif slug != NO_TRIAL and slug not in broken:
        trial = trials.get(slug)
        if trial is None:
            known = ", ".join(sorted(trials)) or "no trials yet: add one with `trialblog new trial`"
            valid = "" if SLUG.match(slug) else " (not a valid slug)"
            err("trial", f"{slug!r} is not a trial of this site{valid}", f"use one of: {known}; or `none` for a post about no trial")
    milestone = None
    if text("milestone"):
        try:
            milestone = Milestone(text("milestone").strip().lower())
        except ValueError:
            err("milestone", f"{text('milestone')!r} is not a milestone", f"use one of: {Milestone.allowed()}")
        if slug == NO_TRIAL:
            err("milestone", "is given on a post with `Trial: none`", "remove Milestone or name the trial")
    elif slug and slug != NO_TRIAL:
        err(None, "has no Milestone:", f"add `Milestone: <one of: {Milestone.allowed()}>`")
    symptoms: dict[str, float] = {}
    if text("symptoms"):
        try:
            symptoms = parse_symptoms(text("symptoms"))
        except ValueError as exc:
            err("symptoms", f"{exc}", "write name=score pairs from 0 to 10, e.g. `Symptoms: fatigue=2, headache=1`")
    syndicate = text("syndicate", "yes").strip().lower()
    if syndicate not in ("yes", "no"):
        err("syndicate", f"{syndicate!r} is not yes or no", "write `Syndicate: no` to keep a post off social media")
    replies = text("replies", "on").strip().lower()
    if replies not in REPLIES_WORDS:
        err("replies", f"{replies!r} is not on or off", "write `Replies: off` to show no replies under this post")
    entry_id = text("id").strip() or None
    if entry_id and not PERMANENT_ID.match(entry_id):
        err("id", f"{entry_id!r} is not a usable permanent id", "use a UUID as `trialblog new entry` writes, and never change it")
    if errors:
        return None, errors
    meta = DiaryMeta(
        source=shown,
        title=title,
        date=date,
        status=status,
        trial=trial.slug if trial else None,
        milestone=milestone,
        id=entry_id,
        symptoms=symptoms,
        content_warning=text("content-warning").strip(),
        syndicate=syndicate == "yes",
        replies=REPLIES_WORDS.get(replies, True),
        lines=dict(lines),
    )
    return meta, []
