"""Property-based tests of the ClinicalTrials.gov importer: any file gives records or our own
problems, never an exception; whatever the importer writes, the strict loader accepts.

Inputs: arbitrary bytes, arbitrary JSON-ish values in and around the study structure, mutations
of the real records in tests/data/ctgov/ (keys dropped, wrong types, nulls, long and unusual
text), and XML-ish text built from the classic record's elements.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from trialblog.content.errors import ContentErrors
from trialblog.content.site import TRIAL_SUFFIXES, content_files, load_trials
from trialblog.content.sources import FORBIDDEN, MAX_BYTES
from trialblog.content.trials import Trial, load_trial
from trialblog.registry.importer import Importer, ImportReport
from trialblog.registry.record import RegistryRecord
from trialblog.registry.sources import FileRead, Problem, read_file

DATA = Path(__file__).parent / "data" / "ctgov"
TODAY = dt.date(2025, 1, 15)
# More examples for a longer search: TRIALBLOG_HYPOTHESIS_EXAMPLES=1000.
EXAMPLES = int(os.environ.get("TRIALBLOG_HYPOTHESIS_EXAMPLES", "60"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def real_studies() -> list[dict]:
    """Every API v2 study object in the test data, whatever the file's shape."""
    studies: list[dict] = []
    for path in sorted(DATA.rglob("*.json")):
        data = json.loads(path.read_text())
        items = data if isinstance(data, list) else data.get("studies", [data])
        studies += [s for s in items if isinstance(s, dict) and isinstance(s.get("protocolSection"), dict)]
    return studies


STUDIES = real_studies()
COMPLETE = next(
    i for i, s in enumerate(STUDIES) if s["protocolSection"]["identificationModule"]["nctId"] == "NCT05549596"
)
XML_RECORDS = [p.read_bytes() for p in sorted((DATA / "classic_xml").glob("*.xml"))]

# Text that has broken YAML writers and HTML pages: YAML words, indicators, line breaks of every
# kind, markup, surrogates and characters XML forbids.
TRICKY = st.sampled_from(
    ["yes", "no", "null", "~", "NaN", ".inf", "2024-02-30", "2024-01", "0x1F", "1e3", "- x", "? x", ": x",
     "# x", "x # y", "x: y", "&a", "*a", "!tag", "|", ">", "'", '"', "%YAML", "---", "...", "\t", " x ",
     "a\n b", "\n\nx", "x\r\ny", "\x85", "\u2028", "\u2029", "\ufeff", "\ud800", "\x00", "\x1b", "\x7f",
     "\uffff", "<script>alert(1)</script>", "]]>", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ﷺ", "\u0301", "RECRUITING", "PHASE2"]
)  # fmt: skip
text = st.one_of(st.text(max_size=40), TRICKY, st.lists(TRICKY, max_size=5).map("".join))
long_text = st.builds(lambda t, n: (t or "x") * n, text, st.integers(1, 20_000))
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(10**30), 10**30), st.floats(), text, long_text
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=10,
)
# Keys the reader looks for, so generated structures reach its code, not only its first check.
KEYS = ["protocolSection", "identificationModule", "nctId", "briefTitle", "acronym", "statusModule",
        "overallStatus", "statusVerifiedDate", "lastUpdatePostDateStruct", "date", "startDateStruct",
        "descriptionModule", "briefSummary", "conditionsModule", "conditions", "keywords", "designModule",
        "studyType", "phases", "designInfo", "allocation", "maskingInfo", "masking", "whoMasked",
        "armsInterventionsModule", "armGroups", "label", "type", "description", "interventions", "name",
        "sponsorCollaboratorsModule", "leadSponsor", "class", "collaborators", "eligibilityModule",
        "eligibilityCriteria", "healthyVolunteers", "sex", "minimumAge", "maximumAge",
        "contactsLocationsModule", "centralContacts", "locations", "facility", "city", "country", "status",
        "geoPoint", "lat", "lon", "contacts", "phone", "phoneExt", "email", "role", "studies"]  # fmt: skip
VALUES = st.one_of(
    json_values,
    st.sampled_from(["NCT01234567", "NCT7654321", "RECRUITING", "COMPLETED", "INTERVENTIONAL", "PHASE2",
                     "RANDOMIZED", "DOUBLE", "PARTICIPANT", "ALL", "18 Years", "2024-01", "2024-01-15",
                     "EXPERIMENTAL", "DRUG", "INDUSTRY"]),
)  # fmt: skip
study_like = st.recursive(
    VALUES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=6),
    max_leaves=25,
)  # fmt: skip


def paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every key path into ``value``."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield prefix + (key,)
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield prefix + (i,)
            yield from paths(item, prefix + (i,))


MUTATION = st.tuples(
    st.integers(min_value=0), st.sampled_from(["drop", "null", "replace", "wrap", "stringify"]), VALUES
)


def mutate(study: dict, mutations: list[tuple[int, str, Any]]) -> dict:
    """``study`` with each mutation applied at a key path chosen by its number."""
    study = copy.deepcopy(study)
    for number, op, value in mutations:
        where = list(paths(study))
        if not where:
            break
        *parent_path, key = where[number % len(where)]
        parent = study
        for part in parent_path:
            parent = parent[part]
        if op == "drop":
            del parent[key]
        elif op == "null":
            parent[key] = None
        elif op == "replace":
            parent[key] = value
        elif op == "wrap":
            parent[key] = [parent[key]]
        else:
            parent[key] = json.dumps(parent[key])
    return study


def check_read(read: FileRead) -> None:
    assert all(isinstance(r, RegistryRecord) for r in read.records)
    assert all(isinstance(p, Problem) and p.message for p in read.problems)
    for record in read.records:
        assert all(isinstance(key, str) for key in record.fields)


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


def assert_publishable(trial: Trial) -> None:
    """Every text of ``trial`` can go into a UTF-8 page and an XML feed."""
    for value in strings(dataclasses.asdict(trial)):
        value.encode("utf-8")  # a lone surrogate raises here, as it would in the build
        assert not FORBIDDEN.search(value), repr(value)


def import_into_site(files: dict[str, bytes]) -> tuple[ImportReport, Path]:
    """Import ``files`` (name: bytes) into an empty site; checks what was written loads."""
    folder = Path(tempfile.mkdtemp(prefix="import-"))
    (folder / "content" / "trials").mkdir(parents=True)
    inputs = folder / "inputs"
    inputs.mkdir()
    for name, data in files.items():
        (inputs / name).write_bytes(data)
    report = Importer(folder / "content", folder, TODAY).run([inputs])
    assert all(isinstance(p, Problem) for p in report.problems)
    unforeseen = [p for p in report.problems if "could not be imported (" in p.message]
    assert not unforeseen, unforeseen  # every input is one the reader expects, however odd
    written = [o for o in report.outcomes if o.action in ("created", "updated")]
    for outcome in written:
        try:
            trial = load_trial(folder / outcome.trial_file, folder)
        except ContentErrors as exc:  # pragma: no cover - the failure this test looks for
            raise AssertionError(f"the importer wrote a file the site refuses:\n{exc.report()}") from None
        assert isinstance(trial, Trial) and trial.id == outcome.registry_id
        assert_publishable(trial)
    if written:  # the site's trial records load together: slugs, ids, everything
        site = load_trials(content_files(folder / "content/trials", TRIAL_SUFFIXES), folder)
        assert site.errors == [], "\n".join(map(str, site.errors))
    return report, folder


def round_trip(files: dict[str, bytes]) -> None:
    """Import, check the values survived the YAML, import again: the files stay as they are."""
    report, folder = import_into_site(files)
    try:
        before = {p.name: p.read_bytes() for p in (folder / "content/trials").iterdir()}
        records = [r for name in files for r in read_file(folder / "inputs" / name).records]
        ids = [r.id for r in records]
        for record in records:
            outcomes = [o for o in report.outcomes if o.registry_id == record.id]
            if len(outcomes) == 1 and ids.count(record.id) == 1 and outcomes[0].action != "skipped":
                trial = load_trial(folder / outcomes[0].trial_file, folder)
                assert trial.title == record.fields["title"].strip()
                assert list(trial.conditions) == [c.strip() for c in record.fields.get("conditions", [])]
                assert trial.registry_summary == record.fields.get("registry_summary", "").strip()
        again = Importer(folder / "content", folder, TODAY).run([folder / "inputs"])
        if len(set(ids)) == len(ids):  # two versions of one study in one import take turns
            assert {o.action for o in again.outcomes} <= {"unchanged", "skipped"}
            assert {p.name: p.read_bytes() for p in (folder / "content/trials").iterdir()} == before
    finally:
        shutil.rmtree(folder)


# --- reading files ------------------------------------------------------------------------------


