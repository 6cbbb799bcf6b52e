"""Mastodon, through Mastodon.py: statuses with a deterministic Idempotency-Key."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from typing import TypeVar

import requests
from mastodon import (
    Mastodon,
    MastodonAPIError,
    MastodonNetworkError,
    MastodonRatelimitError,
    MastodonServerError,
    MastodonUnauthorizedError,
)

from trialblog import __version__

from . import NetworkStopped, Rejected
from .credentials import MastodonAccount
from .network import Remote
from .retry import Backoff, Retryable, server_wait
from .state import Record
from .text import Announcement, MastodonLimits, MastodonPost, Style, mastodon_post

T = TypeVar("T")
SEARCH_PAGES = 5  # pages of 40 of the account's own statuses searched for an interrupted post
PAGE = 40


class MastodonNetwork:
    """One Mastodon account. Without an account it can only render (for ``--dry-run``)."""

    name = "mastodon"

    def __init__(
        self,
        account: MastodonAccount | None,
        style: Style,
        backoff: Backoff | None = None,
        timeout: float = 30.0,
        instance_url: str | None = None,
    ):
        self.style = style
        self.note = ""
        self.backoff = backoff or Backoff()
        self.last_headers: dict[str, str] = {}
        self._limits: MastodonLimits | None = None
        self._account_id: str | None = None
        base = account.url if account else instance_url
        self.api: Mastodon | None = None
        if base:
            session = requests.Session()
            session.hooks["response"].append(self._remember)
            self.api = Mastodon(
                access_token=account.token if account else None,
                api_base_url=base,
                version_check_mode="none",
                ratelimit_method="throw",
                request_timeout=timeout,
                session=session,
                user_agent=f"trialblog/{__version__}",
            )
        self.can_post = account is not None

    def _remember(self, response: requests.Response, *args: object, **kwargs: object) -> None:
        self.last_headers = dict(response.headers)

    def call(self, what: str, request: Callable[[int], T]) -> T:
        def attempt(number: int) -> T:
            try:
                return request(number)
            except MastodonRatelimitError:
                raise Retryable("rate limited (429)", server_wait(self.last_headers)) from None
            except MastodonServerError as exc:
                raise Retryable(f"server error {_status(exc)}", server_wait(self.last_headers)) from None
            except MastodonNetworkError as exc:
                raise Retryable(f"could not reach the server ({_cause(exc)})") from None
            except MastodonUnauthorizedError:
                raise Rejected(
                    f"{what}: the access token was refused; check TRIALBLOG_MASTODON_TOKEN and its "
                    "scopes (read:accounts read:statuses write:statuses)"
                ) from None
            except MastodonAPIError as exc:
                raise Rejected(
                    f"{what}: refused by the server: {_status(exc)} {_message(exc)}".strip()
                ) from None

        return self.backoff.run(f"mastodon, {what}", attempt)

    def limits(self) -> MastodonLimits:
        """The instance's status limit and URL length, from ``/api/v2/instance`` (defaults offline)."""
        if self._limits is None:
            self._limits = MastodonLimits()
            if self.api is None:
                self.note = "no instance set (TRIALBLOG_MASTODON_URL); assuming Mastodon's default limits"
            else:
                try:
                    instance = self.call("reading the instance's limits", lambda _: self.api.instance_v2())
                except Rejected:
                    instance = None  # an older server without /api/v2/instance: Mastodon's defaults
                except NetworkStopped:
                    if self.can_post:
                        raise
                    instance = None
                    self.note = "could not read the instance's limits; assuming Mastodon's defaults"
                statuses = ((instance or {}).get("configuration") or {}).get("statuses") or {}
                self._limits = MastodonLimits(
                    max_characters=int(statuses.get("max_characters") or 500),
                    url_length=int(statuses.get("characters_reserved_per_url") or 23),
                )
        return self._limits

    def render(self, item: Announcement) -> MastodonPost:
        return mastodon_post(item, self.style, self.limits())

    def key(self, outgoing: MastodonPost) -> str:
        return outgoing.idempotency_key

    def describe(self, outgoing: MastodonPost) -> list[str]:
        lines = [
            f"POST /api/v1/statuses   Idempotency-Key: {outgoing.idempotency_key}",
            f"visibility: {outgoing.visibility}   language: {outgoing.language}   "
            f"length: {outgoing.length}/{outgoing.limit}",
        ]
        if outgoing.spoiler_text:
            lines.append(f"spoiler_text (content warning): {outgoing.spoiler_text}")
        return lines

    def connect(self) -> None:
        if not self.can_post or self.api is None:
            raise NetworkStopped("mastodon is not set up")
        self.limits()

    def account_id(self) -> str:
        if self._account_id is None:
            me = self.call("checking the account", lambda _: self.api.account_verify_credentials())
            self._account_id = str(me["id"])
        return self._account_id

    def find(self, item: Announcement, record: Record) -> Remote | None:
        """Search the account's recent statuses for the link of an interrupted post."""
        account = self.account_id()
        url = record.url or item.url
        max_id = None
        for _ in range(SEARCH_PAGES):
            page = self.call(
                "looking for an interrupted post",
                lambda _, max_id=max_id: self.api.account_statuses(
                    account, limit=PAGE, max_id=max_id, exclude_reblogs=True
                ),
            )
            for status in page:
                card = status.get("card") or {}
                if url in unescape(status.get("content") or "") or card.get("url") == url:
                    return Remote(id=str(status["id"]), url=str(status.get("url") or ""))
            if len(page) < PAGE:
                return None
            max_id = page[-1]["id"]
        return None

    def send(self, outgoing: MastodonPost) -> Remote:
        """Post the status; a repeat carries the same Idempotency-Key, so the server makes only one."""

        def post(_: int):
            return self.api.status_post(
                outgoing.status,
                spoiler_text=outgoing.spoiler_text or None,
                visibility=outgoing.visibility,
                language=outgoing.language,
                idempotency_key=outgoing.idempotency_key,
            )

        status = self.call("posting", post)
        return Remote(id=str(status["id"]), url=str(status.get("url") or ""))


def _status(exc: MastodonAPIError) -> str:
    return str(exc.args[1]) if len(exc.args) > 1 else ""


def _message(exc: MastodonAPIError) -> str:
    return str(exc.args[3]) if len(exc.args) > 3 and exc.args[3] else ""


def _cause(exc: Exception) -> str:
    text = str(exc)
    if "timed out" in text.lower() or "timeout" in text.lower():
        return "timed out"
    if "refused" in text.lower():
        return "connection refused"
    return "network error"
