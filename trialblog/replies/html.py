"""A reply as a page shows it: its words as plain text made safe (links marked ``nofollow ugc``),
and who wrote it, with their handle always beside their name."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

import nh3
from markupsafe import Markup, escape

from .identity import passes_for
from .model import NETWORK_NAMES, Reply

LINK_REL = "nofollow ugc noopener noreferrer"
ADDRESS = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'’”»"


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags={"p", "br", "a"}, attributes={"a": {"href"}, "p": {"dir"}}, url_schemes={"http", "https"},
        link_rel=LINK_REL, strip_comments=True,
    )  # fmt: skip


def _linked(line: str) -> str:
    out, at = [], 0
    for match in ADDRESS.finditer(line):
        address = match.group().rstrip(TRAILING)
        end = match.start() + len(address)
        out += [str(escape(line[at : match.start()])), f'<a href="{escape(address)}">{escape(address)}</a>']
        at = end
    out.append(str(escape(line[at:])))
    return "".join(out)


def text_html(text: str) -> Markup:
    """Plain ``text`` as paragraphs (blank lines) and line breaks, its web addresses as links."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    html = "".join('<p dir="auto">' + "<br>".join(_linked(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    return Markup(_cleaner().clean(html))


@dataclass(frozen=True)
class ShownReply:
    """What a template needs of one approved reply."""

    id: str
    anchor: str
    network: str
    name: str  # '' when the name passes for the writer's: only the handle is shown
    handle: str
    profile: str
    avatar: str
    writer: bool
    time: str
    date: str
    url: str
    content_warning: str
    html: Markup
    answers: str  # the name or handle of the reply it answers, when shown too


def shown(
    replies: list[Reply], writer_names: tuple[str, ...], date_format: str, avatars: set[str] = frozenset()
) -> list[ShownReply]:
    """``replies`` (approved and checked) as a page shows them, oldest first; an avatar only when
    its picture is one of ``avatars``."""
    ordered = sorted(replies, key=lambda r: (r.published, r.id))
    anchors = {r.id: f"reply-{index}" for index, r in enumerate(ordered, 1)}
    names: dict[str, str] = {}
    out = []
    for reply in ordered:
        author = reply.author
        assert author is not None
        name = author.name if author.writer or not passes_for(author.name, writer_names) else ""
        names[reply.id] = name or author.handle
        when = _time(reply.published)
        out.append(
            ShownReply(
                id=reply.id, anchor=anchors[reply.id], network=NETWORK_NAMES.get(reply.network, reply.network),
                name=name, handle=author.handle, profile=author.url, avatar=author.avatar if author.avatar in avatars else "", writer=author.writer,
                time=reply.published, date=when.strftime(date_format) if when else reply.published, url=reply.url,
                content_warning=reply.content_warning, html=text_html(reply.text), answers=names.get(reply.parent, ""),
            )  # fmt: skip
        )
    return out


def _time(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
