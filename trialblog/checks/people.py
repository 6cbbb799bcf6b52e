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

from .text import Cued, Segment, Source, folded_search, words

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
    maeve fergal colm brendan gerry gerard kieran deirdre bernadette dolores nuala fionnuala orla grainne
    sorcha roisin saoirse cathal ciaran donal padraig seamus dermot eamon eamonn fintan oisin cormac aisling
    caoimhe clodagh mairead kathleen marguerite yvonne janice jacqueline jackie joyce agnes nell nellie edna
    ethel mavis mabel hilda gladys vera winifred doreen beryl marjorie sylvia stanley norman harold ernest
    walter frankie reg reginald cyril derek trevor barry terry kenneth len leonard bernard geoffrey peggy
    nkechi chinedu temitope femi tunde bola funmi chioma emeka ifeoma adaeze obinna uche yemi seun kemi
    tolu dayo kunle bisi amaka chiamaka oluwaseun adebayo adeola kunal ayesha ritu suresh ramesh mahesh
    anita anjali pooja neha deepak amit sanjay vijay lakshmi meena geeta kavita usha rekha arun ashok
    manoj rohit vikas nikhil shreya divya magda magdalena agnieszka wiktoria wojciech kasia krzysztof
    tomasz marek pawel ewa malgorzata zofia jakub kacper xiao jing hui fang tash tasha natasha kayleigh
    kylie shannon chantelle courtney stacey tracey leanne kerry carly nicky steffi stefanie jurgen uwe
    klaus dieter heike sabine birgit consuelo rocio inma
    thandiwe bongani sipho thabo lerato nomsa zanele themba kofi abena akua kwabena rangi aroha tane mere sione
    mehmet kemal ayse fatma emre elif oksana olena dmytro sergei natalia svetlana tatiana irina yulia mateo
    santiago valentina camila alejandra ximena guadalupe gareth rhys dafydd sian bethan cerys owain fergus hamish
    morag ailsa iain ewan cheryl kev kevin dean wayne shane glenn lynn lynne gail joanne mandy debra carole
    sheila moira elsie rita edith phyllis lilian arnold roy clive sunil rajiv priyanka asha kiran lalita farah
    zainab bilal usman tariq nadeem shabana rukhsana aleksandra aleksander dariusz grazyna bogdan mariusz
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

RELATIONS = (  # the longest first, so that "sister in law" is not read as "sister" and a name "in"
    r"(?:mother|father|sister|brother|son|daughter)\s+in\s+law|friend|best friend|partner|husband|wife|boyfriend|girlfriend|fianc[eé]e?|son|daughter|"
    r"mum|mom|mother|dad|father|brother|sister|cousin|aunt|auntie|uncle|niece|nephew|grandma|"
    r"granny|grandmother|grandad|grandpa|grandfather|neighbou?r|colleague|co-?worker|boss|"
    r"manager|flatmate|roommate|housemate|child|kid|mate|pal|carer|caregiver|stepmum|stepdad|"
    r"in-law|mother-in-law|father-in-law|sister-in-law|brother-in-law|bf|gf|hubby|bestie|bff|sis|bro|"
    r"step[- ]?(?:mum|mom|mother|dad|father|son|daughter|sister|brother|kid|child|sibling)|grandson|granddaughter|"
    r"grandchild|boy|girl|lad|lass|baby|twin|youngest|eldest|oldest|"
    r"godmother|godfather|goddaughter|godson|mam|mammy|nan|nana|nanna|gran|aunty|hubs|wifey|missus|"
    r"other\s+half|old\s+man|fella|teacher|priest|vicar|pastor|coach|landlord|landlady|classmate|workmate|"
    r"teammate|BIL|SIL|MIL|FIL|DH|DW|DS|DD|bil|sil|mil|fil"
)
PEOPLE = r"woman|man|lady|guy|girl|boy|gentleman|bloke|patient|participant|person|chap|fellow|fella|feller|lad|lass|gal"
TITLES = r"Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sister|Matron|Pastor|Rev|Reverend|Fr|Imam|Rabbi"
#: Titles anybody may have, not a clinician's: "Mrs O'Brien next door", "Pastor Adeyemi".
LAY_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Pastor|Rev|Reverend|Fr|Imam|Rabbi)\.?\s+$")
#: Words that make a titled person a clinician at work, whose title and surname are a public role.
CLINICIAN = re.compile(
    r"\b(?:consultant|surgeon|doctor|dr|nurse|pharmacist|physio\w*|registrar|neurologist|specialist|GP|"
    r"radiographer|an(?:a)?esthetist|dentist|optician|midwife|clinician|investigator|coordinator|team|clinic|"
    r"operated|prescribed|referred|examined|scanned)\b",
    re.IGNORECASE,
)
NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
NOT_NAMES = words(
    "I The A An And But Or So If My Our Your His Her Their This That These Those It He She We "
    "They You Then When While After Before Today Tomorrow Yesterday Day Week Month Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday Who What Which Also Too"
)

