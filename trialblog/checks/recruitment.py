"""``recruitment.*``: trial summaries and recruitment text that promise, pressure or pay.

The rules follow the FDA's guidance on recruiting study participants and the IRBs that apply
it: an investigational product may not be called safe, effective, a cure, "new" or a
"breakthrough"; treatment may not be called free; payment may be stated but not emphasised;
and nobody may be hurried into taking part. They read a trial record's title, official title,
summary and registry summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .documents import RECRUITMENT_FIELDS, Document, Kind
from .findings import Finding, Severity
from .rules import Rule, define
from .text import Cued, Segment, matched

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
    r"will\s+not|without|nor|hasn['’]?t|haven['’]?t|unproven|yet\s+to\s+be|un\w+able)\b",
    re.IGNORECASE,
)
AIM = re.compile(
    r"\b(?:whether|if|to\s+(?:learn|find\s+out|see|test|evaluate|assess|study|determine|investigate|"
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
    re.compile(
        r"\bfree\s+(?:of\s+charge\s+)?(?:\w+\s+){0,2}?(?:treatment|medications?|medicines?|drugs?|therap(?:y|ies)|"
        r"care|medical\s+care|health\s*care|check-?ups?|insulin|injections?|infusions?)\b"
        r"|\b(?:treatment|medications?|medicines?|drugs?|therap(?:y|ies)|care)\s+(?:\w+\s+){0,3}?"
        r"(?:for\s+free|free\s+of\s+charge|is\s+free|are\s+free)\b|\bget\s+treated\s+for\s+free\b",
        re.IGNORECASE,
    ),
    "free",
    spans_only=True,
)
CURE_WORDS = Cued(
    re.compile(
        r"\b(?:cure[sd]?|curing|curative|miracle|miraculous|wonder\s+drug|magic\s+bullet|life-?saving)\b",
        re.IGNORECASE,
    ),
    "cur mirac wonder magic life",
    spans_only=True,
)
NEW_WORDS = Cued(
    re.compile(
        rf"\b(?:new|newer|novel|latest|brand[- ]new|cutting[- ]edge|state[- ]of[- ]the[- ]art|revolutionary|"
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
    r"safe|safer|effective|efficacious|proven|well[- ]tolerated|harmless|risk[- ]free|gentle|natural|"
    r"non-?toxic|approved|successful|better|superior|more\s+effective|works|helps"
)
#: Every claim CLAIM_WORDS makes has one of these words.
CLAIM_CUES = "safe effective efficacious proven tolerated harmless risk gentle natural toxic approved successful better superior works helps"
CLAIM_PHRASES = Cued(
    re.compile(
        r"\b(?:safe\s+and\s+effective|effective\s+and\s+safe|clinically\s+proven|proven\s+to|"
        r"shown\s+to\s+(?:work|help|be\s+safe|be\s+effective|reduce|improve)|no\s+(?:known\s+)?side[- ]effects|"
        r"without\s+(?:any\s+)?side[- ]effects|side[- ]effect[- ]free|(?:completely|totally|100%|perfectly|"
        r"very|proven)\s+safe|FDA[- ]approved)\b"
        r"|\b(?:will|can|does|do|may|could|might)\s+(?:\w+\s+)?(?:help|improve|relieve|reduce|stop|prevent|"
        r"reverse|heal|restore|fix|ease|eliminate|treat|change)\s+(?:your|you)\b"
        r"|\b(?:works|helps|improves|relieves|reduces|stops|prevents|reverses|heals|restores)\s+"
        r"(?:\w+\s+){0,2}?(?:symptoms|pain|relapses|the\s+disease|your|you)\b"
        r"|\bha(?:s|ve)\s+(?:already\s+)?(?:helped|worked\s+for|transformed|changed\s+the\s+lives)"
        r"|\bha(?:s|ve)\s+(?:already\s+)?(?:seen|felt|noticed)\s+(?:real\s+|great\s+)?(?:results|"
        r"improvements?|a\s+difference|benefits?)|\bsuccess\s+stor(?:y|ies)\b",
        re.IGNORECASE,
    ),
    "safe proven shown effect approved you symptom pain relapse disease helped worked transformed changed result improvement difference benefit success",
    spans_only=True,
)
NO_PHRASE = re.compile(r"(?:no|without|side[- ]effect)\b", re.IGNORECASE)
GUARANTEE_WORDS = Cued(
    re.compile(
        r"\b(?:guarantee[sd]?|guaranteeing|assured|promise[sd]?|certain\s+to|sure\s+to|definitely\s+will|"
        r"will\s+definitely|100%\s+(?:effective|success|chance)|you\s+will\s+(?:\w+\s+)?(?:get\s+better|"
        r"improve|feel\s+better|be\s+cured|benefit|recover|see\s+results))\b",
        re.IGNORECASE,
    ),
    "guarantee sure promis certain definitely 100% you",
    spans_only=True,
)
PAY_TERM = Cued(
    re.compile(
        r"(?:\b(?:paid|pay|pays|payment|payments|earn|earning|cash|money|compensat\w+|stipend|"
        r"gift\s+cards?|vouchers?)\b|[£$€]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:pounds|dollars|euros|GBP|USD|EUR)\b)",
        re.IGNORECASE,
    ),
    "paid pay earn cash money compensat stipend gift voucher £ $ € pound dollar eur gbp usd",
    spans_only=True,
)
PAY_EMPHASIS = re.compile(
    r"!|\$\$|\bup\s+to\s+[£$€]?\s?\d|\b(?:earn|earning|get\s+paid|make\s+money|easy\s+money|cash\s+in\s+hand|"
    r"cash|today|now|immediately|instant(?:ly)?|same[- ]day|on\s+the\s+day|quick|fast|generous|"
    r"big|extra|bonus)\b",
    re.IGNORECASE,
)
PRESSURE_WORDS = Cued(
    re.compile(
        r"\b(?:spots?|places?|slots?|spaces?|seats?)\s+(?:are\s+)?(?:filling|going|running\s+out|limited|left)\b"
        r"|\b(?:spots?|places?|slots?|spaces?|seats?)\s+(?:remain|remaining)\b|"
        r"\b(?:only|just)\s+(?:a\s+)?(?:few|handful(?:\s+of)?|couple(?:\s+of)?)\s+(?:\w+\s+)?"
        r"(?:spots?|places?|slots?|spaces?|seats?)\b|\bcloses?\s+soon\b|\bavoid\s+disappointment\b"
        r"|\bfilling\s+(?:up\s+)?(?:fast|quickly|up)\b|\blimited\s+(?:number\s+of\s+)?(?:spots?|places?|"
        r"slots?|spaces?|time|availability|enrol\w*)\b|\bact\s+(?:now|fast|quickly|today)\b|\bhurry\b|"
        r"\bdon['’]?t\s+miss\s+(?:out|this)\b|\blast\s+chance\b|\bonly\s+(?:a\s+few|\d+)\s+(?:\w+\s+)?"
        r"(?:spots?|places?|slots?|spaces?|seats?)\b|\b(?:sign\s+up|apply|enrol+|register|join|call)\s+"
        r"(?:now|today|immediately)\b|\bbefore\s+it['’]?s\s+too\s+late\b|\btime\s+is\s+running\s+out\b|"
        r"\bfirst\s+come,?\s+first\s+served\b|\burgent(?:ly)?\s+(?:need|needed|seeking|recruiting|looking)\b|"
        r"\bwhile\s+(?:spaces|places|spots)\s+last\b|\bonce[- ]in[- ]a[- ]lifetime\b|\bdeadline\b|"
        r"\bexclusive\s+opportunity\b|\bdon['’]?t\s+wait\b|\bnow\s+or\s+never\b",
        re.IGNORECASE,
    ),
    "spot place slot space seat close disappoint filling limited now fast quick today hurry miss chance immediately late running first urgent lifetime deadline exclusive wait",
    spans_only=True,
)


#: An invitation into a trial or study, or a recruiter's call, as replies carry them.
INVITATION = Cued(
    re.compile(
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
    if doc.kind is not Kind.TRIAL:
        return
    subject_claim = _subject_claim(doc.arm_terms)
    for segment in doc.segments:
        if segment.field not in RECRUITMENT_FIELDS:
            continue
        for start, end in segment.sentences():
            yield from _sentence(doc, segment, start, end, subject_claim)


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
    products = "|".join(re.escape(t) for t in terms)
    subject = (
        r"\b(?:it|this|the\s+(?:study\s+|trial\s+|investigational\s+|new\s+)?(?:drug|medicine|medication|"
        r"treatment|therapy|product|device|injection|tablet|pill|vaccine)"
        + (rf"|{products}" if products else "")
        + ")"
    )
    return Cued(
        re.compile(
            subject + r"\s+(?:is|are|has\s+been|have\s+been|was|were|'s)?\s*(?:\w+\s+){0,2}?"
            rf"(?:{CLAIM_WORDS})\b",
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

    if m := FREE_TREATMENT.search(sentence):
        yield hit(FREE, m, "calls treatment free")
    if (m := CURE_WORDS.search(sentence)) and not _negated(sentence, m) and not AIM.search(sentence):
        yield hit(CURE, m, "promises a cure")
    if (m := NEW_WORDS.search(sentence)) and not (INVESTIGATIONAL.search(sentence) or AIM.search(sentence)):
        yield hit(NEW, m, "implies benefit")
    claims = [(m, not NO_PHRASE.match(matched(sentence, m))) for m in CLAIM_PHRASES.finditer(sentence)]
    claims += [(m, True) for m in subject_claim.finditer(sentence)]
    claim = next((m for m, inside in claims if not _negated(sentence, m, inside)), None)
    if claim and not AIM.search(sentence):
        yield hit(SAFETY, claim, "claims safety or effectiveness")
    if (m := GUARANTEE_WORDS.search(sentence)) and not _negated(sentence, m):
        yield hit(GUARANTEE, m, "promises an outcome")
    if (m := PAY_TERM.search(sentence)) and _emphasised(seg, start, end, sentence, m):
        yield hit(PAYMENT, m, "emphasises payment")
    if m := PRESSURE_WORDS.search(sentence):
        yield hit(PRESSURE, m, "pressures readers to sign up")


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
