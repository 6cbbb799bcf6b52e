"""Announcement text, counted as each network counts it; keys; waits; the state file."""

from __future__ import annotations

import json

import pytest

from trialblog.syndicate import NetworkStopped, SyndicateError
from trialblog.syndicate.keys import TID, idempotency_key, record_key
from trialblog.syndicate.retry import Backoff, Retryable, server_wait
from trialblog.syndicate.state import PENDING, POSTED, Record, State
from trialblog.syndicate.text import (
    Announcement,
    MastodonLimits,
    Style,
    bluesky_post,
    graphemes,
    mastodon_length,
    mastodon_post,
    self_labels,
    short_link,
)

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # one grapheme, 7 code points, 25 bytes
FLAG = "\U0001f1ec\U0001f1e7"
URL = "https://diary.example.org/diary/2024/a-rather-long-title-for-a-diary-entry-about-week-six/"
STYLE = Style()


def item(**fields) -> Announcement:
    return Announcement(**{"id": "urn:uuid:1", "title": "Week six", "url": URL, **fields})


def test_graphemes_count_what_people_see():
    assert graphemes(FAMILY) == 1 and len(FAMILY) == 7
    assert graphemes(FLAG + "e\u0301" + "\U0001f44d\U0001f3fd") == 3
    assert graphemes("") == 0


def test_mastodon_counts_any_url_as_23_and_the_content_warning():
    assert mastodon_length(URL) == 23
    assert mastodon_length(f"see {URL} now", spoiler_text="needles") == 4 + 23 + 4 + 7
    assert mastodon_length("hi @sam@example.social") == len("hi @sam")
    assert mastodon_length(FAMILY * 3, url_length=99) == 3


def test_mastodon_post_layout_spoiler_and_blinding_line():
    post = mastodon_post(item(excerpt="Tired.", content_warning="needles", blinded=True), STYLE)
    assert post.status == f"Week six\n\nTired.\n\n{URL}\n\n{STYLE.blinded_line}"
    assert post.spoiler_text == "needles" and post.visibility == "unlisted" and post.language == "en"
    assert post.idempotency_key == idempotency_key("urn:uuid:1")
    assert "guess my arm" in STYLE.blinded_line


def test_mastodon_exactly_at_the_limit_with_emoji_is_sent_whole():
    fixed = mastodon_length(f"\n\n{URL}\n\n{STYLE.blinded_line}", "cw " + FAMILY)
    title = FAMILY * (500 - fixed)
    post = mastodon_post(item(title=title, content_warning="cw " + FAMILY, blinded=True), STYLE)
    assert post.length == 500 and post.status.startswith(title) and URL in post.status


def test_mastodon_one_over_the_limit_shortens_the_title_never_the_link():
    fixed = mastodon_length(f"\n\n{URL}\n\n{STYLE.blinded_line}", "cw " + FAMILY)
    title = FAMILY * (501 - fixed)
    post = mastodon_post(item(title=title, content_warning="cw " + FAMILY, blinded=True), STYLE)
    assert post.length == 500
    assert post.status.split("\n\n")[0].endswith("…") and f"\n\n{URL}\n\n" in post.status


def test_mastodon_excerpt_is_shortened_first_at_a_word_boundary():
    excerpt = ("Today was long. " * 60).strip()
    post = mastodon_post(item(excerpt=excerpt), STYLE)
    title, shown, link = post.status.split("\n\n")
    assert title == "Week six" and link == URL and post.length <= 500
    assert shown.endswith("long…") or shown.endswith("Today…") or shown.endswith("was…")
    assert post.length > 480  # as much as fits


def test_mastodon_uses_the_instance_limits():
    post = mastodon_post(
        item(excerpt="word " * 400), STYLE, MastodonLimits(max_characters=1000, url_length=30)
    )
    assert 980 < post.length <= 1000


SHORT = "diary.example.org/diary/2024/a..."  # URL as the Bluesky app shows it