#: "my", an adjective or two, and the relations of a relation: "my old man's mate", "my cousin's wife".
POSSESSIVE = (
    rf"(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our)\s+(?:(?:best|old|close|younger|older|little|big|late|dear)\s+)?"
    rf"(?:(?:{RELATIONS})['’]s\s+(?:(?:best|old|close|little|baby|younger|older|wee|new|eldest|youngest)\s+)?)?"
)
RELATION_NAME = Cued(
    Source(
        rf"(?:\b{POSSESSIVE}(?:{RELATIONS})|\b(?:Aunt|Auntie|Aunty|Uncle|Grandma|Grandpa|Granny|Grandad|Nan|Nana|Cousin))"
        rf"(?:'s)?\s*[,—–-]?\s+(?:(?:called|named)\s+)?(?P<name>{NAME}(?:\s+{NAME})?)"
    ),
    "my My his His her Her our Our their Their Aunt Uncle Gran Nan Cousin",
)
#: A given name in lower case after a relation: "my sister in law maeve" (only names of FIRST_NAMES).
RELATION_LOWER = Cued(
    Source(
        rf"\b{POSSESSIVE}(?:{RELATIONS})\s*[,—–-]?\s+(?:(?P<title>mrs|mr|miss|ms)\.?\s+)?(?P<name>[a-z]+)\b"
    ),
    "my My his His her Her our Our their Their your Your",
)
NAME_RELATION = Cued(
    Source(
        rf"\b(?P<name>{NAME}(?:\s+{NAME})?)\s*,\s+(?:my|his|her|our|their)\s+(?:(?:best|old|close)\s+)?"
        rf"(?:{RELATIONS})\b"
    ),
    "my his her our their",
)
#: The same without the comma, or with a bracket: "Thandiwe my coworker has lupus", "Cheryl (my carer)".
NAME_RELATION_BARE = Cued(
    Source(
        rf"\b(?P<name>{NAME}(?:\s+{NAME})?)(?P<sep>\s*\(\s*|\s+)(?:my|his|her|our|their)\s+"
        rf"(?:(?:best|old|close)\s+)?(?:{RELATIONS})\b"
    ),
    "my his her our their",
)
#: Words a sentence may start with before "my mum has...", not a name ("Anyway my mum..."); with
#: any word in -ly that is no given name ("Sadly my dad...").
OPENERS = words(
    """
    Anyway Meanwhile Now Well Plus Oh Ok Okay Yes No Yeah Yep Hi Hey Lol Even Still Because Since Though
    Although Last Next Tonight Christmas Easter Anyways Honestly Basically Update Ugh Omg Wow Also Today
    Then Just Only And But So Apparently Guess Again Once Twice Sometimes Often Maybe Perhaps Friends
    Tbh Ngl Idk Btw Imo Fyi Edit Ps Thank Thanks Sorry Please Praise Bless Happy Lockdown Covid
    January February March April June July August September October November December Everyone Guys All
    """
)
#: A name between commas (APPOSITION) after the person it is (APPOSED): "the new girl in the
#: support group, Aleksandra,".
APPOSITION = Cued(Source(rf",\s+(?P<name>{NAME}(?:\s+{NAME})?)\s*[,—–(]"), ",")
APPOSED = re.compile(
    rf"\b(?i:a|an|the|one|this|that|another)\s+(?:\w+\s+){{0,2}}?(?:{PEOPLE}|{RELATIONS}|member|resident)\b"
    r"[^,.;:!?]{0,40}$"
)
#: "Our Kev's back in hospital": a family's way of naming one of its own (not "Our Lady's").
OUR_NAME = Cued(
    Source(rf"\b[Oo]ur\s+(?P<name>{NAME})(?=['’]s\b|\s+(?:has|had|is|was|got|gets|went|says|said|keeps)\b)"),
    "our Our",
)
NOT_OURS = words("Lady Lord Father Saviour Mother God Town Family Home House Club Team Church Parish Group")
CALLED = Cued(
    Source(
        rf"\b(?i:a|an|another|one|the|some|this)\s+(?:\w+\s+)?(?:{PEOPLE}|{RELATIONS})\s+"
        rf"(?:called|named|by the name of)\s+(?P<name>{NAME}(?:\s+{NAME})?)"
    ),
    "called name",
)
TITLED = Cued(
    Source(rf"\b(?:{TITLES})\.?\s+(?P<name>{NAME}(?:\s+{NAME})?)"),
    "Dr Doctor Mr Ms Miss Mx Prof Nurse Sister Matron Pastor Rev Fr Imam Rabbi",
)
FIRST_NAME = re.compile(rf"\b(?P<name>{NAME}(?:\s+{NAME})?)(?=\W)")
#: A full name whatever the first name, told as someone the writer knows: "Steph Morgan from the
#: support group", "Ellen Ward, the woman next to me". (Written to start with its capital, not
#: ``\b``, so that a search skips to the next capital in C.)
KNOWN_PERSON = re.compile(
    r"(?P<name>[A-ZÀ-Ý](?<!\w[A-ZÀ-Ý])[a-zà-ÿ]+\s+[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)"
    r"(?=\s*[,—–]\s*(?:who|a|an|the|my|our|from)\b|\s*\((?:my|our|a|the)\b|\s+(?:from|at|in|of)\s+(?:the|my|our)\s+"
    r"(?:\w+\s+){0,2}?(?:group|forum|ward|church|work|class|cohort|trial|study|clinic|unit|waiting\s+room|"
    r"office|school|gym|team|street|road|yoga|course|block))"
)
#: One name, told by where the writer knows the person from: "Magda from the support grp", "Keith off
#: the allotments", "Gerard in bay 4", "Deirdre from choir".
KNOWN_BY_PLACE = re.compile(
    r"(?P<name>[A-ZÀ-Ý](?<!\w[A-ZÀ-Ý])[a-zà-ÿ]+)(?:['’]s)?(?=\s+(?:(?:from|off|at|in)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?:\w+\s+){0,2}?(?:group|grp|forum|choir|church|chapel|mosque|temple|parish|work|job|class|allotments?|"
    r"bay|bed|ward|gym|pub|club|team|office|estate|village|cohort|unit)\b|next\s+door|down\s+the\s+road|"
    r"across\s+the\s+road|two\s+doors\s+down|round\s+the\s+corner))"
)
#: An animal's name: "our old dog Molly", "Charlie (our lab)".
PETS = r"dog|cat|puppy|pup|kitten|lab|labrador|spaniel|terrier|collie|horse|pony|rabbit|bunny|budgie|parrot|hamster|tortoise|pet"
PET_BEFORE = re.compile(rf"\b(?:{PETS})\s*,?\s*$", re.IGNORECASE)
PET_AFTER = re.compile(rf"\s*[,(]\s*(?:my|our|the)\s+(?:\w+\s+)?(?:{PETS})\b", re.IGNORECASE)
#: A public figure's or a body's name: "Michael J. Fox's foundation", "Oliver Sacks's books".
PUBLIC_NAME = re.compile(
    r"(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+)?(?:['’]s?)?\s+(?:foundation|trust|charity|books?|film|films|song|law|disease|"
    r"syndrome|research|fund|institute|centre|center|lecture|quote|line|talk|memoir|podcast|documentary|"
    r"interview|show|programme|program|series|biography|autobiography|album|channel|campaign|appeal|hospice)\b"
)
POSSESSIVE_S = re.compile(r"['’]s$")
#: Capitalised words: a FIRST_NAME match counts only if its first word is one in FIRST_NAMES.
CAPITALISED = re.compile(r"[A-Z][a-z]+")

