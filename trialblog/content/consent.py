"""Informed-consent notes and the standard questions to ask before joining a trial."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .header import body_of, read_header

#: (id, question): the questions ClinicalTrials.gov and patient groups advise asking.
STANDARD_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("purpose", "What is the purpose of the study?"),
    ("procedures", "What tests, treatments and visits are involved, and how often?"),
    ("placebo", "Could I receive a placebo, and how is my group decided?"),
    ("risks", "What are the possible risks and side effects?"),
    ("benefits", "What are the possible benefits, and is any benefit guaranteed?"),
    ("alternatives", "What other options do I have if I do not take part?"),
    ("costs", "Will it cost me anything, and are travel and time reimbursed?"),
    ("time", "How long will the study last, and how much of my time will it take?"),
    ("withdraw", "Can I leave the study at any time, and what happens to my care if I do?"),
    ("privacy", "Who will see my information, and how is it kept private?"),
    ("injury", "What happens if I am harmed by taking part?"),
    ("after", "What happens when the study ends: will I learn the results and my group?"),
    ("contact", "Who do I contact with questions or problems, day or night?"),
)

HEADING = re.compile(r"^##(?!#)\s*(.*?)\s*(?:\{\s*#([A-Za-z][\w-]*)\s*\})?\s*#*\s*$")


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


_BY_TEXT = {_normal(q): qid for qid, q in STANDARD_QUESTIONS}
_IDS = {qid for qid, _ in STANDARD_QUESTIONS}


@dataclass(frozen=True)
class ConsentNotes:
    """A trial's consent notes: free Markdown plus answers keyed by standard question id."""

    trial: str
    source: str
    title: str
    date: str
    notes: str  # Markdown that is not an answer to a standard question
    answers: dict[str, str]  # question id -> Markdown answer


def question_id(heading: str, explicit: str | None) -> str | None:
    """Which standard question a ``##`` heading answers, if any."""
    if explicit in _IDS:
        return explicit
    return _BY_TEXT.get(_normal(heading))


def split_notes(body: str) -> tuple[str, dict[str, str]]:
    """Separate ``##`` sections that answer standard questions from the rest of the notes."""
    notes: list[str] = []
    answers: dict[str, list[str]] = {}
    current: list[str] = notes
    for line in body.splitlines():
        match = HEADING.match(line)
        if match:
            qid = question_id(match.group(1), match.group(2))
            if qid:
                current = answers.setdefault(qid, [])
                continue
            current = notes
        current.append(line)
    return "\n".join(notes).strip(), {
        k: "\n".join(v).strip() for k, v in answers.items() if "".join(v).strip()
    }


def parse_consent(trial: str, source: str, text: str) -> ConsentNotes:
    header = read_header(text)
    notes, answers = split_notes(body_of(text, header))
    return ConsentNotes(
        trial=trial,
        source=source,
        title=header.values.get("title", "") or "Consent notes",
        date=header.values.get("date", ""),
        notes=notes,
        answers=answers,
    )


def template(title: str) -> str:
    """A consent-notes file with every standard question ready to answer."""
    parts = [
        f"Title: Consent notes: {title}",
        "",
        "What the consent form said, how long the conversation took, who you talked it over",
        "with, and how you decided. Answer the questions below that you asked; delete the rest.",
        "",
    ]
    for qid, question in STANDARD_QUESTIONS:
        parts += [f"## {question} {{#{qid}}}", "", ""]
    return "\n".join(parts).rstrip() + "\n"
