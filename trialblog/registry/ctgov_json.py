"""ClinicalTrials.gov API v2 study JSON → :class:`RegistryRecord`."""

from __future__ import annotations

from functools import partial
from typing import Any

from ..content.vocab import Allocation, ArmType, InterventionType, Masking, Sex, Status, StudyType, WhoMasked
from . import values as v
from .record import RegistryRecord

# Modules of protocolSection a complete record has, and what each gives the directory.
EXPECTED_MODULES = {
    "conditionsModule": "conditions (conditionsModule)",
    "designModule": "design and phase (designModule)",
    "eligibilityModule": "eligibility (eligibilityModule)",
    "sponsorCollaboratorsModule": "sponsor (sponsorCollaboratorsModule)",
    "descriptionModule": "summary (descriptionModule)",
}
OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"}


def is_study(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("protocolSection"), dict)


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _list(data: Any, *path: str) -> list:
    value = _get(data, *path)
    return value if isinstance(value, list) else []


def _text(data: Any, *path: str) -> str | None:
    value = _get(data, *path)
    if value is None or isinstance(value, (dict, list)):
        return None
    return v.clean_line(value) or None


def _block(data: Any, *path: str) -> str | None:
    value = _get(data, *path)
    if value is None or isinstance(value, (dict, list)):
        return None
    return v.clean_block(value) or None


def read_study(study: dict, source: str) -> RegistryRecord:
    """Read one API v2 study object; what is missing or not understood is noted on the record."""
    ps = study.get("protocolSection") or {}
    ident = ps.get("identificationModule") or {}
    record = RegistryRecord(id=_text(ident, "nctId"), source=source)
    f = record.fields
    notes = record.notes

    word = partial(v.known, notes=notes)

    f["id"] = record.id
    f["title"] = _text(ident, "briefTitle")
    f["official_title"] = _text(ident, "officialTitle")
    f["acronym"] = _text(ident, "acronym")

    status = ps.get("statusModule")
    if isinstance(status, dict):
        f["status"] = word(Status, status.get("overallStatus"), "overall status")
        f["status_verified"] = v.iso_date(_text(status, "statusVerifiedDate"))
        f["last_updated"] = v.iso_date(_text(status, "lastUpdatePostDateStruct", "date"))
        f["start_date"] = v.iso_date(_text(status, "startDateStruct", "date"))
        f["completion_date"] = v.iso_date(
            _text(status, "completionDateStruct", "date")
            or _text(status, "primaryCompletionDateStruct", "date")
        )
        record.status_date = f["status_verified"] or f["last_updated"]

    f["registry_summary"] = _block(ps, "descriptionModule", "briefSummary")
    if "conditionsModule" in ps:
        f["conditions"] = _strings(_list(ps, "conditionsModule", "conditions"))
        f["keywords"] = _strings(_list(ps, "conditionsModule", "keywords"))

    browse = _get(study, "derivedSection", "conditionBrowseModule")
    if isinstance(browse, dict):
        f["mesh_conditions"] = _strings(m.get("term") for m in _list(browse, "meshes") if isinstance(m, dict))

    design = ps.get("designModule")
    if isinstance(design, dict):
        f["study_type"] = word(StudyType, design.get("studyType"), "study type")
        if "phases" in design or f["study_type"] == "INTERVENTIONAL":
            f["phases"], unknown = v.phases(_strings(_list(design, "phases")))
            notes.extend(f"phase {v.shown(p)} is not a value trialblog knows; left out" for p in unknown)
        info = design.get("designInfo")
        info = info if isinstance(info, dict) else {}
        f["allocation"] = word(Allocation, info.get("allocation"), "allocation")
        masking = _get(info, "maskingInfo", "masking")
        if masking is not None:
            f["masking"] = word(Masking, masking, "masking")
            f["who_masked"] = [
                w
                for w in (word(WhoMasked, x, "masked role") for x in _list(info, "maskingInfo", "whoMasked"))
                if w
            ]

    arms_module = ps.get("armsInterventionsModule")
    if isinstance(arms_module, dict):
        if "armGroups" in arms_module:
            f["arms"] = [
                v.compact(
                    {
                        "label": _text(arm, "label"),
                        "type": word(ArmType, arm.get("type"), "arm type") if arm.get("type") else None,
                        "description": _block(arm, "description"),
                    }
                )
                for arm in _list(arms_module, "armGroups")
                if isinstance(arm, dict) and _text(arm, "label")
            ]
        if "interventions" in arms_module:
            f["interventions"] = [
                v.compact(
                    {
                        "name": _text(i, "name"),
                        "type": (v.vocab(InterventionType, i["type"]) or InterventionType.OTHER).value
                        if i.get("type")
                        else None,
                        "description": _block(i, "description"),
                    }
                )
                for i in _list(arms_module, "interventions")
                if isinstance(i, dict) and _text(i, "name")
            ]

    sponsors = ps.get("sponsorCollaboratorsModule")
    if isinstance(sponsors, dict):
        f["sponsor"] = _text(sponsors, "leadSponsor", "name")
        f["funder"] = v.funder(_text(sponsors, "leadSponsor", "class"))
        f["collaborators"] = _strings(
            c.get("name") for c in _list(sponsors, "collaborators") if isinstance(c, dict)
        )

    elig = ps.get("eligibilityModule")
    if isinstance(elig, dict):
        healthy = elig.get("healthyVolunteers")
        f["eligibility"] = v.compact(
            {
                "minimum_age": v.age(_text(elig, "minimumAge")),
                "maximum_age": v.age(_text(elig, "maximumAge")),
                "sex": word(Sex, elig.get("sex"), "sex"),
                "healthy_volunteers": healthy if isinstance(healthy, bool) else None,
                "criteria": _block(elig, "eligibilityCriteria"),
            }
        )

    places = ps.get("contactsLocationsModule")
    if isinstance(places, dict):
        f["contacts"] = [c for c in (_contact(x) for x in _list(places, "centralContacts")) if c]
        f["locations"] = [_location(loc, word) for loc in _list(places, "locations") if isinstance(loc, dict)]

    _note_missing(record, ps)
    record.fields = {k: val for k, val in f.items() if val is not None}
    return record


