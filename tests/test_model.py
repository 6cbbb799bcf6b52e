"""The trial model and its strict loader, without Pelican."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from trialblog.content.errors import ContentErrors
from trialblog.content.trials import Participation, Trial, load_trial
from trialblog.content.vocab import Masking, Status, WhoMasked

GOOD = """id: NCT01234567
title: BLIND-1
conditions: [Multiple sclerosis]
phases: [PHASE2, PHASE3]
status: RECRUITING
status_verified: 2025-09
allocation: RANDOMIZED
masking: DOUBLE
who_masked: [PARTICIPANT, INVESTIGATOR]
arms:
  - {label: Drug A, type: EXPERIMENTAL}
  - {label: Placebo, type: PLACEBO_COMPARATOR}
participation:
  consented: 2024-01-10
  randomized: 2024-01-20
"""


def write(tmp_path: Path, text: str, name: str = "blind-1.yaml") -> Path:
    path = tmp_path / "content" / "trials" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str, name: str = "blind-1.yaml") -> list:
    with pytest.raises(ContentErrors) as info:
        load_trial(write(tmp_path, text, name), tmp_path)
    return info.value.errors


def test_good_record_loads(tmp_path):
    trial = load_trial(write(tmp_path, GOOD), tmp_path)
    assert trial.slug == "blind-1"
    assert trial.status is Status.RECRUITING
    assert [p.label for p in trial.phases] == ["Phase 2", "Phase 3"]
    assert trial.masking is Masking.DOUBLE and WhoMasked.PARTICIPANT in trial.who_masked
    assert trial.participation.randomized == dt.date(2024, 1, 20)
    assert trial.registry == "ClinicalTrials.gov"
    assert trial.registry_url == "https://clinicaltrials.gov/study/NCT01234567"


def test_unknown_status_names_file_line_field_and_allowed_values(tmp_path):
    (err,) = errors_of(tmp_path, GOOD.replace("status: RECRUITING", "status: RECRUTING"))
    assert err.path == "content/trials/blind-1.yaml"
    assert err.line == 5
    assert err.field == "status"
    assert "'RECRUTING' is not an allowed value" in err.message
    assert "NOT_YET_RECRUITING" in err.hint and "COMPLETED" in err.hint
    assert str(err).startswith("content/trials/blind-1.yaml:5: status: ")


def test_bad_date(tmp_path):
    (err,) = errors_of(tmp_path, GOOD.replace("randomized: 2024-01-20", "randomized: 2024-02-30"))
    assert (err.line, err.field) == (15, "participation.randomized")
    assert "is not a date" in err.message and "YYYY-MM-DD" in err.hint


def test_dates_out_of_order(tmp_path):
    (err,) = errors_of(tmp_path, GOOD.replace("randomized: 2024-01-20", "randomized: 2024-01-01"))
    assert (err.line, err.field) == (15, "participation.randomized")
    assert "before consented" in err.message


def test_malformed_registry_id(tmp_path):
    (err,) = errors_of(tmp_path, GOOD.replace("NCT01234567", "NCT1234"))
    assert (err.line, err.field) == (1, "id")
    assert "NCT followed by 8 digits" in err.hint


def test_arm_while_still_blinded(tmp_path):
    (err,) = errors_of(tmp_path, GOOD + "  arm: Drug A\n")
    assert (err.line, err.field) == (16, "participation.arm")
    assert "still blinded" in err.message


def test_arm_allowed_after_unblinding_and_checked_against_arms(tmp_path):
    trial = load_trial(write(tmp_path, GOOD + "  unblinded: 2025-01-01\n  arm: Drug A\n"), tmp_path)
    assert trial.participation.arm == "Drug A"
    (err,) = errors_of(tmp_path, GOOD + "  unblinded: 2025-01-01\n  arm: Drug B\n")
    assert "not one of this trial's arms" in err.message and "Drug A, Placebo" in err.hint


def test_unknown_field_and_duplicate_key(tmp_path):
    (err,) = errors_of(tmp_path, GOOD.replace("phases:", "phasess:"))
    assert (err.line, err.field) == (4, "phasess") and "participation" in err.hint
    (err,) = errors_of(tmp_path, GOOD + "title: Again\n")
    assert err.line == 16 and "given twice (first on line 2)" in err.message


def test_yaml_syntax_error_has_line(tmp_path):
    (err,) = errors_of(tmp_path, GOOD.replace("title: BLIND-1", "title: [unclosed"))
    assert err.line is not None and err.line >= 2 and "not valid YAML" in err.message


def test_several_errors_reported_together(tmp_path):
    text = GOOD.replace("status: RECRUITING", "status: nope").replace("masking: DOUBLE", "masking: blindfold")
    errs = errors_of(tmp_path, text)
    assert {e.field for e in errs} == {"status", "masking"}


def test_bad_slug_and_empty_file(tmp_path):
    errs = errors_of(tmp_path, GOOD, name="Blind_1.yaml")
    assert "cannot be a trial slug" in errs[0].message
    (err,) = errors_of(tmp_path, "", name="empty.yaml")
    assert "empty" in err.message


def make(masking=Masking.DOUBLE, who=(WhoMasked.PARTICIPANT,), **dates) -> Trial:
    return Trial(slug="t", title="T", status=Status.COMPLETED, masking=masking, who_masked=who,
                 participation=Participation(**dates) if dates else None)  # fmt: skip


def test_day_numbers_count_from_randomization_or_consent():
    t = make(consented=dt.date(2024, 1, 10), randomized=dt.date(2024, 1, 20))
    assert t.day_number(dt.date(2024, 1, 20)) == 1
    assert t.day_number(dt.date(2024, 3, 1)) == 42
    assert t.day_number(dt.date(2024, 1, 19)) == -1
    assert make(consented=dt.date(2024, 1, 10)).day_number(dt.date(2024, 1, 11)) == 2
    assert make().day_number(dt.date(2024, 1, 11)) is None


def test_blinded_period():
    t = make(consented=dt.date(2024, 1, 10), randomized=dt.date(2024, 1, 20), unblinded=dt.date(2024, 7, 1))
    assert not t.blinded_on(dt.date(2024, 1, 15))  # before randomization: no arm yet
    assert t.blinded_on(dt.date(2024, 1, 20))
    assert t.blinded_on(dt.date(2024, 6, 30))
    assert not t.blinded_on(dt.date(2024, 7, 1))
    assert make(consented=dt.date(2024, 1, 10)).blinded_on(dt.date(2030, 1, 1))  # never unblinded
    assert not make(masking=Masking.NONE, who=(), consented=dt.date(2024, 1, 1)).blinded_on(
        dt.date(2024, 2, 1)
    )
    # single-blind where only the outcomes assessor is masked: the participant knows the arm
    assert not make(masking=Masking.SINGLE, who=(WhoMasked.OUTCOMES_ASSESSOR,)).blinded_on(
        dt.date(2024, 2, 1)
    )
    assert make().blinded_on(dt.date(2024, 2, 1))  # masked, no participation block: blinded
