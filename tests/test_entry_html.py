"""An entry's own HTML reaches pages and feeds only through the allow-list (trialblog.render.sanitize)."""

from __future__ import annotations

import pytest

from trialblog.build import BuildError, build

HOSTILE = [
    '<script>alert("x")</script>',
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/"><input name="q"></form>',
    '<img src="visit.jpg" alt="a visit" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="https://evil.example/"></iframe>',
]


def test_hostile_markup_never_reaches_a_page_or_feed_and_is_named_with_its_line(small_site):
    entry = small_site / "content/diary/03-visit.md"
    head, body = entry.read_text().split("\n\n", 1)
    entry.write_text(head + "\n\n" + body + "\n" + "\n\n".join(HOSTILE) + "\n")
    result = build(small_site)
    page = (small_site / "output/diary/2024/week-six/index.html").read_text()
    feed = (small_site / "output/feeds/all.atom.xml").read_text()
    for text in (page, feed):
        for needle in ("alert", "evil.example", "onerror", "<form", "<iframe", "http-equiv=\"refresh\" content=\"0; url=https://evil"):
            assert needle not in text, needle
    assert 'alt="a visit"' in page  # what is allowed stays
    removed = [f for f in result.checks.findings if f.rule == "metadata.html" and f.path == "content/diary/03-visit.md"]
    lines = entry.read_text().split("\n")
    assert removed and all("<" in lines[f.line - 1] for f in removed)


def test_a_site_can_allow_more_but_never_what_runs(small_site):
    entry = small_site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text() + '\n<aside class="tip">A tip.</aside>\n')
    build(small_site)
    assert "A tip." in (page := (small_site / "output/diary/2024/week-six/index.html").read_text())
    assert '<aside class="tip">' not in page
    with (small_site / "pelicanconf.py").open("a") as conf:
        conf.write('\nTRIALBLOG_ALLOWED_HTML = {"tags": ["aside"]}\n')
    build(small_site)
    assert '<aside class="tip">A tip.</aside>' in (small_site / "output/diary/2024/week-six/index.html").read_text()
    with (small_site / "pelicanconf.py").open("a") as conf:
        conf.write('\nTRIALBLOG_ALLOWED_HTML = {"tags": ["script"]}\n')
    with pytest.raises(BuildError, match="TRIALBLOG_ALLOWED_HTML"):
        build(small_site)
