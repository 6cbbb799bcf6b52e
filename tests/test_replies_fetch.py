"""`trialblog replies fetch` against local Mastodon and Bluesky stand-ins: new, edited and deleted
replies, long threads, rate limits, blocks, favourites, and hostile replies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from reply_servers import ThreadedBluesky, ThreadedMastodon, png
from test_syndicate_run import Runner
from test_syndicate_servers import Failure

from trialblog.build import build
from trialblog.build.progress import Progress
from trialblog.cli import main
from trialblog.replies import RepliesError
from trialblog.replies.fetch import fetch
from trialblog.replies.store import file_name
from trialblog.syndicate.retry import Backoff

WEEK_SIX = "urn:uuid:33333333-3333-4333-8333-333333333333"  # written while blinded
OPEN = "urn:uuid:55555555-5555-4555-8555-555555555555"  # an open-label trial


@pytest.fixture
def mastodon(mastodon_server) -> ThreadedMastodon:
    return mastodon_server


@pytest.fixture
def bluesky(bluesky_server) -> ThreadedBluesky:
    return bluesky_server


@pytest.fixture
def site(small_site: Path, env) -> Path:
    """The small site, published and announced on both stand-ins."""
    build(small_site, publish=True)
    Runner(small_site, env)()
    return small_site


class Fetcher:
    def __init__(self, site: Path, env: dict[str, str]):
        self.site, self.env = site, env
        self.output: list[str] = []
        self.waits: list[float] = []

    def __call__(self, **options):
        return fetch(self.site, env=self.env, echo=self.output.append,
                     backoff=Backoff(attempts=3, sleep=self.waits.append), timeout=5, **options)  # fmt: skip


@pytest.fixture
def run(site, env) -> Fetcher:
    return Fetcher(site, env)


def posted(site: Path, network: str, entry: str) -> str:
    """The id of ``entry``'s announcement on ``network``."""
    state = json.loads((site / ".trialblog/syndication.json").read_text())
    return state["networks"][network][entry]["remote_id"]


def stored(site: Path, entry: str) -> dict:
    return yaml.safe_load((site / "content/replies" / file_name(entry)).read_text())


def by_id(site: Path, entry: str) -> dict[str, dict]:
    return {r["id"]: r for r in stored(site, entry)["replies"]}


def test_replies_from_both_networks_are_stored_waiting_for_the_writer(run, site, mastodon, bluesky):
    alex = mastodon.person("alex", "Alex", avatar="alex.png")
    mastodon.pictures["alex.png"] = png()
    root = posted(site, "mastodon", OPEN)
    first = mastodon.reply(root, alex, '<p><span class="h-card"><a href="https://127.0.0.1/@diary" class="u-url mention">@<span>diary</span></a></span> Good luck with the next dose!</p>',
                           mentions=[{"url": "https://127.0.0.1/@diary", "acct": "diary"}])  # fmt: skip
    mastodon.reply(first, mastodon.person("kim", "Kim"), "<p>Same here, fingers crossed.</p>")
    robin = bluesky.person("robin", "Robin")
    bluesky.reply(posted(site, "bluesky", OPEN), robin, "Thinking of you today.")
    report = run()
    data = stored(site, OPEN)
    assert data["entry"] == OPEN and data["title"] == "Open label start"
    assert set(data["posts"]) == {"mastodon", "bluesky"}
    replies = {r["author"]["handle"]: r for r in data["replies"]}
    assert replies["@alex@elsewhere.example"]["text"] == "Good luck with the next dose!"  # the mention of the writer left out
    assert replies["@kim@elsewhere.example"]["parent"] == f"mastodon:{first}"
    assert replies["@robin.bsky.example"]["url"].startswith("https://bsky.app/profile/did:plc:")
    assert {r["status"] for r in replies.values()} == {"pending"}
    avatar = replies["@alex@elsewhere.example"]["author"]["avatar"]
    assert (site / "content/replies/avatars" / avatar).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (report.new, report.waiting) == (3, 3)
    files = sorted(p.name for p in (site / "content/replies").glob("*.yaml"))
    assert file_name(WEEK_SIX) in files  # every announced entry, with where readers reply
    before = {p: p.read_bytes() for p in (site / "content/replies").glob("*.yaml")}
    run()
    assert {p: p.read_bytes() for p in before} == before  # nothing new: not a byte changed


