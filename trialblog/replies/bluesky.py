"""Replies on Bluesky: the thread under the entry's post (``app.bsky.feed.getPostThread``), through
atproto and the syndication adapter's session and retries."""

from __future__ import annotations

from typing import Any

from atproto_client import models

from ..syndicate.bluesky import BlueskyNetwork
from .found import MAX_REQUESTS, Fetched, Found, iso
from .identity import handle, notes
from .model import PENDING, Author, Reply
from .text import clean, from_bluesky, one_line

DEPTH = 20  # levels of replies asked for at once; deeper ones are asked for from where it stopped
POSTS_AT_ONCE = 25  # app.bsky.feed.getPosts takes this many
#: Labels by which an author or a moderator asks that a post is not shown to everyone.
NOT_PUBLIC = {"!no-unauthenticated", "!hide", "!takedown"}
#: Labels that fold a post behind a warning in the Bluesky app, and the warning they become here.
WARNINGS = {"graphic-media": "graphic media", "gore": "graphic media", "nudity": "nudity",
            "sexual": "sexual content", "porn": "sexual content"}  # fmt: skip
WEB = "https://bsky.app/profile"


def _get(value: Any, name: str) -> Any:
    """A field of an atproto model, or of a record it could not parse (a mapping, camelCase keys)."""
    if isinstance(value, dict):
        camel = "".join(part.capitalize() if i else part for i, part in enumerate(name.split("_")))
        return value.get(name, value.get(camel))
    return getattr(value, name, None)


class BlueskyReplies:
    """The replies to the writer's posts, read with the writer's session (so their likes are seen)."""

    name = "bluesky"

    def __init__(self, net: BlueskyNetwork, writer_names: tuple[str, ...]):
        net.connect()
        assert net.client is not None and net.session is not None
        self.net, self.client = net, net.client
        self.me = net.session.did
        self.writer_names = (*writer_names, net.session.handle.split(".")[0])

    def thread(self, root: str) -> Fetched:
        """Every reply under the post ``root``, following each branch the answer cut at its depth."""
        fetched = Fetched()
        waiting, requests = [root], 0
        while waiting and requests < MAX_REQUESTS:
            uri = waiting.pop(0)
            params = models.AppBskyFeedGetPostThread.Params(uri=uri, depth=DEPTH, parent_height=0)
            answer = self.net.call("reading the replies", lambda _, p=params: self.client.app.bsky.feed.get_post_thread(p))
            requests += 1
            waiting += self._walk(answer.thread, root, fetched, top=True)
        fetched.complete = not waiting
        return fetched

    def _walk(self, node: Any, root: str, fetched: Fetched, top: bool = False) -> list[str]:
        """Record the replies under ``node``; the posts whose replies were cut off."""
        cut = []
        if isinstance(node, models.AppBskyFeedDefs.BlockedPost):
            fetched.blocked.add(f"bluesky:{node.uri}")
            return cut
        if not isinstance(node, models.AppBskyFeedDefs.ThreadViewPost):
            return cut  # a deleted post (notFoundPost): nothing to keep
        post = node.post
        if not top:
            found = self._found(post, root)
            if found is not None:
                fetched.found[found.reply.id] = found
        replies = node.replies
        if replies is None and (post.reply_count or 0) > 0 and not top:
            cut.append(post.uri)
        for child in replies or ():
            cut += self._walk(child, root, fetched)
        return cut

    def exists(self, reply_id: str) -> bool:
        uri = reply_id.removeprefix("bluesky:")
        params = models.AppBskyFeedGetPosts.Params(uris=[uri])
        answer = self.net.call("asking about a reply", lambda _: self.client.app.bsky.feed.get_posts(params))
        return any(p.uri == uri for p in answer.posts)

    def _found(self, post: Any, root: str) -> Found | None:
        author = post.author
        labels = {str(_get(label, "val")) for label in [*(post.labels or ()), *(author.labels or ())]}
        if labels & NOT_PUBLIC:
            return None
        record = post.record
        own = {str(_get(value, "val")) for value in _get(_get(record, "labels"), "values") or ()}
        warning = ", ".join(dict.fromkeys(shown for label, shown in WARNINGS.items() if label in labels | own))
        text, cut = clean(from_bluesky(str(_get(record, "text") or ""), _get(record, "facets") or []))
        rkey = post.uri.rsplit("/", 1)[-1]
        url = f"{WEB}/{author.did}/post/{rkey}"
        if cut:
            text += f"\n\n(shortened: read it all at {url})"
        shown = handle(author.handle)
        name = one_line(author.display_name or "")
        parent = _get(_get(_get(record, "reply"), "parent"), "uri") or ""
        writer = author.did == self.me
        reply = Reply(
            id=f"bluesky:{post.uri}", network="bluesky", status=PENDING, published=iso(_get(record, "created_at")),
            author=Author(author.did, shown, name, f"{WEB}/{author.did}", writer=writer), url=url, text=text,
            content_warning=warning, parent=f"bluesky:{parent}" if parent and parent != root else "",
        )  # fmt: skip
        liked = bool(post.viewer and post.viewer.like)
        return Found(reply, liked, str(author.avatar or ""), tuple(notes(name, shown, author.handle, self.writer_names, writer)))
