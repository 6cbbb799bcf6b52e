"""What defeats a trial's protocol, as a post says it: advice to readers, or the writer's admission.

Gaming the eligibility tests (fasting, skipping an inhaler, shading dates), leaving medicines off
the list, throwing doses away, made-up diary entries, two trials at once: each is found as an act
(:data:`ACTS`) about something the study counts on, then told apart by who does it: readers told
to (``advice``) or the writer (``admission``). Side effects kept from the study team are
``withheld``.
"""

from __future__ import annotations

import re

from .text import Cued, CueIndex, Source

_I = re.IGNORECASE

#: What the study team counts on: screening, the forms and lists, doses, the diary, health facts.
PROTOCOL = re.compile(
    r"\b(?:screen\w*|eligib\w*|qualif\w*|criteria|exclude\w*|kick\w*\s+(?:you|me)|rule\w*\s+(?:you|me)\s+out|"
    r"withdraw\w*|pull\w*\s+(?:you|me)|dropped|take\s+(?:you|me)\s+off|let\s+(?:you|me)\s+in|get\s+in|"
    r"take\s+you|trials?|stud(?:y|ies)|team|nurse|doctor|forms?|lists?|questionnaires?|diary|diaries|"
    r"card|app|visit|counts?|weigh-in|bloods?|tests?|results?|numbers|readings|limit|cut-?off|window|fast(?:ed|ing)|"
    r"medications?|medicines?|meds|drugs?|pills?|tablets?|capsules?|doses?|injections?|pens|supplements?|"
    r"vitamins?|herbal|CBD|gummies|turmeric|fish\s+oil|wort|magnesium|keto|steroids?|inhaler|painkillers|"
    r"paracetamol|acetaminophen|ibuprofen|aspirin|codeine|naproxen|melatonin|antihistamines?|"
    r"prescriptions?|treatments?|therap\w+|remed\w+|\w+(?:pressants?|killers?|biotics?|statins?)|relapses?|flares?|seizures?|symptoms?|side[- ]effects?|history|conditions?|diagnos\w+|"
    r"illness|infections?|covid|pregnan\w*|baby|drink\w*|alcohol|smok\w+|joint|weed|cannabis|drugs|"
    r"depress\w*|anxiety|panic|mental\s+health|palpitations|heart|blood\s+pressure|sugar|glucose|weight|"
    r"BMI|age|dates?|A&E|hospital|fall|asthma|migraines?|pain|surgery|operation|scan|epilep\w*|cancer|diabet\w*|"
    r"arthritis|illness|disease|infections?|stable|herbs?|vap\w+|recreational|grog|booze|units|wine|beer|vodka|"
    r"spirits|cones|ketamine|coke|cocaine|jabs?|vaccin\w+|conceiv\w*|contracepti\w+|condoms?|planning\s+a\s+family|"
    r"creams?|hormones?|HRT|urine|younger|older|too\s+old|too\s+young|ECG|peak\s+flow|lung|breathing|docs?|"
    r"got\s+in|CPAP|CGM|sensor|tracker|monitor|device|compliance|ointment|con-med|log|"
    r"\w+(?:asone|asol|olone|isone|olol|pril|sartan|mab|nib|formin|gliptin|azole|cillin|mycin|prazole))\b",
    _I,
)
#: The writer's own account: the first person, or a diary's dropped subject.
FIRST_PERSON = re.compile(
    r"\b(?:I|I['’]m|im|I['’]?ve|I['’]d|I['’]ll|me|my|mine|myself|we|confession|confess)\b", _I
)
#: The writer narrating (not "my advice", "my tip").
NARRATOR = re.compile(r"\b(?:I|I['’]m|im|I['’]?ve|I['’]d|I['’]ll|we)\b", _I)
#: Readers addressed: the second person, or advice words.
SECOND_PERSON = re.compile(
    r"\b(?:you|your|yours|yourself|you['’]re|you['’]ll|you['’]ve|you['’]d|ur|u)\b|\b(?:tip|advice|trick)\b|"
    r"\bno\s+need\s+(?:to\s+)?(?:tell|mention|say|list|declare)\b",
    _I,
)
#: A command at the start of a clause ("Leave the turmeric off the form", "just say you took them").
COMMAND = re.compile(
    r"(?:^|[:;,—–-]\s*|\?\s+|\b(?:tip|advice|trick|so|then|and|just|simply|obviously|honestly|better\s+not\s+to|"
    r"whatever\s+you\s+do)\W+)(?:just\s+|simply\s+|then\s+|obviously\s+|honestly\s+)?"
    r"(?:don['’]?t|never|leave|keep|hide|conceal|downplay|play|lie|fib|fudge|round|skip|gloss|say|tell|tick|"
    r"give|put|write|fast|drink|stop|exaggerate|lowball|make|knock|shave|shift|move|backfill|fill|throw|bin|answer|"
    r"pop|push|return|enrol+|sign|join|look|go|avoid|chuck|dump|flush|take|use|let|wear|top|count|lay|eat|hold|"
    r"mouth|nudge|tape|strap)\b",
    _I,
)
#: Saying the opposite: "don't forget to mention", "make sure you list".
OPPOSITE = re.compile(
    r"\b(?:(?:don['’]?t|never)\s+forget|remember\s+to|make\s+sure|always|be\s+honest|honestly\s+answer|"
    r"honest\s+answers|tell\s+the\s+truth|put\s+everything\s+on|tell\s+(?:them|the\s+\w+)\s+(?:everything|all)|"
    r"answer\s+what['’]?s\s+true)\b",
    _I,
)
#: Audiences other than the study team ("I didn't tell my boss").
OTHER_AUDIENCE = re.compile(
    r"\b(?:tell|telling|told|mention|mentioning|let|from|with|to|at)\s+(?:my|our|the|your|her|his)\s+"
    r"(?:boss|manager|work|employer|colleagues?|mum|mom|mother|dad|father|parents?|family|friends?|kids?|"
    r"children|child|toddler|son|daughter|partner|husband|wife|neighbou?rs?|landlord|school|readers?|"
    r"followers?|sister|brother|cousin|aunt|uncle|in-laws|gran\w*|nan|grandparents|taxi\s+driver|vicar|"
    r"GP|mates?|pals?|boyfriend|girlfriend|teachers?|coach|insurer|"
    r"church|reunion|family\s+reunion)\b|\b(?:on|at)\s+(?:facebook|instagram|twitter|tiktok|social\s+media|"
    r"work|the\s+(?:family\s+)?reunion)\b|\btell\s+(?:me|a|an|anyone,\s+but)\b|\bdon['’]?t\s+tell\s+anyone,",
    _I,
)
#: The trial itself as what is kept quiet ("I never mention the study on Facebook").
ABOUT_THE_TRIAL = re.compile(
    r"\b(?:mention|mentioning|tell\s+\w+\s+about|talk\w*\s+about)\s+(?:the|my|this)\s+(?:trial|study)\b", _I
)
#: Someone else's advice, reported ("someone said to hide your supplements"), or a warning against it.
REPORTED = re.compile(
    r"\b(?:someone|somebody|people|a\s+(?:guy|woman|man|lady|post)|the\s+(?:forum|woman|man|guy)|she|he|"
    r"my\s+(?:friend|husband|wife|partner|mum|mom|dad|mate|sister|brother|son|daughter))\b[^.!?]{0,40}?"
    r"\b(?:said|says|reckons?|thinks|told\s+(?:me|us|her|him)|suggested|advised|recommended|"
    r"asked\s+(?:how|if|whether)|wanted)(?:\s*,|\s+(?:to|that|you|me|us|I|they)?\b)|\bplease\s+don['’]?t\b|\bdangerous\b|"
    r"\bbad\s+idea\b|\b(?:lying|fibbing|hiding)\b[^.!?]{0,40}?\b(?:could|can|will|might|may)\s+(?:\w+\s+)?"
    r"(?:put\s+you\s+in|land\s+you\s+in|kill)\b|"
    r"\b(?:(?<!n['’]t\s)hurt|(?<!self[\s-])harm\w*|unsafe|risky)\b|"
    r"\bI\s+told\s+(?:her|him|them)\s+(?:not\s+to|it['’]?s)\b",
    _I,
)
#: "Not going to lie", "made up my mind": the words, not the act.
IDIOM = re.compile(
    r"\b(?:not\s+(?:going\s+to|gonna)\s+lie|won['’]?t\s+lie|ngl|I['’]?d\s+be\s+lying\s+if|made\s+up\s+(?:my|your|our)\s+minds?|"
    r"make\s+up\s+for|make-?up|lie\s+down|lying\s+down|lay\s+down|fake\s+tan|copy\s+of|copies\s+of)\b",
    _I,
)
#: Undone or honest: a negation before the act, an accident, the study team told.
#: A negation just before the act: "not to throw away", "you can't be in two trials".
NEGATED = re.compile(
    r"\b(?:not\s+to|never\s+to|mustn['’]?t|can['’]?t|cannot|won['’]?t|wouldn['’]?t|shouldn['’]?t|must\s+not|"
    r"(?:don['’]?t|do\s+not|never)\s+want\s+to|refuse\s+to|(?:['’]m|\bam)\s+not|"
    r"(?:nothing|none)\s+(?:gets?|got|is|was)|not\s+that)\b[^.!?;,]{0,14}$",
    _I,
)
#: The act denied just before it: "I never fake my diary", "we don't bin them".
NEVER_BEFORE = re.compile(
    r"\b(?:never|don['’]?t|do\s+not|didn['’]?t|did\s+not|won['’]?t|would\s+never|wouldn['’]?t)\s+(?:ever\s+|once\s+)?$",
    _I,
)
UNDONE = re.compile(
    r"\b(?:(?:nurse|doctor|pharmacist|team|leaflet|protocol)\s+(?:said|says|told\s+(?:me|us)|asked|advised)\s+to|"
    r"against\s+the\s+rules|not\s+allowed|not\s+until|years\s+apart|not\s+at\s+the\s+same\s+time|"
    r"by\s+accident|accidentally|by\s+mistake|pointless\s+(?:trying\s+)?to|as\s+(?:instructed|shown|asked)|with\s+the\s+pharmacy['’]s\s+blessing|"
    r"(?:said|says)\s+(?:that['’]?s|it['’]?s|it\s+was|was)\s+fine|thought\s+about|thinking\s+about|considered|"
    r"which\s+(?:was|is)\s+true|rather\s+than\s+guess\w*|instead\s+of\s+guess\w*|the\s+truth(?!\s+is)|truthfully|"
    r"(?:even|also)\s+(?:though|if|when)\s+(?:I|it['’]?s|it\s+is)\s+(?:hardly|rarely|seldom|only|three|embarrass\w*)|told\s+the\s+(?:pharmacist|nurse|team|"
    r"study\s+\w+)\s+so|why\s+people|explained\s+why|tempt\w*(?:\s+\w+){0,2}?\s+to|"
    r"(?:can['’]?t|cannot|mustn['’]?t|not\s+allowed\s+to)\s+(?:join|enrol+|sign\s+up\s+for|be\s+in|take\s+part\s+in)\s+"
    r"(?:another|a\s+second|two|other))\b",
    _I,
)