@FAST
@given(
    st.sampled_from(
        [b"", b"\xef\xbb\xbf", b"{", b"[", b"<", b'<?xml version="1.0"?><clinical_study>', b" \n"]
    ),
    st.binary(max_size=600),
)
@example(b"", b"[" * 100_000)
@example(b"", b'{"a":' * 50_000)
@example(b"<", b"a>" * 2 + b"<a>" * 10_000)
def test_any_bytes_give_records_or_problems(prefix, data):
    with tempfile.TemporaryDirectory() as folder:
        for name in ("NCT01234567.json", "x.xml"):
            path = Path(folder) / name
            path.write_bytes(prefix + data)
            check_read(read_file(path))


@FAST
@given(json_values)
def test_any_json_value_gives_records_or_problems(value):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "study.json"
        path.write_text(json.dumps(value))
        check_read(read_file(path))


@FAST
@given(study_like)
def test_any_study_shaped_json_gives_records_or_problems(value):
    study = value if isinstance(value, dict) else {"protocolSection": value}
    study.setdefault("protocolSection", {})
    with tempfile.TemporaryDirectory() as folder:
        for shape, data in (("one", study), ("page", {"studies": [study, value]}), ("download", [study])):
            path = Path(folder) / f"{shape}.json"
            path.write_text(json.dumps(data))
            check_read(read_file(path))


# --- importing: every file written loads, and importing again changes nothing ---------------------


@FAST
@given(st.sampled_from(range(len(STUDIES))), st.lists(MUTATION, max_size=6))
def test_mutated_real_records_import_into_files_that_load(which, mutations):
    study = mutate(STUDIES[which], mutations)
    round_trip({"study.json": json.dumps(study).encode()})


@FAST
@given(
    study_like, st.sampled_from(["NCT01234567", "NCT09999999"]), st.sampled_from(["RECRUITING", "COMPLETED"])
)
@example({"protocolSection": {"designModule": {"designInfo": "not a mapping"}}}, "NCT01234567", "RECRUITING")
def test_generated_records_import_into_files_that_load(value, nct, status):
    study = value if isinstance(value, dict) else {}
    ps = study.setdefault("protocolSection", {})
    if isinstance(ps, dict):
        ident = ps.setdefault("identificationModule", {})
        if isinstance(ident, dict):
            ident.setdefault("nctId", nct)
            ident.setdefault("briefTitle", "A study")
        if isinstance(ps.get("statusModule", {}), dict):
            ps.setdefault("statusModule", {}).setdefault("overallStatus", status)
    round_trip({"study.json": json.dumps(study).encode()})


