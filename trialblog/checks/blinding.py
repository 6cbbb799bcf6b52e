"""``blinding.*``: posts in the blinded period that guess the arm, try to find it out, or help
others guess theirs.

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
from .text import DIGIT, Cued, CueIndex, Segment, Source, folded_search, words

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
PROBE = define(
    "blinding.unblinding-attempt",
    Severity.ERROR,
    "trying to find out your arm: tasting, weighing or opening the study drug, private drug-level tests, asking staff",
    "take it out, and tell the study team: finding out your arm spoils your results, and others may copy it",
)

#: A trial's own arm and intervention names, as :func:`_masked` writes them: the same patterns
#: serve every trial.
TERM = "q"
ARM_TERM = rf"{TERM * 3}{TERM}*(?!\s+(?:study|trial|leaflet|sheet))"
#: What a dummy tablet is said to be made of: "just chalk", "nothing but starch".
_FILLER = r"(?:just|only|nothing\s+but|pure|plain)\s+(?:chalk|starch|flour|lactose|filler|sawdust)"
#: "placebo" as people spell it: "plasebo", "placibo".
_PLACEBO = r"pla[cs][aei]bos?(?![- ](?:effect|response|controlled|control\b|tablets?\s+are\s+made))"
#: Other trials' forms of the study treatment: creams, patches, inhalers, pens, vaccines, devices
#: (with "real", "fake" or "dummy"; "the right pen" is no arm).
_FORMS = (
    r"creams?|gels?|ointments?|lotions?|patch(?:es)?|inhalers?|sprays?|pens?|sachets?|vaccines?|shots?|insulin|"
    r"biologics?|devices?|stimulators?|headsets?|implants?|coils?|machines?|sessions?|antidepressants?"
)
#: What a sham device is said to be: "the switched-off stimulator".
_SWITCHED_OFF = (
    r"(?:switched|turned|powered)[- ]off\s+(?:device|stimulator|headset|machine|unit|coil|implant|one)s?"
)
_GOOD = r"real|actual|proper|true|genuine|active|good|right"
_DRUG_WORDS = (
    r"drugs?|thing|stuff|deal|medicine|medication|meds|pills?|tablets?|capsules?|treatment|injections?|jabs?|"
    r"infusions?|ones?|version|dose|substance|ingredient|article|medicaments?"
)
#: The ways to name an arm outright, each with its cues (and more lists of cues, as ``Cued``'s
#: ``also``): any match of one has a word of each list.
STRONG_ARMS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        rf"{_PLACEBO}|sugar[\s-]+pills?|dummy\s+(?:{_DRUG_WORDS}|{_FORMS})\b|salt\s+water|saline|"
        rf"sham(?:\s+(?:treatment|procedure|device|stimulation|arm|group))?|{_FILLER}|duds|"
        r"(?<!in\sthe\s)(?<!fill\sthe\s)blanks|the\s+dumm(?:y|ies)\b(?!\s+(?:run|fell|dropped))|dummies|"
        r"tic[- ]?tacs|smarties|vehicle\s+(?:cream|gel|ointment|lotion|foam)",
        "placebo plasebo placibo placabo plasibo plasabo sugar dummy dummies salt saline sham chalk starch flour"
        " lactose filler sawdust duds blanks tic smarties vehicle",
        (),
    ),
    (
        r"(?:just|nothing\s+but)\s+(?:salt\s+)?water\b(?!\s+retention)|"
        r"(?:other\s+than|anything\s+but)\s+['‘\"]?(?:active|real|drug|dummy|sham)\b",
        "water active real drug dummy sham",
        ("just nothing than but",),
    ),
    (
        rf"(?:real|actual|proper|true|genuine|active|fake|dud|pretend|inert|inactive|blank|empty)\s+(?:{_FORMS})\b|"
        rf"{_SWITCHED_OFF}",
        "real actual proper true genuine active fake dud pretend inert inactive blank empty off",
        ("cream gel ointment lotion patch inhaler spray pen sachet vaccine shot insulin biologic device stimulator"
         " headset implant coil machine session antidepressant unit one",),
    ),  # fmt: skip
    (
        r"(?:won|win|winning|hit)\s+the\s+(?:randomi[sz]ation|allocation|trial|study|placebo)\s+(?:lottery|jackpot)",
        "lottery jackpot",
        (),
    ),
    (
        rf"(?:{_GOOD})\s+(?:{_DRUG_WORDS})",
        "real actual proper true genuine active good right",
        ("drug thing stuff deal medic meds pill tablet capsule treatment injection jab infusion one version dose"
         " substance ingredient article",),
    ),  # fmt: skip
    (
        r"(?:real|actual|genuine|active)\s+(?:compound|preparation|formulation|product|agent)|real\s+mccoy",
        "real actual genuine active",
        ("compound preparation formulation product agent mccoy",),
    ),
    (
        rf"(?:fake|dud|pretend|inert|inactive|blank|empty)\s+(?:{_DRUG_WORDS})",
        "fake dud pretend inert inactive blank empty",
        (),
    ),
    (
        r"(?:treatment|drug|control|experimental|intervention|comparator|active|inactive|placebo|medicine|high[- ]dose|"
        r"low[- ]dose|\d+\s?mg)\s+(?:arm|group)|"
        r"(?:arm|group)\s+(?:with|of|on)\s+the\s+(?:\w+\s+)?(?:drug|medicine|medication|placebo)",
        "arm group",
        (),
    ),
    (r"(?:high|higher|low|lower|top)\s+dose", "dose", ("high low top",)),
    (
        r"the\s+\d+(?:[.,]\d+)?\s?mg\b(?!\s+(?:of|dose|doses|tablets?|pills?|capsules?|a|per|each|every|daily)\b)",
        "mg",
        (),
    ),
    (
        r"(?:stuff|ones?|drug|pills?|tablets?|medicine)\s+that\s+(?:actually\s+)?(?:works?|does\s+something)",
        "work something",
        ("stuff one drug pill tablet medicine",),
    ),
    (ARM_TERM, TERM * 3, ()),
)
STRONG_ARM = "|".join(pattern for pattern, _, _ in STRONG_ARMS)
WEAK_ARM = (
    rf"(?:study|trial|investigational|experimental)\s+(?:drug|medication|medicine|product|treatment|{_FORMS})|"
    r"(?:wonder|miracle|magic)\s+(?:drugs?|pills?|tablets?|stuff|medicine|meds)|drug|medication|medicine|it"
)
#: What every guess names: an arm, the drug, a group, or the writer on or in something (single
#: spaces: the phrases are cues, which must be spelled out).
GUESS_GATE = (
    r"\b(?:drugs?|medicine|medication|meds|groups?|arms?|on it|I['’]?m (?:on|in)|I am (?:on|in)|"
    r"which (?:box|kit|pack|bottle))\b"
)
#: Every arm STRONG_ARM or WEAK_ARM names has one of these words.
ARM_CUES = (
    "placebo sugar dummy salt saline sham real actual proper true genuine active good right fake dud pretend"
    " arm group dose drug med it qqq work something chalk starch flour lactose filler sawdust blank inert inactive"
    " empty wonder miracle magic mg treatment product mccoy plasebo placibo placabo plasibo plasabo dummies water tic"
    " smarties vehicle than but off lottery jackpot cream gel ointment lotion patch inhaler spray pen sachet vaccine"
    " shot insulin biologic device stimulator headset implant coil machine session antidepressant"
)
FIRST_PERSON = re.compile(
    r"\b(?:I|I['’]?m|I['’]?ve|I['’]d|id(?=\s+(?:put|say|bet|guess|think|reckon|wager)\b)|me|my|mine|myself|for\s+me)\b",
    re.IGNORECASE,
)
#: In a reader's reply, the writer is "you": a guess at the writer's arm is as harmful as their own.
READER_PERSON = re.compile(FIRST_PERSON.pattern[:-3] + r"|you|you['’]?re|your|yours|yourself)\b", re.IGNORECASE)
#: What a reader's guess at the writer's arm names besides what :data:`GUESS_GATE` does.
READER_GATE = r"\b(?:you['’]?re (?:on|in)|you are (?:on|in)|you were (?:on|in))\b"
CERTAIN = folded_search(
    Source(
        r"\b(?:think|thinks|thinking|thought|guess|guesses|guessing|bet|bets|betting|reckon|reckons|suspect|suspects|"
        r"sure|certain|convinced|positive|no\s+question|"
        r"confident|feel\s+like|feels\s+like|must|probably|definitely|clearly|obviously|surely|likely|"
        r"certainly|no\s+doubt|obvious|evident|clear|wager|strong\s+feeling|hardly|estimate[sd]?|"
        r"put\s+(?:my\s+|the\s+)?(?:money|house|mortgage|shirt|savings|life)\s+on|odds[- ]on|"
        r"better\s+than\s+(?:an\s+)?even|(?:two|three|four|five|six|ten|a\s+hundred|\d+)\s+to\s+(?:one|1)|"
        r"heart\s+of\s+hearts|"
        r"(?<!let\sme\s)know|knew|assume|assuming|hunch|gut|money['’]?s\s+on|money\s+is\s+on|odds\s+are|seems?|"
        r"appears?|looks?\s+like|I['’]?d\s+say|100%|\d+\s?(?:%|percent|per\s+cent)|\d+/\d+|pretty\s+much|"
        r"(?:has|have|got|gotta)\s+to\s+be|gotta\s+be|can['’]?t\s+be|cannot\s+be|no\s+way|"
        r"(?:zero|no|not\s+a)\s+chance|tells?\s+me|means?|proves?|explains?|giveaway|give\s+away|"
        r"confirms?|confirmed|would\s+explain|sign\s+that|instinct|intuition|impression|opinion|believe|"
        r"verdict|conclusion|call(?:ing|ed)?\s+it|lean(?:ing)?\s+towards?|points?\s+to|answers?\s+that|"
        r"settles?\s+it|case\s+closed|only\s+happens?|innit|in\s+my\s+bones|feeling|suspicion|decided|"
        r"safe\s+to\s+say|for\s+sure|deff?o|worked\s+out|figured\s+out|sticking\s+with|"
        r"(?:every|all\s+the)\s+signs?|signs?\s+(?:say|says|point)|predict\w*|agree|lay\s+odds|conclusions|"
        r"(?:sixty|seventy|eighty|ninety)[- ](?:forty|thirty|twenty|ten)|"
        r"expect(?:ing)?\s+(?:to\s+)?(?:hear|be\s+told|find\s+out|learn|discover)|firmly\s+of\s+the\s+view)\b",
        re.IGNORECASE,
    )
)
HYPOTHETICAL = folded_search(
    Source(
        r"\b(?:if(?!\s+(?:I['’]m|I\s+am)\s+(?:being\s+)?(?:\w+\s+)?(?:honest|truthful|frank)|\s+you\s+ask\s+me|\s+anything|"
        r"\s+I\s+(?:had|have)\s+to\s+(?:guess|bet|say|put|pick|choose)|"
        r"\s+I\s+(?:were|was)(?:\s+(?:a\s+betting\s+\w+|to\s+(?:bet|guess|say|pick)))?,?\s+I['’]?d\s+"
        r"(?:put|bet|say|go|guess|wager|pick))|whether|whichever|"
        r"whatever(?!\s+(?:the\s+\w+|they|he|she|people|anyone|everyone)\s+(?:says?|said|thinks?|tells?))|"
        r"in\s+case|even\s+if|regardless|no\s+matter|either|might\s+be|could\s+be|may\s+be|"
        r"(?<!than\s)(?<!than\san\s)(?<!than\sa\s)(?:a|an|even|equal|50%|50/50|fifty[- ]fifty)\s+chance|wonder(?:ing)?(?!\s+(?:drugs?|pills?|stuff))|"
        r"imagine|what\s+if|fingers\s+crossed|hop(?:e|es|ing|efully)|pray(?:ing)?|wish(?:ing)?|touch\s+wood|"
        r"(?<!I\s)suppos(?:e|ing)|"
        r"or\s+not|or\s+no\s+\w+|would\s+be\s+(?:easy|tempting)|tempt\w*|convince\s+myself)\b",
        re.IGNORECASE,
    )
)
NOT_KNOWING = folded_search(
    Source(
        r"\b(?:(?:don['’]?t|do\s+not|doesn['’]?t|does\s+not|can['’]?t|cannot|couldn['’]?t|could\s+not|won['’]?t|"
        r"will\s+not|never|"
        r"not\s+going\s+to|no\s+way\s+to|refuse\s+to|try(?:ing)?\s+(?:hard\s+)?not\s+to|not\s+allowed\s+to|"
        r"not\s+supposed\s+to|shouldn['’]?t|should\s+not|mustn['’]?t|must\s+not|no\s+point)\s+"
        r"(?:\w+\s+){0,3}?(?:know|knowing|tell|guess|speculate|say|mean|prove|read|work\s+(?:it\s+)?out|"
        r"figure\s+(?:it\s+)?out|assume|play)|no\s+idea|no\s+clue|not\s+guessing|without\s+guessing|"
        r"not\s+sure|unsure|nobody\s+knows|no\s+one\s+knows|don['’]?t\s+know|not\s+knowing|impossible\s+to|"
        r"no\s+guess(?:es)?)\b",
        re.IGNORECASE,
    )
)
CLAUSE_BREAK = folded_search(
    Source(
        r"(?<!nothing)(?<!anything),?\s+\bbut\b|,?\s+\b(?:though|although|however|yet)\b|;|:|\s[-–—]\s",
        re.IGNORECASE,
    )
)
_ON_AN_ARM = (
    r"\s+(?:[\w'’]+\s+){0,3}?(?:on|in|one\s+of|getting|taking|take|took|receiving|receive|received|given|got|"
    r"drew|drawn|assigned\s+to|randomi[sz]ed\s+(?:to|into)|allocated(?:\s+to)?|put\s+(?:on|in)|have|has|had)\s+"
    r"(?:the\s+|a\s+|an\s+|my\s+)?"
)
BEING_ON = (
    r"\bI(?:['’]?m|\s+am|['’]ve\s+been|['’]ve|\s+have\s+been|\s+was|\s+must\s+be|\s+must\s+have\s+been|"
    r"\s+got|\s+get|\s+have|\s+had|\s+ended\s+up|\s+landed|\s+seem\s+to\s+be|\s+appear\s+to\s+be)?"
    + _ON_AN_ARM
)
#: The parent a carer writes for (the participant), or the writer as their child names them.
PARENT = r"mum|mom|mam|mummy|mommy|mother|dad|daddy|father|gran|granny|nan|nana|nanna|grandma|grandad|grandpa|oma|opa"
PARENT_WORD = re.compile(rf"\b(?:{PARENT})\b", re.IGNORECASE)
#: Being on an arm said of that parent: "Mum's on the real drug", "she's getting the dummy one".
CARED_ON = (
    rf"\b(?:(?:(?:my|our|her|his)\s+)?(?:{PARENT})|she|he)(?:['’]s|\s+is|\s+was|\s+must\s+be|['’]s\s+been|\s+has\s+been)"
    + _ON_AN_ARM
)
#: Being on an arm said of "we" the writer is one of, or of "me": "we're both on the real thing",
#: "that's me on the drug then".
WE_ON = (
    r"\b(?:we['’]?re|we\s+are|we['’]ve\s+been|we\s+have\s+been|we\s+must\s+be|that['’]?s\s+(?:me|us)|thats\s+(?:me|us))"
    + _ON_AN_ARM
)
#: Being on an arm as a reader says it of the writer or of themselves.
READER_BEING_ON = (
    r"\b(?:I|you)(?:['’]?m|['’]re|\s+am|\s+are|\s+were|['’]ve\s+been|\s+have\s+been|\s+was|\s+must\s+be|"
    r"\s+must\s+have\s+been|\s+got|\s+get|\s+have|\s+had|\s+ended\s+up|\s+landed|\s+seem\s+to\s+be|"
    r"\s+appear\s+to\s+be)?" + _ON_AN_ARM
)
#: "I'm on the drug": in a blinded trial, the study drug as against the placebo ({who}: "I", or
#: "I" and "you" in a reader's reply).
ON_THE_DRUG = (
    r"(?:\b(?:{who})(?:['’]?m|['’]?re|\s+am|\s+are)\s+(?:\w+\s+)?|\b(?:as|like)\s+me\s+(?:\w+\s+){{0,3}}?"
    r"(?:must|has\s+to|have\s+to|gotta)\s+be\s+)on\s+the\s+(?:drug|medicine|medication|meds)\b"
    r"(?!\s+(?:for|since|every|each|daily|twice|once|company|trial|study))"
)
#: "That's the drug" of a symptom, said with certainty: the writer on it.
IT_IS_THE_DRUG = (
    r"\b(?:that['’]?s|thats|it['’]?s|this\s+is|must\s+be|has\s+to\s+be|gotta\s+be)\s+(?:\w+\s+)?the\s+"
    r"(?:drug|medicine|medication|meds)\b(?!['’]s|\s+(?:for|company|companies|trial|study|name|leaflet|itself)\b)"
)
ON_DRUG = r"(?:the\s+)?(?:drug|medicine|meds)\b(?!\s+(?:for|since|every|each|daily|company|trial|study))"
IT_IS = (
    r"\b(?:it['’]?s|it\s+is|this\s+is|that['’]s|these\s+are|they['’]re|must\s+be|(?:has|have|got)\s+to\s+be|"
    r"gotta\s+be|(?:that|this|which|it)\s+means|(?:it|this|that|mine|my\s+\w+)\s+(?:isn['’]?t|is|was|wasn['’]?t)|"
    r"can['’]?t\s+(?:have\s+)?be(?:en)?)\s+(?:\w+\s+){0,2}?(?:the\s+|a\s+)?"
)
#: Words a one-line verdict ("Placebo, then.", "Definitely the real thing.") may have besides the arm.
VERDICT_WORDS = frozenset(
    ["honestly", "definitely", "definately", "deffo", "defo", "def", "yep", "yeah", "yes", "nope", "no", "not", "then", "for", "sure", "surely", "so", "well", "ok", "okay", "verdict", "conclusion", "calling", "it", "now", "called", "i", "reckon", "think", "guess", "bet", "totally", "clearly", "obviously", "probably", "100%", "it's", "its", "innit", "sadly", "lol", "tbh", "ngl", "me", "the", "a", "that", "one", "my", "money", "on", "is", "be", "must", "this", "i'm", "im", "am"]
)
#: Being one of an arm's people: "team placebo", "the placebo club", "placebo buddies".
ARM_CROWD = (
    r"\b(?:team|club|crew|gang|squad|camp)\s+(?:{arm})\b|\b(?:{arm}|drug|real|active|dummy|control)(?:[- ](?:group|arm))?\s+(?:club|crew|"
    r"gang|squad|camp|people|person|patients?|buddies|brigade|lot|mob)\b|\b(?:{arm}|dummy|control)\s+(?:girl|guy|"
    r"boy|lady|man|woman|bloke|kid)\b"
)
#: Evidence said to point to an arm, whoever reads it: "every sign says high dose".
EVIDENCE = folded_search(
    Source(
        r"\b(?:(?:every|all\s+the)\s+signs?|signs?\s+(?:say|says|point)|everything\s+points|points?\s+to|"
        r"verdict|conclusion|out\s+on\s+a\s+limb|my\s+(?:gut|instinct|money|bet|guess|prediction|impression|feeling)|"
        r"(?:gut|instinct)\s+(?:says|tells)|(?:symptoms?|body|results?)\s+(?:say|says|tell|tells|point|points|scream|screams)|"
        r"theory|hypothesis|signature|hallmark|calling\s+card|trademark|tell[- ]?tale|(?:a|the|classic|dead)\s+tell\s+for)\b",
        re.IGNORECASE,
    )
)
CROWD_CUES = "team club crew gang squad camp people person patient buddies brigade lot mob girl guy boy lady man woman bloke kid"
#: The crowds of :data:`ARM_CROWD` that the guess gate's other patterns miss: any other names an
#: arm (found by its STRONG_ARMS pattern), the drug, a group or an arm ("team placebo", "drug
#: buddies", "control-group lot").
GATE_CROWD = (
    r"\b(?:real|active|dummy|control)\s+(?:club|crew|gang|squad|camp|people|person|patients?|buddies|brigade|lot|mob)\b|"
    r"\b(?:dummy|control)\s+(?:girl|guy|boy|lady|man|woman|bloke|kid)\b"
)
SURE_IF = folded_search(
    Source(
        r"\b(?:shocked|surprised|amazed|stunned|gobsmacked|floored|astonished)\s+if\s+(?:I|my|mine|the\s+(?:unblinding|"
        r"letter|results?|envelope|e-?mail|answer)|they\s+(?:tell|say))\b|\b(?:surprise|shock)\s+me\s+"
        r"(?:\w+\s+){0,3}?if\s+I\b|\beat\s+my\s+(?:\w+\s+)?(?:hat|shoes?|trainers|boots|socks|words|slippers)\b|"
        r"\bI\s+don['’]?t\s+know\s+what\s+is\b|\bmonkey['’]?s\s+uncle\b|\bI['’]?m\s+a\s+(?:dutchman|monkey)\b|"
        r"\b(?:most\s+(?:powerful|amazing|effective|incredible|impressive)|one\s+hell\s+of\s+a|strongest)\s+placebo\b|"
        r"\bif\s+(?:it|this|that|I|these|they)\s+(?:was|were|had\s+been)\b[^.!?;]{0,40}?\b(?:I|it|they)\s+"
        r"(?:wouldn['’]?t|would\s+not|would\s+never|couldn['’]?t|could\s+not)\b"
        r"(?!\s+(?:mind|care|know|be\s+(?:upset|sad|bothered|disappointed|angry|told)))",
        re.IGNORECASE,
    )
)
#: Knowing one's group without naming it: "I know which group I'm in", "no doubt which arm",
#: "I've drawn my own conclusions about my arm", "you can guess my group".
KNOW_GROUP = folded_search(
    Source(
        r"(?:\bI(?:['’]ve|\s+have)?\s+(?:know|knew|worked\s+out|figured\s+out|cracked|sussed(?:\s+out)?)|"
        r"\bno\s+(?:doubt|question)(?:\s+(?:about|as\s+to))?|\bconclusions?\s+(?:about|on|as\s+to)|"
        r"\byou\s+(?:can|could|may|might)\s+(?:\w+\s+)?(?:guess|work\s+out|figure\s+out|imagine|tell)|"
        r"\b(?:tells|shows)\s+(?:you|us|everyone))\s+"
        r"(?:which|what|my)\s+(?:\w+\s+){0,2}?(?:group|arm|I['’]?m\s+(?:on|in)|I\s+am\s+(?:on|in)|"
        r"(?:box|kit|pack|bottle)\s+I(?:['’]ve|['’]m|\s+have|\s+am|\s+was|\s+got))\b",
        re.IGNORECASE,
    )
)
_DUMMY = r"(?:sugar[\s-]+pills?|pla[cs][aei]bos?(?:\s+\w+)?|dummy\s+\w+|salt\s+water|saline)"
#: Reasoning that rules an arm out or in: "no sugar pill does that", "nobody feels this on a placebo",
#: "people on placebo don't ...", "which only happens on the drug".
NOTHING_ELSE_DOES = folded_search(
    Source(
        rf"\bno\s+(?:way\s+(?:a|an|the)\s+)?(?:\w+\s+)?{_DUMMY}\s+(?:does|do|would|could|can|will|gives?|makes?)\b"
        rf"|\b(?:nobody|no\s+one)\s+\w+[^.!?;]{{0,25}}?\bon\s+(?:a\s+)?{_DUMMY}"
        rf"|\b(?:people|patients|folks|those|anyone)\s+on\s+(?:a\s+|the\s+)?{_DUMMY}\s+(?:don['’]?t|do\s+not|"
        r"wouldn['’]?t|won['’]?t|never|can['’]?t|cannot)\b(?!\s+(?:always|necessarily|all|just|only)\b)"
        rf"|\b{_DUMMY}\s+(?:doesn['’]?t|does\s+not|don['’]?t|can['’]?t|won['’]?t|wouldn['’]?t)\s+(?:do|make|give|cause)"
        r"(?:\s+(?:that|this|these)\b|\s*(?:[,.;!]|$))"
        r"|\b(?:doesn['’]?t|does\s+not|don['’]?t|wouldn['’]?t|never|can['’]?t)\s+(?:happen|occur)\s+(?:with|on)\s+"
        rf"(?:a\s+|the\s+)?{_DUMMY}"
        r"|\bonly\s+(?:ever\s+)?(?:happens?|occurs?|seen|get|gets)\s+(?:\w+\s+){0,2}?(?:on|with|from)\s+(?:the\s+)?"
        r"(?:drug|medicine|medication|meds|real\s+\w+|active\s+\w+)\b",
        re.IGNORECASE,
    )
)

# Trying to find out: investigating the study drug, drug levels, asking staff, peeking.
_STUDY_DRUG = (
    r"capsules?|caps|tablets?|pills?|powder|vials?|pens?|liquid|syringe|(?:over-?)?label|contents|blisters?|boxe?s?|"
    r"kits?|coating|shell|sticker|patch(?:es)?|sachets?"
)
#: A study device, which a sham arm switches off.
_DEVICE = r"device|stimulator|headset|unit|coil|implant|machine|inhaler"
#: What a tested or examined thing is steeped in, put under or weighed on.
_TEST_BED = (
    r"water|vinegar|iodine|bleach|juice|lemon|acid|alcohol|vodka|microscope|blacklight|black\s+light|UV|light|lamp|"
    r"torch|scales?|flame|lighter|window|sunlight|sun|cola|coke|milk|tea|coffee"
)
PROBE_ACT = Cued(
    Source(
        r"\b(?:weigh\w*|tast(?!\w*\s+nothing)\w*|lick\w*|bit(?:e|ing)?\s+(?:into|on)|chew\w*|dissolv\w*|"
        r"crush\w*|crack\w*(?:\s+open)?|snapp?\w*|split\w*\s+open|cut\w*\s+open|broke\s+open|break\w*\s+open|peel\w*|"
        r"analy[sz]\w*|identify|shone|shine|shining|opened|open(?:ing)?(?![- ]label)|rubb?\w*|scrap\w*|scratch\w*|smell\w*|"
        r"lift\w*|steam\w*|"
        r"sniff\w*|float\w*|soak\w*|dunk\w*|submerg\w*|melt\w*|burn\w*)\s+(?:\S+\s+){0,5}?"
        rf"(?:{_STUDY_DRUG})\b"
        rf"|\b(?:dropp?\w*|put|putting|placed|popped|stuck|held|hold\w*)\s+"
        rf"(?:(?:\S+\s+){{0,4}}?(?:{_STUDY_DRUG})|it|them|one)\s+"
        rf"(?:\S+\s+){{0,2}}?(?:in|into|under|on|up\s+to)\s+(?:\S+\s+){{0,3}}?(?:{_TEST_BED})\b"
        rf"|\b(?:sen[dt]\w*|post(?:ed|ing)?|gave|give|giving|brought|bring\w*)\s+(?:\S+\s+){{0,4}}?(?:{_STUDY_DRUG})\b"
        r"[^.!?]{0,40}?\b(?:lab|laboratory|chemist|analy[sz]\w*|test\w*)\b"
        rf"|\bcompar\w*\s+(?:\S+\s+){{0,3}}?(?:markings?|imprints?|codes?|colou?rs?|shapes?|sizes?|tastes?|smells?)\s+"
        rf"(?:\S+\s+){{0,3}}?(?:{_STUDY_DRUG})\b[^.!?]{{0,40}}?\b(?:with|to|against)\b"
        r"|\b(?:smell\w*|sniff\w*|tast\w*|weigh\w*|inspect\w*|examin\w*)\s+(?:each|every)\s+(?:dose|one)\b"
        rf"|\b(?:took|take|taking|pull\w*|pris\w+|priz\w+)\s+(?:\S+\s+){{0,4}}?(?:{_STUDY_DRUG})\s+apart\b"
        r"|\b(?:crush\w*|dissolv\w*|weigh\w*|crack\w*|snapp?\w*|lick\w*)\s+(?:one|ones|it|them|a\s+couple)\b"
        r"|\bshow\w*\s+(?:\w+\s+)?(?:my\s+)?(?:tablets?|capsules?|pills?)\s+to\b"
        r"|\bshowed\s+(?:her|him|them)\s+(?:my\s+)?(?:tablets?|capsules?|pills?)\b"
        r"|\b(?:googl\w+|look\w*\s+up|search\w*(?:\s+for)?)\s+(?:\S+\s+){0,3}?(?:batch|lot|kit|box|pack|code|imprint)\b"
        r"|\b(?:batch|lot|kit|product|pack|imprint)\s+(?:code|number|no)\b[^.!?]{0,40}?\b(?:look\w*|search\w*)\s+"
        r"(?:it|them)\s+up\b",
        re.IGNORECASE,
    ),
    "weigh tast lick bit chew dissolv crush crack snap open peel analy identify shone shine shining drop rub apart"
    " googl look search show scrap scratch smell sniff float soak dunk submerg melt burn put placed popped stuck held"
    " hold sen post gave giv brought bring compar inspect examin lift steam",
    spans_only=True,
)
#: More of the same, with words too common to look for alone: the study drug tipped into a test
#: bed, taken to a lab, a device's back taken off.
PROBE_MORE_ACTS = Cued(
    Source(
        rf"\b(?:empt\w*|tipp?\w*|pour\w*)\s+(?:(?:\S+\s+){{0,4}}?(?:{_STUDY_DRUG})|it|them|one)\s+(?:\S+\s+){{0,2}}?"
        rf"(?:in|into|under|on|over)\s+(?:\S+\s+){{0,3}}?(?:{_TEST_BED})\b"
        rf"|\b(?:took|take|taking|carried)\s+(?:\S+\s+){{0,4}}?(?:{_STUDY_DRUG})\b[^.!?]{{0,40}}?\b(?:lab|laboratory|chemist|"
        r"analy[sz]\w*|test\w*)\b"
        r"|\b(?:pop\w*|pris\w*|priz\w*|pried|took|take|taking|unscrew\w*|pull\w*|pry\w*)\s+(?:the\s+)?(?:back|cover|casing|"
        rf"case|lid)\s+off\s+(?:\S+\s+){{0,2}}?(?:{_DEVICE})\b",
        re.IGNORECASE,
    ),
    "empt tip pour took tak carried pop pris priz pried unscrew pull pry",
    spans_only=True,
    also=["water vinegar iodine bleach juice lemon acid alcohol vodka microscope light uv lamp torch scale flame lighter"
          " window sun cola coke milk tea coffee lab chemist analy test device stimulator headset unit coil implant"
          " machine inhaler"],
)  # fmt: skip
#: The tools of finding out (scales, a microscope, a lab, one's tongue): an attempt only where
#: the study drug, one's blood or its levels are what they are used on (see :data:`STUDY_THING`).
PROBE_TOOL = Cued(
    Source(
        r"\b(?:kitchen|baking|precision|jewell?er['’]?s|digital|weighing|postal|letter)\s+scales?\b"
        r"|\b(?:microscope|magnifying\s+glass|magnifier|loupe|UV\s+torch|blacklight|chemist|pathology|"
        r"lab(?:oratory)?|tongue|multi-?meter|volt-?meter|oscilloscope|gauss\s*meter)\b",
        re.IGNORECASE,
    ),
    "scale microscope magnif loupe torch blacklight chemist pathology lab tongue meter oscilloscope",
    spans_only=True,
)
#: Smelling or tasting "it", and holding the study drug up against a reference (photos, adverts,
#: the commercial product): an attempt only where the study drug is what "it" is (see :data:`STUDY_THING`).
PROBE_SENSE = Cued(
    Source(
        r"\b(?:sniff\w*|smelt|smelled|tasted|licked)\s+(?:it|them)\b"
        r"|\b(?:compar\w*|match\w*|check\w*|held|hold\w*)\b[^.!?]{0,50}?\b(?:with|to|against|up\s+to)\s+(?:\S+\s+){0,4}?"
        r"(?:pictures?|photos?|images?|adverts?|advertisement|website|youtube|tiktok|reddit|"
        r"ones\s+(?:\S+\s+){0,4}?(?:from|at)\s+the\s+(?:chemist|pharmacy|shop))\b"
        r"|\blooks?\s+like\s+(?:the\s+)?(?:commercial|branded|shop[- ]bought|marketed|licensed)\b",
        re.IGNORECASE,
    ),
    "sniff smel tasted licked picture photo image advert website youtube tiktok reddit chemist pharmacy shop"
    " commercial branded bought marketed licensed",
    spans_only=True,
    also=["sniff smel tasted licked compar match check held hold look"],
)
STUDY_THING = re.compile(
    rf"\b(?:{_STUDY_DRUG}|{_DEVICE}|creams?|gels?|ointments?|doses?|drug|meds|medication|medicine|blood|levels?|"
    rf"{TERM * 3}{TERM}*)\b",
    re.IGNORECASE,
)
#: Opening a box or pack is what taking a dose takes; opening a capsule or cracking one is not.
OPENING_A_PACK = re.compile(r"^open\w*\s+(?:\S+\s+){0,5}?(?:boxe?s?|kits?|packs?|pens?|blisters?)\b", re.IGNORECASE)
PROBE_LEVELS = Cued(
    Source(
        r"\b(?:private(?:ly)?|at-home|home|own)\s+(?:blood\s+)?(?:tests?|lab|labs|clinic|kit|bloods|blood\s+work)\b|"
        r"\b(?:lymphocyte|white\s+(?:blood\s+)?cell|full\s+blood)\s+(?:counts?|tests?)\b|\btest\s+kit\b|"
        r"\bprivate(?:ly)?\s+(?:\w+\s+)?tests?\b",
        re.IGNORECASE,
    ),
    "test lab clinic kit blood count",
    spans_only=True,
    also=["private home own lymphocyte cell full kit"],
)
#: ... and the markers of the drug's effect that such a test would read.
PROBE_MARKERS = Cued(
    Source(r"\bfinger-?prick|\blymphocytes\b|\bwhite\s+(?:blood\s+)?cells\b", re.IGNORECASE),
    "finger lymphocytes cells",
    spans_only=True,
)
#: Measuring the study drug in one's own blood: an attempt whatever the reason given.
PROBE_DRUG_LEVELS = Cued(
    Source(
        r"\b(?:drug|blood|plasma|serum)[\s-]+levels?\b|\blevels?\s+(?:measured|tested|checked)\b|"
        r"\btest\w*\s+(?:my\s+)?blood\s+for\b",
        re.IGNORECASE,
    ),
    "level blood",
    spans_only=True,
)
#: Who is asked: the study's and the writer's clinicians and pharmacists.
_STAFF = (
    r"pharmacists?|pharmacy|nurse|doctor|technician|coordinator|GP|receptionist|assistant|radiographer|sonographer|"
    r"phlebotomist|therapist|consultant|investigator|researcher|oncologist|neurologist|dermatologist|registrar"
)
#: Asked of staff: which box, arm or group, or whether the writer is on one (a body's arm is no arm).
_ASKED_ARM = (
    r"(?:my\s+|the\s+)?(?:box|kit|pack|bottle|tablets?|pills?|capsules?|"
    r"arm(?!\s+(?:would|will|might|could|should|hurts?|bruis\w*|aches?|swell\w*|was|is|felt|feels))|"
    r"group(?!\s+(?:meets?|meeting|session|chat|therapy|will|would|starts?|runs?))|"
    r"placebo\s+\w+|it['’]?s\s+(?:the\s+)?(?:real|active|placebo))\b"
    r"|(?:I['’]?m|I\s+am|I\s+was|we['’]?re)\s+(?:on|in|getting|taking)\s+(?:the\s+|a\s+)?"
    rf"(?:placebo|real|active|drug|dummy|sugar|proper|genuine|fake|{TERM * 3})"
)
PROBE_ASK = Cued(
    Source(
        r"\b(?:ask\w*|begg?(?:ed|ing)?|plead\w*|pester\w*|badger\w*|quizz?\w*|grill\w*|persuad\w*|coax\w*|nagg?\w*)\s+"
        rf"(?:\w+\s+){{0,4}}?(?:{_STAFF})\b[^.!?]{{0,60}}?\b(?:which|whether|if)\s+(?:{_ASKED_ARM})"
        r"|\b(?:had|got|get|have|having|getting)\s+(?:the\s+|a\s+|my\s+)?(?:\w+\s+)?(?:pharmacists?|chemist|nurse|"
        r"doctor|GP|friend|mate|technician)\s+(?:to\s+)?(?:check|look\s+up|identify|test|analy[sz]e|run|compare)\s+"
        r"(?:\S+\s+){0,3}?(?:imprints?|markings?|codes?|batch|lot|contents|powder)\b"
        r"|\b(?:rang|ring\w*|called|phoned|emailed|messaged|wrote\s+to|contacted)\s+(?:the\s+)?(?:manufacturer|maker|"
        r"drug\s+compan\w+|sponsor)\S*\s[^.!?]{0,70}?\b(?:batch|lot|kit|box|code|which\s+\w+|whether|what['’]?s\s+in|placebo)\b"
        r"|\b(?:get|got)\s+(?:the\s+)?(?:pharmacist|pharmacy\s+\w+|nurse|doctor|technician)\s+to\s+tell\s+me\b"
        r"|\bask\w*\s+(?:\w+\s+){0,4}?(?:pharmacists?|pharmacy|nurse|doctor|technician|coordinator)\b[^.!?]{0,60}?"
        r"\bwhat['’]?s\s+(?:really\s+|actually\s+)?in\s+(?:my|the)\s+(?:box|kit|pack|bottle|tablets?|pills?|capsules?)\b"
        r"|\b(?:rang|called|phoned|emailed|messaged|texted)\s+(?:the\s+)?(?:\w+\s+)?(?:pharmacists?|pharmacy|nurse|doctor|"
        r"coordinator|site)\b[^.!?]{0,30}?\bask\w*\s+(?:\w+\s+)?(?:which|whether|if)\s+(?:my\s+|the\s+)?(?:box|kit|pack|"
        r"bottle|tablets?|pills?|capsules?|arm|group|it['’]?s)\b"
        r"|\bnod\s+if\b"
        rf"|\b(?:ask\w*|begg?(?:ed|ing)?|plead\w*|pester\w*|quizz?\w*|press\w*)\s+(?:\w+\s+){{0,4}}?(?:{_STAFF})\b"
        r"[^.!?]{0,60}?\b(?:whether|if)\b[^.!?]{0,40}?\b(?:are|is|was|were)\s+(?:the\s+|a\s+)?(?:real|active|placebo|dummy|"
        r"genuine|proper|sham|fake|drug)\b"
        r"|\b(?:ask\w*|begg?(?:ed|ing)?|texted|messaged|emailed|wrote)\b[^.!?]{0,50}?\b(?:hint|clue|wink|nod|tip\s+me\s+off|"
        r"thumbs\s+up)\b[^.!?]{0,40}?\b(?:real|active|placebo|dummy|arm|group|box)\b",
        re.IGNORECASE,
    ),
    "ask beg plead pester badger quiz grill persuad coax nag get got had have having nod rang ring called phoned"
    " emailed messaged wrote contacted press texted",
    spans_only=True,
    also=["pharmac nurse doctor technician coordinator gp receptionist assistant radiographer sonographer"
          " phlebotomist therapist consultant investigator researcher oncologist neurologist dermatologist registrar"
          " chemist friend mate manufacturer maker compan sponsor site nod hint clue wink tip thumbs"],
)  # fmt: skip
PROBE_PEEK = Cued(
    Source(
        r"\b(?:read|look\w*|peek\w*|peep\w*|glance\w*|sneak\w*|snoop\w*|see)\b[^.!?]{0,70}?"
        r"(?:\b(?:randomi[sz]ation|allocation|unblinding)\s+(?:list|system|screen|code|envelope|schedule|log)|"
        r"(?:nurse|pharmacist|doctor)['’]s\s+(?:screen|notes|file|desk|computer))"
        r"|\b(?:read|look\w*|peek\w*|peep\w*|glance\w*|sneak\w*|snoop\w*|check\w*|photograph\w*)\b[^.!?]{0,60}?"
        r"\b(?:when|while)\s+(?:the\s+)?(?:\w+\s+)?(?:wasn['’]?t|weren['’]?t|was\s+not|were\s+not)\s+looking\b"
        r"|\b(?:read|look\w*|peek\w*|peep\w*|zoom\w*|see|saw|check\w*)\b[^.!?]{0,60}?\b(?:under|beneath|behind)\s+"
        r"(?:the\s+)?(?:sticker|over-?label|label)\b",
        re.IGNORECASE,
    ),
    "list system screen code envelope schedule log notes file desk computer looking sticker label",
    spans_only=True,
)
PROBE_PURPOSE = Cued(
    Source(
        r"\bto\s+(?:see|find\s+out|check|know|work\s+out|figure\s+out|tell|confirm|settle|prove|crack|"
        r"determine|identify|compare)\b[^.!?]{0,40}?\b(?:if|whether|which|what|with)\b[^.!?]{0,40}?"
        r"\b(?:arm|group|placebo|real|active|brand\w*|manufacturer['’]?s?|drug|medicine|the\s+ones|lymphocytes|"
        r"recogni[sz]\w*|identif\w*|kits?|boxes|codes?|what\s+I['’]?m\s+on|wired\s+up|switched\s+on|live|current|"
        r"(?:do|does|did)\s+anything|(?:actually|really)\s+(?:took|takes|worked|works|contains?|has))\b|"
        r"\bjust\s+to\s+know\b|\bthen\s+I['’]ll\s+know\b",
        re.IGNORECASE,
    ),
    "arm group placebo real active brand manufactur drug medicine ones lymphocytes recogni identif kit box code"
    " what know wired switched live current anything actually really",
    spans_only=True,
    also=["see find check know work figure tell confirm settle prove crack determin identif compar"],
)
#: Wanting to know, explaining why not to, or someone else doing it: no attempt of the writer's.
NO_ATTEMPT = folded_search(
    Source(
        r"\b(?:not|never|n['’]t|won['’]?t|refuse|no\s+way|didn['’]?t|wouldn['’]?t)\b|\bwhy\b|"
        r"\b(?:would|could|can|will)\s+(?:\w+\s+)?(?:break|unblind|spoil|ruin|mess)|"
        r"\b(?:love|like|want|wanted|wanna|wish|hope|dying|desperate|itching|curious|tempted)\s+to\b|"
        r"\bwhen\s+I\s+(?:swallow|take)\b|"
        r"\b(?:any|no)\s+way\s+to\b|\b(?:someone|somebody|people|anyone|a\s+guy|a\s+woman|they|he|she|cat|dog|"
        r"puppy|kitten|toddler|baby)\s+"
        r"(?:who\s+)?(?:\w+\s+){0,2}?(?:asked|weighed|tasted|tested|opened|tried|wanted|could)\b",
        re.IGNORECASE,
    )
)
ACTOR = re.compile(
    r"\b(?:I|I['’]m|Im|I['’]ll|I['’]ve|I['’]d|me|my|we|we['’]re|you\s+(?:can|could|should|need\s+to)|"
    r"anyone\s+know)\b",
    re.IGNORECASE,
)
#: Another person, just before what they did: "a guy on the forum says he ..."
SOMEONE_ELSE = re.compile(r"\b(?:he|she|they)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: ... done to the writer's own study drug: "my son is going to run one of my pills through ..."
MINE = re.compile(r"\b(?:my|mine|our)\b", re.IGNORECASE)
#: The writer taking it back: "I wanted to weigh them, but I didn't."
RETRACTED = re.compile(r"\bI\s+(?:didn['’]?t|did\s+not|won['’]?t|wouldn['’]?t|never\s+did)\b", re.IGNORECASE)

# Pooling: invitations to compare, and telling others which arm they are in.
COMPARE_NOTES = Cued(
    Source(
        r"\b(?:compare|comparing|compared|swap|swapping|share|sharing|pool|pooling|match|matching|matched|post|"
        r"posting|list|listing|send|reply|comment|respond|drop|collect\w*|gather\w*|report|chart|enter|submit|log|"
        r"record|fill\s+in|PM|DM|message|text|email|inbox|spreadsheet|tell\s+me|give\s+me)\s+(?:\S+\s+){0,6}?(?:notes|side[- ]effects|symptoms|reactions|experiences|results|"
        r"stories|counts|levels|readings|rates|(?:kit|batch|lot|box|pack|bottle|randomi[sz]ation|allocation|your|our|"
        r"their|everyone['’]s|everybody['’]s)\s+(?:\w+\s+)?(?:numbers?|codes?))\b",
        re.IGNORECASE,
    ),
    "notes effects symptoms reactions experiences results stories number code counts levels readings rates",
    spans_only=True,
    also=[
        "compar swap shar pool match post list send reply comment respond drop collect gather report chart"
        " spreadsheet tell give enter submit log record fill pm dm message text email inbox"
    ],
)
READERS = re.compile(
    r"\b(?:let['’]?s|we|us|you|your|yours|anyone|everyone|everybody|everyone['’]s|everybody['’]s|readers?|"
    r"comments?|DM|message|reply|get\s+in\s+touch|drop\s+me|email\s+me|join|together|other\s+participants|"
    r"below|send\s+me)\b",
    re.IGNORECASE,
)
#: Working out who is on what, said several ways, each looked for where its words are.
WORK_OUT: tuple[Cued, ...] = (
    Cued(
        Source(
            r"\b(?:work\s+out|figure\s+out|find\s+out|guess|deduce|crack|decode|tell|determine|identify|spot|"
            r"see|narrow\s+down|solve|settle|establish|pin\s+down|sort\s+out)\s+(?:\w+\s+){0,1}?(?:which|what|who|who['’]s|whether|if)\s+(?:\S+\s+){0,4}?"
            r"(?:arms?|groups?|placebo|real|active|drug|on\s+what|is\s+on|got|are\s+on|['’]re\s+on|"
            r"we['’]re\s+in|you['’]re\s+in|they['’]re\s+in)\b",
            re.IGNORECASE,
        ),
        "work fig find guess deduc crack decod tell determin identif spot see narrow solv settl establish pin sort",
        spans_only=True,
        also=["which what who whether if"],
    ),
    Cued(
        Source(
            r"\b(?:work|figure|suss|sort|puzzle)\s+out\s+(?:the|our|your|their|everyone['’]s)\s+(?:\w+\s+)?"
            r"(?:arms?|groups?|codes?|allocations?)\b|\b(?:guess|solve|crack)\s+(?:the|our|your|their)\s+"
            r"(?:\w+\s+)?(?:arms?|groups?|codes?)\b|\btell\s+you\s+(?:your|which|what)\s+(?:\w+\s+)?(?:group|arm)\b",
            re.IGNORECASE,
        ),
        "arm group code allocation",
        spans_only=True,
        also=["work figure suss sort puzzle guess solve crack tell"],
    ),
    Cued(
        Source(
            r"\bwho['’]?s\s+on\s+what\b|\bwho\s+(?:is\s+on|got)\s+what\b|\bwhat\s+(?:you['’]?re|ur|you\s+are)\s+on\b",
            re.IGNORECASE,
        ),
        "what",
        spans_only=True,
        also=["who you ur"],
    ),
    Cued(
        Source(r"\blet['’]?s\s+(?:all\s+)?(?:compare|swap|pool|share)\b", re.IGNORECASE),
        "compar swap pool shar",
        spans_only=True,
        also=["let"],
    ),
)
INVITE = re.compile(
    r"\b(?:help\s+me|let['’]?s|can\s+we|could\s+we|we\s+can|we\s+could|we['’]ll|we\s+will|together|between\s+us|"
    r"if\s+we|with\s+me|comments?|DM|message\s+me|tell\s+me|let\s+me\s+know|reply|get\s+in\s+touch|here)\b",
    re.IGNORECASE,
)
_SYMPTOMS = (
    r"side[- ]effects|symptoms|reactions?|headaches?|nausea|rash|itch\w*|flush\w*|sweats|taste|"
    r"heart\s*(?:rate|beat)|dizz\w+|tired\w*|fatigue|swelling|sting\w*|red|sore|pain|hair|nothing|anything|"
    r"tingl\w*|buzz\w*|numb\w*|thirst\w*|hypos?|lump\w*|"
    r"no\s+side[- ]effects|zero\s+side[- ]effects"
)
#: Results that participants pool as they pool symptoms: "my MRI came back clean", "lymphocytes dropped".
_RESULTS = (
    r"came\s+back|results?|scans?|MRIs?|bloods|blood\s+tests?|lymphocytes?|(?:cell\s+)?counts?|levels|lesions?|"
    r"relapses?|relapsed"
)
RESULTS = re.compile(rf"\b(?:{_RESULTS})\b", re.IGNORECASE)
#: Outcomes among those results: "came back clean", "lymphocytes", "a relapse".
_OUTCOMES = (
    r"came\s+back\s+\w+|(?:clean|clear)\s+(?:scans?|MRIs?|results?)|lymphocytes?|(?:cell\s+)?counts?|relaps\w*|"
    r"cleared|clearing|improv\w*|(?:sugars?|scores?|markers?|plaques?)\s+(?:\w+\s+)?(?:dropped|fell|went|gone|better)"
)
#: Readers named by who they are: "any Aussies on the trial", "any mums".
_READER_KINDS = (
    r"aussies|brits|kiwis|yanks|americans|canadians|irish|scots|londoners|northerners|mums|moms|dads|ladies|women|"
    r"men|guys|gals|lads|girls|blokes|parents|carers|oldies|pensioners|students|patients|members|teenagers|teens|kids"
)
ANYONE_ELSE = Cued(
    Source(
        r"\b(?:anyone|anybody|any\s+of\s+you|others?|fellow\s+participants|who\s+else|you (?:lot|all|guys|folks|people)|"
        r"y['’]?all|any\s+(?:other\s+|fellow\s+)?"
        rf"(?:{_READER_KINDS}))\s+(?:else\s+)?(?:\w+\s+){{0,2}}?"
        r"(?:on|in|doing|taking\s+part\s+in|enrolled\s+in)\s+(?:\S+\s+){0,3}?(?:trial|study)\b.*?"
        rf"\b(?:(?:getting|get)(?!\s+(?:to|there|here|home|in|up|out|a|the|around|about)\b)|having|had|notice|noticed|"
        rf"experienc\w+|feel|feels|felt|{_SYMPTOMS}|{_OUTCOMES})\b"
        rf"|\b(?:anyone|anybody|who)\s+(?:else|here)\s+(?:\w+\s+){{0,2}}?(?:with|having|getting|had|got|notic\w+|"
        rf"feel\w*|felt|experienc\w+)\s+(?:\S+\s+){{0,3}}?(?:{_SYMPTOMS})\b",
        re.IGNORECASE,
    ),
    ["any", "other", "fellow", "who", "you lot", "you all", "you guys", "you folks", "you people", "y'all", "y’all", "yall"],
    spans_only=True,
)
SYMPTOMS = re.compile(rf"\b(?:{_SYMPTOMS})\b", re.IGNORECASE)
YOU_TOO = (
    r"\bif\s+you['’]?(?:re|\s+are)\s+(?:also\s+)?(?:on|in|doing|part\s+of)\s+(?:\S+\s+){0,2}?(?:trial|study"
)
CALL_TO_ACT = re.compile(
    r"\b(?:comment|comments|let\s+me\s+know|tell\s+me|get\s+in\s+touch|message|DM|reply|write|share|"
    r"compare|see\s+if\s+we|match|report\s+back|check\s+yours|hit\s+me\s+up|inbox\s+me|ping\s+me|"
    r"give\s+me\s+a\s+shout)\b",
    re.IGNORECASE,
)
FELLOW_READERS = Cued(
    Source(
        r"\b(?:any|other|fellow)\s+(?:other\s+)?(?:\S+\s+)?(?:participants|trialists|volunteers|folks?|people)\b",
        re.IGNORECASE,
    ),
    "participants trialists volunteers folk people",
    spans_only=True,
)
ASK_THEIRS = Cued(
    Source(
        r"\b(?:what|which|any)\s+(?:side[- ]effects|symptoms|reactions)\s+(?:have|are|did|do)\s+you\b"
        r"|\b(?:have|are|did)\s+you\s+(?:had|been\s+having|getting|noticed|got)\s+(?:any\s+)?(?:the\s+)?"
        r"(?:side[- ]effects|symptoms|reactions)\b|\bwhat\s+(?:happened\s+to|colour\s+was|was)\s+your\b"
        r"|\b(?:kit|batch|lot|box|randomi[sz]ation)\s+(?:number|no\.?|code)\b[^.!?]{0,40}?\b(?:does|do|is|and|what\s+about)\s+yours\b",
        re.IGNORECASE,
    ),
    "effects symptoms reactions your",
    spans_only=True,
)
TELL_ME_YOURS = Cued(
    Source(
        r"\b(?:tell|let)\s+me\s+(?:know\s+)?(?:your|what|which|how|about\s+your)\s+(?:\S+\s+){0,3}?"
        r"(?:side[- ]effects|symptoms|reactions)\b",
        re.IGNORECASE,
    ),
    "effects symptoms reactions",
    spans_only=True,
)
#: Telling readers or other participants which arm they are in: "you're on it", "the ones with the rash are"
#: ({you}: the readers, left out of a reader's reply, where "you" is the writer: see READER_BEING_ON).
_YOU_ARE = r"you['’]?re|you\s+are|ur|you['’]ll\s+be|you\s+must\s+be|"
OTHERS = (
    r"\b(?:{you}they['’]?re|they\s+are|we['’]?re\s+(?:all|both)|"
    r"we\s+are\s+(?:all|both)|(?:\w+\s+)?ones\s+"
    r"(?:\S+\s+){0,4}?are|(?:kits?|codes?|boxe?s?|numbers?)\s+(?:\S+\s+){0,3}?are|whoever['’]?s?\s+(?:\S+\s+){0,5}?is|"
    r"(?:people|those|everyone|everybody|anyone)\s+(?:in\s+\S+\s+\S+\s+)?(?:with|who|getting|having)\s+"
    r"(?:\S+\s+){0,6}?(?:are|is))\s+(?:all\s+|probably\s+|definitely\s+|obviously\s+|also\s+)?"
    r"(?:on\s+|in\s+)?(?:the\s+|a\s+|my\s+)?"
)
#: Readers asked to match the writer: "if yours came back clean too", "if your kit starts with 44 like mine".
MATCH_ME = Cued(
    Source(
        r"\bif\s+(?:yours|your\s+\w+|ur\s+\w+|you|u)\b[^.!?]{0,60}?\b(?:too|also|as\s+well|like\s+mine)\b",
        re.IGNORECASE,
    ),
    ["if"],
    spans_only=True,
    also=["too also well mine"],
)
#: The group readers who match would share with the writer: "we're probably the lucky ones".
SAME_GROUP = re.compile(
    r"\b(?:we|you)(?:['’]?re|\s+are|['’]ll\s+be|\s+must\s+be)\s+(?:\w+\s+)?(?:(?:all|both)\s+)?(?:in\s+the\s+same\s+"
    r"(?:boat|group|arm|camp)|the\s+lucky\s+ones|on\s+the\s+same)\b",
    re.IGNORECASE,
)
#: "Post it here": readers asked to put up what the sentence names (a kit number, a symptom, a result).
SHARE_IT = Cued(
    Source(
        r"\b(?:post|share|drop|put|send|stick)\s+(?:it|them|yours|those|these)\s+(?:up\s+)?(?:here|below|in\s+(?:the\s+|this\s+)?"
        r"(?:comments|thread|group|chat))\b",
        re.IGNORECASE,
    ),
    "post share drop put send stick",
    spans_only=True,
    also=["here below comments thread group chat"],
)
#: Readers told they are in the writer's group: "you're probably on the drug like me".
LIKE_ME = Cued(
    Source(
        r"\b(?:you['’]?re|ur|you\s+are|you['’]ll\s+be|you\s+must\s+be)\b[^.!?]{0,40}?\b(?:on|in)\b"
        r"[^.!?]{0,30}?\b(?:like|as) me\b"
        r"|\b(?:you|u)\s+(?:\w+\s+)?(?:have|got|get|getting)\s+(?:the\s+)?(?:real|active|same|placebo|dummy|drug|good)\b"
        r"[^.!?]{0,30}?\b(?:like|as) me\b",
        re.IGNORECASE,
    ),
    ["like me", "as me"],
    spans_only=True,
)
DONT = Cued(
    Source(
        r"\b(?:not|never|no|don['’]?t|won['’]?t|shouldn['’]?t|avoid|refrain\s+from|rather\s+you\s+didn['’]?t)"
        r"(?:\s+\w+){0,3}?\s+(?:compare|comparing|guess|guessing|try|share|sharing|work|figure|post|list|swap|join|"
        r"comment|reply|respond)\b"
        r"|\b(?:nobody|no\s+one|no-one)\s+(?:can|could|will|is\s+allowed\s+to)\s+tell\s+me\b"
        r"|\b(?:I|we)\s+(?:said\s+no|refused|declined|wouldn['’]?t|won['’]?t)\b|\bshut\s+it\s+down\b",
        re.IGNORECASE,
    ),
    "compar guess try shar work figure post list swap join comment reply respond said refused declined wouldn won"
    " shut tell",
    spans_only=True,
)

# Kit, batch and randomisation numbers
KIT_WORD = Cued(
    Source(
        r"\b(?:kits?|lot|lots|batch|bottle|box|pack|carton|vials?|blister(?:\s+card)?|randomi[sz]ation|"
        r"allocation|treatment\s+(?:number|no|code|ID)|medication\s+(?:number|no|code|ID)|dispensing|IWRS|IXRS|"
        r"IRT|B/N|L/N)\b",
        re.IGNORECASE,
    ),
    "kit lot batch bottle box pack carton vial blister random allocation treatment medication dispensing"
    " iwrs ixrs irt b/n l/n",
)
#: A code: at least three digits, with letters or hyphens, not a date, time, amount or dose.
CODE = re.compile(
    r"(?<![\w/.:£$€,-])#?(?:[A-Za-z]{1,4}-?)?(?=(?:[A-Za-z-]*\d){3})\d?[\dA-Za-z]*(?:-[\dA-Za-z]+)*"
    r"(?![\w/:£$€%]|[.,]\d|\s*(?:mg|ml|kg|g|mcg|tablets?|pills?|capsules?|days?|weeks?|months?|years?|"
    r"doses?|times?|minutes?|hours?|steps?|%|am|pm)\b)"
)


def check(doc: Document) -> Iterator[Finding]:
    if doc.kind not in (Kind.DIARY, Kind.REPLY) or not doc.blinded:
        return
    reader = doc.kind is Kind.REPLY
    patterns = _arm_patterns(reader)
    you_too = _you_too(frozenset(_trial_names(doc)))
    mask = _term_mask(doc.arm_terms)
    for segment in doc.segments:
        text = segment.plain if mask is None else _masked(segment.plain, mask)
        before = None
        for start, end in segment.sentences():
            found = list(_sentence(doc, segment, text, start, end, patterns, you_too, reader))
            if before is not None and not found and _answers(text[start:end], text[before[0] : before[1]], patterns):
                found.append(doc.finding(GUESS, segment, start, f"agrees with a guess at your arm: {_quote(segment.plain[start:end])}"))
            yield from found
            before = (start, end)
        if DIGIT.search(segment.plain):  # a kit number has a digit
            yield from _kit_numbers(doc, segment)


def _kit_numbers(doc: Document, seg: Segment) -> Iterator[Finding]:
    for start, end in seg.sentences():
        sentence = seg.plain[start:end]
        if not DIGIT.search(sentence) or not (word := KIT_WORD.search(sentence)):
            continue
        if part := PART_OF_CODE.match(sentence, word.end()):
            yield doc.finding(KIT, seg, start + word.start(), f"part of a kit or randomisation number ({part.group(1)})")
            continue
        for m in CODE.finditer(sentence):
            code = m.group(0)
            if _a_count(sentence, word, m):
                continue
            if sum(c.isdigit() for c in code) >= 3 and not _date_like(code):
                yield doc.finding(KIT, seg, start + word.start(), f"a kit or randomisation number ({code})")
                break


#: Part of a code: "my kit number ends in 77".
PART_OF_CODE = re.compile(
    r"\s+(?:number|no\.?|code|ID)\s+(?:ends?|ending|starts?|starting|begins?|beginning)\s+(?:in|with)\s+([\dA-Z-]*\d{2}[\dA-Z-]*)\b"
)


#: Everyday senses of a kit word: an auction's lot, a box or pack of so many.
EVERYDAY_KIT_WORDS = frozenset(["lot", "lots", "box", "pack", "bottle", "carton"])


def _a_count(sentence: str, word: re.Match[str], code: re.Match[str]) -> bool:
    """Whether a number of digits alone is a quantity ("a pack of 100") or an everyday word's
    short number ("lot 112 at the auction") rather than a code."""
    if not code.group(0).isdigit():
        return False
    if re.search(r"\bof\s+$", sentence[: code.start()], re.IGNORECASE):
        return True
    return (
        len(code.group(0)) <= 3
        and word.group(0).lower() in EVERYDAY_KIT_WORDS
        and re.fullmatch(r"\s+", sentence[word.end() : code.start()]) is not None
    )


def _date_like(code: str) -> bool:
    return re.fullmatch(r"(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?|\d{1,2}-\d{1,2}-\d{2,4}", code) is not None


def _trial_names(doc: Document) -> set[str]:
    """The trial's title and acronym, and their first word ("AURORA" of "AURORA-MS")."""
    if doc.trial is None:
        return set()
    names = {n.strip() for n in (doc.trial.title, doc.trial.acronym) if n and len(n) <= 40}
    names |= {first for n in names if len(first := re.split(r"[-\s]", n)[0]) >= 4}
    return {n for n in names if n}