#: What a dose is taken in.
DOSE = re.compile(
    r"\b(?:tablets?|pills?|capsules?|doses?|pens?|injections?|jabs?|supply|meds|medicine|medication|drug|liquid|"
    r"missed\s+ones|ones\s+(?:you|I)\s+(?:missed|forgot|skipped)|extras|leftovers?|ointment|study\s+cream)\b",
    _I,
)
_NOT_A_DOSE = (
    r"(?!\s+(?:after|every|each|organi[sz]ers?|box|boxes|case|bottles?|packaging|pots?|dispensers?))"
)
_DOSES = r"(?:tablets?|pills?|capsules?|doses?|pens?|injections?|jabs?|supply|meds|medicine|medication|them|it|the\s+rest|the\s+other\s+half|the\s+extra\s+ones|the\s+ones)"
#: Each kind of act, with the words one of which is in any text it matches.
ACTS: tuple[tuple[str, Cued], ...] = (
    # keeping something off the record: "leave X off the form", "keep it to yourself"
    (
        "omit",
        Cued(
            Source(
                r"\b(?:leave|left|leaving|keep|kept|keeping)\s+(?!\w+ing\s+(?:\S+\s+)?off\b)(?:\S+\s+){0,7}?(?:off|out)\b(?!\s+of\b)"
                r"|\b(?:leave|left|leaving|keep|kept|keeping)\s+(?:\S+\s+){0,5}?out\s+of\s+(?:the|my|your)\s+"
                r"(?:\w+\s+)?(?:list|form|forms|diary|notes|questionnaire|history|records?|log|app|e-diary)\b"
                r"|\b(?:keep|kept|keeping|stay|stayed)\s+(?:\S+\s+){0,3}?(?:quiet|schtum|mum|vague|secret|"
                r"under\s+wraps|to\s+(?:yourself|myself))\b",
                _I,
            ),
            "leav left keep kept stay",
            spans_only=True,
            also=["off out quiet schtum mum vague secret wraps yourself myself"],
        ),
    ),
    # ... or not saying it: "don't list your supplements", "didn't mention the CBD"
    (
        "omit",
        Cued(
            Source(
                # the ways that start at a word in one group, which tries them only where a word starts
                r"(?:\bbreathe\s+a\s+word\b|\bsay\s+nothing\b"
                r"|\b(?:don['’]?t|dont|do\s+not|never|no\s+need(?:\s+to)?|(?:you\s+)?don['’]?t\s+(?:have|need)\s+to|"
                r"there['’]?s\s+no\s+need\s+to|better\s+not\s+to|avoid|not|haven['’]?t|hasn['’]?t|didn['’]?t|"
                r"wouldn['’]?t|wouldnt|would\s+not|ain['’]?t)\s+"
                r"(?:ever\s+|even\s+|just\s+|bother\s+)?(?:mention\w*|tell\w*|tel|list\w*|bring\s+up|bring|disclos\w+|"
                r"let\s+on|admit\w*|report\w*|declar\w+|volunteer|put\w*|(?:write|written|writing)\s+(?:it\s+|them\s+|that\s+)?(?:down|in|on|anywhere)|"
                r"comment\w*|log|logging|record|updat\w+|say\s+about|"
                r"own\s+up|say\s+anything|say\s+a\s+word|let\s+(?:them|anyone|the\s+\w+)\s+know|"
                r"(?:say|said)\s+(?:to\s+)?(?:them|dem|(?:the\s+)?(?:\w+\s+)?(?:nurse|doctor|team|investigator|rater))|inform\w*)\b"
                r"|\bnot\s+a\s+word\s+to\s+(?:the|my)\s+(?:\w+\s+)?(?:trial|study|team|nurse|doctor|investigators?)\b"
                r"|\bthe\s+less\s+(?:you|one|u|we)\s+says?\b[^.!?]{0,60}?\bthe\s+better\b"
                r"|\bnever\s+(?:makes?|made|gets?|got)\s+(?:it\s+)?(?:on|onto|into)\s+(?:the|my|your)\s+(?:\S+\s+)?"
                r"(?:list|form|diary|log|card|sheet)\b|\bnot\s+something\s+(?:I|we)\s+(?:put|list|mention)\w*"
                r"|\b(?:then|so)\s+(?:there['’]?s|there\s+is|you\s+have)\s+nothing\s+to\s+(?:report|declare|tell|mention)\b"
                r"|\bgo\s+ahead\s+(?:and\s+)?(?:tell|mention|report|list)\b[^.!?]{0,60}?\b(?:enjoy|good\s+luck)\b"
                r"|\b(?:don['’]?t|dont|do\s+not)\s+want\s+to\s+(?:say|tell|mention|admit)\b(?=[^.!?]{0,25}\b(?:looks?\s+bad|"
                r"embarrass\w*|awkward|stupid))|\bthat\s+(?:\w+\s+)?(?:conversation|bit|part)\s+never\s+happened\b"
                r"|\bdon['’]?t\s+be\s+(?:daft|silly|stupid|mad|an?\s+idiot)\s+and\s+(?:tell|mention|admit|list)"
                r"|\bwithout\s+(?:saying|telling|mentioning)\s+(?:anything|anyone|them|a\s+word)\b|\blet\s+on\b)"
                r"|(?:^|[,;:]\s*|\bjust\s+)(?:don['’]?t|do\s+not|never)\s+say(?=\s*(?:[.,;!]|$))",
                _I,
            ),
            "breathe nothing n't n’t dont didnt havent hasnt not never need avoid without let wouldnt less ahead aint",
            spans_only=True,
            also=[
                "mention tell tel list bring disclos admit report declar volunteer put write own say said let word inform"
                " comment log record updat better make made get got something ahead writ want happened"
            ],
        ),
    ),
    # ... or cut short: "the medication list I gave them was a short version"
    (
        "omit",
        Cued(
            Source(
                r"\b(?:(?:medication|medicine|meds|drugs?|supplements?|medical|health|screening)\s+(?:list|form|history|answers)|"
                r"list\s+of\s+(?:my\s+)?(?:medications|medicines|meds|drugs|supplements))\s+(?:\S+\s+){0,5}?(?:was|is|were),?\s+"
                r"(?:\S+\s+){0,4}?"
                r"(?:a\s+|the\s+)?(?:(?:short|shortened|abridged|edited|trimmed|cut-down|selective|creative)\s+version|"
                r"(?:abridged|edited|trimmed|selective|creative)\s+(?:one|list))\b",
                _I,
            ),
            "version one list",
            spans_only=True,
            also=["short abridged edited trimmed cut-down selective creative"],
        ),
    ),
    # saying what is not so: lies, exaggeration, shaded dates and numbers
    (
        "misstate",
        Cued(
            Source(
                r"\b(?:lie|lied|lying|fib|fibbed|fibbing|fudg\w+|exaggerat\w+|lowball\w*|downplay\w*|"
                r"play(?:ed|ing)?\s+(?:\S+\s+){0,2}?(?:up|down)|round(?:ed|ing)?\s+(?:\S+\s+){0,3}?(?:up|down)|"
                r"(?:shav|knock)\w*\s+(?:\S+\s+){0,4}?off|backdat\w+|(?:shift|mov)(?:e|ed|ing)?\s+(?:the\s+)?date|"
                r"(?:make|makes|making)\s+(?:your|my|the)\s+\w+\s+(?:sound|look|seem)|look\s+as\s+\w+\s+as\s+possible|"
                r"halv(?:e|ed|ing)\s+(?:my\s+|your\s+|the\s+)?(?:doses?|tablets?|pills?|medication|it|that)|"
                r"pretend(?:ed|ing)?\s+(?:that\s+)?(?:I|I['’]d|you|you['’]d|my|your)\b|"
                r"cut\s+(?:it|that|them)\s+in\s+half)\b",
                _I,
            ),
            "lie lied lying fib fudg exaggerat lowball downplay play round shav knock backdat shift mov make"
            " making look halv cut pretend",
            spans_only=True,
        ),
    ),
    # ... told to say it: "just say you quit", "tick 'never' for alcohol"
    (
        "misstate",
        Cued(
            Source(
                r"\b(?:say|tell\s+them|tell\s+the\s+\w+|tick|put(?:\s+down|(?=\s+[\"“'‘]))|answer|give)\s+(?:that\s+)?"
                r"(?:(?:you|u)(?:['’]ve|\s+have|['’]re|\s+are|['’]d)?\s+(?:never|not|quit|stopped|fasted|don['’]?t|haven['’]?t|hadn['’]?t|"
                r"didn['’]?t|weren['’]?t|took|taken|"
                r"had\s+no|been\s+off)|your\s+\w+(?:\s+\w+)?\s+(?:was|is|were)|[\"“']?(?:no|never|none|yes)\b|"
                r"them\s+all\s+as|a\s+(?:\w+\s+)?(?:date|number|score|weight)\s+(?:just\s+)?(?:outside|inside|under|"
                r"over|below|above))",
                _I,
            ),
            "say tell tick put answer give",
            spans_only=True,
            also=[
                "you no never none yes them date number score weight fasted quit stop took taken don haven hadn didn weren had been"
            ],
        ),
    ),
    # said or written, against the facts: "I told them I'd never had a seizure, which isn't true"
    (
        "untrue",
        Cued(
            Source(
                r"\b(?:said|says|say|told\s+(?:them|the\s+\w+(?:\s+\w+)?)|wrote|put|ticked|answered|claimed|tell\s+them)\s+"
                r"(?:that\s+)?(?:[\"“']?(?:no|none|nothing|never)\b|I(?:['’]d|\s+had|\s+have|['’]ve)?\s+(?:never|not|"
                r"no|stopped|quit|taken|done|don['’]?t)\b|(?:I\s+(?:was|am)|I['’]m|im|my\s+\w+\s+was|everything\s+was|"
                r"it\s+was)\s+(?:fine|ok|okay|good|great|normal|all\s+right))"
                r"[^.!?]{0,60}?(?:\beven\s+(?:though|if)\b|\bthough\b|\bbut\s+(?:really|actually|it|I)\b|"
                r"\bwhich\s+(?:isn['’]?t|wasn['’]?t|is\s+not|was\s+not)\b|\bnot\s+(?:strictly\s+)?true\b|"
                r"\ba\s+(?:bit\s+of\s+a\s+)?stretch\b|\bwhen\s+(?:really|in\s+fact)\b)"
                r"|\b(?:actually|really|in\s+fact)\b[^.!?]{0,40}?\bbut\s+I\s+(?:wrote|put|said|told|ticked|gave|entered)\b"
                r"|\b(?:say|tell\s+them|tell\s+the\s+\w+)\s+(?:that\s+)?you\b[^.!?]{0,50}?\beven\s+(?:if|though)\s+you\b",
                _I,
            ),
            "said says told wrote put ticked answered claimed tell actually really fact say",
            spans_only=True,
            also=["though but which true stretch really fact even"],
        ),
    ),
    # doctoring a test to fit the criteria: "so I'd qualify", "under the limit"
    (
        "game",
        Cued(
            Source(
                r"\b(?:so|to)\s+(?:that\s+)?(?:I['’]?d|I\s+would|I|you['’]?d|you\s+would|you|we)?\s*(?:\S+\s+){0,2}?"
                r"(?:qualify|be\s+eligible|get\s+a\s+place|meet\s+(?:the|their)\s+criteria|"
                r"get\s+(?:under|below|over)\s+the\s+(?:limit|cut-?off)|make\s+(?:my|your|the)\s+\w+\s+fit|"
                r"make\s+the\s+(?:cut-?off|cut|limit|criteria|threshold))\b"
                r"|\b(?:so|to)\s+[^.!?]{0,25}?\b(?:under|below|over|above)\s+(?:the|their)\s+(?:limit|cut-?off|threshold)\b"
                r"|\b(?:bad|sick|ill|low|high)\s+enough\s+to\s+qualify\b",
                _I,
            ),
            "qualif eligib place criteria limit cut threshold fit",
            spans_only=True,
        ),
    ),
    # ... "so your kidney numbers look better", "get my sugar down"
    (
        "game",
        Cued(
            Source(
                r"\b(?:so|to\s+make)\s+(?:that\s+)?(?:my|your|the)\s+(?:\w+\s+)?(?:numbers|readings|results|levels|"
                r"sugar|glucose|weight|BMI|pressure|scores?|test|bloods)\s+(?:\S+\s+){0,2}?(?:look|looks|come|comes|came|"
                r"would|will|is|are|was|were|get|gets)\s+(?:\S+\s+){0,2}?(?:under|below|above|better|worse|lower|"
                r"higher|bad|good|fit|in\s+range|down)\b"
                r"|\b(?:get|got)\s+(?:my|your|the)\s+(?:sugar|glucose|weight|numbers|readings|levels|scores?|"
                r"pressure|BMI)\s+(?:down|under)\b",
                _I,
            ),
            "number reading result level sugar glucose weight bmi pressure score test blood",
            spans_only=True,
            also=["under below above better worse lower higher bad good fit range down"],
        ),
    ),
    # ... "gets you under", "knocks a kilo off"
    (
        "game",
        Cued(
            Source(
                r"\b(?:gets?|got|knocks?)\s+(?:you|me)\s+(?:\S+\s+){0,2}?under\b|\bknocks?\s+(?:a|two|\d+)\s+\w+\s+off\b",
                _I,
            ),
            "get got knock",
            spans_only=True,
            also=["under off"],
        ),
    ),
    # ... fasting for days before the screening bloods
    (
        "game",
        Cued(
            Source(
                r"\b(?:ate\s+nothing|went\s+without\s+(?:food|eating|water)|didn['’]?t\s+eat|fast(?:ed|ing)?|"
                r"starv(?:e|ed|ing))\s+(?:\S+\s+){0,4}?(?:for\s+)?(?:a\s+day\s+and\s+a\s+half|(?:2[4-9]|[3-9]\d)\s+"
                r"hours|two\s+days|three\s+days|a\s+(?:full|whole)\s+day|days)\b",
                _I,
            ),
            "nothing without eat fast starv",
            spans_only=True,
            also=["day hour"],
        ),
    ),
    # doses thrown away
    (
        "discard",
        Cued(
            Source(
                rf"\b(?:bin|binned|binning|flush\w*|dispos\w+|get\s+rid\s+of|got\s+rid\s+of)\s+(?:of\s+)?(?:\S+\s+){{0,3}}?"
                rf"{_DOSES}\b{_NOT_A_DOSE}"
                rf"|\b(?:throw\w*|threw|tip\w*|chuck\w*|dump\w*|push\w*|pop\w*)\s+(?:\S+\s+){{0,3}}?{_DOSES}\b{_NOT_A_DOSE}"
                r"\s+(?:(?!up\b)\S+\s+){0,2}?(?:away|out|in(?:to)?\s+(?:the|a)\s+(?:\w+\s+)?(?:bin|toilet|loo|sink|drain|trash|garbage|rubbish)|"
                r"before\s+(?:the|your|my)\s+"
                r"(?:visit|count|pill\s+count))\b"
                rf"|\b(?:throw\w*|threw|tip\w*|chuck\w*|dump\w*)\s+(?:away|out)\s+(?:\S+\s+){{0,3}}?{_DOSES}\b{_NOT_A_DOSE}"
                r"|\b(?:put|drop|tip|throw)\w*\s+(?:them|it)\s+in(?:to)?\s+the\s+(?:\w+\s+)?bin\b",
                _I,
            ),
            "bin flush dispos rid throw threw tip chuck dump push pop put drop",
            spans_only=True,
            also=["tablet pill capsule dose pen injection jab supply meds medic them it rest half ones bin"],
        ),
    ),
    # ... poured away, or counted as taken: "tick them all as taken", "return the empty packs"
    (
        "discard",
        Cued(
            Source(
                r"\b(?:goes|go|went|pour\w*|tip\w*|flush\w*|put\w*)\s+(?:\S+\s+){0,3}?down\s+the\s+(?:sink|toilet|loo|drain)\b"
                r"|\bsharps\s+bin\s+unused\b"
                r"|\btick\w*\s+(?:the\s+box(?:es)?|them\s+all|it|all\s+(?:the\s+|my\s+)?(?:doses|days|boxes|tablets|pills)|"
                r"every\s+(?:dose|day|box))\s+(?:anyway|as\s+taken)\b"
                r"|\b(?:says?|said|wrote|ticked)\s+(?:that\s+)?I\s+(?:took|['’]d\s+taken|had\s+taken|have\s+taken)\s+"
                r"(?:them\s+all|every|it|all)\b|\breturn\w*\s+(?:the\s+right\s+number|the\s+empty|empty)\b"
                r"|\bhand\s+back\s+the\s+empty\b",
                _I,
            ),
            "sink toilet loo drain sharps way taken took number empty",
            spans_only=True,
            also=["down unused tick say said wrote return back"],
        ),
    ),
    # ... or given away
    (
        "discard",
        Cued(
            Source(
                r"\b(?:shar\w+|giv\w+|gave|sell\w*|sold|lend\w*)\s+(?:\S+\s+){0,3}?(?:study\s+)?(?:medicine|medication|"
                r"tablets|pills|capsules|meds|drug)\s+(?:\S+\s+){0,2}?(?:with|to)\b",
                _I,
            ),
            "medicine medication tablets pills capsules meds drug",
            spans_only=True,
            also=["shar giv gave sell sold lend"],
        ),
    ),
    # a diary filled in after the fact: "filled in the whole week from memory"
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:fill\w*|complet\w+)\s+(?:in\s+|out\s+)?(?:\S+\s+){0,7}?(?:in\s+one\s+sitting|all\s+at\s+once|"
                r"at\s+once|from\s+memory|in\s+the\s+car\s+park|(?:the\s+(?:night|morning)\s+|right\s+)?before\s+"
                r"(?:the|my|your)\s+visit|once\s+a\s+(?:week|month)|whole\s+(?:week|month)['’]?s?|"
                r"(?:last|past)\s+(?:fortnight|week|month))\b",
                _I,
            ),
            "fill complet",
            spans_only=True,
            also=["sitting once memory park before whole fortnight week month"],
        ),
    ),
    # ... done in one go, the night before
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:do|did|doing|done)\s+(?:it|them|the\s+lot|(?:the\s+)?whole\s+\S+(?:\s+\S+)?)\s+(?:\S+\s+){0,3}?"
                r"(?:in\s+one\s+sitting|all\s+at\s+once|at\s+once|from\s+memory|(?:the\s+(?:night|morning)\s+)?before\s+"
                r"(?:the|my|your)\s+visit)\b",
                _I,
            ),
            "sitting once memory before",
            spans_only=True,
        ),
    ),
    # ... made up, invented, copied
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:made\s+up|make\s+up|making\s+up|invent\w*|copied|back-?fill\w*|fake\w*|fabricat\w+)\s+"
                r"(?:\S+\s+){0,6}?(?:e-)?(?:scores?|entries|numbers|symptoms?|diary|days|answers|data|readings)\b"
                r"|\b(?:put|type|enter)\s+in\s+(?:\S+\s+){0,2}?(?:numbers|scores|answers|entries|readings)\b"
                r"|\b(?:scores?|entries|numbers|diary|card|answers|readings)\s+(?:\S+\s+){0,4}?(?:were|was|is|are)\s+"
                r"(?:all\s+)?(?:made\s+up|invented|fake|pure\s+fiction|fiction)\b|\bpure\s+fiction\b",
                _I,
            ),
            "made make making invent copied backfill back-fill fake fabricat put type enter fiction",
            spans_only=True,
            also=["score entries number symptom diar day answer data reading card fiction"],
        ),
    ),
    # ... a week's worth at a time
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:did|do|doing|done|fill(?:ed|ing)?\s+in|wrote|write|writing)\s+(?:a|the|two|three|\d+)\s+(?:whole\s+)?"
                r"(?:weeks?|months?|fortnight|days?)['’]?s?\s+worth\s+of\s+(?:\S+\s+){0,2}?"
                r"(?:diary|diaries|entries|scores|questionnaires|readings|answers)\b",
                _I,
            ),
            "worth",
            spans_only=True,
        ),
    ),
    # ... written as they should have been: "the readings I should have had, not the ones I got"
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:wrote|write|writing|put|entered|enter|logged|recorded|ticked)\s+(?:down\s+|in\s+)?(?:\S+\s+){0,2}?"
                r"(?:readings|numbers|scores?|answers|results|entries)\s+(?:that\s+)?(?:I|you)\s+"
                r"(?:should|would|wanted\s+to|ought\s+to)\s+have\b",
                _I,
            ),
            "should would wanted ought",
            spans_only=True,
        ),
    ),
    # ... or by someone else
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:got|get|had|have|let)\s+(?:my\s+)?\w+(?:\s+\w+)?\s+(?:to\s+)?(?:fill|do|complete)\s+(?:in\s+|out\s+)?"
                r"(?:my\s+)?(?:questionnaires?|diary|diaries|forms?|symptom\s+\w+)|\bin\s+my\s+name\b"
                r"|\b(?:fills?|filled|does|did|completes?)\s+(?:in\s+|out\s+)?(?:the\s+|my\s+)?(?:\w+\s+)?"
                r"(?:questionnaires?|diary|diaries|forms?|symptom\s+\w+)\s+for\s+me\b",
                _I,
            ),
            "questionnaire diar form symptom name",
            spans_only=True,
            also=["got get had have let name fill does did complet"],
        ),
    ),
    # two trials at once, kept from one or both
    (
        "two-trials",
        Cued(
            Source(
                r"\b(?:two|both|a\s+second|another|more\s+than\s+one|other)\s+(?:\S+\s+)?(?:studies|trials|study|trial)\b"
                r"[^.!?]{0,60}?(?:\bat\s+(?:the\s+same\s+time|once)\b|\bsimultaneous\w*|\bright\s+now\b|"
                r"\bneither\b|\bwithout\s+telling\b|\bdidn['’]?t\s+tell\b|\bdon['’]?t\s+tell\b|\bkept\s+it\s+quiet\b|"
                r"\bkeep\s+quiet\b|\bshhh*|\bdon['’]?t\s+need\s+to\s+know\b|\bnobody['’]?s\s+(?:noticed|cross)|"
                r"\bleft\s+it\s+off\b|\bdouble\b|\bthe\s+money\b)",
                _I,
            ),
            "two both second another more other",
            spans_only=True,
            also=[
                "stud trial",
                "same once simultaneous right neither without tell quiet shh know noticed cross left double money",
            ],
        ),
    ),
    # ... "the asthma study and the vitamin D study at the same time", "while on this one"
    (
        "two-trials",
        Cued(
            Source(
                r"\b(?:study|trial)\s+and\s+(?:the\s+|a\s+)?(?:\S+\s+){0,3}?(?:study|trial)\s+at\s+the\s+same\s+time\b"
                r"|\b(?:study|trial)\b[^.!?]{0,40}?\bwhile\s+(?:I['’]?m\s+)?(?:on|in|doing)\s+this\s+(?:one|study|trial)\b"
                r"|\b(?:at\s+the\s+same\s+time|at\s+once)\b[^.!?]{0,40}?\b(?:they\s+don['’]?t\s+need\s+to\s+know|"
                r"neither\s+knows)\b",
                _I,
            ),
            "same while once",
            spans_only=True,
        ),
    ),
    # the study drug stopped, and nobody told
    (
        "stopped",
        Cued(
            Source(
                r"\b(?:stopped|quit|haven['’]?t\s+taken|not\s+taken|didn['’]?t\s+take|don['’]?t\s+take|skip\w*)\s+"
                r"(?:taking\s+)?(?:the\s+|my\s+)?(?:study\s+)?(?:drug|tablets?|pills|medicine|medication|injections?|"
                r"doses?|a\s+tablet|it)\b[^.!?]{0,60}?(?:\bhaven['’]?t\s+told\b|\bnot\s+told\b|\bwithout\s+telling\b|\bnobody\b|"
                r"\bno\s+one\b|\bjust\s+keep\s+going\b|\bfor\s+the\s+money\b|\bso\s+nobody\b|\bthey\s+(?:won['’]?t|"
                r"don['’]?t|never)\b|\bthrew\b|\bbinned\b|\bdisposed\b|\bsay\s+you\s+took\b)",
                _I,
            ),
            "stopped quit taken take skip",
            spans_only=True,
            also=["told telling nobody one keep money they threw binned disposed took"],
        ),
    ),
    # said or written against the facts, the truth told beside it: "told them 2021, it was actually last spring"
    (
        "untrue",
        Cued(
            Source(
                r"\b(?:said|say|told\s+(?:them|the\s+\w+(?:\s+(?!about\b)\w+)?)|tell\s+(?:them|the\s+\w+)|put(?:\s+down)?|wrote|"
                r"ticked|answered|claimed)\b(?!\s+about\b)[^.!?]{0,80}?\b(?:actually|in\s+fact|more\s+like|"
                r"(?:a\s+|bit\s+of\s+a\s+)(?:lie|porky|fib)|(?:isn['’]?t|wasn['’]?t|is\s+not|was\s+not)\s+(?:\w+\s+)?true|"
                r"(?:even|also)\s+(?:though|if|when)|want\w*\s+to\s+stay\s+(?:in|on))\b"
                r"|\b(?:actually|really|in\s+fact|well\s+(?:inside|within|over|under)|drinking|smoking)\b[^.!?]{0,60}?"
                r"\bbut\s+(?:on\s+the\s+\w+,?\s+|at\s+screening,?\s+)?I\s+(?:wrote|put(?:\s+down)?|said|ticked|"
                r"told\s+them|answered|gave)\b",
                _I,
            ),
            "said say told tell put wrote ticked answered claimed actually really fact well drinking smoking",
            spans_only=True,
            also=[
                "actually fact like lie porky fib true even also stay wrote put said ticked told answered gave"
            ],
        ),
    ),
    # ... saying one fasted, having eaten: "had a fry-up and told the nurse I'd had nothing"
    (
        "untrue",
        Cued(
            Source(
                r"\b(?:ate|eat|eaten|breakfast|brekkie|toast|roll|english|fry-?up|biscuit|snack|food|"
                r"didn['’]?t\s+fast|did\s+not\s+fast)\b[^.!?]{0,80}?\b(?:said|say|told\s+(?:them|the\s+\w+)|"
                r"tell\s+(?:them|the\s+\w+))\s+(?:(?:the\s+)?(?:nurse|doctor|team)\s+)?(?:that\s+)?(?:I|you|u)(?:['’]d|\s+had|\s+am|['’]m|\s+was)?\s+"
                r"(?:fasted|fasting|had\s+nothing|eaten\s+nothing|not\s+eaten)\b"
                r"|^\W*said\s+(?:that\s+)?I\s+(?:fasted|was\s+fasting|had\s+nothing)\b",
                _I,
            ),
            "ate eat breakfast brekkie toast roll english fry biscuit snack food fast said",
            spans_only=True,
            also=["fasted fasting nothing eaten"],
        ),
    ),
    # told to claim what keeps one in, where it will not be checked: "just tell them ur younger, nobody asks"
    (
        "claim",
        Cued(
            Source(
                r"(?:^|[,;:.!?]\s*|\b(?:just|simply|then|and|obviously)\s+)(?:say|tell\s+(?:them|the\s+\w+)|write|"
                r"put(?:\s+down)?|tick)\s+(?:on\s+the\s+form\s+)?(?:that\s+)?(?:you|u|ur|it\s+was|your\s+\w+|"
                r"[\"“'‘]?(?:none|never|no|zero|non-\w+))\b",
                _I,
            ),
            "say tell write put tick",
            spans_only=True,
            also=["u it none never no zero"],
        ),
    ),
    # tests gamed to a result: "so your heart rate is high enough for the criteria", "sail through the test"
    (
        "game",
        Cued(
            Source(
                r"\b(?:high|low|bad|good|sick|ill|poor|heavy|light|well)\s+enough\s+(?:to\s+(?:get\s+in|qualify|be\s+eligible|"
                r"make\s+the\s+cut)|for\s+(?:them(?!\s+to\b)|the\s+(?:\w+\s+)?(?:criteria|cut-?off|limit)))"
                r"|\b(?:you['’]ll|you\s+will|u['’]?ll|and|to)\s+sail\w*\s+through\s+the\s+(?:\w+\s+)?(?:test|screening|bloods|weigh-in)\b"
                r"|\botherwise\s+(?:I|you)(?:['’]d|\s+would)\s+(?:have\s+)?(?:been|be)\s+(?:outside|over|under|too)\b"
                r"|\bI['’]?m\s+\d+(?:\s+and\s+a\s+half)?\s+but\s+(?:I\s+)?(?:put|wrote|said|told\s+them)\s+\d+"
                r"|\bif\s+(?:your|ur|you['’]re|you\s+are|u\s+r)\b[^.!?,]{0,30}?\b(?:borderline|too\s+(?:good|high|low|old|"
                r"young|well|heavy|light|healthy|fit|recent))\b[^.!?]{0,30}?\b(?:skip|leave|don['’]?t|stop|tell|say|"
                r"put|write|lie|knock|drink|eat|have|take|wear|fast|avoid)\b",
                _I,
            ),
            "enough sail otherwise but borderline too",
            spans_only=True,
            also=[
                "get qualify eligible cut them criteria limit test screening blood weigh outside over under too put"
                " wrote said told skip leave don stop tell say write lie knock drink eat have take wear fast avoid"
            ],
        ),
    ),
    # ... a medicine stopped for screening and started again after: "started them again the day after I was randomised"
    (
        "game",
        Cued(
            Source(
                r"\b(?:stopped|skipped|came\s+off|left\s+off)\b[^.!?]{0,80}?\b(?:started|restarted|back\s+on)\b[^.!?]{0,40}?"
                r"\b(?:after|once)\s+(?:I\s+was\s+)?(?:randomi[sz]ed|screening|enrolled|the\s+baseline)\b",
                _I,
            ),
            "stopped skipped came left",
            spans_only=True,
            also=["random screening enrolled baseline"],
        ),
    ),
    # someone or something else giving the sample or wearing the tracker
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:got|get|had|have|let)\s+(?:my|your|the)\s+(?:\w+\s+)?(?:partner|husband|wife|mate|friend|son|"
                r"daughter|brother|sister|kid|kids|dog|cat|mum|mom|dad)\s+(?:to\s+)?(?:do|give|wear|pee\s+in|wee\s+in)\s+"
                r"(?:my|your|the|it)\b"
                r"|\bswap\w*\s+(?:the\s+|my\s+|your\s+)?(?:urine|wee|pee|stool|saliva)\s+(?:sample|pot)",
                _I,
            ),
            "partner husband wife mate friend son daughter brother sister kid dog cat mum mom dad urine wee pee stool saliva",
            spans_only=True,
            also=["got get had have let swap"],
        ),
    ),
    # ... answers guessed, or filled in by someone else: "he just picks a number", "whatever comes to mind"
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:diary|diaries|e-diary|questionnaires?|scores?|answers|entries|entry)\b[^.!?]{0,120}?"
                r"\b(?<!than\s)(?<!of\s)(?<!not\s)(?<!to\s)(?:guess\w*|picks?\s+a\s+number|whatever\s+(?:comes\s+to\s+mind|"
                r"seems\s+(?:about\s+)?right|feels\s+right)|something\s+plausible|roughly\s+what|in\s+(?:a|one)\s+(?:batch|go|hit))\b"
                r"|\b(?:husband|wife|partner|mum|mom|dad|son|daughter|mate|friend|sister|brother|carer)\s+"
                r"(?:just\s+|usually\s+|often\s+|sometimes\s+)?(?:does|did|fills\s+in|filled\s+in|completes|answers)\s+"
                r"my\s+(?:\w+\s+)?(?:scores?|diary|questionnaires?|forms?|answers|entries)\b",
                _I,
            ),
            "diar questionnaire score answer entries entry husband wife partner mum mom dad son daughter mate friend"
            " sister brother carer",
            spans_only=True,
            also=["guess pick whatever plausible roughly batch go hit does did fill complete answer"],
        ),
    ),
    # ... pressed out and binned, or handed back as taken: "pressed the missed ones out and into the bin"
    (
        "discard",
        Cued(
            Source(
                r"\b(?:press\w*|pop\w*|push\w*)\s+(?:\S+\s+){0,4}?out\s+(?:of\s+the\s+(?:\w+\s+)?(?:pack|packs|strip|"
                r"bottle)\s+)?(?:and\s+)?in(?:to)?\s+(?:the|a)\s+(?:\w+\s+)?(?:bin|toilet|loo|sink)\b"
                r"|\b(?:skip\w*|miss\w*|binned|threw)\b[^.!?]{0,120}?\b(?:say|said|tell\s+them|told\s+them)\s+(?:that\s+)?"
                r"I\s+(?:took|['’]d\s+taken|had\s+taken|have\s+taken)\s+(?:them|it|all|every)\b",
                _I,
            ),
            "press pop push skip miss binned threw",
            spans_only=True,
            also=["bin toilet loo sink took taken"],
        ),
    ),
    # two trials: "as well as this one", "haven't mentioned it to either lot", "2 trials rn"
    (
        "two-trials",
        Cued(
            Source(
                r"\b(?:study|trial)\b[^.!?]{0,60}?\bas\s+well\s+as\s+this\s+one\b"
                r"|\b(?:2|two)\s+(?:trials|studies)\s+(?:rn|right\s+now|now)\b"
                r"|\b(?:enrolled|signed\s+up|taking\s+part|participating)\s+in\s+(?:one|another|a|an)\s+(?:\w+\s+){0,2}?"
                r"(?:study|trial)\b[^.!?]{0,80}?\b(?:not\s+been\s+(?:informed|told)|don['’]?t\s+know|haven['’]?t\s+(?:told|"
                r"mentioned)|no\s+idea)\b",
                _I,
            ),
            "well trials studies informed told know mentioned idea",
            spans_only=True,
            also=["stud trial"],
        ),
    ),
    # left off, said another way: "isn't on the med list", "not on the form", "my list has a few gaps"
    (
        "omit",
        Cued(
            Source(
                r"(?:\b(?:isn['’]?t|aren['’]?t|wasn['’]?t|weren['’]?t|is\s+not|are\s+not)\s+|^\W*not\s+)on\s+(?:the|my|your)\s+"
                r"(?:\w+\s+)?(?:list|form|forms|diary|card|sheet)\b"
                r"|\b(?:list|form)\s+has\s+(?:a\s+few\s+|some\s+|a\s+couple\s+of\s+)?(?:gaps|holes|omissions)\b"
                r"|[\"“'‘](?:forgetting|forgot|forget|missed|accidentally)[\"”'’]",
                _I,
            ),
            "isn aren wasn weren not list form gaps holes omissions forget forgot missed accidentally",
            spans_only=True,
            also=["list form diary card sheet forget forgot missed accidentally"],
        ),
    ),
    # results steered to the criteria: "so your numbers fall into their range", "so I'd pass"
    (
        "game",
        Cued(
            Source(
                r"\bso\s+(?:that\s+)?(?:my|your|ur|his|her|the|it)\s+(?:\w+\s+){0,2}?(?:would\s+|will\s+|['’]d\s+)?"
                r"(?:comes?|came|falls?|fell|looks?|looked|reads?|stays?|gets?|is|are|was|were)\s+(?:out\s+)?(?:\w+\s+)?"
                r"(?:higher|lower|(?:in|into|within)\s+(?:the|their)\s+range|in\s+range|decent|right|normal|perfect|"
                r"like\s+I['’]?(?:d|m))\b"
                r"|\bso\s+(?:that\s+)?(?:I['’]?d|I\s+would|you['’]?d|you\s+would|you|u)\s+(?:\w+\s+)?(?:pass|get\s+in|"
                r"clear\s+the\s+washout)\b|\b(?:lay|laid|laying|lays)\s+it\s+on\s+thick\b|\bham\w*\s+it\s+up\b"
                r"|\bdescrib\w+\s+(?:my|your|his|her)\s+best\s+day\b"
                r"|\b(?:comes?|came)\s+out\s+higher\s+and\s+(?:you|u|ur|you['’]re)\b",
                _I,
            ),
            "so lay laid ham describ came come",
            spans_only=True,
            also=["higher lower range decent right normal perfect like pass get clear thick ham best"],
        ),
    ),
    # said or written against the facts, the facts told after: "I wrote no alcohol, but I drink every evening"
    (
        "untrue",
        Cued(
            Source(
                r"\b(?:said|told|wrote|written|put|ticked|answered|claimed)\b[^.!?]{0,60}?\b(?:no|not|never|none|nothing|"
                r"zero|stopped|quit)\b[^.!?]{0,50}?\bbut\s+(?:the\s+truth\s+is\s+(?:that\s+)?)?I\s+(?:(?:still|actually|"
                r"really|do)\s+)?(?:drink|smoke|vape|take|use|am\s+still)\b"
                r"|\bI\s+(?:\w+\s+){0,2}?(?:vape|smoke|drink)\b[^.!?]{0,60}?\b(?:ticked|put|wrote|answered|said)\s+"
                r"[\"“'‘]?(?:no|none|never|zero)\b"
                r"|\b(?:said|told\s+them)\s+(?:about\s+)?\w+\b[^.!?]{0,40}?\b(?:a\s+joke|more\s+like)\b",
                _I,
            ),
            "said told wrote written put ticked answered claimed vape smoke drink",
            spans_only=True,
            also=["but no none never zero joke like"],
        ),
    ),
    # numbers nudged, counted short: "I nudge my readings", "count the two rounds as one"
    (
        "misstate",
        Cued(
            Source(
                r"\bnudg\w*\s+(?:my|your|the)\s+(?:\w+\s+)?(?:readings|numbers|scores|results|weight)\b"
                r"|\bcount\w*\s+(?:\S+\s+){1,5}?as\s+(?:one|none|zero|a\s+single)\b",
                _I,
            ),
            "nudg count",
            spans_only=True,
        ),
    ),
    # doses gone in the bin or the compost, the bottle topped up, the study drug shared
    (
        "discard",
        Cued(
            Source(
                r"\b(?:go|goes|went|going|throw\w*|threw|put\w*|tip\w*|chuck\w*)\s+(?:\S+\s+){0,3}?in(?:to)?\s+(?:the\s+|a\s+)?"
                r"(?!sharps\s)(?:\w+\s+)?(?:bin|compost|garbage|rubbish|trash|dustbin)\b"
                r"|\btop\w*\s+(?:the|my|your)\s+(?:\w+\s+)?(?:bottle|pack|box|tub|count)\s+up\b"
                r"|\b(?:wife|husband|partner|mum|mom|dad|son|daughter|sister|brother|friend|mate|flatmate|he|she)\s+"
                r"(?:has\s+been\s+|have\s+been\s+|is\s+|was\s+|['’]s\s+been\s+)?(?:using|taking|borrowing|nicking)\s+"
                r"(?:some\s+of\s+)?my\s+(?:study\s+)?(?:ointment|cream|gel|tablets?|pills?|capsules?|medicine|medication|"
                r"meds|inhaler|pens?|spray|injections?)\b",
                _I,
            ),
            "bin compost garbage rubbish trash top using taking borrowing nicking",
            spans_only=True,
        ),
    ),
    # the count made to fit: "so the count adds up", "so nurse count is good"
    (
        "game",
        Cued(
            Source(
                r"\bso\s+(?:that\s+)?(?:the\s+|my\s+|your\s+)?(?:\w+\s+)?count\s+(?:\w+\s+)?(?:adds\s+up|is\s+(?:good|right|"
                r"correct|fine|perfect)|matches|match|would\s+look|looks?)\b",
                _I,
            ),
            "count",
            spans_only=True,
        ),
    ),
    # a device worn or run to fake the record: "left the CPAP running on the pillow", "take the sensor off"
    (
        "fake-diary",
        Cued(
            Source(
                r"\b(?:leave|left|leaving|let|put|strap\w*|tape\w*|stick|stuck)\s+(?:the|my|your)\s+(?:\w+\s+)?(?:CPAP|machine|"
                r"monitor|tracker|sensor|watch|device|pedometer|step\s+counter|mask)\s+(?:running\s+)?on\s+(?:the|a|my|your)\s+"
                r"(?:\w+\s+)?(?:pillow|dog|cat|kid|bed|fan)\b"
                r"|\b(?:mouth\w*|whisper\w*|feed\w*|slip\w*)\s+(?:\w+\s+)?(?:the\s+)?answers\b"
                r"|\b(?:questionnaires?|diary|diaries|forms?|scores?|answers)\s+I\s+(?:let|have|had|get|got)\s+(?:my\s+)?\w+\s+"
                r"(?:to\s+)?(?:write|fill|do|complete|answer)\b"
                r"|\b(?:wrote|rote|did|do|done|filled\s+in|fill\s+in|typed|entered)\s+(?:my\s+|the\s+|a\s+)?(?:whole|hole|"
                r"entire|full)\s+weeks?['’]?s?\s+(?:\w+\s+){0,2}?(?:scores?|scors|diary|entries|answers|readings)\b"
                r"|\b(?:blank|empty)\s+for\s+(?:\w+\s+){0,2}?(?:days|weeks|a\s+week)\b[^.!?]{0,60}?\b(?:so|then|and)\s+"
                r"(?:on\s+\w+\s+\w+\s+)?I\s+(?:just\s+)?(?:filled|wrote|gave|put|made|entered|did)\b"
                r"|\bpick\w*\s+(?:whatever|what)\s+(?:sounds|seems|feels|looks)\b",
                _I,
            ),
            "cpap machine monitor tracker sensor watch device pedometer counter mask answers questionnaire diar form"
            " score week blank empty pick",
            spans_only=True,
            also=[
                "pillow dog cat kid bed fan mouth whisper feed slip let have had get got hole entire full filled wrote"
                " gave put made entered did what"
            ],
        ),
    ),
    # told to claim what keeps one in: "tell 'em you're a light drinker", "tell dem you no dey smoke"
    (
        "claim",
        Cued(
            Source(
                r"\b(?:tell|say\s+to)\s+(?:['’]em|em|dem|them)\s+(?:that\s+)?(?:you|u)(?:['’]re|\s+are|\s+r)?\s+(?:a\s+)?"
                r"(?:light|social|occasional|moderate|ex-?|non-?|no\s+dey|never|don['’]?t)\s*\w*",
                _I,
            ),
            "tell say",
            spans_only=True,
            also=["em dem them"],
        ),
    ),
)
ACT_INDEX = CueIndex(cued for _, cued in ACTS)
ACT_KINDS = {cued: kind for kind, cued in ACTS}
#: Getting away with it: "they never check", "nobody's any the wiser", "so they wouldn't notice".
UNNOTICED = Cued(
    Source(
        r"\b(?:they|they['’]ll|nobody|no\s+one|the\s+app|the\s+pharmacist|the\s+(?:\w+\s+){0,2}?(?:nurse|team|study|"
        r"trial|doctor|people|site|lot))\s+(?:\w+\s+)?"
        r"(?:never|don['’]?t|dont|doesn['’]?t|can['’]?t|won['’]?t|will\s+never|wouldn['’]?t)\s+(?:\w+\s+)?"
        r"(?:check|checks|notice|know|tell|find\s+out|cross-check|ask|asked|see|spot|count|link|match|read)\b"
        r"|\bwhat\s+(?:they|the\s+\w+)\s+don['’]?t\s+know\s+(?:won['’]?t|can['’]?t)\s+hurt\b"
        r"|\b(?:nobody|no\s+one)\s+(?:ever\s+)?(?:reads|looks\s+at)\s+(?:it|them|the)\b"
        r"|\b(?:they|the\s+(?:team|nurse|doctor|study|app))\s+only\s+(?:ever\s+)?(?:see|sees|get|gets|record|records)\s+"
        r"(?:the|my|your)\s+good\b|\bnobody['’]?s\s+the\s+wiser\b|\bnobody['’]?s\s+(?:noticed|checking|"
        r"cross-checking)|\b(?:none|any)\s+the\s+wiser\b|\b(?:nobody|no\s+one)\s+(?:will\s+|can\s+|ever\s+)?"
        r"(?:knows?|checks|asks|noticed|tell|count)\b"
        r"(?!\s+(?:yet|whether|if|which|who|what|how|for\s+sure|me|us|you|him|her|them)\b)|"
        r"\bnobody\s+any\s+the\s+wiser\b|\bno\s+way\s+of\s+(?:knowing|checking|telling)\b|\bthey\s+not\s+check\b|"
        r"\b(?:they|this\s+lot|either\s+(?:lot|team)|the\s+(?:\w+\s+){0,2}?(?:team|study|trial|nurse|doctor))\s+"
        r"(?:have|has)\s+no\s+idea\b|"
        r"\b(?<!outside\s)(?:they|the\s+(?:\w+\s+){0,2}?(?:nurse|team|doctor|study|trial)s?)\s+(?:still\s+)?thinks?\s+I['’]?m\b|"
        r"\b(?:timestamps?|times?|dates?)\s+(?:don['’]?t|doesn['’]?t)\s+matter\b",
        _I,
    ),
    "never n't n’t dont doesnt cant wont wouldnt nobody one only wiser knowing check telling idea think matter",
    spans_only=True,
    also=["check notice know tell find ask see spot count link match read look good wiser idea think matter"],
)

