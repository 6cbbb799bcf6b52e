"""Feeds read back with a real feed parser."""

from __future__ import annotations

import feedparser

from trialblog.build import build


def parse(output, rel):
    feed = feedparser.parse((output / rel).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_site_feeds_have_public_entries_newest_first(built_small):
    for rel in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        feed = parse(built_small, rel)
        titles = [e.title for e in feed.entries]
        assert titles == [
            "Unblinded",
            "A general post",
            "Open label start",
            "Week six",
            "[CW: needles] Randomized",
            "Thinking about it",
        ], rel


def test_trial_and_condition_feeds(built_small):
    trial = parse(built_small, "feeds/trials/blinded.atom.xml")
    assert [e.title for e in trial.entries] == [
        "Unblinded",
        "Week six",
        "[CW: needles] Randomized",
        "Thinking about it",
    ]
    assert parse(built_small, "feeds/trials/open.rss.xml").entries[0].title == "Open label start"
    lupus = parse(built_small, "feeds/conditions/lupus.atom.xml")
    assert [e.title for e in lupus.entries] == ["Open label start"]
    ms = parse(built_small, "feeds/conditions/multiple-sclerosis.atom.xml")
    assert len(ms.entries) == 5


def test_entry_ids_come_from_the_permanent_id(built_small):
    feed = parse(built_small, "feeds/all.atom.xml")
    ids = {e.title: e.id for e in feed.entries}
    assert ids["Week six"] == "urn:uuid:33333333-3333-4333-8333-333333333333"
    assert ids["A general post"] == "urn:trialblog:entry:general-post-0001"
    rss = parse(built_small, "feeds/all.rss.xml")
    assert {e.title: e.id for e in rss.entries}["Week six"] == ids["Week six"]


def test_ids_stay_stable_when_title_slug_and_date_change(small_site):
    build(small_site)
    before = {e.id for e in parse(small_site / "output", "feeds/all.atom.xml").entries}
    entry = small_site / "content" / "diary" / "03-visit.md"
    text = entry.read_text().replace("Title: Week six", "Title: Week six, revisited\nSlug: renamed")
    entry.write_text(text.replace("Date: 2024-03-01", "Date: 2024-03-02"))
    general = small_site / "content" / "diary" / "08-general.md"
    general.write_text(general.read_text().replace("Title: A general post", "Title: Retitled"))
    build(small_site)
    feed = parse(small_site / "output", "feeds/all.atom.xml")
    assert {e.id for e in feed.entries} == before
    assert "Week six, revisited" in [e.title for e in feed.entries]


def test_content_warning_and_blinding_notice_carried_into_entries(built_small):
    feed = parse(built_small, "feeds/all.atom.xml")
    entry = next(e for e in feed.entries if "Randomized" in e.title)
    assert entry.title.startswith("[CW: needles]")
    assert "Content warning: needles" in entry.content[0].value
    assert "Content warning: needles" in entry.summary
    assert any(t.get("label") == "Content warning: needles" for t in entry.tags)
    assert "NOTICE-TEXT" in entry.content[0].value
    unblinded = next(e for e in feed.entries if e.title == "Unblinded")
    assert "NOTICE-TEXT" not in unblinded.content[0].value


def test_published_build_uses_absolute_urls(small_site):
    build(small_site, publish=True)
    out = small_site / "output"
    feed = parse(out, "feeds/all.atom.xml")
    assert feed.feed.link == "https://diary.example.org/"
    assert all(e.link.startswith("https://diary.example.org/diary/2024/") for e in feed.entries)
    rss = parse(out, "feeds/trials/blinded.rss.xml")
    assert rss.feed.link == "https://diary.example.org/trials/blinded/"
    page = (out / "diary/2024/week-six/index.html").read_text()
    assert 'href="https://diary.example.org/trials/blinded/"' in page
    assert 'href="https://diary.example.org/theme/css/trialblog.css"' in page


def test_feeds_are_reproducible(small_site):
    build(small_site)
    first = (small_site / "output/feeds/all.atom.xml").read_bytes()
    build(small_site)
    assert (small_site / "output/feeds/all.atom.xml").read_bytes() == first


def test_no_diary_feed_for_a_directory_trial_nobody_writes_about(small_site):
    (small_site / "content/trials/listed-only.yaml").write_text(
        "id: NCT07654321\ntitle: LISTED-ONLY\nconditions: [Lupus]\nstatus: RECRUITING\n"
    )
    build(small_site)
    out = small_site / "output"
    assert not (out / "feeds/trials/listed-only.atom.xml").exists()
    assert "feeds/trials/listed-only" not in (out / "trials/listed-only/index.html").read_text()
    assert (out / "feeds/trials/open.atom.xml").exists()  # a trial the writer takes part in keeps its feed
