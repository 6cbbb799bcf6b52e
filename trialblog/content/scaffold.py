"""Creating sites, diary entries and trial records from templates."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

from .. import __version__
from .consent import template as consent_template
from .entries import NO_TRIAL, PLACEHOLDERS
from .errors import ContentError
from .slugs import slug_of
from .trials import SLUG
from .vocab import Masking, Milestone, Phase, Status

#: A new site's settings: what every site says, around what its kind says ({kind}).
SETTINGS = '''"""Settings for this trialblog {what}. `trialblog build` uses them; see the README."""

from trialblog.settings import *  # noqa: F403 (trialblog's folders, URLs, theme and privacy defaults)

SITENAME = {sitename!r}
SITESUBTITLE = {subtitle!r}
AUTHOR = {author!r}
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

# PLUGINS comes from trialblog.settings: every trialblog plugin. To add one of your own or from
# PyPI, extend it: PLUGINS = [*PLUGINS, "pelican.plugins.sitemap"]
{kind}
# ClinicalTrials.gov searches the directory follows: `trialblog import ctgov --saved` runs them
# all (the API's own query strings, as https://clinicaltrials.gov/data-api/api describes them).
CTGOV_QUERIES = [
    # "query.cond=lupus&filter.overallStatus=RECRUITING,NOT_YET_RECRUITING",
]
'''

DIARY = '''
# Shown on every post written while you are blinded in a masked trial.
BLINDING_NOTICE = (
    "I do not know which group I am in: this trial is blinded, and so am I. Please do not "
    "guess my group, and please do not compare side effects to work it out. Guessing can "
    "unblind a study and spoil its results for everyone."
)
# Shown on every diary entry whose trial has no `disclosure:` of its own.
DISCLOSURE = (
    "I write as a participant, in a personal capacity. Nobody pays me for this blog "
    "and nobody reviews it before it is published."
)

# Shown on every directory page (/trials/, /trials/recruiting/, condition and trial pages): who
# publishes the directory, who funds it and any conflict of interest. A build warns when it is empty.
DIRECTORY_DISCLOSURE = (
    "I publish this list of trials myself, unpaid. Nobody funds it or chooses which trials are "
    "listed, and I have no financial interest in any of them."
)
'''

DIRECTORY = '''
# A directory has no diary: no archive of entries, no tag pages.
DIRECT_TEMPLATES = ["index"]

# Shown on every directory page: who publishes the directory, who funds it and any conflict of
# interest, in your own words. Until it is set, the pages say that you have not said, and every
# build warns.
DIRECTORY_DISCLOSURE = ""

# Shown in the footer of every page.
MEDICAL_DISCLAIMER = (
    "Listing a trial here is not a recommendation to join it. Talk to your own care team, and check "
    "every trial on its registry record before you contact the study."
)
'''


def pelicanconf(sitename: str, author: str, directory: bool = False) -> str:
    """A new site's ``pelicanconf.py``: a diary's, or a directory's."""
    if directory:
        what, subtitle, kind = "directory of clinical trials", "Clinical trials you could join, explained in plain words", DIRECTORY
    else:
        what, subtitle, kind = "site", "A participant's diary of a clinical trial, start to finish", DIARY
    return SETTINGS.format(what=what, sitename=sitename, subtitle=subtitle, author=author, kind=kind)


PUBLISHCONF = '''"""Settings for publishing: everything in pelicanconf.py, with absolute URLs."""

from trialblog.settings import load_sibling

globals().update(load_sibling(__file__, "pelicanconf.py"))

SITEURL = {siteurl!r}
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
'''

FIRST_TRIAL = """id: none
title: My trial
summary: |
  What this trial is testing, in your own words.
conditions: [Multiple sclerosis]
phases: [PHASE3]
status: RECRUITING
allocation: RANDOMIZED
masking: DOUBLE
who_masked: [PARTICIPANT, INVESTIGATOR]
participation:
  consented: {today}
disclosure: I write as a participant, in a personal capacity.
"""

GITIGNORE = (
    "/output/\n/.output.*\n/cache/\n__pycache__/\n"
    "# keep .trialblog/addresses.json (every address each page has had: old links keep working) and\n"
    "# .trialblog/syndication.json (what was announced where); never commit\n"
    "# the Bluesky session (it holds login tokens), the build's list of published entries or the lock\n"
    "/.trialblog/bluesky-session.json\n/.trialblog/published.json\n/.trialblog/*.lock\n"
    "# the build cache: rebuilt whenever it is missing\n/.trialblog/cache/\n"
)


