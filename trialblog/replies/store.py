"""Replies on disk: ``content/replies/<entry>.yaml``, one reviewable file per entry, and the
accounts the writer trusts or blocked in ``content/replies/accounts.yaml``.

Files are read strictly (a mistake is a content error with its file and line) and written
atomically, in a stable order, so a fetch that finds nothing new changes no byte.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content.errors import ContentError, ContentErrors, display_path
from ..content.fields import FieldReader
from ..content.sources import read_text
from ..content.yamlsource import load_yaml
from ..files import write_atomic
from .model import STATUSES, Author, Reply, Thread

FOLDER = "replies"  # under the content folder
AVATARS = "avatars"
ACCOUNTS = "accounts.yaml"
NETWORKS = ("mastodon", "bluesky")
AVATAR_NAME = re.compile(r"^[0-9a-f]{64}\.png$")
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
HEAD = "# Replies to {title!r}: only those with `status: approved` are published. See docs/replies.md.\n"
ACCOUNTS_HEAD = "# Accounts whose replies are approved when they pass the checks (trusted), or never kept (blocked).\n"
REPLY_FIELDS = ("id", "network", "status", "published", "edited", "author", "url", "parent", "content_warning", "accepted", "reason", "text")
AUTHOR_FIELDS = ("account", "handle", "name", "url", "avatar", "writer")


def folder(content: Path) -> Path:
    return content / FOLDER


def file_name(entry_id: str) -> str:
    """A file name for the entry's replies: its id made safe, with a digest when that changed it."""
    plain = entry_id.removeprefix("urn:uuid:")
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-.")[:80] or "entry"
    if safe != plain:
        safe += "-" + hashlib.sha256(entry_id.encode()).hexdigest()[:8]
    return f"{safe}.yaml"


# Reading


def load_thread(path: Path, root: Path) -> Thread:
    """The thread in ``path``; ContentErrors naming every problem with its line."""
    shown = display_path(path, root)
    text = read_text(path, shown)
    data = load_yaml(text, shown)
    errors: list[ContentError] = []
    fields = FieldReader(data, shown, errors)
    fields.reject_unknown(("entry", "title", "url", "posts", "replies"))
    entry = fields.text("entry", required=True) or ""
    posts = {}
    for network, address in (fields.data.get("posts") or {}).items() if isinstance(fields.data.get("posts"), dict) else ():
        if network in NETWORKS and isinstance(address, str) and WEB_ADDRESS.match(address):
            posts[network] = address
        else:
            fields.sub("posts").error(network, "is not a network and a web address", "write `mastodon: https://...`")
    thread = Thread(path, entry, fields.text("title") or "", _address(fields, "url"), posts)
    seen: set[str] = set()
    for item in fields.mappings("replies"):
        reply = _reply(item)
        if reply is None:
            continue
        if reply.id in seen:
            item.error("id", f"the reply {reply.id!r} is listed twice", "keep one of the two")
            continue
        seen.add(reply.id)
        thread.replies.append(reply)
    if errors:
        raise ContentErrors(errors)
    return thread


def _reply(fields: FieldReader) -> Reply | None:
    fields.reject_unknown(REPLY_FIELDS)
    reply_id, network = fields.text("id", required=True), fields.text("network", required=True)
    status = fields.text("status", required=True)
    if network is not None and network not in NETWORKS:
        fields.error("network", f"{network!r} is not a network", f"use one of: {', '.join(NETWORKS)}")
    if status is not None and status not in STATUSES:
        fields.error("status", f"{status!r} is not a status", f"use one of: {', '.join(STATUSES)}")
    author = _author(fields.sub("author")) if fields.data.get("author") is not None else None
    text = fields.data.get("text", "")
    if not isinstance(text, str):
        fields.error("text", "should be text", "write it as a block: `text: |` and the text indented below")
        text = ""
    if reply_id is None or network not in NETWORKS or status not in STATUSES:
        return None
    if status != "removed" and author is None:
        fields.error("author", "is required", "keep the reply as fetched, or set `status: removed`")
        return None
    return Reply(
        id=reply_id, network=network, status=status, published=_time(fields, "published"), author=author,
        url=_address(fields, "url"), text=text.strip("\n"), content_warning=fields.text("content_warning") or "",
        edited=_time(fields, "edited"), parent=fields.text("parent") or "", accepted=tuple(fields.text_list("accepted")),
        reason=fields.text("reason") or "", line=fields.line() or 0,
    )  # fmt: skip


def _author(fields: FieldReader) -> Author | None:
    fields.reject_unknown(AUTHOR_FIELDS)
    account, handle = fields.text("account", required=True), fields.text("handle", required=True)
    avatar = fields.text("avatar") or ""
    if avatar and not AVATAR_NAME.match(avatar):
        fields.error("avatar", f"{avatar!r} is not a picture trialblog fetched", "remove the line")
        avatar = ""
    if account is None or handle is None:
        return None
    return Author(account, handle, fields.text("name") or "", _address(fields, "url"), avatar, bool(fields.flag("writer")))


