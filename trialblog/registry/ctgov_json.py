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


class _Reader:
    """Text from a study's fields; a value that is not text (a number, a list) is noted, left out."""

    def __init__(self, notes: list[str]):
        self.notes = notes

    def _string(self, data: Any, path: tuple[str, ...]) -> str | None:
        value = _get(data, *path)
        if value is None or isinstance(value, str):
            return value
        self.notes.append(f"{path[-1]} {v.shown(value)} is not text; left out")
        return None

    def text(self, data: Any, *path: str) -> str | None:
        value = self._string(data, path)
        return (v.clean_line(value) or None) if value else None

    def block(self, data: Any, *path: str) -> str | None:
        value = self._string(data, path)
        return (v.clean_block(value) or None) if value else None

    def strings(self, items: list, what: str) -> list[str]:
        """The text items of a list, each once."""
        out: list[str] = []
        for item in items:
            if item is None:
                continue
            if not isinstance(item, str):
                self.notes.append(f"{what} {v.shown(item)} is not text; left out")
                continue
            text = v.clean_line(item)
            if text and text not in out:
                out.append(text)
        return out


def read_study(study: dict, source: str) -> RegistryRecord:
    """Read one API v2 study object; what is missing or not understood is noted on the record."""
    ps = study.get("protocolSection") or {}
    ident = ps.get("identificationModule") or {}
    notes: list[str] = []
    read = _Reader(notes)
    record = RegistryRecord(id=read.text(ident, "nctId"), source=source, notes=notes)
    f = record.fields

    word = partial(v.known, notes=notes)

    f["id"] = record.id
    f["title"] = read.text(ident, "briefTitle")
    f["official_title"] = read.text(ident, "officialTitle")
    f["acronym"] = read.text(ident, "acronym")

    status = ps.get("statusModule")
    if isinstance(status, dict):
        f["status"] = word(Status, status.get("overallStatus"), "overall status")
        f["status_verified"] = v.iso_date(read.text(status, "statusVerifiedDate"))
        f["last_updated"] = v.iso_date(read.text(status, "lastUpdatePostDateStruct", "date"))
        f["start_date"] = v.iso_date(read.text(status, "startDateStruct", "date"))
        f["completion_date"] = v.iso_date(
            read.text(status, "completionDateStruct", "date")
            or read.text(status, "primaryCompletionDateStruct", "date")
        )
        record.status_date = f["status_verified"] or f["last_updated"]

    f["registry_summary"] = read.block(ps, "descriptionModule", "briefSummary")
    if "conditionsModule" in ps:
        f["conditions"] = read.strings(_list(ps, "conditionsModule", "conditions"), "condition")
        f["keywords"] = read.strings(_list(ps, "conditionsModule", "keywords"), "keyword")

    browse = _get(study, "derivedSection", "conditionBrowseModule")
    if isinstance(browse, dict):
        f["mesh_conditions"] = read.strings([m.get("term") for m in _list(browse, "meshes") if isinstance(m, dict)], "MeSH term")

    design = ps.get("designModule")
    if isinstance(design, dict):
        f["study_type"] = word(StudyType, design.get("studyType"), "study type")
        if "phases" in design or f["study_type"] == "INTERVENTIONAL":
            f["phases"], unknown = v.phases(read.strings(_list(design, "phases"), "phase"))
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
            arms = (_arm(a, read, word) for a in _list(arms_module, "armGroups") if isinstance(a, dict))
            f["arms"] = [arm for arm in arms if arm.get("label")]
        if "interventions" in arms_module:
            given = (
                _intervention(i, read) for i in _list(arms_module, "interventions") if isinstance(i, dict)
            )
            f["interventions"] = [i for i in given if i.get("name")]

    sponsors = ps.get("sponsorCollaboratorsModule")
    if isinstance(sponsors, dict):
        f["sponsor"] = read.text(sponsors, "leadSponsor", "name")
        f["funder"] = v.funder(read.text(sponsors, "leadSponsor", "class"))
        f["collaborators"] = read.strings(
            [c.get("name") for c in _list(sponsors, "collaborators") if isinstance(c, dict)], "collaborator"
        )

    elig = ps.get("eligibilityModule")
    if isinstance(elig, dict):
        healthy = elig.get("healthyVolunteers")
        if not isinstance(healthy, bool | None):
            notes.append(f"healthyVolunteers {v.shown(healthy)} is not true or false; left out")
        f["eligibility"] = v.compact(
            {
                "minimum_age": v.age(read.text(elig, "minimumAge")),
                "maximum_age": v.age(read.text(elig, "maximumAge")),
                "sex": word(Sex, elig.get("sex"), "sex"),
                "healthy_volunteers": healthy if isinstance(healthy, bool) else None,
                "criteria": read.block(elig, "eligibilityCriteria"),
            }
        )

    places = ps.get("contactsLocationsModule")
    if isinstance(places, dict):
        f["contacts"] = [c for c in (_contact(x, read) for x in _list(places, "centralContacts")) if c]
        f["locations"] = [
            _location(loc, read, word) for loc in _list(places, "locations") if isinstance(loc, dict)
        ]

    _note_missing(record, ps)
    record.fields = {k: val for k, val in f.items() if val is not None}
    return record


def _arm(arm: dict, read: _Reader, word) -> dict:
    return v.compact(
        {
            "label": read.text(arm, "label"),
            "type": word(ArmType, arm.get("type"), "arm type") if arm.get("type") else None,
            "description": read.block(arm, "description"),
        }
    )


def _intervention(i: dict, read: _Reader) -> dict:
    kind = read.text(i, "type")
    return v.compact(
        {
            "name": read.text(i, "name"),
            "type": (v.vocab(InterventionType, kind) or InterventionType.OTHER).value if kind else None,
            "description": read.block(i, "description"),
        }
    )


def _contact(c: Any, read: _Reader) -> dict | None:
    if not isinstance(c, dict):
        return None
    phone = read.text(c, "phone")
    ext = read.text(c, "phoneExt")
    contact = v.compact(
        {
            "name": read.text(c, "name"),
            "role": read.text(c, "role"),
            "phone": f"{phone} ext. {ext}" if phone and ext else phone,
            "email": read.text(c, "email"),
        }
    )
    return contact if set(contact) - {"role"} else None


def _location(loc: dict, read: _Reader, word) -> dict:
    lat, lon = _get(loc, "geoPoint", "lat"), _get(loc, "geoPoint", "lon")
    geo = {"lat": float(lat), "lon": float(lon)} if _on_earth(lat, lon) else None
    if geo is None and (lat, lon) != (None, None):
        read.notes.append(
            f"geoPoint {v.shown(lat, 30)}, {v.shown(lon, 30)} is not a point on Earth; left out"
        )
    return v.compact(
        {
            "facility": read.text(loc, "facility"),
            "city": read.text(loc, "city"),
            "state": read.text(loc, "state"),
            "zip": read.text(loc, "zip"),
            "country": read.text(loc, "country"),
            "status": word(Status, loc.get("status"), "site status") if loc.get("status") else None,
            "geo": geo,
            "contacts": [c for c in (_contact(x, read) for x in _list(loc, "contacts")) if c],
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
