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
from . import deceit
from .deceit import SYMPTOM_CUES, SYMPTOM_WORDS
from .documents import Document, Kind
from .findings import Finding, Severity
from .people import about_health_facts, about_participation, others, sentence_mentions
from .rules import define
from .text import Cued, Segment, Source, matched

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

BREACH = define(
    "integrity.protocol-breach",
    Severity.ERROR,
    "admitting to what defeats the protocol: gamed screening tests, hidden medicines, doses thrown away, "
    "a made-up diary, two trials at once",
    "take it out, and tell the study team what happened: they can record it, and the results depend on it",
)

#: What follows a symptom's name when no one is feeling it: a leaflet's list, a symptom going away.
_NOT_FELT = (
    r"(?!\s+(?:leaflets?|lists?|sheets?|sections?|pages?|info\w*|forms?|questionnaires?|diary|cards?|boxes|"
    r"(?:is|are|has|have)\s+(?:going|gone|cleared|eased|lifted|improv\w+|better)|went\s+away|going\s+away)\b)"
)
#: How a body feels, in words that name no symptom on their own: "rough", "weeing every hour".
_FELT = SYMPTOM_WORDS + r"|rough|rubbish|awful|grim|thirsty|neuropath\w*|nightmares|vivid\s+dreams|wee(?:ing)?|pee(?:ing)?|lumpy|hypos?"
#: A part of the body, or a measure of it, said to change: "my skin went red", "injection site went lumpy".
_BODY = (
    r"head|legs?|arms?|skin|stomach|eyes?|vision|chest|back|joints?|hands?|feet|face|throat|mouth|hair|nails|"
    r"fingernails|heart(?:\s+rate)?|mood|sleep|energy|bladder|bowels?|gut|tummy|balance|appetite|"
    r"(?:blood\s+)?sugars?|injection\s+site|blood\s+pressure|weight|periods?"
)
_CHANGED = (
    _FELT + r"|red|hot|purple|lumpy|shak\w*|trembl\w*|lifting|coming\s+out|falling\s+out|low|"
    r"worse|haywire|all\s+over\s+the\s+place|up\s+the\s+wall"
)
EXPERIENCE = Cued(
    Source(
        r"\b(?:my\s+(?:\w+\s+)?|^(?:the\s+)?)(?:" + _BODY + r")(?:['’]s)?\s+(?:(?:\w+\s+){0,2}?(?:went|goes|going|gone|"
        r"got|gets|getting|started|starts|been|keeps?|kept|is|was|are|were|has|have)\s+(?:\S+\s+){0,3}?)?"
        r"(?:\w+ly\s+)?(?:" + _CHANGED + r")\b" + _NOT_FELT + r"|\bhow\s+(?:" + _FELT + r")\s+(?:I|my)\b|"
        r"(?:^(?:woke\s+up\s+with|had|got|noticed|developed|feeling|felt|came\s+down\s+with|been|still)\b|"
        r"\b(?:I|I['’]ve|I['’]m|me)\b(?:\s+\w+){0,6}?\s+(?:had|have|got|get|getting|having|"
        r"noticed|developed|woke\s+up\s+with|came\s+down\s+with|feel|felt|feeling|been|broke\s+out|"
        r"is|was|are|were|started|keeps?|kept)\b|\bmy\s+(?:\w+\s+)?(?:head|legs?|arms?|skin|stomach|eyes?|"
        r"vision|chest|back|joints?|hands?|feet|face|throat|mouth|hair|heart|mood|sleep|energy|bladder|"
        r"bowels?|gut|tummy|balance|walking|speech|memory|injection\s+site)\s+(?:\w+\s+){0,2}?"
        r"(?:is|was|are|were|has|have|had|keeps?|kept|started|feels?|felt|went|been)\b)"
        r"(?:\s+\S+){0,6}?\s+(?:" + _FELT + r")\b" + _NOT_FELT + r"|^(?:\w+\s+)?(?:with\s+)?(?:these|this|the)\s+"
        r"(?:\w+\s+)?(?:" + _FELT + r")\b" + _NOT_FELT + r"(?:\s+\S+)?"
        r"|\bmy\s+(?:\w+\s+)?(?:" + SYMPTOM_WORDS + r")\s+(?:started|came|comes|flared|returned|appeared|spread|kicked\s+in|"
        r"(?:is|was|has|have)\s+(?:back|come\s+back|started|spread|flared))\b"
        r"|^(?:(?:bad|awful|terrible|horrible|mild|slight|some|more|constant|stinking|massive|(?:a\s+)?bit|quite|very|"
        r"so|really|still|slightly|(?:a\s+)?little)\s+)?"
        r"(?:" + SYMPTOM_WORDS + r")\b(?=\s+(?:again|most|every|all|since|today|tonight|this|last|after|on)\b)",
        re.IGNORECASE,
    ),
    SYMPTOM_CUES + " rough rubbish awful grim thirst neuropath nightmare dream wee pee lump hypo skin hair nail"
    " appetite sugar site red hot purple trembl lifting low worse haywire wall coming place",
    spans_only=True,
)
#: A symptom in a clause that only says when: "sat with me when I was tired".
WHEN_CLAUSE = re.compile(r"\bwhen\s+I\s+(?:was|am|felt|feel)\b", re.IGNORECASE)
NEGATED_EXPERIENCE = re.compile(
    r"\b(?:no|not|never|without|nothing|any|if|whether|haven['’]?t|hasn['’]?t|didn['’]?t|don['’]?t|doesn['’]?t)\b",
    re.IGNORECASE,
)
TOLD_TEAM = Cued(
    Source(
        r"\b(?<!\bif\sI\s)(?:report\w*|told|tell\w*|rang|ring|rung|phoned|phone|called|call|mentioned|mention|"
        r"informed|inform|contacted|contact|let|raised|flagged|recorded|logged|emailed|messaged|"
        r"spoke|spoken|talked|saw|seen|went\s+through|sent|showed|shown)\b[^.!?\n]{0,80}?"
        r"\b(?:study\s+(?:team|nurse|doctor|line|site|coordinator|staff|psychiatrist|psychologist|physician|"
        r"consultant|neurologist|dermatologist|oncologist|rheumatologist|pharmacist|physio\w*|GP)|research\s+(?:nurse|team|"
        r"doctor|unit|coordinator)|trial\s+(?:team|nurse|doctor|line|coordinator|staff)|investigators?|"
        r"(?:site|clinic)\s+team|on-call\s+(?:study\s+)?doctor|the\s+team|the\s+rater)\b"
        r"|\b(?:study|research|trial)\s+(?:team|nurse|doctor|line)\b[^.!?\n]{0,60}?"
        r"\b(?:know|knows|knew|told|recorded|logged|noted|asked|checked|saw|examined|called|rang|phoned|scanned|"
        r"seeing|sorted|adjusted)\b"
        r"|\b(?:checked|seen|examined|noted|recorded|logged)\s+by\s+the\s+(?:\w+\s+)?(?:nurse|doctor|team)\b"
        r"|\bthe\s+(?:\w+\s+)?(?:nurse|doctor|team)\s+(?:\w+\s+){0,2}?(?:noted|wrote\s+(?:it|them|both)\s+down|"
        r"knows|logged|recorded|took\s+photos|booked|said|says|checked|looked\s+at|had\s+a\s+look|agreed|knew)\b|\b(?:told|rang|called|phoned)\s+them\b"
        r"|\b(?:logged|recorded|noted|entered|put|wrote)\s+(?:it|them|this|that|everything)?\s*(?:on|in|into)\s+(?:my|the)\s+"
        r"(?:diary\s+card|e-?diary|study\s+(?:diary|app)|symptom\s+(?:diary|log|app))\b"
        r"|\badverse\s+events?\b",
        re.IGNORECASE,
    ),
    "team study research trial investigator doctor nurse them adverse rater diary symptom",
    spans_only=True,
)

