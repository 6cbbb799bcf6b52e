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
from itertools import chain

from .documents import RECRUITMENT_FIELDS, Document, Kind
from .findings import Finding, Severity
from .rules import Rule, define
from .text import Cued, CueIndex, Segment, Source, folded, matched

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
    r"will\s+not|without|nor|none|neither|nothing|nobody|no-one|hasn['’]?t|haven['’]?t|unproven|yet\s+to\s+be|un\w+able)\b",
    re.IGNORECASE,
)
#: Two negations in a row, which cancel: "I'm not NOT saying it cured me".
DOUBLE_NEGATION = re.compile(r"(?:\bnot|n['’]t)\s+not\b", re.IGNORECASE)
#: Where a clause ends: a negation before it does not reach a claim after it ("you cannot go
#: wrong signing up, it will work for you").
CLAUSE_END = re.compile(r".*(?:[,;:!?—–()]|\s-\s|\.\.\.)", re.DOTALL)
#: A negation just before a word (at most one word between): "no deadline", "won't miss out".
NEGATED_HERE = re.compile(r"(?:\b(?:no|not|never|without)|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)
AIM = re.compile(
    r"\b(?:whether|if(?!\s+(?:you|u|ur|your|you['’]re|anyone|someone)\b)|to\s+(?:learn|find\s+out|see|test|evaluate|assess|study|determine|investigate|"
    r"explore|compare|measure|understand|check|confirm|establish|show|examine|look\s+at|know)|"
    r"how\s+(?:safe|well|effective)|being\s+(?:studied|tested|investigated)|aims?\s+to|"
    r"hypothes\w+|evaluat\w+|assess\w*|investigat(?!ional)\w+|may\s+or\s+may\s+not|not\s+known|"
    r"unknown|cannot\s+show)\b",
    re.IGNORECASE,
)
#: A benefit said to be unproven: "the evidence of surgery being superior ... is inconclusive".
UNCERTAIN = re.compile(r"\b(?:inconclusive|uncertain|unclear|controversial|debated)\b", re.IGNORECASE)
#: A comparison the study makes: "a new inhaler" beside the standard one names it, and praises nothing.
COMPARED = re.compile(r"\b(?:compar(?:e|es|ed|ing)|versus|vs)\b", re.IGNORECASE)
INVESTIGATIONAL = re.compile(
    r"\b(?:investigational|experimental|unapproved|not\s+(?:yet\s+)?approved|being\s+(?:tested|studied)|"
    r"under\s+(?:study|investigation)|not\s+known\s+whether)\b",
    re.IGNORECASE,
)
#: Earlier research told as background ("in a previous phase 2 trial", "earlier studies reported",
#: "in mice"): what others found, not a claim the text makes about the product.
PRIOR = re.compile(
    r"\b(?:earlier|previous|prior|past|preliminary|pilot|phase\s+(?:[12]|i{1,2})|animal|pre-?clinical)\s+"
    r"(?:\w+\s+){0,2}?(?:stud(?:y|ies)|trials?|research|work|data|results|findings)\b|\bin\s+(?:mice|rats|animals)\b",
    re.IGNORECASE,
)
#: A claim the writer repeats only to reject it: "ignore anyone who tells you it's a cure",
#: "..., which is rubbish".
DISMISSED = re.compile(
    r"\b(?:ignore|don['’]?t\s+(?:believe|listen\s+to|trust)|never\s+(?:believe|trust)|beware\s+of)\s+"
    r"(?:anyone|anybody|someone|somebody|people|those|whoever|them|the\s+\w+)\b"
    r"|\b(?:which|that|this|it)\s+(?:is|was|['’]s)\s+(?:\w+\s+)?(?:rubbish|nonsense|not\s+true|untrue|false|a\s+lie|"
    r"misleading|a\s+myth)\b"
    r"|\b(?:don['’]?t|do\s+not|never|not)\s+(?:\w+\s+){0,3}?(?:just\s+)?because\s+(?:[\w'’]+\s+){0,6}?(?:says?|said|claims?|claimed|"
    r"tells?\s+you|told\s+you|promised)\b",
    re.IGNORECASE,
)
#: A claim word hoped for, not made: "I'd love this to be the breakthrough", "praying it's a cure".
HOPED = re.compile(
    r"\b(?:hop(?:e|es|ed|ing)|pray\w*|wish\w*|(?:would|['’]d)\s+love|fingers\s+crossed|if\s+only)\b[^.!?,;]{0,40}$",
    re.IGNORECASE,
)
#: Quotation marks around a claim word: "the 'miracle' pill" is the writer's scorn, not a claim.
QUOTES = frozenset("'\"‘’“”")
#: A cure looked for, not claimed: "find a cure", "towards a cure", "a cure ... remains the goal".
SOUGHT_BEFORE = re.compile(
    r"\b(?:find(?:s|ing)?|search(?:ing)?\s+for|look(?:ing)?\s+for|hop(?:e|ing)\s+for|towards?|closer\s+to|quest\s+for|"
    r"race\s+for|hunt\s+for|fund(?:s|ing)?|dream\s+of)\s+(?:a|the|an)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
SOUGHT_AFTER = re.compile(
    r"[^.!?]{0,60}?\b(?:remains?|is|as)\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}?(?:goal|aim|hope|dream|objective|ambition|priority)\b",
    re.IGNORECASE,
)
#: What follows a claim word in capitals that is part of an organisation's name: "Cure Parkinson's,
#: a UK charity", "the Miracle Foundation" (read in the text as written: the name is capitalised).
ORGANISATION = re.compile(
    r"(?:\s+[A-Z][\w'’]*){0,3}?(?:\s*,?\s+(?:an?|the)\s+(?:\w+\s+){0,2}?(?:charity|foundation|organi[sz]ation|"
    r"non-?profit|fund|society|trust|campaign)\b|\s+(?:Fund|Foundation|Trust|Society|Charity|Campaign|Alliance|"
    r"Network|Institute|Association)\b)"
)
_PRODUCT = (
    r"treatments?|therap(?:y|ies)|drugs?|medicines?|medications?|cures?|options?|approach(?:es)?|"
    r"solutions?|products?|injections?|tablets?|pills?|devices?|vaccines?|hope|procedures?|care|"
    r"technology|science|relief|inhalers?|capsules?|creams?|implants?|biologics?|stuff|remed(?:y|ies)|"
    r"(?:immuno|chemo|gene|cell|photo)therap(?:y|ies)|pumps?|patch(?:es)?|sensors?|jabs?|shots?|antibod(?:y|ies)"
)
#: What a study may give that, called free, is the treatment or care itself.
_FREE_THINGS = (
    r"treatment|medications?|medicines?|meds|drugs?|therap(?:y|ies)|care|medical\s+care|health\s*care|check-?ups?|"
    r"insulin|injections?|infusions?|scans?|MRIs?|tests?|physio\w*|consultations?|health\s+checks?|prescriptions?|"
    r"surgery|operations?|procedures?|vaccines?|specialists?|doctors?|bloods|blood\s+(?:work|tests?)|glasses|"
    r"(?:eye|dental|health)\s+(?:exams?|checks?)|dental\s+\w+|implants?|IVF|shots?|jabs?|pills|tablets|creams?|chemo\w*|"
    r"inhalers?|pumps?|sensors?|monitors?|hospital\s+stays?|counsel+ing|screenings?|vaccinations?"
)
FREE_TREATMENT = Cued(
    Source(
        rf"\bfree\s+(?!(?:of|from)\s+(?!charge))(?:of\s+charge\s+)?(?:access\s+to\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_FREE_THINGS})\b"
        rf"|\b(?:complimentary|gratis|free[- ]of[- ](?:charge|cost))\s+(?:access\s+to\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_FREE_THINGS})\b"
        rf"|\b(?:{_FREE_THINGS})\b[^.!?]{{0,60}}?(?:\bfor\s+free|\bfree\s+of\s+(?:charge|cost)|\b(?:is|are|it['’]?s|they['’]?re)\s+"
        rf"(?:all\s+|also\s+|totally\s+|completely\s+|100%\s+)?free\b(?!\s*(?:of|from|to)\b))"
        rf"|\b(?:get|gets|getting|receive|receives|given|give\s+you|gives\s+you)\s+(?:[\w'’]+\s+){{0,4}}?(?:{_FREE_THINGS})\s+"
        rf"(?:[\w'’]+\s+){{0,2}}?free\b(?!\s*(?:of|from|to)\b)|\btreat(?:ed|ing|s)?\s+(?:you\s+|them\s+)?for\s+free\b",
        re.IGNORECASE,
    ),
    "free complimentary gratis",
    spans_only=True,
)
CURE_WORDS = Cued(
    Source(
        r"\b(?:cure[sd]?|curing|curative|miracle|miraculous|wonder\s+drug|magic\s+bullet|life-?saving|life-?savers?|game[- ]?changer|"
        r"godsend|heaven[- ]sent|(?:blessing|gift)\s+from\s+(?:god|heaven|above)|god['’]?s\s+own\s+(?:medicine|drug|gift|cure)|"
        r"remission\s+for\s+life|answer(?:ed)?\s+(?:to\s+)?(?:my|our|your)\s+prayers?|"
        r"once\s+and\s+for\s+all|a\s+thing\s+of\s+the\s+past|(?:fixed|healed)\s+(?:me|him|her|us|them))\b",
        re.IGNORECASE,
    ),
    "cur mirac wonder magic life game godsend heaven blessing gift god prayer once past fixed healed",
    spans_only=True,
)
#: An illness ended for good: "put an end to them for good", "wipe out flares for ever".
ENDED_FOR_GOOD = Cued(
    Source(
        r"\b(?:ends?|ending|banish\w*|beats?|wipes?\s+out|wiping\s+out|gets?\s+rid\s+of|eliminat\w+|erase\w*|"
        r"say\s+goodbye\s+to)\s+(?:[\w'’-]+\s+){0,4}?(?:for\s+good|for\s+ever|forever|permanently)\b"
        r"|\b(?:put|puts|bring|brings)\s+an\s+end\s+to\b",
        re.IGNORECASE,
    ),
    "end banish beat wipe wiping rid eliminat erase goodbye",
    spans_only=True,
    also=["good ever permanent put bring"],
)
#: An illness promised gone: "no more finger pricks, ever", "could this mean the end of insulin
#: injections?" (not the end of a study or a visit).
NO_MORE = Cued(
    Source(
        r"\bno\s+more\s+(?:[\w'’-]+,?\s+){1,3}?(?:ever|for\s+good|forever|for\s+ever|again)\b"
        r"|\b(?:mean|means|be|spell|spells|herald|signal|mark|marks)\s+(?:the|an)\s+end\s+(?:of|to)\s+"
        r"(?!(?:the|this|your|a|each|every)\s+(?:\w+\s+)?(?:study|trial|visits?|day|week|month|year|period|follow-up|treatment\s+period)\b)",
        re.IGNORECASE,
    ),
    "more end",
    spans_only=True,
    also=["ever good again end"],
)
#: An illness said to be gone or to vanish: "the cancer disappear", "your eczema will be gone by summer".
_ILLNESS = (
    r"(?:cancer|tumou?rs?|psoriasis|eczema|plaques?|pain|symptoms?|flares?|relapses?|migraines?|headaches?|depression|"
    r"diabetes|asthma|acne|rash(?:es)?|lesions?|seizures?|fits|arthritis|anxiety|sugars?|blood\s+sugars?)"
)
#: Every illness _ILLNESS names has one of these.
_ILLNESS_CUES = (
    "cancer tumo psoriasis eczema plaque pain symptom flare relapse migraine headache depression diabetes asthma acne rash"
    " lesion seizure fits arthritis anxiety sugar"
)
ILLNESS_GONE = Cued(
    Source(
        rf"\b(?:the|my|his|her|their|your|our)\s+(?:[\w-]+\s+)?{_ILLNESS}\s+(?:(?:is|are|was|were|has|have|had|will\s+be|['’]ll\s+be|"
        r"just|completely|totally|all)\s+){0,2}(?:disappear\w*|vanish\w*|gone|melted\s+away|went\s+away)\b",
        re.IGNORECASE,
    ),
    "disappear vanish gone melted went",
    spans_only=True,
    also=[_ILLNESS_CUES],
)
#: Every way to call a product a cure.
CURES = (CURE_WORDS, ENDED_FOR_GOOD, NO_MORE, ILLNESS_GONE)
#: Words that call a product new in a way that says it is better, whatever noun follows.
_NEW_ALONE = (
    r"cutting[- ]edge|state[- ]of[- ]the[- ]art|revolutionary|ground-?breaking|game[- ]changing|next[- ]gen(?:eration)?|"
    r"world[- ]first|first[- ]in[- ]class|first[- ]of[- ]its[- ]kind|trail-?blazing|never[- ]before[- ](?:available|seen|offered)|"
    r"high[- ]tech|leading[- ]edge|pioneering|innovative"
)
#: What those words may describe without praising a product: the research itself, a site's equipment.
_NOT_A_PRODUCT = (
    r"research|work|stud(?:y|ies)|science|facilit\w+|equipment|imaging|scanners?|labs?|laborator\w+|cent(?:re|er)s?|"
    r"methods?|techniques?|designs?|analys[ie]s|trials?|hospitals?|teams?"
)
NEW_WORDS = Cued(
    Source(
        rf"\b(?:new|newer|newest|novel|latest|brand[- ]new|cutting[- ]edge|state[- ]of[- ]the[- ]art|revolutionary|"
        rf"ground-?breaking|game[- ]chang\w+|innovative|advanced|next[- ]generation|pioneering|exciting|"
        rf"promising|leading[- ]edge|better|real|fresh|renewed|genuine|superior|world[- ]class)\s+(?:[\w-]+,?\s+){{0,2}}?(?:{_PRODUCT})\b"
        r"|\bbreakthroughs?\b(?!\s+(?:therapy\s+designation|pain|bleeding|infections?|seizures?|symptoms?|"
        r"disease|fungal|hemolysis|haemolysis))",
        re.IGNORECASE,
    ),
    "new novel latest cutting state revolution ground game innovat advanced next pioneer exciting promising leading better"
    " real fresh genuine superior world breakthrough",
    spans_only=True,
    also=[
        "treatment therap drug medic cure option approach solution product injection tablet pill device vaccine hope"
        " procedure care technology science relief inhaler capsule cream implant biologic stuff remed pump patch sensor"
        " jab shot antibod breakthrough"
    ],
)
#: Words that praise a product as new whatever follows, and early access to it.
NEW_ALONE = Cued(
    Source(
        rf"\b(?:{_NEW_ALONE})\b(?!\s+(?:{_NOT_A_PRODUCT})\b)"
        r"|\bthe\s+(?:very\s+)?(?:future|latest)\s+(?:of|in)\s+(?:[\w'’-]+\s+){0,2}?(?:care|treatments?|medicine|therap(?:y|ies))\b"
        r"|\bbefore\s+it\s+(?:reaches|hits|is\s+(?:in|on|available\s+(?:in|on|at)))\s+(?:the\s+)?(?:market|shops|pharmac(?:y|ies)|"
        r"shelves|chemists?)\b|\bearly\s+access\s+to\b|\bbe\s+(?:among\s+)?the\s+first\s+to\s+(?:try|get|receive|benefit|access|use)\b"
        r"|\b(?:biggest|greatest|major|huge|giant|massive|real)\s+(?:advance|leap(?:\s+forward)?|step\s+forward|milestone)\b"
        r"|\bleap\s+forward\b|\b(?:a|the)\s+revolution\s+in\b|\b(?:a|the)\s+new\s+era\b|\b(?:be\s+part\s+of|make)\s+(?:medical\s+)?history\b"
        r"|\btomorrow['’]?s\s+(?:medicine|treatments?|therap(?:y|ies)|drugs?|care)\b|\bthe\s+next\s+big\s+thing\b"
        r"|\b(?:it|this|that|(?:the|this|that)\s+[\w-]+)\s*(?:['’]s|\s+is|\s+are)\s+going\s+to\s+be\s+(?:huge|massive)\b",
        re.IGNORECASE,
    ),
    "cutting state revolution ground game next first trail never tech leading pioneer innovat future latest market shops"
    " pharmac shelves chemist early advance leap step milestone new history tomorrow huge massive",
    spans_only=True,
)
#: Every way to call a product new so as to say it is better.
NEWS = (NEW_WORDS, NEW_ALONE)
CLAIM_WORDS = (
    r"safe|safer|safest|effective|efficacious|proven|well[- ]tolerated|harmless|risk[- ]free|gentle|natural|"
    r"non-?toxic|approved|successful|better|superior|more\s+effective|works|helps"
)
#: Every claim CLAIM_WORDS makes has one of these words.
CLAIM_CUES = "safe effective efficacious proven tolerated harmless risk gentle natural toxic approved successful better superior works helps"
#: What a writer who praises a product calls it: "the drug is amazing".
PRAISE_WORDS = r"amazing|brilliant|fantastic|incredible|excellent|wonderful|awesome|the\s+best|the\s+real\s+deal|life-?changing|correct\s+thing"
#: What a product is said to do for an illness, the product its subject: "the tablets work", "this
#: injection is really helping", "our cream heals eczema".
EFFECT_VERBS = (
    r"work|works|worked|working|help|helps|helped|helping|heals?|lowers?|reduces?|relieves?|clears?|boosts?|outperforms?|"
    r"beats|stops|prevents?|reverses?|eliminates?|gets\s+rid\s+of|wipes?\s+out|eases?|shrinks?|calms?|restores?|improves?|"
    r"controls?|protects?|cuts?|melts?|lifts?|sorts?|fixes|starts?\s+working|kicks?\s+in|does\s+(?:all\s+)?the\s+(?:work|trick)"
)
#: Words between a product and its effect that leave the product the subject: adverbs, and the
#: markers of dialects that say "is doing" or "surely" ("the drug dey work", "confirm works").
_ADVERBS = r"(?:(?:\w+ly|really|actually|just|also|definitely|totally|genuinely|basically|literally|truly|dey|confirm)\s+){0,2}"
#: Every word of PRAISE_WORDS and EFFECT_VERBS has one of these.
PRAISE_CUES = (
    "amazing brilliant fantastic incredible excellent wonderful awesome best deal chang work help heal lower reduce"
    " reliev clear boost outperform beat stop prevent revers eliminat rid wipe ease shrink calm restor improv control protect"
    " cut melt lift sort fix start kick work trick correct"
)
#: What an effect is said of when it describes how a product acts, not that it helps: "reduces the
#: number of immune cells".
_MECHANISM = r"(?:the\s+)?(?:number|levels?|amount|activity|production|counts?|release|signal\w*|binding|expression|uptake|absorption)\b"
#: Done to a person's illness, as a writer tells of the product's effect on theirs.
_EFFECT_DONE = (
    r"(?:got\s+rid\s+of|stopped|cleared(?:\s+up)?|reversed|eliminated|wiped\s+out|healed|transformed|sorted(?:\s+out)?|"
    r"ended|halved|banished|fixed|improved|lifted|restored)"
)
_EFFECT_CUES = "rid stopped cleared reversed eliminated wiped healed transformed sorted ended halved banished fixed improved lifted restored"
#: Of a product: adjectives that say it is safe, before the noun ("this safe, gentle injection").
_SAFE_ADJECTIVE = r"safe|safer|safest|gentle|harmless|proven|well[- ]tolerated|side[- ]effect[- ]free|non-?toxic|risk[- ]free|low[- ]risk"
CLAIM_PHRASES = Cued(
    Source(
        r"\b(?:safe\s+and\s+effective|effective\s+and\s+safe|clinically\s+proven|proven\s+to|"
        r"shown\s+to\s+(?:work|help|be\s+safe|be\s+effective|reduce|improve)|no\s+(?:known\s+)?side[- ]effects|"
        r"without\s+(?:any\s+)?side[- ]effects|side[- ]effect[- ]free|(?:completely|totally|100%|perfectly|"
        r"very|proven)\s+(?:safe|harmless|risk[- ]free)|proven\s+(?:results|track\s+record|benefits?|success)|"
        r"(?:lifelong|permanent|lasting|long[- ]lasting)\s+(?:remission|relief|protection|results))\b"
        r"|\b(?:will|can|does|do|may|could|might)\s+(?:\w+\s+)?(?:help|improve|relieve|reduce|stop|prevent|"
        r"reverse|heal|restore|fix|ease|eliminate|treat|change)\s+(?:your|you)\b"
        r"|\b(?:works|helps|improves|relieves|reduces|stops|prevents|reverses|heals|restores|keeps|controls|cuts)\s+"
        r"(?:\w+\s+){0,2}?(?:symptoms|pain|relapses|the\s+disease|your|you)\b"
        r"|\bha(?:s|ve)\s+(?:already\s+)?(?:helped|worked\s+for|transformed|changed\s+the\s+lives)"
        r"|\bha(?:s|ve)\s+(?:already\s+)?(?:seen|felt|noticed)\s+(?:real\s+|great\s+)?(?:results|"
        r"improvements?|a\s+difference|benefits?)|\bsuccess\s+stor(?:y|ies)\b",
        re.IGNORECASE,
    ),
    "safe proven shown effect you works helps improves relieves reduces stops prevents reverses heals restores keeps"
    " controls cuts helped worked transformed changed seen felt noticed success harmless risk lasting permanent lifelong",
    spans_only=True,
)
#: More ways to claim safety or effectiveness, each with its own cues.
CLAIMS = (
    CLAIM_PHRASES,
    Cued(  # side effects said to be absent or next to none, a safety record praised
        Source(
            r"\b(?:zero|no|without(?:\s+any)?|free\s+of|few|very\s+few|hardly\s+any|barely\s+any|minimal|next\s+to\s+no|"
            r"virtually\s+no)\s+(?:\w+\s+)?(?:side[- ]?effects?|bad\s+effects|adverse\s+effects|risks?|downsides?|disadvantages|drawbacks)\b"
            r"|\bside[- ]?effects?\s+(?:are|were|is)\s+(?:\w+\s+)?(?:minimal|next\s+to\s+nothing|nothing|non-?existent|negligible|mild)\b"
            r"|\b(?:excellent|good|great|strong|proven|impressive|outstanding|clean)\s+safety\s+(?:record|profile)\b",
            re.IGNORECASE,
        ),
        "effect safety risk downside disadvantage drawback",
        spans_only=True,
    ),
    Cued(  # science, doctors or experience said to vouch for it
        Source(
            r"\b(?:clinically|scientifically|medically)\s+(?:proven|tested|validated|backed)\b"
            r"|\bbacked\s+by\s+(?:science|research|evidence|studies|data|doctors)\b"
            r"|\b(?:works?|worked|does|did)\s+wonders\b|\bworked\s+for\s+(?:me|us|her|him|my)\b|\bthe\s+real\s+deal\b"
            r"|\bbest\s+thing\s+(?:that['’]?s|that\s+has|that\s+ever|to)\s+(?:ever\s+)?happen\w*\s+to\b"
            r"|\bbest\s+(?:treatment|medicine|drug|therapy|medication|option|vaccine|jab|injection|pill|tablets?|cream|device|inhaler)\s+"
            r"(?:out\s+there|around|available|on\s+the\s+market|in\s+the\s+world|ever|for\s+(?!(?:you|each|every|your)\b))"
            r"|\b(?:it|this|that|they)\s*(?:['’]s|\s+has|\s+have|\s+had)\s+made\s+(?:me|him|her|us|them)\s+(?:feel\s+)?(?:\w+\s+){0,3}?"
            r"(?:younger|better|new|normal|well|myself|himself|herself)\b"
            r"|\b(?:given|gave)\s+(?:me|him|her|us|them)\s+(?:my|his|her|our|their)\s+(?:\w+\s+)?(?:life|lives|independence|energy|"
            r"memory|freedom)\s+back\b",
            re.IGNORECASE,
        ),
        "ically backed wonders worked deal best made back",
        spans_only=True,
    ),
    Cued(  # safe before the product
        Source(
            rf"\b(?:this|our|the|these|a|an)\s+(?:{_SAFE_ADJECTIVE})(?:\s*,\s*[\w-]+|\s+and\s+[\w-]+)?\s+(?:alternative|option|choice|"
            r"treatment|therapy|drug|medicine|medication|injection|tablet|pill|capsule|cream|device|vaccine|inhaler|product|"
            r"remedy|jab|patch|spray|implant|pump|shot)s?\b",
            re.IGNORECASE,
        ),
        "safe gentle harmless proven tolerated toxic risk effect",
        spans_only=True,
    ),
    Cued(  # better than what people have now
        Source(
            r"\b(?:outperform(?:s|ed)?|superior\s+to|(?:much|far|way|a\s+lot|lots|loads|miles|heaps|tons)\s+(?:better|safer|more\s+effective)\s+than|"
            r"works?\s+better\s+than|safer\s+than|more\s+effective\s+than)\b"
            r"|\b(?:works?|succeeds?|helps?)\s+where\s+(?:\w+\s+){0,3}?(?:failed|fail|didn['’]?t|haven['’]?t)\b",
            re.IGNORECASE,
        ),
        "outperform superior than where",
        spans_only=True,
        also=["outperform superior better safer effective work succeed help"],
    ),
    Cued(  # an effect told of a person's illness, the product or no one named as doing it
        Source(
            rf"(?:^|[.!?,;:—–]\s*)(?:\w+ly\s+)?{_EFFECT_DONE}\s+(?:all\s+(?:of\s+)?)?(?:my|our)\b"
            rf"|\b(?:it|this|that|they)\s+(?:\w+\s+){{0,2}}?{_EFFECT_DONE}\s+(?:all\s+(?:of\s+)?)?(?:my|our|her|his|their|me)\b"
            rf"|\b{_EFFECT_DONE}\s+(?:my|her|his|their|our)\s+(?:\w+\s+){{1,3}}?(?:on|with|thanks\s+to|because\s+of|since\s+starting)\s+"
            r"(?:it\b|(?:this|the|that)\s+(?:study|trial|drug|medicine|medication|tablets?|pills?|stuff|treatment|injections?)\b)",
            re.IGNORECASE,
        ),
        _EFFECT_CUES,
        spans_only=True,
    ),
    Cued(  # an illness told of as shrinking or clearing: "the tumour shrank by half"
        Source(
            rf"\b(?:the|my|his|her|their|your|our)\s+(?:[\w-]+\s+)?{_ILLNESS}\s+(?:(?:has|have|had|just|completely|totally)\s+){{0,2}}"
            r"(?:shr[au]nk|halved|cleared(?:\s+up)?)\b",
            re.IGNORECASE,
        ),
        "shrank shrunk halved cleared",
        spans_only=True,
        also=[_ILLNESS_CUES],
    ),
    Cued(  # a person's illness told of as better since starting: "my wife's memory has come back so much since she started"
        Source(
            r"\b(?:[\w-]+['’]s|my|his|her|their|our)\s+(?:[\w-]+\s+)?(?:memory|skin|mood|sugars?|numbers|walking|sleep|energy|breathing|"
            r"eyesight|vision|pain|symptoms|scores?|levels?|joints?)\s+(?:has|have|had|is|are|was|were)\s+(?:\w+\s+){0,3}?"
            r"(?:come\s+back|improved|better|normal|transformed)\b[^.!?]{0,30}?\b(?:since\s+(?:starting|(?:she|he|i|they|we)\s+started)|"
            r"thanks\s+to|on\s+(?:it|the\s+(?:study\s+)?\w+))\b",
            re.IGNORECASE,
        ),
        "come improved better normal transformed",  # "since", "thanks" or "on" is in nearly every sentence
        spans_only=True,
    ),
    Cued(  # its results praised: "the effect is very good", "early results are so good"
        Source(
            r"\b(?:effects?|results?|outcomes?)\s+(?:is|are|was|were|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:good|great|excellent|"
            r"amazing|incredible|fantastic|brilliant|perfect|impressive|remarkable|outstanding)\b",
            re.IGNORECASE,
        ),
        "good great excellent amazing incredible fantastic brilliant perfect impressive remarkable outstanding",
        spans_only=True,
        also=["effect result outcome"],
    ),
)
NO_PHRASE = re.compile(
    r"(?:no|without|zero|next\s+to\s+no|virtually\s+no|side[- ]?effects?|bad\s+effects)\b", re.IGNORECASE
)
GUARANTEE_WORDS = Cued(
    Source(
        r"\b(?:guarantee[sd]?|guaranteeing|assured|promise[sd]?|certain\s+to|sure\s+to|definitely\s+will|"
        r"will\s+definitely|100%\s+(?:effective|success|chance|results?|cure|safe)|you\s+will\s+(?:\w+\s+)?(?:get\s+better|"
        r"improve|feel\s+better|be\s+cured|benefit|recover|see\s+results))\b"
        # an outcome promised to the reader or every participant
        r"|\b(?:you|participants|volunteers|patients|everyone|every\s+(?:participant|volunteer|patient))"
        r"(?:\s+(?:in|on|from|of)\s+(?:the\s+|this\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:study|trial|group|arm))?\s*"
        r"(?:will|['’]ll|can\s+expect|can\s+look\s+forward\s+to|are\s+(?:going|bound|certain|sure)\s+to)\s+"
        r"(?:[\w%]+\s+){0,3}?(?:better|clearer|fewer|improve\w*|recover\w*|relief|results|the\s+difference|a\s+difference|"
        r"healthier|stronger|cured|well\s+again|(?:symptom|pain)[- ]free|your\s+life\s+back|more\s+energy|regain\w*|"
        r"(?:your|their)\s+(?:[\w-]+\s+){0,2}?back|off\s+(?:tablets|insulin|meds|medication|steroids|inhalers))\b"
        r"|\bwhat\s+(?:our\s+|all\s+|every\s+)?(?:participants|volunteers|patients|you)\s+(?:can|will)\s+(?:expect|look\s+forward\s+to)\b"
        r"|\bexpect\s+(?:most|all|every|many)\s+(?:\w+\s+)?(?:participants|patients|volunteers|people)\s+to\s+(?:\w+\s+){0,3}?"
        r"(?:remission|recover\w*|improve\w*|benefit|get\s+better|feel\s+better|respond)\b"
        r"|\bstart\s+feeling\s+(?:\w+\s+){0,3}?(?:again|better)\b"
        r"|\b(?:they|it|this)\s*(?:['’]d|would|will|['’]ll)\s+have\s+(?:you|u)\s+(?:sorted|fixed|better|cured|back\s+on\s+(?:your|ur)\s+feet)\b"
        r"|\bresults\s+you\s+can\s+(?:count|rely|bank)\s+on\b"
        r"|\b(?:it|this|they)\s*(?:['’]ll|will)\s+(?:\w+\s+)?(?:work|help|clear|cure|fix|heal|sort|change|transform|improve|boost)\s+"
        r"(?:for\s+)?(?:you|yours|your)\b",
        re.IGNORECASE,
    ),
    "guarantee sure promis certain definitely 100% will 'll ’ll expect forward going bound you feeling have",
    spans_only=True,
)
#: A promise made by denying its opposite, which a negation must not undo: "you cannot go wrong",
#: "there's no way she won't improve".
CERTAINTY = Cued(
    Source(
        r"\b(?:cannot|can['’]?t)\s+go\s+wrong\b"
        r"|\bno\s+way\s+(?:\w+\s+){0,2}?(?:won['’]?t|wouldn['’]?t|will\s+not|can['’]?t|doesn['’]?t)\s+(?:\w+\s+)?"
        r"(?:improve|get\s+better|benefit|feel\s+better|recover|be\s+better|work|help)\b",
        re.IGNORECASE,
    ),
    "wrong way",
    spans_only=True,
)
PAY_TERM = Cued(
    Source(
        r"(?:\b(?:paid|pay|pays|payment|payments|earn|earning|cash|money|compensat\w+|stipend|"
        r"gift\s+cards?|vouchers?|quid|bucks|rewarded)\b|[£$€₹₦]\s?\d[\d,.]*|[£$€]{2,}|"
        r"\b\d[\d,.]*\s?(?:pounds|dollars|euros|rupees|naira|GBP|USD|EUR|INR)\b)",
        re.IGNORECASE,
    ),
    "paid pay earn cash money compensat stipend gift voucher quid bucks rewarded £ $ € ₹ ₦ pounds dollars eur gbp usd rupees naira inr",
    spans_only=True,
)
PAY_EMPHASIS = re.compile(
    r"!|[£$€]{2,}|[💰🤑💸💵]|\b(?:earn|earning|get\s+paid|make\s+money|easy\s+money|cash\s+in\s+hand|"
    r"cash|today|now|immediately|instant(?:ly)?|same[- ]day|on\s+the\s+day|quick|fast|generous|"
    r"big|extra|bonus|handsomely|well[- ]paid|lucrative|side\s+hustle|free\s+money|top\s+(?:rates|dollar))\b"
    r"|\b(?:pays?|paid)\s+(?:really\s+|very\s+|so\s+)?well\b"
    r"|\b(?:money|cash|pay)(?:['’]s|\s+is|\s+was)\s+(?:\w+\s+)?(?:insane|amazing|incredible|unreal|crazy|brilliant|fantastic|awesome)\b"
    r"|\b(?:insane|amazing|incredible|unreal|crazy|serious|brilliant)\s+(?:money|cash|pay)\b",
    re.IGNORECASE,
)
#: A call to take part (a verb a writer uses to urge readers to join), or to ring the study team.
_JOIN = (
    r"(?:sign(?:\s+yourself)?\s+up|sign\s+on|sign\s+(?:the|your|ur)\s+(?:consent(?:\s+forms?)?|forms?|papers?|paperwork)|"
    r"sign\s+(?:it|them)\b|sign\s+(?:for|onto|into)\b|"
    r"sign(?=\s+(?:straight|right)\s+away|\s+(?:now|today|immediately|asap|fast|quick(?:ly)?)\b|\s*[,.!;:]|\s*$)|"
    r"join(?:\s+up|\s+in)?|enrol+|apply|register|volunteer|participate|enlist|take\s+part|get\s+involved|"
    r"(?:get|put)\s+(?:(?:yourself|yourselves|your|ur|their|them|him|her)\s+(?:[\w'’-]+\s+){0,2}?)?(?:on|in(?:to)?|onto|down(?:\s+for)?)|"
    r"(?:hop|jump)\s+(?:on|at)|get\s+(?:yourself\s+)?referred|put\s+(?:your|ur|their|his|her)\s+(?:name\s+forward|hands?\s+up|names?\s+down)|"
    r"get\s+(?:your|ur|their)\s+(?:applications?|names?|forms?)\s+in|"
    r"(?:call|ring|phone|e-?mail|message|text|contact|whatsapp)(?=\s+(?:the\s+)?(?:study|research|trial|recruitment)\s+"
    r"(?:team|nurse|line|office|coordinator|cent(?:re|er))))\b"
)
#: The same, as a writer says it of what others should be doing: "should be putting their hand up".
_JOINING = (
    r"(?:signing\s+up|joining|enrol+ing|applying|registering|volunteering|participating|taking\s+part|"
    r"getting\s+(?:on|in(?:to)?|onto)|putting\s+(?:your|their|his|her)\s+(?:names?|hands?)|"
    r"(?:calling|ringing|phoning|e-?mailing|messaging|contacting)\s+(?:the\s+)?(?:study|research|trial)\s+(?:team|nurse|line))\b"
)
_PLACES = r"(?:spots?|places?|slots?|spaces?|seats?)"
#: "Hurry up and" something other than joining: "hurry up and get better" hurries nobody into a trial.
_NOT_HURRYING_IN = r"(?!\s+up\s+and\s+(?!(?:join|apply|sign|enrol|register|put|get\s+(?:on|in))))"
#: Soon, as a writer hurrying readers says it.
_NOW = (
    r"(?:now|today|asap|a\.s\.a\.p|immediately|quick(?:ly)?|fast|right\s+away|straight\s+away|this\s+week|"
    r"before\s+(?:it['’]?s|they['’]?re|the\s+\w+\s+(?:are|is))\s+(?:too\s+late|gone|full)|"
    r"before\s+(?:it|they|the\s+\w+)\s+(?:fills?\s+up|closes?|runs?\s+out|go(?:es)?)|"
    r"before\s+(?:\w+day|tomorrow|tonight|midnight|the\s+(?:\d+\w*|end)))"
)
#: Where recruitment closes, said as a deadline to beat.
_CLOSING = r"(?:clos(?:es?|ing)|(?:recruitment|enrol+ment|registration|applications?|screening)\s+(?:ends?|ending|finish(?:es)?|stops?))"
PRESSURE_WORDS = Cued(
    Source(
        rf"\b{_PLACES}\s+(?:are\s+|is\s+)?(?:being\s+)?(?:nearly\s+|almost\s+|already\s+|\w+ly\s+)?(?:filling|going|gone|full|"
        rf"running\s+out|limited(?!\s+to\b)|left|remain|remaining|snapped\s+up|disappearing|vanishing|selling\s+out|flying|tiny|scarce)\b"
        rf"|\b(?:only|just)\s+(?:a\s+)?(?:few|handful(?:\s+of)?|couple(?:\s+of)?|\d+)\s+(?:\w+\s+)?{_PLACES}"
        rf"|\b(?:nearly|almost)\s+full\b|\bavoid\s+disappointment\b|\bfill(?:s|ing)\s+up\b"
        rf"|\bfilling\s+(?:fast|quickly)\b|\blimited\s+(?:number\s+of\s+)?(?:{_PLACES}|time|availability|"
        rf"enrol\w*)\b|\blimited[- ]time\b|\bact\s+(?:now|fast|quickly|today)\b|\bhurry\b{_NOT_HURRYING_IN}|\bdon['’]?t\s+miss\s+(?:out|this)\b"
        rf"|\blast\s+chance\b|\bbefore\s+it['’]?s\s+too\s+late\b"
        rf"|\b(?:closes?|closing|ends?|ending|stops?\s+recruiting)\s+(?:very\s+)?(?:soon|tomorrow|this\s+\w+|"
        rf"next\s+\w+|on\s+(?:\w+day|the\s+\d+\w*)|in\s+(?:a\s+few|\d+|two|three)\s+days)\b"
        r"|\btime\s+is\s+running\s+out\b|\bfirst\s+come,?\s+first\s+served\b"
        r"|\burgent(?:ly)?\s+(?:need(?:ing|s)?|seeking|recruiting|looking)\b|\bwhile\s+(?:spaces|places|spots)\s+last\b"
        r"|\bonce[- ]in[- ]a[- ]lifetime\b|\bdeadline\b|\bexclusive\s+opportunity\b|\bdon['’]?t\s+wait\b"
        r"|\bnow\s+or\s+never\b",
        re.IGNORECASE,
    ),
    "going gone full running limited left remain snapped disappear vanishing selling flying tiny scarce only just while"
    " disappoint fill now fast quick today hurry miss chance late clos end stop first urgent lifetime deadline exclusive wait",
    spans_only=True,
)
#: More ways to hurry readers, each with its own cues: a deadline to beat, a reader called a fool
#: to miss it, a few places taken, "don't sleep on this".
PRESSURES = (
    PRESSURE_WORDS,
    Cued(
        Source(
            rf"\b{_CLOSING}\s+(?:on\s+)?(?:this\s+|next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
            rf"|\b{_CLOSING}\s+(?:at\s+)?(?:midnight|tonight|(?:at\s+|by\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:week|month))\b",
            re.IGNORECASE,
        ),
        "day midnight tonight end",
        spans_only=True,
        also=["clos recruitment enro registration application screening"],
    ),
    Cued(
        Source(
            r"\b(?:mad|crazy|a\s+fool|foolish|silly|stupid|daft|nuts|insane|an\s+idiot)\s+(?:not\s+to|to\s+(?:miss|pass\s+(?:\w+\s+)?up|"
            r"turn\s+(?:\w+\s+)?down|skip))\b|\bmiss(?:ing)?\s+out\b",
            re.IGNORECASE,
        ),
        "mad crazy fool silly stupid daft nuts insane idiot miss",
        spans_only=True,
        also=["not miss pass turn skip"],
    ),
    Cued(
        Source(
            rf"\bbefore\s+(?:your|ur|the|all\s+the)\s+{_PLACES}\s+(?:are\s+|is\s+)?(?:all\s+)?(?:taken|gone|goes|go|filled)\b"
            rf"|\bsecure\s+(?:your|ur|a)\s+{_PLACES}"
            r"|\b(?:only|just)\s+(?:taking|accepting|recruiting|enrol+ing|need(?:ing|s)?)\s+(?:\w+\s+)?(?:\d+|a\s+few|a\s+handful|a\s+couple)\b",
            re.IGNORECASE,
        ),
        "before secure taking accepting recruiting enro need",
        spans_only=True,
        also=["spot place slot space seat only just"],
    ),
    Cued(
        Source(
            r"\blimited[- ]time\b|\bfirst[- ]come\b|\bdon['’]?t\s+(?:delay|sleep\s+on)\b|\bdon['’]?t\s+let\s+(?:\w+\s+){0,2}?(?:slip|pass|go\s+by)\b"
            r"|\bget\s+moving\b|\bany\s+day\s+now\b|\bwhile\s+(?:you\s+)?(?:still\s+)?can\b|\bonly\s+(?:recruits|runs|opens|happens)\s+once\b"
            r"|\bdon['’]?t\s+(?:be|get)\s+left\s+(?:behind|out)\b|\bdon['’]?t\s+put\s+(?:it\s+|this\s+)?off\b"
            r"|\bwhile\s+there(?:['’]s|\s+is|\s+are)\s+(?:still\s+)?(?:room|time|space|places|spots)\b"
            r"|\bbefore\s+(?:they|it)\s*(?:['’]re|['’]s|\s+are|\s+is|\s+get|\s+gets)\s+(?:all\s+)?(?:snapped\s+up|gone|taken|full|filled)\b"
            r"|\bsnapped\s+up\b|\bfill(?:s|ed)?\s+(?:up\s+)?(?:within|in)\s+(?:days|hours|a\s+(?:few\s+)?(?:days|hours)|\d+\s+(?:days|hours)|"
            r"no\s+time)\b|\bfinal\s+(?:chance|call)\b",
            re.IGNORECASE,
        ),
        "limited first don moving any while once gone taken full snapped fill final",
        spans_only=True,
    ),
)
_JOIN_CUES = "sign join enro apply register volunteer participat enlist part involved get put hop jump call ring phon mail messag text contact whatsapp"
_NOW_CUES = "now today asap a.s.a.p immediately quick fast right straight this week before"
#: A call to take part followed closely by soon: "apply NOW", "sign up before Friday".
JOIN_NOW = Cued(
    Source(rf"\b{_JOIN}\s+(?:\S+\s+){{0,4}}?{_NOW}", re.IGNORECASE),
    _JOIN_CUES,
    spans_only=True,
    also=[_NOW_CUES],
)
#: Every pattern a sentence of recruitment text is searched with, looked up together: the cues a
#: sentence has are found once, and it is searched only with the patterns they allow.
SENTENCE_INDEX = CueIndex(
    (FREE_TREATMENT, *CURES, *NEWS, *CLAIMS, GUARANTEE_WORDS, CERTAINTY, PAY_TERM, *PRESSURES, JOIN_NOW)
)
#: The writer or someone else as the one joining ("I could join this week"): no one is hurried.
OWN_JOINING = re.compile(
    r"\b(?:i|we|he|she|they|my\s+\w+|his\s+\w+|her\s+\w+)\s+(?:(?:could|can|might|may|will|would|did|do|does|"
    r"want(?:ed)?\s+to|decided\s+to|had\s+to|managed\s+to|tried\s+to|hope[sd]?\s+to|plan(?:ned)?\s+to|"
    r"(?:am|is|are|was|were)\s+(?:going|about|allowed|able)\s+to|not|never|also|just|finally|only|still)\s+){1,3}$",
    re.IGNORECASE,
)
#: The writer or someone else called a fool for what they do ("I'd be mad not to finish"), not the reader.
SELF_JUDGED = re.compile(
    r"\b(?:i|we|he|she|they)(?:['’]d|\s+would|\s+was|\s+were|\s+am|['’]m|\s+is|['’]s|\s+are|['’]re)\s+(?:be\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: Where an imperative starts: the start of a clause or a quotation, or a word that softens or presses it.
_BEGIN = (
    r"(?:^|[.!?,;:(—–'\"‘“-]\s*|\b(?:so|just|go(?:\s+and)?|please|pls|plz|kindly|do|yes|abeg|una|seriously|honestly|"
    r"now|then|and|but|definitely|absolutely|simply|come\s+(?:and|to))\s+)"
)
#: A writer urging readers to take part: a call to join, to readers or as a command, or hurry;
#: each way with its own cues, so that a sentence is searched only for the ways its words allow.
#: A call to join names it ``join``: what follows it says whether it is a trial (see NOT_A_TRIAL).
URGES = tuple(
    Cued(Source(pattern, re.IGNORECASE), cues, spans_only=True, also=also)
    for pattern, cues, also in (
        (
            rf"\b(?:you|u|ya|y['’]all|everyone|everybody|anyone|anybody|people|guys|folks|whoever|every\s+\w+)\b[^.!?]{{0,40}}?"
            rf"\b(?:should|must|need\s+to|needs\s+to|have\s+to|has\s+to|gotta|ought\s+to)\s+(?:be\s+)?(?:\w+\s+){{0,2}}?"
            rf"(?P<join>{_JOIN}|{_JOINING})",
            _JOIN_CUES,
            ["should must need have has gotta ought"],
        ),
        (
            rf"{_BEGIN}(?:(?:guys|folks|y['’]all|everyone|everybody|lads|ladies|people)\s*,?\s+)?(?P<join>{_JOIN})",
            _JOIN_CUES,
            [],
        ),
        (
            rf"\b(?:tell|told|telling|ask|asking|get|getting|encourag\w+|urg\w+|convinc\w+|persuad\w+|beg\w*)\s+(?:[\w'’-]+\s+){{1,10}}?"
            rf"(?:(?:to|(?:that\s+)?(?:she|he|they|you|u)\s+(?:should|must|needs?\s+to|has\s+to|have\s+to|ought\s+to))\s+"
            rf"(?:\w+\s+){{0,3}}?(?P<join>{_JOIN})|on(?:to)?\s+(?:this|the|that|our)\s+(?:trial|study))",
            _JOIN_CUES + " trial study",
            ["tell told ask get encourag urg convinc persuad beg"],
        ),
        (rf"\b{_JOIN}\s+(?:\S+\s+){{0,4}}?{_NOW}", _JOIN_CUES, [_NOW_CUES]),
        (
            r"\bwhat\s+are\s+(?:you|u)\s+waiting\s+for\b|\bdon['’]?t\s+(?:miss\s+(?:out|this)|wait|hesitate|delay|sleep\s+on|"
            r"think\s+twice|let\s+(?:\w+\s+){0,2}?(?:slip|pass|go\s+by)|(?:be|get)\s+left\s+(?:behind|out)|put\s+(?:it\s+|this\s+)?off)\b",
            "waiting miss wait hesitate delay sleep twice slip pass let left put",
            ["what don"],
        ),
        (r"\bact\s+(?:now|fast|quickly|today)\b", "act", ["now fast quick today"]),
        (
            rf"\bhurry\b{_NOT_HURRYING_IN}|\bon\s+the\s+fence\b|\bwon['’]?t\s+regret\b|\bmiss(?:ing)?\s+out\b|\bget\s+moving\b",
            "hurry fence regret miss moving",
            [],
        ),
        (
            r"\b(?:cannot|can['’]?t)\s+(?:go\s+wrong|recommend\s+(?:\w+\s+){0,3}?enough)\b|\bdo\s+yourself\s+a\s+favou?r\b"
            r"|\bI\s+beg\s+(?:you|u)\b|\b(?:your|ur)\s+sign\s+to\b",
            "wrong enough favo beg sign",
            [],
        ),
        (
            rf"\b(?:recommend\w*|worth|consider)\s+(?:\w+\s+){{0,3}}?(?:{_JOINING}|to\s+(?:anyone|everyone|everybody))"
            r"|\b(?:seriously|definitely|really|please|do)\s+consider\s+(?:this|it|the)\b",
            "sign join enro apply register volunteer participat part get put call ring phon mail messag contact anyone everyone everybody consider",
            ["recommend worth consider"],
        ),
        (
            r"\bwhy\s+(?:not\s+)?(?:join|sign\s+up|apply|enrol+|take\s+part)\b|\bwho\s+wants\s+to\s+(?:earn|make|get\s+paid)\b",
            "join sign apply enro part earn make paid",
            ["why who"],
        ),
        (
            r"\b(?:mad|crazy|a\s+fool|foolish|silly|stupid|daft|nuts|insane|an\s+idiot)\s+(?:not\s+to|to\s+(?:miss|pass\s+(?:\w+\s+)?up|"
            r"turn\s+(?:\w+\s+)?down|skip))\b",
            "mad crazy fool silly stupid daft nuts insane idiot",
            ["not miss pass turn skip"],
        ),
        (
            r"\b(?:dm|pm|message|text|whatsapp|e-?mail|inbox)\s+me\b[^.!?]{0,40}?\b(?:link|join|sign|apply|details|info|enrol+)",
            "link join sign apply details info enro",
            ["dm pm message text whatsapp mail inbox"],
        ),
        (
            r"(?:^|[.!?,;:—–-]\s*|\b(?:so|just|then|honestly|seriously|yes)\s+)(?:do it|go for it)\b"
            r"|(?:^|[,;:—–-]\s*)do[:!]",
            "do it|go for it|do:|do!".replace("|", "\n").split("\n"),
            [],
        ),
        (  # a post's link to apply, readers asked to pass it on, cheering: "link in bio", "kindly share", "go go go"
            r"\blink\s+(?:is\s+)?in\s+(?:my\s+|the\s+)?bio\b|\b(?:please|pls|plz|kindly|do)\s+(?:share|spread\s+the\s+word|pass\s+(?:this|it)\s+on)\b"
            r"|\bgo,? go,? go\b",
            ["bio", "share", "spread", "pass", "go go", "go, go"],
            [],
        ),
        (
            rf"\b(?:suggest|advis|recommend|urg|beg)\w*\s+(?:that\s+)?(?:everyone|everybody|anyone|anybody|you|u|people|all|every\s+\w+)\s+"
            rf"(?:\w+\s+){{0,3}}?(?:should\s+)?(?P<join>{_JOIN})",
            _JOIN_CUES,
            ["suggest advis recommend urg beg"],
        ),
    )
)
URGE_INDEX = CueIndex(URGES)
#: What follows a call to join when the writer urges readers into something other than a trial: a
#: walk, a newsletter, a support group, a webinar, a blue badge.
NOT_A_TRIAL = re.compile(
    r"\s+(?:up\s+)?(?:for\s+|to\s+|in\s+|on\s+|onto\s+|into\s+)?(?:the|our|a|an|my|this|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:webinars?|newsletters?|walks?|runs?|marathons?|events?|groups?|clubs?|class(?:es)?|courses?|forums?|"
    r"mailing\s+lists?|badges?|benefits?|allowances?|talks?|meetings?|sessions?|gym|yoga|choir|charit(?:y|ies)|"
    r"societ(?:y|ies)|pages?|channels?|petitions?|campaigns?)\b",
    re.IGNORECASE,
)


def urges(sentence: str) -> bool:
    """Whether ``sentence`` urges readers to take part in a trial (see URGES)."""
    for way in URGE_INDEX.candidates(sentence):
        for m in way.finditer(sentence):
            if (
                "join" in m.re.groupindex
                and m.group("join") is not None
                and NOT_A_TRIAL.match(sentence, m.end("join"))
            ):
                continue  # urged into a walk or a support group, not a trial
            if way is URGES[3] and OWN_JOINING.search(sentence, max(0, m.start() - 60), m.start()):
                continue  # "I could join this week": nobody is urged
            if NEGATED_HERE.search(DOUBLE_NEGATION.sub(" ", sentence[max(0, m.start() - 30) : m.start()])):
                continue  # "I'd never tell anyone to join" (but "I'm not NOT telling you to")
            if way is URGES[10] and SELF_JUDGED.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "I'd be mad not to finish": the writer, not the reader
            return True
    return False


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
TRIAL_TALK = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|research|recruit\w*|enrol\w*|participants?|NCT\d{8})\b", re.IGNORECASE
)


def check(doc: Document) -> Iterator[Finding]:
    if doc.kind is Kind.REPLY:
        yield from _reply(doc)
        return
    subject_claims = _claimants(doc.arm_terms)
    if doc.kind is Kind.TRIAL:
        for segment in doc.segments:
            if segment.field in RECRUITMENT_FIELDS:
                for start, end in segment.sentences():
                    yield from _sentence(doc, segment, start, end, subject_claims)
        return
    for segment in doc.segments:  # a writer's own recruiting: the same advice, as a warning
        sentences = segment.sentences()
        urged = [urges(segment.plain[a:b]) for a, b in sentences]
        if not any(urged):
            continue  # nobody urged to join: nothing to warn of
        for i, (start, end) in enumerate(sentences):
            if any(urged[max(0, i - 1) : i + 2]):
                for finding in _sentence(doc, segment, start, end, subject_claims):
                    yield replace(finding, severity=Severity.WARNING)


_BE = r"(?:is|are|has\s+been|have\s+been|was|were)"
#: Words between "it is" and what it is said to be that leave the subject the product itself.
_FILLER = (
    r"(?:the|a|an|very|so|really|completely|totally|absolutely|perfectly|100%|also|actually|definitely|"
    r"clearly|extremely|quite|pretty|super|proven|amazingly|incredibly|remarkably|entirely|fully|just)"
)


def _reply(doc: Document) -> Iterator[Finding]:
    """A reader's reply: an invitation into a study, or a recruiter's promises in a sentence about trials."""
    subject_claims = _claimants(doc.arm_terms)
    for segment in doc.segments:
        for start, end in segment.sentences():
            sentence = segment.plain[start:end]
            if (m := INVITATION.search(sentence)) and not _negated(sentence, m, inside=False):
                yield doc.finding(
                    ADVERT, segment, start + m.start(), f"recruits: '{_excerpt(matched(sentence, m))}'"
                )
            elif TRIAL_TALK.search(sentence):
                # a reader's hopes ("it will help you") are not a sponsor's claims: only the pitch counts
                yield from (f for f in _sentence(doc, segment, start, end, subject_claims) if f.rule in PITCH)


#: How a product is named generically: "the drug", "this injection", "our cream", "the tablets".
_GENERIC_PRODUCT = (
    r"\b(?:the|this|that|our|these|a|an)\s+(?:study\s+|trial\s+|investigational\s+|new\s+|(?!(?:usual|standard|current|existing|"
    r"approved|licensed|other|old|previous|placebo|dummy|same|different|first|second)\b)[\w-]+\s+)?(?:drug|medicine|medication|"
    r"meds|treatment|\w*therapy|product|device|injection|tablet|pill|capsule|inhaler|vaccine|stuff|cream|jab|infusion|implant|patch|"
    r"pump|sensor|shot|biologic|antibody|antidepressant|spray|gel|headband|stimulator)s?"
)
#: Every generic product name has one of these.
_PRODUCT_CUES = (
    "drug medic meds treatment therap product device injection tablet pill capsule inhaler vaccine stuff cream jab infusion"
    " implant patch pump sensor shot biologic antibod antidepressant spray gel headband stimulator"
)


def _claimants(terms: tuple[str, ...]) -> tuple[Cued, ...]:
    """The patterns of a product said to be safe or to work, for a trial's ``terms``."""
    return (_subject_claim(terms), _product_effect(terms))


#: Words between the product and what it is said to be or do: not a hedge ("the drug might help").
_UNHEDGED = r"(?:(?!(?:may|might|could|would|should|hopefully|probably)\b)\w+(?:\s+|-)){0,2}?"


def _product(terms: tuple[str, ...]) -> str:
    """The product, named generically ("the tablets", "this jab") or by one of the trial's ``terms``."""
    return _GENERIC_PRODUCT + r"(?:\s+(?:that|which))?" + "".join(f"|{re.escape(t)}" for t in terms)


@lru_cache(maxsize=256)  # a site has a few trials: compiled once per trial
def _subject_claim(terms: tuple[str, ...]) -> Cued:
    """The product (named generically or by one of the trial's ``terms``) said to be safe or to work."""
    product = _product(terms)
    return Cued(
        Source(
            rf"(?:{product})\s+(?:{_BE}\s+)?{_UNHEDGED}(?:{CLAIM_WORDS})\b"
            rf"|\b(?:it|this|that)(?:(?:\s+{_BE}|['’]s)\s+(?:{_FILLER}\s+){{0,2}}?(?:{CLAIM_WORDS})"
            r"|\s+(?:really\s+|actually\s+|definitely\s+|just\s+)?(?:works|helps))\b",
            re.IGNORECASE,
        ),
        CLAIM_CUES,
        spans_only=all(term.isascii() for term in terms),
    )


@lru_cache(maxsize=256)
def _product_effect(terms: tuple[str, ...]) -> Cued:
    """The product praised, or the subject of what it does for an illness ("the tablets work",
    "our cream heals eczema", "with velanimod, relapses become less frequent")."""
    product = _product(terms)
    return Cued(
        Source(
            rf"(?:{product})\s+(?:{_BE}\s+)?{_UNHEDGED}(?:{PRAISE_WORDS})\b"
            rf"|(?:{product})\s+(?:(?:is|are|was|has|have)\s+)?{_ADVERBS}(?:{EFFECT_VERBS}|{_EFFECT_DONE})\b(?!\s+{_MECHANISM})"
            rf"|\bwith\s+(?:{product}),?\s+(?:\w+\s+){{1,3}}?(?:become|becomes|are|is|get|gets|go|goes)\s+(?:\w+\s+){{0,2}}?"
            r"(?:less|fewer|better|easier|rarer|lower|milder|gone|shorter)\b",
            re.IGNORECASE,
        ),
        f"{PRAISE_CUES} {_EFFECT_CUES} less fewer easier rarer lower milder gone shorter",
        spans_only=all(term.isascii() for term in terms),
        also=[[*_PRODUCT_CUES.split(), *(folded(t) for t in terms)]],
    )


def _sentence(
    doc: Document, seg: Segment, start: int, end: int, subject_claims: tuple[Cued, ...]
) -> Iterator[Finding]:
    sentence = seg.plain[start:end]
    more = SENTENCE_INDEX.candidates(sentence)
    if not more and not any(claim.possible(sentence) for claim in subject_claims):
        return  # no pattern can match: most sentences

    def hit(rule: Rule, match: re.Match[str], message: str) -> Finding:
        return doc.finding(
            rule, seg, start + match.start(), f"{message}: '{_excerpt(matched(sentence, match))}'"
        )

    if FREE_TREATMENT in more and (m := FREE_TREATMENT.search(sentence)):
        yield hit(FREE, m, "calls treatment free")

    def dismissed() -> bool:
        """Whether the claim found is repeated to be rejected ("ignore anyone who tells you it's a cure")."""
        return DISMISSED.search(sentence) is not None

    cure = next(
        (
            m
            for c in _asked(CURES, more)
            for m in _words(sentence, c)
            if not _negated(sentence, m, inside=c is not NO_MORE) and not _sought(sentence, m)
        ),
        None,
    )
    if cure and not AIM.search(sentence, 0, cure.start()) and not dismissed():
        yield hit(CURE, cure, "promises a cure")
    if (m := next((m for c in _asked(NEWS, more) for m in _words(sentence, c)), None)) and not (
        INVESTIGATIONAL.search(sentence) or AIM.search(sentence) or COMPARED.search(sentence) or dismissed()
    ):
        yield hit(NEW, m, "implies benefit")
    phrases = (
        (m, not NO_PHRASE.match(matched(sentence, m)))
        for c in _asked(CLAIMS, more)
        for m in c.finditer(sentence)
    )
    subjects = ((m, True) for c in subject_claims for m in c.finditer(sentence))
    claim = next((m for m, inside in chain(phrases, subjects) if not _negated(sentence, m, inside)), None)
    if claim and not (
        AIM.search(sentence) or PRIOR.search(sentence) or UNCERTAIN.search(sentence) or dismissed()
    ):
        yield hit(SAFETY, claim, "claims safety or effectiveness")
    promise = next(
        (
            m
            for c in _asked((GUARANTEE_WORDS,), more)
            for m in _words(sentence, c)
            if not _negated(sentence, m)
        ),
        None,
    )
    if (m := promise or (CERTAINTY.search(sentence) if CERTAINTY in more else None)) and not dismissed():
        yield hit(GUARANTEE, m, "promises an outcome")
    if PAY_TERM in more and (m := PAY_TERM.search(sentence)) and _emphasised(seg, start, end, sentence, m):
        yield hit(PAYMENT, m, "emphasises payment")
    if m := _pressure(sentence, more):
        yield hit(PRESSURE, m, "pressures readers to sign up")


def _words(sentence: str, cued: Cued) -> Iterator[re.Match[str]]:
    """The matches of ``cued`` that are not a name written in capitals ("the PROMISE study"), an
    organisation's name ("Cure Parkinson's, a UK charity"), in scare quotes ("the 'miracle' pill")
    or hoped for ("I'd love this to be the breakthrough")."""
    for m in cued.finditer(sentence):
        if not _acronym(sentence, m) and not (
            sentence[m.start()].isupper() and ORGANISATION.match(sentence, m.end())
        ):
            if (
                m.start()
                and m.end() < len(sentence)
                and {sentence[m.start() - 1], sentence[m.end()]} <= QUOTES
            ):
                continue
            if HOPED.search(sentence, max(0, m.start() - 50), m.start()):
                continue
            yield m


def _sought(sentence: str, match: re.Match[str]) -> bool:
    """Whether a cure is spoken of as something looked for, not as what the product is."""
    return SOUGHT_BEFORE.search(sentence, max(0, match.start() - 40), match.start()) is not None or (
        SOUGHT_AFTER.match(sentence, match.end()) is not None
    )


def _asked(kind: tuple[Cued, ...], more: list[Cued]) -> Iterator[Cued]:
    """The patterns of a ``kind`` that SENTENCE_INDEX found the cues of in a sentence, in their order
    (that of ``more``, the few found)."""
    return (cued for cued in more if cued in kind)


def _pressure(sentence: str, more: list[Cued]) -> re.Match[str] | None:
    """The first words that hurry readers, not negated ("no deadline") and not the writer's own
    plans ("I could join this week", "I'd be mad not to finish")."""
    for m in (m for cued in _asked((*PRESSURES, JOIN_NOW), more) for m in cued.finditer(sentence)):
        if NEGATED_HERE.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        if m.re is PRESSURES[2].lowered and SELF_JUDGED.search(sentence, max(0, m.start() - 30), m.start()):
            continue
        if m.re is JOIN_NOW.lowered and OWN_JOINING.search(sentence, max(0, m.start() - 60), m.start()):
            continue
        return m
    return None


#: What follows a word in capitals written for emphasis, not as a name: "GUARANTEED results!"
EMPHASIS_AFTER = re.compile(
    r"\s*(?:!|(?:results?|relief|recovery|improvements?|benefits?|outcomes?|success)\b)", re.IGNORECASE
)


def _acronym(sentence: str, match: re.Match[str]) -> bool:
    """Whether the match is a word in capitals in text that is not all capitals: a study's name."""
    emphasis = EMPHASIS_AFTER.match(sentence, match.end()) and not re.search(
        r"\b(?:the|our|of)\s+$", sentence[: match.start()], re.I
    )
    if not matched(sentence, match).isupper() or emphasis:
        return False
    letters = [c for c in sentence if c.isalpha()]
    return sum(c.isupper() for c in letters) < len(letters) / 2


def _negated(sentence: str, match: re.Match[str], inside: bool = True) -> bool:
    """Whether a negation comes just before the match, in the same clause (or, with ``inside``,
    within it); two in a row ("not NOT") cancel."""
    before = sentence[max(0, match.start() - 30) : match.start()]
    if clause := CLAUSE_END.match(before):
        before = before[clause.end() :]
    before = DOUBLE_NEGATION.sub(" ", before)
    return NEGATED.search(before) is not None or (
        inside and NEGATED.search(DOUBLE_NEGATION.sub(" ", matched(sentence, match))) is not None
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
