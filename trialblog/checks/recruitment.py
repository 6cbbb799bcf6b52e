"""``recruitment.*``: trial summaries and recruitment text that promise, pressure or pay.

The rules follow the FDA's guidance on recruiting study participants and the IRBs that apply
it: an investigational product may not be called safe, effective, a cure, "new" or a
"breakthrough"; treatment may not be called free; payment may be stated but not emphasised;
and nobody may be hurried into taking part. They read a trial record's title, official title,
summary and registry summary; and, as warnings, the diary entries, consent notes and pages
where a writer urges readers to join a trial.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from .documents import RECRUITMENT_FIELDS, Document, Kind
from .findings import Finding, Severity
from .rules import Rule, define
from .text import Cued, CueIndex, Segment, Source, matched

E = Severity.ERROR
FREE = define(
    "recruitment.free-treatment",
    E,
    "calling study treatment free",
    "say that there is no charge for study visits and the study drug, without calling it free treatment",
)
CURE = define(
    "recruitment.cure",
    E,
    "calling an investigational product a cure or a miracle",
    "describe what the study tests, not what it may achieve: nothing under study is known to cure",
)
NEW = define(
    "recruitment.new-benefit",
    E,
    "'new', 'breakthrough' and similar words that imply benefit",
    "call it 'investigational' or 'being tested': 'new' suggests it is better",
)
SAFETY = define(
    "recruitment.safety-claim",
    E,
    "claiming an investigational product is safe or effective",
    "say what the study is testing ('whether it is safe', 'how well it works'); the answer is not known yet",
)
GUARANTEE = define(
    "recruitment.guarantee",
    E,
    "guaranteeing or promising an outcome",
    "take out the promise: no benefit is guaranteed in a trial",
)
PAYMENT = define(
    "recruitment.payment",
    E,
    "emphasised or urgent payment",
    "state payment plainly (amount and what it is for), not in the title, capitals, bold or with urgency",
)
PRESSURE = define(
    "recruitment.pressure",
    E,
    "pressure to sign up quickly",
    "take out the urgency: people need time to decide, and can always say no",
)
ADVERT = define(
    "recruitment.advert",
    E,
    "a reader's reply inviting people into a trial or study, or recruiting for one",
    "a reply that recruits is not published; hide it, or approve it with a reason in `trialblog replies review`",
)

NEGATED = re.compile(
    r"\b(?:no|not|never|cannot|can['’]?t|won['’]?t|isn['’]?t|aren['’]?t|doesn['’]?t|does\s+not|"
    r"will\s+not|without|nor|none|neither|nothing|hasn['’]?t|haven['’]?t|unproven|yet\s+to\s+be|un\w+able)\b",
    re.IGNORECASE,
)
AIM = re.compile(
    r"\b(?:whether|if(?!\s+(?:you|u|ur|your|you['’]re|anyone|someone)\b)|to\s+(?:learn|find\s+out|see|test|evaluate|assess|study|determine|investigate|"
    r"explore|compare|measure|understand|check|confirm|establish|show|examine|look\s+at|know)|"
    r"how\s+(?:safe|well|effective)|being\s+(?:studied|tested|investigated)|aims?\s+to|"
    r"hypothes\w+|evaluat\w+|assess\w*|investigat\w+|may\s+or\s+may\s+not|not\s+known|"
    r"unknown|cannot\s+show)\b",
    re.IGNORECASE,
)
INVESTIGATIONAL = re.compile(
    r"\b(?:investigational|experimental|unapproved|not\s+(?:yet\s+)?approved|being\s+(?:tested|studied)|"
    r"under\s+(?:study|investigation)|not\s+known\s+whether)\b",
    re.IGNORECASE,
)
_PRODUCT = (
    r"treatments?|therap(?:y|ies)|drugs?|medicines?|medications?|cures?|options?|approach(?:es)?|"
    r"solutions?|products?|injections?|tablets?|pills?|devices?|vaccines?|hope|procedures?|care|"
    r"technology|science|relief"
)

FREE_TREATMENT = Cued(
    Source(
        r"\bfree\s+(?:of\s+charge\s+)?(?:\w+\s+){0,2}?(?:treatment|medications?|medicines?|meds|drugs?|therap(?:y|ies)|"
        r"care|medical\s+care|health\s*care|check-?ups?|insulin|injections?|infusions?|scans?|MRIs?|tests?|"
        r"physio\w*|consultations?|health\s+checks?|prescriptions?|surgery|operations?|procedures?|vaccines?)\b"
        r"|\b(?:treatment|medications?|medicines?|drugs?|therap(?:y|ies)|care)\s+(?:\w+\s+){0,3}?"
        r"(?:for\s+free|free\s+of\s+charge|is\s+free|are\s+free)\b|\bget\s+treated\s+for\s+free\b",
        re.IGNORECASE,
    ),
    "free",
    spans_only=True,
)
CURE_WORDS = Cued(
    Source(
        r"\b(?:cure[sd]?|curing|curative|miracle|miraculous|wonder\s+drug|magic\s+bullet|life-?saving|game[- ]?changer)\b",
        re.IGNORECASE,
    ),
    "cur mirac wonder magic life game",
    spans_only=True,
)
NEW_WORDS = Cued(
    Source(
        rf"\b(?:new|newer|newest|novel|latest|brand[- ]new|cutting[- ]edge|state[- ]of[- ]the[- ]art|revolutionary|"
        rf"ground-?breaking|game[- ]chang\w+|innovative|advanced|next[- ]generation|pioneering|exciting|"
        rf"promising|leading[- ]edge|better|real|fresh|renewed|genuine|superior|world[- ]class)\s+(?:\w+\s+){{0,2}}?(?:{_PRODUCT})\b"
        r"|\bbreakthroughs?\b(?!\s+(?:therapy\s+designation|pain|bleeding|infections?|seizures?|symptoms?|"
        r"disease|fungal|hemolysis|haemolysis))",
        re.IGNORECASE,
    ),
    "new novel latest cutting state revolution ground game innovat advanced next pioneer exciting promising leading better real fresh genuine superior world breakthrough",
    spans_only=True,
)
CLAIM_WORDS = (
    r"safe|safer|safest|effective|efficacious|proven|well[- ]tolerated|harmless|risk[- ]free|gentle|natural|"
    r"non-?toxic|approved|successful|better|superior|more\s+effective|works|helps"
)
#: Every claim CLAIM_WORDS makes has one of these words.
CLAIM_CUES = "safe effective efficacious proven tolerated harmless risk gentle natural toxic approved successful better superior works helps"
CLAIM_PHRASES = Cued(
    Source(
        r"\b(?:safe\s+and\s+effective|effective\s+and\s+safe|clinically\s+proven|proven\s+to|"
        r"shown\s+to\s+(?:work|help|be\s+safe|be\s+effective|reduce|improve)|no\s+(?:known\s+)?side[- ]effects|"
        r"without\s+(?:any\s+)?side[- ]effects|side[- ]effect[- ]free|(?:completely|totally|100%|perfectly|"
        r"very|proven)\s+safe)\b"
        r"|\b(?:will|can|does|do|may|could|might)\s+(?:\w+\s+)?(?:help|improve|relieve|reduce|stop|prevent|"
        r"reverse|heal|restore|fix|ease|eliminate|treat|change)\s+(?:your|you)\b"
        r"|\b(?:works|helps|improves|relieves|reduces|stops|prevents|reverses|heals|restores)\s+"
        r"(?:\w+\s+){0,2}?(?:symptoms|pain|relapses|the\s+disease|your|you)\b"
        r"|\bha(?:s|ve)\s+(?:already\s+)?(?:helped|worked\s+for|transformed|changed\s+the\s+lives)"
        r"|\bha(?:s|ve)\s+(?:already\s+)?(?:seen|felt|noticed)\s+(?:real\s+|great\s+)?(?:results|"
        r"improvements?|a\s+difference|benefits?)|\bsuccess\s+stor(?:y|ies)\b",
        re.IGNORECASE,
    ),
    "safe proven shown effect you symptom pain relapse disease helped worked transformed changed result improvement difference benefit success",
    spans_only=True,
)
NO_PHRASE = re.compile(r"(?:no|without|side[- ]effect)\b", re.IGNORECASE)
GUARANTEE_WORDS = Cued(
    Source(
        r"\b(?:guarantee[sd]?|guaranteeing|assured|promise[sd]?|certain\s+to|sure\s+to|definitely\s+will|"
        r"will\s+definitely|100%\s+(?:effective|success|chance)|you\s+will\s+(?:\w+\s+)?(?:get\s+better|"
        r"improve|feel\s+better|be\s+cured|benefit|recover|see\s+results))\b",
        re.IGNORECASE,
    ),
    "guarantee sure promis certain definitely 100% you",
    spans_only=True,
)
PAY_TERM = Cued(
    Source(
        r"(?:\b(?:paid|pay|pays|payment|payments|earn|earning|cash|money|compensat\w+|stipend|"
        r"gift\s+cards?|vouchers?)\b|[£$€]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:pounds|dollars|euros|GBP|USD|EUR)\b)",
        re.IGNORECASE,
    ),
    "paid pay earn cash money compensat stipend gift voucher £ $ € pound dollar eur gbp usd",
    spans_only=True,
)
PAY_EMPHASIS = re.compile(
    r"!|\$\$|\b(?:earn|earning|get\s+paid|make\s+money|easy\s+money|cash\s+in\s+hand|"
    r"cash|today|now|immediately|instant(?:ly)?|same[- ]day|on\s+the\s+day|quick|fast|generous|"
    r"big|extra|bonus)\b",
    re.IGNORECASE,
)
#: A call to take part (a verb a writer uses to urge readers to join).
_JOIN = (
    r"(?:sign(?:\s+yourself)?\s+up|sign\s+on|join(?:\s+up|\s+in)?|enrol+|apply|register|volunteer|"
    r"take\s+part|get\s+involved|(?:get|put)\s+(?:yourself\s+|your\s+name\s+)?(?:on|in(?:to)?|down(?:\s+for)?))\b"
)
_PLACES = r"(?:spots?|places?|slots?|spaces?|seats?)"
#: Soon, as a writer hurrying readers says it.
_NOW = (
    r"(?:now|today|asap|a\.s\.a\.p|immediately|quick(?:ly)?|fast|right\s+away|straight\s+away|this\s+week|"
    r"before\s+(?:it['’]?s|they['’]?re|the\s+\w+\s+(?:are|is))\s+(?:too\s+late|gone|full)|"
    r"before\s+(?:it|they|the\s+\w+)\s+(?:fills?\s+up|closes?|runs?\s+out|go(?:es)?))"
)
PRESSURE_WORDS = Cued(
    Source(
        rf"\b{_PLACES}\s+(?:are\s+|is\s+)?(?:nearly\s+|almost\s+|already\s+)?(?:filling|going|gone|full|"
        rf"running\s+out|limited|left|remain|remaining)\b"
        rf"|\b(?:only|just)\s+(?:a\s+)?(?:few|handful(?:\s+of)?|couple(?:\s+of)?|\d+)\s+(?:\w+\s+)?{_PLACES}"
        rf"|\b(?:nearly|almost)\s+full\b|\bavoid\s+disappointment\b|\bfill(?:s|ing)\s+up\b"
        rf"|\bfilling\s+(?:fast|quickly)\b|\blimited\s+(?:number\s+of\s+)?(?:{_PLACES}|time|availability|"
        rf"enrol\w*)\b|\bact\s+(?:now|fast|quickly|today)\b|\bhurry\b|\bdon['’]?t\s+miss\s+(?:out|this)\b"
        rf"|\blast\s+chance\b|\b{_JOIN}\s+(?:\S+\s+){{0,4}}?{_NOW}|\bbefore\s+it['’]?s\s+too\s+late\b"
        rf"|\b(?:closes?|closing|ends?|ending|stops?\s+recruiting)\s+(?:very\s+)?(?:soon|tomorrow|this\s+\w+|"
        rf"next\s+\w+|on\s+(?:\w+day|the\s+\d+\w*)|in\s+(?:a\s+few|\d+|two|three)\s+days)\b"
        r"|\btime\s+is\s+running\s+out\b|\bfirst\s+come,?\s+first\s+served\b"
        r"|\burgent(?:ly)?\s+(?:need(?:ing|s)?|seeking|recruiting|looking)\b|\bwhile\s+(?:spaces|places|spots)\s+last\b"
        r"|\bonce[- ]in[- ]a[- ]lifetime\b|\bdeadline\b|\bexclusive\s+opportunity\b|\bdon['’]?t\s+wait\b"
        r"|\bnow\s+or\s+never\b",
        re.IGNORECASE,
    ),
    "spot place slot space seat full disappoint fill limited now fast quick today hurry miss chance immediately"
    " asap a.s.a.p away week before late clos end stop running first urgent lifetime deadline exclusive wait",
    spans_only=True,
)
_JOIN_CUES = "sign join enro apply register volunteer part involved get put"
_NOW_CUES = "now today asap a.s.a.p immediately quick fast right straight this week before"
#: A writer urging readers to take part: a call to join, to readers or as a command, or hurry;
#: each way with its own cues, so that a sentence is searched only for the ways its words allow.
URGES = tuple(
    Cued(Source(pattern, re.IGNORECASE), cues, spans_only=True, also=also)
    for pattern, cues, also in (
        (
            rf"\b(?:you|u|ya|y['’]all|everyone|everybody|anyone|anybody|people|guys|folks|whoever)\b[^.!?]{{0,40}}?"
            rf"\b(?:should|must|need\s+to|needs\s+to|have\s+to|has\s+to|gotta|ought\s+to)\s+(?:\w+\s+){{0,2}}?{_JOIN}",
            _JOIN_CUES,
            ["should must need have has gotta ought"],
        ),
        (
            rf"(?:^|[.!?,;:(—–-]\s*|\b(?:so|just|go(?:\s+and)?|please|seriously|honestly|now|then|and)\s+)"
            rf"(?:(?:guys|folks|y['’]all|everyone|everybody|lads|ladies)\s*,?\s+)?{_JOIN}",
            _JOIN_CUES,
            [],
        ),
        (rf"\b(?:tell|ask|get|encourage|urge)\s+(?:\w+\s+){{1,4}}?to\s+{_JOIN}", _JOIN_CUES, ["tell ask get encourag urge"]),
        (rf"\b{_JOIN}\s+(?:\S+\s+){{0,4}}?{_NOW}", _JOIN_CUES, [_NOW_CUES]),
        (r"\bwhat\s+are\s+(?:you|u)\s+waiting\s+for\b|\bdon['’]?t\s+(?:miss\s+(?:out|this)|wait|hesitate)\b", "waiting miss wait hesitate", ["what don"]),
        (r"\bact\s+(?:now|fast|quickly|today)\b", "act", ["now fast quick today"]),
        (r"\b(?:hurry|on\s+the\s+fence)\b|\bwon['’]?t\s+regret\b", "hurry fence regret", []),
    )
)
URGE_INDEX = CueIndex(URGES)


def urges(sentence: str) -> bool:
    """Whether ``sentence`` urges readers to take part (see URGES)."""
    return any(way.search(sentence) for way in URGE_INDEX.candidates(sentence))


#: An invitation into a trial or study, or a recruiter's call, as replies carry them.
INVITATION = Cued(
    Source(
        r"\b(?:join|enroll?|sign\s+up\s+(?:for|to)|apply\s+(?:for|to)|take\s+part\s+in|participate\s+in|"
        r"volunteer\s+for|register\s+for|be\s+screened\s+for|consider)\s+(?:\w+\s+){0,3}?(?:trials?|study|studies|"
        r"research\s+project)\b"
        r"|\b(?:we|we['’]re|we\s+are|I['’]m|I\s+am|they['’]re|they\s+are|(?:is|are)\s+(?:now|still)|now)\s+(?:\w+\s+){0,2}?"
        r"(?:recruiting|enrol(?:l)?ing|looking\s+for\s+(?:\w+\s+){0,2}?(?:participants|volunteers|patients))\b"
        r"|\b(?:recruiting|seeking|looking\s+for)\s+(?:\w+\s+){0,2}?(?:participants|volunteers|patients|subjects)\b"
        r"|\b(?:you|your\s+\w+)\s+(?:may|might|could|would)\s+(?:\w+\s+)?(?:be\s+eligible|qualify)\b"
        r"|\b(?:eligible|qualify)\s+for\s+(?:\w+\s+){0,3}?(?:trial|study)\b",
        re.IGNORECASE,
    ),
    "join enrol sign apply take part participate volunteer register screened consider recruiting looking seeking eligible qualify",
    spans_only=True,
)
#: What a recruiter's reply says, beside inviting: free, a cure, a promise, money, hurry.
PITCH = frozenset({FREE.id, CURE.id, GUARANTEE.id, PAYMENT.id, PRESSURE.id})
#: A sentence about trials, in which a reply's praise of a treatment reads as recruiting.
TRIAL_TALK = re.compile(r"\b(?:trials?|stud(?:y|ies)|research|recruit\w*|enrol\w*|participants?|NCT\d{8})\b", re.IGNORECASE)


def check(doc: Document) -> Iterator[Finding]:
    if doc.kind is Kind.REPLY:
        yield from _reply(doc)
        return
    subject_claim = _subject_claim(doc.arm_terms)
    if doc.kind is Kind.TRIAL:
        for segment in doc.segments:
            if segment.field in RECRUITMENT_FIELDS:
                for start, end in segment.sentences():
                    yield from _sentence(doc, segment, start, end, subject_claim)
        return
    for segment in doc.segments:  # a writer's own recruiting: the same advice, as a warning
        sentences = segment.sentences()
        urged = [urges(segment.plain[a:b]) for a, b in sentences]
        for i, (start, end) in enumerate(sentences):
            if any(urged[max(0, i - 1) : i + 2]):
                for finding in _sentence(doc, segment, start, end, subject_claim):
                    yield replace(finding, severity=Severity.WARNING)


_BE = r"(?:is|are|has\s+been|have\s+been|was|were)"
#: Words between "it is" and what it is said to be that leave the subject the product itself.
_FILLER = (
    r"(?:the|a|an|very|so|really|completely|totally|absolutely|perfectly|100%|also|actually|definitely|"
    r"clearly|extremely|quite|pretty|super|proven|amazingly|incredibly|remarkably|entirely|fully|just)"
)


def _reply(doc: Document) -> Iterator[Finding]:
    """A reader's reply: an invitation into a study, or a recruiter's promises in a sentence about trials."""
    subject_claim = _subject_claim(doc.arm_terms)
    for segment in doc.segments:
        for start, end in segment.sentences():
            sentence = segment.plain[start:end]
            if (m := INVITATION.search(sentence)) and not _negated(sentence, m, inside=False):
                yield doc.finding(ADVERT, segment, start + m.start(), f"recruits: '{_excerpt(matched(sentence, m))}'")
            elif TRIAL_TALK.search(sentence):
                # a reader's hopes ("it will help you") are not a sponsor's claims: only the pitch counts
                yield from (f for f in _sentence(doc, segment, start, end, subject_claim) if f.rule in PITCH)


@lru_cache(maxsize=256)  # a site has a few trials: compiled once per trial
def _subject_claim(terms: tuple[str, ...]) -> Cued:
    """The product (named generically or by one of the trial's ``terms``) said to be safe or to work."""
    products = "".join(f"|{re.escape(t)}" for t in terms)
    product = (
        r"\b(?:the|this|that|our)\s+(?:study\s+|trial\s+|investigational\s+|new\s+)?(?:drug|medicine|medication|meds|treatment|"
        rf"therapy|product|device|injection|tablet|pill|vaccine|stuff|cream|jab){products}"
    )
    return Cued(
        Source(
            rf"(?:{product})\s+(?:{_BE}\s+)?(?:\w+\s+){{0,2}}?(?:{CLAIM_WORDS})\b"
            rf"|\b(?:it|this|that)(?:(?:\s+{_BE}|['’]s)\s+(?:{_FILLER}\s+){{0,2}}?(?:{CLAIM_WORDS})"
            r"|\s+(?:really\s+|actually\s+|definitely\s+|just\s+)?(?:works|helps))\b",
            re.IGNORECASE,
        ),
        CLAIM_CUES,
        spans_only=all(term.isascii() for term in terms),
    )


def _sentence(doc: Document, seg: Segment, start: int, end: int, subject_claim: Cued) -> Iterator[Finding]:
    sentence = seg.plain[start:end]

    def hit(rule: Rule, match: re.Match[str], message: str) -> Finding:
        return doc.finding(
            rule, seg, start + match.start(), f"{message}: '{_excerpt(matched(sentence, match))}'"
        )

    def word(cued: Cued) -> re.Match[str] | None:
        """The first match that is not a name written in capitals ("the PROMISE study")."""
        return next((m for m in cued.finditer(sentence) if not _acronym(sentence, m)), None)

    if m := FREE_TREATMENT.search(sentence):
        yield hit(FREE, m, "calls treatment free")
    if (m := word(CURE_WORDS)) and not _negated(sentence, m) and not AIM.search(sentence, 0, m.start()):
        yield hit(CURE, m, "promises a cure")
    if (m := word(NEW_WORDS)) and not (INVESTIGATIONAL.search(sentence) or AIM.search(sentence)):
        yield hit(NEW, m, "implies benefit")
    claims = [(m, not NO_PHRASE.match(matched(sentence, m))) for m in CLAIM_PHRASES.finditer(sentence)]
    claims += [(m, True) for m in subject_claim.finditer(sentence)]
    claim = next((m for m, inside in claims if not _negated(sentence, m, inside)), None)
    if claim and not AIM.search(sentence):
        yield hit(SAFETY, claim, "claims safety or effectiveness")
    if (m := word(GUARANTEE_WORDS)) and not _negated(sentence, m):
        yield hit(GUARANTEE, m, "promises an outcome")
    if (m := PAY_TERM.search(sentence)) and _emphasised(seg, start, end, sentence, m):
        yield hit(PAYMENT, m, "emphasises payment")
    if m := PRESSURE_WORDS.search(sentence):
        yield hit(PRESSURE, m, "pressures readers to sign up")


#: What follows a word in capitals written for emphasis, not as a name: "GUARANTEED results!"
EMPHASIS_AFTER = re.compile(r"\s*(?:!|(?:results?|relief|recovery|improvements?|benefits?|outcomes?|success)\b)", re.IGNORECASE)


def _acronym(sentence: str, match: re.Match[str]) -> bool:
    """Whether the match is a word in capitals in text that is not all capitals: a study's name."""
    emphasis = EMPHASIS_AFTER.match(sentence, match.end()) and not re.search(r"\b(?:the|our|of)\s+$", sentence[: match.start()], re.I)
    if not matched(sentence, match).isupper() or emphasis:
        return False
    letters = [c for c in sentence if c.isalpha()]
    return sum(c.isupper() for c in letters) < len(letters) / 2


def _negated(sentence: str, match: re.Match[str], inside: bool = True) -> bool:
    """Whether a negation comes just before the match (or, with ``inside``, within it)."""
    before = sentence[max(0, match.start() - 30) : match.start()]
    return NEGATED.search(before) is not None or (
        inside and NEGATED.search(matched(sentence, match)) is not None
    )


def _emphasised(seg: Segment, start: int, end: int, sentence: str, match: re.Match[str]) -> bool:
    if seg.field in ("title", "official_title") or PAY_EMPHASIS.search(sentence):
        return True
    word = matched(sentence, match)
    if len(word) >= 3 and word.isupper():
        return True
    raw = seg.text[start:end]
    around = raw[max(0, match.start() - 30) : match.end() + 30]
    return re.search(r"\*\*|__|(?<!\w)[*_](?=\w)", around) is not None


def _excerpt(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= 50 else text[:47] + "..."
