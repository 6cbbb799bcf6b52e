"""Reading ClinicalTrials.gov records in every shape, and the problems each broken one gives."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from trialblog.content.vocab import Masking, Phase, Status, StudyType
from trialblog.registry import values
from trialblog.registry.sources import read_file, registry_files

DATA = Path(__file__).parent / "data" / "ctgov"


def one(path: Path):
    read = read_file(path, path.name)
    assert len(read.records) == 1, read.problems
    return read.records[0]


def test_api_v2_single_study():
    record = one(DATA / "v2_json/NCT05549596.json")
    f = record.fields
    assert record.id == f["id"] == "NCT05549596" and not record.missing and not record.notes
    assert f["title"] == "CETIS-I (CEra Traction Improves Spine-I)"
    assert (f["status"], f["status_verified"], f["last_updated"]) == ("RECRUITING", "2023-04", "2023-05-01")
    assert record.status_date == "2023-04"
    assert f["phases"] == ["NA"] and f["allocation"] == "RANDOMIZED" and f["masking"] == "NONE"
    assert f["sponsor"] == "Ceragem Clinical Inc." and f["funder"].startswith("Industry")
    assert f["eligibility"]["minimum_age"] == "19 Years" and "maximum_age" not in f["eligibility"]
    assert f["eligibility"]["healthy_volunteers"] is False and f["eligibility"]["sex"] == "ALL"
    assert f["eligibility"]["criteria"].startswith("Inclusion Criteria:\n\n* Subject who")
    (site,) = f["locations"]
    assert site["city"] == "Jeonju" and site["status"] == "RECRUITING"
    assert site["geo"] == {"lat": 35.82194, "lon": 127.14889}
    assert site["contacts"] == [{"name": "Yong soon Yoon, MD", "role": "CONTACT"}]
    assert [c["name"] for c in f["contacts"]] == ["Hyungsun Kim", "Sungjin Kim"]


def test_api_v2_studies_page_says_more_pages_follow():
    read = read_file(DATA / "v2_json/studies_page.json", "page.json")
    assert [r.id for r in read.records] == ["NCT00184067", "NCT03934567"]
    assert [r.status for r in read.records] == ["TERMINATED", "ACTIVE_NOT_RECRUITING"]
    assert "studies[1] (NCT03934567)" in read.records[1].source
    (note,) = read.problems
    assert not note.fatal and "more pages follow (nextPageToken)" in note.message


def test_website_download_is_a_json_array():
    read = read_file(DATA / "download/ctg-studies.json", "ctg-studies.json")
    assert [r.id for r in read.records] == ["NCT05602714", "NCT06413225"]
    assert read.records[1].status == "NOT_YET_RECRUITING" and not read.problems
    assert read.records[0].source == "ctg-studies.json: item[0] (NCT05602714)"


def test_classic_xml():
    record = one(DATA / "classic_xml/NCT00513591.xml")
    f = record.fields
    assert f["title"] == "Duke Autoimmunity in Pregnancy Registry" and f["acronym"] == "DAP Registry"
    assert (f["status"], f["status_verified"], f["last_updated"]) == ("RECRUITING", "2017-06", "2017-06-16")
    assert f["study_type"] == "OBSERVATIONAL" and "phases" not in f  # "N/A" phase of an observational study
    assert f["start_date"] == "2007-08" and f["completion_date"] == "2018-06"
    assert "Systemic Lupus Erythematosus" in f["conditions"] and "Pregnancy" in f["keywords"]
    e = f["eligibility"]
    assert e == {
        "minimum_age": "18 Years",
        "sex": "FEMALE",
        "healthy_volunteers": True,
        "criteria": e["criteria"],
    }
    assert e["criteria"].startswith("Inclusion Criteria:\n\n  -  18 years of age or older")
    assert f["registry_summary"].startswith("It is difficult to predict")  # textblock indentation removed
    assert f["contacts"] == [
        {"name": "Megan E. B. Clowse, MD, MPH", "role": "CONTACT", "phone": "919-681-2045",
         "email": "megan.clowse@duke.edu"},
    ]  # fmt: skip
    (site,) = f["locations"]
    assert (site["city"], site["state"], site["country"], site["status"]) == (
        "Durham",
        "North Carolina",
        "United States",
        "RECRUITING",
    )


def test_classic_xml_pre_2017_design_and_expanded_access():
    old = one(DATA / "classic_xml/NCT00513591_mod.xml")
    assert old.fields["last_updated"] == "2016-06-15"
    access = one(DATA / "classic_xml/NCT03245528.xml")
    assert access.fields["study_type"] == "EXPANDED_ACCESS" and access.status == "AVAILABLE"


def test_file_named_after_an_alias_is_read_with_a_note():
    read = read_file(DATA / "classic_xml/NCT00980226.xml", "NCT00980226.xml")
    assert [r.id for r in read.records] == ["NCT00081588"]
    (note,) = read.problems
    assert not note.fatal and "an older id of NCT00081588" in note.message


def test_mislabelled_file_is_refused(tmp_path):
    wrong = tmp_path / "NCT02278341.json"
    shutil.copy(DATA / "v2_json/NCT05549596.json", wrong)
    read = read_file(wrong, "NCT02278341.json")
    assert read.records == []
    (problem,) = read.problems
    assert problem.fatal and str(problem).startswith("NCT02278341.json: is mislabelled")
    assert "its name says NCT02278341 but the record inside is NCT05549596" in problem.message


@pytest.mark.parametrize(
    ("name", "missing"),
    [
        ("NCT03453554.json", ["the overall status", "eligibility (eligibilityModule)", "design and phase"]),
        ("NCT00465816.json", ["the overall status", "conditions (conditionsModule)"]),
    ],
)
def test_trimmed_records_say_what_is_missing(name, missing):
    record = one(DATA / "broken" / name)
    joined = "; ".join(record.missing)
    for what in missing:
        assert what in joined


def test_partial_record_from_a_fields_subset():
    record = one(DATA / "v2_json/get_nct06604689_20260811.json")
    assert record.status == "RECRUITING" and record.fields["study_type"] == "OBSERVATIONAL"
    assert any("statusVerifiedDate" in m for m in record.missing)
    assert any("contactsLocationsModule" in m for m in record.missing)
    assert "locations" not in record.fields and "status_verified" not in record.fields


def test_broken_json_is_a_problem_with_its_line(tmp_path):
    broken = tmp_path / "cut.json"
    text = (DATA / "v2_json/NCT05549596.json").read_text()
    broken.write_text(text[: len(text) // 2])
    read = read_file(broken, "cut.json")
    (problem,) = read.problems
    assert read.records == [] and problem.fatal
    assert problem.message.startswith("is not valid JSON:") and "line " in problem.message
    assert "cut short" in problem.message


def test_broken_xml_empty_files_and_other_documents(tmp_path):
    cases = {
        "cut.xml": (DATA / "classic_xml/NCT00513591.xml").read_text()[:3000],
        "empty.json": "  \n",
        "other.json": json.dumps({"hello": "world"}),
        "v1.json": json.dumps({"FullStudiesResponse": {}}),
        "other.xml": "<?xml version='1.0'?><html/>",
    }
    expected = {
        "cut.xml": "is not valid XML",
        "empty.json": "the file is empty",
        "other.json": "is not a ClinicalTrials.gov study (found hello)",
        "v1.json": "retired ClinicalTrials.gov API v1 format",
        "other.xml": "its root element is <html>, not <clinical_study>",
    }
    for name, text in cases.items():
        (tmp_path / name).write_text(text)
        read = read_file(tmp_path / name, name)
        assert read.records == [] and len(read.problems) == 1, name
        assert read.problems[0].fatal and expected[name] in read.problems[0].message, read.problems
    rss = read_file(DATA / "broken/empty_search.xml", "rss.xml")
    assert "an RSS feed of search results" in rss.problems[0].message


def test_xml_entities_are_never_expanded(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<clinical_study><id_info><nct_id>NCT00000001</nct_id></id_info><brief_title>&b;&x;</brief_title>"
        "<overall_status>Recruiting</overall_status></clinical_study>"
    )
    read = read_file(bomb, "bomb.xml")
    title = read.records[0].fields.get("title", "") if read.records else ""
    assert "aaaa" not in title and "root:" not in title


def test_folders_are_searched_for_json_and_xml(tmp_path):
    files = [p.name for p in registry_files([DATA / "classic_xml", DATA / "v2_json/NCT05549596.json"])]
    assert files == ["NCT00513591.xml", "NCT00513591_mod.xml", "NCT00980226.xml", "NCT03245528.xml",
                     "NCT05549596.json"]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "word", "expected"),
    [
        (Status, "Active, not recruiting", Status.ACTIVE_NOT_RECRUITING),
        (Status, "Unknown status", Status.UNKNOWN),
        (Status, "ENROLLING_BY_INVITATION", Status.ENROLLING_BY_INVITATION),
        (StudyType, "Observational [Patient Registry]", StudyType.OBSERVATIONAL),
        (Masking, "Double Blind", Masking.DOUBLE),
        (Masking, "Open Label", Masking.NONE),
        (Status, "Nonsense", None),
    ],
)
def test_registry_words(kind, word, expected):
    assert values.vocab(kind, word) is expected


def test_phases_dates_and_ages():
    assert values.phases(["Phase 1/Phase 2", "N/A", "PHASE3", "Phase 9"]) == (
        [Phase.PHASE1.value, Phase.PHASE2.value, "NA", "PHASE3"],
        ["Phase 9"],
    )
    assert values.iso_date("June 1, 2017") == "2017-06-01" and values.iso_date("August 2007") == "2007-08"
    assert values.iso_date("2024-02-30") is None and values.iso_date("soon") is None
    assert values.age("N/A") is None and values.age(" 18  Years ") == "18 Years"
    assert values.age_in_years("6 Months") == 0.5 and values.age_in_years("N/A") is None


def test_mesh_headings_from_both_formats():
    record = one(DATA / "v2_json/NCT05549596.json")
    assert record.fields["mesh_conditions"] == [
        "Spinal Stenosis", "Intervertebral Disc Displacement", "Constriction, Pathologic", "Hernia"
    ]  # fmt: skip
    assert "Lumbar Disc Herniation" in record.fields["conditions"]
    xml = one(DATA / "classic_xml/NCT00513591.xml")
    assert xml.fields["mesh_conditions"][:3] == ["Arthritis", "Arthritis, Rheumatoid", "Lupus Erythematosus, Systemic"]
    partial = one(DATA / "v2_json/get_nct06604689_20260811.json")
    assert "mesh_conditions" not in partial.fields  # not asked for: the trial file keeps what it has