def _address(fields: FieldReader, key: str) -> str:
    value = fields.text(key) or ""
    if value and not WEB_ADDRESS.match(value):
        fields.error(key, f"{value[:60]!r} is not a web address", "write an address starting with https://")
        return ""
    return value


def _time(fields: FieldReader, key: str) -> str:
    value = fields.data.get(key)
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        value = value.isoformat().replace("+00:00", "Z")
    return str(value)


def load_threads(content: Path, root: Path) -> tuple[dict[str, Thread], list[ContentError]]:
    """Every thread under ``content/replies/`` by entry id, and the problems of those that did not load."""
    threads: dict[str, Thread] = {}
    errors: list[ContentError] = []
    base = folder(content)
    if not base.is_dir():
        return threads, errors
    for path in sorted(base.glob("*.yaml")):
        if path.name == ACCOUNTS:
            continue
        try:
            thread = load_thread(path, root)
        except ContentErrors as exc:
            errors += exc.errors
            continue
        except ContentError as exc:
            errors.append(exc)
            continue
        if thread.entry in threads:
            errors.append(
                ContentError(display_path(path, root), 1, "entry", f"the replies of {thread.entry!r} are also in "
                             f"{display_path(threads[thread.entry].path, root)}", "keep one file per entry")
            )  # fmt: skip
            continue
        threads[thread.entry] = thread
    return threads, errors


# Writing


class _Dumper(yaml.SafeDumper):
    """Text over several lines as a block (``|``), readable and diffable; keys as given."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100_000, default_flow_style=False)


def reply_data(reply: Reply) -> dict[str, Any]:
    data: dict[str, Any] = {"id": reply.id, "network": reply.network, "status": reply.status}
    if reply.author is None:
        return data
    a = reply.author
    author = {"account": a.account, "handle": a.handle, "name": a.name, "url": a.url, "avatar": a.avatar}
    data["published"] = reply.published
    if reply.edited:
        data["edited"] = reply.edited
    data["author"] = {k: v for k, v in author.items() if v} | ({"writer": True} if a.writer else {})
    data["url"] = reply.url
    if reply.parent:
        data["parent"] = reply.parent
    if reply.content_warning:
        data["content_warning"] = reply.content_warning
    if reply.accepted:
        data["accepted"] = list(reply.accepted)
        data["reason"] = reply.reason
    data["text"] = reply.text
    return {k: v for k, v in data.items() if v != ""}


def save_thread(thread: Thread) -> None:
    """Write ``thread``, replies oldest first (removed ones, which have no time, by id)."""
    replies = sorted(thread.replies, key=lambda r: (r.published or "", r.id))
    data = {"entry": thread.entry, "title": thread.title, "url": thread.url, "posts": dict(sorted(thread.posts.items())),
            "replies": [reply_data(r) for r in replies]}  # fmt: skip
    write_atomic(thread.path, HEAD.format(title=thread.title) + dump(data))


# Accounts


@dataclass
class Accounts:
    """The writer's decisions about accounts: (network, account) -> the handle it had."""

    path: Path
    trusted: dict[tuple[str, str], str] = field(default_factory=dict)
    blocked: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls, content: Path, root: Path) -> Accounts:
        path = folder(content) / ACCOUNTS
        accounts = cls(path)
        if not path.is_file():
            return accounts
        shown = display_path(path, root)
        errors: list[ContentError] = []
        fields = FieldReader(load_yaml(read_text(path, shown), shown), shown, errors)
        fields.reject_unknown(("trusted", "blocked"))
        for key, found in (("trusted", accounts.trusted), ("blocked", accounts.blocked)):
            for item in fields.mappings(key):
                item.reject_unknown(("network", "account", "handle"))
                network, account = item.text("network", required=True), item.text("account", required=True)
                if network not in NETWORKS:
                    item.error("network", f"{network!r} is not a network", f"use one of: {', '.join(NETWORKS)}")
                elif account:
                    found[(network, account)] = item.text("handle") or ""
        if errors:
            raise ContentErrors(errors)
        return accounts

    def save(self) -> None:
        def listed(found: dict[tuple[str, str], str]) -> list[dict[str, str]]:
            return [{"network": n, "account": a, "handle": h} for (n, a), h in sorted(found.items())]

        write_atomic(self.path, ACCOUNTS_HEAD + dump({"trusted": listed(self.trusted), "blocked": listed(self.blocked)}))


def threads_of(content: Path, root: Path, entries: Iterable[str]) -> dict[str, Thread]:
    """The stored thread of each of ``entries`` (a new, empty one when there is none); a file that
    does not load stops with its errors, before anything is fetched."""
    threads, errors = load_threads(content, root)
    if errors:
        raise ContentErrors(errors)
    for entry in entries:
        threads.setdefault(entry, Thread(folder(content) / file_name(entry), entry))
    return threads
