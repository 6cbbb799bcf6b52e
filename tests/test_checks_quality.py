"""Precision and recall of the checks on the labelled corpus, and docs/checks.md kept current."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.doctables import SPLITS, corpus, marker, part, quality_tables, registry_table, rules_table
from tools.evaluation import CONTEXTS, EVALUATED, Sample, predict, score
from trialblog.checks import RULES

CORPUS = Path(__file__).parent / "checks_corpus"
DOCS = Path(__file__).parent.parent / "docs" / "checks.md"
REGISTRY_DATA = Path(__file__).parent / "data" / "ctgov"
RECALL, PRECISION = 0.95, 0.95


@pytest.fixture(scope="module")
def parts():
    return {name: corpus(CORPUS, name) for name in SPLITS}


@pytest.fixture(scope="module")
def scores(parts):
    return {name: score(samples, predict) for name, samples in parts.items()}


def test_the_corpus_is_big_varied_split_and_labelled_with_real_rules(parts):
    train, test = parts["train"], parts["test"]
    assert len(train) + len(test) >= 1500 and len(test) >= 350
    assert not {s.text for s in train} & {s.text for s in test}, "a sample in both parts"
    for sample in train + test:
        assert sample.expect <= set(RULES), sample.text
    for family in EVALUATED:
        assert sum(1 for s in test if family in s.families) >= (5 if family == "accessibility" else 30), family
        assert sum(1 for s in test if family not in s.families) >= 200, family
    for context in CONTEXTS:
        assert sum(1 for s in test if s.context == context) >= 5, context
    must_pass = {s.text for s in train + test if not s.expect}
    for text in ("NCT04012996", "0808 800 8000", "up to $50 per completed visit", "don't compare notes"):
        assert any(text in t for t in must_pass), f"no must-pass sample with {text}"


#: What the checks reach on the test part (precision, recall), below the aim: docs/checks.md.
REACHED = {
    "privacy": (0.93, 0.98),
    "blinding": (0.95, 0.90),
    "integrity": (0.87, 0.85),
    "recruitment": (0.96, 0.85),
}


@pytest.mark.parametrize("family", EVALUATED)
def test_the_aim_on_the_training_part(scores, family):
    s = scores["train"][family]
    assert s.recall >= RECALL, f"{family} missed:\n" + "\n".join(s.false_negatives)
    assert s.precision >= PRECISION, f"{family} false alarms:\n" + "\n".join(s.false_positives)


@pytest.mark.parametrize("family", EVALUATED)
def test_no_family_falls_below_what_it_reaches_on_the_test_part(scores, family):
    """The test part's sentences are not shown: rules are written on the training part only."""
    s = scores["test"][family]
    precision, recall = REACHED.get(family, (PRECISION, RECALL))
    assert s.recall >= recall, f"{family}: recall {s.recall:.3f}, {s.fn} of {s.support} missed"
    assert s.precision >= precision, f"{family}: precision {s.precision:.3f}, {s.fp} false alarms"


@pytest.mark.parametrize(
    "family",
    [pytest.param(f, marks=pytest.mark.xfail(strict=True, reason="not reached yet")) if f in REACHED else f for f in EVALUATED],
)
def test_the_aim_on_the_test_part(scores, family):
    s = scores["test"][family]
    assert s.recall >= RECALL and s.precision >= PRECISION, f"{family}: {s.precision:.3f} / {s.recall:.3f}"


def test_the_right_rule_fires_not_just_the_right_family(scores):
    for name, by_family in scores.items():
        found = sum(s.tp for s in by_family.values())
        assert sum(s.rule_misses for s in by_family.values()) <= found * 0.03, name


def test_docs_rule_list_is_current():
    assert part(DOCS.read_text(encoding="utf-8"), "rules") == rules_table()