@lru_cache(maxsize=256)  # a site's posts share a few trials: compiled once per trial
def _you_too(names: frozenset[str]) -> Cued:
    """Being in the trial (named generically or by one of ``names``) as readers might be."""
    alternatives = "".join(f"|{re.escape(n)}" for n in sorted(names))
    return Cued(Source(YOU_TOO + alternatives + r")\b", re.IGNORECASE), "you")


@lru_cache(maxsize=256)  # a site's posts share a few trials: compiled once per trial
def _term_mask(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """The trial's own arm and intervention names, longest first, to be masked as arms."""
    if not terms:
        return None
    return re.compile("|".join(rf"\b{re.escape(t)}\b" for t in terms), re.IGNORECASE)


def _masked(text: str, mask: re.Pattern[str]) -> str:
    """``text`` with each of the trial's own arm names written as ``TERM`` letters, as long."""
    return mask.sub(lambda m: TERM * len(m.group()), text)


@lru_cache(maxsize=2)
def _arm_patterns(reader: bool = False) -> tuple[Cued, ...]:
    """Patterns naming an arm (a trial's own names masked as ARM_TERM): being on one, the arm,
    "it is" one, being on the drug (weakly named), a crowd of one arm's people, others said
    to be on one, "that's the drug", a carer's parent on one, and "you" on one (in quoted speech).
    A match of any has an ARM_CUES word in it. In a ``reader``'s reply, the writer being on one is
    said of "you" too. Only where they match is used: they run in lower case (see ``Cued``)."""
    strong = STRONG_ARM
    being_on = READER_BEING_ON if reader else BEING_ON
    on_the_drug = ON_THE_DRUG.format(who="I|we|you" if reader else "I|we")
    others = OTHERS.replace("{you}", "" if reader else _YOU_ARE)
    flags = re.IGNORECASE
    cues = ARM_CUES.split()
    arm = rf"(?:{strong})\b"
    return (
        Cued(Source(rf"{being_on}{arm}|{WE_ON}{arm}|{on_the_drug}", flags), cues, spans_only=True),
        Cued(Source(rf"\b{arm}", flags), cues, spans_only=True),
        Cued(Source(IT_IS + arm, flags), cues, spans_only=True),
        Cued(Source(being_on + rf"(?:{WEAK_ARM})\b", flags), cues, spans_only=True),
        Cued(Source(ARM_CROWD.format(arm=strong), flags), CROWD_CUES, spans_only=True),
        Cued(Source(rf"{others}(?:{arm}|(?:{_GOOD})\s+ones\b|it\b|my\s+group\b|same\s+(?:group|arm)\b|{ON_DRUG})", flags), cues, spans_only=True),
        Cued(Source(IT_IS_THE_DRUG, flags), ["drug", "medic", "meds"], spans_only=True),
        Cued(Source(rf"{CARED_ON}(?:{arm}|(?:{WEAK_ARM})\b)", flags), cues, spans_only=True),
        Cued(Source(rf"(?:{READER_BEING_ON}|\bsome(?:body|one)['’]s{_ON_AN_ARM}){arm}", flags), cues, spans_only=True),
    )


@lru_cache(maxsize=2)
def _gate(reader: bool = False) -> CueIndex:
    """The gate every guess passes: an arm named outright, the drug, a group, a crowd of an arm's
    people, or the writer on or in something, said of "you" too in a ``reader``'s reply (any match of an :func:`_arm_patterns`
    guess has a match of one of these)."""
    named = [
        Cued(Source(rf"(?:{pattern})\b", re.IGNORECASE), cues, spans_only=True, also=also)
        for pattern, cues, also in STRONG_ARMS
    ]
    words = ["drug", "medic", "meds", "group", "arm", "on it", "m on", "m in"]
    words += ["which box", "which kit", "which pack", "which bottle"]
    gate = Cued(Source(GUESS_GATE, re.IGNORECASE), words, spans_only=True)
    crowd = Cued(Source(GATE_CROWD, re.IGNORECASE), "real active dummy control", spans_only=True, also=[CROWD_CUES])
    named.append(crowd)
    if not reader:
        return CueIndex((*named, gate))
    you = Cued(Source(READER_GATE, re.IGNORECASE), ["re on", "re in", "are on", "are in", "were on", "were in"], spans_only=True)
    return CueIndex((*named, gate, you))


def _armed(sentence: str, reader: bool = False) -> bool:
    """Whether ``sentence`` names an arm, the drug or a group (see :func:`_gate`)."""
    return any(pattern.search(sentence) for pattern in _gate(reader).candidates(sentence))


def _clauses(sentence: str) -> Iterator[tuple[int, str]]:
    last = 0
    for m in CLAUSE_BREAK.finditer(sentence):
        yield last, sentence[last : m.start()]
        last = m.end()
    yield last, sentence[last:]


def _sentence(
    doc: Document,
    seg: Segment,
    text: str,
    start: int,
    end: int,
    patterns: tuple[Cued, ...],
    you_too: Cued,
    reader: bool,
) -> Iterator[Finding]:
    """Findings of the sentence at ``start:end`` of ``text`` (the segment's prose, arm names masked)."""
    sentence = text[start:end]
    armed = _armed(sentence, reader)
    if armed and (at := _guess(sentence, patterns, READER_PERSON if reader else FIRST_PERSON)) is not None:
        yield doc.finding(GUESS, seg, start + at, f"guesses or states your arm: {_quote(seg.plain[start:end])}")
    if (at := _probe(sentence)) is not None:
        yield doc.finding(PROBE, seg, start + at, f"tries to find out the arm: {_quote(seg.plain[start:end])}")
    if _invites(sentence, patterns, you_too, armed):
        yield doc.finding(COMPARE, seg, start, f"invites readers to compare notes: {_quote(seg.plain[start:end])}")


def _guess(sentence: str, patterns: tuple[Cued, ...], person: re.Pattern[str]) -> int | None:
    """Where the sentence guesses or states the writer's own arm, if it does (``person``: the
    words that name the writer)."""
    being_on, arm, it_is, weak, crowd = patterns[:5]
    if hit := crowd.search(sentence):
        return hit.start()
    tagged = TAG_QUESTION.search(sentence)
    if (sentence.rstrip().endswith("?") and not tagged) or OTHER_TRIAL.search(sentence):
        return None  # a question guesses nothing ("..., is it?" is no question); nor talk of another trial
    parent = PARENT_WORD.search(sentence) is not None
    for offset, clause in _clauses(sentence):
        sure_if = SURE_IF.search(clause)
        if not sure_if and (HYPOTHETICAL.search(clause) or NOT_KNOWING.search(clause)):
            continue
        hit = being_on.search(clause) or KNOW_GROUP.search(clause) or (parent and patterns[7].search(clause))
        hit = hit or VOTE.search(clause) or _quoted_you(clause, patterns[8])
        if hit:
            return offset + hit.start()
        arms = list(arm.finditer(clause))  # asked for below up to three times
        certain = CERTAIN.search(clause) or sure_if or (tagged and tagged.start() >= offset)
        mine = person.search(clause)
        if certain and mine:
            hit = (arms[0] if arms else None) or weak.search(clause)
        if not hit and arms and (certain or mine):  # "it is" an arm: a match has one of ``arms``
            hit = it_is.search(clause)  # "so it's placebo for me"
        if not hit and certain:
            hit = patterns[6].search(clause)
        if not hit and arms and (EVIDENCE.search(clause) or GIVEN_ME.search(clause)):
            hit = arms[0]
        hit = hit or NOTHING_ELSE_DOES.search(clause) or _verdict(clause, arms) or _sure_piece(clause, arm)
        if hit:
            return offset + hit.start()
    # "... common on the active drug, so that's our answer"
    concluded = CONCLUDED.search(sentence) and not (
        HYPOTHETICAL.search(sentence) or NOT_KNOWING.search(sentence)
    )
    hit = arm.search(sentence) if concluded else None
    return hit.start() if hit else None


#: A statement's tag, which makes it no question: "it isn't the placebo, is it", "..., wasn't it?"
TAG_QUESTION = re.compile(
    r",\s*(?:is|isn['’]?t|was|wasn['’]?t|does|doesn['’]?t|do|don['’]?t|would|wouldn['’]?t|can|can['’]?t|could|"
    r"couldn['’]?t|am|aren['’]?t|ain['’]?t|innit)\s*(?:it|I|they|that|he|she|we)?\s*[.?!]*\s*$",
    re.IGNORECASE,
)
#: Another trial, or an open-label one: its arms are no secret of this one.
OTHER_TRIAL = re.compile(
    r"\bopen[- ]label\b|\b(?:a\s+|an\s+)?(?:different|another|other|separate)\s+(?:trial|study)\b",
    re.IGNORECASE,
)
#: A pick in a bet or a vote: "she says placebo, I say drug", "I voted real".
VOTE = re.compile(
    r"\b(?:I|me)\s+(?:say|said|vote|voted|pick|picked|went\s+for|go\s+for|chose|choose)\s+['‘\"]?(?:the\s+)?"
    r"(?:drug|active|real|placebo|dummy|sham)\b(?!\s+(?:is|was|are|were|trial|study|company|and\s+placebo)\b)",
    re.IGNORECASE,
)
#: The arm as what "they" give the writer: "na placebo dem dey give me", "it's the dummies they're handing me".
GIVEN_ME = folded_search(
    Source(r"\b(?:they|dem|them)\s+(?:\w+\s+)?(?:giv\w*|gave|hand\w*|dish\w*)\s+(?:me|us)\b", re.IGNORECASE)
)
#: Someone's words to the writer, quoted: "... said, 'you're clearly not on the vehicle cream'".
QUOTED = re.compile(
    r"\b(?:said|says|told\s+me|tells\s+me|muttered|whispered|joked|winked|announced|goes|went)\b,?\s*[:,]?\s*['‘\"“]",
    re.IGNORECASE,
)
#: A conclusion left to the reader: "so that's our answer", "draw your own conclusions".
CONCLUDED = folded_search(
    Source(
        r"\b(?:that['’]?s|thats)\s+(?:our|my|the)\s+answer\b|\bthere\s+(?:we|you)\s+(?:are|go)\b|"
        r"\bsays\s+(?:it\s+all|a\s+lot|everything)\b|\bspeaks\s+for\s+itself\b|\bdraw\s+your\s+own\s+conclusions?\b|"
        r"\bmake\s+of\s+(?:that|this)\s+what\b|\benough\s+said\b|\bcase\s+closed\b|\bI\s+rest\s+my\s+case\b",
        re.IGNORECASE,
    )
)


def _quoted_you(clause: str, you_on: Cued) -> re.Match[str] | None:
    """Someone's words quoted to the writer that put "you" on an arm: the writer's arm."""
    quoted = QUOTED.search(clause)
    if quoted is None:
        return None
    return next((m for m in you_on.finditer(clause) if m.start() >= quoted.end()), None)


#: Agreeing with what was said just before: "I think she's right", "I agree" (asked of most
#: sentences, so looked for only where its words are).
AGREES = Cued(
    Source(
        r"\bI\s+(?:think|reckon|suspect|guess|bet)\s+(?:she|he|they|you)(?:['’]s|['’]re|\s+is|\s+are|\s+was|\s+were)\s+"
        r"(?:\w+\s+)?right\b|\bI\s+(?:\w+\s+)?agree\b|\b(?:she|he|they)['’]?s\s+not\s+wrong\b|"
        r"\b(?:she|he|they|you)(?:['’]s|['’]ve|\s+has|\s+have)\s+(?:got\s+)?a\s+point\b|"
        r"\b(?:she|he|they|you)\s+(?:might|may|could)\s+(?:well\s+)?be\s+right\b|\bcan['’]?t\s+argue\b|"
        r"^\W*(?:me\W+)?(?:yeah|yep|yup|yes|true|agreed|fair\s+enough|probably|prob|exactly)\b[\w\s]{0,15}\W*$",
        re.IGNORECASE,
    ),
    "right agree wrong point argue yeah yep yup yes true fair prob exactly",
    spans_only=True,
)
SAID_OF_YOU = folded_search(Source(r"\b(?:you|you['’]re|your|u|ur)\b", re.IGNORECASE))


#: A guess asked for: "If I had to bet?", "My guess:"
GUESS_PROMPT = re.compile(
    r"\b(?:if\s+I\s+(?:had|have)\s+to\s+(?:bet|guess|say|pick|choose)|my\s+(?:guess|bet|verdict|money)|"
    r"(?:best|educated|wild)\s+guess|verdict|^\W*(?:so\s+)?(?:convinced|certain|positive|sure)|calling\s+it(?:\s+now)?)\W*$",
    re.IGNORECASE,
)
#: An arm said alone: "Active.", "Placebo!"
LONE_ARM = re.compile(
    r"^\W*(?:active|real|placebo|the\s+real\s+(?:one|thing|drug)|(?:the\s+)?drug|dummy|sham|high[- ]dose|low[- ]dose)\W*$",
    re.IGNORECASE,
)


def _answers(sentence: str, before: str, patterns: tuple[Cued, ...]) -> bool:
    """Whether ``sentence`` answers ``before``: agreeing with a guess at the writer's arm, or naming
    an arm after asking for a guess ("If I had to bet? Active.")."""
    return (
        _agrees(sentence, before, patterns)
        or (LONE_ARM.match(sentence) is not None and GUESS_PROMPT.search(before) is not None)
        or (
            RHETORICAL_ANSWER.match(sentence) is not None
            and before.rstrip().endswith("?")
            and patterns[1].search(before) is not None
        )
    )


#: The writer answering their own question about an arm: "Is it even possible on a placebo? Didn't think so."
RHETORICAL_ANSWER = re.compile(
    r"^\W*(?:(?:I\s+)?didn['’]?t\s+think\s+so|(?:I\s+)?thought\s+not|(?:I\s+)?doubt\s+it|of\s+course\s+not)\W*$",
    re.IGNORECASE,
)


def _agrees(sentence: str, before: str, patterns: tuple[Cued, ...]) -> bool:
    """Whether ``sentence`` agrees with ``before``, someone telling the writer their arm."""
    return (
        SAID_OF_YOU.search(before) is not None  # the cheapest first
        and AGREES.search(sentence) is not None
        and not NOT_KNOWING.search(sentence)
        and patterns[1].search(before) is not None
        and not (HYPOTHETICAL.search(before) or NOT_KNOWING.search(before) or before.rstrip().endswith("?"))
    )


#: What makes a short verdict sure: "Placebo for sure, ..."
SURE_WORDS = frozenset(["sure", "definitely", "definately", "deffo", "defo", "def", "obviously", "clearly", "surely", "100%", "totally", "certainly"])


def _sure_piece(clause: str, arm: Cued) -> re.Match[str] | None:
    """A verdict in the first part of a clause, up to a comma, said to be sure: "Placebo for sure, nothing's changed." """
    comma = clause.find(",")
    if comma < 0:
        return None
    piece = clause[:comma]
    found = _verdict(piece, list(arm.finditer(piece)))
    if found is None:
        return None
    rest = clause[: found.start()] + " " + clause[found.end() : comma]
    return found if SURE_WORDS.intersection(re.findall(r"[\w%'’]+", rest.lower())) else None


def _verdict(clause: str, found: list[re.Match[str]]) -> re.Match[str] | None:
    """A one-line verdict naming one arm and little else: "Placebo, then." (``found``: the arms
    the clause names)."""
    if len(found) != 1:
        return None
    rest = clause[: found[0].start()] + " " + clause[found[0].end() :]
    words = re.findall(r"[\w%'’]+", rest.lower())
    return found[0] if len(words) <= 5 and all(w in VERDICT_WORDS for w in words) else None


PROBES = (
    PROBE_ACT,
    PROBE_MORE_ACTS,
    PROBE_TOOL,
    PROBE_SENSE,
    PROBE_DRUG_LEVELS,
    PROBE_LEVELS,
    PROBE_MARKERS,
    PROBE_ASK,
    PROBE_PEEK,
)
PROBE_INDEX = CueIndex((*PROBES, PROBE_PURPOSE))


def _probe(sentence: str) -> int | None:
    """Where the sentence tells of trying to find out an arm (or advises it), if it does."""
    candidates = PROBE_INDEX.candidates(sentence)
    live = [p for p in candidates if p is not PROBE_PURPOSE and p.search(sentence)]
    if not live and not (PROBE_PURPOSE in candidates and PROBE_PURPOSE.search(sentence)):
        return None
    for offset, clause in _clauses(sentence):
        for pattern in live:
            hit = pattern.search(clause)
            if not hit or OPENING_A_PACK.match(clause[hit.start() :]):
                continue
            if pattern in (PROBE_LEVELS, PROBE_MARKERS) and not PROBE_PURPOSE.search(sentence) and not _private(clause):
                continue
            if pattern in (PROBE_TOOL, PROBE_SENSE) and not STUDY_THING.search(sentence):
                continue
            before = clause[: hit.start()]
            if NO_ATTEMPT.search(before) or RETRACTED.search(sentence, offset + hit.end()) or BY_STAFF.search(before):
                continue
            if SOMEONE_ELSE.search(before) and not MINE.search(clause):
                continue  # "he tasted his capsules": another's attempt, told
            if ACTOR.search(clause) or not before.strip() or _ellipsis(before):
                return offset + hit.start()
        purpose = PROBE_PURPOSE.search(clause)
        if purpose and ACTOR.search(clause[: purpose.start()]) and not NO_ATTEMPT.search(clause):
            return offset + purpose.start()
    return None


#: The study's own people doing it, as they do with returned packs: "they weigh it", "the pharmacy counts them".
BY_STAFF = re.compile(
    r"\b(?:they|staff|the\s+(?:\w+\s+)?(?:nurses?|pharmac\w+|team|study|staff|clinic|site|lab|sponsor))\s+"
    r"(?:(?:always|usually|then|also|just|apparently|will|would|probably|still)\s+)?$",
    re.IGNORECASE,
)


def _private(clause: str) -> bool:
    return PRIVATELY.search(clause) is not None


#: Out of the study's sight, or to settle the question.
PRIVATELY = re.compile(
    r"\b(?:private\w*|at-home|own|without\s+telling|on\s+the\s+quiet|secretly|give\s+(?:the\s+game|it)\s+away|"
    r"would\s+tell\s+me|then\s+I['’]d\s+know|settle\s+it)\b",
    re.IGNORECASE,
)


#: Words before the act when a diary drops its subject: "Tried tasting...", "Had a look at..."
#: Words that start a diary's sentence without its subject when buying or ordering: "Bought a kit..."
BOUGHT = words("bought ordered paid booked sent posted mailed")
DROPPED_SUBJECT = words(
    "tried to just then so also today and going gonna had got took made did went gave put sent bit ate held been"
    " shone broke cut split snuck a an the sneaky quick little"
)


def _ellipsis(before: str) -> bool:
    """A diary's dropped subject: "Tried tasting...", "Weighed a tablet..." """
    found = before.lower().replace(",", " ").split()
    if found and found[0] in BOUGHT and (len(found) <= 6 or not SOMEONE_ELSE.search(before)):
        return True
    return len(found) <= 4 and all(w in DROPPED_SUBJECT or w.endswith(("ed", "ing")) for w in found)


def _invites(sentence: str, patterns: tuple[Cued, ...], you_too: Cued, armed: bool) -> bool:
    """Whether the sentence invites readers to pool notes or tells them their arm (``armed``: it
    names an arm, the drug or a group)."""
    found = {pattern for pattern in INVITE_INDEX.candidates(sentence) if pattern.search(sentence)}
    if not found and not armed and not you_too.possible(sentence):
        return False
    works_out = not found.isdisjoint(WORK_OUT)
    invite = (
        (COMPARE_NOTES in found and (READERS.search(sentence) or works_out))
        or (works_out and INVITE.search(sentence))
        or ANYONE_ELSE in found
        or (you_too.search(sentence) and CALL_TO_ACT.search(sentence))
        or (
            FELLOW_READERS in found
            and (READERS.search(sentence) or sentence.endswith("?"))
            and (
                SYMPTOMS.search(sentence)
                or RESULTS.search(sentence)
                or (armed and patterns[1].search(sentence))
            )
        )
        or ASK_THEIRS in found
        or (TELL_ME_YOURS in found and READERS.search(sentence))
        or (armed and patterns[5].search(sentence))
        or (armed and CALL_TO_ACT.search(sentence) and patterns[2].search(sentence))
        or LIKE_ME in found
        or (MATCH_ME in found and SAME_GROUP.search(sentence))
        or (
            SHARE_IT in found
            and (KIT_WORD.search(sentence) or SYMPTOMS.search(sentence) or RESULTS.search(sentence))
        )
        or (
            MATCH_ME in found
            and CALL_TO_ACT.search(sentence)
            and (SYMPTOMS.search(sentence) or RESULTS.search(sentence) or armed)
        )
    )
    return bool(invite) and not DONT.search(sentence)  # "don't compare notes" (looked for only if invited)


INVITE_INDEX = CueIndex(
    (
        COMPARE_NOTES,
        *WORK_OUT,
        ANYONE_ELSE,
        FELLOW_READERS,
        ASK_THEIRS,
        TELL_ME_YOURS,
        LIKE_ME,
        MATCH_ME,
        SHARE_IT,
    )
)


def _quote(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return f"'{text}'" if len(text) <= 70 else f"'{text[:67]}...'"
