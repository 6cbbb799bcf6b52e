"""`trialblog import ctgov`: files written, hand-written fields kept, status changes recorded."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from trialblog.cli import main
from trialblog.content.trials import load_trial
from trialblog.content.vocab import Status
from trialblog.registry.importer import Importer, import_paths
from trialblog.registry.slugs import base_slug, unique_slug

DATA = Path(__file__).parent / "data" / "ctgov"
TODAY = dt.date(2025, 1, 15)
HAND_WRITTEN = """\
# My notes on this trial: kept by every import.
summary: |
  A plain-words summary I wrote myself.

  It has two paragraphs.  # not a comment, part of the text
participation:
  consented: 2023-05-02   # the day I signed
disclosure: I am a participant; nobody pays me.
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "pelicanconf.py").write_text("from trialblog.settings import *  # noqa: F403\n")
    (tmp_path / "content" / "trials").mkdir(parents=True)
    return tmp_path


def run_import(site: Path, *paths: Path, today: dt.date = TODAY):
    return import_paths(list(paths), site / "content", site, today)


def changed_record(tmp_path: Path, source: Path, name: str, **status) -> Path:
    """A copy of a real record with its status module changed."""
    data = json.loads(source.read_text())
    data["protocolSection"]["statusModule"].update(status)
    target = tmp_path / "changed" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(json.dumps(data))
    return target


def test_import_creates_a_valid_trial_file(site):
    report = run_import(site, DATA / "v2_json/NCT05549596.json")
    assert not report.failed and [o.action for o in report.outcomes] == ["created"]
    path = site / "content/trials/cetis-i-cera-traction-improves-spine.yaml"
    assert (
        str(report.outcomes[0])
        == "created content/trials/cetis-i-cera-traction-improves-spine.yaml (NCT05549596)"
    )
    trial = load_trial(path)
    assert trial.id == "NCT05549596" and trial.status is Status.RECRUITING
    assert trial.locations[0].lat == 35.82194 and trial.locations[0].contacts[0].name == "Yong soon Yoon, MD"
    assert [(c.status, c.date) for c in trial.status_history] == [(Status.RECRUITING, "2023-04")]
    assert "geo: {lat: 35.82194, lon: 127.14889}" in path.read_text()
    assert "criteria: |\n    Inclusion Criteria:\n" in path.read_text()  # a readable block, not one long line


def test_reimporting_the_same_record_changes_nothing(site):
    run_import(site, DATA / "v2_json/NCT04012996.json")
    (path,) = (site / "content/trials").glob("*.yaml")
    before = path.read_bytes()
    report = run_import(site, DATA / "v2_json/NCT04012996.json", today=dt.date(2030, 1, 1))
    assert [o.action for o in report.outcomes] == ["unchanged"]
    assert path.read_bytes() == before


def test_status_change_is_recorded_and_hand_written_fields_are_kept(site, tmp_path):
    source = DATA / "v2_json/NCT06025175.json"
    run_import(site, source)
    (path,) = (site / "content/trials").glob("*.yaml")
    path.write_text(path.read_text() + HAND_WRITTEN)
    opened = changed_record(
        tmp_path,
        source,
        "NCT06025175.json",
        overallStatus="RECRUITING",
        statusVerifiedDate="2024-02",
        lastUpdatePostDateStruct={"date": "2024-02-10", "type": "ACTUAL"},
    )
    report = run_import(site, opened)
    assert not report.failed
    (outcome,) = report.outcomes
    assert outcome.action == "updated"
    assert outcome.changes == ("status NOT_YET_RECRUITING \u2192 RECRUITING (2024-02)",)
    text = path.read_text()
    assert HAND_WRITTEN.rstrip("\n") in text  # byte for byte, comments included
    trial = load_trial(path)
    assert [(c.status.value, c.date) for c in trial.status_history] == [
        ("NOT_YET_RECRUITING", "2023-09"),
        ("RECRUITING", "2024-02"),
    ]
    assert trial.summary.startswith("A plain-words summary") and trial.disclosure.startswith(
        "I am a participant"
    )
    assert trial.participation.consented == dt.date(2023, 5, 2) and trial.last_updated == "2024-02-10"
    # the same change imported again adds nothing
    assert [o.action for o in run_import(site, opened).outcomes] == ["unchanged"]
    closed = changed_record(tmp_path, source, "NCT06025175.json", overallStatus="COMPLETED",
                            statusVerifiedDate=None, lastUpdatePostDateStruct=None)  # fmt: skip
    run_import(site, closed)
    history = load_trial(path).status_history
    assert [(c.status.value, c.date) for c in history][-1] == (
        "COMPLETED",
        TODAY.isoformat(),
    )  # no date: today


