"""WHO ICTRP's XML export (``<Trials_downloaded_from_ICTRP>``) → :class:`RegistryRecord`.

Every registry feeding the ICTRP writes its fields its own way: phases as "Phase 3", "III" or the
EU register's "Therapeutic confirmatory - (Phase III): yes" lines, lists joined by ";" or
``<br>``, dates day first. Each value is read into the content model's vocabulary; the
registry's own word for the status is kept beside the normalised one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lxml import etree

from ..content.trials import registry_of
from ..content.vocab import Sex, Status, StudyType
from . import values as v
from .ctgov_xml import parser
from .record import RegistryRecord
from .sources import FileRead, Problem

ROOT = "Trials_downloaded_from_ICTRP"
BREAK = re.compile(r"<br\s*/?>|\r\n?|\n", re.I)
LIST = re.compile(r"<br\s*/?>|;|\r\n?|\n", re.I)
NCT = re.compile(r"\bNCT\d{8}\b", re.I)
EUDRACT = re.compile(r"\b(\d{4}-\d{6}-\d{2})\b")
EU_CT = re.compile(r"\b(\d{4}-5\d{5}-\d{2}-\d{2})\b")
# How the ICTRP prefixes some registries' ids; the content model keeps the registry's own id.
PREFIXES = (
    (re.compile(r"^EUCTR(\d{4}-\d{6}-\d{2})(-[A-Z]{2,3})?$"), r"\1"),
    (re.compile(r"^CTIS(\d{4}-5\d{5}-\d{2}-\d{2})$"), r"\1"),
)
# Recruitment words of the registries, in the project's vocabulary (lowercase, squeezed).
STATUSES = {
    "recruiting": Status.RECRUITING,
    "open": Status.RECRUITING,
    "not yet recruiting": Status.NOT_YET_RECRUITING,
    "pending": Status.NOT_YET_RECRUITING,
    "preinitiation": Status.NOT_YET_RECRUITING,
    "enrolling by invitation": Status.ENROLLING_BY_INVITATION,
    "not recruiting": Status.ACTIVE_NOT_RECRUITING,
    "active, not recruiting": Status.ACTIVE_NOT_RECRUITING,
    "no longer recruiting": Status.ACTIVE_NOT_RECRUITING,
    "closed to recruitment of participants": Status.ACTIVE_NOT_RECRUITING,
    "recruitment completed": Status.ACTIVE_NOT_RECRUITING,
    "complete": Status.COMPLETED,
    "completed": Status.COMPLETED,
    "ended": Status.COMPLETED,
    "suspended": Status.SUSPENDED,
    "temporarily halted": Status.SUSPENDED,
    "terminated": Status.TERMINATED,
    "stopped early": Status.TERMINATED,
    "withdrawn": Status.WITHDRAWN,
    "withdrawn before recruitment": Status.WITHDRAWN,
    # An authorisation says nothing about recruitment: "may be ongoing or finished".
    "authorised": Status.UNKNOWN,
    "authorised-recruitment may be ongoing or finished": Status.UNKNOWN,
    "ongoing": Status.UNKNOWN,
    "unknown": Status.UNKNOWN,
    "": Status.UNKNOWN,
}
# The EU register's MedDRA lines under a condition, and the ICD or MeSH codes others add.
CLASSIFICATION = re.compile(
    r"^(MedDRA version|Level:|Classification code|Term:|System Organ Class|Therapeutic area)", re.I
)
CODE = re.compile(r"[A-Z]\d{2}(\.\d+)?|D\d{6}|C\d{2}(\.\d+)*")
CODE_PREFIX = re.compile(r"^[A-Z]\d{2}(\.\d+)?\s+-\s+")
ROMAN = {"0": "0", "i": "1", "ii": "2", "iii": "3", "iv": "4"}
PHASES = {"0": "EARLY_PHASE1", "1": "PHASE1", "2": "PHASE2", "3": "PHASE3", "4": "PHASE4"}
EU_PHASE = re.compile(r"\(phase\s+(iv|iii|ii|i)\)\s*:\s*(yes|no)", re.I)
AGE = re.compile(r"(\d+(?:\.\d+)?)\s*(year|yr|y|month|m|week|w|day|d)?", re.I)
UNITS = {"y": "Years", "m": "Months", "w": "Weeks", "d": "Days"}
OBSERVATIONAL = ("observational", "prognosis", "epidemilogical", "epidemiological", "cause", "relative factors",
                 "health services", "basic science", "natural history", "registry")  # fmt: skip
DATE_FORMATS = (("%Y-%m-%d", 10), ("%Y%m%d", 10), ("%d/%m/%Y", 10), ("%d %B %Y", 10), ("%B %d, %Y", 10),
                ("%d-%m-%Y", 10), ("%B %Y", 7), ("%m/%Y", 7))  # fmt: skip


def is_export(root: etree._Element) -> bool:
    return root.tag == ROOT


def _text(trial: etree._Element, tag: str) -> str:
    """A field's text: white space collapsed, the ``<br>`` tags some registries write turned to breaks."""
    found = trial.findtext(tag)
    return BREAK.sub("\n", found).strip() if found else ""


