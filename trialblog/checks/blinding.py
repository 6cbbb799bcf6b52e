"""``blinding.*``: posts in the blinded period that guess the arm or help others guess theirs.

These rules read only posts dated in the blinded period of a masked trial (``Trial.blinded_on``);
after unblinding, telling your group is fine. A post about no trial counts as blinded while
any trial the writer takes part in is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .documents import Document, Kind
from .findings import Finding, Severity
from .rules import define
from .text import DIGIT, Cued, Segment, folded, folded_search

GUESS = define(
    "blinding.arm-guess",
    Severity.ERROR,
    "guessing or stating your own arm while you are blinded",
    "take out the guess: while the trial is blinded, write how you feel, not which group you think it means",
)
COMPARE = define(
    "blinding.compare-invite",
    Severity.ERROR,
    "inviting readers to compare side effects or notes to work out who is in which arm",
    "ask readers not to compare notes or guess arms: comparing can unblind the trial for everyone",
)
KIT = define(
    "blinding.kit-number",
    Severity.ERROR,
    "a kit, lot, batch, box or randomisation number",
    "remove the number: with others' numbers it can reveal which arm a kit belongs to",
)

_PLACEBO = r"placebos?(?![- ](?:effect|response|controlled|control\b))"
STRONG_ARM = (
    rf"{_PLACEBO}|sugar\s+pills?|dummy\s+(?:pills?|tablets?|drug|injections?|jabs?)|salt\s+water|"
    r"saline|sham(?:\s+(?:treatment|procedure|device|stimulation|arm|group))?|"
    r"real\s+(?:drug|thing|stuff|deal|medicine|medication|pills?|tablets?|treatment|injections?|"
    r"jabs?|infusions?)|real\s+one|active\s+(?:drug|arm|group|treatment|medication|medicine|ingredient|"
    r"dose|one|pills?|tablets?|version|injections?|infusions?|substance)|"
    r"(?:treatment|drug|control|experimental|intervention|comparator|active|high[- ]dose|low[- ]dose)"
    r"\s+(?:arm|group)|(?:high|higher|low|lower|top|full)\s+dose|good\s+stuff|"
    r"actual\s+(?:drug|medication|medicine|treatment)"
)
WEAK_ARM = r"(?:study|trial)\s+(?:drug|medication|medicine)|drug|medication|medicine"
#: Every arm STRONG_ARM or WEAK_ARM names has one of these words.
ARM_CUES = "placebo sugar dummy salt saline sham real active arm group dose stuff actual drug medic"
FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|Im|I['’]ve|I['’]d|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
#: In a reader's reply, the writer is "you": a guess at the writer's arm is as harmful as their own.
READER_PERSON = re.compile(FIRST_PERSON.pattern[:-3] + r"|[Yy]ou|[Yy]ou['’]re|[Yy]our|[Yy]ours|[Yy]ourself)\b")
CERTAIN = folded_search(
    re.compile(
        r"\b(?:think|thought|guess|guessing|bet|betting|reckon|suspect|sure|certain|convinced|positive|"
        r"confident|feel\s+like|feels\s+like|must|probably|definitely|clearly|obviously|surely|likely|"
        r"certainly|no\s+doubt|obvious|evident|clear|put\s+(?:my\s+)?money\s+on|wager|strong\s+feeling|"
        r"(?<!let\sme\s)know|knew|assume|assuming|hunch|gut|money['’]?s\s+on|odds\s+are|seems?|"
        r"appears?|looks?\s+like|I['’]?d\s+say|100%|pretty\s+much|has\s+to\s+be|have\s+to\s+be|"
        r"can['’]?t\s+be|cannot\s+be|no\s+way|tells?\s+me|means?|proves?|explains?|giveaway|give\s+away|"
        r"confirms?|confirmed|would\s+explain|sign\s+that)\b",
        re.IGNORECASE,
    )
)
HYPOTHETICAL = folded_search(
    re.compile(
        r"\b(?:if(?!\s+(?:I['’]m|I\s+am)\s+(?:being\s+)?honest|\s+you\s+ask\s+me|\s+anything)|whether|whichever|whatever|in\s+case|even\s+if|regardless|no\s+matter|either|"
        r"might\s+be|could\s+be|may\s+be|(?:a|an|even|equal|50%|50/50|fifty[- ]fifty)\s+chance|"
        r"wonder(?:ing)?|imagine|what\s+if|suppose)\b",
        re.IGNORECASE,
    )
)
NOT_KNOWING = folded_search(
    re.compile(
        r"\b(?:(?:don['’]?t|do\s+not|doesn['’]?t|does\s+not|can['’]?t|cannot|won['’]?t|will\s+not|never|"
        r"not\s+going\s+to|no\s+way\s+to|refuse\s+to|try(?:ing)?\s+not\s+to|not\s+allowed\s+to|"
        r"shouldn['’]?t|should\s+not|mustn['’]?t|must\s+not)\s+(?:\w+\s+){0,2}?(?:know|tell|guess|"
        r"speculate|say|read|work\s+(?:it\s+)?out|figure\s+(?:it\s+)?out|assume)|no\s+idea|"
        r"not\s+guessing|without\s+guessing|not\s+sure|unsure|nobody\s+knows|no\s+one\s+knows|"
        r"don['’]?t\s+know)\b",
        re.IGNORECASE,
    )
)
CLAUSE_BREAK = folded_search(
    re.compile(r",?\s+\b(?:but|though|although|however|yet)\b|;|:|\s[-–—]\s", re.IGNORECASE)
)
BEING_ON = (
    r"\bI(?:['’]m|\s+am|['’]ve\s+been|\s+have\s+been|\s+was|\s+must\s+be|\s+must\s+have\s+been|"
    r"\s+got|\s+get|\s+have|\s+had|\s+ended\s+up|\s+landed|\s+seem\s+to\s+be|\s+appear\s+to\s+be)?"
    r"\s+(?:\w+\s+){0,3}?(?:on|in|one\s+of|getting|taking|receiving|given|got|assigned\s+to|"
    r"randomi[sz]ed\s+(?:to|into)|allocated(?:\s+to)?|put\s+(?:on|in))\s+(?:the\s+|a\s+|an\s+|my\s+)?"
)
#: Being on an arm as a reader says it of the writer or of themselves.
READER_BEING_ON = (
    r"\b(?:I|you)(?:['’]m|['’]re|\s+am|\s+are|\s+were|['’]ve\s+been|\s+have\s+been|\s+was|\s+must\s+be|"
    r"\s+must\s+have\s+been|\s+got|\s+get|\s+have|\s+had|\s+ended\s+up|\s+landed|\s+seem\s+to\s+be|"
    r"\s+appear\s+to\s+be)?" + BEING_ON[BEING_ON.index(r"\s+(?:\w+\s+){0,3}?"):]
)
IT_IS = r"\b(?:it['’]s|it\s+is|this\s+is|that['’]s|these\s+are|they['’]re|must\s+be|has\s+to\s+be)\s+(?:\w+\s+){0,2}?(?:the\s+|a\s+)?"

COMPARE_NOTES = Cued(
    re.compile(
        r"\b(?:compare|comparing|swap|swapping|share|sharing|pool|pooling|match|matching|post|posting|"
        r"list|listing)\s+(?:\w+\s+){0,2}?(?:notes|side[- ]effects|symptoms|reactions|experiences|"
        r"results|stories)\b",
        re.IGNORECASE,
    ),
    "notes effects symptoms reactions experiences results stories",
    spans_only=True,
)
READERS = re.compile(
    r"\b(?:let['’]?s|we|us|you|your|anyone|everyone|readers?|comments?|DM|message|reply|"
    r"get\s+in\s+touch|drop\s+me|email\s+me|join|together|other\s+participants)\b",
    re.IGNORECASE,
)
WORK_OUT = Cued(
    re.compile(
        r"\b(?:work\s+out|figure\s+out|find\s+out|guess|deduce|crack|decode|tell|determine|identify|spot|"
        r"see|narrow\s+down)\s+(?:\w+\s+){0,1}?(?:which|what|who|who['’]s|whether|if)\s+(?:\S+\s+){0,4}?"
        r"(?:arms?|groups?|placebo|real|active|drug|on\s+what|is\s+on|got|are\s+on|['’]re\s+on|"
        r"we['’]re\s+in|you['’]re\s+in|they['’]re\s+in)\b",
        re.IGNORECASE,
    ),
    "wh if",
    spans_only=True,
)
INVITE = re.compile(
    r"\b(?:help\s+me|let['’]?s|can\s+we|could\s+we|we\s+can|we\s+could|we['’]ll|we\s+will|together|between\s+us|"
    r"if\s+we|with\s+me|comments?|DM|message\s+me|tell\s+me|let\s+me\s+know|reply|get\s+in\s+touch)\b",
    re.IGNORECASE,
)
ANYONE_ELSE = Cued(
    re.compile(
        r"\b(?:anyone|anybody|any\s+of\s+you|others?|fellow\s+participants)\s+(?:else\s+)?(?:\w+\s+){0,2}?"
        r"(?:on|in|doing|taking\s+part\s+in|enrolled\s+in)\s+(?:\S+\s+){0,2}?(?:trial|study)\b.*?"
        r"\b(?:getting|having|get|had|notice|noticed|experienc\w+|with|feel|felt|side[- ]effects|"
        r"symptoms|reactions?)\b",
        re.IGNORECASE,
    ),
    "any other fellow",
    spans_only=True,
)
YOU_TOO = (
    r"\bif\s+you['’]?(?:re|\s+are)\s+(?:also\s+)?(?:on|in|doing|part\s+of)\s+(?:\S+\s+){0,2}?(?:trial|study"
)
CALL_TO_ACT = re.compile(
    r"\b(?:comment|comments|let\s+me\s+know|tell\s+me|get\s+in\s+touch|message|DM|reply|write|share|"
    r"compare|see\s+if\s+we|match)\b",
    re.IGNORECASE,
)
FELLOW_READERS = Cued(
    re.compile(
        r"\b(?:any|other|fellow)\s+(?:other\s+)?(?:\S+\s+)?(?:participants|trialists|volunteers)\b",
        re.IGNORECASE,
    ),
    "participants trialists volunteers",
    spans_only=True,
)
ASK_THEIRS = Cued(
    re.compile(
        r"\b(?:what|which|any)\s+(?:side[- ]effects|symptoms|reactions)\s+(?:have|are|did|do)\s+you\b"
        r"|\b(?:have|are|did)\s+you\s+(?:had|been\s+having|getting|noticed|got)\s+(?:any\s+)?(?:the\s+)?"
        r"(?:side[- ]effects|symptoms|reactions)\b",
        re.IGNORECASE,
    ),
    "effects symptoms reactions",
    spans_only=True,
)
TELL_ME_YOURS = Cued(
    re.compile(
        r"\b(?:tell|let)\s+me\s+(?:know\s+)?(?:your|what|which|how|about\s+your)\s+(?:\w+\s+){0,3}?"
        r"(?:side[- ]effects|symptoms|reactions)\b",
        re.IGNORECASE,
    ),
    "effects symptoms reactions",
    spans_only=True,
)
DONT = Cued(
    re.compile(
        r"\b(?:not|never|no|don['’]?t|won['’]?t|shouldn['’]?t|avoid|refrain\s+from|rather\s+you\s+didn['’]?t)"
        r"(?:\s+\w+){0,3}?\s+(?:compare|comparing|guess|guessing|try|share|sharing|work|figure|post|list|swap)\b",
        re.IGNORECASE,
    ),
    "compar guess try shar work figure post list swap",
    spans_only=True,
)
KIT_NUMBER = re.compile(
    r"\b(?:(?:kit|lot|batch|bottle|box|pack|carton|vial|blister(?:\s+card)?|randomi[sz]ation|"
    r"allocation|treatment|medication|drug|dispensing|IWRS|IXRS|IRT)\s*(?:number|no\.?|num|#|code|ID)"
    r"|(?<!\ba\s)(?:kit|lot|batch|randomi[sz]ation)(?=\s*[:#]?\s*[A-Z]{0,4}-?\d))"
    r"(?:\s+(?:on|of|for|from|in)\s+(?:\w+\s+){0,2}?\w+)?,?(?:\s+(?:is|was|of|reads|ends\s+in))?\s*[:#=-]?\s*"
    r"(?P<code>#?[A-Za-z]{0,4}-?\d[\dA-Za-z-]{1,15})",
    re.IGNORECASE,
)


def check(doc: Document) -> Iterator[Finding]:
    if doc.kind not in (Kind.DIARY, Kind.REPLY) or not doc.blinded:
        return
    patterns = _arm_patterns(doc.arm_terms, doc.kind is Kind.REPLY)
    you_too = _you_too(frozenset(_trial_names(doc)))
    for segment in doc.segments:
        for start, end in segment.sentences():
            yield from _sentence(doc, segment, start, end, patterns, you_too)
        if not DIGIT.search(segment.plain):
            continue  # a kit number has a digit
        for m in KIT_NUMBER.finditer(segment.plain):
            code = m.group("code")
            if sum(c.isdigit() for c in code) >= 2:
                yield doc.finding(KIT, segment, m.start(), f"a kit or randomisation number ({code})")


def _trial_names(doc: Document) -> set[str]:
    """The trial's title and acronym, and their first word ("AURORA" of "AURORA-MS")."""
    if doc.trial is None:
        return set()
    names = {n.strip() for n in (doc.trial.title, doc.trial.acronym) if n and len(n) <= 40}
    names |= {re.split(r"[-\s]", n)[0] for n in names if len(re.split(r"[-\s]", n)[0]) >= 4}
    return {n for n in names if n}


