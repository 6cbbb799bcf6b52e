"""`trialblog replies review` in the terminal, driven as a person would through click's prompts."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner
from test_replies_site import OPEN, WEEK_SIX, reply, write_thread

from trialblog.build import build
from trialblog.cli import main


def statuses(path: Path) -> dict[str, str]:
    return {r["id"]: r["status"] for r in yaml.safe_load(path.read_text())["replies"]}


def review(site: Path, answers: str, *options: str):
    return CliRunner().invoke(main, ["replies", "review", "--site", str(site), *options], input=answers)


def test_approve_hide_and_remove_for_good(small_site):
    path = write_thread(small_site, OPEN, reply(1, "Lovely.", "pending") + reply(2, "Meh.", "pending") + reply(3, "Please delete my reply.", "pending"))
    result = review(small_site, "a\nh\nr\n")
    assert result.exit_code == 0, result.output
    assert "Lovely." in result.output and "[a] approve" in result.output
    assert statuses(path) == {"mastodon:1": "approved", "mastodon:2": "hidden", "mastodon:3": "removed"}
    assert "Please delete my reply" not in path.read_text()  # hidden for good: its words are gone
    assert "1 approved, 1 hidden, 1 removed, 0 skipped" in result.output
    assert "nothing to review" in review(small_site, "").output


def test_a_held_reply_shows_its_finding_and_needs_a_reason(small_site):
    build(small_site, publish=True)  # what fetching needs first: which entries were written blinded
    path = write_thread(small_site, WEEK_SIX, reply(1, "You're definitely on the placebo.", "pending") + reply(2, "Call me on 07700 900123.", "pending"))
    result = review(small_site, "a\no\n\ns\n")
    assert "held back: content/replies/" in result.output and "blinding.arm-guess" in result.output
    assert "[a] approve" not in result.output.split("placebo")[1].split("\n\n")[0]  # not offered
    assert "Error: 'a' is not one of" in result.output  # refused, and asked again
    assert statuses(path) == {"mastodon:1": "pending", "mastodon:2": "pending"}
    result = review(small_site, "o\nmy own number, shared on purpose\nq\n")
    data = yaml.safe_load(path.read_text())["replies"]
    approved = next(r for r in data if r["id"] == "mastodon:1")
    assert approved["status"] == "approved" and approved["accepted"] == ["blinding.arm-guess"]
    assert approved["reason"] == "my own number, shared on purpose"


def test_trust_approves_this_and_later_clean_replies_of_the_account(small_site):
    path = write_thread(small_site, OPEN, reply(1, "First.", "pending") + reply(1 + 10, "Second.", "pending").replace("'11'", "'1'"))
    result = review(small_site, "t\n")
    assert result.exit_code == 0, result.output
    assert statuses(path) == {"mastodon:1": "approved", "mastodon:11": "approved"}
    accounts = yaml.safe_load((small_site / "content/replies/accounts.yaml").read_text())
    assert accounts["trusted"] == [{"network": "mastodon", "account": "1", "handle": "@user1@social.example"}]
    assert "approved (a trusted account)" in result.output


def test_block_removes_every_reply_of_the_account_for_good(small_site):
    first = write_thread(small_site, OPEN, reply(1, "Rude.", "pending") + reply(2, "Kind.", "pending"))
    second = write_thread(small_site, WEEK_SIX, reply(11, "Rude again.", "approved").replace("'11'", "'1'"))
    result = review(small_site, "b\nq\n")
    assert result.exit_code == 0, result.output
    assert statuses(first) == {"mastodon:1": "removed", "mastodon:2": "pending"}
    assert statuses(second) == {"mastodon:11": "removed"}
    accounts = yaml.safe_load((small_site / "content/replies/accounts.yaml").read_text())
    assert accounts["blocked"][0]["account"] == "1"


def test_all_reaches_approved_replies_to_remove_them(small_site):
    path = write_thread(small_site, OPEN, reply(1, "Shown for a while.", "approved"))
    assert "nothing to review" in review(small_site, "").output
    review(small_site, "r\n", "--all")
    assert statuses(path) == {"mastodon:1": "removed"}


def test_a_look_alike_name_is_pointed_out(small_site):
    write_thread(small_site, OPEN, reply(1, "It is me.", "pending", name="Tеster"))
    result = review(small_site, "s\n")
    assert "looks like yours" in result.output