#: After "the trial" or "the study", the people who run it, not those who take part: "Sandra from
#: the trial office", "Ben from the study team".
_RUN_BY = (
    r"(?!\s+(?:office|team|staff|nurses?|doctors?|coordinators?|co-ordinators?|desk|unit|centre|center|"
    r"clinic|line|phone|pharmacy|pharmacist|manager|admin\w*|sponsor|site|lab|helpline)\b)"
)
#: Taking part, said more ways than :func:`people.about_participation` knows: "both on the
#: AURORA study with me", "from the trial", "from my cohort".
PARTICIPATING = Cued(
    Source(
        r"\b(?:(?:on|in|doing)\s+(?:the|this|my|our)\s+(?:\w+\s+)?(?:trial|study)\s+(?:with\s+(?:me|us)|too|as\s+well)|"
        rf"from\s+(?:the|my|our)\s+(?:trial|study|cohort){_RUN_BY}|(?:his|her|their)\s+(?:study|trial)\s+(?:visits?|"
        r"days?|infusions?|appointments?)|both\s+got\s+into\s+the\s+(?:\w+\s+)?(?:trial|study))\b",
        re.IGNORECASE,
    ),
    "trial study cohort",
    spans_only=True,
)
#: A first name as the subject of a clause about taking part, where no relation or title comes
#: before it: "Ines, who is also enrolled", "Hamish (he's in the study too)", "my trial buddy
#: Priyanka Desai", "a gent called Reginald", "Bartek from my cohort".
NAMED_IN_CLAUSE = re.compile(
    r"(?:^\W*|:\s+)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=\s*,\s+who\b|\s+\((?:he|she)\b|\s+from\s+(?:my|our|the)\s+"
    rf"(?:cohort|trial|study)\b{_RUN_BY})|\b(?:(?:buddy|called|named)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
    r"|(?:[Ss]ay\s+hi|[Ss]hout\s*out|[Bb]ig\s+wave|[Hh]ello|[Mm]e\s+(?:n|and|&))\s+(?:to\s+)?([A-Z][a-z]+)\b)"
)