def text_leaves(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Key paths of every text value in ``value``."""
    for path in paths(value, prefix):
        item = value
        for part in path:
            item = item[part]
        if isinstance(item, str):
            yield path


@FAST
@given(
    st.sampled_from(range(len(STUDIES))),
    st.lists(st.tuples(st.integers(min_value=0), text), min_size=1, max_size=8),
)
def test_any_text_in_any_field_imports_into_files_that_load(which, changes):
    study = copy.deepcopy(STUDIES[which])
    leaves = [p for p in text_leaves(study) if p[-1] != "nctId"]
    for number, value in changes:
        *parent_path, key = leaves[number % len(leaves)]
        parent = study
        for part in parent_path:
            parent = parent[part]
        parent[key] = value
    round_trip({"study.json": json.dumps(study).encode()})


@pytest.mark.parametrize(
    "odd", ["a\ud800b", "0\x850", "x\u2028y\u2029z", "\ufeffx", "x\x00\x1b\x7fy", " x\r\ny "]
)
def test_unusual_characters_in_every_text_field(odd):
    """A lone surrogate, NEL, LS/PS, a BOM, control characters and CR LF in every free-text field."""
    study = copy.deepcopy(STUDIES[COMPLETE])
    words = {"nctId", "overallStatus", "date", "statusVerifiedDate", "studyType", "phases", "allocation",
             "masking", "sex", "type", "class", "status", "role", "minimumAge", "maximumAge"}  # fmt: skip
    for *parent_path, key in text_leaves(study):
        parent = study
        for part in parent_path:
            parent = parent[part]
        if key not in words and not (isinstance(key, int) and parent_path[-1] in words):
            parent[key] = f"{parent[key][:20]} {odd} end"
    round_trip({"study.json": json.dumps(study).encode()})


@FAST
@given(
    st.lists(
        st.tuples(st.sampled_from(range(len(STUDIES))), st.lists(MUTATION, max_size=3)),
        min_size=2,
        max_size=4,
    )
)
def test_several_mutated_records_share_a_site(items):
    files = {
        f"{i}.json": json.dumps(mutate(STUDIES[which], m)).encode() for i, (which, m) in enumerate(items)
    }
    round_trip(files)


def test_a_record_too_large_for_the_site_is_refused():
    study = copy.deepcopy(next(s for s in STUDIES if "descriptionModule" in s["protocolSection"]))
    study["protocolSection"]["descriptionModule"]["briefSummary"] = "word " * (MAX_BYTES // 5 + 1000)
    report, folder = import_into_site({"study.json": json.dumps(study).encode()})
    assert report.outcomes == [] and report.failed
    assert "too large" in str(report.problems[-1])
    assert list((folder / "content/trials").iterdir()) == []


# --- XML ----------------------------------------------------------------------------------------

XML_TAGS = ["clinical_study", "id_info", "nct_id", "nct_alias", "brief_title", "acronym", "official_title",
            "brief_summary", "textblock", "overall_status", "verification_date", "last_update_posted",
            "start_date", "completion_date", "condition", "keyword", "study_type", "phase",
            "study_design_info", "study_design", "allocation", "masking", "arm_group", "arm_group_label",
            "arm_group_type", "description", "intervention", "intervention_type", "intervention_name",
            "sponsors", "lead_sponsor", "agency", "agency_class", "collaborator", "eligibility", "criteria",
            "gender", "minimum_age", "maximum_age", "healthy_volunteers", "overall_contact", "first_name",
            "last_name", "degrees", "phone", "phone_ext", "email", "location", "facility", "name", "address",
            "city", "state", "zip", "country", "status", "contact"]  # fmt: skip
XML_TEXT = st.one_of(
    text,
    st.sampled_from(["NCT01234567", "Recruiting", "Completed", "Interventional", "Phase 1/Phase 2", "N/A",
                     "June 1, 2017", "June 2017", "2017-06", "Randomized", "Double (Participant, Investigator)",
                     "Allocation: Randomized, Masking: Double Blind", "Accepts Healthy Volunteers", "18 Years",
                     "Female", "Experimental", "Drug", "Industry"]),
)  # fmt: skip


def element(tag: str, children: list) -> etree._Element:
    node = etree.Element(tag)
    for child in children:
        if isinstance(child, str):
            clean = "".join(
                c for c in child if c in "\t\n\r" or (" " <= c <= "\ud7ff") or "\ue000" <= c <= "\ufffd"
            )
            if len(node):
                node[-1].tail = (node[-1].tail or "") + clean
            else:
                node.text = (node.text or "") + clean
        else:
            node.append(child)
    return node


xml_trees = st.recursive(
    XML_TEXT,
    lambda inner: st.tuples(st.sampled_from(XML_TAGS), st.lists(inner, max_size=5)).map(
        lambda t: element(*t)
    ),
    max_leaves=30,
)


@FAST
@given(st.lists(xml_trees, max_size=8), st.sampled_from(["NCT01234567", "NCT0123", ""]))
def test_xml_shaped_records_import_into_files_that_load(children, nct):
    root = element("clinical_study", [element("id_info", [element("nct_id", [nct])]), *children])
    root.append(element("overall_status", ["Recruiting"]))
    root.append(element("brief_title", ["A study"]))
    round_trip({"NCT01234567.xml": etree.tostring(root, xml_declaration=True, encoding="UTF-8")})


@FAST
@given(
    st.sampled_from(range(len(XML_RECORDS))),
    st.integers(min_value=0),
    st.sampled_from(["cut", "splice"]),
    st.binary(max_size=40),
)
def test_broken_real_xml_gives_records_or_problems(which, at, how, junk):
    raw = XML_RECORDS[which]
    at %= len(raw)
    data = raw[:at] if how == "cut" else raw[:at] + junk + raw[at:]
    report, folder = import_into_site({"record.xml": data})
    shutil.rmtree(folder)
    assert report.outcomes or report.problems


@FAST
@given(
    st.lists(
        st.sampled_from([*"<>/&;![]-?=\"' CDATAxml\n", *XML_TAGS[:12], "<!--", "]]>", "&#0;"]), max_size=120
    ).map("".join)
)
def test_xml_ish_text_gives_records_or_problems(body):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.xml"
        path.write_text("<clinical_study>" + body, encoding="utf-8", errors="surrogatepass")
        check_read(read_file(path))
