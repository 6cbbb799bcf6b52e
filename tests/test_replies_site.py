"""Approved replies in the built site: shown under the entry as plain text, counted in listings,
withheld when a check finds something, turned off per entry or per site, read offline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import read
from reply_servers import png

from trialblog.build import build
from trialblog.replies.avatars import small_png
from trialblog.replies.store import file_name

OPEN = "urn:uuid:55555555-5555-4555-8555-555555555555"
WEEK_SIX = "urn:uuid:33333333-3333-4333-8333-333333333333"
ENTRY = "output/diary/2024/open-label-start/index.html"


def write_thread(site: Path, entry: str, replies: str, posts: str = "  mastodon: https://social.example/@diary/1\n") -> Path:
    path = site / "content/replies" / file_name(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"entry: {entry}\ntitle: T\nurl: https://diary.example.org/x/\nposts:\n{posts}replies:\n{replies}")
    return path


def reply(number: int, text: str, status: str = "approved", name: str = "Alex", avatar: str = "", extra: str = "") -> str:
    picture = f"    avatar: {avatar}\n" if avatar else ""
    body = "\n".join("    " + line for line in text.split("\n"))
    return (f"- id: mastodon:{number}\n  network: mastodon\n  status: {status}\n  published: '2025-01-1{number % 10}T09:00:00Z'\n"
            f"  author:\n    account: '{number}'\n    handle: '@user{number}@social.example'\n    name: {name}\n"
            f"    url: https://social.example/@user{number}\n{picture}  url: https://social.example/@user{number}/{number}\n"
            f"{extra}  text: |-\n{body}\n")  # fmt: skip


def test_approved_replies_are_shown_under_the_entry_as_plain_text(small_site):
    avatar = small_png(png())
    import hashlib

    name = hashlib.sha256(avatar).hexdigest() + ".png"
    (small_site / "content/replies/avatars").mkdir(parents=True)
    (small_site / "content/replies/avatars" / name).write_bytes(avatar)
    write_thread(small_site, OPEN, reply(1, "Good luck!\nSee https://example.org/a.\n\n<script>alert(1)</script>", avatar=name)
                 + reply(2, "Not yet read.", status="pending") + reply(3, "Hidden one.", status="hidden")
                 + "- id: mastodon:4\n  network: mastodon\n  status: removed\n")  # fmt: skip
    build(small_site)
    page = read(small_site, ENTRY)
    section = page[page.index('<section class="replies"'):]
    assert '<h2 id="replies-h">Replies <span class="count">(1)</span></h2>' in section
    assert '<ol class="reply-list">' in section and '<time datetime="2025-01-11T09:00:00Z">' in section
    assert "Good luck!<br>See " in section and '<a href="https://example.org/a" rel="nofollow ugc noopener noreferrer">' in section
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section and "<script>alert" not in page
    assert "Not yet read" not in page and "Hidden one" not in page
    assert '<bdi class="reply-name">Alex</bdi>' in section and "@user1@social.example" in section
    assert 'href="https://social.example/@diary/1"' in section  # where to reply
    assert f'src="/replies/avatars/{name}"' in section
    assert (small_site / "output/replies/avatars" / name).read_bytes() == avatar
    assert page.index("</article>") < page.index('<section class="replies"')
    index = read(small_site, "output/index.html")
    assert '<a class="reply-count" href="/diary/2024/open-label-start/#replies">1 reply</a>' in index


def test_the_blinding_notice_comes_before_replies_on_a_blinded_entry(small_site):
    write_thread(small_site, WEEK_SIX, reply(1, "Thinking of you."))
    build(small_site)
    page = read(small_site, "output/diary/2024/week-six/index.html")
    section = page[page.index('<section class="replies"'):]
    assert section.index("NOTICE-TEXT") < section.index("Thinking of you.")


def test_a_reply_with_a_content_warning_is_folded_behind_it(small_site):
    warned = "  content_warning: needles & <b>blood</b>\n"
    write_thread(small_site, OPEN, reply(1, "Four tubes, and a bruise.", extra=warned) + reply(2, "Good luck!"))
    build(small_site)
    section = read(small_site, ENTRY).split('<section class="replies"')[1]
    folded = re.search(r'<details class="reply-cw">(.*?)</details>', section, re.S)
    assert folded, "the reply with a content warning is not folded"
    assert re.search(r"<summary>Content warning: needles &amp; &lt;b&gt;blood&lt;/b&gt;</summary>", folded.group(1))
    assert "Four tubes, and a bruise." in folded.group(1)
    assert section.count("Four tubes") == 1 and section.count("<details") == 1  # only there
    assert "Good luck!" in section and "Good luck!" not in folded.group(1)  # the other reply is open


def test_a_reply_edited_into_something_else_is_withheld_with_a_warning(small_site):
    path = write_thread(small_site, WEEK_SIX, reply(1, "Kind words.") + reply(2, "You're definitely on the placebo, trust me."))
    result = build(small_site)
    page = read(small_site, "output/diary/2024/week-six/index.html")
    assert "Kind words." in page and "placebo, trust me" not in page
    warned = [f for f in result.checks.shown() if f.rule == "blinding.arm-guess"]
    assert warned and warned[0].path == "content/replies/" + path.name and warned[0].line == path.read_text().count("\n") - 0
    assert "(this reply is not published)" in warned[0].message and result.checks.errors == 0


def test_a_reason_given_in_review_publishes_it(small_site):
    extra = "  accepted:\n  - privacy.phone\n  reason: the MS Society's helpline\n"
    write_thread(small_site, OPEN, reply(1, "Ring the helpline on 07700 900123.", extra=extra))
    build(small_site)
    assert "07700 900123" in read(small_site, ENTRY)


def test_a_name_passing_for_the_writers_is_not_shown(small_site):
    write_thread(small_site, OPEN, reply(1, "Hello from me.", name="Tеster"))  # a Cyrillic е
    build(small_site)
    section = read(small_site, ENTRY).split('<section class="replies"')[1]
    assert "reply-name" not in section and "@user1@social.example" in section


@pytest.mark.parametrize("how", ["entry", "site"])
def test_replies_can_be_turned_off(small_site, how):
    write_thread(small_site, OPEN, reply(1, "Good luck!"))
    if how == "entry":
        entry = small_site / "content/diary/05-open.md"
        entry.write_text(entry.read_text().replace("Milestone: dose", "Milestone: dose\nReplies: off"))
    else:
        with open(small_site / "pelicanconf.py", "a") as conf:
            conf.write("\nREPLIES = False\n")
    build(small_site)
    assert "Good luck!" not in read(small_site, ENTRY) and 'class="replies"' not in read(small_site, ENTRY)
    assert "reply-count" not in read(small_site, "output/index.html")


def test_a_bad_replies_header_or_setting_is_refused(small_site):
    from trialblog.build import BuildError
    from trialblog.content.errors import ContentErrors

    entry = small_site / "content/diary/05-open.md"
    original = entry.read_text()
    entry.write_text(original.replace("Milestone: dose", "Milestone: dose\nReplies: maybe"))
    with pytest.raises(ContentErrors, match="Replies: 'maybe' is not on or off"):
        build(small_site)
    entry.write_text(original)
    with open(small_site / "pelicanconf.py", "a") as conf:
        conf.write('\nREPLIES_AVATARS = "no"\n')
    with pytest.raises(BuildError, match="replies: REPLIES_AVATARS = 'no' cannot be used"):
        build(small_site)


def test_a_damaged_replies_file_stops_the_build_with_its_line(small_site):
    from trialblog.content.errors import ContentErrors

    write_thread(small_site, OPEN, reply(1, "Hi.", status="published"))
    with pytest.raises(ContentErrors) as caught:
        build(small_site)
    assert re.search(r"content/replies/.*\.yaml:\d+: replies\[1\]\.status: 'published' is not a status", str(caught.value))


def test_the_same_replies_build_to_the_same_bytes(small_site, tmp_path):
    write_thread(small_site, OPEN, reply(2, "Second.") + reply(1, "First."))
    build(small_site, cache=False)
    first = read(small_site, ENTRY)
    assert first.index("First.") < first.index("Second.")
    build(small_site, cache=False)
    assert read(small_site, ENTRY) == first