def check(doc: Document) -> Iterator[Finding]:
    if doc.kind not in (Kind.DIARY, Kind.CONSENT, Kind.REPLY) or not doc.ongoing:
        return
    for segment in doc.segments:
        before = ""
        for start, end in segment.sentences():
            yield from _sentence(doc, segment, start, end, before)
            before = segment.plain[start:end]
    if doc.kind is Kind.DIARY and doc.active:
        yield from _reminder(doc)


def _sentence(doc: Document, seg: Segment, start: int, end: int, before: str) -> Iterator[Finding]:
    sentence = seg.plain[start:end]
    if finding := _deceit(doc, seg, start, sentence, before):
        yield finding
        return
    named = [(m.start, m.name) for m in others(sentence_mentions(seg, start, end), doc.own_names)]
    if not named and (clause := NAMED_IN_CLAUSE.search(sentence)):  # a name no relation introduces
        group = next(g for g in (1, 2, 3) if clause.group(g))
        if clause.group(group).split()[0] not in doc.own_names:
            named = [(clause.start(group), clause.group(group))]
    if (
        named
        and (about_participation(sentence) or PARTICIPATING.search(sentence))
        and not about_health_facts(sentence)
    ):
        for at, name in named:
            yield doc.finding(PARTICIPANT, seg, start + at, f"names {name}, another participant")


def _deceit(doc: Document, seg: Segment, start: int, sentence: str, before: str) -> Finding | None:
    """Advice to hide or game, a side effect withheld, or an admission that defeats the protocol
    (``before``: the sentence before, which a short "It hasn't." may take back)."""
    context = before + " " + sentence
    found = deceit.act(sentence, context)
    evaded = deceit.evaded(sentence)
    withheld = deceit.withheld(sentence, context)
    belied = deceit.belied(sentence, before)
    for kind, match in (found or (None, None), ("evade", evaded), ("withhold", withheld), ("untrue", belied)):
        if match is None:
            continue
        at = start + match.start()
        if deceit.advice(sentence, (kind, match)):
            return doc.finding(HIDE, seg, at, "advises hiding something from the study team")
        side_effect = deceit.symptom(context) and not deceit.about_eligibility_or_medicines(sentence)
        if kind in deceit.CONCEALING and side_effect and deceit.kept(sentence, match):
            return doc.finding(WITHHOLD, seg, at, "keeps a side effect or symptom from the study team")
        if kind == "withhold" or match is belied or deceit.admission(sentence, (kind, match), context):
            return doc.finding(BREACH, seg, at, "admits to something that defeats the protocol")
    return None


def _reminder(doc: Document) -> Iterator[Finding]:
    """A warning at the first report of a side effect, unless the post says the team was told."""
    if any(TOLD_TEAM.search(s.plain) for s in doc.segments):
        return
    for segment in doc.segments:
        for start, end in segment.sentences():
            sentence = segment.plain[start:end]
            experience = EXPERIENCE.search(sentence)
            if (
                experience
                and not NEGATED_EXPERIENCE.search(matched(sentence, experience))
                and not WHEN_CLAUSE.search(sentence, max(0, experience.start() - 6), experience.end())
            ):
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
