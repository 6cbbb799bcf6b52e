"""A reply as trialblog keeps it, and the thread of replies to one entry."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

PENDING, APPROVED, HIDDEN, REMOVED = "pending", "approved", "hidden", "removed"
#: ``removed`` is hidden for good: only the id is kept, so the reply is never fetched again.
STATUSES = (PENDING, APPROVED, HIDDEN, REMOVED)
NETWORK_NAMES = {"mastodon": "Mastodon", "bluesky": "Bluesky"}


@dataclass(frozen=True)
class Author:
    """Who wrote a reply: ``account`` is the network's lasting id (a Mastodon account id on the
    writer's instance, a Bluesky DID); ``handle`` is shown beside the name, always."""

    account: str
    handle: str
    name: str = ""
    url: str = ""
    avatar: str = ""  # a file in content/replies/avatars/, copied into the site
    writer: bool = False  # the writer's own account


@dataclass(frozen=True)
class Reply:
    """One reply on one network; ``parent`` is the reply it answers, when it answers a reply."""

    id: str
    network: str
    status: str
    published: str = ""
    author: Author | None = None
    url: str = ""
    text: str = ""
    content_warning: str = ""
    edited: str = ""
    parent: str = ""
    accepted: tuple[str, ...] = ()  # rules the writer approved it despite, with their reason
    reason: str = ""
    line: int = 0  # where the reply starts in its file, once read

    @property
    def account_key(self) -> tuple[str, str] | None:
        return (self.network, self.author.account) if self.author else None

    def removed(self) -> Reply:
        """The reply hidden for good: nothing but its id is kept."""
        return Reply(id=self.id, network=self.network, status=REMOVED, line=self.line)

    def with_status(self, status: str) -> Reply:
        return self.removed() if status == REMOVED else replace(self, status=status)


@dataclass
class Thread:
    """The replies to one entry: ``posts`` are the entry's announcements, by network (where readers reply)."""

    path: Path
    entry: str
    title: str = ""
    url: str = ""
    posts: dict[str, str] = field(default_factory=dict)
    replies: list[Reply] = field(default_factory=list)

    def get(self, reply_id: str) -> Reply | None:
        return next((r for r in self.replies if r.id == reply_id), None)

    def put(self, reply: Reply) -> None:
        """Add ``reply`` or replace the one with its id."""
        for index, known in enumerate(self.replies):
            if known.id == reply.id:
                self.replies[index] = reply
                return
        self.replies.append(reply)

    def drop(self, reply_id: str) -> None:
        self.replies = [r for r in self.replies if r.id != reply_id]

    @property
    def approved(self) -> list[Reply]:
        return [r for r in self.replies if r.status == APPROVED]
