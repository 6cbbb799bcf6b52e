"""The directory's rules on their own, and a generated directory of hundreds of trials built quickly.

To time a bigger directory by hand (docs/directory.md has the result):

    python tests/test_directory_scale.py 5000 /tmp/bench-site && trialblog build --site /tmp/bench-site
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import time
from pathlib import Path

import yaml

from trialblog.build import build
from trialblog.content.trials import Eligibility, Location, Trial
from trialblog.content.vocab import Phase, Sex, Status, StudyType
from trialblog.registry.listing import (
    AgeGroup,
    Directory,
    Section,
    age_groups,
    age_range,
    section_of,
    sites_by_country,
    verified_on,
)

HERE = Path(__file__).parent
CONDITIONS = [f"Condition {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(300)] + [
    "Systemic lupus erythematosus", "Relapsing-remitting multiple sclerosis", "Rheumatoid arthritis",
]  # fmt: skip
COUNTRIES = ["United States", "Canada", "United Kingdom", "Germany", "France", "Spain", "Italy", "Japan",
             "Korea, Republic of", "Brazil", "Australia", "India", "Egypt", "Poland", "Netherlands"]  # fmt: skip
STATUSES = ["RECRUITING"] * 6 + [
    "NOT_YET_RECRUITING",
    "ENROLLING_BY_INVITATION",
    "COMPLETED",
    "ACTIVE_NOT_RECRUITING",
]
CRITERIA = "Inclusion Criteria:\n\n" + "".join(
    f"* Criterion {i} about age, diagnosis and consent\n" for i in range(12)
)
CRITERIA += "\nExclusion Criteria:\n\n" + "".join(
    f"* Exclusion {i}: pregnancy, infection or surgery\n" for i in range(10)
)


def trial_record(i: int, rng: random.Random) -> dict:
    """One realistic directory trial, as an import writes it."""
    status = rng.choice(STATUSES)
    sites = []
    for s in range(rng.choice([1, 1, 2, 3, 5, 8, 13, 30])):
        sites.append(
            {
                "facility": f"Hospital {s} of trial {i}",
                "city": f"City {rng.randrange(200)}",
                "country": rng.choice(COUNTRIES),
                "status": rng.choice(["RECRUITING", "NOT_YET_RECRUITING", "COMPLETED"]),
                "geo": {"lat": round(rng.uniform(-60, 60), 5), "lon": round(rng.uniform(-170, 170), 5)},
                "contacts": [{"name": f"Coordinator {s}", "role": "CONTACT", "email": f"c{s}@example.org"}],
            }
        )
    verified = f"{rng.randrange(2022, 2026)}-{rng.randrange(1, 13):02d}"
    return {
        "id": f"NCT{10000000 + i:08d}",
        "title": f"Generated trial {i}: a study of treatment {i % 97} in adults",
        "official_title": f"A Randomized, Double-Blind Study of Treatment {i % 97} (generated record {i})",
        "registry_summary": "This study tests whether a treatment helps.\n\nIt has two paragraphs.\n",
        "conditions": rng.sample(CONDITIONS, rng.randrange(1, 4)),
        "study_type": "INTERVENTIONAL",
        "phases": rng.choice([["PHASE1"], ["PHASE2"], ["PHASE3"], ["PHASE1", "PHASE2"], ["NA"]]),
        "status": status,
        "status_verified": verified,
        "last_updated": f"{verified}-15",
        "status_history": [{"status": status, "date": verified}],
        "allocation": "RANDOMIZED",
        "masking": "DOUBLE",
        "who_masked": ["PARTICIPANT", "INVESTIGATOR"],
        "sponsor": f"Sponsor {i % 50}",
        "funder": "Industry (a company)",
        "eligibility": {
            "minimum_age": f"{rng.choice([6, 18, 18, 40])} Years",
            "maximum_age": rng.choice(["65 Years", "80 Years", None]),
            "sex": rng.choice(["ALL", "ALL", "FEMALE", "MALE"]),
            "healthy_volunteers": rng.random() < 0.2,
            "criteria": CRITERIA,
        },
        "locations": sites,
        "contacts": [
            {
                "name": "Central contact",
                "role": "CONTACT",
                "phone": "+1 555 0100",
                "email": "trial@example.org",
            }
        ],
    }


def generated_site(target: Path, trials: int, seed: int = 3) -> Path:
    """The small test site plus ``trials`` generated directory trials."""
    shutil.copytree(HERE / "sites" / "small", target)
    rng = random.Random(seed)
    folder = target / "content" / "trials"
    for i in range(trials):
        record = trial_record(i, rng)
        record["eligibility"] = {k: v for k, v in record["eligibility"].items() if v is not None}
        (folder / f"generated-{i:05d}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
        )
    return target


def test_a_directory_of_hundreds_of_trials_builds_quickly(tmp_path):
    site = generated_site(tmp_path / "site", 400)
    start = time.perf_counter()
    result = build(site)
    seconds = time.perf_counter() - start
    out = site / "output"
    assert result.trials == 402
    assert (out / "trials/generated-00399/index.html").is_file()
    recruiting = (out / "trials/recruiting/index.html").read_text()
    assert "Page 1 of" in recruiting and 'href="/trials/recruiting/page/2/"' in recruiting
    facets = sorted(p.parent.name for p in (out / "trials/recruiting/condition").glob("*/index.html"))
    assert len(facets) > 250 and "systemic-lupus-erythematosus" in facets
    assert seconds < 30, f"{seconds:.1f} s for 400 trials"


def trial(**kw) -> Trial:
    return Trial(
        slug=kw.pop("slug", "t"), title=kw.pop("title", "T"), status=kw.pop("status", Status.RECRUITING), **kw
    )


def test_sections():
    assert section_of(trial()) is Section.RECRUITING
    assert section_of(trial(status=Status.NOT_YET_RECRUITING)) is Section.OPENING
    assert section_of(trial(status=Status.ENROLLING_BY_INVITATION)) is Section.INVITATION
    assert (
        section_of(trial(status=Status.AVAILABLE, study_type=StudyType.EXPANDED_ACCESS)) is Section.EXPANDED
    )
    assert section_of(trial(status=Status.NO_LONGER_AVAILABLE)) is Section.EXPANDED
    assert section_of(trial(status=Status.SUSPENDED)) is Section.CLOSED


def test_stale_is_relative_to_the_build_date():
    assert verified_on("2024-02") == dt.date(2024, 2, 29) and verified_on("2024-02-03") == dt.date(2024, 2, 3)
    records = [trial(slug="old", status_verified="2023-05"), trial(slug="new", status_verified="2023-06"),
               trial(slug="none"), trial(slug="closed", status=Status.COMPLETED, status_verified="2001-01")]  # fmt: skip
    directory = Directory(records, dt.date(2024, 6, 15), str.lower)
    assert [(li.trial.slug, li.stale, li.unverified) for li in directory.listings] == [
        ("closed", True, False),
        ("new", False, False),
        ("none", False, True),
        ("old", True, False),
    ]
    assert [li.trial.slug for li in directory.stale_open()] == ["old"]


def test_ages():
    assert age_groups("18 Years", "64 Years") == (AgeGroup.ADULT,)
    assert age_groups("6 Months", "17 Years") == (AgeGroup.CHILD,)
    assert age_groups(None, None) == (AgeGroup.CHILD, AgeGroup.ADULT, AgeGroup.OLDER_ADULT)
    assert age_groups("65 Years", None) == (AgeGroup.OLDER_ADULT,)
    assert age_range("18 Years", None) == "18 Years and older" and age_range(None, None) == "Any age"


def test_facets_and_sites():
    a = trial(slug="a", title="A", conditions=("Lupus", "lupus"), phases=(Phase.PHASE1, Phase.PHASE2),
              locations=(Location(country="France", status=Status.RECRUITING),
                         Location(country="Spain", status=Status.COMPLETED)),
              eligibility=Eligibility(sex=Sex.FEMALE))  # fmt: skip
    b = trial(slug="b", title="B", conditions=("Lupus",), status=Status.COMPLETED)
    directory = Directory([a, b], dt.date(2024, 1, 1), str.lower)
    facets = directory.facets()
    assert [(f.slug, [li.trial.slug for li in f.listings]) for f in facets["condition"]] == [("lupus", ["a"])]
    assert [f.slug for f in facets["phase"]] == ["phase-1", "phase-2"]
    assert [f.name for f in facets["country"]] == ["France"]  # Spain's only site is closed
    groups = sites_by_country(a.locations + (Location(facility="B", city="Paris", country="France"),
                                             Location(facility="A", city="Paris", country="France")))  # fmt: skip
    france = groups[0]
    assert (france.name, france.sites, france.open_sites) == ("France", 3, 1)
    assert [c.name for c in france.cities] == ["City not given", "Paris"]
    assert [s.facility for s in france.cities[1].sites] == ["A", "B"]


if __name__ == "__main__":  # a bigger directory, to time by hand
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    if target.exists():
        shutil.rmtree(target)
    generated_site(target, count)
    print(f"wrote {count} trials into {target}; now run: trialblog build --site {target}")
