"""One `trialblog replies fetch` run: the replies to every announced entry, merged into the stored ones.

A new reply waits for the writer (``pending``) unless it passes every check and comes from an
account the writer trusts, or the writer favourited or liked it (with REPLIES_APPROVE_BY_FAVOURITE).
A reply edited upstream is updated, and waits again if it had been approved; a reply deleted
upstream is dropped; a reply hidden for good is never taken back. Each file is saved after its entry.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from ..build import load_settings
from ..build.progress import Progress
from ..checks.runner import site_context
from ..content.errors import ContentErrors, display_path
from ..content.site import TRIAL_SUFFIXES, TRIALS_DIR, content_files, load_trials
from ..pipeline.settings import SettingsError, build_date, check
from ..syndicate import NetworkStopped
from ..syndicate.credentials import NETWORKS, bluesky_account, configured, mastodon_account
from ..syndicate.files import run_lock
from ..syndicate.manifest import read_manifest
from ..syndicate.redaction import Redactor, redacted_logs
from ..syndicate.retry import Backoff
from ..syndicate.run import masked_errors
from ..syndicate.state import POSTED, State
from ..syndicate.text import Style
from . import RepliesError, settings_specs
from .avatars import fetch as fetch_avatar
from .checking import check_reply, unaccepted
from .found import Fetched, Found
from .model import APPROVED, HIDDEN, PENDING, REMOVED, Reply, Thread
from .store import AVATARS, Accounts, folder, save_thread, threads_of

LOCK = ".trialblog/replies.lock"


class Source(Protocol):
    name: str

    def thread(self, root: str) -> Fetched: ...

    def exists(self, reply_id: str) -> bool: ...


@dataclass
class Report:
    """What a run changed, and what stopped a network."""

    new: int = 0
    updated: int = 0
    deleted: int = 0
    approved: int = 0
    waiting: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class Moderation:
    """What decides whether a reply is published without the writer's review."""

    accounts: Accounts
    approve_by_like: bool
    check: Callable[[Reply, Thread], list[Any]]

    def automatic(self, found: Found, thread: Thread) -> bool:
        """Passes every check, says it is nobody it is not, and comes from a trusted account (or the
        writer's own), or the writer favourited or liked it."""
        reply = found.reply
        trusted = reply.account_key in self.accounts.trusted or bool(reply.author and reply.author.writer)
        if found.notes or not (trusted or (self.approve_by_like and found.liked)):
            return False
        return not self.check(reply, thread)


def fetch(
    site_dir: Path,
    network: str | None = None,
    env: Mapping[str, str] | None = None,
    echo: Callable[[str], None] = print,
    backoff: Backoff | None = None,
    timeout: float = 30.0,
    progress: Progress | None = None,
) -> Report:
    """Fetch the replies of the site in ``site_dir``; see the module's description. Each network is
    a phase of ``progress``, its entries counted as they are fetched."""
    site_dir = site_dir.resolve()
    env = os.environ if env is None else env
    settings = load_settings(site_dir)
    try:
        check(settings, "replies", settings_specs())
    except SettingsError as exc:
        raise RepliesError(str(exc)) from None
    if settings.get("REPLIES") is False:
        raise RepliesError("replies are turned off for this site (REPLIES = False in pelicanconf.py)")
    redact = Redactor.from_env(env)
    report = Report()
    with redacted_logs(redact), masked_errors(redact), run_lock(site_dir, LOCK, "trialblog replies fetch"):
        run = _Run.start(site_dir, settings, env, backoff or Backoff(), timeout, redact, echo, report,
                         progress or Progress(silent=True))  # fmt: skip
        for name in _networks(network, env):
            try:
                run.network(name)
            except NetworkStopped as stopped:
                message = redact(str(stopped))
                report.problems.append(message)
                run.say(f"{name}: stopped: {message}")
    return report


def _networks(network: str | None, env: Mapping[str, str]) -> tuple[str, ...]:
    if network:
        if network not in NETWORKS:
            raise RepliesError(f"unknown network {network!r}: use one of {', '.join(NETWORKS)}")
        return (network,)
    ready = configured(env)
    if not ready:
        raise RepliesError("no network is set up: set the variables for Mastodon and/or Bluesky (see docs/syndication.md)")
    return ready


