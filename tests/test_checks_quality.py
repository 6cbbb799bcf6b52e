"""Precision and recall of the checks on the labelled corpus, and docs/checks.md kept current."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.doctables import CORPUS_FILES, corpus, marker, part, quality_tables, rules_table
from tools.evaluation import EVALUATED, load_corpus, predict, score
from trialblog.checks import RULES

CORPUS = Path(__file__).parent / "checks_corpus"
DOCS = Path(__file__).parent.parent / "docs" / "checks.md"
RECALL, PRECISION = 0.95, 0.9


@pytest.fixture(scope="module")
def samples():
    return corpus(CORPUS)


@pytest.fixture(scope="module")
def scores(samples):
    return score(samples, predict)


def test_the_corpus_is_big_enough_and_labelled_with_real_rules(samples):
    assert len(samples) >= 150
    for sample in samples:
        assert sample.expect <= set(RULES), sample.text
    for family in EVALUATED:
        positives = sum(1 for s in samples if family in s.families)
        negatives = sum(1 for s in samples if family not in s.families)
        assert positives >= 10 and negatives >= 50, family
    must_pass = {s.text for s in samples if not s.expect}
    for text in ("NCT04012996", "fatigue=5", "0808 800 8000", "2024-04-01"):
        assert any(text in t for t in must_pass), f"no must-pass sample with {text}"


@pytest.mark.parametrize("family", EVALUATED)
def test_precision_and_recall_per_family(scores, family):
    s = scores[family]
    assert s.recall >= RECALL, f"{family} missed:\n" + "\n".join(s.false_negatives)
    assert s.precision >= PRECISION, f"{family} false alarms:\n" + "\n".join(s.false_positives)


def test_the_right_rule_fires_not_just_the_right_family(scores):
    assert sum(s.rule_misses for s in scores.values()) <= 2


def test_docs_rule_list_is_current():
    assert part(DOCS.read_text(encoding="utf-8"), "rules") == rules_table()


def test_docs_quality_table_is_current_for_the_checks(scores):
    docs = part(DOCS.read_text(encoding="utf-8"), "quality")
    for family in EVALUATED:
        s = scores[family]
        row = next(line for line in docs.splitlines() if line.startswith(f"| {family} |"))
        assert f"| {s.support} | {s.precision:.2f} | {s.recall:.2f} |" in row, row
    assert f"Measured on {sum(len(load_corpus(CORPUS / n)) for n in CORPUS_FILES)} samples" in docs


def test_docs_comparison_is_current():
    """The comparison columns: needs the optional PII detector (pip install -e '.[compare]')."""
    pytest.importorskip("scrubadub")
    from tools.doctables import comparison_predictor

    assert part(DOCS.read_text(encoding="utf-8"), "quality") == quality_tables(CORPUS, comparison_predictor())


def test_docs_have_both_generated_parts():
    text = DOCS.read_text(encoding="utf-8")
    assert marker("rules").search(text) and marker("quality").search(text)
