"""Condition headings: MeSH where a record has it, the registry's own words otherwise."""

from __future__ import annotations

import datetime as dt

from trialblog.content.trials import Trial
from trialblog.content.vocab import Status
from trialblog.registry.conditions import mesh_for
from trialblog.registry.listing import Directory
from trialblog.registry.slugs import slugify


def trial(slug: str, conditions: tuple[str, ...], mesh: tuple[str, ...] = ()) -> Trial:
    return Trial(slug=slug, title=slug.upper(), status=Status.RECRUITING, conditions=conditions,
                 mesh_conditions=mesh)  # fmt: skip


def test_a_raw_term_goes_under_the_heading_it_names():
    meshes = ("Spinal Stenosis", "Intervertebral Disc Displacement", "Constriction, Pathologic")
    assert mesh_for("Degenerative Spinal Stenosis", meshes) == "Spinal Stenosis"
    assert mesh_for("Spine Traction", meshes) is None
    assert mesh_for("Disk degeneration", ("Intervertebral Disc Degeneration",)) == "Intervertebral Disc Degeneration"
    assert mesh_for("Pregnancy", ("Lupus Erythematosus, Systemic",)) is None


def test_near_duplicates_become_one_facet_and_stay_as_also_called():
    trials = [
        trial("a", ("Degenerative Disc Disease",), ("Intervertebral Disc Degeneration",)),
        trial("b", ("Disc degeneration",), ("Intervertebral Disc Degeneration",)),
        trial("c", ("Disc degeneration",)),  # no MeSH: mapped as the other records map the term
        trial("d", ("Rare thing",)),
    ]
    directory = Directory(trials, dt.date(2024, 1, 1), slugify)
    facets = directory.facets()["condition"]
    assert [(f.name, [li.trial.slug for li in f.listings]) for f in facets] == [
        ("Intervertebral Disc Degeneration", ["a", "b", "c"]),
        ("Rare thing", ["d"]),
    ]
    assert facets[0].also_called == ["Degenerative Disc Disease", "Disc degeneration"]
    assert facets[0].heading == "Recruiting trials for Intervertebral Disc Degeneration"
    assert directory.by_slug["c"].trial.conditions == ("Disc degeneration",)  # the trial keeps its words