def _line(trial: etree._Element, tag: str) -> str | None:
    return v.clean_line(_text(trial, tag)) or None


def _items(text: str) -> list[str]:
    out: list[str] = []
    for part in LIST.split(text):
        item = v.clean_line(part)
        if item and item not in out:
            out.append(item)
    return out


def trial_id(raw: str) -> str:
    """The registry's own id of an ICTRP ``TrialID`` (``EUCTR2014-005181-30-AT`` → ``2014-005181-30``)."""
    text = raw.strip()
    for pattern, replacement in PREFIXES:
        if pattern.match(text):
            return pattern.sub(replacement, text)
    return text


def status(raw: str) -> Status | None:
    """The project's status for a registry's recruitment words, or None when they are not known."""
    return STATUSES.get(" ".join(raw.lower().split()))


def phases(raw: str, interventional: bool) -> list[str]:
    """Phases from every way the registries write them; none given means no phase for a trial."""
    marked = EU_PHASE.findall(raw)
    if marked:
        numbers = [ROMAN[n.lower()] for n, said in marked if said.lower() == "yes"]
    else:
        tokens = re.split(r"[\s/,;&+-]+", re.sub(r"phase", " ", raw, flags=re.I).lower())
        numbers = [ROMAN.get(t.rstrip("ab") if len(t) > 1 else t, t) for t in tokens]
    found = list(dict.fromkeys(PHASES[n] for n in numbers if n in PHASES))
    return found or (["NA"] if interventional else [])


def study_type(raw: str) -> str | None:
    text = raw.lower()
    if "expanded access" in text:
        return StudyType.EXPANDED_ACCESS.value
    if any(word in text for word in OBSERVATIONAL):
        return StudyType.OBSERVATIONAL.value
    if text:
        return StudyType.INTERVENTIONAL.value
    return None


def sex(raw: str) -> str | None:
    text = raw.lower()
    female = "female: yes" in text or text.strip() in ("female", "f", "women")
    male = "male: yes" in text.replace("female: yes", "") or text.strip() in ("male", "m", "men")
    if text.strip() in ("both", "all", "both, male and female", "male and female") or (female and male):
        return Sex.ALL.value
    if female:
        return Sex.FEMALE.value
    if male:
        return Sex.MALE.value
    return None


def age(raw: str) -> str | None:
    """``18 Years`` from ``18``, ``18Y``, ``18 years old`` or ``Minimum age: 18 years``; None for no limit."""
    text = raw.strip().lower()
    if not text or text in ("n/a", "na", "no limit", "none", "not applicable", "not stated"):
        return None
    match = AGE.search(text)
    if not match:
        return None
    number = match.group(1).removesuffix(".0")
    unit = UNITS.get((match.group(2) or "y")[0], "Years")
    return f"{number} {unit}"


def date(raw: str) -> str | None:
    text = " ".join(raw.split())
    for fmt, size in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()[:size]
        except ValueError:
            continue
    return None


def other_ids(trial: etree._Element, own: str) -> list[dict]:
    """The trial's ids in other registries, from its secondary ids (NCT, EudraCT, EU CT, any other)."""
    text = " ".join(_text(trial, tag) for tag in ("Secondary_IDs", "SecondaryIDs_All", "other_records"))
    found: list[str] = [m.upper() for m in NCT.findall(text)]
    found += EU_CT.findall(text) + [m for m in EUDRACT.findall(text)]
    for item in _items(_text(trial, "Secondary_IDs")):
        candidate = trial_id(item)
        if registry_of(candidate):
            found.append(candidate)
    out = []
    for value in dict.fromkeys(found):
        if value != own and registry_of(value):
            out.append({"id": value})
    return out


