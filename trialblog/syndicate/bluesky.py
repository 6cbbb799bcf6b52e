"""Bluesky, through the atproto SDK: posts under a deterministic record key, with a saved session."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from atproto_client import Client, models
from atproto_client.client.session import Session, SessionEvent
from atproto_client.exceptions import (
    BadRequestError,
    LoginRequiredError,
    NetworkError,
    RateLimitExceededError,
    RequestErrorBase,
    RequestException,
    UnauthorizedError,
)
from atproto_client.models import ids
from atproto_client.models.common import XrpcError
from atproto_client.request import Request

from . import NetworkStopped, Rejected
from .credentials import BlueskyAccount
from .files import BLUESKY_SESSION, write_json
from .network import Remote
from .redaction import Redactor
from .retry import Backoff, Retryable, server_wait
from .state import Record
from .text import Announcement, BlueskyPost, Style, bluesky_post

T = TypeVar("T")
SESSION_ERRORS = {"ExpiredToken", "InvalidToken", "AuthMissing", "AuthRequired", "AuthenticationRequired"}


class SessionExpired(Exception):
    """The saved session can no longer be used; log in again."""


class BlueskyNetwork:
    """One Bluesky account. Without an account it can only render (for ``--dry-run``)."""

    name = "bluesky"

    def __init__(
        self,
        account: BlueskyAccount | None,
        style: Style,
        site_dir: Path,
        backoff: Backoff | None = None,
        timeout: float = 30.0,
        redact: Redactor | None = None,
    ):
        self.account = account
        self.style = style
        self.backoff = backoff or Backoff()
        self.redact = redact or Redactor()
        self.session_path = site_dir / BLUESKY_SESSION
        self.session: Session | None = None
        self.client: Client | None = None
        if account is not None:
            self.client = Client(base_url=account.service, request=Request(timeout=timeout))
            self.client.on_session_change(self._on_session)

    # -- rendering ---------------------------------------------------------------------------

    def render(self, item: Announcement) -> BlueskyPost:
        return bluesky_post(item, self.style)

    def key(self, outgoing: BlueskyPost) -> str:
        return outgoing.rkey

    def describe(self, outgoing: BlueskyPost) -> list[str]:
        link = outgoing.link
        return [
            f"com.atproto.repo.createRecord   collection: {ids.AppBskyFeedPost}   rkey: {outgoing.rkey}",
            f"langs: [{outgoing.language}]   length: {outgoing.length}/{outgoing.limit} graphemes",
            f"link facet: bytes {link.byte_start}-{link.byte_end} -> {link.uri}",
            f"link card: {outgoing.card_title}" + ("" if outgoing.card_description else " (no excerpt)"),
            f"self-labels: {', '.join(outgoing.labels) or 'none'}",
        ]

    # -- session -----------------------------------------------------------------------------

    def _on_session(self, event: SessionEvent, session: Session) -> None:
        self.session = session
        self.redact.add(session.access_jwt, session.refresh_jwt)
        if event in (SessionEvent.CREATE, SessionEvent.REFRESH):
            self._save_session(session)

    def _save_session(self, session: Session) -> None:
        assert self.account is not None
        data = {"service": self.account.service, "handle": self.account.handle, "session": session.encode()}
        write_json(self.session_path, data, mode=0o600)

    def _saved_session(self) -> str | None:
        assert self.account is not None
        try:
            data = json.loads(self.session_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        if data.get("service") != self.account.service or data.get("handle") != self.account.handle:
            return None  # another account: never reuse its session
        session = data.get("session")
        return session if isinstance(session, str) and session else None

    def _login(self) -> None:
        assert self.client is not None and self.account is not None
        account = self.account

        def create(_: int) -> None:
            self.client.login(account.handle, account.app_password, fetch_bsky_profile=False)

        self.call("logging in", create, relogin=False)

    def connect(self) -> None:
        """Reuse the saved session (refreshed when needed); log in only when there is none that works."""
        if self.client is None:
            raise NetworkStopped("bluesky is not set up")
        saved = self._saved_session()
        if saved:
            try:
                self.client.login(session_string=saved, fetch_bsky_profile=False)
                return
            except Exception:  # a damaged session file (any parse error): log in afresh
                self.session = None
        self._login()

    # -- requests ----------------------------------------------------------------------------

    def call(self, what: str, request: Callable[[int], T], relogin: bool = True) -> T:
        def attempt(number: int) -> T:
            try:
                return request(number)
            except RateLimitExceededError as exc:
                wait = exc.retry_after
                if wait is None and exc.reset_at is not None:
                    wait = max((exc.reset_at - dt.datetime.now(dt.UTC)).total_seconds(), 0.0)
                raise Retryable("rate limited (429)", wait) from None
            except LoginRequiredError:
                raise SessionExpired() from None
            except (UnauthorizedError, BadRequestError) as exc:
                if _error(exc) in SESSION_ERRORS or isinstance(exc, UnauthorizedError):
                    raise SessionExpired() from None
                raise Rejected(f"bluesky, {what}: refused: {self.redact(str(exc))}") from None
            except NetworkError as exc:
                if exc.response is not None and exc.response.status_code == 413:
                    raise Rejected(f"bluesky, {what}: refused as too large") from None
                status = f"status {exc.response.status_code}" if exc.response is not None else "no answer"
                headers = exc.response.headers if exc.response is not None else {}
                raise Retryable(f"could not reach the server ({status})", server_wait(headers)) from None
            except RequestException as exc:
                response = exc.response
                if response is not None and response.status_code >= 500:
                    raise Retryable(
                        f"server error {response.status_code}", server_wait(response.headers)
                    ) from None
                raise Rejected(f"bluesky, {what}: refused: {self.redact(str(exc))}") from None

        try:
            return self.backoff.run(f"bluesky, {what}", attempt)
        except SessionExpired:
            if not relogin:
                raise Rejected(
                    f"bluesky, {what}: the handle or app password was refused; check "
                    "TRIALBLOG_BLUESKY_HANDLE and TRIALBLOG_BLUESKY_APP_PASSWORD"
                ) from None
            self._login()  # the saved session expired: one fresh login, then the same request
            return self.call(what, request, relogin=False)

    def _get(self, rkey: str) -> Remote | None:
        assert self.client is not None and self.session is not None
        did = self.session.did

        def get(_: int) -> Remote | None:
            try:
                found = self.client.com.atproto.repo.get_record(
                    models.ComAtprotoRepoGetRecord.Params(repo=did, collection=ids.AppBskyFeedPost, rkey=rkey)
                )
            except BadRequestError as exc:
                if _error(exc) == "RecordNotFound":
                    return None
                raise
            return Remote(id=found.uri, url=self.web_url(rkey))

        return self.call("looking for an interrupted post", get)

    def web_url(self, rkey: str) -> str:
        handle = self.session.handle if self.session else (self.account.handle if self.account else "")
        return f"https://bsky.app/profile/{handle}/post/{rkey}"

    def find(self, item: Announcement, record: Record) -> Remote | None:
        """Ask for the record under the post's own key: there or not, never guessed."""
        return self._get(record.key or self.render(item).rkey)

    def send(self, outgoing: BlueskyPost) -> Remote:
        """Create the record; before any repeat, check whether the first try arrived after all."""
        assert self.client is not None

        def create(attempt: int) -> Remote:
            if attempt > 1:
                found = self._get(outgoing.rkey)
                if found is not None:
                    return found
            assert self.session is not None
            response = self.client.com.atproto.repo.create_record(
                models.ComAtprotoRepoCreateRecord.Data(
                    repo=self.session.did,
                    collection=ids.AppBskyFeedPost,
                    rkey=outgoing.rkey,
                    record=self.record(outgoing),
                )
            )
            return Remote(id=response.uri, url=self.web_url(outgoing.rkey))

        return self.call("posting", create)

    def record(self, outgoing: BlueskyPost) -> models.AppBskyFeedPost.Record:
        assert self.client is not None
        link = outgoing.link
        return models.AppBskyFeedPost.Record(
            created_at=self.client.get_current_time_iso(),
            text=outgoing.text,
            langs=[outgoing.language],
            facets=[
                models.AppBskyRichtextFacet.Main(
                    features=[models.AppBskyRichtextFacet.Link(uri=link.uri)],
                    index=models.AppBskyRichtextFacet.ByteSlice(
                        byte_start=link.byte_start, byte_end=link.byte_end
                    ),
                )
            ],
            embed=models.AppBskyEmbedExternal.Main(
                external=models.AppBskyEmbedExternal.External(
                    uri=link.uri, title=outgoing.card_title, description=outgoing.card_description
                )
            ),
            labels=self_labels(outgoing.labels),
        )


def self_labels(values: tuple[str, ...]) -> models.ComAtprotoLabelDefs.SelfLabels | None:
    """The record's ``labels`` field: the post's self-labels, or none."""
    if not values:
        return None
    return models.ComAtprotoLabelDefs.SelfLabels(values=[models.ComAtprotoLabelDefs.SelfLabel(val=v) for v in values])


def _error(exc: RequestErrorBase) -> str:
    content = exc.response.content if exc.response is not None else None
    return content.error if isinstance(content, XrpcError) else ""