def facet_text(post) -> str:
    return post.text.encode()[post.link.byte_start : post.link.byte_end].decode()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/", "example.org"),
        ("https://example.org/a/b", "example.org/a/b"),
        ("https://example.org/exactly-15-chr", "example.org/exactly-15-chr"),
        ("https://example.org/sixteen-chars-x", "example.org/sixteen-char..."),
        ("https://example.org/a?b=c#d", "example.org/a?b=c#d"),
        ("https://example.org/?page=1234567890123", "example.org?page=1234567..."),
        ("http://[::1]:8000/diary/", "[::1]:8000/diary/"),
        ("mailto:me@example.org", "mailto:me@example.org"),
        (URL, SHORT),
    ],
)
def test_short_link_is_what_the_bluesky_app_shows(url, shown):
    assert short_link(url) == shown


def test_bluesky_shows_a_short_link_and_its_facet_carries_the_whole_address():
    url = "https://diary.example.org/diary/2025/" + "a-long-title-about-the-month-nine-visit-" * 3 + "and-more/"
    assert len(url) >= 143
    excerpt = "The nurse took four tubes of blood and I watched the clock the whole time. " * 3
    post = bluesky_post(item(title="Première injection à l'hôpital 💉", url=url, excerpt=excerpt.strip()), STYLE)
    assert post.text == f"Première injection à l'hôpital 💉\n\n{excerpt.strip()}\n\ndiary.example.org/diary/2025/a...", post.text
    assert facet_text(post) == "diary.example.org/diary/2025/a..." and post.link.uri == url
    assert post.length <= 300 and post.card_description == excerpt.strip() and post.labels == ()


def test_bluesky_exactly_at_300_with_emoji():
    fixed = graphemes(f"CW: x\n\n\n\n{SHORT}")
    title = FAMILY * 50 + "\U0001f642" * (300 - fixed - 50)
    post = bluesky_post(item(title=title, content_warning="x"), STYLE)
    assert post.length == 300 and post.text == f"CW: x\n\n{title}\n\n{SHORT}"
    start = len(f"CW: x\n\n{title}\n\n".encode())
    assert (post.link.byte_start, post.link.byte_end) == (start, start + len(SHORT))
    assert facet_text(post) == SHORT and post.link.uri == URL
    assert len(post.text.encode()) > 300 * 4  # more bytes than graphemes, well under 3000

    longer = bluesky_post(item(title=title + FAMILY, content_warning="x"), STYLE)
    assert longer.length <= 300 and longer.text.endswith(SHORT) and facet_text(longer) == SHORT


def test_bluesky_keeps_as_much_excerpt_as_fits_at_a_word():
    post = bluesky_post(item(excerpt=("Today was long. " * 40).strip(), blinded=True), STYLE)
    title, excerpt, link, tail = post.text.split("\n\n")
    assert (title, link, tail) == ("Week six", SHORT, STYLE.blinded_line)
    assert excerpt.endswith("…") and 290 < post.length <= 300


def test_bluesky_also_keeps_under_3000_bytes():
    post = bluesky_post(item(title=FAMILY * 290), STYLE)
    assert len(post.text.encode()) <= 3000 < len((FAMILY * 290).encode())
    assert post.text.endswith(SHORT) and post.length < 300


@pytest.mark.parametrize(
    ("warning", "labels"),
    [
        ("needles", ("graphic-media",)),
        ("Blood tests", ("graphic-media",)),
        ("surgery; nudity", ("graphic-media", "nudity")),
        ("sexual side effects", ("sexual",)),
        ("grief", ()),
        ("needless worry", ()),  # whole words only
    ],
)
def test_bluesky_content_warning_becomes_self_labels_that_fit(warning, labels):
    assert self_labels(warning) == labels