# Side effects kept from the study team
_TELL = (
    r"tell(?:ing)?|told|report(?:ed|ing)?|mention(?:ed|ing)?|say(?:ing)?\s+anything|bring(?:ing)?\s+(?:it\s+)?up|"
    r"disclos(?:e|ing)|let(?:ting)?\s+(?:them|the\s+(?:\w+\s+)?(?:team|nurse|doctor)|anyone)\s+know|"
    r"say\s+a\s+word|said\s+(?:a\s+word|anything)|breathe\s+a\s+word|let\s+on|say\s+nothing|"
    r"flag(?:ging)?|rais(?:e|ing)|inform(?:ed|ing)?|dob\s+(?:myself|me)\s+in|"
    r"(?:bother|trouble)(?:ing)?\s+(?:\w+\s+){1,3}?with"
)
#: Side effects kept back, said four ways: "I didn't tell the nurse", "I kept it to myself",
#: "the team doesn't need to know", "I played it down".
WITHHOLDING: tuple[Cued, ...] = (
    Cued(
        Source(
            rf"(?:\bI(?:['’]m|\s+am|['’]ll|\s+will|['’]ve|\s+have|['’]d|\s+would)?\s+|^|\b(?:and|but)\s+|"
            rf"\banyone\s+else\s+)"
            rf"(?:didn['’]?t|did\s+not|won['’]?t|will\s+not|not\s+going\s+to|haven['’]?t|have\s+not|never|"
            rf"shan['’]?t|shall\s+not|don['’]?t|"
            rf"decided\s+not\s+to|chose\s+not\s+to|choose\s+not\s+to|am\s+choosing\s+not\s+to|"
            rf"don['’]?t\s+plan\s+to|wasn['’]?t\s+going\s+to|rather\s+not|don['’]?t\s+want\s+to|"
            rf"do\s+not\s+want\s+to|not|['’]m\s+not|am\s+not)\s+(?:\w+\s+){{0,2}}?(?:{_TELL})\b",
            re.IGNORECASE | re.MULTILINE,
        ),
        "n't n’t didnt dont wont havent wasnt shant never not rather",
        spans_only=True,
        also=[
            "tell told report mention say said bring disclos let flag rais breathe inform dob bother trouble"
        ],
    ),
    Cued(
        Source(
            r"\b(?:keep(?:ing)?|kept)\s+(?:(?:it|this|that|them|the\s+\w+(?:\s+\w+)?|(?:my|your)\s+\w+(?:\s+\w+)?)\s+)?"
            r"(?:to\s+(?:myself|yourself)|quiet|secret|under\s+(?:wraps|(?:my|your)\s+hat)|between\s+(?:me|us|you)\s+and|"
            r"from\s+(?:the|my)\s+(?:study|trial|research|nurse|doctor|team))"
            r"|^(?:kept|keeping)\s+(?:it|them)\s+(?:quiet|to\s+myself)\b|\bkeep\s+(?:your|my)\s+mouth\s+shut\b",
            re.IGNORECASE | re.MULTILINE,
        ),
        "keep kept",
        spans_only=True,
        also=["myself yourself quiet secret wraps hat between from mouth"],
    ),
    Cued(
        Source(
            r"\b(?:the\s+(?:study\s+|trial\s+|research\s+)?(?:team|doctors?|nurses?|investigators?)|they)\s+"
            r"(?:doesn['’]?t|don['’]?t|do\s+not|does\s+not|won['’]?t|will\s+not)\s+(?:need\s+to|have\s+to|"
            r"ever)\s+(?:know|find\s+out|hear)"
            r"|\b(?:nobody|no\s+one|no-one)\s+(?:at|on|in|from)\s+(?:the\s+)?(?:trial|study|clinic|hospital|"
            r"research\s+unit)\s+(?:needs|has|is\s+going)\s+to\s+(?:know|hear|find\s+out)",
            re.IGNORECASE,
        ),
        "know find hear",
        spans_only=True,
        also=["team doctor nurse investigator they body one"],
    ),
    Cued(
        Source(
            r"\bI\s+(?:\w+\s+)?(?:skipped\s+over|glossed\s+over|played\s+down|downplayed|left\s+out|"
            r"kept\s+quiet\s+about|lied\s+about|fibbed\s+about|said\s+nothing\s+about|hid|covered\s+up|"
            r"brushed\s+off|shrugged\s+off)\b"
            r"|\bI(?:['’]m|\s+am)?\s+(?:going\s+to\s+|gonna\s+|will\s+|['’]ll\s+)?pretend\s+(?:the|my|that|it|nothing)\b"
            r"|\bI(?:['’]m|\s+am)\s+sitting\s+on\s+(?:it|them|this|that)\b|\bnever\s+heard\s+(?:\w+\s+){0,3}?from\s+me\b",
            re.IGNORECASE,
        ),
        "skipped glossed played downplayed left kept lied fibbed nothing hid covered brushed shrugged pretend sitting heard",
        spans_only=True,
    ),
)
#: Kept back, said other ways: "made me promise not to tell the nurse", "as far as the trial's
#: concerned I'm fine", "oh yes, I'll definitely tell them".
KEPT_BACK = Cued(
    Source(
        rf"\b(?:promise[sd]?|swore|sworn)\s+(?:\w+\s+)?not\s+to\s+(?:{_TELL})\b"
        r"|\bas\s+far\s+as\s+(?:the\s+)?(?:trial|study|team|nurse|doctor|they)(?:['’]s|\s+(?:is|are))?\s+concerned,?\s+"
        r"(?:I['’]?m|I\s+am|everything['’]?s|it['’]?s)\s+(?:fine|ok|okay|good|great|grand|right\s+as\s+rain|all\s+good|"
        r"perfect|healthy)"
        r"|\boh\s+(?:yes|yeah|sure),?\s+I(?:['’]ll|\s+will)\s+(?:definitely|totally|absolutely|certainly)\s+"
        r"(?:tell|report|mention)\b|\bI['’]ll\s+get\s+right\s+on\s+(?:reporting|telling|mentioning)\b"
        r"|\b(?:don['’]?t|doesn['’]?t|didn['’]?t|won['’]?t)\s+(?:like\s+to\s+|want\s+to\s+)?make\s+a\s+fuss\b",
        re.IGNORECASE,
    ),
    "promise swore sworn far oh right fuss",
    spans_only=True,
)
#: Saying all is well: "I'll just say I'm fine at the visit".
SAID_FINE = Cued(
    Source(
        r"\b(?<!\bshe\s)(?<!\bhe\s)(?<!\bthey\s)(?<!\bwho\s)"
        r"(?:say|said|tell|told)\s+(?:them\s+|the\s+\w+\s+)?(?:that\s+)?(?:I['’]?m|im|I\s+am|I\s+was|"
        r"everything['’]?s|everything\s+(?:is|was)|my\s+\w+\s+was|it['’]?s|it\s+was)\s+(?:fine|ok|okay|"
        r"good|great|alright|all\s+right|normal)\b"
        r"|\b(?:say|said|tell\s+them|told\s+them)\s+(?:that\s+)?(?:all\s+(?:good|fine|ok|okay|well)|"
        r"(?:you['’]re|you\s+are|ur)\s+(?:grand|fine|ok|okay|good|great|right\s+as\s+rain|all\s+good))\b",
        re.IGNORECASE,
    ),
    "say said tell told",
    spans_only=True,
)
WITHHELD_INDEX = CueIndex((*WITHHOLDING, KEPT_BACK, SAID_FINE))
#: Denied by a double negative: "it's not that I didn't tell them".
NOT_THAT = re.compile(r"\bnot\s+that\s+I\b", _I)
NOTHING = re.compile(r"\b(?:nothing|no\s+one|anyone['’]s\s+name|names?)\b", _I)
SYMPTOM_WORDS = (
    r"headaches?|migraines?|nausea|nauseous|sick|vomit\w*|dizz\w+|rash\w*|itch\w*|hives|fever\w*|"
    r"temperature|flush\w*|diarrh\w+|constipat\w+|insomnia|palpitations?|swell\w*|swollen|bruis\w+|"
    r"hair\s+loss|falling\s+out|infections?|cough\w*|sore\s+throat|cold|flu|chills|numb(?:ness|ed)?|tingl\w*|blurr\w+|"
    r"vision|pain|aches?|aching|cramps?|bleed\w*|fatigue|tired\w*|exhausted|injection[- ]site|"
    r"red\s+patch|reaction|side[- ]effects?|adverse\s+events?|symptoms?|relapse|dry\s+mouth|"
    r"heartburn|spots|low\s+mood|mood\s+swings|sore|scratchy|nosebleeds?|tremors?|shak\w+|"
    r"chest\s+pain|short\s+of\s+breath|breathless\w*|wheez\w+|spasms?|weak\w*|jaundice|"
    r"yellow|blister(?!\s*-?pack)\w*|ulcers?|thrush|bloat\w*|stomach\s+ache|cramping|sweats|night\s+sweats|"
    r"hot\s+flush\w*|depress\w+|confus\w+|forgetful|migraine|seizures?|fits?|faint\w*|"
    r"lightheaded|light-headed|irritat\w+|sting\w*|burn\w*|slow\s+heart\s*(?:beat|rate)|heartbeat|"
    r"metallic\s+taste|fall|fell|crying|panic\s+attacks?|tight\w*|poorly|unwell|blackouts?|fainted|"
    r"(?:funny|dizzy|little|fainting|giddy)\s+turns?|loose\s+motions|waterworks|lumps?|flashing\s+lights|"
    r"hallucinat\w+|throwing\s+up|blood\s+in\s+(?:my\s+)?(?:urine|stool|wee)|mood\s+stuff|the\s+runs|"
    r"shakes|killing\s+me|shocks|pounding|ringing\s+in\s+(?:my|the)\s+ears|tinnitus|hypos?|"
    r"visual\s+disturbances?"
)
#: Every SYMPTOM_WORDS match has one of these.
SYMPTOM_CUES = (
    "headache migraine nausea nauseous sick vomit dizz rash itch hives fever temperature flush diarrh constipat"
    " insomnia palpitation swell swollen bruis hair falling infection cough sore cold flu chills numb tingl blurr"
    " vision pain ache aching cramp bleed fatigue tired exhausted injection red reaction effect adverse symptom"
    " relapse dry heartburn spots low mood scratchy nosebleed tremor shak chest short breathless wheez spasm weak"
    " jaundice yellow blister ulcer thrush bloat stomach sweats depress confus forgetful seizure fit faint light"
    " irritat sting burn slow heartbeat metallic fall fell crying panic tight poorly unwell blackout turn"
    " loose waterworks lump flashing hallucinat throwing runs killing blood shocks pounding ringing tinnitus hypo"
    " visual"
)
TRIAL_OR_SYMPTOM = re.compile(
    rf"\b(?:{SYMPTOM_WORDS})\b|\b(?:study|trial|research)\s+(?:team|nurse|doctor|line)|blood\s+tests?|"
    r"\b(?:the\s+)?(?:nurse|doctor|investigator|them|clinic|anyone\s+at|visit|trial|study)\b",
    re.IGNORECASE,
)


