"""Local Mastodon and Bluesky servers for the syndication tests, and checks that they behave like
the real services toward the real client libraries.

Both listen on 127.0.0.1 only (pytest-httpserver) and keep what they were sent, so the tests can
count posts. Failures are scripted per request: a status with headers, an accepted request whose
answer is lost, or a callback that runs once a post is stored (to kill the posting process).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
import regex
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

MASTODON_TOKEN = "MASTODON-TOKEN-s3cr3t-7f1d2c"
BLUESKY_PASSWORD = "BSKY-APP-PASSWORD-x9y8-z7w6"
BLUESKY_HANDLE = "diary.example.org"
BLUESKY_DID = "did:plc:testdiary00000000000000"
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")


def json_response(data: object, status: int = 200, headers: dict | None = None) -> Response:
    return Response(json.dumps(data), status=status, headers=headers or {}, content_type="application/json")


@dataclass
class Failure:
    """What to do with the next matching request instead of (or after) serving it."""

    status: int = 0  # answer with this status without serving
    headers: dict = field(default_factory=dict)
    body: dict = field(default_factory=dict)
    lose_answer: float = 0.0  # serve, then hold the answer this long (the client times out)
    after_accept: Callable[[], None] | None = None  # serve, then call this before answering


class FakeService:
    """Shared plumbing: a threaded local server, a request log, scripted failures."""

    def __init__(self) -> None:
        self.server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
        self.lock = threading.Lock()
        self.failures: dict[str, list[Failure]] = {}
        self.received: dict[str, list[Request]] = {}  # per endpoint, counted on arrival
        self.in_flight = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        if self.server.is_running():
            self.server.clear_all_handlers()
            self.server.stop()

    def settle(self, timeout: float = 10.0) -> None:
        """Wait until no request is being answered (an answer held back by a test finishes)."""
        deadline = time.monotonic() + timeout
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.05)  # the server logs a request just after its handler returns

    def reset(self) -> None:
        """Forget every request, scripted failure and stored item."""
        self.settle()
        self.server.clear_log()
        self.failures.clear()
        self.received.clear()

    def fail(self, endpoint: str, *failures: Failure) -> None:
        self.failures.setdefault(endpoint, []).extend(failures)

    def _next_failure(self, endpoint: str) -> Failure | None:
        with self.lock:
            queue = self.failures.get(endpoint) or []
            return queue.pop(0) if queue else None

    def count(self, endpoint: str) -> int:
        """How many requests reached ``endpoint``, answered or not."""
        return len(self.received.get(endpoint, []))

    def serve(self, endpoint: str, request: Request, handler: Callable[[Request], Response]) -> Response:
        with self.lock:
            self.received.setdefault(endpoint, []).append(request)
            self.in_flight += 1
        try:
            failure = self._next_failure(endpoint)
            if failure and failure.status:
                return json_response(failure.body or {"error": "scripted"}, failure.status, failure.headers)
            response = handler(request)
            if failure and failure.after_accept:
                failure.after_accept()
            if failure and failure.lose_answer:
                time.sleep(failure.lose_answer)
            return response
        finally:
            with self.lock:
                self.in_flight -= 1


class FakeMastodon(FakeService):
    """A Mastodon instance: statuses with Idempotency-Key, the account's statuses, instance limits."""

    def __init__(self, token: str = MASTODON_TOKEN, max_characters: int = 500) -> None:
        super().__init__()
        self.token = token
        self.max_characters = max_characters
        self.statuses: list[dict] = []
        self.keys: dict[str, dict] = {}
        self.ids = itertools.count(110000000000000001)
        s = self.server
        s.expect_request(re.compile(r"^/api/v2/instance/?$"), method="GET").respond_with_handler(
            self.instance
        )
        s.expect_request("/api/v1/accounts/verify_credentials", method="GET").respond_with_handler(
            self.authorized(self.verify_credentials)
        )
        s.expect_request("/api/v1/statuses", method="POST").respond_with_handler(
            self.authorized(lambda r: self.serve("statuses", r, self.post_status))
        )
        s.expect_request(re.compile(r"^/api/v1/accounts/[^/]+/statuses$"), method="GET").respond_with_handler(
            self.authorized(self.account_statuses)
        )

    def reset(self) -> None:
        super().reset()
        self.statuses.clear()
        self.keys.clear()

    def authorized(self, handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def check(request: Request) -> Response:
            if request.headers.get("Authorization") != f"Bearer {self.token}":
                return json_response({"error": "The access token is invalid"}, 401)
            return handler(request)

        return check

    def instance(self, request: Request) -> Response:
        return json_response(
            {
                "domain": "127.0.0.1",
                "title": "Test instance",
                "version": "4.3.0",
                "configuration": {
                    "statuses": {"max_characters": self.max_characters, "characters_reserved_per_url": 23}
                },
            }
        )

    def account(self) -> dict:
        return {
            "id": "1",
            "username": "diary",
            "acct": "diary",
            "url": f"{self.url}/@diary",
            "display_name": "",
        }

    def verify_credentials(self, request: Request) -> Response:
        return json_response(self.account())

    @staticmethod
    def length(text: str, spoiler: str) -> int:
        """Counted the way Mastodon's StatusLengthValidator does, written independently of trialblog."""
        countable = re.sub(r"https?://[^\s]+", "x" * 23, text)
        return len(regex.findall(r"\X", spoiler + countable))

    def post_status(self, request: Request) -> Response:
        key = request.headers.get("Idempotency-Key")
        with self.lock:
            if key and key in self.keys:
                return json_response(self.keys[key])
            form = request.form
            text, spoiler = form.get("status", ""), form.get("spoiler_text", "")
            if self.length(text, spoiler) > self.max_characters:
                return json_response({"error": "Validation failed: Text character limit exceeded"}, 422)
            number = str(next(self.ids))
            links = "".join(f'<a href="{u}">{u}</a>' for u in re.findall(r"https?://[^\s]+", text))
            status = {
                "id": number,
                "uri": f"{self.url}/users/diary/statuses/{number}",
                "url": f"{self.url}/@diary/{number}",
                "created_at": dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z"),
                "content": f"<p>{text}</p>{links}",
                "spoiler_text": spoiler,
                "sensitive": bool(spoiler),
                "visibility": form.get("visibility", "public"),
                "language": form.get("language"),
                "account": self.account(),
                "text": text,
            }
            self.statuses.append(status)
            if key:
                self.keys[key] = status
        return json_response(status)

    def account_statuses(self, request: Request) -> Response:
        limit = int(request.args.get("limit", 20))
        max_id = request.args.get("max_id")
        newest_first = list(reversed(self.statuses))
        if max_id:
            newest_first = [s for s in newest_first if int(s["id"]) < int(max_id)]
        return json_response(newest_first[:limit])


def make_jwt(payload: dict) -> str:
    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'ES256K', 'typ': 'at+jwt'})}.{part(payload)}.{part({'sig': 'test'})}"


