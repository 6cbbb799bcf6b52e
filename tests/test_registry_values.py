"""Values of every unexpected type and size, in every field the importer reads, give that file a
problem and never stop the batch; registry ids are ASCII only."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from trialblog.content.errors import ContentErrors
from trialblog.content.trials import REGISTRY_IDS, load_trial, registry_of
from trialblog.registry.importer import import_paths

DATA = Path(__file__).parent / "data" / "ctgov" / "v2_json"
TODAY = dt.date(2025, 1, 15)
STUDY = json.loads((DATA / "NCT05549596.json").read_text())

# Every field the reader takes from an API v2 study (list items as [0]).
FIELDS = [
    "identificationModule.nctId", "identificationModule.briefTitle", "identificationModule.officialTitle",
    "identificationModule.acronym", "statusModule.overallStatus", "statusModule.statusVerifiedDate",
    "statusModule.lastUpdatePostDateStruct.date", "statusModule.startDateStruct.date",
    "statusModule.completionDateStruct.date", "descriptionModule.briefSummary",
    "conditionsModule.conditions.[0]", "conditionsModule.keywords.[0]", "designModule.studyType",
    "designModule.phases.[0]", "designModule.designInfo.allocation",
    "designModule.designInfo.maskingInfo.masking", "armsInterventionsModule.armGroups.[0].label",
    "armsInterventionsModule.armGroups.[0].type", "armsInterventionsModule.armGroups.[0].description",
    "armsInterventionsModule.interventions.[0].name", "armsInterventionsModule.interventions.[0].type",
    "armsInterventionsModule.interventions.[0].description", "sponsorCollaboratorsModule.leadSponsor.name",
    "sponsorCollaboratorsModule.leadSponsor.class", "eligibilityModule.minimumAge",
    "eligibilityModule.maximumAge", "eligibilityModule.sex", "eligibilityModule.healthyVolunteers",
    "eligibilityModule.eligibilityCriteria", "contactsLocationsModule.centralContacts.[0].name",
    "contactsLocationsModule.centralContacts.[0].phone", "contactsLocationsModule.centralContacts.[0].email",
    "contactsLocationsModule.locations.[0].facility", "contactsLocationsModule.locations.[0].city",
    "contactsLocationsModule.locations.[0].country", "contactsLocationsModule.locations.[0].status",
    "contactsLocationsModule.locations.[0].geoPoint.lat", "contactsLocationsModule.locations.[0].geoPoint.lon",
    "contactsLocationsModule.locations.[0].contacts.[0].name",
]  # fmt: skip
# JSON as written in the file: numbers Python will not read as int, nan and infinities, deep and
# wide structures, values of the wrong type.
VALUES = {
    "5000 digits": "9" * 5000,
    "-5000 digits": "-" + "7" * 5000,
    "1e400": "1e400",
    "a long fraction": "0." + "1" * 5000,
    "NaN": "NaN",
    "Infinity": "Infinity",
    "-Infinity": "-Infinity",
    "an integer": "20240101",
    "true": "true",
    "nested 500 deep": "[" * 500 + "]" * 500,
    "nested 100000 deep": "[" * 100_000 + "]" * 100_000,
    "a mapping": '{"a": {"b": [1, 2, {"c": null}]}}',
    "a list of numbers": "[1, 2.5, 1e999]",
}
MARK = '"@@HOSTILE@@"'
# The few values above that are of a field's own type.
FITTING = {
    ("eligibilityModule.healthyVolunteers", "true"),
    ("contactsLocationsModule.locations.[0].geoPoint.lat", "a long fraction"),
    ("contactsLocationsModule.locations.[0].geoPoint.lon", "a long fraction"),
}


def with_value(field: str, value: str, nct: str) -> str:
    """The study's JSON text with ``field`` set to ``value`` (as JSON text) and id ``nct``."""
    study = copy.deepcopy(STUDY)
    ps = study["protocolSection"]
    if field != "identificationModule.nctId":
        ps["identificationModule"]["nctId"] = nct
    parts = field.split(".")
    node: Any = ps
    for part, after in zip(parts, parts[1:], strict=False):
        empty = [] if after.startswith("[") else {}
        if part.startswith("["):
            if not node:
                node.append(empty)
            node = node[0]
        else:
            node = node.setdefault(part, empty)
    if parts[-1].startswith("["):
        node[:1] = ["@@HOSTILE@@"]
    else:
        node[parts[-1]] = "@@HOSTILE@@"
    return json.dumps(study).replace(MARK, value)


def test_every_odd_value_in_every_field_is_one_files_problem(tmp_path):
    site, inputs = tmp_path / "site", tmp_path / "inputs"
    (site / "content/trials").mkdir(parents=True)
    inputs.mkdir()
    # Sorted by name: a good record first and last, every odd value in every field between them.
    (inputs / "a-first.json").write_text(json.dumps(STUDY))
    (inputs / "z-last.json").write_text(json.dumps(STUDY).replace("NCT05549596", "NCT00000099"))
    files = {}
    for i, field in enumerate(FIELDS):
        for j, (kind, value) in enumerate(VALUES.items()):
            name = f"m-{i:02d}-{j:02d}.json"
            (inputs / name).write_text(with_value(field, value, f"NCT1{i:03d}{j:04d}"))
            files[name] = (field, kind)
    report = import_paths([inputs], site / "content", site, TODAY)

    imported = {o.registry_id for o in report.outcomes}
    assert {"NCT05549596", "NCT00000099"} <= imported
    for problem in report.problems:
        assert len(problem.message) < 400, problem
        assert "could not be imported (" not in problem.message, problem  # nothing unforeseen
    for name, (field, kind) in files.items():
        if kind == "nested 100000 deep":
            assert any(p.source.endswith(name) and p.fatal for p in report.problems), name
        elif (field, kind) not in FITTING:
            assert any(p.source.endswith(name) for p in report.problems), (field, kind)
    for outcome in report.outcomes:
        load_trial(site / outcome.trial_file, site)  # every file written loads