def test_bluesky_content_warning_keeps_the_text_out_of_the_post_and_the_link_card():
    # Bluesky has nothing to fold text behind: the warning, the title and the link, no excerpt
    post = bluesky_post(item(excerpt="Four tubes of blood.", content_warning="needles"), STYLE)
    assert post.text == f"CW: needles\n\nWeek six\n\n{SHORT}"
    assert "tubes" not in post.text
    assert post.labels == ("graphic-media",)
    assert post.card_title == "[CW: needles] Week six" and post.card_description == ""
    unlabelled = bluesky_post(item(excerpt="Sad news.", content_warning="grief"), STYLE)
    assert unlabelled.text == f"CW: grief\n\nWeek six\n\n{SHORT}" and unlabelled.labels == ()
    assert unlabelled.card_description == ""
    blinded = bluesky_post(item(excerpt="Sad news.", content_warning="grief", blinded=True), STYLE)
    assert blinded.text == f"CW: grief\n\nWeek six\n\n{SHORT}\n\n{STYLE.blinded_line}"
    plain = bluesky_post(item(excerpt="Sad news."), STYLE)
    assert plain.text == f"Week six\n\nSad news.\n\n{SHORT}" and plain.card_description == "Sad news."


def test_mastodon_content_warning_folds_the_excerpt_behind_spoiler_text():
    # Mastodon shows only spoiler_text until the reader opens the post: the excerpt may stay
    post = mastodon_post(item(excerpt="Four tubes of blood.", content_warning="needles"), STYLE)
    assert post.spoiler_text == "needles" and "needles" not in post.status
    assert post.status == f"Week six\n\nFour tubes of blood.\n\n{URL}"


def test_keys_are_deterministic_and_distinct():
    assert idempotency_key("urn:uuid:1") == idempotency_key("urn:uuid:1") != idempotency_key("urn:uuid:2")
    keys = {record_key(f"urn:uuid:{n}") for n in range(2000)}
    assert len(keys) == 2000 and all(TID.match(k) for k in keys)
    assert record_key("urn:uuid:1") == record_key("urn:uuid:1")


def test_server_wait_reads_retry_after_and_reset_headers():
    now = 1_700_000_000.0
    assert server_wait({"Retry-After": "7"}, now) == 7.0
    assert server_wait({"retry-after": "Tue, 14 Nov 2023 22:13:30 GMT"}, now) == pytest.approx(10.0)
    assert server_wait({"X-RateLimit-Reset": "2023-11-14T22:13:50.000Z"}, now) == pytest.approx(30.0)
    assert server_wait({"RateLimit-Reset": str(int(now) + 42)}, now) == 42.0
    assert server_wait({"Content-Type": "application/json"}, now) is None


def test_backoff_retries_then_stops_cleanly():
    waits: list[float] = []
    calls: list[int] = []

    def flaky(attempt: int) -> str:
        calls.append(attempt)
        if attempt < 3:
            raise Retryable("server error 503", wait=1.5 if attempt == 2 else None)
        return "ok"

    assert Backoff(sleep=waits.append).run("posting", flaky) == "ok"
    assert calls == [1, 2, 3] and waits == [2.0, 1.5]

    def down(attempt: int) -> str:
        raise Retryable("could not reach the server")

    with pytest.raises(NetworkStopped, match="gave up after 4 attempts"):
        Backoff(sleep=waits.append).run("posting", down)
    with pytest.raises(NetworkStopped, match="asks to wait until"):
        Backoff(sleep=waits.append).run(
            "posting", lambda _: (_ for _ in ()).throw(Retryable("429", wait=86400))
        )


def test_state_is_saved_atomically_and_damage_is_refused(tmp_path):
    state = State.load(tmp_path)
    state.put("mastodon", "urn:uuid:1", Record(status=PENDING, title="A", url=URL, key="k"))
    assert json.loads((tmp_path / ".trialblog/syndication.json").read_text())["networks"]["mastodon"]
    state.put("mastodon", "urn:uuid:1", Record(status=POSTED, title="A", url=URL, key="k", remote_id="9"))
    again = State.load(tmp_path)
    assert again.get("mastodon", "urn:uuid:1").remote_id == "9" and again.get("bluesky", "urn:uuid:1") is None
    assert [p.name for p in (tmp_path / ".trialblog").iterdir()] == ["syndication.json"]  # no temporary left
    (tmp_path / ".trialblog/syndication.json").write_text(
        '{"version": 1, "networks": {"mastodon": {"x": {}}}}'
    )
    with pytest.raises(SyndicateError, match="damaged.*Do not delete it"):
        State.load(tmp_path)
