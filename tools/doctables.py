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
    load_corpus,
    predict,
    privacy_breakdown,
    score,
    scrubadub_predictor,
    table,
)
from trialblog.checks import runner  # noqa: F401 (registers every rule)
from trialblog.checks.rules import FAMILIES, RULES

CORPUS_FILES = ("sentences.yaml", "heldout.yaml")
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


def corpus(folder: Path) -> list[Sample]:
    return [s for name in CORPUS_FILES for s in load_corpus(folder / name)]


def comparison_predictor() -> Predictor | None:
    try:
        return scrubadub_predictor()
    except ImportError:
        return None


def quality_tables(folder: Path, compare: Predictor | None) -> str:
    """The measured tables: per family, and per kind of identifier against ``compare``."""
    samples = corpus(folder)
    ours = score(samples, predict)
    rows = {"trialblog": ours}
    if compare is not None:
        rows[COMPARED] = {"privacy": score(samples, compare, ("privacy",))["privacy"]}
    counts = ", ".join(f"{len(load_corpus(folder / n))} in `{n}`" for n in CORPUS_FILES)
    text = [
        f"Measured on {len(samples)} samples ({counts}); a sample counts as positive for a family "
        "when any of its expected rules belongs to it.",
        "",
        table(rows, EVALUATED),
        "",
    ]
    if compare is not None:
        text += [
            f"Privacy, by kind of identifier (recall), and false alarms on the {sum(1 for s in samples if 'privacy' not in s.families)} "
            "samples with no identifier:",
            "",
            privacy_breakdown(samples, {"trialblog": predict, COMPARED: compare}),
        ]
    return "\n".join(text)