def read_trial(trial: etree._Element, source: str) -> RegistryRecord:
    """Read one ``<Trial>``; what is missing or not understood is noted on the record."""
    raw_id = _line(trial, "TrialID") or ""
    own = trial_id(raw_id)
    record = RegistryRecord(id=own or None, source=f"{source} ({raw_id})" if raw_id else source)
    record.secondhand = registry_of(own) == "ClinicalTrials.gov"  # the API sync keeps those
    f, notes = record.fields, record.notes
    f["id"] = own or None
    f["title"] = _line(trial, "Public_title") or _line(trial, "Scientific_title")
    f["official_title"] = _line(trial, "Scientific_title")
    f["acronym"] = _line(trial, "Acronym")
    said = _line(trial, "Recruitment_Status") or ""
    normal = status(said)
    if normal is None:
        notes.append(f"recruitment status {v.shown(said)} is not a value trialblog knows; recorded as unknown")
        normal = Status.UNKNOWN
    f["status"] = normal.value
    f["registry_status"] = said or "not given"
    f["last_updated"] = date(_text(trial, "Last_Refreshed_on"))
    f["start_date"] = date(_text(trial, "Date_enrollement") or _text(trial, "Date_enrolment"))
    record.status_date = f["last_updated"]
    f["conditions"] = conditions(_text(trial, "Condition"))
    kind = study_type(_text(trial, "Study_type"))
    f["study_type"] = kind
    f["phases"] = phases(_text(trial, "Phase"), kind == StudyType.INTERVENTIONAL.value)
    f["sponsor"] = _line(trial, "Primary_sponsor")
    f["collaborators"] = _items(_text(trial, "Secondary_Sponsor"))
    f["interventions"] = [{"name": i} for i in interventions(_text(trial, "Intervention"))]
    criteria = "\n\n".join(
        part for part in (_text(trial, "Inclusion_Criteria"), _text(trial, "Exclusion_Criteria")) if part
    )
    f["eligibility"] = v.compact(
        {
            "minimum_age": age(_text(trial, "Inclusion_agemin")),
            "maximum_age": age(_text(trial, "Inclusion_agemax")),
            "sex": sex(_text(trial, "Inclusion_gender")),
            "criteria": v.clean_block(criteria) or None,
        }
    )
    f["locations"] = [{"country": c} for c in _items(_text(trial, "Countries"))]
    f["other_ids"] = other_ids(trial, own)
    f["url"] = _line(trial, "web_address")
    if not own:
        record.missing.append("the trial's id (TrialID)")
    if not f["title"]:
        record.missing.append("a title (Public_title)")
    record.fields = {k: val for k, val in f.items() if val not in (None, "", [], {})}
    return record


def conditions(raw: str) -> list[str]:
    """Condition names, without the classification lines and codes some registries add."""
    out = []
    for item in _items(raw):
        if CLASSIFICATION.match(item) or CODE.fullmatch(item):
            continue
        name = CODE_PREFIX.sub("", item)
        if name and name not in out:
            out.append(name)
    return out


def interventions(raw: str) -> list[str]:
    """Intervention names; of the EU register's product lines, only the product names."""
    items = _items(raw)
    products = [i.split(":", 1)[1].strip() for i in items if i.lower().startswith("product name:")]
    return list(dict.fromkeys(p for p in products if p)) or items


def read_export(root: etree._Element, source: str) -> list[RegistryRecord]:
    """Every trial of an export; the EU register's per-country copies of one trial become one record."""
    records: dict[str, RegistryRecord] = {}
    loose: list[RegistryRecord] = []
    for i, trial in enumerate(root.iter("Trial")):
        record = read_trial(trial, f"{source}: Trial[{i}]")
        if not record.id:
            loose.append(record)
            continue
        first = records.get(record.id)
        if first is None:
            records[record.id] = record
            continue
        sites = first.fields.setdefault("locations", [])
        for site in record.fields.get("locations", []):
            if site not in sites:
                sites.append(site)
    return list(records.values()) + loose


def read_ictrp_file(path: Path, shown: str | None = None) -> FileRead:
    """Every trial of an ICTRP export file; problems are collected, never raised."""
    result = FileRead(shown or str(path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.problems.append(Problem(result.shown, f"cannot be read: {exc.strerror or exc}"))
        return result
    try:
        root = etree.fromstring(raw.lstrip(b"\xef\xbb\xbf \t\r\n"), parser())
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if exc.lineno else ""
        result.problems.append(Problem(result.shown, f"is not valid XML: {exc.msg}{line}"))
        return result
    if root.tag != ROOT:
        result.problems.append(
            Problem(result.shown, f"is not a WHO ICTRP export: its root element is <{root.tag}>, not <{ROOT}>")
        )
        return result
    result.records = read_export(root, result.shown)
    if not result.records:
        result.problems.append(Problem(result.shown, "holds no trials", fatal=False))
    return result
