"""Measuring the checks on a labelled corpus: precision and recall per family.

A corpus is a YAML list of samples, each a piece of text, where it appears (``in``) and the
rules that should fire on it (``expect``, empty for text that must pass)::

    - text: I think I'm on placebo, honestly.
      in: diary
      expect: [blinding.arm-guess]

A sample counts for a family when any of its expected rules is in that family; a prediction
counts when any finding is. Scores are per sample, so a sample expected to fire and firing
under another rule of the same family is still a true positive (rule-level misses are counted
separately).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trialblog.checks.documents import Document, Kind, arm_terms, public_contacts
from trialblog.checks.runner import check_document
from trialblog.checks.text import Segment
from trialblog.content.trials import Contact, Trial
from trialblog.content.vocab import Masking, Status
from trialblog.content.yamlsource import load_yaml

#: The trial every corpus sample is about: double-blind, one drug against placebo.
CORPUS_TRIAL = Trial(
    slug="corpus",
    title="AURORA-MS",
    status=Status.ACTIVE_NOT_RECRUITING,
    masking=Masking.DOUBLE,
    contacts=(Contact("Study coordinator", "CONTACT", "+44 20 7946 0123", "aurora.study@example.org"),),
)
CORPUS_ARMS = ("Velanimod 0.5 mg", "Velanimod")

#: Where a sample appears: the kind of file and its place in the trial.
CONTEXTS: dict[str, dict[str, object]] = {
    "diary": {"kind": Kind.DIARY, "blinded": True, "ongoing": True, "active": True},
    "diary-open": {"kind": Kind.DIARY, "blinded": False, "ongoing": True, "active": True},
    "diary-unblinded": {"kind": Kind.DIARY, "blinded": False, "ongoing": False, "active": False},
    "consent": {"kind": Kind.CONSENT, "ongoing": True},
    "page": {"kind": Kind.PAGE},
    "trial": {"kind": Kind.TRIAL},
}
EVALUATED = ("privacy", "blinding", "integrity", "recruitment", "accessibility")


@dataclass(frozen=True)
class Sample:
    text: str
    context: str
    expect: frozenset[str]

    @property
    def families(self) -> frozenset[str]:
        return frozenset(rule.split(".", 1)[0] for rule in self.expect)


@dataclass
class Score:
    """Counts and rates for one family."""

    family: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    rule_misses: int = 0  # family right, rule wrong
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_corpus(path: Path) -> list[Sample]:
    data = load_yaml(path.read_text(encoding="utf-8"), str(path)) or []
    samples = []
    for item in data:
        context = item.get("in", "diary")
        if context not in CONTEXTS:
            raise ValueError(f"{path}: {item['text']!r}: unknown context {context!r}")
        samples.append(Sample(item["text"], context, frozenset(item.get("expect") or ())))
    return samples


def load_split(folder: Path) -> list[Sample]:
    """Every sample of the corpus files in ``folder`` (one part of the train/test split)."""
    return [sample for path in sorted(folder.glob("*.yaml")) for sample in load_corpus(path)]


def document_for(sample: Sample) -> Document:
    """The sample as the one paragraph of a file of its context's kind."""
    context = dict(CONTEXTS[sample.context])
    kind = context.pop("kind")
    phones, emails = public_contacts([CORPUS_TRIAL])
    field_name = "summary" if kind is Kind.TRIAL else "body"
    return Document(
        path=f"corpus/{sample.context}",
        kind=kind,  # type: ignore[arg-type]
        segments=[Segment(field_name, sample.text, 1)],
        raw=sample.text,
        trial=CORPUS_TRIAL,
        arm_terms=CORPUS_ARMS if kind is not Kind.TRIAL else arm_terms(CORPUS_TRIAL) + CORPUS_ARMS,
        public_phones=phones,
        public_emails=emails,
        **context,  # type: ignore[arg-type]
    )


