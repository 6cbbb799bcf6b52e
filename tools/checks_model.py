"""Would a small trained model help the checks? The measurement behind docs/checks.md.

    python -m tools.checks_model [--calibrated]

For each family, a logistic regression over a sentence's words, pairs of words and context is
fitted on the training part of ``tests/checks_corpus/`` only. Its regularisation and threshold
are chosen by five-fold cross-validation there: the threshold lets through at most 1 % of the
family's negative samples, and the regularisation is the one that finds most positive samples
at that threshold. The model then joins the rules (a family is reported when the rules or the
model report it), and the script prints:

- precision and recall on the test part, the rules alone and the rules or the model;
- how many sentences of ordinary text the model reports: the example site (``content/``), on
  which the checks report nothing, and the recruiting text of the real registry records in
  ``tests/data/ctgov/``.

``--calibrated`` raises each threshold above the highest score of the example site's
sentences, so that the model says nothing there. Needs scikit-learn (``pip install -e
'.[compare]'``). The checks use no model: this is how that was decided.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from tools.evaluation import EVALUATED, Sample, document_for, load_split, predict, score
from trialblog.checks.documents import RECRUITMENT_FIELDS, markdown_segments, yaml_segments

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "checks_corpus"
REGISTRY_DATA = REPO / "tests" / "data" / "ctgov"
#: Where each family's rules read, in the corpus's contexts.
CONTEXTS = {
    "privacy": ("diary", "diary-open", "diary-unblinded", "consent", "page"),
    "blinding": ("diary",),
    "integrity": ("diary", "diary-open", "consent"),
    "recruitment": ("diary", "diary-open", "diary-unblinded", "consent", "page", "trial"),
}
FALSE_ALARMS = 0.01
STRENGTHS = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 5
TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)*|\d+|[^\w\s]")

Scorer = Callable[[str, str], float]


def features(sentence: str, context: str) -> dict[str, int]:
    """Words in lower case (numbers by their length), pairs of words in a row, and the context."""
    found = [f"#{min(len(t), 6)}" if t[0].isdigit() else t for t in TOKEN.findall(sentence.lower())]
    pairs = [f"{a} {b}" for a, b in zip(["^", *found], [*found, "$"], strict=True)]
    return dict.fromkeys([*found, *pairs, f"in:{context}"], 1)


def plain(sample: Sample) -> str:
    """The sample's text as the checks read it (markup blanked out)."""
    return document_for(sample).segments[0].plain


def _fit(rows: list[dict[str, int]], labels: list[bool], strength: float) -> Scorer:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    model = LogisticRegression(C=strength, max_iter=5000).fit(vectorizer.fit_transform(rows), labels)
    return lambda text, context: float(model.decision_function(vectorizer.transform([features(text, context)]))[0])


def _cross_validated(rows: list[dict[str, int]], labels: list[bool], strength: float) -> list[float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    scores = [0.0] * len(rows)
    for train, held in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(rows, labels):
        vectorizer = DictVectorizer()
        matrix = vectorizer.fit_transform([rows[i] for i in train])
        model = LogisticRegression(C=strength, max_iter=5000).fit(matrix, [labels[i] for i in train])
        for i, value in zip(held, model.decision_function(vectorizer.transform([rows[i] for i in held])), strict=True):
            scores[i] = float(value)
    return scores


def _threshold(scores: list[float], labels: list[bool]) -> tuple[float, float]:
    """The lowest threshold letting through at most FALSE_ALARMS of the negatives, and the share
    of positives at or above it."""
    negatives = sorted((s for s, y in zip(scores, labels, strict=True) if not y), reverse=True)
    threshold = negatives[int(FALSE_ALARMS * len(negatives))] + 1e-6
    positives = [s for s, y in zip(scores, labels, strict=True) if y]
    return threshold, sum(s >= threshold for s in positives) / len(positives)


def fit_family(family: str, train: list[Sample]) -> tuple[Scorer, float]:
    """The family's model, fitted on ``train``, and its threshold."""
    chosen = [s for s in train if s.context in CONTEXTS[family]]
    rows = [features(plain(s), s.context) for s in chosen]
    labels = [family in s.families for s in chosen]
    best = (-1.0, 0.0, 0.0)
    for strength in STRENGTHS:
        threshold, recall = _threshold(_cross_validated(rows, labels, strength), labels)
        print(f"{family}: C={strength}: cross-validated recall {recall:.2f} at {FALSE_ALARMS:.0%} false alarms")
        best = max(best, (recall, -strength, threshold))
    return _fit(rows, labels, -best[1]), best[2]


def ordinary_text() -> list[tuple[str, str]]:
    """(context, sentence) of the example site: entries, consent notes, pages, trial records."""
    found = []
    for path in sorted((REPO / "content").rglob("*.md")):
        context = {"diary": "diary", "consent": "consent"}.get(path.parent.name, "page")
        found += [(context, s) for s in _sentences(markdown_segments(path.read_text(encoding="utf-8"))[0])]
    for path in sorted((REPO / "content" / "trials").glob("*.yaml")):
        found += [("trial", s) for s in _sentences(yaml_segments(path.read_text(encoding="utf-8")))]
    return found


def registry_text() -> list[tuple[str, str]]:
    """("trial", sentence) of the recruiting fields of the real registry records, as imported."""
    from trialblog.registry.importer import import_paths

    records = sorted(p for p in REGISTRY_DATA.rglob("*") if p.suffix in (".json", ".xml") and p.parent.name != "broken")
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "content" / "trials").mkdir(parents=True)
        import_paths(records, site / "content", site, dt.date(2025, 1, 15))
        paths = sorted((site / "content" / "trials").glob("*.yaml"))
        return [("trial", s) for p in paths for s in _sentences(yaml_segments(p.read_text(encoding="utf-8")))]


def _sentences(segments) -> list[str]:
    return [
        s.plain[a:b] for s in segments if s.field in RECRUITMENT_FIELDS | {"body"}
        for a, b in s.sentences() if s.plain[a:b].strip()
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calibrated", action="store_true", help="thresholds above every sentence of the example site")
    args = parser.parse_args(argv)
    train, test = load_split(CORPUS / "train"), load_split(CORPUS / "test")
    ordinary, registry = ordinary_text(), registry_text()
    models: dict[str, tuple[Scorer, float]] = {}
    for family in CONTEXTS:
        scorer, threshold = fit_family(family, train)
        if args.calibrated:
            highest = max(scorer(t, c) for c, t in ordinary if c in CONTEXTS[family])
            threshold = max(threshold, highest + 0.05)
        models[family] = scorer, threshold

    def with_model(sample: Sample) -> set[str]:
        found = predict(sample)
        for family, (scorer, threshold) in models.items():
            if sample.context in CONTEXTS[family] and scorer(plain(sample), sample.context) >= threshold:
                found.add(f"{family}.*")
        return found

    rules, both = score(test, predict), score(test, with_model)
    print(f"\ntest part ({len(test)} samples): family, rules alone, rules or model (precision / recall)")
    for family in EVALUATED[:4]:
        r, b = rules[family], both[family]
        print(f"{family}: {r.precision:.2f} / {r.recall:.2f} -> {b.precision:.2f} / {b.recall:.2f}")
    for name, text in (("the example site", ordinary), ("the real registry records of tests/data/ctgov", registry)):
        print(f"\nsentences of {name} the model reports ({len(text)} sentences):")
        for family, (scorer, threshold) in models.items():
            flagged = sum(1 for c, t in text if c in CONTEXTS[family] and scorer(t, c) >= threshold)
            print(f"{family}: {flagged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