@lru_cache(maxsize=256)  # a site's posts share a few trials: compiled once per trial
def _you_too(names: frozenset[str]) -> Cued:
    """Being in the trial (named generically or by one of ``names``) as readers might be."""
    alternatives = "".join(f"|{re.escape(n)}" for n in sorted(names))
    return Cued(re.compile(YOU_TOO + alternatives + r")\b", re.IGNORECASE), "you")


@lru_cache(maxsize=256)
def _arm_patterns(terms: tuple[str, ...], reader: bool = False) -> tuple[Cued, ...]:
    """Being on an arm, an arm, "it is" an arm, and being on the drug (weakly named), the arms
    including the trial's own ``terms``; a match of any has an ARM_CUES word or a term in it."""
    being_on = READER_BEING_ON if reader else BEING_ON
    strong = STRONG_ARM + "".join(f"|{re.escape(t)}(?!\\s+(?:study|trial|leaflet|sheet))" for t in terms)
    flags = re.IGNORECASE
    cues = ARM_CUES.split() + [folded(t) if t.isascii() else "" for t in terms]  # "": always look
    return (
        Cued(re.compile(being_on + rf"(?:{strong})\b", flags), cues),
        Cued(re.compile(rf"\b(?:{strong})\b", flags), cues),
        Cued(re.compile(IT_IS + rf"(?:{strong})\b", flags), cues),
        Cued(re.compile(being_on + rf"(?:{WEAK_ARM})\b", flags), cues),
    )