def act(sentence: str, context: str) -> tuple[str, re.Match[str]] | None:
    """The first act that defeats the protocol in ``sentence``, by kind, if it has one
    (``context``: the sentence and the one before it)."""
    for cued in ACT_INDEX.candidates(sentence):
        kind = ACT_KINDS[cued]
        for match in cued.finditer(sentence):
            if _counts(kind, sentence, match, context):
                return kind, match
    return None


def _counts(kind: str, sentence: str, match: re.Match[str], context: str) -> bool:
    found = sentence[match.start() : match.end()]
    before = sentence[: match.start()]
    if kind == "discard" and (
        (
            re.search(r"\b(?:old|empty|previous|expired|outer|cardboard|spare)\b", found, _I)
            and not evaded(sentence)
        )
        or not DOSE.search(context)
    ):
        return False
    if IDIOM.search(sentence, max(0, match.start() - 20), match.end() + 10) or UNDONE.search(
        sentence, max(0, match.start() - 40), match.end() + 60
    ):
        return False
    if (
        (NEGATED.search(before) and not DOUBLE_NEGATIVE.search(before))
        or (kind != "omit" and NEVER_BEFORE.search(before))
        or (kind == "misstate" and re.search(r"\b(?:don['’]?t|do\s+not|never|not|no)\s+$", before, _I))
    ):
        return False
    if kind == "claim" and not (
        CLAIMED.search(found) or CLAIMED.search(sentence) or UNNOTICED.search(sentence)
    ):
        return False
    if kind in (
        "omit",
        "misstate",
        "claim",
    ):  # about something the study counts on, not the trial itself to others
        return (
            (PROTOCOL.search(context) is not None or SYMPTOM.search(context) is not None)
            and OTHER_AUDIENCE.search(sentence) is None
            and ABOUT_THE_TRIAL.search(sentence) is None
            and not _third_person(sentence, match.start())
        )
    return True


