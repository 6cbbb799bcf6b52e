"""`trialblog replies review`: the writer reads each new reply and decides, in the terminal.

Approve, hide (for now), trust the account (approve this reply and, from then on, every reply of
theirs that passes the checks), remove for good (its words are deleted and it is never fetched
again), or block the account (every reply of theirs removed for good, now and later). A reply with
a finding can only be approved with a reason, which is written beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..build import load_settings
from ..checks.report import text_line
from ..checks.runner import site_context
from ..content.errors import ContentErrors, display_path
from ..content.site import TRIAL_SUFFIXES, TRIALS_DIR, content_files, load_trials
from ..pipeline.settings import build_date
from ..syndicate import SyndicateError
from ..syndicate.manifest import read_manifest
from .checking import check_reply, source_lines, unaccepted
from .identity import notes
from .model import APPROVED, HIDDEN, NETWORK_NAMES, PENDING, REMOVED, Reply, Thread
from .store import Accounts, load_threads, save_thread
from .text import clean, one_line

CHOICES = {
    "a": "approve", "h": "hide", "t": "trust this account", "r": "remove for good",
    "b": "block this account", "o": "approve anyway, with a reason", "s": "skip", "q": "quit",
}  # fmt: skip
CLEAN = ("a", "h", "t", "r", "b", "s", "q")
HELD = ("h", "r", "b", "o", "s", "q")


@dataclass
class Tally:
    approved: int = 0
    hidden: int = 0
    removed: int = 0
    skipped: int = 0


Ask = Callable[[str, tuple[str, ...]], str]


def review(site_dir: Path, ask: Ask, ask_text: Callable[[str], str], say: Callable[[str], None], everything: bool = False) -> Tally:
    """Walk the replies waiting for the writer (with ``everything``, the approved and hidden ones too)."""
    site_dir = site_dir.resolve()
    settings = load_settings(site_dir)
    content = Path(settings["PATH"])
    threads, errors = load_threads(content, site_dir)
    site = load_trials(content_files(content / TRIALS_DIR, TRIAL_SUFFIXES), site_dir)
    if errors or site.errors:
        raise ContentErrors(errors + site.errors)
    try:
        entries = {str(e["id"]): e for e in read_manifest(site_dir).entries}
    except SyndicateError:
        entries = {}
    walk = _Walk(Accounts.load(content, site_dir), ask, ask_text, say, Tally(),
                 tuple(str(settings.get(k) or "") for k in ("AUTHOR", "SITENAME")))  # fmt: skip
    context, today = site_context(site, settings), build_date(settings)
    wanted = (PENDING, APPROVED, HIDDEN) if everything else (PENDING,)
    for thread in sorted(threads.values(), key=lambda t: (t.title.lower(), t.entry)):
        entry = entries.get(thread.entry) or {}
        trial, blinded = site.trials.get(str(entry.get("trial") or "")), bool(entry.get("blinded"))
        lines = source_lines(thread.path)
        shown = display_path(thread.path, site_dir)

        def findings(reply: Reply, lines: list[str] = lines, shown: str = shown, trial: Any = trial, blinded: bool = blinded) -> list:
            return unaccepted(check_reply(reply, shown, lines, context, trial, today, blinded), reply)

        for reply in sorted((r for r in thread.replies if r.status in wanted), key=lambda r: (r.published, r.id)):
            if walk.stopped:
                return walk.tally
            current = thread.get(reply.id)
            if current is not None and current.status in wanted:
                walk.decide(threads, thread, current, findings(current))
    if not any(r.status in wanted for t in threads.values() for r in t.replies):
        say("nothing to review: every reply has been read")
    return walk.tally


@dataclass
class _Walk:
    accounts: Accounts
    ask: Ask
    ask_text: Callable[[str], str]
    say: Callable[[str], None]
    tally: Tally
    writer_names: tuple[str, ...]
    stopped: bool = False

    def decide(self, threads: dict[str, Thread], thread: Thread, reply: Reply, found: list) -> None:
        author = reply.author
        assert author is not None
        flags = notes(author.name, author.handle, author.handle, self.writer_names, author.writer)
        if reply.status == PENDING and reply.account_key in self.accounts.trusted and not found and not flags:
            self._set(thread, reply, APPROVED)
            self.say(f"approved (a trusted account): {author.handle} on '{thread.title}'")
            return
        self._show(thread, reply, found, flags)
        choices = HELD if found else CLEAN
        choice = self.ask("  " + "  ".join(f"[{c}] {CHOICES[c]}" for c in choices), choices)
        if choice == "q":
            self.stopped = True
        elif choice == "s":
            self.tally.skipped += 1
        elif choice in ("a", "t"):
            self._set(thread, reply, APPROVED)
            if choice == "t":
                self.accounts.trusted[reply.account_key] = author.handle
                self.accounts.save()
        elif choice == "o":
            reason = " ".join(self.ask_text("  why is it fine to publish? ").split())
            if reason:
                self._set(thread, replace(reply, accepted=tuple(sorted({f.rule for f in found})), reason=reason), APPROVED)
            else:
                self.tally.skipped += 1
        elif choice == "h":
            self._set(thread, reply, HIDDEN)
        elif choice == "r":
            self._set(thread, reply, REMOVED)
        elif choice == "b":
            self.accounts.blocked[reply.account_key] = author.handle
            self.accounts.trusted.pop(reply.account_key, None)
            self.accounts.save()
            for other in threads.values():
                for theirs in [r for r in other.replies if r.account_key == reply.account_key]:
                    self._set(other, theirs, REMOVED)

    def _set(self, thread: Thread, reply: Reply, status: str) -> None:
        thread.put(reply.with_status(status))
        save_thread(thread)
        counted = {APPROVED: "approved", HIDDEN: "hidden", REMOVED: "removed"}[status]
        setattr(self.tally, counted, getattr(self.tally, counted) + 1)

    def _show(self, thread: Thread, reply: Reply, found: list, flags: list[str]) -> None:
        author = reply.author
        assert author is not None
        name = one_line(author.name)
        self.say("")
        self.say(f"'{one_line(thread.title)}': a reply on {NETWORK_NAMES.get(reply.network, reply.network)} ({reply.status})")
        self.say(f"  from {name + ' ' if name else ''}{one_line(author.handle)}{' (you)' if author.writer else ''}, {reply.published}"
                 + (f", edited {reply.edited}" if reply.edited else ""))  # fmt: skip
        if reply.content_warning:
            self.say(f"  content warning: {one_line(reply.content_warning, 200)}")
        for line in clean(reply.text)[0].split("\n"):
            self.say(f"  | {line}")
        self.say(f"  {one_line(reply.url, 300)}")
        for flag in flags:
            self.say(f"  note: {flag}")
        for finding in found:
            self.say("  held back: " + text_line(finding).replace("\n", "\n  "))