def test_edits_update_and_deletions_remove_at_the_next_fetch(run, site, mastodon):
    root = posted(site, "mastodon", OPEN)
    kept = mastodon.reply(root, mastodon.person("alex", "Alex"), "<p>First words.</p>")
    gone = mastodon.reply(root, mastodon.person("kim", "Kim"), "<p>Soon deleted.</p>")
    run()
    path = site / "content/replies" / file_name(OPEN)
    path.write_text(path.read_text().replace("status: pending", "status: approved"))
    mastodon.edit(kept, "<p>Second words.</p>")
    del mastodon.replies[gone]
    report = run()
    replies = by_id(site, OPEN)
    assert f"mastodon:{gone}" not in replies and report.deleted == 1
    edited = replies[f"mastodon:{kept}"]
    assert edited["text"] == "Second words." and edited["edited"] and report.updated == 1
    assert edited["status"] == "pending"  # approved words changed: read again before they are shown


def test_bluesky_edits_update_and_deletions_remove_at_the_next_fetch(run, site, bluesky):
    root = posted(site, "bluesky", OPEN)
    kept = bluesky.reply(root, bluesky.person("alex", "Alex"), "First words.")
    gone = bluesky.reply(root, bluesky.person("kim", "Kim"), "Soon deleted.")
    answered = bluesky.reply(gone, bluesky.person("sam", "Sam"), "An answer to it.")
    run()
    assert set(by_id(site, OPEN)) == {f"bluesky:{kept}", f"bluesky:{gone}", f"bluesky:{answered}"}
    path = site / "content/replies" / file_name(OPEN)
    path.write_text(path.read_text().replace("status: pending", "status: approved"))
    bluesky.edit(kept, "Second words.")
    del bluesky.posts[answered]  # deleted by its author
    report = run()
    replies = by_id(site, OPEN)
    assert f"bluesky:{answered}" not in replies and report.deleted == 1
    assert "An answer to it." not in path.read_text()
    edited = replies[f"bluesky:{kept}"]
    assert edited["text"] == "Second words." and report.updated == 1
    assert edited["status"] == "pending"  # approved words changed: read again before they are shown
    assert replies[f"bluesky:{gone}"]["status"] == "approved"  # untouched
    del bluesky.posts[gone]
    report = run()
    assert f"bluesky:{gone}" not in by_id(site, OPEN) and report.deleted == 1


def test_a_long_thread_is_followed_past_the_servers_limits(run, site, mastodon, bluesky):
    mastodon.context_limit = 5
    parent = posted(site, "mastodon", OPEN)
    for n in range(12):  # a chain twelve deep, and a few side branches
        parent = mastodon.reply(parent, mastodon.person(f"p{n}"), f"<p>Reply number {n}.</p>")
        if n % 4 == 0:
            mastodon.reply(parent, mastodon.person(f"side{n}"), f"<p>Aside {n}.</p>")
    bluesky.max_depth = 3
    uri = posted(site, "bluesky", OPEN)
    for n in range(10):
        uri = bluesky.reply(uri, bluesky.person(f"b{n}"), f"Deep reply {n}")
    run()
    texts = {r["text"] for r in by_id(site, OPEN).values()}
    assert {f"Reply number {n}." for n in range(12)} | {"Aside 0.", "Aside 4.", "Aside 8."} <= texts
    assert {f"Deep reply {n}" for n in range(10)} <= texts
    assert mastodon.count("context") > 1 and bluesky.count("getPostThread") > 1