class FakeBluesky(FakeService):
    """A PDS: sessions (create, refresh), records (create, get) under app.bsky.feed.post."""

    def __init__(self, handle: str = BLUESKY_HANDLE, password: str = BLUESKY_PASSWORD) -> None:
        super().__init__()
        self.handle, self.password = handle, password
        self.records: dict[str, dict] = {}  # rkey -> record
        self.access: dict[str, float] = {}  # access token -> expiry
        self.refresh: set[str] = set()
        self.logins = self.refreshes = 0
        self.access_lifetime = 7200.0
        self.counter = itertools.count(1)
        s = self.server
        route = "/xrpc/com.atproto."
        s.expect_request(route + "server.createSession", method="POST").respond_with_handler(
            lambda r: self.serve("createSession", r, self.create_session)
        )
        s.expect_request(route + "server.refreshSession", method="POST").respond_with_handler(
            lambda r: self.serve("refreshSession", r, self.refresh_session)
        )
        s.expect_request(route + "repo.createRecord", method="POST").respond_with_handler(
            lambda r: self.serve("createRecord", r, self.authorized(self.create_record))
        )
        s.expect_request(route + "repo.getRecord", method="GET").respond_with_handler(
            lambda r: self.serve("getRecord", r, self.get_record)
        )

    def reset(self) -> None:
        super().reset()
        self.records.clear()
        self.revoke_sessions()
        self.logins = self.refreshes = 0
        self.access_lifetime = 7200.0

    def tokens(self) -> dict:
        n = next(self.counter)
        now = time.time()
        access = make_jwt({"scope": "com.atproto.appPass", "sub": BLUESKY_DID, "iat": int(now),
                           "exp": int(now + self.access_lifetime), "n": n})  # fmt: skip
        refresh = make_jwt({"scope": "com.atproto.refresh", "sub": BLUESKY_DID, "iat": int(now),
                            "exp": int(now + 90 * 86400), "jti": f"r{n}"})  # fmt: skip
        self.access[access] = now + self.access_lifetime
        self.refresh.add(refresh)
        return {
            "accessJwt": access,
            "refreshJwt": refresh,
            "handle": self.handle,
            "did": BLUESKY_DID,
            "active": True,
        }

    def create_session(self, request: Request) -> Response:
        body = request.get_json()
        if body.get("identifier") != self.handle or body.get("password") != self.password:
            return json_response(
                {"error": "AuthenticationRequired", "message": "Invalid identifier or password"}, 401
            )
        self.logins += 1
        return json_response(self.tokens())

    def refresh_session(self, request: Request) -> Response:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if token not in self.refresh:
            return json_response({"error": "ExpiredToken", "message": "Token has been revoked"}, 400)
        self.refresh.discard(token)
        self.refreshes += 1
        return json_response(self.tokens())

    def revoke_sessions(self) -> None:
        self.access.clear()
        self.refresh.clear()

    def authorized(self, handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def check(request: Request) -> Response:
            token = request.headers.get("Authorization", "").removeprefix("Bearer ")
            if token not in self.access:
                return json_response({"error": "InvalidToken", "message": "Bad token"}, 400)
            if self.access[token] < time.time():
                return json_response({"error": "ExpiredToken", "message": "Token has expired"}, 400)
            return handler(request)

        return check

    def create_record(self, request: Request) -> Response:
        body = request.get_json()
        rkey, record = body.get("rkey"), body["record"]
        if body.get("repo") != BLUESKY_DID or body.get("collection") != "app.bsky.feed.post":
            return json_response({"error": "InvalidRequest", "message": "wrong repo or collection"}, 400)
        if not rkey or not TID.match(rkey):
            return json_response({"error": "InvalidRequest", "message": "rkey must be a TID"}, 400)
        text = record["text"]
        if len(regex.findall(r"\X", text)) > 300 or len(text.encode()) > 3000:
            return json_response(
                {"error": "InvalidRequest", "message": "Record/text must not be longer than 300 graphemes"},
                400,
            )
        for facet in record.get("facets") or []:
            index = facet["index"]
            if not 0 <= index["byteStart"] < index["byteEnd"] <= len(text.encode()):
                return json_response({"error": "InvalidRequest", "message": "facet out of range"}, 400)
        problem = self.lexicon_problem(record)
        if problem:
            return json_response({"error": "InvalidRequest", "message": problem}, 400)
        with self.lock:
            if rkey in self.records:  # what a PDS answers today for an existing key
                return json_response(
                    {"error": "InternalServerError", "message": "Internal Server Error"}, 500
                )
            self.records[rkey] = record
        return json_response(self.ref(rkey))

    @staticmethod
    def lexicon_problem(record: dict) -> str:
        """What app.bsky.feed.post's lexicon refuses in the record's labels, facets and link card."""
        labels = record.get("labels")
        if labels is not None:
            if labels.get("$type") != "com.atproto.label.defs#selfLabels" or not 0 < len(labels.get("values", [])) <= 10:
                return "Record/labels must be com.atproto.label.defs#selfLabels with 1 to 10 values"
            if any(not isinstance(v.get("val"), str) or not 0 < len(v["val"]) <= 128 for v in labels["values"]):
                return "Record/labels/values/val must be a string of at most 128 characters"
        for facet in record.get("facets") or []:
            if any(f.get("$type") == "app.bsky.richtext.facet#link" and not f.get("uri") for f in facet["features"]):
                return "Record/facets/features/uri is required"
        external = (record.get("embed") or {}).get("external")
        if external is not None and not all(isinstance(external.get(k), str) for k in ("uri", "title", "description")):
            return "Record/embed/external must have uri, title and description"
        return ""

    def ref(self, rkey: str) -> dict:
        digest = hashlib.sha256(json.dumps(self.records[rkey], sort_keys=True).encode()).hexdigest()[:40]
        return {"uri": f"at://{BLUESKY_DID}/app.bsky.feed.post/{rkey}", "cid": f"bafyrei{digest}"}

    def get_record(self, request: Request) -> Response:
        rkey = request.args.get("rkey", "")
        if request.args.get("repo") not in (BLUESKY_DID, self.handle) or rkey not in self.records:
            return json_response(
                {"error": "RecordNotFound", "message": f"Could not locate record: {rkey}"}, 400
            )
        return json_response({**self.ref(rkey), "value": self.records[rkey]})


def accounts(mastodon: FakeMastodon, bluesky: FakeBluesky) -> dict[str, str]:
    """The environment of a writer whose accounts are on ``mastodon`` and ``bluesky``."""
    return {
        "TRIALBLOG_MASTODON_URL": mastodon.url,
        "TRIALBLOG_MASTODON_TOKEN": MASTODON_TOKEN,
        "TRIALBLOG_BLUESKY_HANDLE": BLUESKY_HANDLE,
        "TRIALBLOG_BLUESKY_APP_PASSWORD": BLUESKY_PASSWORD,
        "TRIALBLOG_BLUESKY_SERVICE": bluesky.url,
    }


@contextmanager
def running(fake: FakeService) -> Iterator[FakeService]:
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


# The fakes, driven by the real client libraries.


def test_mastodon_idempotency_key_makes_one_status():
    from mastodon import Mastodon

    with running(FakeMastodon()) as mastodon_server:
        _mastodon_checks(mastodon_server, Mastodon)


def _mastodon_checks(mastodon_server: FakeMastodon, Mastodon) -> None:  # noqa: N803 (the class)
    api = Mastodon(access_token=MASTODON_TOKEN, api_base_url=mastodon_server.url, version_check_mode="none")
    first = api.status_post("hello https://example.org/a", idempotency_key="k1", visibility="unlisted")
    again = api.status_post("hello https://example.org/a", idempotency_key="k1", visibility="unlisted")
    assert first["id"] == again["id"] and len(mastodon_server.statuses) == 1
    assert api.instance_v2()["configuration"]["statuses"]["max_characters"] == 500
    assert api.account_statuses(api.account_verify_credentials()["id"])[0]["id"] == first["id"]


def test_bluesky_session_records_and_existing_key():
    with running(FakeBluesky()) as bluesky_server:
        _bluesky_checks(bluesky_server)


def _bluesky_checks(bluesky_server: FakeBluesky) -> None:
    from atproto_client import Client, models
    from atproto_client.exceptions import BadRequestError, RequestException

    client = Client(base_url=bluesky_server.url)
    client.login(BLUESKY_HANDLE, BLUESKY_PASSWORD, fetch_bsky_profile=False)
    record = models.AppBskyFeedPost.Record(text="hi", created_at=client.get_current_time_iso())
    data = models.ComAtprotoRepoCreateRecord.Data(
        repo=BLUESKY_DID, collection="app.bsky.feed.post", rkey="3jzfcijpj2z2a", record=record
    )
    assert client.com.atproto.repo.create_record(data).uri.endswith("/3jzfcijpj2z2a")
    with pytest.raises(RequestException):
        client.com.atproto.repo.create_record(data)
    params = models.ComAtprotoRepoGetRecord.Params(
        repo=BLUESKY_DID, collection="app.bsky.feed.post", rkey="3jzfcijpj2z2b"
    )
    with pytest.raises(BadRequestError):
        client.com.atproto.repo.get_record(params)
    assert len(bluesky_server.records) == 1 and bluesky_server.logins == 1


def test_bluesky_post_with_a_short_link_and_a_self_label_is_accepted_as_sent(tmp_path):
    from trialblog.syndicate.bluesky import BlueskyNetwork
    from trialblog.syndicate.credentials import BlueskyAccount
    from trialblog.syndicate.text import Announcement, Style

    url = "https://diary.example.org/diary/2025/" + "the-month-nine-visit-and-what-the-nurse-said-" * 2 + "about-it/"
    item = Announcement(id="urn:uuid:9", title="Première prise de sang", url=url,
                        excerpt="Quatre tubes, et l'infirmière a été très douce.", content_warning="needles, blood")  # fmt: skip
    with running(FakeBluesky()) as server:
        network = BlueskyNetwork(BlueskyAccount(BLUESKY_HANDLE, BLUESKY_PASSWORD, server.url), Style(), tmp_path)
        network.connect()
        outgoing = network.render(item)
        network.send(outgoing)
        (record,) = server.records.values()
    text = record["text"]
    assert text == "CW: needles, blood\n\nPremière prise de sang\n\ndiary.example.org/diary/2025/t..."  # no excerpt
    (facet,) = record["facets"]
    shown = text.encode()[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode()
    assert shown == "diary.example.org/diary/2025/t..." and facet["features"][0]["uri"] == url
    assert record["labels"] == {"$type": "com.atproto.label.defs#selfLabels",
                                "values": [{"$type": "com.atproto.label.defs#selfLabel", "val": "graphic-media"}]}  # fmt: skip
    assert record["embed"]["external"] == {"$type": "app.bsky.embed.external#external", "uri": url,
                                           "title": "[CW: needles, blood] Première prise de sang", "description": ""}  # fmt: skip
