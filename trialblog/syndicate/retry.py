"""Retrying what a network asks to retry (429, 5xx, timeouts), with bounded, honest waits."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TypeVar

from . import NetworkStopped

T = TypeVar("T")


class Retryable(Exception):
    """A failure worth trying again; ``wait`` is what the server asked for, in seconds, if it said."""

    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _when(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None


def server_wait(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asks us to wait: ``Retry-After`` first, then the rate-limit reset time.

    ``Retry-After`` is seconds or an HTTP date; Mastodon's ``X-RateLimit-Reset`` is an ISO 8601
    time; Bluesky's ``RateLimit-Reset`` is a Unix time in seconds.
    """
    now = time.time() if now is None else now
    lower = {k.lower(): v for k, v in headers.items()}
    retry_after = lower.get("retry-after")
    if retry_after:
        try:
            return max(float(retry_after), 0.0)
        except ValueError:
            when = _when(retry_after)
            if when is not None:
                return max(when.timestamp() - now, 0.0)
    reset = lower.get("x-ratelimit-reset") or lower.get("ratelimit-reset")
    if reset:
        try:
            number = float(reset)
        except ValueError:
            when = _when(reset)
            return None if when is None else max(when.timestamp() - now, 0.0)
        # A small number is a delay; a large one is a Unix time.
        return max(number - now, 0.0) if number > 10**9 else max(number, 0.0)
    return None


@dataclass
class Backoff:
    """At most ``attempts`` tries; waits double from ``first_wait`` unless the server names a wait.

    A server that asks for more than ``max_wait`` stops the network for this run at once.
    """

    attempts: int = 4
    first_wait: float = 2.0
    max_wait: float = 300.0
    sleep: Callable[[float], None] = field(default=time.sleep)

    def run(self, what: str, call: Callable[[int], T]) -> T:
        """``call(attempt)`` until it returns; Retryable failures are retried, then NetworkStopped."""
        for attempt in range(1, self.attempts + 1):
            try:
                return call(attempt)
            except Retryable as failure:
                if failure.wait is not None and failure.wait > self.max_wait:
                    until = dt.datetime.now().astimezone() + dt.timedelta(seconds=failure.wait)
                    raise NetworkStopped(
                        f"{what}: {failure.reason}; the server asks to wait until {until:%Y-%m-%d %H:%M}, "
                        "so this run stops here: run it again after that"
                    ) from None
                if attempt == self.attempts:
                    raise NetworkStopped(
                        f"{what}: {failure.reason}; gave up after {attempt} attempts. Nothing is lost: "
                        "run `trialblog syndicate` again later"
                    ) from None
                wait = failure.wait if failure.wait is not None else self.first_wait * 2 ** (attempt - 1)
                self.sleep(min(wait, self.max_wait))
        raise AssertionError("unreachable")  # pragma: no cover
