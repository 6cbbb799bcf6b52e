"""One `trialblog syndicate` run: announce each new public post once per network.

Per network: resolve posts left pending by an interrupted run (by asking the network), then post
each new one, saving the state before the request (pending) and after it (posted). A network that
stops (rate limit, outage, refusal) stops alone; the others go on, and nothing is ever reposted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from trialblog.build import load_settings
from trialblog.build.progress import Progress

from . import NetworkStopped, Rejected, SyndicateError
from .candidates import announcements, site_choices
from .credentials import (
    MASTODON_URL,
    NEEDS,
    NETWORKS,
    bluesky_account,
    configured,
    mastodon_account,
)
from .files import run_lock
from .manifest import read_manifest
from .network import Network
from .redaction import Redactor, redacted_logs
from .retry import Backoff
from .state import BASELINE, PENDING, POSTED, Record, State, now
from .text import Announcement, Style, TooLong

DEFAULT_LIMIT = 3


@dataclass
class Report:
    """What a run did: posts made or found, and the problems that stopped a network or skipped a post."""

    posted: list[tuple[str, str, str]] = field(default_factory=list)  # network, title, remote url
    problems: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """One network's work: posts never seen, and posts an interrupted run left pending."""

    new: list[Announcement]
    pending: list[tuple[Announcement, Record]]
    first_run: bool


def syndicate(
    site_dir: Path,
    network: str | None = None,
    dry_run: bool = False,
    baseline: bool = False,
    limit: int = DEFAULT_LIMIT,
    env: Mapping[str, str] | None = None,
    echo: Callable[[str], None] = print,
    backoff: Backoff | None = None,
    timeout: float = 30.0,
    progress: Progress | None = None,
) -> Report:
    """Run syndication for the site in ``site_dir``; see the module docstring. Each network is a
    phase of ``progress``, its posts counted as they are sent."""
    site_dir = site_dir.resolve()
    env = os.environ if env is None else env
    settings = load_settings(site_dir, publish=True)
    choices = site_choices(settings)
    manifest = read_manifest(site_dir)
    items = announcements(manifest, choices)
    run = Run(site_dir, env, choices.style, dry_run, backoff or Backoff(attempts=1 if dry_run else 4),
              timeout, Redactor.from_env(env), echo, progress or Progress(silent=True))  # fmt: skip
    with redacted_logs(run.redact), masked_errors(run.redact):
        names = run.networks(network, baseline)
        if dry_run:
            run.work(State.load(site_dir), names, items, limit, baseline)
            run.say("dry run: nothing was sent and nothing was changed")
        else:
            with run_lock(site_dir):
                run.work(State.load(site_dir), names, items, limit, baseline)
    run.report.problems = [run.redact(problem) for problem in run.report.problems]
    return run.report


@contextmanager
def masked_errors(redact: Redactor) -> Iterator[None]:
    """Let no error leave the run with a secret in its message (a library's may quote a server)."""
    try:
        yield
    except SyndicateError as exc:
        raise type(exc)(redact(str(exc))) from None
    except Exception as exc:  # noqa: BLE001 - its traceback could print a secret: a message instead
        raise SyndicateError(redact(f"stopped by an unexpected {type(exc).__name__}: {exc}")) from None


@dataclass
class Run:
    """What one run needs throughout: where, which accounts, how to wait, how to speak."""

    site_dir: Path
    env: Mapping[str, str]
    style: Style
    dry_run: bool
    backoff: Backoff
    timeout: float
    redact: Redactor
    echo: Callable[[str], None]
    progress: Progress
    report: Report = field(default_factory=Report)

    def say(self, text: str) -> None:
        self.echo(self.redact(text))

    def networks(self, network: str | None, baseline: bool) -> tuple[str, ...]:
        """The networks this run is for: the one asked for, or every one set up."""
        if network:
            if network not in NETWORKS:
                raise SyndicateError(f"unknown network {network!r}: use one of {', '.join(NETWORKS)}")
            return (network,)
        if baseline:
            return NETWORKS
        ready = configured(self.env)
        if not self.dry_run:
            for name in NETWORKS:
                if name not in ready:
                    self.say(f"{name}: not set up ({' and '.join(NEEDS[name])}), skipped")
        if ready:
            return ready
        if self.dry_run:
            return NETWORKS
        raise SyndicateError(
            "no network is set up: set the environment variables for Mastodon and/or Bluesky "
            "(see docs/syndication.md)"
        )

    def network(self, name: str) -> Network:
        """The adapter for ``name``; without an account in a dry run (it only renders)."""
        if name == "mastodon":
            from .mastodon import MastodonNetwork

            url = (self.env.get(MASTODON_URL) or "").strip() or None
            account = None if self.dry_run else mastodon_account(self.env)
            return MastodonNetwork(account, self.style, self.backoff, self.timeout, instance_url=url)
        from .bluesky import BlueskyNetwork

        account = None if self.dry_run else bluesky_account(self.env)
        return BlueskyNetwork(account, self.style, self.site_dir, self.backoff, self.timeout, self.redact)

    def work(
        self, state: State, names: Sequence[str], items: list[Announcement], limit: int, baseline: bool
    ) -> None:
        if baseline:
            mark_baseline(state, names, items, self.dry_run, self.say)
            return
        plans = {name: plan(state, name, items) for name in names}
        check_limit(plans, limit)
        for name in names:
            work = plans[name]
            if not work.new and not work.pending:
                self.say(f"{name}: nothing new to announce")
                continue
            net = self.network(name)
            self.progress.phase(f"{name}: {'previewing' if self.dry_run else 'announcing'}")
            try:
                if self.dry_run:
                    preview(net, work, self.say)
                else:
                    announce(net, work, state, self.say, self.report, self.progress.count)
            except NetworkStopped as stopped:
                message = self.redact(str(stopped))
                self.report.problems.append(message)
                self.say(f"{name}: stopped: {message}")


