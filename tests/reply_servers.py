"""Local stand-ins for the parts of Mastodon and Bluesky that replies read: a status's context and
a post's thread, single statuses and posts, favourites and likes, and avatars.

They extend the syndication stand-ins (tests/test_syndicate_servers.py): the writer's own posts are
those syndication made; replies are added by the tests, from other accounts, and can be edited,
deleted or blocked. Long threads are cut as the real servers cut them (Mastodon's context caps its
size, Bluesky's thread its depth), so fetching has to follow them.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

from PIL import Image
from test_syndicate_servers import BLUESKY_DID, FakeBluesky, FakeMastodon, json_response
from werkzeug import Request, Response

WHEN = dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)


def png(colour: tuple[int, int, int] = (200, 40, 40), size: int = 300) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(out, format="PNG")
    return out.getvalue()


def stamp(minutes: int) -> str:
    return (WHEN + dt.timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


class Avatars:
    """Serves ``/avatars/<name>`` from ``self.pictures`` (a picture, or any bytes)."""

    pictures: dict[str, bytes]

    def serve_avatars(self) -> None:
        self.pictures = {}
        self.server.expect_request(re.compile(r"^/avatars/.+$"), method="GET").respond_with_handler(self.avatar)

    def avatar(self, request: Request) -> Response:
        data = self.pictures.get(request.path.rsplit("/", 1)[-1])
        if data is None:
            return Response(b"", status=404)
        return Response(data, content_type="image/png")


class ThreadedMastodon(FakeMastodon, Avatars):
    """A Mastodon instance with replies: ``context_limit`` descendants per answer at most."""

    def __init__(self) -> None:
        super().__init__()
        self.replies: dict[str, dict] = {}
        self.context_limit = 4096
        self.minutes = itertools.count(1)
        self.serve_avatars()
        s = self.server
        s.expect_request(re.compile(r"^/api/v1/statuses/\d+/context$"), method="GET").respond_with_handler(
            self.authorized(lambda r: self.serve("context", r, self.context))
        )
        s.expect_request(re.compile(r"^/api/v1/statuses/\d+$"), method="GET").respond_with_handler(
            self.authorized(lambda r: self.serve("status", r, self.status))
        )

    def reset(self) -> None:
        super().reset()
        self.replies.clear()
        self.context_limit = 4096
        self.pictures.clear()

    def person(self, username: str, display_name: str = "", host: str = "elsewhere.example", avatar: str = "") -> dict:
        number = str(abs(hash((username, host))) % 10**9 + 1000)
        return {"id": number, "username": username, "acct": f"{username}@{host}", "display_name": display_name,
                "url": f"https://{host}/@{username}", "avatar_static": f"{self.url}/avatars/{avatar}" if avatar else ""}  # fmt: skip

    def reply(self, parent: str, account: dict, html: str, visibility: str = "public", favourited: bool = False,
              spoiler: str = "", mentions: list[dict] | None = None) -> str:  # fmt: skip
        number = str(next(self.ids))
        self.replies[number] = {
            "id": number, "in_reply_to_id": parent, "account": account, "content": html, "visibility": visibility,
            "created_at": stamp(next(self.minutes)), "edited_at": None, "favourited": favourited, "spoiler_text": spoiler,
            "url": f"https://{account['acct'].split('@')[1]}/@{account['username']}/{number}",
            "uri": f"https://{account['acct'].split('@')[1]}/users/{account['username']}/statuses/{number}",
            "mentions": mentions or [], "sensitive": bool(spoiler), "reblog": None, "media_attachments": [],
        }  # fmt: skip
        return number

    def edit(self, number: str, html: str) -> None:
        self.replies[number]["content"] = html
        self.replies[number]["edited_at"] = stamp(next(self.minutes) + 600)

    def everything(self) -> dict[str, dict]:
        own = {s["id"]: {**s, "in_reply_to_id": None} for s in self.statuses}
        return {**own, **self.replies}

    def counted(self, status: dict) -> dict:
        found = self.everything()
        return {**status, "replies_count": sum(1 for s in found.values() if s.get("in_reply_to_id") == status["id"])}

    def status(self, request: Request) -> Response:
        number = request.path.rsplit("/", 1)[-1]
        found = self.everything().get(number)
        if found is None:
            return json_response({"error": "Record not found"}, 404)
        return json_response(self.counted(found))

    def context(self, request: Request) -> Response:
        number = request.path.split("/")[-2]
        found = self.everything()
        if number not in found:
            return json_response({"error": "Record not found"}, 404)
        descendants: list[dict] = []

        def walk(parent: str) -> None:
            for child in sorted((s for s in found.values() if s.get("in_reply_to_id") == parent), key=lambda s: int(s["id"])):
                if len(descendants) >= self.context_limit:
                    return
                descendants.append(self.counted(child))
                walk(child["id"])

        walk(number)
        return json_response({"ancestors": [], "descendants": descendants})


class ThreadedBluesky(FakeBluesky, Avatars):
    """A PDS with the AppView's thread and posts: ``depth`` levels per answer at most."""

    def __init__(self) -> None:
        super().__init__()
        self.posts: dict[str, dict] = {}  # uri -> {author, record, liked}
        self.blocking: set[str] = set()  # DIDs that block the writer
        self.max_depth = 1000
        self.serve_avatars()
        self.cids = itertools.count(1)
        s = self.server
        s.expect_request("/xrpc/app.bsky.feed.getPostThread", method="GET").respond_with_handler(
            lambda r: self.serve("getPostThread", r, self.authorized(self.get_thread))
        )
        s.expect_request("/xrpc/app.bsky.feed.getPosts", method="GET").respond_with_handler(
            lambda r: self.serve("getPosts", r, self.authorized(self.get_posts))
        )

    def reset(self) -> None:
        super().reset()
        self.posts.clear()
        self.blocking.clear()
        self.max_depth = 1000
        self.pictures.clear()

    def own_uri(self, rkey: str) -> str:
        return f"at://{BLUESKY_DID}/app.bsky.feed.post/{rkey}"

    def person(self, name: str, display_name: str = "", avatar: str = "", labels: list[str] | None = None) -> dict:
        did = f"did:plc:{re.sub(r'[^a-z0-9]', '', name.lower())[:16]:0<16}"
        return {"did": did, "handle": f"{name}.bsky.example", "displayName": display_name,
                "avatar": f"{self.url}/avatars/{avatar}" if avatar else None,
                "labels": [{"val": v, "src": did, "uri": f"at://{did}", "cts": stamp(0)} for v in labels or ()]}  # fmt: skip

    def reply(self, parent: str, author: dict, text: str, liked: bool = False, facets: list | None = None,
              labels: list[str] | None = None) -> str:  # fmt: skip
        """A reply by ``author``; ``labels`` are the post's self-labels (such as ``graphic-media``)."""
        number = len(self.posts) + 1
        uri = f"at://{author['did']}/app.bsky.feed.post/3kreply{number:06d}"
        root = parent if parent.startswith(f"at://{BLUESKY_DID}") else self.posts[parent]["record"]["reply"]["root"]["uri"]
        self.posts[uri] = {"author": author, "liked": liked, "record": {
            "$type": "app.bsky.feed.post", "text": text, "createdAt": stamp(number), "facets": facets or [],
            "reply": {"root": {"uri": root, "cid": "bafyroot"}, "parent": {"uri": parent, "cid": "bafyparent"}}}}  # fmt: skip
        if labels:
            self.posts[uri]["record"]["labels"] = {"$type": "com.atproto.label.defs#selfLabels",
                                                   "values": [{"val": v} for v in labels]}  # fmt: skip
        return uri

    def edit(self, uri: str, text: str) -> None:
        """The author rewrites the post's record in place (``com.atproto.repo.putRecord``)."""
        self.posts[uri]["record"] = {**self.posts[uri]["record"], "text": text, "facets": []}

    def view(self, uri: str) -> dict:
        if uri in self.posts:
            post = self.posts[uri]
            author, record = post["author"], post["record"]
            viewer = {"like": f"at://{BLUESKY_DID}/app.bsky.feed.like/3klike{len(uri)}"} if post["liked"] else {}
        else:
            author = {"did": BLUESKY_DID, "handle": self.handle, "displayName": "Tester"}
            record, viewer = self.records[uri.rsplit("/", 1)[-1]], {}
        count = sum(1 for p in self.posts.values() if p["record"]["reply"]["parent"]["uri"] == uri)
        own = [{"val": v["val"], "src": author["did"], "uri": uri, "cts": stamp(0)}
               for v in (record.get("labels") or {}).get("values", [])]  # the AppView shows self-labels too
        return {"uri": uri, "cid": f"bafy{abs(hash(uri)) % 10**12}", "author": author, "record": record,
                "indexedAt": record.get("createdAt") or stamp(0), "replyCount": count, "viewer": viewer,
                "labels": [*(author.get("labels") or []), *own]}  # fmt: skip

    def node(self, uri: str, depth: int) -> dict:
        if uri in self.posts and self.posts[uri]["author"]["did"] in self.blocking:
            return {"$type": "app.bsky.feed.defs#blockedPost", "uri": uri, "blocked": True,
                    "author": {"did": self.posts[uri]["author"]["did"]}}  # fmt: skip
        found = {"$type": "app.bsky.feed.defs#threadViewPost", "post": self.view(uri)}
        if depth > 0:
            children = [u for u, p in self.posts.items() if p["record"]["reply"]["parent"]["uri"] == uri]
            found["replies"] = [self.node(u, depth - 1) for u in sorted(children)]
        return found

    def get_thread(self, request: Request) -> Response:
        uri = request.args.get("uri", "")
        if uri not in self.posts and not (uri.startswith(f"at://{BLUESKY_DID}") and uri.rsplit("/", 1)[-1] in self.records):
            return json_response({"error": "NotFound", "message": f"Post not found: {uri}"}, 400)
        depth = min(int(request.args.get("depth", 6)), self.max_depth)
        return json_response({"thread": self.node(uri, depth)})

    def get_posts(self, request: Request) -> Response:
        uris = request.args.getlist("uris")
        return json_response({"posts": [self.view(u) for u in uris if u in self.posts]})