def test_a_rate_limit_is_waited_out_as_the_server_asks(run, site, mastodon, bluesky):
    mastodon.reply(posted(site, "mastodon", OPEN), mastodon.person("alex"), "<p>Hello.</p>")
    mastodon.fail("context", Failure(status=429, headers={"Retry-After": "7"}))
    bluesky.fail("getPostThread", Failure(status=429, headers={"Retry-After": "3"}))
    report = run()
    assert 7.0 in run.waits and 3.0 in run.waits and not report.problems
    assert any(r["text"] == "Hello." for r in by_id(site, OPEN).values())


def test_a_rate_limit_longer_than_a_run_stops_that_network_only(run, site, mastodon, bluesky):
    mastodon.fail("context", Failure(status=429, headers={"Retry-After": "86400"}))
    bluesky.reply(posted(site, "bluesky", OPEN), bluesky.person("robin"), "Still here.")
    report = run()
    assert len(report.problems) == 1 and any(line.startswith("mastodon: stopped") for line in run.output)
    assert run.waits == []  # a wait of a day is not waited: the next run carries on
    assert any(r["text"] == "Still here." for r in by_id(site, OPEN).values())


def test_never_kept_direct_or_followers_only_replies(run, site, mastodon):
    root = posted(site, "mastodon", OPEN)
    mastodon.reply(root, mastodon.person("dm"), "<p>A private message about my diagnosis.</p>", visibility="direct")
    mastodon.reply(root, mastodon.person("fo"), "<p>Followers only.</p>", visibility="private")
    run()
    assert by_id(site, OPEN) == {}


def test_trusted_and_favourited_replies_are_approved_only_when_clean(run, site, mastodon, bluesky):
    root = posted(site, "mastodon", OPEN)
    friend = mastodon.person("friend", "Friend")
    accounts = site / "content/replies/accounts.yaml"
    accounts.parent.mkdir(parents=True, exist_ok=True)
    accounts.write_text(f"trusted:\n- network: mastodon\n  account: '{friend['id']}'\n  handle: '@friend@elsewhere.example'\n")
    with open(site / "pelicanconf.py", "a") as conf:
        conf.write("\nREPLIES_APPROVE_BY_FAVOURITE = True\n")
    clean = mastodon.reply(root, friend, "<p>So glad the dose went well.</p>")
    phone = mastodon.reply(root, friend, "<p>Call me on 07700 900123 any time.</p>")
    liked = mastodon.reply(root, mastodon.person("stranger"), "<p>Lovely to read.</p>", favourited=True)
    unliked = mastodon.reply(root, mastodon.person("other"), "<p>Hello there.</p>")
    post = posted(site, "bluesky", OPEN)
    sky_liked = bluesky.reply(post, bluesky.person("robin", "Robin"), "Thinking of you today.", liked=True)
    sky_phone = bluesky.reply(post, bluesky.person("lee", "Lee"), "Ring me on 07700 900456 tonight.", liked=True)
    sky_unliked = bluesky.reply(post, bluesky.person("jo", "Jo"), "Hello from Bluesky.")
    run()
    replies = by_id(site, OPEN)
    assert replies[f"mastodon:{clean}"]["status"] == "approved"
    assert replies[f"mastodon:{phone}"]["status"] == "pending"  # a phone number: never automatic
    assert replies[f"mastodon:{liked}"]["status"] == "approved"
    assert replies[f"mastodon:{unliked}"]["status"] == "pending"
    assert replies[f"bluesky:{sky_liked}"]["status"] == "approved"  # liked on Bluesky
    assert replies[f"bluesky:{sky_phone}"]["status"] == "pending"  # liked, but a phone number
    assert replies[f"bluesky:{sky_unliked}"]["status"] == "pending"


