"""``integrity.*``: what a post says about honesty with the study team while a trial goes on.

A trial's results are only as good as what participants tell it: advising others to hide things
at screening, keeping a side effect from the study team, or naming other participants all do
harm while the trial is going on. A post that reports a side effect without saying it went to
the study team gets a gentle reminder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..content.vocab import Milestone
from .documents import Document, Kind
from .findings import Finding, Severity
from .people import about_participation, others, sentence_mentions
from .rules import define
from .text import Cued, Segment, folded_search, matched

HIDE = define(
    "integrity.hide-at-screening",
    Severity.ERROR,
    "advising readers to hide or play down things from a trial's screening or study team",
    "take the advice out: study teams need the whole picture to keep participants safe",
)
WITHHOLD = define(
    "integrity.withhold-side-effect",
    Severity.ERROR,
    "choosing not to tell the study team about a side effect or symptom",
    "tell the study team (the study line answers day and night); then write about it here if you like",
)
PARTICIPANT = define(
    "integrity.named-participant",
    Severity.ERROR,
    "naming another participant of the trial",
    "leave other participants unnamed: they have not agreed to be in your diary",
)
REPORT = define(
    "integrity.report-side-effect",
    Severity.WARNING,
    "a post about a side effect that does not say the study team was told",
    "if you have not yet, tell the study team too; saying so in the post reminds readers to do the same",
)

_HIDE_VERBS = (
    r"mention|tell|bring\s+up|disclose|admit|report|say\s+anything\s+about|let\s+(?:them|anyone|the\s+\w+)\s+know|"
    r"volunteer|declare|list|write\s+down|own\s+up\s+to"
)
HEALTH_FACT = (
    r"relapse|flare|symptom|side[- ]effect|medication|medicine|meds|drug|pill|tablet|steroid|treatment|"
    r"history|condition|diagnosis|illness|infection|pregnan|drinking|alcohol|smok|weed|cannabis|"
    r"depression|anxiety|seizure|surgery|operation|scan|results?|blood|heart|pain|migraine|"
    r"headache|allerg|episode|attack|hospital|other\s+trial|other\s+study|weight|supplement"
)
SCREENING = (
    r"screening|eligib|qualif|get\s+in(?:to)?|get\s+on|accepted|let\s+you\s+in|exclude|kick\s+you|"
    r"disqualif|rule\s+you\s+out|turn\s+you\s+down|trial|study|enrol|recruit|sign\s+up|they['’]ll"
)
HIDE_ADVICE = Cued(
    re.compile(
        rf"\b(?:don['’]?t|do\s+not|never|no\s+need\s+to|you\s+don['’]?t\s+(?:have|need)\s+to|"
        rf"there['’]?s\s+no\s+need\s+to|avoid|try\s+not\s+to)\s+(?:ever\s+|even\s+|just\s+)?"
        rf"(?:{_HIDE_VERBS})\b"
        rf"|\b(?:leave\s+out|leave\s+off|hide|keep\s+quiet\s+about|conceal|downplay|play\s+down|"
        rf"lie\s+about|fib\s+about|fudge|round\s+down|under-?report|skip\s+over|gloss\s+over|"
        rf"not\s+(?:mention|tell|disclos|admit|report|declar|list)\w*)\b"
        rf"|\bjust\s+(?:say|tell\s+them)\s+(?:you|that\s+you|no)\b"
        rf"|\b(?:they|the\s+(?:study\s+|trial\s+|research\s+)?(?:team|doctors?|nurses?|screeners?))\s+"
        rf"(?:don['’]?t|do\s+not|doesn['’]?t|won['’]?t|will\s+not)\s+(?:need\s+to|have\s+to|ever)\s+"
        rf"(?:know|find\s+out|hear)",
        re.IGNORECASE,
    ),
    "mention tell bring disclos admit report say volunteer declar list own leave hide keep conceal lie fib"
    " fudge skip gloss know find hear",
    spans_only=True,
)
OPPOSITE = re.compile(r"\b(?:forget|make\s+sure|always)\b", re.IGNORECASE)  # "don't forget to mention"
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you['’]re|you['’]ll)\b", re.IGNORECASE)
IMPERATIVE = re.compile(
    r"(?:^|[:;,]\s*|\b(?:tip|advice)\W+)(?:just\s+|simply\s+|then\s+)?(?:leave|hide|keep|conceal|downplay|play|"
    r"lie|fib|fudge|round|skip|gloss|don['’]?t|never|avoid)\b",
    re.IGNORECASE,
)
HEALTH_OR_SCREENING = re.compile(rf"(?:{HEALTH_FACT}|{SCREENING})", re.IGNORECASE)

_TELL = (
    r"tell(?:ing)?|told|report(?:ed|ing)?|mention(?:ed|ing)?|say(?:ing)?\s+anything|bring(?:ing)?\s+(?:it\s+)?up|"
    r"disclos(?:e|ing)|let(?:ting)?\s+(?:them|the\s+(?:\w+\s+)?(?:team|nurse|doctor)|anyone)\s+know|"
    r"flag(?:ging)?|rais(?:e|ing)"
)
WITHHOLDING = Cued(
    re.compile(
        rf"\bI(?:['’]m|\s+am|['’]ll|\s+will|['’]ve|\s+have|['’]d|\s+would)?\s+"
        rf"(?:didn['’]?t|did\s+not|won['’]?t|will\s+not|not\s+going\s+to|haven['’]?t|have\s+not|never|"
        rf"decided\s+not\s+to|chose\s+not\s+to|choose\s+not\s+to|am\s+choosing\s+not\s+to|"
        rf"don['’]?t\s+plan\s+to|wasn['’]?t\s+going\s+to|rather\s+not|don['’]?t\s+want\s+to|"
        rf"do\s+not\s+want\s+to|not|['’]m\s+not|am\s+not)\s+(?:\w+\s+){{0,2}}?(?:{_TELL})\b"
        rf"|\b(?:keep(?:ing)?|kept)\s+(?:it|this|that|them|the\s+\w+(?:\s+\w+)?|my\s+\w+(?:\s+\w+)?)\s+"
        rf"(?:to\s+myself|quiet|secret|under\s+wraps|from\s+(?:the|my)\s+(?:study|trial|research|nurse|doctor|team))"
        rf"|\b(?:the\s+(?:study\s+|trial\s+|research\s+)?(?:team|doctors?|nurses?|investigators?)|they)\s+"
        rf"(?:doesn['’]?t|don['’]?t|do\s+not|does\s+not|won['’]?t|will\s+not)\s+(?:need\s+to|have\s+to|"
        rf"ever)\s+(?:know|find\s+out|hear)"
        rf"|\b(?:nobody|no\s+one|no-one)\s+(?:at|on|in|from)\s+(?:the\s+)?(?:trial|study|clinic|hospital|"
        rf"research\s+unit)\s+(?:needs|has|is\s+going)\s+to\s+(?:know|hear|find\s+out)"
        rf"|\bI\s+(?:\w+\s+)?(?:skipped\s+over|glossed\s+over|played\s+down|downplayed|left\s+out|"
        rf"kept\s+quiet\s+about|lied\s+about|fibbed\s+about|said\s+nothing\s+about|hid|covered\s+up|"
        rf"brushed\s+off|shrugged\s+off)\b",
        re.IGNORECASE,
    ),
    "tell told report mention say bring disclos flag rais keep kept know find hear skipped glossed played"
    " left lied fibbed said hid covered brushed shrugged",
    spans_only=True,
)
NOTHING = re.compile(r"\b(?:nothing|no\s+one|anyone['’]s\s+name|names?)\b", re.IGNORECASE)
OTHER_AUDIENCE = re.compile(
    r"\b(?:tell|telling|told|mention|mentioning|let)\s+(?:my|our|the)\s+(?:boss|manager|work|"
    r"employer|colleagues?|mum|mom|dad|parents?|family|friends?|kids?|children|partner|husband|"
    r"wife|neighbou?rs?|landlord|school|readers?|followers?)\b",
    re.IGNORECASE,
)
SYMPTOM_WORDS = (
    r"headaches?|migraines?|nausea|nauseous|sick|vomit\w*|dizz\w+|rash\w*|itch\w*|hives|fever\w*|"
    r"temperature|flush\w*|diarrh\w+|constipat\w+|insomnia|palpitations?|swell\w*|swollen|bruis\w+|"
    r"hair\s+loss|infections?|cough\w*|sore\s+throat|cold|flu|chills|numb\w*|tingl\w*|blurr\w+|"
    r"vision|pain|aches?|aching|cramps?|bleed\w*|fatigue|tired\w*|exhausted|injection[- ]site|"
    r"red\s+patch|reaction|side[- ]effects?|adverse\s+events?|symptoms?|relapse|dry\s+mouth|"
    r"heartburn|spots|low\s+mood|mood\s+swings|sore|scratchy|nosebleeds?|tremors?|shak\w+|"
    r"chest\s+pain|short\s+of\s+breath|breathless\w*|wheez\w+|spasms?|weak\w*|jaundice|"
    r"yellow|blister\w*|ulcers?|thrush|bloat\w*|stomach\s+ache|cramping|sweats|night\s+sweats|"
    r"hot\s+flush\w*|depress\w+|confus\w+|forgetful|migraine|seizures?|fits?|faint\w*|"
    r"lightheaded|light-headed|irritat\w+|sting\w*|burn\w*"
)
EXPERIENCE = folded_search(
    re.compile(
        r"(?:^(?:woke\s+up\s+with|had|got|noticed|developed|feeling|felt|came\s+down\s+with)\b|"
        r"\b(?:I|I['’]ve|I['’]m|my|me)\b(?:\s+\w+){0,6}?\s+(?:had|have|got|get|getting|having|"
        r"noticed|developed|woke\s+up\s+with|came\s+down\s+with|feel|felt|feeling|been|broke\s+out|"
        rf"is|was|are|were|started|keeps?|kept)\b)(?:\s+\S+){{0,6}}?\s+(?:{SYMPTOM_WORDS})\b",
        re.IGNORECASE,
    )
)
TRIAL_OR_SYMPTOM = re.compile(
    rf"\b(?:{SYMPTOM_WORDS})\b|\b(?:study|trial|research)\s+(?:team|nurse|doctor|line)|"
    r"\b(?:the\s+)?(?:nurse|doctor|investigator|them|clinic|anyone\s+at|visit|trial|study)\b",
    re.IGNORECASE,
)
NEGATED_EXPERIENCE = re.compile(
    r"\b(?:no|not|never|without|nothing|haven['’]?t|hasn['’]?t|didn['’]?t|don['’]?t)\b", re.IGNORECASE
)
TOLD_TEAM = Cued(
    re.compile(
        r"\b(?:report\w*|told|tell\w*|rang|ring|rung|phoned|phone|called|call|mentioned|mention|"
        r"informed|inform|contacted|contact|let|raised|flagged|recorded|logged|emailed|messaged|"
        r"spoke|spoken|talked|saw|seen|went\s+through)\b[^.!?\n]{0,80}?"
        r"\b(?:study\s+(?:team|nurse|doctor|line|site|coordinator|staff)|research\s+(?:nurse|team|"
        r"doctor|unit)|trial\s+(?:team|nurse|doctor|line|coordinator|staff)|investigators?|"
        r"(?:site|clinic)\s+team|on-call\s+(?:study\s+)?doctor|the\s+team)\b"
        r"|\b(?:study|research|trial)\s+(?:team|nurse|doctor|line)\b[^.!?\n]{0,60}?"
        r"\b(?:know|knows|told|recorded|logged|noted|asked|checked|saw|examined)\b"
        r"|\badverse\s+events?\b",
        re.IGNORECASE,
    ),
    "team study research trial investigator doctor adverse",
    spans_only=True,
)


def check(doc: Document) -> Iterator[Finding]:
    if doc.kind not in (Kind.DIARY, Kind.CONSENT, Kind.REPLY) or not doc.ongoing:
        return
    for segment in doc.segments:
        for start, end in segment.sentences():
            yield from _sentence(doc, segment, start, end)
    if doc.kind is Kind.DIARY and doc.active:
        yield from _reminder(doc)


def _sentence(doc: Document, seg: Segment, start: int, end: int) -> Iterator[Finding]:
    sentence = seg.plain[start:end]
    advice = HIDE_ADVICE.search(sentence)
    if (
        advice
        and (SECOND_PERSON.search(sentence) or IMPERATIVE.search(sentence))
        and HEALTH_OR_SCREENING.search(sentence)
        and not OPPOSITE.search(sentence)
    ):
        yield doc.finding(HIDE, seg, start + advice.start(), "advises hiding something from the study team")
        return
    withheld = WITHHOLDING.search(sentence)
    if (
        withheld
        and not NOTHING.search(sentence[withheld.end() : withheld.end() + 25])
        and not OTHER_AUDIENCE.search(sentence)
        and TRIAL_OR_SYMPTOM.search(sentence)
    ):
        yield doc.finding(
            WITHHOLD, seg, start + withheld.start(), "keeps a side effect or symptom from the study team"
        )
        return
    named = others(sentence_mentions(seg, start, end), doc.own_names)
    if named and about_participation(sentence):  # names are rare: looked for first
        for mention in named:
            yield doc.finding(
                PARTICIPANT, seg, start + mention.start, f"names {mention.name}, another participant"
            )


def _reminder(doc: Document) -> Iterator[Finding]:
    """A warning at the first report of a side effect, unless the post says the team was told."""
    if any(TOLD_TEAM.search(s.plain) for s in doc.segments):
        return
    for segment in doc.segments:
        for start, end in segment.sentences():
            sentence = segment.plain[start:end]
            experience = EXPERIENCE.search(sentence)
            if experience and not NEGATED_EXPERIENCE.search(matched(sentence, experience)):
                yield doc.finding(
                    REPORT,
                    segment,
                    start + experience.start(),
                    "reports a side effect or symptom but does not say the study team was told",
                )
                return
    if doc.milestone is Milestone.SIDE_EFFECT:
        line = doc.header_lines.get("milestone", 1)
        yield doc.finding_at(REPORT, line, 1, "a side-effect post that does not say the study team was told")
