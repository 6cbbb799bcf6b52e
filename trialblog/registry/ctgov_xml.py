"""Classic ClinicalTrials.gov public XML (``<clinical_study>``) → :class:`RegistryRecord`."""

from __future__ import annotations

import re
from functools import partial

from lxml import etree

from ..content.vocab import Allocation, ArmType, InterventionType, Masking, Sex, Status, StudyType, WhoMasked
from . import values as v
from .record import RegistryRecord

OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"}
# The pre-2017 records write the design as one line of "Name: value" pairs.
OLD_DESIGN = {
    "allocation": re.compile(r"Allocation:\s*([^,]+)"),
    "masking": re.compile(r"Masking:\s*([^,(]+(?:\([^)]*\))?)"),
}


def parser() -> etree.XMLParser:
    """An XML parser that never fetches anything and never expands entities."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


def _text(node: etree._Element | None, path: str) -> str | None:
    found = node.find(path) if node is not None else None
    if found is None or found.text is None:
        return None
    return v.clean_line(found.text) or None


def _block(node: etree._Element | None, path: str) -> str | None:
    found = node.find(path) if node is not None else None
    if found is None:
        return None
    text = found.findtext("textblock") if found.find("textblock") is not None else found.text
    return (v.clean_block(text) or None) if text else None


def _all(node: etree._Element, path: str) -> list[str]:
    out: list[str] = []
    for found in node.findall(path):
        text = v.clean_line(found.text or "")
        if text and text not in out:
            out.append(text)
    return out


def read_clinical_study(root: etree._Element, source: str) -> RegistryRecord:
    """Read one ``<clinical_study>``; what is missing or not understood is noted on the record."""
    record = RegistryRecord(id=_text(root, "id_info/nct_id"), source=source)
    record.aliases = tuple(_all(root, "id_info/nct_alias"))
    f = record.fields
    notes = record.notes

    word = partial(v.known, notes=notes, not_given=v.NOT_GIVEN)

    f["id"] = record.id
    f["title"] = _text(root, "brief_title")
    f["official_title"] = _text(root, "official_title")
    f["acronym"] = _text(root, "acronym")
    f["registry_summary"] = _block(root, "brief_summary")

    f["status"] = word(Status, _text(root, "overall_status"), "overall status")
    f["status_verified"] = v.iso_date(_text(root, "verification_date"))
    f["last_updated"] = v.iso_date(_text(root, "last_update_posted") or _text(root, "lastchanged_date"))
    f["start_date"] = v.iso_date(_text(root, "start_date"))
    f["completion_date"] = v.iso_date(
        _text(root, "completion_date") or _text(root, "primary_completion_date")
    )
    record.status_date = f["status_verified"] or f["last_updated"]

    f["conditions"] = _all(root, "condition")
    if root.find("condition_browse") is not None:
        f["mesh_conditions"] = _all(root, "condition_browse/mesh_term")
    f["keywords"] = _all(root, "keyword")
    f["study_type"] = word(StudyType, _text(root, "study_type"), "study type")
    phases, unknown = v.phases(_all(root, "phase"))
    notes.extend(f"phase {v.shown(p)} is not a value trialblog knows; left out" for p in unknown)
    if f["study_type"] == "INTERVENTIONAL" or [p for p in phases if p != "NA"]:
        f["phases"] = phases  # the XML gives "N/A" for observational studies too
    _design(root, f, word)

    f["arms"] = [
        v.compact(
            {
                "label": _text(arm, "arm_group_label"),
                "type": word(ArmType, _text(arm, "arm_group_type"), "arm type"),
                "description": _block(arm, "description"),
            }
        )
        for arm in root.findall("arm_group")
        if _text(arm, "arm_group_label")
    ]
    f["interventions"] = [
        v.compact(
            {
                "name": _text(i, "intervention_name"),
                "type": (
                    v.vocab(InterventionType, _text(i, "intervention_type") or "") or InterventionType.OTHER
                ).value
                if _text(i, "intervention_type")
                else None,
                "description": _block(i, "description"),
            }
        )
        for i in root.findall("intervention")
        if _text(i, "intervention_name")
    ]

    sponsors = root.find("sponsors")
    if sponsors is not None:
        f["sponsor"] = _text(sponsors, "lead_sponsor/agency")
        f["funder"] = v.funder(_text(sponsors, "lead_sponsor/agency_class"))
        f["collaborators"] = _all(sponsors, "collaborator/agency")

    elig = root.find("eligibility")
    if elig is not None:
        healthy = _text(elig, "healthy_volunteers")
        f["eligibility"] = v.compact(
            {
                "minimum_age": v.age(_text(elig, "minimum_age")),
                "maximum_age": v.age(_text(elig, "maximum_age")),
                "sex": word(Sex, _text(elig, "gender"), "sex"),
                "healthy_volunteers": None if not healthy else healthy.lower().startswith("accepts"),
                "criteria": _block(elig, "criteria"),
            }
        )

    f["contacts"] = [
        c
        for c in (
            _contact(root.find(tag), "CONTACT") for tag in ("overall_contact", "overall_contact_backup")
        )
        if c
    ]
    f["locations"] = [_location(loc, word) for loc in root.findall("location")]

    _note_missing(record, root)
    record.fields = {k: val for k, val in f.items() if val is not None}
    return record


def _design(root: etree._Element, f: dict, word) -> None:
    info = root.find("study_design_info")
    allocation = _text(info, "allocation")
    masking = _text(info, "masking")
    old = _text(root, "study_design")
    if old and info is None:
        found = {key: pattern.search(old) for key, pattern in OLD_DESIGN.items()}
        allocation = found["allocation"].group(1).strip() if found["allocation"] else None
        masking = found["masking"].group(1).strip() if found["masking"] else None
    f["allocation"] = word(Allocation, allocation, "allocation")
    if masking:
        level, _, who = masking.partition("(")
        f["masking"] = word(Masking, level.strip(), "masking")
        roles = [r.strip() for r in who.rstrip(")").split(",") if r.strip()]
        if f["masking"] == "NONE":
            roles = []
        f["who_masked"] = [w for w in (word(WhoMasked, r, "masked role") for r in roles) if w]


def _contact(node: etree._Element | None, role: str) -> dict | None:
    if node is None:
        return None
    parts = [_text(node, key) for key in ("first_name", "middle_name", "last_name")]
    name = " ".join(p for p in parts if p)
    degrees = _text(node, "degrees")
    phone, ext = _text(node, "phone"), _text(node, "phone_ext")
    contact = v.compact(
        {
            "name": f"{name}, {degrees}" if name and degrees else name,
            "role": role,
            "phone": f"{phone} ext. {ext}" if phone and ext else phone,
            "email": _text(node, "email"),
        }
    )
    return contact if set(contact) - {"role"} else None


def _location(loc: etree._Element, word) -> dict:
    facility = loc.find("facility")
    contacts = [_contact(loc.find(tag), "CONTACT") for tag in ("contact", "contact_backup")]
    return v.compact(
        {
            "facility": _text(facility, "name"),
            "city": _text(facility, "address/city"),
            "state": _text(facility, "address/state"),
            "zip": _text(facility, "address/zip"),
            "country": _text(facility, "address/country"),
            "status": word(Status, _text(loc, "status"), "site status"),
            "contacts": [c for c in contacts if c],
        }
    )


def _note_missing(record: RegistryRecord, root: etree._Element) -> None:
    f = record.fields
    if not record.id:
        record.missing.append("the NCT number (<id_info><nct_id>)")
    if not f.get("title"):
        record.missing.append("the brief title (<brief_title>)")
    if not f.get("status"):
        record.missing.append("the overall status (<overall_status>)")
    elif not f.get("status_verified"):
        record.missing.append("the date the status was verified (<verification_date>)")
    expected = {
        "condition": "conditions (<condition>)",
        "study_type": "the study type (<study_type>)",
        "eligibility": "eligibility (<eligibility>)",
        "sponsors": "the sponsor (<sponsors>)",
    }
    for tag, what in expected.items():
        if root.find(tag) is None and f.get("status") != "WITHHELD":
            record.missing.append(what)
    if f.get("status") in OPEN and root.find("location") is None and root.find("overall_contact") is None:
        record.missing.append("sites and contacts (<location>, <overall_contact>)")