def test_a_file_the_site_owner_named_keeps_its_slug(site):
    trials = site / "content/trials"
    (trials / "my-spine-trial.yaml").write_text(
        'id: "NCT05549596"\ntitle: My name for it\nstatus: RECRUITING\n'
    )
    report = run_import(site, DATA / "v2_json/NCT05549596.json")
    assert [o.trial_file for o in report.outcomes] == ["content/trials/my-spine-trial.yaml"]
    assert sorted(p.name for p in trials.iterdir()) == ["my-spine-trial.yaml"]
    assert load_trial(trials / "my-spine-trial.yaml").title.startswith("CETIS-I")


def test_partial_record_keeps_what_the_file_had(site, tmp_path):
    run_import(site, DATA / "v2_json/NCT05549596.json")
    (path,) = (site / "content/trials").glob("*.yaml")
    full = load_trial(path)
    data = json.loads((DATA / "v2_json/NCT05549596.json").read_text())
    ps = data["protocolSection"]
    for module in ("eligibilityModule", "contactsLocationsModule", "designModule"):
        del ps[module]
    del ps["statusModule"]["statusVerifiedDate"]
    trimmed = tmp_path / "NCT05549596.json"
    trimmed.write_text(json.dumps(data))
    report = run_import(site, trimmed)
    assert not report.failed and [o.action for o in report.outcomes] == ["unchanged"]
    (warning,) = report.problems
    assert not warning.fatal and warning.source.endswith("NCT05549596.json")
    assert (
        "is a partial record, missing design and phase (designModule), eligibility (eligibilityModule)"
        in (warning.message)
    )
    assert warning.message.endswith(f"kept what {path.relative_to(site)} already had")
    kept = load_trial(path)
    assert kept.eligibility == full.eligibility and kept.locations == full.locations
    assert kept.status_verified == "2023-04"