def init_site(
    target: Path, sitename: str, author: str, siteurl: str = "https://example.org", directory: bool = False
) -> list[Path]:
    """Create a new site in ``target``: a diary, or with ``directory`` a directory of trials with no
    diary; refuses to overwrite existing files."""
    files = {
        "pelicanconf.py": pelicanconf(sitename, author, directory),
        "publishconf.py": PUBLISHCONF.format(siteurl=siteurl),
        ".gitignore": GITIGNORE,
        # What a publishing service installs (docs/publishing.md): the trialblog this site was made with.
        "requirements.txt": f"trialblog=={__version__}\n",
    }
    if directory:
        files["content/pages/about.md"] = "Title: About this directory\n\nWho publishes this directory, and why.\n"
    else:
        files["content/trials/my-trial.yaml"] = FIRST_TRIAL.format(today=dt.date.today().isoformat())
        files["content/consent/my-trial.md"] = consent_template("My trial")
        files["content/pages/about.md"] = "Title: About\n\nWho writes this diary, and why.\n"
    existing = [name for name in files if (target / name).exists()]
    if existing:
        raise FileExistsError(f"{target} already has {', '.join(existing)}; choose an empty folder")
    written = []
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for folder in ("content/trials",) if directory else ("content/diary", "content/images"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    if not directory:
        written.append(new_entry(target / "content", "my-trial", Milestone.CONSENT, "Why I said yes", body=PLACEHOLDERS[1]))
    return written


def new_entry(
    content: Path,
    trial: str,
    milestone: Milestone | None,
    title: str,
    draft: bool = True,
    when: dt.date | dt.datetime | None = None,
    body: str = PLACEHOLDERS[0],
) -> Path:
    """Write a diary entry with a permanent Id, named by its date and title; returns its path.

    ``trial`` is a trial's slug or ``none``; ``when`` a day, or a day and time (default: today).
    """
    when = when or dt.date.today()
    day = when.date() if isinstance(when, dt.datetime) else when
    timed = isinstance(when, dt.datetime) and (when.hour, when.minute) != (0, 0)
    shown = when.strftime("%Y-%m-%d %H:%M") if timed else day.isoformat()
    folder = content / "diary"
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{day.isoformat()}-{slug_of(title, limit=60)}"
    path = folder / f"{base}.md"
    n = 2
    while path.exists():
        path = folder / f"{base}-{n}.md"
        n += 1
    lines = [f"Title: {title}", f"Date: {shown}", f"Id: {uuid.uuid4()}", f"Trial: {trial}"]
    if milestone is not None and trial != NO_TRIAL:
        lines.append(f"Milestone: {milestone.value}")
    if draft:
        lines.append("Status: draft")
    lines += ["", body, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def new_trial(
    content: Path,
    slug: str,
    title: str,
    registry_id: str | None = None,
    status: Status = Status.RECRUITING,
    phases: tuple[Phase, ...] = (),
    masking: Masking = Masking.NONE,
    conditions: tuple[str, ...] = (),
) -> list[Path]:
    """Write ``trials/<slug>.yaml`` and a consent-notes file ready to fill in."""
    if not SLUG.match(slug):
        raise ContentError(
            slug, None, None, "is not a usable slug", "use lowercase letters, digits and hyphens"
        )
    trial_path = content / "trials" / f"{slug}.yaml"
    consent_path = content / "consent" / f"{slug}.md"
    if trial_path.exists():
        raise FileExistsError(f"{trial_path} already exists")
    who = "[PARTICIPANT, INVESTIGATOR]" if masking is not Masking.NONE else "[]"
    text = "\n".join(
        [
            f"id: {registry_id or 'none'}",
            f"title: {_yaml_text(title)}",
            "summary: |",
            "  What this trial is testing, in your own words.",
            f"conditions: [{', '.join(_yaml_text(c) for c in conditions)}]",
            f"phases: [{', '.join(p.value for p in phases)}]",
            f"status: {status.value}",
            "allocation: RANDOMIZED" if masking is not Masking.NONE else "allocation: NA",
            f"masking: {masking.value}",
            f"who_masked: {who}",
            "participation:",
            "  # consented: YYYY-MM-DD   (then randomized, unblinded, completed or withdrew)",
            "  consented:",
            "disclosure: I write as a participant, in a personal capacity.",
            "",
        ]
    )
    trial_path.parent.mkdir(parents=True, exist_ok=True)
    trial_path.write_text(text, encoding="utf-8")
    written = [trial_path]
    if not consent_path.exists():
        consent_path.parent.mkdir(parents=True, exist_ok=True)
        consent_path.write_text(consent_template(title), encoding="utf-8")
        written.append(consent_path)
    return written


def _yaml_text(text: str) -> str:
    return text if re.match(r"^[\w][\w .()/-]*$", text) else '"' + text.replace('"', '\\"') + '"'
