"""`trialblog syndicate` end to end: a published build of a test site, announced on local Mastodon
and Bluesky servers through Mastodon.py and atproto."""

from __future__ import annotations

import json
import logging
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_syndicate_servers import (
    BLUESKY_PASSWORD,
    MASTODON_TOKEN,
    TID,
    Failure,
    FakeMastodon,
)

from trialblog.build import build
from trialblog.cli import main
from trialblog.syndicate import SyndicateError
from trialblog.syndicate.keys import idempotency_key, record_key
from trialblog.syndicate.retry import Backoff
from trialblog.syndicate.run import syndicate

SITE = "https://diary.example.org"
ENTRIES = {  # permanent id -> title, in date order
    "urn:uuid:11111111-1111-4111-8111-111111111111": "Thinking about it",
    "urn:uuid:22222222-2222-4222-8222-222222222222": "Randomized",
    "urn:uuid:33333333-3333-4333-8333-333333333333": "Week six",
    "urn:uuid:55555555-5555-4555-8555-555555555555": "Open label start",
    "urn:trialblog:entry:general-post-0001": "A general post",
    "urn:uuid:44444444-4444-4444-8444-444444444444": "Unblinded",
}
BLINDED_LINE = "please don't guess my arm"


@pytest.fixture
def site(small_site: Path) -> Path:
    """The small test site after `trialblog build --publish`."""
    build(small_site, publish=True)
    return small_site


class Runner:
    """Runs syndication in-process with instant, recorded backoff waits."""

    def __init__(self, site: Path, env: dict[str, str], timeout: float = 2.0):
        self.site, self.env, self.timeout = site, env, timeout
        self.output: list[str] = []
        self.waits: list[float] = []

    def __call__(self, **options):
        options.setdefault("limit", 10)
        options.setdefault("env", self.env)
        return syndicate(
            self.site,
            echo=self.output.append,
            backoff=Backoff(attempts=3, sleep=self.waits.append),
            timeout=self.timeout,
            **options,
        )

    @property
    def text(self) -> str:
        return "\n".join(self.output)


@pytest.fixture
def run(site, env) -> Runner:
    return Runner(site, env)


def state(site: Path) -> dict:
    return json.loads((site / ".trialblog/syndication.json").read_text())


def urls(mastodon: FakeMastodon) -> list[str]:
    """The entry link of every status on ``mastodon``."""
    return [re.search(rf"{SITE}/\S+", s["text"]).group(0) for s in mastodon.statuses]


