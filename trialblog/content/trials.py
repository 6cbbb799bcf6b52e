"""Trial records: the dataclasses, and the strict loader for ``content/trials/<slug>.yaml``."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ContentError, display_path
from .fields import FieldReader
from .sources import read_text
from .vocab import (
    Allocation,
    ArmType,
    InterventionType,
    Masking,
    Phase,
    Sex,
    Status,
    StudyType,
    WhoMasked,
)
from .yamlsource import Layout, load_yaml

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# ASCII digits only (``\d`` would take full-width and other scripts' digits); used with fullmatch.
REGISTRY_IDS = {
    "ClinicalTrials.gov": (re.compile(r"NCT[0-9]{8}"), "NCT followed by 8 digits, e.g. NCT04012996"),
    "ISRCTN": (re.compile(r"ISRCTN[0-9]{8}"), "ISRCTN followed by 8 digits"),
    "EU CT": (re.compile(r"[0-9]{4}-5[0-9]{5}-[0-9]{2}-[0-9]{2}"), "EU CT number, e.g. 2023-501234-56-00"),
    "EudraCT": (re.compile(r"[0-9]{4}-[0-9]{6}-[0-9]{2}"), "EudraCT number, e.g. 2006-001234-56"),
    "ANZCTR": (re.compile(r"ACTRN[0-9]{14}"), "ACTRN followed by 14 digits"),
    "DRKS": (re.compile(r"DRKS[0-9]{8}"), "DRKS followed by 8 digits"),
    "JPRN": (
        re.compile(r"JPRN-(jRCT[a-z]?[0-9]{9,10}|UMIN[0-9]{9}|JapicCTI-[0-9]{6}|JMA-IIA[0-9]{5})"),
        "JPRN- and a Japanese registry's id, e.g. JPRN-jRCT2031200123 or JPRN-UMIN000012345",
    ),
    "ChiCTR": (re.compile(r"ChiCTR(-[A-Z]{2,5}-)?[0-9]{8,10}"), "ChiCTR and its number, e.g. ChiCTR2000029308"),
    "CTRI": (re.compile(r"CTRI/[0-9]{4}/[0-9]{2,3}/[0-9]{6}"), "CTRI/year/month/number, e.g. CTRI/2020/05/025214"),
    "IRCT": (re.compile(r"IRCT[0-9]+N[0-9]+"), "IRCT and its number, e.g. IRCT20200405046953N1"),
    "TCTR": (re.compile(r"TCTR[0-9]{11}"), "TCTR followed by 11 digits"),
    "NL-OMON": (re.compile(r"NL-OMON[0-9]+"), "NL-OMON and its number"),
    "PACTR": (re.compile(r"PACTR[0-9]{15}"), "PACTR followed by 15 digits"),
    "CRiS": (re.compile(r"KCT[0-9]{7}"), "KCT followed by 7 digits"),
    "ReBEC": (re.compile(r"RBR-[0-9a-z]{6,8}"), "RBR- and its code, e.g. RBR-74547s2"),
}
ICTRP_URL = "https://trialsearch.who.int/Trial2.aspx?TrialID={id}"
REGISTRY_URLS = {
    "ClinicalTrials.gov": "https://clinicaltrials.gov/study/{id}",
    "ISRCTN": "https://www.isrctn.com/{id}",
    "EU CT": "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT={id}",
    "EudraCT": "https://www.clinicaltrialsregister.eu/ctr-search/search?query={id}",
    "ANZCTR": "https://www.anzctr.org.au/TrialSearch.aspx#&&searchTxt={id}",
    "DRKS": "https://drks.de/search/en/trial/{id}",
}

TRIAL_FIELDS = (
    "id", "title", "official_title", "acronym", "summary", "registry_summary", "conditions",
    "mesh_conditions", "keywords", "study_type", "phases", "status", "status_verified", "last_updated", "status_history",
    "registry_status", "other_ids", "start_date", "completion_date", "allocation", "masking", "who_masked", "arms",
    "interventions", "sponsor", "collaborators", "funder", "eligibility", "locations",
    "contacts", "url", "participation", "disclosure",
)  # fmt: skip
PARTICIPATION_FIELDS = ("consented", "randomized", "unblinded", "arm", "completed", "withdrew")


@dataclass(frozen=True)
class Arm:
    label: str
    type: ArmType | None = None
    description: str = ""


@dataclass(frozen=True)
class Intervention:
    name: str
    type: InterventionType | None = None
    description: str = ""


@dataclass(frozen=True)
class Eligibility:
    minimum_age: str | None = None
    maximum_age: str | None = None
    sex: Sex | None = None
    healthy_volunteers: bool | None = None
    criteria: str = ""


@dataclass(frozen=True)
class Location:
    facility: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    country: str = ""
    status: Status | None = None
    lat: float | None = None
    lon: float | None = None
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Contact:
    name: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class OtherId:
    """The same trial in another registry: its id there, and a link to that record."""

    id: str
    registry: str = ""
    url: str = ""

    @property
    def link(self) -> str:
        return self.url or registry_url(self.id)


@dataclass(frozen=True)
class StatusChange:
    status: Status
    date: str


@dataclass(frozen=True)
class Participation:
    """The blogger's own journey through one trial."""

    consented: dt.date | None = None
    randomized: dt.date | None = None
    unblinded: dt.date | None = None
    arm: str | None = None
    completed: dt.date | None = None
    withdrew: dt.date | None = None

    @property
    def day_one(self) -> dt.date | None:
        """Day 1 of "day N": randomization, or consent when there is no randomization."""
        return self.randomized or self.consented

    @property
    def ended(self) -> dt.date | None:
        return self.completed or self.withdrew


