"""Diary entry headers and consent notes, without Pelican."""

from __future__ import annotations

import shutil

import pytest

from trialblog.build import build
from trialblog.content.consent import STANDARD_QUESTIONS, parse_consent, split_notes
from trialblog.content.entries import entry_meta, header_errors, parse_date, parse_symptoms
from trialblog.content.errors import ContentErrors
from trialblog.content.header import PELICAN_KEYS, TRIALBLOG_KEYS, read_header
from trialblog.content.trials import Trial
from trialblog.content.vocab import Milestone, Status

TRIALS = {"blind-1": Trial(slug="blind-1", title="B", status=Status.RECRUITING)}
ENTRY = "Title: Week six\nDate: 2024-03-01\nTrial: blind-1\nMilestone: visit\nSymptoms: fatigue=3, brain-fog=2\n\nBody\n"


def check(text: str):
    """An entry's metadata, as the pipeline makes it: the header first, then the entry's fields."""
    shown = "content/diary/x.md"
    header = read_header(text)
    errors = header_errors(shown, text, header, PELICAN_KEYS | TRIALBLOG_KEYS)
    if errors:
        return None, errors
    date = parse_date(header.values["date"]) if "date" in header.values else None
    return entry_meta(shown, header.values.get("title", ""), date, "published", header.values, header.lines, TRIALS)


def test_header_keeps_line_numbers_and_body_start():
    header = read_header("Title: A\nDate: 2024-01-01\n  continued\n\nBody")
    assert header.values == {"title": "A", "date": "2024-01-01 continued"}
    assert header.lines == {"title": 1, "date": 2}
    assert header.body_line == 5


def test_good_entry():
    meta, errors = check(ENTRY)
    assert errors == []
    assert meta.trial == "blind-1" and meta.milestone is Milestone.VISIT
    assert meta.symptoms == {"fatigue": 3, "brain-fog": 2}
    assert meta.public


@pytest.mark.parametrize(
    ("replace", "line", "field", "words"),
    [
        ("Trial: blind-1", 3, "Trial", "'nope' is not a trial of this site"),
        ("Milestone: visit", 4, "Milestone", "is not a milestone"),
        ("Date: 2024-03-01", 2, "Date", "is not a date"),
        ("Symptoms: fatigue=3, brain-fog=2", 5, "Symptoms", "scores go from 0 to 10"),
    ],
)
def test_entry_errors_name_line_and_field(replace, line, field, words):
    bad = {"Trial: blind-1": "Trial: nope", "Milestone: visit": "Milestone: party",
           "Date: 2024-03-01": "Date: 2024-13-45", "Symptoms: fatigue=3, brain-fog=2": "Symptoms: fatigue=11"}  # fmt: skip
    meta, errors = check(ENTRY.replace(replace, bad[replace]))
    assert meta is None
    (err,) = errors
    assert (err.path, err.line, err.field) == ("content/diary/x.md", line, field)
    assert words in err.message
    if field == "Trial":
        assert "blind-1" in err.hint  # lists the trials that exist
    if field == "Milestone":
        assert "considering" in err.hint and "withdrawal" in err.hint


def test_missing_trial_and_general_posts():
    _, errors = check("Title: A\nDate: 2024-01-01\n\nBody")
    assert "has no Trial:" in errors[0].message and "Trial: none" in errors[0].hint
    meta, errors = check("Title: A\nDate: 2024-01-01\nTrial: none\n\nBody")
    assert errors == [] and meta.trial is None


def test_symptom_parsing():
    assert parse_symptoms("Fatigue = 2, headache=0.5") == {"fatigue": 2, "headache": 0.5}
    with pytest.raises(ValueError):
        parse_symptoms("fatigue: bad")


def test_consent_sections_matched_by_id_or_text():
    notes, answers = split_notes(
        "Intro\n\n## What are the possible risks and side effects?\nRisky.\n\n"
        "## Anything {#costs}\nNothing.\n\n## My family\nThey agreed.\n"
    )
    assert answers == {"risks": "Risky.", "costs": "Nothing."}
    assert "Intro" in notes and "## My family" in notes and "Risky" not in notes
    assert len(STANDARD_QUESTIONS) == 13


def test_consent_notes_parse_title():
    notes = parse_consent("t", "content/consent/t.md", "Title: My notes\n\n## {#purpose}\nTo test.\n")
    assert notes.title == "My notes" and notes.answers == {"purpose": "To test."}


def test_a_build_reports_every_content_problem_together(tmp_path):
    from conftest import SITES

    site = tmp_path / "site"
    shutil.copytree(SITES / "small", site, ignore=shutil.ignore_patterns("diary", "consent", "trials"))
    content = site / "content"
    (content / "trials").mkdir(parents=True)
    (content / "diary").mkdir()
    (content / "consent").mkdir()
    (content / "trials" / "good.yaml").write_text("title: Good\nstatus: RECRUITING\n")
    (content / "trials" / "bad.yaml").write_text("title: Bad\nstatus: MAYBE\n")
    (content / "consent" / "ghost.md").write_text("Title: x\n\nHi\n")
    (content / "diary" / "a.md").write_text("Title: A\nDate: 2024-01-01\nTrial: ghost\nMilestone: visit\n\nx")
    (content / "diary" / "c.md").write_text("Title: C\nDate: 2024-01-01\nTrial: bad\nMilestone: visit\n\nx")
    (content / "diary" / "b.md").write_bytes(
        b"Title: B\nDate: 2024-01-01\nTrial: good\nMilestone: visit\n\n\xff\xfe"
    )
    with pytest.raises(ContentErrors) as info:
        build(site)
    report = info.value.report()
    assert "content/trials/bad.yaml:2: status: 'MAYBE' is not an allowed value" in report
    assert "content/consent/ghost.md" in report and "not a trial of this site" in report
    assert "content/diary/a.md:3: Trial: 'ghost' is not a trial of this site" in report
    assert "content/diary/c.md" not in report  # its trial's own error is reported once, not again here
    assert "content/diary/b.md:6" in report and "not valid UTF-8" in report
    assert not (site / "output").exists()


def test_dates_read_directly_are_pelicans_dates():
    from pelican.utils import get_date

    for text in ["2018-11-20 08:37", "2018-11-20", "2018-11-20 08:37:59", " 2024-03-01 00:00 ",
                 "2024-01-01T10:00", "2024-01-01 10:00+02:00", "2024-01-01  10:00"]:  # fmt: skip
        ours, pelicans = parse_date(text), get_date(text)
        assert (ours, type(ours), ours.tzinfo) == (pelicans, type(pelicans), pelicans.tzinfo), text
    for text in ["2024-02-30", "2024-13-01", "2024-01-01 24:00"]:
        with pytest.raises(ValueError):
            parse_date(text)