def test_normal_run_announces_every_public_entry_once_on_each_network(
    run, site, mastodon_server, bluesky_server
):
    report = run()
    assert report.problems == []
    statuses = mastodon_server.statuses
    assert [s["text"].split("\n\n")[0] for s in statuses] == list(ENTRIES.values())  # oldest first
    assert all(s["visibility"] == "unlisted" and s["language"] == "en" for s in statuses)
    posted = mastodon_server.received["statuses"]
    assert [r.headers["Idempotency-Key"] for r in posted] == [idempotency_key(i) for i in ENTRIES]
    randomized = statuses[1]
    assert randomized["spoiler_text"] == "needles"
    assert randomized["text"] == (
        "Randomized\n\nBODY-RANDOMIZED\n\nhttps://diary.example.org/diary/2024/randomized/\n\n"
        "I'm blinded in this trial: please don't guess my arm."
    )
    assert BLINDED_LINE not in statuses[0]["text"]  # before randomization
    assert BLINDED_LINE not in statuses[-1]["text"]  # after unblinding

    records = bluesky_server.records
    assert sorted(records) == sorted(record_key(i) for i in ENTRIES)
    assert all(TID.match(k) for k in records)
    post = records[record_key("urn:uuid:22222222-2222-4222-8222-222222222222")]
    assert post["text"].startswith("CW: needles\n\nRandomized\n\ndiary.example.org/")  # no excerpt
    assert "BODY-RANDOMIZED" not in post["text"]
    assert post["text"].endswith(BLINDED_LINE + ".")
    facet = post["facets"][0]
    link = post["text"].encode()[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode()
    assert link == "diary.example.org/diary/2024/r..."  # shown short; the facet has the whole address
    assert facet["features"][0]["uri"] == post["embed"]["external"]["uri"] == f"{SITE}/diary/2024/randomized/"
    assert post["embed"]["external"]["description"] == "" and post["langs"] == ["en"]
    assert [label["val"] for label in post["labels"]["values"]] == ["graphic-media"]
    plain = records[record_key(next(iter(ENTRIES)))]
    assert "labels" not in plain and plain["embed"]["external"]["description"]

    saved = state(site)["networks"]
    for network in ("mastodon", "bluesky"):
        assert set(saved[network]) == set(ENTRIES)
        assert all(r["status"] == "posted" and r["remote_url"] for r in saved[network].values())
    assert saved["mastodon"][next(iter(ENTRIES))]["remote_url"].startswith(mastodon_server.url)
    assert "mastodon: posted 'Randomized'" in run.text


def test_second_run_posts_nothing(run, mastodon_server, bluesky_server):
    run()
    before = (len(mastodon_server.statuses), len(bluesky_server.records))
    run.output.clear()
    run()
    assert (len(mastodon_server.statuses), len(bluesky_server.records)) == before
    assert mastodon_server.count("statuses") == len(ENTRIES)
    assert "mastodon: nothing new to announce" in run.text and "bluesky: nothing new to announce" in run.text
    assert bluesky_server.logins == 1  # the saved session was reused


def _crash_on_first_post(site: Path, env: dict, network: str, fake) -> None:
    """Run the real command in a process that is killed once the server has stored the first post."""
    process: dict[str, subprocess.Popen] = {}
    endpoint = "statuses" if network == "mastodon" else "createRecord"
    fake.fail(endpoint, Failure(after_accept=lambda: os.kill(process["p"].pid, signal.SIGKILL)))
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TRIALBLOG_")}
    command = [sys.executable, "-m", "trialblog.cli", "syndicate", "--site", str(site), "--network", network,
               "--limit", "10"]  # fmt: skip
    process["p"] = subprocess.Popen(
        command, env={**clean, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    out, err = process["p"].communicate(timeout=120)
    assert process["p"].returncode == -signal.SIGKILL, (out, err)
    assert MASTODON_TOKEN.encode() not in out + err and BLUESKY_PASSWORD.encode() not in out + err


@pytest.mark.parametrize("network", ["mastodon", "bluesky"])
def test_crash_after_the_server_accepted_then_rerun_makes_no_duplicate(run, site, env, network, mastodon_server,
                                                                      bluesky_server):  # fmt: skip
    fake = mastodon_server if network == "mastodon" else bluesky_server
    _crash_on_first_post(site, env, network, fake)
    first = next(iter(ENTRIES))
    assert state(site)["networks"][network] == {first: state(site)["networks"][network][first]}
    assert state(site)["networks"][network][first]["status"] == "pending"
    stored = mastodon_server.statuses if network == "mastodon" else bluesky_server.records
    assert len(stored) == 1  # the server has it; the state does not know

    report = run(network=network)
    assert report.problems == []
    assert "was posted by an interrupted run" in run.text
    if network == "mastodon":
        assert len(mastodon_server.statuses) == len(ENTRIES)
        assert len(set(urls(mastodon_server))) == len(ENTRIES)
        assert mastodon_server.count("statuses") == len(ENTRIES)  # the first was not resent
    else:
        assert sorted(bluesky_server.records) == sorted(record_key(i) for i in ENTRIES)
        assert bluesky_server.count("createRecord") == len(ENTRIES)
    assert all(r["status"] == "posted" for r in state(site)["networks"][network].values())


def test_answer_lost_after_accept_is_recognised_on_retry(run, mastodon_server, bluesky_server):
    mastodon_server.fail("statuses", Failure(lose_answer=1.5))
    bluesky_server.fail("createRecord", Failure(lose_answer=1.5))
    run.timeout = 1.0  # the client gives up before the answer comes
    report = run()
    assert report.problems == []
    assert len(run.waits) == 2  # one retry per network
    assert len(mastodon_server.statuses) == len(ENTRIES)  # the retry carried the same Idempotency-Key
    keys = [r.headers["Idempotency-Key"] for r in mastodon_server.received["statuses"]]
    assert keys.count(idempotency_key(next(iter(ENTRIES)))) == 2 and len(set(keys)) == len(ENTRIES)
    assert len(bluesky_server.records) == len(ENTRIES)  # getRecord found the first try before any repeat
    assert len(bluesky_server.received["createRecord"]) == len(ENTRIES)


def test_rate_limit_then_success_honours_retry_after(run, mastodon_server, bluesky_server):
    mastodon_server.fail(
        "statuses", Failure(status=429, headers={"Retry-After": "7"}, body={"error": "Too many requests"})
    )
    bluesky_server.fail(
        "createRecord",
        Failure(status=429, headers={"ratelimit-limit": "5", "ratelimit-remaining": "0", "retry-after": "11"},
                body={"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}),
        Failure(status=503, headers={"Retry-After": "2"}, body={"error": "InternalServerError"}),
    )  # fmt: skip
    report = run()
    assert report.problems == []
    assert run.waits == [7.0, 11.0, 2.0]
    assert len(mastodon_server.statuses) == len(ENTRIES) and len(bluesky_server.records) == len(ENTRIES)


def test_rate_limit_reset_header_is_honoured(run, mastodon_server):
    mastodon_server.fail(
        "statuses", Failure(status=429, headers={"X-RateLimit-Reset": "2099-01-01T00:00:00Z"})
    )
    report = run(network="mastodon")
    assert len(report.problems) == 1 and "wait until 2099-01-01" in report.problems[0]
    assert run.waits == []  # far too long to wait in a run: stopped at once
    assert mastodon_server.statuses == []
    records = state(run.site)["networks"]["mastodon"]
    assert [r["status"] for r in records.values()] == ["pending"]  # asked about on the next run


def test_persistent_server_errors_stop_cleanly_and_the_next_run_finishes(
    run, site, mastodon_server, bluesky_server
):
    mastodon_server.fail("statuses", *[Failure(status=502, body={"error": "Bad gateway"})] * 3)
    report = run()
    assert len(report.problems) == 1 and "gave up after 3 attempts" in report.problems[0]
    assert run.waits[:2] == [2.0, 4.0]  # doubling backoff without a Retry-After
    assert mastodon_server.statuses == []
    assert len(bluesky_server.records) == len(ENTRIES)  # the other network went on
    saved = state(site)["networks"]
    assert [r["status"] for r in saved["mastodon"].values()] == ["pending"]

    run.output.clear()
    assert run().problems == []
    assert len(mastodon_server.statuses) == len(ENTRIES) and len(bluesky_server.records) == len(ENTRIES)
    assert bluesky_server.count("createRecord") == len(ENTRIES)


def test_network_down(run, site, env, bluesky_server):
    down = FakeMastodon()
    down.start()
    address = down.url
    down.stop()  # nothing listens there now
    report = run(env={**env, "TRIALBLOG_MASTODON_URL": address})
    assert len(report.problems) == 1 and "could not reach the server" in report.problems[0]
    assert len(bluesky_server.records) == len(ENTRIES)
    assert "pending" not in json.dumps(state(site)["networks"]["bluesky"])

    up = FakeMastodon()
    up.start()
    try:
        run.output.clear()
        assert run(env={**env, "TRIALBLOG_MASTODON_URL": up.url}).problems == []
        assert len(up.statuses) == len(ENTRIES) and len(set(urls(up))) == len(ENTRIES)
    finally:
        up.stop()
    assert len(bluesky_server.records) == len(ENTRIES)


def test_first_run_with_fifty_old_posts_stops_then_baseline(site, env, mastodon_server, bluesky_server):
    diary = site / "content/diary"
    for n in range(44):
        (diary / f"old-{n:02d}.md").write_text(
            f"Title: Old post {n}\nDate: 2023-02-{n % 28 + 1:02d}\nId: old-post-{n:04d}\nTrial: none\n\nOld.\n"
        )
    build(site, publish=True)
    runner = Runner(site, env)
    with pytest.raises(SyndicateError) as refused:
        runner(limit=3)
    message = str(refused.value)
    assert "50 posts would be announced on mastodon (the first run on this network)" in message
    assert "--baseline" in message and "--limit 50" in message
    assert mastodon_server.server.log == [] and bluesky_server.server.log == []  # nothing contacted
    assert not (site / ".trialblog/syndication.json").exists()

    runner(baseline=True)
    assert mastodon_server.server.log == [] and bluesky_server.server.log == []
    saved = state(site)["networks"]
    assert len(saved["mastodon"]) == len(saved["bluesky"]) == 50
    assert {r["status"] for r in saved["mastodon"].values()} == {"baseline"}

    (diary / "new.md").write_text(
        "Title: Brand new\nDate: 2024-08-01\nId: new-post-0001\nTrial: none\n\nNew!\n"
    )
    build(site, publish=True)
    assert runner(limit=3).problems == []
    assert [s["text"].split("\n\n")[0] for s in mastodon_server.statuses] == ["Brand new"]
    assert len(bluesky_server.records) == 1


def test_edited_post_is_never_reposted(run, site, mastodon_server, bluesky_server):
    run()
    entry = site / "content/diary/03-visit.md"
    text = entry.read_text().replace("Title: Week six", "Title: Week six, revisited\nSlug: renamed")
    entry.write_text(
        text.replace("Date: 2024-03-01", "Date: 2024-03-02").replace("BODY-VISIT", "Edited body")
    )
    build(site, publish=True)
    run()
    assert len(mastodon_server.statuses) == len(ENTRIES) and len(bluesky_server.records) == len(ENTRIES)


def test_syndicate_no_drafts_and_hidden_posts_are_never_announced(site, env, mastodon_server, bluesky_server):
    entry = site / "content/diary/05-open.md"
    entry.write_text(entry.read_text().replace("Milestone: dose", "Milestone: dose\nSyndicate: no"))
    build(site, publish=True)
    Runner(site, env)()
    sent = "\n".join(s["text"] for s in mastodon_server.statuses) + json.dumps(bluesky_server.records)
    assert "Open label start" not in sent
    for hidden in ("Secret draft", "Hidden post", "DRAFT-SENTINEL", "HIDDEN-SENTINEL"):
        assert hidden not in sent
    assert len(mastodon_server.statuses) == len(ENTRIES) - 1


def test_posts_with_check_errors_are_never_announced(site, env, mastodon_server, bluesky_server):
    (site / "content/diary/09-contact.md").write_text(
        "Title: Contact me\nDate: 2024-06-01\nId: contact-post-0001\nTrial: none\n\n"
        "Write to me at sam.private@gmail.com any time.\n"
    )
    build(site, publish=True, allow_errors=True)  # published regardless, but never announced
    assert Runner(site, env)().problems == []
    assert not any("Contact me" in s["text"] for s in mastodon_server.statuses)
    assert not any("Contact me" in r["text"] for r in bluesky_server.records.values())
    assert len(mastodon_server.statuses) == len(ENTRIES)


def test_refuses_without_a_published_build(small_site, env, mastodon_server):
    with pytest.raises(SyndicateError, match=r"published\.json is missing: run `trialblog build --publish`"):
        Runner(small_site, env)()
    build(small_site)  # a local build: relative URLs
    with pytest.raises(SyndicateError, match="not a published build"):
        Runner(small_site, env)()
    assert mastodon_server.server.log == []


def test_failed_build_leaves_the_manifest_alone(site):
    manifest = site / ".trialblog/published.json"
    before = manifest.read_bytes()
    data = json.loads(before)
    assert data["publish"] is True and data["siteurl"] == SITE
    assert [e["title"] for e in data["entries"]] == list(ENTRIES.values())
    entry = site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("Trial: blinded", "Trial: nope"))
    with pytest.raises(Exception):  # noqa: B017 (any build failure)
        build(site, publish=True)
    assert manifest.read_bytes() == before


def test_one_network_refusing_never_reposts_on_the_other(run, site, mastodon_server, bluesky_server):
    mastodon_server.fail("statuses", Failure(status=422, body={"error": "Validation failed"}))
    report = run()
    assert len(report.problems) == 1 and "refused by the server: 422 Validation failed" in report.problems[0]
    assert "mastodon" not in state(site)["networks"] or state(site)["networks"]["mastodon"] == {}
    assert len(bluesky_server.records) == len(ENTRIES)
    run()
    assert len(mastodon_server.statuses) == len(ENTRIES)
    assert bluesky_server.count("createRecord") == len(ENTRIES)


def test_bluesky_session_is_saved_private_and_reused(run, site, bluesky_server):
    bluesky_server.access_lifetime = 600  # within the client's 15-minute margin: every use refreshes
    run()
    session = site / ".trialblog/bluesky-session.json"
    assert stat.S_IMODE(session.stat().st_mode) == 0o600
    assert bluesky_server.logins == 1
    refreshes = bluesky_server.refreshes

    more = site / "content/diary/09-more.md"
    more.write_text("Title: More\nDate: 2024-08-01\nId: more-post-0001\nTrial: none\n\nMore.\n")
    build(site, publish=True)
    run(network="bluesky")
    assert bluesky_server.logins == 1 and bluesky_server.refreshes > refreshes  # refreshed, no new login
    assert state(site)["networks"]["bluesky"]["urn:trialblog:entry:more-post-0001"]["status"] == "posted"

    bluesky_server.revoke_sessions()  # the saved session no longer works at all: one fresh login
    more.write_text(more.read_text().replace("more-post-0001", "more-post-0002"))
    build(site, publish=True)
    assert run(network="bluesky").problems == []
    assert bluesky_server.logins == 2
    assert len(bluesky_server.records) == len(ENTRIES) + 2


def test_secrets_never_appear_in_output_logs_state_or_files(
    run, site, env, mastodon_server, bluesky_server, caplog
):
    caplog.set_level(logging.DEBUG)
    mastodon_server.fail(
        "statuses", Failure(status=422, body={"error": f"Validation failed for {MASTODON_TOKEN}"})
    )
    run()
    run()
    bad = Runner(site, {**env, "TRIALBLOG_MASTODON_TOKEN": MASTODON_TOKEN + "-wrong",
                        "TRIALBLOG_BLUESKY_APP_PASSWORD": BLUESKY_PASSWORD + "-wrong"})  # fmt: skip
    (site / ".trialblog/bluesky-session.json").unlink()
    (site / "content/diary/09-x.md").write_text(
        "Title: X\nDate: 2024-08-01\nId: x-post-0001\nTrial: none\n\nX\n"
    )
    build(site, publish=True)
    report = bad()
    assert len(report.problems) == 2
    cli = CliRunner().invoke(main, ["syndicate", "--site", str(site), "--dry-run"], env=env)
    tokens = set(bluesky_server.access) | bluesky_server.refresh
    captured = "\n".join([run.text, bad.text, caplog.text, cli.output, *report.problems])
    assert MASTODON_TOKEN not in captured and BLUESKY_PASSWORD not in captured
    assert "***" in run.text  # the server echoed the token; it was masked
    assert not any(t in captured for t in tokens)
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert MASTODON_TOKEN.encode() not in data and BLUESKY_PASSWORD.encode() not in data, path
    state_text = (site / ".trialblog/syndication.json").read_text()
    assert not any(t in state_text for t in tokens)


def test_dry_run_prints_exactly_what_would_be_sent_and_changes_nothing(
    run, site, mastodon_server, bluesky_server
):
    def snapshot() -> dict:
        return {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}

    before = snapshot()
    run(dry_run=True)
    assert snapshot() == before
    assert mastodon_server.statuses == [] and bluesky_server.records == {}
    assert mastodon_server.count("statuses") == 0
    assert bluesky_server.server.log == []
    text = run.text
    assert "mastodon: 6 to send" in text and "bluesky: 6 to send" in text
    assert f"Idempotency-Key: {idempotency_key('urn:uuid:22222222-2222-4222-8222-222222222222')}" in text
    assert "spoiler_text (content warning): needles" in text
    assert f"rkey: {record_key('urn:uuid:22222222-2222-4222-8222-222222222222')}" in text
    assert "  | CW: needles\n  |\n  | Randomized\n" in text
    assert "dry run: nothing was sent and nothing was changed" in text

    run.output.clear()
    run()
    sent = mastodon_server.statuses[1]["text"]
    assert "\n".join(f"  | {line}".rstrip() for line in sent.split("\n")) in text  # what was shown was sent


def test_visibility_and_recruiting_trials_from_the_site_settings(site, env, mastodon_server, bluesky_server):
    conf = site / "pelicanconf.py"
    conf.write_text(
        conf.read_text() + '\nSYNDICATE_VISIBILITY = "public"\nSYNDICATE_RECRUITING_TRIALS = True\n'
    )
    trial = site / "content/trials/open.yaml"
    trial.write_text(trial.read_text().replace("ACTIVE_NOT_RECRUITING", "RECRUITING"))
    build(site, publish=True)
    runner = Runner(site, env)
    runner()
    assert {s["visibility"] for s in mastodon_server.statuses} == {"public"}
    recruiting = [s for s in mastodon_server.statuses if s["text"].startswith("Now recruiting: OPEN-1")]
    assert len(recruiting) == 1
    assert "Lupus, Multiple sclerosis · Phase 2 · ISRCTN12345678" in recruiting[0]["text"]
    assert f"{SITE}/trials/open/" in recruiting[0]["text"]
    runner()
    assert len(mastodon_server.statuses) == len(ENTRIES) + 1


def test_command_line(site, env, mastodon_server, bluesky_server):
    cli = CliRunner()
    result = cli.invoke(main, ["syndicate", "--site", str(site)], env=env)
    assert result.exit_code == 1 and "more than --limit 3" in result.output
    result = cli.invoke(
        main, ["syndicate", "--site", str(site), "--baseline", "--network", "bluesky"], env=env
    )
    assert result.exit_code == 0 and "bluesky: marked 6 published posts" in result.output
    result = cli.invoke(main, ["syndicate", "--site", str(site), "--limit", "6"], env=env)
    assert result.exit_code == 0, result.output
    assert len(mastodon_server.statuses) == len(ENTRIES) and bluesky_server.records == {}
    result = cli.invoke(main, ["syndicate", "--site", str(site)], env={**env, "TRIALBLOG_MASTODON_TOKEN": ""})
    assert result.exit_code == 0 and "mastodon: not set up" in result.output
    assert "Traceback" not in result.output


def test_new_sites_ignore_the_session_but_keep_the_state(tmp_path):
    from trialblog.content.scaffold import init_site

    init_site(tmp_path / "blog", "Diary", "Me")
    ignored = (tmp_path / "blog/.gitignore").read_text().splitlines()
    assert "/.trialblog/bluesky-session.json" in ignored and "/.trialblog/published.json" in ignored
    assert not any("syndication.json" in line for line in ignored if not line.startswith("#"))


def test_the_command_says_each_network_as_a_step_and_ends_with_its_time(site, env, mastodon_server, bluesky_server):
    result = CliRunner().invoke(main, ["syndicate", "--quiet", "--limit", "6", "--site", str(site)], env=env)
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.endswith("…")] == ["mastodon: announcing…", "bluesky: announcing…"]
    assert re.search(r"\nannounced 12 posts in \d+\.\d s$", result.output.strip())


def test_on_a_terminal_the_posts_are_counted_on_one_line_and_each_post_said_below_it(site, env, mastodon_server, bluesky_server):
    from terminal import FakeTerminal, screen

    from trialblog.build.progress import Progress

    terminal = FakeTerminal()
    progress = Progress(terminal)
    report = syndicate(site, env=env, limit=6, backoff=Backoff(attempts=1), timeout=2, progress=progress,
                       echo=progress.above(lambda text: terminal.write(text + "\n")))  # fmt: skip
    progress.done()
    assert len(report.posted) == 12
    written = terminal.getvalue()
    assert "\rmastodon: announcing…" in written and "\rmastodon: announcing: 1 posts" in written
    shown = screen(written)
    assert len(shown) == 13 and all(line.startswith(("mastodon: posted", "bluesky: posted")) for line in shown[:-1])
