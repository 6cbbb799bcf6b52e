"""The generated parts of docs/checks.md: the rule list and the measured quality tables.

Each part sits between ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->`` markers;
``benchmarks/checks_quality.py`` rewrites them and the tests check that they are current.
"""

from __future__ import annotations

import re
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
