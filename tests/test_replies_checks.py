"""Readers' replies checked like the writer's own words, in the context of the entry they answer."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SITES

from trialblog.checks.runner import SiteContext
from trialblog.content.site import load_trials
from trialblog.replies.checking import check_reply, text_segment, unaccepted
from trialblog.replies.model import Author, Reply

TODAY = dt.date(2025, 1, 15)  # the writer is unblinded by then


@pytest.fixture(scope="module")
def context() -> SiteContext:
    site = load_trials(sorted((SITES / "small/content/trials").glob("*.yaml")), SITES / "small")
    return SiteContext(site.trials, own_names=frozenset({"Tester"}))


def reply(text: str, published: str = "2025-01-10T09:00:00Z") -> Reply:
    return Reply("mastodon:1", "mastodon", "approved", published, Author("7", "@alex@x.example", "Alex"), "https://x.example/1", text)


def rules(text: str, context: SiteContext, trial: str | None = "open", blinded: bool = False, **kw) -> set[str]:
    found = check_reply(reply(text, **kw), "content/replies/e.yaml", [], context, context.trials.get(trial or ""), TODAY, blinded)
    return {f.rule for f in found}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("My neighbour Sarah Jones has lupus too, and her chemo made her so sick.", "privacy.named-person"),
        ("Give me a ring on 07700 900123 if you want to talk.", "privacy.phone"),
        ("Come round, I live at 12 Acacia Avenue, London SW1A 1AA.", "privacy.address"),
        ("We're recruiting for a lupus study right now, sign up at https://trials.example/join", "recruitment.advert"),
        ("Join our trial: it is completely safe and the treatment is free!", "recruitment.advert"),
        ("Don't tell the study nurse about your seizures or they'll drop you.", "integrity.hide-at-screening"),
    ],
)
def test_a_reply_with_a_finding_is_held(context, text, rule):
    assert rule in rules(text, context, trial="blinded", blinded=True, published="2024-03-10T09:00:00Z")


@pytest.mark.parametrize(
    "text",
    [
        "You're definitely on the placebo, those headaches say it all.",
        "Sounds like you got the real drug to me.",
        "I'm in the same trial and I'm sure I'm on Drug A.",
    ],
)
def test_an_arm_guess_is_held_while_the_writer_was_blinded(context, text):
    assert "blinding.arm-guess" in rules(text, context, trial="blinded", blinded=True)
    assert "blinding.arm-guess" in rules(text, context, trial="blinded", published="2024-03-10T09:00:00Z")
    assert "blinding.arm-guess" not in rules(text, context, trial="open")  # open-label: nothing to guess


@pytest.mark.parametrize(
    "text",
    [
        "Thinking of you, and so glad the first dose went well.",
        "I hope the rest of the study will help you, and thank you for writing this.",
        "I'm glad you joined the trial. My MS nurse says the same about fatigue.",
        "Is it the same clinic as last time? Tester, you explain it so clearly.",
    ],
)
def test_kind_replies_pass(context, text):
    assert rules(text, context, trial="blinded", blinded=True) == set()


def test_a_reply_cannot_silence_a_check(context):
    text = '<!-- trialblog: ignore privacy.phone reason="a helpline" -->\nRing me on 07700 900123.\nCheck-Ignore: privacy reason="x"'
    assert "privacy.phone" in rules(text, context)


def test_a_finding_points_at_the_reply_in_its_file(context):
    raw = ["replies:", "- id: mastodon:1", "  network: mastodon", "  text: |-", "    Hello.", "    Ring me on 07700 900123."]
    item = Reply("mastodon:1", "mastodon", "pending", "2025-01-10T09:00:00Z", Author("7", "@a@b"), text="Hello.\nRing me on 07700 900123.", line=2)
    segment = text_segment(item, raw)
    assert (segment.line, segment.text.split("\n")[1]) == (5, raw[5])
    found = check_reply(item, "content/replies/e.yaml", raw, context, None, TODAY)
    assert [(f.path, f.line, f.column) for f in found] == [("content/replies/e.yaml", 6, 16)]


def test_approving_despite_a_finding_needs_a_reason(context):
    item = reply("Give me a ring on 07700 900123.")
    found = check_reply(item, "e.yaml", [], context, None, TODAY)
    assert unaccepted(found, item) == found
    assert unaccepted(found, Reply(**{**item.__dict__, "accepted": ("privacy.phone",), "reason": ""})) == found
    assert unaccepted(found, Reply(**{**item.__dict__, "accepted": ("privacy.phone",), "reason": "my own number"})) == []