def _clauses(sentence: str) -> Iterator[tuple[int, str]]:
    last = 0
    for m in CLAUSE_BREAK.finditer(sentence):
        yield last, sentence[last : m.start()]
        last = m.end()
    yield last, sentence[last:]


def _sentence(
    doc: Document,
    seg: Segment,
    start: int,
    end: int,
    patterns: tuple[Cued, ...],
    you_too: Cued,
) -> Iterator[Finding]:
    sentence = seg.plain[start:end]
    being_on, arm, it_is, weak = patterns
    person = READER_PERSON if doc.kind is Kind.REPLY else FIRST_PERSON
    question = sentence.rstrip().endswith("?")
    guessed = False
    # No arm named, no guess; a question guesses nothing.
    clauses = _clauses(sentence) if not question and arm.possible(sentence) else ()
    for offset, clause in clauses:
        if HYPOTHETICAL.search(clause) or NOT_KNOWING.search(clause):
            continue
        hit = being_on.search(clause)
        if not hit and CERTAIN.search(clause):
            if person.search(clause):
                hit = arm.search(clause) or weak.search(clause)
            hit = hit or it_is.search(clause)
        if not hit and person.search(clause):
            hit = it_is.search(clause)  # "so it's placebo for me"
        if hit:
            guessed = True
            yield doc.finding(
                GUESS, seg, start + offset + hit.start(), f"guesses or states your arm: {_quote(clause)}"
            )
            break
    if guessed:
        return
    invite = (
        (COMPARE_NOTES.search(sentence) and (READERS.search(sentence) or WORK_OUT.search(sentence)))
        or (WORK_OUT.search(sentence) and INVITE.search(sentence))
        or ANYONE_ELSE.search(sentence)
        or (you_too.search(sentence) and CALL_TO_ACT.search(sentence))
        or (FELLOW_READERS.search(sentence) and (READERS.search(sentence) or sentence.endswith("?")))
        or ASK_THEIRS.search(sentence)
        or (TELL_ME_YOURS.search(sentence) and READERS.search(sentence))
    )
    if invite and not DONT.search(sentence):  # "don't compare notes" (looked for only if invited)
        yield doc.finding(COMPARE, seg, start, f"invites readers to compare notes: {_quote(sentence)}")


def _quote(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return f"'{text}'" if len(text) <= 70 else f"'{text[:67]}...'"