def test_broken_trimmed_and_mislabelled_files_are_reported_and_the_rest_imported(site, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name in ("NCT03453554.json", "NCT00465816.json", "empty_search.xml"):
        shutil.copy(DATA / "broken" / name, inputs)
    shutil.copy(DATA / "v2_json/NCT05549596.json", inputs / "NCT02278341.json")  # mislabelled
    text = (DATA / "classic_xml/NCT00513591.xml").read_text()
    (inputs / "NCT00513591.xml").write_text(text[:4000])  # broken XML
    shutil.copy(DATA / "classic_xml/NCT03245528.xml", inputs)
    shutil.copy(DATA / "download/ctg-studies.json", inputs)
    report = run_import(site, inputs)
    assert report.failed
    assert sorted(o.registry_id for o in report.outcomes) == ["NCT03245528", "NCT05602714", "NCT06413225"]
    problems = {Path(p.source.split(":")[0]).name: p for p in report.problems}
    assert set(problems) == {"NCT03453554.json", "NCT00465816.json", "empty_search.xml", "NCT02278341.json",
                             "NCT00513591.xml"}  # fmt: skip
    assert all(p.fatal for p in problems.values())
    assert "is a partial record, missing the overall status (statusModule.overallStatus)" in (
        problems["NCT03453554.json"].message
    )
    assert problems["NCT03453554.json"].message.endswith("; not imported")
    assert "mislabelled" in problems["NCT02278341.json"].message
    assert "is not valid XML" in problems["NCT00513591.xml"].message
    assert report.summary() == "imported 3 records (3 created); 5 could not be imported"


def test_a_broken_input_never_touches_the_file_on_disk(site, tmp_path, monkeypatch):
    run_import(site, DATA / "v2_json/NCT06025175.json")
    (path,) = (site / "content/trials").glob("*.yaml")
    path.write_text(path.read_text() + HAND_WRITTEN)
    before = path.read_bytes()
    # a record that would make the file invalid is refused, and the file is left alone
    bad = changed_record(
        tmp_path, DATA / "v2_json/NCT06025175.json", "NCT06025175.json", overallStatus="RECRUITNG"
    )
    data = json.loads(bad.read_text())
    data["protocolSection"]["statusModule"]["overallStatus"] = "RECRUITING"
    data["protocolSection"]["statusModule"]["statusVerifiedDate"] = "2024-13"  # no such month
    data["protocolSection"]["designModule"]["designInfo"]["maskingInfo"] = {
        "masking": "NONE",
        "whoMasked": ["PARTICIPANT"],
    }
    bad.write_text(json.dumps(data))
    report = run_import(site, bad)
    assert report.failed and report.outcomes == [] and path.read_bytes() == before
    (problem,) = [p for p in report.problems if p.fatal]
    assert f"would make {path.relative_to(site)} invalid: who_masked: lists who is masked" in problem.message
    assert problem.message.endswith("it was left as it is")
    # a failure while writing (disk full, Ctrl-C) leaves the old file whole, and no temporary file
    good = changed_record(tmp_path, DATA / "v2_json/NCT06025175.json", "NCT06025175.json",
                          overallStatus="RECRUITING", statusVerifiedDate="2024-03")  # fmt: skip

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        run_import(site, good)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_broken_trial_file_is_never_overwritten(site):
    run_import(site, DATA / "v2_json/NCT05549596.json")
    (path,) = (site / "content/trials").glob("*.yaml")
    path.write_text(path.read_text() + "participation: [oops\n")
    before = path.read_bytes()
    report = run_import(site, DATA / "v2_json/NCT05549596.json")
    (problem,) = report.problems
    assert problem.fatal and f"cannot update {path.relative_to(site)}" in problem.message
    assert "it was left as it is" in problem.message and path.read_bytes() == before


def test_an_older_record_does_not_undo_a_newer_one(site):
    run_import(site, DATA / "classic_xml/NCT00513591.xml")
    (path,) = (site / "content/trials").glob("*.yaml")
    before = path.read_bytes()
    report = run_import(site, DATA / "classic_xml/NCT00513591_mod.xml")
    assert [o.action for o in report.outcomes] == ["skipped"]
    assert "is older than" in report.problems[0].message and not report.failed
    assert path.read_bytes() == before


def test_slugs():
    assert base_slug("CETIS-I", "whatever", "NCT05549596") == "cetis-i"
    assert (
        base_slug("A1", "The Study of Something Important in Adults With Lupus", "NCT1")
        == "study-of-something-important-in-adults"
    )
    assert base_slug(None, "Effect of X on Y in People With", "NCT00000001") == "effect-of-x-on-y"
    assert base_slug(None, "Étude Française", "NCT00000001") == "etude-francaise"
    assert base_slug(None, "???", "NCT00000001") == "nct00000001"
    assert unique_slug("recruiting", set(), "NCT00000001") == "recruiting-nct00000001"
    assert unique_slug("smart", {"smart"}, "NCT04012996") == "smart-nct04012996"


def test_two_trials_wanting_one_slug(site, tmp_path):
    first = json.loads((DATA / "v2_json/NCT04012996.json").read_text())
    second = json.loads(json.dumps(first))
    second["protocolSection"]["identificationModule"]["nctId"] = "NCT04012997"
    (tmp_path / "a.json").write_text(json.dumps([first, second]))
    report = run_import(site, tmp_path / "a.json")
    assert [o.trial_file for o in report.outcomes] == ["content/trials/smart.yaml",
                                                      "content/trials/smart-nct04012997.yaml"]  # fmt: skip
    again = run_import(site, tmp_path / "a.json")
    assert [o.action for o in again.outcomes] == ["unchanged", "unchanged"]


def test_written_yaml_is_plain_and_ordered(site):
    run_import(site, DATA / "classic_xml/NCT00513591.xml")
    (path,) = (site / "content/trials").glob("*.yaml")
    text = path.read_text()
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line[0].isspace()]
    assert keys[:5] == ["id", "title", "official_title", "acronym", "registry_summary"] and "contacts" in keys
    assert yaml.safe_load(text)["start_date"] == "2007-08"


def test_cli_import(site, tmp_path):
    bad = tmp_path / "NCT00000000.json"
    bad.write_text("{")
    runner = CliRunner()
    ok = runner.invoke(main, ["import", "ctgov", str(DATA / "classic_xml/NCT03245528.xml"), "--site", str(site),
                              "--today", "2025-01-15"])  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert "created content/trials/expanded-access-for-ljpc-501.yaml (NCT03245528)" in ok.output
    assert "imported 1 record (1 created)" in ok.output
    failed = runner.invoke(main, ["import", "ctgov", str(bad), str(DATA / "classic_xml/NCT03245528.xml"),
                                  "--site", str(site)])  # fmt: skip
    assert failed.exit_code == 1
    assert "error: NCT00000000.json: is not valid JSON" in failed.output
    assert "unchanged content/trials/expanded-access-for-ljpc-501.yaml" in failed.output
    assert "Traceback" not in failed.output


def test_importer_indexes_existing_files_by_id(site):
    trials = site / "content/trials"
    (trials / "a.yaml").write_text("id: NCT00000001  # registry\ntitle: A\nstatus: RECRUITING\n")
    (trials / "b.yml").write_text("title: B\nstatus: RECRUITING\n")
    importer = Importer(site / "content", site, TODAY)
    assert importer.by_id == {"NCT00000001": trials / "a.yaml"} and importer.slugs == {"a", "b"}