#: Facts about a person's health beyond taking part in a study: conditions, symptoms, results (run
#: in lower case on folded text: only its matches' spans are used).
HEALTH_FACTS = folded_search(
    Source(
        r"\b(?:diagnos\w*|living with|lives with|suffer\w*|"
        r"MS|multiple sclerosis|lupus|cancer|tumou?r|chemo\w*|HIV|diabet\w+|depress\w+|anxiety|"
        r"dementia|parkinson'?s?|epilep\w+|stroke|arthritis|relaps\w*|flare\w*|symptom\w*|"
        r"side[- ]effects?|pregnan\w+|miscarr\w+|infection|hospital\w*|ward|ICU|surgery|"
        r"operation|MRI|biopsy|rehab|illness|ill|sick|disease|condition|disorder|syndrome|allerg\w+|"
        r"died|dying|passed away|funeral|results?|rash\w*|headaches?|seizures?|liver|kidneys?|"
        r"migraines?|pain|lesions?|autism|amputat\w+|hospice|motor neurone|panic|attacks?|poorly|unwell|chest|"
        r"pneumonia|sepsis|antidepressants?|chemo|struggling|cried|crying|miscarriage|"
        r"dialysis|sickle\s+cell|asthma|oxygen|COPD|emphysema|shingles|crohn['’]?s|colitis|coeliac|celiac|"
        r"alzheimer['’]?s|covid|long\s+covid|anorexi\w*|bulimi\w*|eating\s+disorder|bipolar|schizophreni\w*|"
        r"PTSD|OCD|ADHD|addict\w*|alcoholi\w*|overdose\w*|hepatitis|tuberculosis|TB|fibromyalgia|ME/CFS|"
        r"heart\s+attack|transplant|(?:hip|knee)\s+replacement|fractur\w+|broke\s+(?:his|her|their)\s+\w+|"
        r"hearing\s+aids?|deaf|blind|wheelchair|steroids|insulin|radiotherapy|immunotherapy|inpatient|"
        r"psychiatric|paralys\w+|dx(?:['’]?d)?|terminal|palliative|motor\s+neurone|sugar\s+was|"
        r"psoria\w+|eczema|dermatitis|pacemaker|heart\s+(?:failure|condition|surgery|disease)|angina|arrhythmi\w*|"
        r"atrial\s+fibrillation|leuka?emi\w*|lymphoma|myeloma|melanoma|sarcoma|carcinoma|mastectom\w*|lumpectom\w*|"
        r"glaucoma|cataracts?|macular|PCOS|endometriosis|thyroid|gout|osteoporosis|psychos[ie]s|psychotic|"
        r"suicid\w*|self[- ]harm\w*|(?:take|took|taken|taking)\s+(?:her|his|their)\s+own\s+life|A&E|"
        r"emergency\s+(?:room|department)|infected|(?:back\s+)?(?:to|in)\s+theatre|memory\s+(?:problems|loss)|"
        r"reaction\s+to\s+(?:the|her|his|their|a)\s+(?:\w+\s+)?"
        r"(?:jab|vaccine|vaccination|booster|drug|injection|infusion|medication|meds|medicine|tablets?|dose)|"
        r"CCU|NICU|intensive\s+care|alzheimer\w*)\b",
        re.IGNORECASE,
    )
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
    if _shouted(sentence):  # "MY SISTER NIAMH HAS MS": read as if written in the usual case
        for mention in mentions(sentence.title()):
            if mention.name.split()[0].lower() in FIRST_NAMES:
                yield mention
        return
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    # "my sister in law maeve", "my son's teacher miss hughes" (after a title, any surname)
    for match in RELATION_LOWER.finditer(sentence):
        name = match.group("name")
        if name in FIRST_NAMES or (match.group("title") and name not in LOWER_NOT_NAMES):
            taken.append(match.span("name"))
            yield Mention(match.start("name"), match.end("name"), match.group("name"), "relation")
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
    for pattern in (KNOWN_PERSON, KNOWN_BY_PLACE):
        for match in pattern.finditer(sentence) if later else ():
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
        if POSSESSIVE_S.sub("", words[0]).lower() not in FIRST_NAMES:  # "Kieran's"
            continue
        if len(words) == 2 and words[1] in NOT_NAMES:
            name = words[0]
        start = match.start("name")
        if free(start, start + len(name)):
            taken.append((start, start + len(name)))
            yield Mention(start, start + len(name), name, "first-name")


#: Lower-case words after "my son's teacher miss", not a surname.
LOWER_NOT_NAMES = words("and or but is was has had said says from at in on with to the a an who about")


def _opens_name(name: str) -> bool:
    """Whether ``name``, written with no comma before "my mum", is a name, not an opening word."""
    first = name.split()[0]
    if first in OPENERS:
        return False
    return first.lower() in FIRST_NAMES or not first.endswith("ly")


def further_mentions(sentence: str, found: tuple[Mention, ...]) -> Iterator[Mention]:
    """Names :func:`mentions` leaves to the privacy rules, which tie them to health: before a
    relation without a comma ("Thandiwe my coworker"), between commas after the person they are
    ("the new girl in the group, Aleksandra,") and after "our" ("Our Kev's back in hospital").

    A name after a comma or "our" is a capitalised word after the sentence's first character:
    a sentence without one is looked at only for a name before a relation."""
    taken = [(m.start, m.end) for m in found]
    later = CAPITALISED.search(sentence, 1) is not None
    for pattern in (NAME_RELATION_BARE, APPOSITION, OUR_NAME) if later else (NAME_RELATION_BARE,):
        for match in pattern.finditer(sentence):
            name, start = match.group("name"), match.start("name")
            if not _is_name(name) or any(part in NOT_PERSON_WORDS for part in name.split()):
                continue
            if pattern is NAME_RELATION_BARE and "(" not in match.group("sep") and not _opens_name(name):
                continue  # "Sadly my dad...": an opening word rather than a name
            if pattern is OUR_NAME and (name in NOT_OURS or STAFF.fullmatch(name)):
                continue
            if pattern is APPOSITION and not APPOSED.search(
                sentence, max(0, match.start() - 70), match.start()
            ):
                continue
            name = name.split()[0] if name.split()[-1] in NOT_NAMES else name
            if all(start + len(name) <= a or start >= b for a, b in taken):
                taken.append((start, start + len(name)))
                yield Mention(start, start + len(name), name, "relation")


def _shouted(sentence: str) -> bool:
    """Whether ``sentence`` is written in capitals (three words or more of them, and no lower case word)."""
    return LOWER_WORD.search(sentence) is None and len(SHOUTED_WORD.findall(sentence)) >= 3


SHOUTED_WORD = re.compile(r"\b[A-Z]{2,}\b")
LOWER_WORD = re.compile(r"\b[a-z]{2,}")


def sentence_mentions(seg: Segment, start: int, end: int) -> tuple[Mention, ...]:
    """The :func:`mentions` of the sentence ``seg.plain[start:end]``, found once for every rule."""
    key = ("mentions", start, end)
    found = seg.memo.get(key)
    if found is None:
        found = seg.memo[key] = tuple(mentions(seg.plain[start:end]))
    return found  # type: ignore[return-value]


def privacy_mentions(seg: Segment, start: int, end: int) -> tuple[Mention, ...]:
    """:func:`sentence_mentions` and :func:`further_mentions` of the sentence ``seg.plain[start:end]``."""
    key = ("privacy-mentions", start, end)
    found = seg.memo.get(key)
    if found is None:
        first = sentence_mentions(seg, start, end)
        found = seg.memo[key] = first + tuple(further_mentions(seg.plain[start:end], first))
    return found  # type: ignore[return-value]


def others(found: tuple[Mention, ...], own_names: frozenset[str]) -> list[Mention]:
    """The mentions in ``found`` of someone other than the writer (whose first names are ``own_names``)."""
    return [m for m in found if m.name.split()[0] not in own_names]


#: Health named only to be set aside: "we talked about everything except illness".
SET_ASIDE = re.compile(
    r"\b(?:except|apart\s+from|other\s+than|besides|but\s+not|not\s+about|(?:every|any)thing\s+but)\s+(?:\w+\s+)?$",
    re.I,
)


def _names(pattern: Cued, sentence: str) -> bool:
    """Whether ``sentence`` has a match of ``pattern`` that it does not set aside, or that names a
    body ("the MS Society")."""
    return any(
        not SET_ASIDE.search(sentence, 0, m.start()) and not ORGANISATION.match(sentence, m.end())
        for m in pattern.finditer(sentence)
    )


def public_name(sentence: str, mention: Mention) -> bool:
    """Whether the name is a public figure's or a body's, as in "Michael J. Fox's foundation"."""
    return PUBLIC_NAME.match(sentence, mention.end) is not None


def about_health_facts(sentence: str) -> bool:
    """Whether ``sentence`` tells of someone's health beyond their taking part in a study."""
    return _names(HEALTH_FACTS, sentence)


def about_participation(sentence: str) -> bool:
    return PARTICIPANT.search(sentence) is not None


#: The writer: a health fact in a clause whose subject is the writer is the writer's own.
FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll))\b", re.IGNORECASE)  # as the subject: not "drove me"
THIRD_PERSON = re.compile(r"\b(?:he|she|they|him|her|his|hers|their|them)\b", re.IGNORECASE)
#: Where a clause starts: a comma, a dash, a bracket or a conjunction.
CLAUSE_START = re.compile(
    r"[,;:—–()]|\b(?:and|but|because|so|when|while|since|after|before|who|which|although|though|if|until|as)\b",
    re.IGNORECASE,
)
#: "my MS", "our last MRI", "your results" (said to the writer): a health fact the writer owns
#: (not "my mum has MS").
MY_OWN = re.compile(
    rf"\b(?:my|our|your)\s+(?:(?!(?:{RELATIONS}|has|have|had|is|was|got|gets)\b)[\w-]+\s+){{0,2}}$",
    re.IGNORECASE,
)
#: "came to the MRI with me": the writer's appointment, with someone beside them.
WITH_ME = re.compile(r"\s+(?:with|for)\s+me\b", re.IGNORECASE)
#: "drove me to the hospital", "took me for my scan": the writer's appointment, someone helping.
ME_TO = re.compile(
    r"\bme\s+(?:to|into|for|from|at)\s+(?:(?:the|my|a|an|our)\s+)?(?:(?!(?:her|his|their)\b)[\w-]+\s+)?$",
    re.IGNORECASE,
)