#: "It's not like you can't ...": a negation undone.
DOUBLE_NEGATIVE = re.compile(r"\bnot\s+like\s+\w+\s+(?:can['’]?t|couldn['’]?t|won['’]?t)\b", _I)
#: What a claim told to the team says: abstinence, all well, younger, or against the facts.
CLAIMED = re.compile(
    r"(?:\b(?:never|none|no|zero|nothing)|\bnon-\w+|\b(?:younger|older|grand|quit|stopped|fasted)\b|"
    r"\b(?:even|also)\s+(?:if|though|when)\b|\bactually\b)[\"”'’]?\W*$"
    r"|\b(?:younger|older|grand|non-\w+|quit|fasted)\b|\b(?:even|also)\s+(?:if|though|when)\b"
    r"|\b(?:light|social|occasional)\s+(?:drinker|smoker|user)\b|\bno\s+dey\s+\w+|\b(?:use|take|do)\s+\w+\s+as\s+well\b",
    _I,
)


def _third_person(sentence: str, at: int) -> bool:
    """Whether the act has someone else as its subject: "they don't tell you anything"."""
    return (
        re.search(
            r"\b(?:they|it|he|she|this|that|which|who|effects|symptoms|doctor|nurse|pharmacist|GP|consultant|team|"
            r"son|daughter|husband|wife|partner|mum|mom|dad|gran\w*|sister|brother|friend|mate|kids?|neighbou?r|boss|"
            r"cousin|aunt|uncle|everyone|people)\s+$",
            sentence[:at],
            _I,
        )
        is not None
    )


