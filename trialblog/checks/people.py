"""Finding other people's names in a sentence, and whether the sentence ties them to health.

Names are found where English puts them: after a relation ("my friend Maria", "a man called
Tom"), after a title ("Dr Patel", "Nurse Emily"), or as a common first name followed by a
capitalised surname or a verb ("Maria has lupus too"). A list of common given names keeps
ordinary capitalised words ("Velanimod", "Nobody", "Half") from being taken for people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .text import Cued, Segment, Source, words

# Common given names (English-speaking countries and beyond). Names that are also everyday
# words when capitalised at the start of a sentence (May, Will, Grace, Hope, Mark...) are left out.
FIRST_NAMES = words(
    """
    aaron abdul abigail adam adrian ahmed aidan aisha alan albert alex alexander alexandra alfie
    alice alison amanda amelia amir amy ana andrea andrew andy angela anil ann anna anne annie
    anthony antonio arjun arthur ashley aziz barbara becky ben benjamin beth betty bob brenda
    brian bridget callum cameron carl carlos carol caroline catherine charles charlie charlotte
    chloe chris christine christopher claire clare colin connor craig dan daniel danielle darren
    dave david deborah debbie dennis diana diane dimitri dominic donna doris dorothy dylan eddie
    edward eileen elaine eleanor elena eli elizabeth ella ellie emily emma eric erin ethan eva
    evelyn fatima fiona finn florence francesca fred freddie freya gary gemma george georgia
    gerald gillian gordon graham greg gregory hannah harriet harry harvey hassan heather helen
    henry hugh ian imran irene isaac isabel isabella isla jack jacob james jamie jane janet
    jasmine jason javier jay jean jeff jennifer jenny jeremy jess jessica jim jo joan joanna joe
    john jonathan jordan jose joseph josh joshua judith julia julie justin karen kate katherine
    kathy katie keith kelly ken kevin kim kirsty laura lauren leah lee leo leon liam linda lisa
    lorraine louis louise lucas lucy luis luke lydia maggie maisie malcolm manuel marcus margaret
    maria marie marion martha martin mary matt matthew maureen megan mei melanie mia michael
    michelle mike mohammed molly muhammad nadia naomi natalie nathan neil nicholas nick nicola
    nicole nigel noah oliver olivia omar oscar owen pam pamela patricia patrick paul paula pauline
    peter philip phoebe priya rachel raj rajesh ravi rebecca richard rick rob robert robin roger
    ronald rory rosie ross ruth ryan sally sam samantha samuel sandra sara sarah scott sean sharon
    shirley simon sofia sophie stephanie stephen steve steven stuart susan suzanne tanya teresa
    thomas tim timothy tina toby tom tommy tony tracy valerie vanessa victoria vikram vincent
    wendy william yasmin yusuf zara zoe
    steph ellen gemma bev sue liz jen becca vicky nat gaz mo des
    lucía lucia josé jose carmen pilar miguel pablo sergio alejandro marta rosa pedro juan francisco jorge
    diego raúl raul andrés andres giulia marco luca giovanni chiara alessandro pierre camille julien
    lukas hans katarzyna piotr olga ivan aditya rahul deepa sunita kwame amara chidi ngozi ali hamza
    layla noor yuki hiroshi wei ling jin siobhan aoife niamh ciara sinead declan eoin conor
    """
)
#: Words that make two capitalised words a place, a body or a disease rather than a person.
NOT_PERSON_WORDS = words(
    """
    Multiple Sclerosis Disease Syndrome Hospital Infirmary Clinic Street Road Lane Avenue Society Trust
    Foundation University College General Royal National Research Centre Center Unit Health Service
    Group Study Trial Park Square Church Library Station School Institute Association Charity Ward
    Wing Hall House Court Council Centre Medical Care Lupus Cancer Crohn Parkinson Alzheimer
    """
)

RELATIONS = (
    r"friend|best friend|partner|husband|wife|boyfriend|girlfriend|fianc[eé]e?|son|daughter|"
    r"mum|mom|mother|dad|father|brother|sister|cousin|aunt|auntie|uncle|niece|nephew|grandma|"
    r"granny|grandmother|grandad|grandpa|grandfather|neighbou?r|colleague|co-?worker|boss|"
    r"manager|flatmate|roommate|housemate|child|kid|mate|pal|carer|caregiver|stepmum|stepdad|"
    r"in-law|mother-in-law|father-in-law|sister-in-law|brother-in-law|bf|gf|hubby|bestie|bff|sis|bro"
)
PEOPLE = r"woman|man|lady|guy|girl|boy|gentleman|bloke|patient|participant|person|chap|fellow"
TITLES = r"Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister|Matron"
NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
NOT_NAMES = words(
    "I The A An And But Or So If My Our Your His Her Their This That These Those It He She We "
    "They You Then When While After Before Today Tomorrow Yesterday Day Week Month Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday Who What Which Also Too"
)

RELATION_NAME = Cued(
    Source(
        rf"(?:\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our)\s+(?:(?:best|old|close|younger|older|little|big|late)\s+)?"
        rf"(?:{RELATIONS})|\b(?:Aunt|Auntie|Uncle|Grandma|Grandpa|Granny|Grandad|Nan|Nana|Cousin))(?:'s)?\s*,?\s+(?:(?:called|named)\s+)?(?P<name>{NAME}(?:\s+{NAME})?)"
    ),
    "my My his His her Her our Our their Their Aunt Uncle Gran Nan Cousin",
)
NAME_RELATION = Cued(
    Source(
        rf"\b(?P<name>{NAME}(?:\s+{NAME})?)\s*,\s+(?:my|his|her|our|their)\s+(?:(?:best|old|close)\s+)?"
        rf"(?:{RELATIONS})\b"
    ),
    "my his her our their",
)
CALLED = Cued(
    Source(
        rf"\b(?i:a|an|another|one|the|some|this)\s+(?:\w+\s+)?(?:{PEOPLE}|{RELATIONS})\s+"
        rf"(?:called|named|by the name of)\s+(?P<name>{NAME}(?:\s+{NAME})?)"
    ),
    "called name",
)
TITLED = Cued(
    Source(rf"\b(?:{TITLES})\.?\s+(?P<name>{NAME}(?:\s+{NAME})?)"),
    "Dr Doctor Mr Ms Miss Mx Prof Nurse Sister Matron",
)
FIRST_NAME = re.compile(rf"\b(?P<name>{NAME}(?:\s+{NAME})?)(?=\W)")
#: A full name whatever the first name, told as someone the writer knows: "Steph Morgan from the
#: support group", "Ellen Ward, the woman next to me". (Written to start with its capital, not
#: ``\b``, so that a search skips to the next capital in C.)
KNOWN_PERSON = re.compile(
    r"(?P<name>[A-ZÀ-Ý](?<!\w[A-ZÀ-Ý])[a-zà-ÿ]+\s+[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)"
    r"(?=\s*,\s*(?:who|a|an|the|my|our|from)\b|\s*\((?:my|our|a|the)\b|\s+(?:from|at|in|of)\s+(?:the|my|our)\s+"
    r"(?:\w+\s+){0,2}?(?:group|forum|ward|church|work|class|cohort|trial|study|clinic|unit|waiting\s+room|"
    r"office|school|gym|team|street|road|yoga|course|block))"
)
#: A public figure's or a body's name: "Michael J. Fox's foundation", "Oliver Sacks's books".
PUBLIC_NAME = re.compile(
    r"(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)?['’]s?\s+(?:foundation|trust|charity|books?|film|films|song|law|disease|"
    r"syndrome|research|fund|institute|centre|center|lecture|quote|line|talk|memoir|podcast)\b"
)
#: Capitalised words: a FIRST_NAME match counts only if its first word is one in FIRST_NAMES.
CAPITALISED = re.compile(r"[A-Z][a-z]+")

#: Facts about a person's health beyond taking part in a study: conditions, symptoms, results.
HEALTH_FACTS = re.compile(
    r"\b(?:diagnos\w*|living with|lives with|suffer\w*|"
    r"MS|multiple sclerosis|lupus|cancer|tumou?r|chemo\w*|HIV|diabet\w+|depress\w+|anxiety|"
    r"dementia|parkinson'?s?|epilep\w+|stroke|arthritis|relaps\w*|flare\w*|symptom\w*|"
    r"side[- ]effects?|pregnan\w+|miscarr\w+|infection|hospital\w*|ward|ICU|surgery|"
    r"operation|MRI|biopsy|rehab|illness|ill|sick|disease|condition|disorder|syndrome|allerg\w+|"
    r"died|dying|passed away|funeral|results?|rash\w*|headaches?|seizures?|liver|kidneys?|"
    r"migraines?|pain|lesions?|autism|amputat\w+|hospice|motor neurone|panic|attacks?|poorly|unwell|chest|"
    r"pneumonia|sepsis|antidepressants?|chemo|struggling|cried|crying|miscarriage)\b",
    re.IGNORECASE,
)
PARTICIPANT = Cued(
    Source(
        r"\b(?:(?:also|too|as well)\s+(?:in|on|taking part in|enrolled in)\s+(?:the|this|my|our)\s+"
        r"(?:trial|study)|(?:in|on)\s+(?:the|this|my|our)\s+(?:trial|study)\s+(?:too|as well)|"
        r"(?:another|fellow|other)\s+(?:participants?|volunteers?|trial\s+patients?)|"
        r"(?:on|in)\s+the\s+same\s+(?:trial|study|drug|arm|group|cohort|tablets?|injections?)|"
        r"(?:trial|study)\s+(?:buddy|mate|friend)|(?:my|our)\s+cohort|"
        r"in\s+the\s+(?:trial|study)\s+waiting\s+room|(?:also|both)\s+(?:enrolled|taking part|participating)|"
        r"(?:is|was|are|were)\s+(?:also\s+)?(?:a\s+)?participants?\s+(?:in|on)|"
        r"(?:is|was|are|were|['’]s)\s+(?:also\s+)?(?:on|in|doing)\s+(?:the|this|my|our)\s+(?:same\s+)?(?:trial|study)|"
        r"(?:on|in)\s+the\s+(?:trial|study)\s+with\s+(?:me|us)|"
        r"met\s+(?:him|her|them)?\s*(?:at|in)\s+the\s+(?:research unit|trial clinic|study visits?))",
        re.IGNORECASE,
    ),
    "trial study part volunteer same cohort enrolled research",
    spans_only=True,
)


@dataclass(frozen=True)
class Mention:
    """A name in a sentence: its offsets in the sentence and how it was recognised."""

    start: int
    end: int
    name: str
    how: str  # "relation", "title", "acquaintance" or "first-name"


def _is_name(candidate: str) -> bool:
    first = candidate.split()[0]
    return first not in NOT_NAMES


def mentions(sentence: str) -> Iterator[Mention]:
    """Every person's name in ``sentence`` (no overlaps; the first way of finding it wins).

    Every name starts with a capitalised word, so a sentence without one has none; the name a
    relation, "called" or a title comes before is never the sentence's first word, and the one
    before ", my friend" has a comma after it.
    """
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    capitals = CAPITALISED.findall(sentence)
    if not capitals:
        return
    later = len(capitals) > 1 or not sentence.startswith(capitals[0])  # one after the first character
    for how, pattern, possible in (
        ("relation", RELATION_NAME, later),
        ("relation", NAME_RELATION, "," in sentence),
        ("relation", CALLED, later),
        ("title", TITLED, later),
    ):
        for match in pattern.finditer(sentence) if possible else ():
            name = match.group("name")
            start = match.start("name")
            if how != "title" and not _is_name(name):
                continue
            if how != "title":
                name = name.split()[0] if name.split()[-1] in NOT_NAMES else name
            if free(start, start + len(name)):
                taken.append((start, start + len(name)))
                yield Mention(start, start + len(name), name, how)
    for match in KNOWN_PERSON.finditer(sentence) if later else ():
        name = match.group("name")
        if not _is_name(name) or any(part in NOT_PERSON_WORDS for part in name.split()):
            continue
        start = match.start("name")
        if free(start, start + len(name)):
            taken.append((start, start + len(name)))
            yield Mention(start, start + len(name), name, "acquaintance")
    if not any(word.lower() in FIRST_NAMES for word in capitals):
        return
    for match in FIRST_NAME.finditer(sentence):
        name = match.group("name")
        words = name.split()
        if words[0].lower() not in FIRST_NAMES:
            continue
        if len(words) == 2 and words[1] in NOT_NAMES:
            name = words[0]
        start = match.start("name")
        if free(start, start + len(name)):
            taken.append((start, start + len(name)))
            yield Mention(start, start + len(name), name, "first-name")


def sentence_mentions(seg: Segment, start: int, end: int) -> tuple[Mention, ...]:
    """The :func:`mentions` of the sentence ``seg.plain[start:end]``, found once for every rule."""
    key = ("mentions", start, end)
    found = seg.memo.get(key)
    if found is None:
        found = seg.memo[key] = tuple(mentions(seg.plain[start:end]))
    return found  # type: ignore[return-value]


def others(found: tuple[Mention, ...], own_names: frozenset[str]) -> list[Mention]:
    """The mentions in ``found`` of someone other than the writer (whose first names are ``own_names``)."""
    return [m for m in found if m.name.split()[0] not in own_names]


#: Health named only to be set aside: "we talked about everything except illness".
SET_ASIDE = re.compile(r"\b(?:except|apart\s+from|other\s+than|besides|but\s+not|not\s+about)\s+(?:\w+\s+)?$", re.I)


def _names(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether ``sentence`` has a match of ``pattern`` that it does not set aside."""
    return any(not SET_ASIDE.search(sentence, 0, m.start()) for m in pattern.finditer(sentence))


def public_name(sentence: str, mention: Mention) -> bool:
    """Whether the name is a public figure's or a body's, as in "Michael J. Fox's foundation"."""
    return PUBLIC_NAME.match(sentence, mention.end) is not None


def about_health_facts(sentence: str) -> bool:
    """Whether ``sentence`` tells of someone's health beyond their taking part in a study."""
    return _names(HEALTH_FACTS, sentence)


def about_participation(sentence: str) -> bool:
    return PARTICIPANT.search(sentence) is not None
