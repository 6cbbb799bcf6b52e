"""What a network answered about one entry's thread, before it is merged into the stored replies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .model import Reply

#: Requests for one entry's thread on one network: a longer thread is fetched in part, and what
#: was not seen is kept as it was.
MAX_REQUESTS = 40


@dataclass(frozen=True)
class Found:
    """One reply as the network has it now: ``liked`` when the writer favourited or liked it."""

    reply: Reply
    liked: bool = False
    avatar_url: str = ""
    notes: tuple[str, ...] = ()


@dataclass
class Fetched:
    """One thread on one network: the replies seen, those blocked from the writer's view, and
    whether every reply was seen (else a reply not seen is asked about before it is dropped)."""

    found: dict[str, Found] = field(default_factory=dict)
    blocked: set[str] = field(default_factory=set)
    complete: bool = True


def iso(value: object) -> str:
    """A time as ISO 8601 in UTC, ``Z``-suffixed ('' when there is none)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return ""
    if not isinstance(value, dt.datetime):
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