def predict(sample: Sample) -> set[str]:
    """The rules trialblog's checks report for ``sample``."""
    return {f.rule for f in check_document(document_for(sample)) if f.silenced is None}


def score(
    samples: Iterable[Sample],
    predictor: Callable[[Sample], set[str]] = predict,
    families: Iterable[str] = EVALUATED,
) -> dict[str, Score]:
    """Precision and recall of ``predictor`` per family over ``samples``."""
    scores = {family: Score(family) for family in families}
    for sample in samples:
        predicted = predictor(sample)
        predicted_families = {rule.split(".", 1)[0] for rule in predicted}
        for family, s in scores.items():
            expected = family in sample.families
            found = family in predicted_families
            if expected and found:
                s.tp += 1
                wanted = {r for r in sample.expect if r.startswith(family + ".")}
                if not wanted & predicted and not any(r.endswith(".*") for r in predicted):
                    s.rule_misses += 1
            elif found:
                s.fp += 1
                s.false_positives.append(sample.text)
            elif expected:
                s.fn += 1
                s.false_negatives.append(sample.text)
    return scores


def table(rows: dict[str, dict[str, Score]], families: Iterable[str] = EVALUATED) -> str:
    """A Markdown table: one row per family, precision and recall for each detector."""
    names = list(rows)
    head = "| family | positive samples | " + " | ".join(f"{n} precision | {n} recall" for n in names) + " |"
    rule = "|---|---:|" + "---:|---:|" * len(names)
    lines = [head, rule]
    for family in families:
        support = next(iter(rows.values()))[family].support
        cells = []
        for name in names:
            s = rows[name].get(family)
            cells += ["–", "–"] if s is None else [f"{s.precision:.2f}", f"{s.recall:.2f}"]
        lines.append(f"| {family} | {support} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


Predictor = Callable[[Sample], set[str]]


def scrubadub_predictor() -> Predictor:
    """scrubadub, a general-purpose PII detector, as a predictor of the privacy family.

    Every detector that works offline is on, for British and American text; scrubadub's name
    detector needs NLTK corpora downloaded at run time and is left out. Needs the ``compare``
    extra (``pip install 'trialblog[compare]'``).
    """
    import scrubadub  # optional dependency

    scrubbers = []
    for locale in ("en_GB", "en_US"):
        scrubber = scrubadub.Scrubber(locale=locale)
        scrubber.add_detector("date_of_birth")
        scrubbers.append(scrubber)

    def predict_pii(sample: Sample) -> set[str]:
        found = any(any(True for _ in s.iter_filth(sample.text)) for s in scrubbers)
        return {"privacy.*"} if found else set()

    return predict_pii


def privacy_breakdown(samples: list[Sample], predictors: dict[str, Predictor]) -> str:
    """Recall per kind of identifier, and false alarms on text that must pass, per detector."""
    kinds = sorted({r for s in samples for r in s.expect if r.startswith("privacy.")})
    results = {name: [predictor(s) for s in samples] for name, predictor in predictors.items()}
    head = "| identifier | samples | " + " | ".join(f"{n} recall" for n in predictors) + " |"
    lines = [head, "|---|---:|" + "---:|" * len(predictors)]
    for kind in kinds:
        idx = [i for i, s in enumerate(samples) if kind in s.expect]
        cells = []
        for name in predictors:
            hits = sum(1 for i in idx if any(r.startswith("privacy.") for r in results[name][i]))
            cells.append(f"{hits}/{len(idx)}")
        lines.append(f"| `{kind}` | {len(idx)} | " + " | ".join(cells) + " |")
    clean = [i for i, s in enumerate(samples) if "privacy" not in s.families]
    cells = []
    for name in predictors:
        alarms = sum(1 for i in clean if any(r.startswith("privacy.") for r in results[name][i]))
        cells.append(f"{alarms} false alarms")
    lines.append(f"| text with no identifier | {len(clean)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
