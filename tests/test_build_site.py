"""Full builds of a small site, asserting on the written pages."""

from __future__ import annotations

import re

from conftest import all_files, read

BLINDED = "NOTICE-TEXT"


def test_blinding_notice_only_in_the_blinded_period(built_small):
    assert BLINDED in read(built_small, "diary/2024/randomized/index.html")  # day 1
    assert BLINDED in read(built_small, "diary/2024/week-six/index.html")
    assert BLINDED not in read(built_small, "diary/2024/unblinded/index.html")  # after unblinding
    assert BLINDED not in read(built_small, "diary/2024/thinking-about-it/index.html")  # before randomization
    assert BLINDED not in read(built_small, "diary/2024/open-label-start/index.html")  # open label


def test_entry_shows_trial_milestone_day_and_disclosure(built_small):
    page = read(built_small, "diary/2024/week-six/index.html")
    assert '<a href="/trials/blinded/">BLIND-1</a>' in page
    assert "Study visit" in page and "Day 42" in page
    assert "TRIAL-DISCLOSURE" in page
    open_page = read(built_small, "diary/2024/open-label-start/index.html")
    assert "Day 5" in open_page  # counted from consent when there is no randomization
    assert "SITE-DISCLOSURE" in open_page  # the site's disclosure when the trial has none
    assert "Day \u221218" in read(built_small, "diary/2024/thinking-about-it/index.html")


def test_previous_and_next_stay_within_the_trial(built_small):
    page = read(built_small, "diary/2024/week-six/index.html")
    assert 'rel="prev" href="/diary/2024/randomized/"' in page
    assert 'rel="next" href="/diary/2024/unblinded/"' in page
    first = read(built_small, "diary/2024/thinking-about-it/index.html")
    assert 'rel="prev"' not in first
    # the open-label entry falls between week six and unblinding, but belongs to another trial
    assert "open-label-start" not in page


def test_trial_page(built_small):
    page = read(built_small, "trials/blinded/index.html")
    assert "Phase 2." in page and "seems to work" in page  # phase explained
    assert "Double-blind." in page and "Neither you nor the study doctors" in page
    assert "Randomized." in page and "Chance, not you or your doctor" in page
    assert 'href="https://clinicaltrials.gov/study/NCT01234567"' in page
    journey = page[page.index('class="timeline"') :]
    steps = re.findall(r'class="step-label">(?:<a [^>]+>)?([^<]+)', journey)
    assert steps == [
        "Started considering the trial",
        "Signed the consent form",
        "Randomized",
        "Completed the study",
        "Unblinded: learned my group",
    ]
    entries = page[page.index('class="journey-entries"') :]
    titles = re.findall(r'<a href="/diary/2024/[^"]+/">([^<]+)</a>', entries)
    assert titles == ["Thinking about it", "Randomized", "Week six", "Unblinded"]
    assert "Day 1</span>" in entries and "Day 42</span>" in entries
    assert 'href="/trials/blinded/consent/"' in page
    assert 'href="/feeds/trials/blinded.atom.xml"' in page and 'href="/feeds/trials/blinded.rss.xml"' in page
    assert "Drug A" in page  # the arm, known after unblinding


def test_open_trial_shows_steps_to_come(built_small):
    page = read(built_small, "trials/open/index.html")
    assert "Open label." in page and "ISRCTN record" in page
    assert "Completed the study" in page and "not yet" in page
    assert "Unblinded" not in page  # nothing to unblind in an open-label trial


def test_consent_page_questions_beside_answers(built_small):
    page = read(built_small, "trials/blinded/consent/index.html")
    assert "NOTES-BODY" in page and "FAMILY-SECTION" in page
    risks = page[page.index('id="risks"') :]
    assert risks.index("What are the possible risks") < risks.index("ANSWER-RISKS") < risks.index("</div>")
    assert "ANSWER-PLACEBO" in page[page.index('id="placebo"') :]
    assert page.count("I did not write down an answer") == 11


def test_drafts_and_hidden_posts_are_never_written(built_small):
    for path in all_files(built_small):
        text = path.read_text(encoding="utf-8", errors="replace")
        for secret in ("DRAFT-SENTINEL-PLUM", "HIDDEN-SENTINEL-FIG", "Secret draft", "Hidden post",
                       "secret-draft", "hidden-post", "draftonlytag", "hiddenonlytag"):  # fmt: skip
            assert secret not in text, f"{secret} leaked into {path}"
    assert not (built_small / "drafts").exists()


def test_condition_pages_and_index(built_small):
    ms = read(built_small, "conditions/multiple-sclerosis/index.html")
    assert "BLIND-1" in ms and "OPEN-1" in ms and "Week six" in ms
    lupus = read(built_small, "conditions/lupus/index.html")
    assert "OPEN-1" in lupus and "BLIND-1" not in lupus
    home = read(built_small, "index.html")
    assert home.index("Unblinded") < home.index("Week six")  # newest first


def test_templates_escape_text(small_site):
    from trialblog.build import build

    trial = small_site / "content" / "trials" / "open.yaml"
    trial.write_text(trial.read_text().replace("title: OPEN-1", 'title: "OPEN <script>alert(1)</script>"'))
    build(small_site)
    page = read(small_site / "output", "trials/open/index.html")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_home_page_starts_each_story_at_the_beginning(built_small):
    home = read(built_small, "index.html")
    stories = home[home.index("The stories, start to finish") : home.index("Latest diary entries")]
    assert '<a href="/trials/blinded/">BLIND-1</a>' in stories and "4 entries" in stories
    assert 'href="/diary/2024/thinking-about-it/">Start at the beginning: Thinking about it' in stories
    assert '<a href="/trials/open/">OPEN-1</a>' in stories and "1 entry," in stories


def test_no_registry_staleness_flag_on_a_trial_without_a_registry_record(small_site):
    from trialblog.build import build

    trial = small_site / "content/trials/open.yaml"
    trial.write_text(
        trial.read_text().replace("id: ISRCTN12345678", "id: none") + "status_verified: 2019-01\n"
    )
    build(small_site)
    assert "Possibly out of date" not in read(small_site / "output", "trials/open/index.html")
