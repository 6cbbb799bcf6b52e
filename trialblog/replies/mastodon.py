"""Replies on Mastodon: the descendants of the entry's status (``GET /api/v1/statuses/:id/context``),
through Mastodon.py and the syndication adapter's retries."""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from mastodon import MastodonNotFoundError

from ..syndicate.mastodon import MastodonNetwork
from .found import MAX_REQUESTS, Fetched, Found, iso
from .identity import handle, notes
from .model import PENDING, Author, Reply
from .store import WEB_ADDRESS
from .text import clean, from_mastodon, one_line

#: Statuses anyone may see; a followers-only or direct reply is never kept, let alone published.
PUBLIC = ("public", "unlisted")


class MastodonReplies:
    """The replies to the writer's statuses on their own instance."""

    name = "mastodon"

    def __init__(self, net: MastodonNetwork, writer_names: tuple[str, ...]):
        assert net.api is not None
        self.net, self.api = net, net.api
        self.host = urlsplit(self.api.api_base_url).hostname or ""
        me = net.call("checking the account", lambda _: self.api.account_verify_credentials())
        self.me = str(me["id"])
        self.acct = f"{me['acct']}@{self.host}" if "@" not in me["acct"] else str(me["acct"])
        self.writer_names = (*writer_names, str(me.get("display_name") or ""), str(me["acct"]).split("@")[0])

    def thread(self, root: str) -> Fetched:
        """Every public reply under the status ``root``; a thread longer than one answer (the server
        caps its size and depth) is followed from each status whose replies were not all in it."""
        statuses: dict[str, Any] = {root: self._status(root)}
        expanded: set[str] = set()
        waiting, requests = [root], 1
        while waiting and requests < MAX_REQUESTS:
            current = waiting.pop(0)
            expanded.add(current)
            context = self.net.call("reading the replies", lambda _, c=current: self.api.status_context(c))
            requests += 1
            for status in context.get("descendants") or ():
                statuses[str(status["id"])] = status
            children = Counter(str(s.get("in_reply_to_id")) for s in statuses.values())
            waiting = [sid for sid, s in statuses.items() if sid not in expanded and int(s.get("replies_count") or 0) > children[sid]]
        fetched = Fetched(complete=not waiting and int(statuses[root].get("replies_count") or 0) <= len(statuses) - 1)
        for sid, status in statuses.items():
            if sid != root and status.get("visibility") in PUBLIC:
                fetched.found[f"mastodon:{sid}"] = self._found(status, root, statuses)
        return fetched

    def _status(self, status_id: str) -> Any:
        return self.net.call("reading the announcement", lambda _: self.api.status(status_id))

    def exists(self, reply_id: str) -> bool:
        """Whether the reply is still there (a deleted one is answered 404)."""

        def look(_: int) -> bool:
            try:
                self.api.status(reply_id.removeprefix("mastodon:"))
            except MastodonNotFoundError:
                return False
            return True

        return self.net.call("asking about a reply", look)

    def _found(self, status: Any, root: str, statuses: dict[str, Any]) -> Found:
        account = status.get("account") or {}
        acct = str(account.get("acct") or "")
        user, _, host = acct.partition("@")
        shown = handle(user, host or self.host)
        mentions = {str(m.get("url")): _full(str(m.get("acct") or ""), self.host) for m in status.get("mentions") or ()}
        parent_id = str(status.get("in_reply_to_id") or "")
        parent_acct = str(((statuses.get(parent_id) or {}).get("account") or {}).get("acct") or "")
        drop = {self.acct, _full(parent_acct, self.host)} if parent_acct else {self.acct}
        text, cut = clean(from_mastodon(str(status.get("content") or ""), mentions, drop))
        url = str(status.get("url") or status.get("uri") or "")
        if cut:
            text += f"\n\n(shortened: read it all at {url})" if WEB_ADDRESS.match(url) else ""
        name = one_line(account.get("display_name") or "")
        writer = str(account.get("id")) == self.me
        reply = Reply(
            id=f"mastodon:{status['id']}", network="mastodon", status=PENDING, published=iso(status.get("created_at")),
            author=Author(str(account.get("id") or acct), shown, name, _web(account.get("url")), writer=writer),
            url=_web(url), text=text, content_warning=one_line(status.get("spoiler_text") or "", 200),
            edited=iso(status.get("edited_at")), parent=f"mastodon:{parent_id}" if parent_id and parent_id != root else "",
        )  # fmt: skip
        return Found(reply, bool(status.get("favourited")), _web(account.get("avatar_static") or account.get("avatar")),
                     tuple(notes(name, shown, acct if host else f"{acct}@{self.host}", self.writer_names, writer)))  # fmt: skip


def _full(acct: str, host: str) -> str:
    return acct if "@" in acct or not acct else f"{acct}@{host}"


def _web(value: object) -> str:
    text = str(value or "")
    return text if WEB_ADDRESS.match(text) else ""