def plan(state: State, network: str, items: list[Announcement]) -> Plan:
    records = state.records(network)
    new = [item for item in items if item.id not in records]
    pending = [
        (item, records[item.id])
        for item in items
        if item.id in records and records[item.id].status == PENDING
    ]
    return Plan(new=new, pending=pending, first_run=not records)


def check_limit(plans: dict[str, Plan], limit: int) -> None:
    """Refuse a run that would flood followers; explain how to go on. Nothing is sent."""
    over = {name: p for name, p in plans.items() if len(p.new) > limit}
    if not over:
        return
    lines = []
    for name, work in over.items():
        first = " (the first run on this network)" if work.first_run else ""
        lines.append(f"{len(work.new)} posts would be announced on {name}{first}, more than --limit {limit}")
    most = max(len(p.new) for p in over.values())
    lines += [
        "nothing was sent. To go on:",
        "  trialblog syndicate --baseline      marks everything already published as announced, without "
        "posting (the usual first step)",
        f"  trialblog syndicate --limit {most}     announces them all",
        "  trialblog syndicate --dry-run --limit N   shows what would be sent",
    ]
    raise SyndicateError("\n".join(lines))


def mark_baseline(
    state: State, names: Sequence[str], items: list[Announcement], dry_run: bool, say: Callable[[str], None]
) -> None:
    """Mark every post not yet known as already announced, without posting anything."""
    for name in names:
        known = state.records(name)
        marks = {i.id: Record(status=BASELINE, title=i.title, url=i.url) for i in items if i.id not in known}
        if dry_run:
            say(f"{name}: would mark {len(marks)} published posts as already announced (nothing is posted)")
            continue
        if marks:
            state.put_all(name, marks)
        say(f"{name}: marked {len(marks)} published posts as already announced; nothing was posted")


def preview(net: Network, work: Plan, say: Callable[[str], None]) -> None:
    """Print exactly what a real run would send; change nothing."""
    waiting = {item.id for item, _ in work.pending}
    sending = [item for item, _ in work.pending] + work.new
    rendered = []
    for item in sending:
        try:
            rendered.append((item, net.render(item), ""))
        except TooLong as exc:
            rendered.append((item, None, str(exc)))
    note = getattr(net, "note", "")
    say(f"{net.name}: {len(sending)} to send" + (f" ({note})" if note else ""))
    for item, outgoing, problem in rendered:
        say(f"- {item.title}  <{item.url}>")
        if item.id in waiting:
            say(
                f"  interrupted earlier: a real run first asks {net.name} whether it arrived, and sends only if not"
            )
        if outgoing is None:
            say(f"  cannot be announced: {problem}")
            continue
        for line in net.describe(outgoing):
            say(f"  {line}")
        for line in outgoing.text.split("\n"):
            say(f"  | {line}".rstrip())


def announce(
    net: Network,
    work: Plan,
    state: State,
    say: Callable[[str], None],
    report: Report,
    count: Callable[[str], None] = lambda _what: None,
) -> None:
    """Resolve interrupted posts by asking the network, then post each new one, saving after each
    (and ``count``-ing it)."""
    net.connect()
    sending: list[Announcement] = []
    for item, record in work.pending:
        remote = net.find(item, record)
        if remote is None:
            sending.append(item)
            continue
        state.put(net.name, item.id, replace(record, status=POSTED, remote_id=remote.id, remote_url=remote.url,
                                             updated=now()))  # fmt: skip
        report.posted.append((net.name, item.title, remote.url))
        say(f"{net.name}: '{item.title}' was posted by an interrupted run: {remote.url}")
    sending += work.new
    for item in sorted(sending, key=lambda i: (i.date, i.id)):
        try:
            outgoing = net.render(item)
        except TooLong as exc:
            message = f"{net.name}: '{item.title}' cannot be announced: {exc}; shorten its content warning"
            report.problems.append(message)
            say(message)
            continue
        state.put(
            net.name, item.id, Record(status=PENDING, title=item.title, url=item.url, key=net.key(outgoing))
        )
        try:
            remote = net.send(outgoing)
        except Rejected:
            state.forget(net.name, item.id)  # refused outright: certainly not published
            raise
        state.put(net.name, item.id, Record(status=POSTED, title=item.title, url=item.url, key=net.key(outgoing),
                                            remote_id=remote.id, remote_url=remote.url))  # fmt: skip
        report.posted.append((net.name, item.title, remote.url))
        say(f"{net.name}: posted '{item.title}': {remote.url}")
        count("posts")
