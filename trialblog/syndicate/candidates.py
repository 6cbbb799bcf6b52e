"""What may be announced: the public entries of the last published build, and recruiting trials.

Never announced: drafts and hidden posts (they are not in the manifest), posts marked
``Syndicate: no``, and posts the build's checks found an error in.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import SyndicateError
from .manifest import Manifest
from .text import Announcement, Style

VISIBILITIES = ("public", "unlisted", "private")
RECRUITING = "RECRUITING"


@dataclass(frozen=True)
class SiteChoices:
    """Syndication settings from the site's pelicanconf.py / publishconf.py."""

    style: Style
    recruiting_trials: bool = False


def site_choices(settings: dict) -> SiteChoices:
    """Read ``SYNDICATE_VISIBILITY``, ``SYNDICATE_RECRUITING_TRIALS``, ``SYNDICATE_BLINDED_LINE``."""
    visibility = str(settings.get("SYNDICATE_VISIBILITY") or "unlisted").lower()
    if visibility not in VISIBILITIES:
        raise SyndicateError(
            f"SYNDICATE_VISIBILITY = {visibility!r} in the site settings: use one of {', '.join(VISIBILITIES)}"
        )
    default = Style()
    style = Style(
        visibility=visibility,
        language=str(settings.get("DEFAULT_LANG") or default.language),
        blinded_line=str(settings.get("SYNDICATE_BLINDED_LINE") or default.blinded_line),
    )
    return SiteChoices(
        style=style, recruiting_trials=bool(settings.get("SYNDICATE_RECRUITING_TRIALS", False))
    )


def announcements(manifest: Manifest, choices: SiteChoices) -> list[Announcement]:
    """Everything that may be announced, oldest first: never an entry the build's checks found
    an error in (published only with ``--allow-errors``)."""
    found = [
        Announcement(
            id=str(e["id"]),
            title=str(e["title"]),
            url=str(e["url"]),
            excerpt=" ".join(str(e.get("summary") or "").split()),
            content_warning=str(e.get("content_warning") or ""),
            blinded=bool(e.get("blinded")),
            date=str(e.get("date") or ""),
            source=str(e.get("source") or ""),
        )
        for e in manifest.entries
        if e.get("syndicate", True) and not e.get("check_errors")
    ]
    if choices.recruiting_trials:
        found += [trial_announcement(t) for t in manifest.trials if t.get("status") == RECRUITING]
    return sorted(found, key=lambda a: (a.date, a.id))


def trial_announcement(trial: dict) -> Announcement:
    """A trial that is recruiting now, announced once."""
    facts = [", ".join(trial.get("conditions") or ())]
    if trial.get("phase"):
        facts.append(str(trial["phase"]))
    if trial.get("registry_id"):
        facts.append(str(trial["registry_id"]))
    return Announcement(
        id=str(trial["id"]),
        title=f"Now recruiting: {trial['title']}",
        url=str(trial["url"]),
        excerpt=" · ".join(f for f in facts if f),
        kind="trial",
        source=str(trial.get("source") or ""),
    )