@dataclass(frozen=True)
class Trial:
    slug: str
    title: str
    status: Status
    source: str = ""
    id: str | None = None
    official_title: str = ""
    acronym: str = ""
    summary: str = ""
    registry_summary: str = ""
    conditions: tuple[str, ...] = ()
    mesh_conditions: tuple[str, ...] = ()  # the registry's MeSH headings for the conditions
    keywords: tuple[str, ...] = ()
    study_type: StudyType = StudyType.INTERVENTIONAL
    phases: tuple[Phase, ...] = ()
    status_verified: str | None = None
    last_updated: str | None = None
    status_history: tuple[StatusChange, ...] = ()
    registry_status: str = ""  # the registry's own words for the status, when they are not ours
    other_ids: tuple[OtherId, ...] = ()
    start_date: str | None = None
    completion_date: str | None = None
    allocation: Allocation | None = None
    masking: Masking = Masking.NONE
    who_masked: tuple[WhoMasked, ...] = ()
    arms: tuple[Arm, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    sponsor: str = ""
    collaborators: tuple[str, ...] = ()
    funder: str = ""
    eligibility: Eligibility = field(default_factory=Eligibility)
    locations: tuple[Location, ...] = ()
    contacts: tuple[Contact, ...] = ()
    url: str = ""
    participation: Participation | None = None
    disclosure: str = ""
    layout: Layout | None = field(default=None, compare=False, repr=False)  # where fields are in the file

    @property
    def registry(self) -> str | None:
        """Name of the registry the id belongs to."""
        return registry_of(self.id) if self.id else None

    @property
    def registry_url(self) -> str:
        if self.url:
            return self.url
        return registry_url(self.id) if self.id else ""

    @property
    def participant_masked(self) -> bool:
        """True when the design keeps the participant from knowing their arm."""
        if self.masking is Masking.NONE:
            return False
        return not self.who_masked or WhoMasked.PARTICIPANT in self.who_masked

    def blinded_on(self, day: dt.date) -> bool:
        """Whether a post dated ``day`` falls in the participant's blinded period."""
        if not self.participant_masked:
            return False
        p = self.participation
        if p is None:
            return True
        if p.day_one and day < p.day_one:
            return False
        return p.unblinded is None or day < p.unblinded

    def day_number(self, day: dt.date) -> int | None:
        """Trial day of ``day``: day 1 is the anchor date; the day before it is day -1."""
        anchor = self.participation.day_one if self.participation else None
        if anchor is None:
            return None
        delta = (day - anchor).days
        return delta + 1 if delta >= 0 else delta

    @property
    def phase_label(self) -> str:
        return "/".join(p.label for p in self.phases) if self.phases else ""


def registry_url(registry_id: str) -> str:
    """The address of a registry's record; WHO's ICTRP search portal shows any registry's."""
    template = REGISTRY_URLS.get(registry_of(registry_id) or "", ICTRP_URL)
    return template.format(id=quote(registry_id, safe="/"))


def registry_of(registry_id: str) -> str | None:
    for name, (pattern, _) in REGISTRY_IDS.items():
        if pattern.fullmatch(registry_id):
            return name
    return None


def load_trial(path: Path, root: Path | None = None, today: dt.date | None = None) -> Trial:
    """Load one trial record; raise :class:`ContentErrors` listing every problem. ``today`` (the
    build date): an unblinding date after it counts as none yet."""
    from .errors import ContentErrors

    shown = display_path(path, root)
    errors: list[ContentError] = []
    try:
        text = read_text(path, shown)
        data = load_yaml(text, shown)
    except ContentError as exc:
        raise ContentErrors([exc]) from None
    slug = path.stem
    if not SLUG.match(slug):
        errors.append(
            ContentError(
                shown,
                None,
                None,
                f"{slug!r} cannot be a trial slug",
                "rename the file using lowercase letters, digits and hyphens, e.g. aurora-ms.yaml",
            )
        )
    if data is None:
        raise ContentErrors(
            [ContentError(shown, 1, None, "the file is empty", "start from `trialblog new trial`")]
        )
    trial = trial_from_data(data, slug, shown, errors, Layout.of(text, data), today)
    if errors or trial is None:
        raise ContentErrors(errors)
    return trial


def trial_from_data(
    data: object, slug: str, shown: str, errors: list[ContentError], layout: Layout | None = None,
    today: dt.date | None = None,
) -> Trial | None:
    """Build a :class:`Trial` (with ``layout``) from parsed YAML, appending problems to ``errors``."""
    f = FieldReader(data, shown, errors)
    if not f.ok:
        return None
    f.reject_unknown(TRIAL_FIELDS)
    registry_id = f.text("id")
    if registry_id and registry_id.lower() == "none":
        registry_id = None
    if registry_id and registry_of(registry_id) is None:
        formats = "; ".join(desc for _, desc in REGISTRY_IDS.values())
        f.error(
            "id",
            f"{registry_id!r} is not a registry id trialblog recognises",
            f"use one of: {formats}; or `none`",
        )
        registry_id = None
    masking = f.enum("masking", Masking) if "masking" in f.data else Masking.NONE
    who_masked = tuple(f.enum_list("who_masked", WhoMasked))
    if masking is Masking.NONE and who_masked:
        f.error(
            "who_masked",
            "lists who is masked, but masking is NONE (open label)",
            "remove who_masked or set masking",
        )
    arms = tuple(
        Arm(a.text("label", required=True) or "", a.enum("type", ArmType), a.text("description") or "")
        for a in _checked(f.mappings("arms"), ("label", "type", "description", "interventions"))
    )
    history = []
    for h in _checked(f.mappings("status_history"), ("status", "date")):
        status, date = h.enum("status", Status, required=True), h.partial_date("date")
        if status and date:
            history.append(StatusChange(status, date))
        elif status and not date:
            h.error("date", "is required", "add `date: YYYY-MM-DD`")
    trial = Trial(
        slug=slug,
        source=shown,
        id=registry_id,
        title=f.text("title", required=True) or slug,
        official_title=f.text("official_title") or "",
        acronym=f.text("acronym") or "",
        summary=f.text("summary") or "",
        registry_summary=f.text("registry_summary") or "",
        conditions=tuple(f.text_list("conditions")),
        mesh_conditions=tuple(f.text_list("mesh_conditions")),
        keywords=tuple(f.text_list("keywords")),
        study_type=f.enum("study_type", StudyType, default=StudyType.INTERVENTIONAL),
        phases=tuple(f.enum_list("phases", Phase)),
        status=f.enum("status", Status, required=True) or Status.UNKNOWN,
        status_verified=f.partial_date("status_verified"),
        last_updated=f.partial_date("last_updated"),
        status_history=tuple(history),
        registry_status=f.text("registry_status") or "",
        other_ids=tuple(_other_ids(f)),
        start_date=f.partial_date("start_date"),
        completion_date=f.partial_date("completion_date"),
        allocation=f.enum("allocation", Allocation),
        masking=masking or Masking.NONE,
        who_masked=who_masked,
        arms=arms,
        interventions=tuple(
            Intervention(
                i.text("name", required=True) or "",
                i.enum("type", InterventionType),
                i.text("description") or "",
            )
            for i in _checked(f.mappings("interventions"), ("name", "type", "description"))
        ),
        sponsor=f.text("sponsor") or "",
        collaborators=tuple(f.text_list("collaborators")),
        funder=f.text("funder") or "",
        eligibility=_eligibility(f.sub("eligibility")),
        locations=tuple(_location(loc) for loc in _checked(f.mappings("locations"), LOCATION_FIELDS)),
        contacts=_contacts(f),
        url=f.text("url") or "",
        disclosure=f.text("disclosure") or "",
        layout=layout,
    )
    participation = _participation(f.sub("participation"), trial, today) if "participation" in f.data else None
    return trial if participation is None else replace(trial, participation=participation)


def _other_ids(f: FieldReader) -> list[OtherId]:
    found = []
    for entry in _checked(f.mappings("other_ids"), ("id", "registry", "url")):
        value = entry.text("id", required=True)
        if value and registry_of(value) is None and not entry.text("registry"):
            entry.error("id", f"{value!r} is not a registry id trialblog recognises", "add `registry:` naming it")
        if value:
            found.append(OtherId(value, entry.text("registry") or registry_of(value) or "", entry.text("url") or ""))
    return found


LOCATION_FIELDS = ("facility", "city", "state", "zip", "country", "status", "geo", "contacts")
CONTACT_FIELDS = ("name", "role", "phone", "email")


def _checked(readers: list[FieldReader], allowed: tuple[str, ...]) -> list[FieldReader]:
    for r in readers:
        r.reject_unknown(allowed)
    return [r for r in readers if r.ok]


def _eligibility(e: FieldReader) -> Eligibility:
    e.reject_unknown(("minimum_age", "maximum_age", "sex", "healthy_volunteers", "criteria"))
    return Eligibility(
        minimum_age=e.text("minimum_age"),
        maximum_age=e.text("maximum_age"),
        sex=e.enum("sex", Sex),
        healthy_volunteers=e.flag("healthy_volunteers"),
        criteria=e.text("criteria") or "",
    )


def _location(loc: FieldReader) -> Location:
    geo = loc.sub("geo")
    geo.reject_unknown(("lat", "lon"))
    lat, lon = geo.number("lat"), geo.number("lon")
    for key, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        if value is not None and abs(value) > limit:
            geo.error(key, f"{value} is not on the globe", f"{key} goes from -{limit} to {limit}")
    return Location(
        facility=loc.text("facility") or "",
        city=loc.text("city") or "",
        state=loc.text("state") or "",
        zip=loc.text("zip") or "",
        country=loc.text("country") or "",
        status=loc.enum("status", Status),
        lat=lat if lat is not None and abs(lat) <= 90 else None,
        lon=lon if lon is not None and abs(lon) <= 180 else None,
        contacts=_contacts(loc),
    )


def _contacts(f: FieldReader) -> tuple[Contact, ...]:
    if f.data.get("contacts") is None:  # the usual case, without building an empty list of readers
        return ()
    return tuple(
        Contact(c.text("name") or "", c.text("role") or "", c.text("phone") or "", c.text("email") or "")
        for c in _checked(f.mappings("contacts"), CONTACT_FIELDS)
    )


def _participation(p: FieldReader, trial: Trial, today: dt.date | None = None) -> Participation | None:
    if not p.ok:
        return None
    p.reject_unknown(PARTICIPATION_FIELDS)
    dates = {key: p.date(key) for key in PARTICIPATION_FIELDS if key != "arm"}
    part = Participation(arm=p.text("arm"), **dates)
    order = (
        ("consented", "randomized"),
        ("randomized", "unblinded"),
        ("consented", "unblinded"),
        ("randomized", "completed"),
        ("consented", "completed"),
        ("consented", "withdrew"),
        ("randomized", "withdrew"),
    )
    for earlier, later in order:
        a, b = dates[earlier], dates[later]
        if a and b and b < a:
            p.error(
                later,
                f"{b} is before {earlier} ({a})",
                f"{later} cannot come before {earlier}: check both dates",
            )
    for key in ("randomized", "unblinded", "completed", "withdrew"):
        if dates[key] and "consented" not in p.data:
            p.error(
                key,
                "is given without a consented date",
                "add `consented: YYYY-MM-DD`: every step follows consent",
            )
            break
    if dates["completed"] and dates["withdrew"]:
        p.error(
            "withdrew", "is given as well as completed", "keep the one that happened: completed or withdrew"
        )
    if part.arm:
        if trial.participant_masked and part.unblinded is None:
            p.error(
                "arm",
                "is given while you are still blinded (masking is "
                f"{trial.masking.value} and there is no unblinded date)",
                "remove arm until you are unblinded, then add `unblinded: YYYY-MM-DD` with it",
            )
        elif trial.participant_masked and today is not None and part.unblinded and part.unblinded > today:
            p.error(
                "arm",
                f"is given while you are still blinded (the unblinded date, {part.unblinded}, is after "
                f"today, {today})",
                "remove arm until that day: the arm stays private until you are unblinded",
            )
        elif trial.arms and part.arm not in {a.label for a in trial.arms}:
            p.error(
                "arm",
                f"{part.arm!r} is not one of this trial's arms",
                "use one of: " + ", ".join(a.label for a in trial.arms),
            )
    return part