def test_docs_quality_tables_are_current_for_the_checks(parts, scores):
    docs = part(DOCS.read_text(encoding="utf-8"), "quality")
    tables = docs.split("On the training part")
    for name, text in zip(("test", "train"), tables, strict=True):
        for family in EVALUATED:
            s = scores[name][family]
            row = next(line for line in text.splitlines() if line.startswith(f"| {family} |"))
            assert f"| {s.support} | {s.precision:.2f} | {s.recall:.2f} |" in row, row
    assert f"{len(parts['test'])} samples in `test/`" in docs


def test_docs_comparison_is_current():
    """The comparison columns: needs the optional PII detector (pip install -e '.[compare]')."""
    pytest.importorskip("scrubadub")
    from tools.doctables import comparison_predictor

    assert part(DOCS.read_text(encoding="utf-8"), "quality") == quality_tables(CORPUS, comparison_predictor())


def test_docs_registry_table_is_current():
    table = part(DOCS.read_text(encoding="utf-8"), "registry")
    assert table == registry_table(REGISTRY_DATA)
    assert "| in the registry's own text |" in table and table.count(" 0 |") >= 1


def test_docs_have_every_generated_part():
    text = DOCS.read_text(encoding="utf-8")
    assert all(marker(name).search(text) for name in ("rules", "quality", "registry"))


#: The issue's own examples of what the checks raised and should not: registry background,
#: payment stated plainly, blinding explained, a clinician by surname.
NOT_FINDINGS = (
    ("No single measurement has been proven to be the golden standard for assessing disc degeneration.", "trial"),
    ("Patients treated with surgery do not fare better than those given conservative care.", "trial"),
    ("Paracetamol, which is FDA approved for pain, is given to both groups as usual care.", "trial"),
    ("Compensation: up to $50 per completed visit.", "trial"),
    ("Up to $600 for time and travel.", "trial"),
    ("The nurse asked us not to compare notes with other participants.", "diary"),
    ("I don't know which group I'm in, and that is how it should be.", "diary"),
    ("Dr Patel went through my bloods with me.", "diary-open"),
)


@pytest.mark.parametrize(("text", "context"), NOT_FINDINGS)
def test_what_the_issue_found_raised_wrongly_is_not_a_finding(text, context):
    assert predict(Sample(text, context, frozenset())) == set()


#: One sentence of each kind the issue says the checks missed, and the rule that finds it.
FINDINGS = (
    ("My guess is the high-dose arm.", "diary", "blinding.arm-guess"),
    ("Pretty obvious I'm in the high-dose group.", "diary", "blinding.arm-guess"),
    ("I'm 90 % sure I'm on the real drug.", "diary", "blinding.arm-guess"),
    ("I weighed the capsules on my kitchen scales to see if they differ.", "diary", "blinding.unblinding-attempt"),
    ("I paid for a private blood test to check my drug levels.", "diary", "blinding.unblinding-attempt"),
    ("My kit number is KT-40817.", "diary", "blinding.kit-number"),
    ("If your MRI came back clean too, you're probably on the drug like me.", "diary", "blinding.compare-invite"),
    ("Tip: fast before your screening bloods so your sugar comes in under the limit.", "diary-open", "integrity.hide-at-screening"),
    ("I left my supplements off the medication list.", "diary-open", "integrity.protocol-breach"),
    ("I threw the doses away and ticked them off in the diary.", "diary-open", "integrity.protocol-breach"),
    ("I filled in the diary cards for last week from memory in the car park.", "diary-open", "integrity.protocol-breach"),
    ("I am doing two trials at once and neither team knows.", "diary-open", "integrity.protocol-breach"),
    ("Llámame al 612 345 678.", "diary-open", "privacy.phone"),
    ("My account number is 12345678.", "diary-open", "privacy.record-number"),
    ("My neighbour Jim Carter is in the same study and has had two relapses.", "diary-open", "privacy.named-person"),
    ("This miracle drug cures MS, sign up today before the spots run out.", "page", "recruitment.cure"),
)  # fmt: skip


@pytest.mark.parametrize(("text", "context", "rule"), FINDINGS)
def test_what_the_issue_found_missed_is_found(text, context, rule):
    assert rule in predict(Sample(text, context, frozenset()))