@dataclass
class _Run:
    site_dir: Path
    content: Path
    settings: dict[str, Any]
    env: Mapping[str, str]
    backoff: Backoff
    timeout: float
    redact: Redactor
    echo: Callable[[str], None]
    report: Report
    entries: dict[str, dict]
    state: State
    threads: dict[str, Thread]
    moderation: Moderation
    progress: Progress

    @classmethod
    def start(cls, site_dir: Path, settings: dict[str, Any], env: Mapping[str, str], backoff: Backoff, timeout: float,
              redact: Redactor, echo: Callable[[str], None], report: Report, progress: Progress) -> _Run:  # fmt: skip
        """Everything read before the first request: a problem in any file stops here."""
        content = Path(settings["PATH"])
        manifest = read_manifest(site_dir)
        entries = {str(e["id"]): e for e in manifest.entries if e.get("replies", True)}
        site = load_trials(content_files(content / TRIALS_DIR, TRIAL_SUFFIXES), site_dir)
        if site.errors:
            raise ContentErrors(site.errors)
        context, today = site_context(site, settings), build_date(settings)
        accounts = Accounts.load(content, site_dir)

        def checked(reply: Reply, thread: Thread) -> list[Any]:
            entry = entries.get(thread.entry) or {}
            trial = site.trials.get(str(entry.get("trial") or ""))
            shown = display_path(thread.path, site_dir)
            return unaccepted(check_reply(reply, shown, [], context, trial, today, bool(entry.get("blinded"))), reply)

        moderation = Moderation(accounts, bool(settings.get("REPLIES_APPROVE_BY_FAVOURITE")), checked)
        return cls(site_dir, content, settings, env, backoff, timeout, redact, echo, report, entries,
                   State.load(site_dir), threads_of(content, site_dir, entries), moderation, progress)  # fmt: skip

    def say(self, text: str) -> None:
        self.echo(self.redact(text))

    def source(self, name: str) -> Source:
        names = tuple(str(self.settings.get(k) or "") for k in ("AUTHOR", "SITENAME"))
        if name == "mastodon":
            from ..syndicate.mastodon import MastodonNetwork
            from .mastodon import MastodonReplies

            net = MastodonNetwork(mastodon_account(self.env), Style(), self.backoff, self.timeout)
            return MastodonReplies(net, names)
        from ..syndicate.bluesky import BlueskyNetwork
        from .bluesky import BlueskyReplies

        account = bluesky_account(self.env)
        net = BlueskyNetwork(account, Style(), self.site_dir, self.backoff, self.timeout, self.redact)
        return BlueskyReplies(net, names)

    def network(self, name: str) -> None:
        """Fetch every announced entry's replies on ``name``, saving each entry's file as it goes."""
        records = {pid: r for pid, r in self.state.records(name).items() if r.status == POSTED and r.remote_id}
        todo = [pid for pid in sorted(records) if pid in self.entries]
        if not todo:
            self.say(f"{name}: no announced entry to fetch replies for")
            return
        self.progress.phase(f"{name}: fetching replies")
        source = self.source(name)
        avatars = self.settings.get("REPLIES_AVATARS", True) is not False
        server = urlsplit(self.env.get("TRIALBLOG_MASTODON_URL" if name == "mastodon" else "TRIALBLOG_BLUESKY_SERVICE", "")).hostname
        for pid in todo:
            entry, record = self.entries[pid], records[pid]
            thread = self.threads[pid]
            thread.title, thread.url = str(entry.get("title") or ""), str(entry.get("url") or "")
            thread.posts[name] = record.remote_url
            fetched = source.thread(record.remote_id)
            if avatars:
                fetched.found = {k: _with_avatar(f, self.content, server or "") for k, f in fetched.found.items()}
            counts = merge(thread, name, fetched, source.exists, self.moderation)
            save_thread(thread)
            self._tell(name, thread, counts)
            self.progress.count("entries")

    def _tell(self, name: str, thread: Thread, counts: dict[str, int]) -> None:
        for key, value in counts.items():
            setattr(self.report, key, getattr(self.report, key) + value)
        said = ", ".join(f"{v} {k}" for k, v in counts.items() if v)
        if said:
            self.say(f"{name}: '{thread.title}': {said}")


def _with_avatar(found: Found, content: Path, server: str) -> Found:
    author = found.reply.author
    if author is None or not found.avatar_url:
        return found
    name = fetch_avatar(found.avatar_url, folder(content) / AVATARS, server)
    return replace(found, reply=replace(found.reply, author=replace(author, avatar=name)))


def merge(thread: Thread, network: str, fetched: Fetched, exists: Callable[[str], bool], moderation: Moderation) -> dict[str, int]:
    """Bring ``thread``'s replies on ``network`` up to date with what the network answered."""
    counts = {"new": 0, "updated": 0, "deleted": 0, "approved": 0, "waiting": 0}
    for reply_id, found in fetched.found.items():
        known = thread.get(reply_id)
        if known is not None and known.status == REMOVED:
            continue  # hidden for good
        reply = found.reply
        if reply.account_key in moderation.accounts.blocked:
            thread.put(reply.removed())
            continue
        automatic = moderation.automatic(found, thread)
        edited = known is not None and (known.text, known.content_warning) != (reply.text, reply.content_warning)
        counts["new"] += known is None
        counts["updated"] += edited
        if known is not None and known.status == HIDDEN:
            status = HIDDEN  # the writer's choice stands, whatever the author changes
        elif automatic or (known is not None and known.status == APPROVED and not edited):
            status = APPROVED
        else:
            status = PENDING  # new, or edited since it was approved: the writer reads it again
        if known is not None and not edited:
            reply = replace(reply, accepted=known.accepted, reason=known.reason)
        counts["approved"] += status == APPROVED and (known is None or known.status != APPROVED)
        thread.put(replace(reply, status=status, line=0))
    for reply_id in fetched.blocked:
        known = thread.get(reply_id)
        if known is not None and known.status != REMOVED:
            thread.put(known.removed())  # its author blocked the writer: never shown again
    for known in [r for r in thread.replies if r.network == network and r.status != REMOVED]:
        if known.id in fetched.found or known.id in fetched.blocked:
            continue
        if fetched.complete or not exists(known.id):
            thread.drop(known.id)
            counts["deleted"] += 1
    counts["waiting"] = sum(1 for r in thread.replies if r.network == network and r.status == PENDING)
    return counts
