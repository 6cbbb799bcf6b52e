"""The generated parts of docs/checks.md: the rule list, the measured quality tables and what
the checks find in real registry records.

Each part sits between ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->`` markers;
``python -m benchmarks.checks_quality`` rewrites them and the tests check that they are current.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

from tools.evaluation import (
    EVALUATED,
    Predictor,
    Sample,
    load_split,
    predict,
    privacy_breakdown,
    score,
    scrubadub_predictor,
    table,
)
from trialblog.checks import runner  # noqa: F401 (registers every rule)
from trialblog.checks.rules import FAMILIES, RULES

#: The corpus's fixed split: the rules were written on ``train/``; the figures are measured on ``test/``.
SPLITS = ("train", "test")
COMPARED = "scrubadub"


def marker(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- generated:{name} -->\n)(.*?)(<!-- /generated:{name} -->)", re.S)


def replace_part(document: str, name: str, body: str) -> str:
    pattern = marker(name)
    if not pattern.search(document):
        raise ValueError(f"docs/checks.md has no generated:{name} markers")
    return pattern.sub(lambda m: m.group(1) + body.rstrip() + "\n" + m.group(3), document)


def part(document: str, name: str) -> str:
    match = marker(name).search(document)
    return match.group(2).rstrip() if match else ""


def rules_table() -> str:
    lines = ["| rule | severity | finds |", "|---|---|---|"]
    for family in FAMILIES:
        for rule in sorted((r for r in RULES.values() if r.family == family), key=lambda r: r.id):
            lines.append(f"| `{rule.id}` | {rule.severity} | {rule.summary} |")
    return "\n".join(lines)


def corpus(folder: Path, part: str | None = None) -> list[Sample]:
    """The samples of one part of the split, or of both."""
    return [s for name in (SPLITS if part is None else (part,)) for s in load_split(folder / name)]


def comparison_predictor() -> Predictor | None:
    try:
        return scrubadub_predictor()
    except ImportError:
        return None


def quality_tables(folder: Path, compare: Predictor | None) -> str:
    """The measured tables: per family on each part of the split, and per kind of identifier
    on the test part against ``compare``."""
    test, train = corpus(folder, "test"), corpus(folder, "train")
    rows = {"trialblog": score(test, predict)}
    if compare is not None:
        rows[COMPARED] = {"privacy": score(test, compare, ("privacy",))["privacy"]}
    text = [
        f"Measured on the test part of the corpus: {len(test)} samples in `test/`, none of which the "
        f"rules were written on (they were written on the {len(train)} in `train/`). A sample counts "
        "as positive for a family when any of its expected rules belongs to it.",
        "",
        table(rows, EVALUATED),
        "",
        "On the training part, which the rules were written on:",
        "",
        table({"trialblog": score(train, predict)}, EVALUATED),
        "",
    ]
    if compare is not None:
        clean = sum(1 for s in test if "privacy" not in s.families)
        text += [
            f"Privacy on the test part, by kind of identifier (recall), and false alarms on the {clean} "
            "samples with no identifier:",
            "",
            privacy_breakdown(test, {"trialblog": predict, COMPARED: compare}),
        ]
    return "\n".join(text)


def registry_table(data: Path) -> str:
    """What the checks find when every real registry record under ``data`` is imported into an
    empty site (as the import reports it): how many findings, in how many trials, and that
    none is an error."""
    from trialblog.registry.importer import import_paths

    records = sorted(p for p in data.rglob("*") if p.suffix in (".json", ".xml") and p.parent.name != "broken")
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "content" / "trials").mkdir(parents=True)
        imported = import_paths(records, site / "content", site, dt.date(2025, 1, 15))
        written = len(list((site / "content" / "trials").glob("*.yaml")))
    shown = [f for f in imported.findings if f.silenced is None]
    rows = []
    for label, found in (("in the registry's own text", [f for f in shown if f.registry]),
                         ("in the editor's own fields", [f for f in shown if not f.registry])):  # fmt: skip
        errors = sum(1 for f in found if f.severity == "error")
        rows.append(f"| {label} | {len(found)} | {len({f.path for f in found})} | {errors} |")
    rules = ", ".join(f"`{rule}`" for rule in sorted({f.rule for f in shown if f.registry}))
    return "\n".join(
        [
            f"Importing the {len(records)} real ClinicalTrials.gov files in `tests/data/ctgov/` (broken ones left out) "
            f"writes {written} trial records. The checks find:",
            "",
            "| | findings | trials | errors |",
            "|---|---:|---:|---:|",
            *rows,
            "",
            f"Rules reported in registry text: {rules or 'none'}.",
        ]
    )
