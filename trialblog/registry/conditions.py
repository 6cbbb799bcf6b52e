"""Condition headings: the registry's MeSH terms where a record has them, its own words otherwise."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from unidecode import unidecode

from ..content.trials import Trial

WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about which condition is meant.
GENERIC = {
    "disease", "diseases", "disorder", "disorders", "syndrome", "syndromes", "condition", "conditions",
    "chronic", "acute", "type", "with", "without", "and", "the", "of", "in", "for", "patients",
    "healthy", "other", "unspecified",
}  # fmt: skip
STEM = 5  # "degenerative" and "degeneration", "disc" and "discs" share their first letters


def stems(text: str) -> set[str]:
    """The distinctive word stems of a condition's name."""
    words = WORD.findall(unidecode(text).lower())
    return {w[:STEM] for w in words if w not in GENERIC and len(w) > 2}


def mesh_for(raw: str, meshes: tuple[str, ...]) -> str | None:
    """The MeSH heading of ``meshes`` that a raw condition term names, if one plainly does."""
    words = stems(raw)
    if len(meshes) == 1 and (not words or words & stems(meshes[0])):
        return meshes[0]
    best, overlap = None, 0
    for mesh in meshes:
        shared = len(words & stems(mesh))
        if shared > overlap:
            best, overlap = mesh, shared
    return best


class Headings:
    """Which condition headings each trial is listed under.

    A trial with MeSH terms is listed under them; a trial without is listed under its own terms,
    each replaced by the MeSH heading other records map the same term to.
    """

    def __init__(self, trials: Iterable[Trial], key: Callable[[str], str]):
        self.key = key
        votes: dict[str, Counter[str]] = {}
        for trial in trials:
            for raw in trial.conditions:
                mesh = mesh_for(raw, trial.mesh_conditions) if trial.mesh_conditions else None
                if mesh is not None:
                    votes.setdefault(key(raw), Counter())[mesh] += 1
        self.synonyms = {raw: counts.most_common(1)[0][0] for raw, counts in votes.items()}

    def of(self, trial: Trial) -> tuple[str, ...]:
        """The headings ``trial`` is listed under."""
        if trial.mesh_conditions:
            return trial.mesh_conditions
        return tuple(dict.fromkeys(self.synonyms.get(self.key(raw), raw) for raw in trial.conditions))

    def named(self, trial: Trial) -> list[tuple[str, str]]:
        """(heading, raw term) for each of ``trial``'s own terms that a heading stands for."""
        pairs = []
        for raw in trial.conditions:
            if trial.mesh_conditions:
                heading = mesh_for(raw, trial.mesh_conditions)
            else:
                heading = self.synonyms.get(self.key(raw))
            if heading:
                pairs.append((heading, raw))
        return pairs