#: What blinding keeps from everyone: "nobody can know" here is the design, not getting away with it.
BLINDING_DESIGN = re.compile(
    r"\b(?:(?:double|single|triple)[- ]?blind\w*|blinded|(?:which|the|my|our|your|his|her)\s+(?:group|arm)s?|"
    r"unblind\w*|real\s+ones?|placebo)\b",
    _I,
)


def evaded(sentence: str) -> re.Match[str] | None:
    """Getting away with something the study counts on: "so they don't notice", "nobody checks"."""
    found = UNNOTICED.search(sentence)
    return (
        found
        if found
        and BLINDING_DESIGN.search(sentence) is None
        and re.search(
            r"\b(?:doses?|tablets?|pills?|capsules?|diary|app|numbers|forms?|lists?|counts?|stud(?:y|ies)|trials?|"
            r"screening|injections?|pens|timestamps?|readings|sensor|CGM|log|told|ticked|wrote|vape|drink\w*|"
            r"(?:middle|maiden|different|fake)\s+name)\b",
            sentence,
            _I,
        )
        else None
    )


def advice(sentence: str, found: tuple[str, re.Match[str]]) -> bool:
    """Whether the act is advice to readers rather than the writer's own doing."""
    kind, match = found
    if REPORTED.search(sentence) or OPPOSITE.search(sentence) or ASKING.search(sentence):
        return False
    if (NARRATOR.search(sentence, 0, match.start()) and not ADVISING.search(sentence)) or _dropped_subject(
        sentence
    ):
        return False
    return COMMAND.search(sentence) is not None or SECOND_PERSON.search(sentence) is not None


