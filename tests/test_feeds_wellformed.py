"""Every feed of every test site is well-formed and valid: Atom by RFC 4287's schema, RSS 2.0."""

from __future__ import annotations

from conftest import copy_example
from feedcheck import atom_problems, feed_problems

from trialblog.build import build


def test_small_site_feeds_are_valid(built_small):
    count, problems = feed_problems(built_small)
    assert count >= 10
    assert problems == []


def test_example_site_feeds_are_valid(tmp_path):
    site = copy_example(tmp_path / "example")
    build(site, publish=True)
    count, problems = feed_problems(site / "output")
    assert count >= 10
    assert problems == []


def test_the_schema_rejects_a_broken_feed(tmp_path):
    broken = tmp_path / "broken.atom.xml"
    broken.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><title>e</title></entry></feed>'
    )
    assert atom_problems(broken)  # no id, no updated


def test_hostile_text_still_gives_valid_feeds(small_site):
    entry = small_site / "content/diary/03-visit.md"
    text = entry.read_text().replace("Title: Week six", 'Title: Week <six> & "]]> <script>alert(1)</script>')
    entry.write_text(text.replace("BODY-VISIT", "BODY ]]> <![CDATA[ & <b>bold</b> \u2028 \ufeff end"))
    build(small_site)
    count, problems = feed_problems(small_site / "output")
    assert count and problems == []
