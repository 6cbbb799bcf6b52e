"""What every network adapter offers the run: render, find a post already made, send a new one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .state import Record
from .text import Announcement


class Outgoing(Protocol):
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Remote:
    """A post as the network knows it."""

    id: str
    url: str


class Network(Protocol):
    name: str

    def render(self, item: Announcement) -> Outgoing:
        """Exactly what would be sent for ``item``."""

    def describe(self, outgoing: Outgoing) -> list[str]:
        """``outgoing`` as lines for ``--dry-run``."""

    def key(self, outgoing: Outgoing) -> str:
        """The deterministic key of ``outgoing`` (idempotency key or record key)."""

    def connect(self) -> None:
        """Log in (or reuse a saved session) before the first request."""

    def find(self, item: Announcement, record: Record) -> Remote | None:
        """The post made for ``item`` by an earlier, interrupted run, if the network has it."""

    def send(self, outgoing: Outgoing) -> Remote:
        """Post ``outgoing`` once, however often the request has to be repeated."""