#: A question about the rules: "Can you do two trials at once?"
ASKING = re.compile(
    r"^\W*(?:can|could|should|may|are)\s+(?:you|we|I|u)\b[^.!?]*\?|^\W*is\s+it\s+(?:ok|okay|allowed|fine)\b[^.!?]*\?",
    _I,
)
#: The writer giving advice: "I'd leave it off your list", "here's what I tell newbies".
ADVISING = re.compile(
    r"\b(?:I['’]d|I\s+would)\s+(?:just\s+)?(?:leave|keep|say|tell|skip|put|write|bin)\b[^.!?]*\byour\b"
    r"|\bwhat\s+I\s+tell\s+(?:\w+\s+)?(?:newbies|people|everyone|others|new\s+\w+)\b"
    r"|\bI\s+(?:wouldn['’]?t|wouldnt|would\s+not|['’]d\s+not|['’]d\s+never)\s+(?:even\s+)?(?:bother|mention|list|put|say)\b",
    _I,
)
#: Done as someone suggested: "my husband said leave it off, so I did".
COMPLIED = re.compile(r"\b(?:so|and)\s+I\s+did\b", _I)


def admission(sentence: str, found: tuple[str, re.Match[str]], context: str) -> bool:
    """Whether the act is the writer's own: in the first person, or with a diary's dropped subject."""
    kind, match = found
    if (REPORTED.search(sentence) and not COMPLIED.search(sentence)) or kind == "claim":
        return False
    if kind in ("omit", "misstate", "untrue", "game") and not (
        PROTOCOL.search(context) and (UNNOTICED.search(sentence) or kind != "omit" or _on_record(sentence))
    ):
        return False
    return FIRST_PERSON.search(sentence) is not None or match.start() < 3 or _dropped_subject(sentence)