def _strings(items) -> list[str]:
    out: list[str] = []
    for item in items:
        if item is None or isinstance(item, (dict, list)):
            continue
        text = v.clean_line(item)
        if text and text not in out:
            out.append(text)
    return out


def _contact(c: Any) -> dict | None:
    if not isinstance(c, dict):
        return None
    phone = _text(c, "phone")
    ext = _text(c, "phoneExt")
    contact = v.compact(
        {
            "name": _text(c, "name"),
            "role": _text(c, "role"),
            "phone": f"{phone} ext. {ext}" if phone and ext else phone,
            "email": _text(c, "email"),
        }
    )
    return contact if set(contact) - {"role"} else None


def _location(loc: dict, word) -> dict:
    lat, lon = _get(loc, "geoPoint", "lat"), _get(loc, "geoPoint", "lon")
    geo = {"lat": float(lat), "lon": float(lon)} if _on_earth(lat, lon) else None
    return v.compact(
        {
            "facility": _text(loc, "facility"),
            "city": _text(loc, "city"),
            "state": _text(loc, "state"),
            "zip": _text(loc, "zip"),
            "country": _text(loc, "country"),
            "status": word(Status, loc.get("status"), "site status") if loc.get("status") else None,
            "geo": geo,
            "contacts": [c for c in (_contact(x) for x in _list(loc, "contacts")) if c],
        }
    )


def _on_earth(lat: Any, lon: Any) -> bool:
    """True for numeric coordinates of a point on Earth (JSON may carry NaN, Infinity or 1e999)."""
    if not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lat, lon)):
        return False
    return -90 <= lat <= 90 and -180 <= lon <= 180  # false for NaN too


def _note_missing(record: RegistryRecord, ps: dict) -> None:
    f = record.fields
    if not record.id:
        record.missing.append("the NCT number (identificationModule.nctId)")
    if not f.get("title"):
        record.missing.append("the brief title (identificationModule.briefTitle)")
    if not f.get("status"):
        record.missing.append("the overall status (statusModule.overallStatus)")
    for module, what in EXPECTED_MODULES.items():
        if module not in ps and module != "statusModule":
            record.missing.append(what)
    if "statusModule" in ps and not f.get("status_verified"):
        record.missing.append("the date the status was verified (statusModule.statusVerifiedDate)")
    if f.get("status") in OPEN and "contactsLocationsModule" not in ps:
        record.missing.append("sites and contacts (contactsLocationsModule)")