def test_a_like_approves_nothing_unless_the_site_says_so(run, site, mastodon, bluesky):
    liked = mastodon.reply(posted(site, "mastodon", OPEN), mastodon.person("stranger"), "<p>Lovely.</p>", favourited=True)
    sky = bluesky.reply(posted(site, "bluesky", OPEN), bluesky.person("robin"), "Thinking of you.", liked=True)
    run()
    replies = by_id(site, OPEN)
    assert replies[f"mastodon:{liked}"]["status"] == replies[f"bluesky:{sky}"]["status"] == "pending"


def test_content_warnings_are_kept_and_fold_the_reply_on_the_page(run, site, mastodon, bluesky):
    toot = mastodon.reply(posted(site, "mastodon", OPEN), mastodon.person("alex", "Alex"),
                          "<p>Mine took four tubes too.</p>", spoiler="needles")  # fmt: skip
    post = posted(site, "bluesky", OPEN)
    labelled = bluesky.reply(post, bluesky.person("robin", "Robin"), "A photo of my bruise.", labels=["graphic-media"])
    plain = bluesky.reply(post, bluesky.person("jo", "Jo"), "Good luck today.")
    run()
    replies = by_id(site, OPEN)
    assert replies[f"mastodon:{toot}"]["content_warning"] == "needles"
    assert replies[f"bluesky:{labelled}"]["content_warning"] == "graphic media"  # the author's self-label
    assert "content_warning" not in replies[f"bluesky:{plain}"]
    path = site / "content/replies" / file_name(OPEN)
    path.write_text(path.read_text().replace("status: pending", "status: approved"))
    build(site)
    page = (site / "output/diary/2024/open-label-start/index.html").read_text()
    folded = re.findall(r'<details class="reply-cw"><summary>Content warning: ([^<]*)</summary>(.*?)</details>', page, re.S)
    assert sorted((warning, "four tubes" in body or "bruise" in body) for warning, body in folded) == [
        ("graphic media", True), ("needles", True)]  # fmt: skip
    assert "Good luck today." in page and page.count("<details") == 2


def test_posts_their_authors_keep_from_logged_out_readers_are_not_kept(run, site, bluesky):
    post = posted(site, "bluesky", OPEN)
    private = bluesky.reply(post, bluesky.person("quiet", labels=["!no-unauthenticated"]), "Only for people logged in.")
    shown = bluesky.reply(post, bluesky.person("open"), "For anyone.")
    run()
    assert set(by_id(site, OPEN)) == {f"bluesky:{shown}"} and f"bluesky:{private}" not in by_id(site, OPEN)
    assert "logged in" not in (site / "content/replies" / file_name(OPEN)).read_text()


def test_replies_of_a_blocked_account_and_blocked_posts_are_removed_for_good(run, site, mastodon, bluesky):
    troll = mastodon.person("troll")
    accounts = site / "content/replies/accounts.yaml"
    accounts.parent.mkdir(parents=True, exist_ok=True)
    accounts.write_text(f"blocked:\n- network: mastodon\n  account: '{troll['id']}'\n")
    mastodon.reply(posted(site, "mastodon", OPEN), troll, "<p>Unkind words.</p>")
    robin = bluesky.person("robin", "Robin")
    uri = bluesky.reply(posted(site, "bluesky", OPEN), robin, "Kind words.")
    run()
    assert by_id(site, OPEN)[f"bluesky:{uri}"]["text"] == "Kind words."
    bluesky.blocking.add(robin["did"])  # the author blocks the writer
    run()
    replies = by_id(site, OPEN)
    assert replies[f"bluesky:{uri}"] == {"id": f"bluesky:{uri}", "network": "bluesky", "status": "removed"}
    assert [r for r in replies.values() if r["network"] == "mastodon"] == [
        {"id": r["id"], "network": "mastodon", "status": "removed"} for r in replies.values() if r["network"] == "mastodon"
    ]
    assert "Unkind" not in (site / "content/replies" / file_name(OPEN)).read_text()
    bluesky.blocking.clear()
    run()
    assert by_id(site, OPEN)[f"bluesky:{uri}"]["status"] == "removed"  # for good