#: A condition naming a body rather than someone's health: "the MS Society", "Diabetes UK".
ORGANISATION = re.compile(
    r"(?:['’]s)?\s+(?:Society|Trust|Foundation|Association|Alliance|Ireland|UK|Australia|Canada|Research|"
    r"Awareness|Council|Charity|Federation|Institute|Action|Network|Support\s+Line|Week|Month|Day)\b"
)
#: "made me soup after the chemo", "sat with me through the surgery": the writer's own treatment.
ME_DURING = re.compile(
    r"\bme\b(?:\s+(?!(?:her|his|their)\b)[\w'’-]+){0,4}\s+(?:after|before|during|through|since|at|from)\s+"
    r"(?:the|my|a|an)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "I've told nobody, not even Sharon, about the depression": what the writer tells is their own.
TOLD_ABOUT = re.compile(
    r"\bI(?:['’]ve|['’]d|\s+have|\s+had)?\s+(?:not\s+|never\s+|only\s+|just\s+)?(?:told|tell|mentioned|explained)\b"
    r"[^.;!?]{0,60}?\babout\s+(?:the|my|this)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: The writer's condition shared by another: "her husband has it too", "so does she", "has the same".
SHARED = re.compile(
    r"\b(?:she|he|they|(?:her|his|their)\s+\w+)\s+(?:has|had|have|got|gets)\s+(?:it|that|one|the\s+same(?:\s+\w+)?)"
    r"\s+(?:too|as\s+well|also)\b|\bso\s+(?:does|did|has)\s+(?:she|he|(?:her|his|their)\s+\w+)\b",
    re.IGNORECASE,
)


def about_their_health(sentence: str, mention: Mention) -> bool:
    """Whether ``sentence`` tells of the health of someone other than the writer: a health fact not
    set aside, not the writer's own ("my MRI", "when I was diagnosed", "came to the MRI with me"),
    or the writer's own shared by another ("about my MS ... her husband has it too")."""
    own = False
    for m in HEALTH_FACTS.finditer(sentence):
        before = sentence[: m.start()]
        if ORGANISATION.match(sentence, m.end()):
            continue
        if (
            SET_ASIDE.search(before)
            or MY_OWN.search(before)
            or ME_TO.search(before)
            or WITH_ME.match(sentence, m.end())
            or ME_DURING.search(before)
            or TOLD_ABOUT.search(before)
        ):
            own = True
            continue
        clause = before[max((c.end() for c in CLAUSE_START.finditer(before)), default=0) :]
        if FIRST_PERSON.search(clause) and not THIRD_PERSON.search(clause) and mention.name not in clause:
            own = True
            continue
        return True
    return own and SHARED.search(sentence, mention.end) is not None


def a_pet(sentence: str, mention: Mention) -> bool:
    """Whether the name is an animal's: "our old dog Molly", "Charlie (our lab)"."""
    return bool(PET_BEFORE.search(sentence, 0, mention.start) or PET_AFTER.match(sentence, mention.end))


#: A patient named by the clinician writing: "I remember a patient, Mrs Hartley, whose...".
PATIENT_BEFORE = re.compile(
    r"\b(?:patients?|client|resident)\b[\s,:—–-]{1,3}(?:(?:called|named)\s+)?\S{0,8}\s*$", re.I
)


def lay_titled(sentence: str, mention: Mention) -> bool:
    """Whether the name follows a title anybody may have ("Mrs O'Brien") in a sentence that does
    not make them a clinician at work, or makes them a patient."""
    if not LAY_TITLE.search(sentence, 0, mention.start):
        return False
    return CLINICIAN.search(sentence) is None or PATIENT_BEFORE.search(sentence, 0, mention.start) is not None


#: Who works in a clinic, after a name ("Kerry the diabetes nurse", "Sandra, the pharmacist") or
#: before it ("ward sister Orla", "the physio, Padraig"): a public role, as a title is.
STAFF_ROLE = (
    r"(?:nurse|sister|matron|pharmacist|physio\w*|doctor|consultant|registrar|GP|surgeon|dietitian|dietician|"
    r"counsell?or|psychologist|psychiatrist|therapist|receptionist|co-?ordinator|phlebotomist|radiographer|"
    r"midwife|HCA|technician|podiatrist|optician|dentist|paramedic|oncologist|neurologist|dermatologist|"
    r"endocrinologist|cardiologist|educator|specialist|chemist|porter)"
)
STAFF = re.compile(STAFF_ROLE, re.IGNORECASE)
STAFF_AFTER = re.compile(
    rf"\s*(?:,|\(|[—–-])?\s*(?:who\s+is\s+)?(?:the|my|our|a|an|his|her)\s+(?:[\w-]+\s+){{0,2}}?{STAFF_ROLE}\b(?!['’]s)",
    re.IGNORECASE,
)
STAFF_BEFORE = re.compile(rf"(?P<owner>\b\w+\s+)?(?:[\w-]+\s+)?{STAFF_ROLE}\s*[,:]?\s*$", re.IGNORECASE)
OWNERS = words("my his her our their your")


def staff(sentence: str, mention: Mention) -> bool:
    """Whether the name is a member of staff's, by the role beside it (not "my sister Orla")."""
    if STAFF_AFTER.match(sentence, mention.end):
        return True
    before = STAFF_BEFORE.search(sentence, max(0, mention.start - 40), mention.start)
    if before is None:
        return False
    owner = (before.group("owner") or "").strip().lower()
    return not (owner in OWNERS and re.search(r"sister\W*$", before.group(0), re.IGNORECASE))