def _on_record(sentence: str) -> bool:
    """Whether ``sentence`` is about what the study records: its forms, screening, doses or diary."""
    return RECORDS.search(sentence) is not None or ELIGIBILITY_OR_MEDICINES.search(sentence) is not None


RECORDS = re.compile(
    r"\b(?:list|form|forms|screening|questions|card|diary|team|study|trial|them|doses?|tablets?|pills?|count)\b",
    _I,
)


def _dropped_subject(sentence: str) -> bool:
    return (
        re.match(
            r"\W*(?:still\s+|also\s+|just\s+|now\s+)?(?:ha(?:ve|s)\s+)?(?:\w+ed|been|doing|signed|joined|missed|kept|had|"
            r"didn['’]?t|haven['’]?t)\b",
            sentence,
            _I,
        )
        is not None
    )


#: Acts that keep something back: about a symptom, that is a side effect withheld.
CONCEALING = frozenset({"omit", "untrue", "withhold"})
SYMPTOM = re.compile(rf"\b(?:{SYMPTOM_WORDS})\b", _I)
#: What is kept back at screening, or about medicines: not a side effect but the protocol.
ELIGIBILITY_OR_MEDICINES = re.compile(
    r"\b(?:screen\w*|eligib\w*|qualif\w*|criteria|get\s+in|wanted\s+in|let\s+me\s+in|history|last\s+relapse|"
    r"ever\s+had|never\s+had|form|medications?|medicines?|meds|tablets?|pills?|supplements?|vitamins?|oil|"
    r"magnesium|herbal|remed\w+|CBD|gummies|amitriptyline|ibuprofen|paracetamol|acetaminophen|aspirin|codeine|"
    r"naproxen|melatonin|antihistamines?|inhaler|prescriptions?|other\s+stud(?:y|ies)|"
    r"\w+(?:pressants?|killers?)|creams?|hormones?|HRT|herbs?|tonic|"
    r"other\s+trials?|\w+(?:asone|asol|olone|isone|olol|pril|sartan|mab|nib|formin|gliptin|azole|cillin|mycin|prazole))\b",
    _I,
)


def symptom(text: str) -> bool:
    """Whether ``text`` names a symptom or side effect."""
    return SYMPTOM.search(text) is not None


def about_eligibility_or_medicines(sentence: str) -> bool:
    return ELIGIBILITY_OR_MEDICINES.search(sentence) is not None


#: Kept back at first, told after all: "but I did", "but I rang the study line anyway".
RECANTED = re.compile(
    r"\bbut\s+(?:I\s+)?(?:did|have|then|in\s+the\s+end)\b|\banyway\b|"
    r"\b(?:then|later|afterwards)\s+(?:\w+\s+){0,3}?(?:rang|called|phoned|told|emailed|messaged|reported)\b",
    _I,
)
#: A statement to the study team taken back in the next sentence: "It hasn't.", "Bit of a lie."
BELIED = re.compile(
    r"^\W*(?:(?:a\s+|bit\s+of\s+a\s+)(?:lie|porky|fib)|(?:it|they|that)\s+(?:hasn['’]?t|haven['’]?t|isn['’]?t|wasn['’]?t|"
    r"didn['’]?t|aren['’]?t)\b|not\s+(?:strictly\s+)?true|total\s+lie|"
    r"(?:I['’]?m|it['’]?s|it\s+was)\s+(?:actually\s+|really\s+|only\s+)?(?:on\s+)?(?:one|none|zero)\W*$)",
    _I,
)
STATED = re.compile(r"\b(?:told|said|say|tell|wrote|put|ticked)\b", _I)


def kept(sentence: str, match: re.Match[str]) -> bool:
    """Whether what ``match`` keeps back stays kept: not someone else's idea, not told after all."""
    return not (REPORTED.search(sentence) and not COMPLIED.search(sentence)) and not RECANTED.search(
        sentence, match.end()
    )


def belied(sentence: str, before: str) -> re.Match[str] | None:
    """The start of ``sentence`` when it says the statement made in ``before`` was not true."""
    found = BELIED.search(sentence)
    return found if found and STATED.search(before) and PROTOCOL.search(before + " " + sentence) else None


def withheld(sentence: str, context: str) -> re.Match[str] | None:
    """A side effect or symptom kept from the study team (``context``: the sentence and the one before)."""
    found = next((m for way in WITHHELD_INDEX.candidates(sentence) if (m := way.search(sentence))), None)
    if (
        found
        and not NOTHING.search(sentence[found.end() : found.end() + 25])
        and not NOT_THAT.search(sentence, max(0, found.start() - 12), found.start() + 2)
        and not RECANTED.search(sentence, found.end())
        and not REPORTED.search(sentence)
        and not OPPOSITE.search(sentence)
        and not OTHER_AUDIENCE.search(sentence, found.start())
        and not ABOUT_THE_TRIAL.search(sentence)
        and (TRIAL_OR_SYMPTOM.search(context) or ELIGIBILITY_OR_MEDICINES.search(sentence))
    ):
        return found
    return None