def test_a_hostile_reply_is_kept_as_plain_bounded_text(run, site, mastodon, bluesky):
    root = posted(site, "mastodon", OPEN)
    huge = "<p>" + "spam " * 20000 + "</p>"
    script = '<p>Hi<script>alert(1)</script><img src=x onerror=alert(2)> \u202eevil\u202c \x1b[31mred</p>'
    zalgo = "<p>Z" + "\u0336" * 500 + "algo</p>"
    mastodon.reply(root, mastodon.person("huge"), huge)
    mastodon.reply(root, mastodon.person("sam", "Ѕаm R."), script)  # Cyrillic letters
    mastodon.reply(root, mastodon.person("sam", "Tester", host="exаmple.social"), zalgo)  # a look-alike domain
    bluesky.reply(posted(site, "bluesky", OPEN), bluesky.person("mimic", "T\u0435ster"), "I am the writer.")
    run()
    text = (site / "content/replies" / file_name(OPEN)).read_text()
    assert "<script" not in text and "alert(1)" not in text and "\x1b" not in text and "\u202e" not in text
    replies = list(by_id(site, OPEN).values())
    longest = max(len(r["text"]) for r in replies)
    assert longest < 3200 and any("shortened: read it all at" in r["text"] for r in replies)
    assert all(r["text"].count("\u0336") <= 3 for r in replies)
    handles = {r["author"]["handle"] for r in replies}
    assert "@sam@xn--exmple-4nf.social" in handles  # shown as a browser shows a look-alike domain
    assert all(r["status"] == "pending" for r in replies)


def test_turned_off_sites_and_entries_fetch_nothing(run, site, mastodon):
    with open(site / "pelicanconf.py", "a") as conf:
        conf.write("\nREPLIES = False\n")
    with pytest.raises(RepliesError, match="REPLIES = False"):
        run()


def test_an_entry_with_replies_off_is_not_fetched(run, site, mastodon):
    entry = site / "content/diary/05-open.md"
    entry.write_text(entry.read_text().replace("Milestone: dose", "Milestone: dose\nReplies: off"))
    build(site, publish=True)
    mastodon.reply(posted(site, "mastodon", OPEN), mastodon.person("alex"), "<p>Hello.</p>")
    run()
    assert not (site / "content/replies" / file_name(OPEN)).exists()


def test_settings_are_checked_before_anything_is_fetched(run, site, mastodon):
    with open(site / "pelicanconf.py", "a") as conf:
        conf.write('\nREPLIES_APPROVE_BY_FAVOURITE = "yes"\n')
    with pytest.raises(RepliesError, match="replies: REPLIES_APPROVE_BY_FAVOURITE = 'yes' cannot be used"):
        run()
    assert mastodon.count("context") == 0


def test_the_command_says_each_network_as_a_step_and_ends_with_its_time(site, env):
    result = CliRunner().invoke(main, ["replies", "fetch", "--quiet", "--site", str(site)], env=env)
    assert result.exit_code == 0, result.output
    steps = [line for line in result.output.splitlines() if line.endswith("…")]
    assert steps == ["mastodon: fetching replies…", "bluesky: fetching replies…"]
    assert re.search(r"waiting for `trialblog replies review`; fetched in \d+\.\d s$", result.output.strip())


def test_on_a_terminal_the_entries_are_counted_on_one_line(site, env):
    from terminal import FakeTerminal, screen

    terminal = FakeTerminal()
    progress = Progress(terminal)
    fetch(site, env=env, echo=progress.above(lambda text: terminal.write(text + "\n")), timeout=5, progress=progress)
    progress.done()
    assert re.search(r"\rmastodon: fetching replies: \d+ entries", terminal.getvalue())
    assert screen(terminal.getvalue()) == [""]  # nothing new to say: the progress line is gone