def test_an_unforeseen_failure_in_one_file_is_its_problem(tmp_path, monkeypatch):
    """Whatever a reader did not foresee stops that file or record, never the batch."""
    from trialblog.registry import importer

    site, inputs = tmp_path / "site", tmp_path / "inputs"
    (site / "content/trials").mkdir(parents=True)
    inputs.mkdir()
    for n in range(3):
        (inputs / f"{n}.json").write_text(json.dumps(STUDY).replace("NCT05549596", f"NCT0000000{n}"))
    real = importer.read_file

    def read_file(path: Path, shown: str):
        if path.name == "1.json":
            raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")
        return real(path, shown)

    monkeypatch.setattr(importer, "read_file", read_file)
    report = import_paths([inputs], site / "content", site, TODAY)
    assert sorted(o.registry_id for o in report.outcomes) == ["NCT00000000", "NCT00000002"]
    (problem,) = [p for p in report.problems if p.fatal]
    assert problem.source.endswith("1.json") and "ValueError: Exceeds the limit" in problem.message


OTHER_DIGITS = {
    "full-width": "０１２３４５６７８９",
    "Arabic-Indic": "٠١٢٣٤٥٦٧٨٩",
    "Devanagari": "०१२३४५६७८९",
    "mathematical bold": "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
}


def foreign(text: str, digits: str) -> str:
    return "".join(digits[int(c)] if c.isascii() and c.isdigit() else c for c in text)


@pytest.mark.parametrize("script", OTHER_DIGITS)
def test_an_nct_number_in_other_digits_is_not_one(tmp_path, script):
    site = tmp_path / "site"
    (site / "content/trials").mkdir(parents=True)
    nct = foreign("NCT05549596", OTHER_DIGITS[script])
    record = tmp_path / "record.json"
    record.write_text(json.dumps(STUDY).replace("NCT05549596", nct))
    report = import_paths([record], site / "content", site, TODAY)
    assert report.outcomes == []
    assert any("is not one" in p.message and p.fatal for p in report.problems)
    assert not list((site / "content/trials").iterdir())


@pytest.mark.parametrize("script", OTHER_DIGITS)
@pytest.mark.parametrize("registry", REGISTRY_IDS)
def test_registry_ids_are_ascii_digits_only(tmp_path, registry, script):
    example = {
        "ClinicalTrials.gov": "NCT04012996", "ISRCTN": "ISRCTN12345678", "EU CT": "2023-501234-56-00",
        "EudraCT": "2006-001234-56", "ANZCTR": "ACTRN12345678901234", "DRKS": "DRKS00012345",
        "JPRN": "JPRN-jRCT2031200123", "ChiCTR": "ChiCTR2000029308", "CTRI": "CTRI/2020/05/025214",
        "IRCT": "IRCT20200405046953N1", "TCTR": "TCTR20200405001", "NL-OMON": "NL-OMON12345",
        "PACTR": "PACTR202001234567890", "CRiS": "KCT0001234", "ReBEC": "RBR-74547s2",
    }[registry]  # fmt: skip
    assert registry_of(example) == registry
    odd = foreign(example, OTHER_DIGITS[script])
    assert registry_of(odd) is None and registry_of(example + "\n") is None
    path = tmp_path / "odd.yaml"
    path.write_text(f"id: {odd}\ntitle: Odd\nstatus: RECRUITING\n", encoding="utf-8")
    with pytest.raises(ContentErrors, match="not a registry id"):
        load_trial(path)


ODD_KEYS = ["1: one\n", "~: nothing\n", "2024-01-01: a date\n", "true: yes\n", ".nan: nan\n", "? [a, b]\n: c\n"]


@pytest.mark.parametrize("extra", ODD_KEYS)
def test_updating_a_trial_file_with_odd_keys_is_a_problem_not_a_crash(tmp_path, extra):
    site = tmp_path / "site"
    (site / "content/trials").mkdir(parents=True)
    trial = site / "content/trials/ceragem.yaml"
    trial.write_text("id: NCT05549596\ntitle: Mine\nstatus: RECRUITING\n" + extra)
    before = trial.read_bytes()
    other = tmp_path / "NCT04012996.json"
    other.write_text((DATA / "NCT04012996.json").read_text())
    report = import_paths([DATA / "NCT05549596.json", other], site / "content", site, TODAY)
    assert [o.registry_id for o in report.outcomes if o.action == "created"] == ["NCT04012996"]
    (problem,) = [p for p in report.problems if p.fatal]
    assert "content/trials/ceragem.yaml" in problem.message and trial.read_bytes() == before
