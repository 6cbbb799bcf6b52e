"""Generate a benchmark site: N diary entries spread over trials, and M directory trials.

Deterministic (seeded), realistic in length and metadata, and free of anything the safety
checks would refuse, so the same corpus builds with trialblog, plain Pelican and Hugo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import uuid
from pathlib import Path

SIZES = {"tiny": (100, 100), "small": (1000, 1000), "large": (10000, 10000), "directory": (0, 30000)}

CONDITIONS = [
    "Relapsing-remitting multiple sclerosis", "Systemic lupus erythematosus", "Rheumatoid arthritis",
    "Crohn disease", "Type 1 diabetes", "Psoriasis", "Migraine", "Asthma", "Heart failure",
    "Chronic kidney disease", "Parkinson disease", "Breast cancer", "Ulcerative colitis", "Sjogren syndrome",
]  # fmt: skip
COUNTRIES = [
    ("United States", ["Boston", "Houston", "Seattle", "Denver", "Atlanta", "Chicago"]),
    ("United Kingdom", ["London", "Leeds", "Glasgow", "Bristol"]),
    ("Germany", ["Berlin", "Hamburg", "Munich"]),
    ("France", ["Paris", "Lyon", "Lille"]),
    ("Canada", ["Toronto", "Montreal", "Calgary"]),
    ("Spain", ["Madrid", "Barcelona"]),
    ("Australia", ["Sydney", "Melbourne"]),
]
STATUSES = ["RECRUITING"] * 5 + ["NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED",
                                  "TERMINATED", "SUSPENDED", "WITHDRAWN"]  # fmt: skip
PHASES = [["PHASE1"], ["PHASE2"], ["PHASE3"], ["PHASE1", "PHASE2"], ["PHASE4"], ["NA"]]
MILESTONES = ["visit"] * 6 + ["dose", "side-effect", "screening"]
SENTENCES = [
    "The waiting room was quiet this morning, and the study nurse was already set up when I arrived.",
    "I filled in the questionnaires about fatigue, mood and walking before the blood tests.",
    "My legs felt heavier than usual on the walk from the car park, which I mentioned at the check-in.",
    "The study doctor went through the symptom diary with me and asked about sleep and appetite.",
    "I am writing this on the train home, tired but glad the visit went smoothly.",
    "There was a long gap between appointments, so I read and tried not to think about results.",
    "My partner came with me today, which made the long afternoon easier.",
    "I reported the new tingling in my hands to the study team, as we agreed at the start.",
    "They explained again that nobody at the clinic knows which group I am in.",
    "I keep a small notebook for questions, and today I remembered to bring it.",
    "The eye test took longer than expected because the machine needed restarting.",
    "I felt more like myself this week: more energy in the mornings, fewer afternoon naps.",
    "Work has been patient about the visit days, and I have used my leave carefully.",
    "The travel costs form was straightforward, and the study office sorted it the same day.",
    "I slept badly before the visit, which probably explains the headache afterwards.",
    "We talked about what happens at the end of the study and how results are shared.",
]
HEADINGS = ["How the visit went", "Symptoms", "What I asked", "Looking ahead", "Small things"]


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def entry_body(rng: random.Random) -> str:
    parts = [paragraph(rng, rng.randint(3, 5))]
    for heading in rng.sample(HEADINGS, rng.randint(1, 3)):
        parts.append(f"## {heading}")
        parts.append(paragraph(rng, rng.randint(3, 6)))
        if rng.random() < 0.3:
            parts.append("\n".join(f"- {rng.choice(SENTENCES)}" for _ in range(3)))
    return "\n\n".join(parts) + "\n"


def diary_trial(slug: str, index: int, start: dt.date) -> str:
    masked = index % 3 != 2
    lines = [
        "id: none",
        f"title: Study {index + 1}",
        "summary: |",
        "  A fictional study used to measure how fast the site builds.",
        f"conditions: [{CONDITIONS[index % len(CONDITIONS)]}]",
        "phases: [PHASE3]",
        "status: ACTIVE_NOT_RECRUITING",
        "allocation: RANDOMIZED" if masked else "allocation: NA",
        f"masking: {'DOUBLE' if masked else 'NONE'}",
        f"who_masked: {'[PARTICIPANT, INVESTIGATOR]' if masked else '[]'}",
        "participation:",
        f"  consented: {start.isoformat()}",
        f"  randomized: {(start + dt.timedelta(days=14)).isoformat()}",
        f"  unblinded: {(start + dt.timedelta(days=600)).isoformat()}" if masked else "",
        "disclosure: I write as a participant, in a personal capacity.",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def directory_trial(rng: random.Random, index: int) -> str:
    country_count = rng.choice([1, 1, 1, 2, 3, 5])
    sites = rng.choice([1, 2, 3, 5, 8, 12, 20]) if rng.random() > 0.03 else rng.randint(150, 450)
    status = rng.choice(STATUSES)
    phases = rng.choice(PHASES)
    conditions = rng.sample(CONDITIONS, rng.choice([1, 1, 2]))
    lines = [
        f"id: NCT{9000000 + index:08d}",
        f"title: A study of compound {index} in {conditions[0].lower()}",
        f"official_title: A Randomized Study of Compound {index} Versus Placebo in Adults With {conditions[0]}",
        "registry_summary: |",
        f"  {paragraph(rng, 3)}",
        f"conditions: [{', '.join(conditions)}]",
        f"phases: [{', '.join(phases)}]",
        f"status: {status}",
        f"status_verified: 202{rng.randint(3, 6)}-{rng.randint(1, 12):02d}",
        "allocation: RANDOMIZED",
        "masking: DOUBLE",
        "who_masked: [PARTICIPANT, INVESTIGATOR]",
        f"sponsor: Example Sponsor {index % 97}",
        "eligibility:",
        f"  minimum_age: {rng.choice([18, 18, 12, 40])} Years",
        f"  maximum_age: {rng.choice([65, 75, 55])} Years",
        f"  sex: {rng.choice(['ALL', 'ALL', 'FEMALE'])}",
        "  healthy_volunteers: false",
        "  criteria: |",
        "    Inclusion Criteria:",
        "    * Diagnosis confirmed by a specialist",
        "    * Stable treatment for three months",
        "    Exclusion Criteria:",
        "    * Pregnancy or breastfeeding",
        "locations:",
    ]
    chosen = rng.sample(COUNTRIES, country_count)
    for n in range(sites):
        country, cities = chosen[n % len(chosen)]
        city = rng.choice(cities)
        site_status = (
            status
            if status != "RECRUITING"
            else rng.choice(["RECRUITING", "RECRUITING", "NOT_YET_RECRUITING"])
        )
        lines += [
            f"  - facility: {city} Research Centre {n + 1}",
            f"    city: {city}",
            f"    country: {country}",
            f"    status: {site_status}",
            f"    geo: {{lat: {rng.uniform(-40, 60):.4f}, lon: {rng.uniform(-120, 150):.4f}}}",
        ]
    return "\n".join(lines) + "\n"


def generate(target: Path, entries: int, directory: int, seed: int = 7) -> Path:
    """Write a complete site (settings + content) into ``target``; returns it."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    content = target / "content"
    for folder in ("diary", "trials", "pages"):
        (content / folder).mkdir(parents=True)
    (target / "pelicanconf.py").write_text(
        'from trialblog.settings import *  # noqa: F403\n\nSITENAME = "Benchmark diary"\nAUTHOR = "A participant"\n'
        'SITEURL = ""\nTIMEZONE = "UTC"\n'
        f"PLUGINS = {list(__import__('trialblog').PLUGINS)!r}\n"
        'DISCLOSURE = "I write as a participant, in a personal capacity."\n'
    )
    (content / "pages" / "about.md").write_text("Title: About\n\nA benchmark site.\n")
    diary_trials = max(1, entries // 100)
    starts = {}
    for i in range(diary_trials):
        slug = f"study-{i + 1}"
        starts[slug] = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 1500))
        (content / "trials" / f"{slug}.yaml").write_text(diary_trial(slug, i, starts[slug]))
    for i in range(entries):
        slug = f"study-{i % diary_trials + 1}"
        day = starts[slug] + dt.timedelta(days=15 + (i // diary_trials) * 3, hours=0)
        symptoms = (
            f"Symptoms: fatigue={rng.randint(0, 8)}, headache={rng.randint(0, 5)}\n"
            if rng.random() < 0.4
            else ""
        )
        cw = "Content-Warning: needles\n" if rng.random() < 0.1 else ""
        text = (
            f"Title: Day {i // diary_trials + 1} of {slug.replace('-', ' ')}: entry {i}\n"
            f"Date: {day.isoformat()} {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}\n"
            f"Id: {uuid.UUID(int=rng.getrandbits(128), version=4)}\n"
            f"Trial: {slug}\nMilestone: {rng.choice(MILESTONES)}\n"
            f"Summary: {rng.choice(SENTENCES)}\n"
            f"Tags: {', '.join(rng.sample(['fatigue', 'visits', 'sleep', 'work', 'family', 'travel'], 2))}\n"
            f"{symptoms}{cw}\n{entry_body(rng)}"
        )
        (content / "diary" / f"{i:05d}.md").write_text(text)
    for i in range(directory):
        (content / "trials" / f"directory-{i + 1:05d}.yaml").write_text(directory_trial(rng, i))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--size", choices=SIZES, default="small")
    args = parser.parse_args()
    entries, directory = SIZES[args.size]
    generate(args.target, entries, directory)
    print(f"wrote {entries} entries and {directory} directory trials to {args.target}")


if __name__ == "__main__":
    main()
