"""``privacy.*``: identifiers in published text, with HIPAA Safe Harbor's list as the reference.

Phone numbers are found with ``phonenumbers`` (Google's libphonenumber): it knows every
country's numbering plan, so it tells a real number from a registry id, a date or a dose, and
it tells a toll-free or shared-cost line (a public helpline) from a personal mobile or landline.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from .documents import Document, Kind, digits
from .findings import Finding, Severity
from .people import (
    a_pet,
    about_health_facts,
    about_participation,
    about_their_health,
    lay_titled,
    others,
    privacy_mentions,
    public_name,
    staff,
)
from .rules import define
from .text import DIGIT, Cued, Segment, Source, blank_match, folded, folded_search, matched, words

E = Severity.ERROR
PHONE = define(
    "privacy.phone",
    E,
    "a personal phone or fax number",
    "remove the number; a public organisation's helpline is fine, and so is a trial's public contact",
)
EMAIL = define(
    "privacy.email",
    E,
    "a personal e-mail address",
    "remove the address, or point readers to a public contact page instead",
)
ADDRESS = define(
    "privacy.address",
    E,
    "a street address, PO box, postcode or ZIP code",
    "say 'near home' or name the region instead of the address",
)
BIRTH_DATE = define(
    "privacy.birth-date",
    E,
    "a date of birth (day and month, with or without the year)",
    "leave out the day and month: the year alone, or your age, is enough",
)
AGE = define(
    "privacy.age-over-89",
    E,
    "an age over 89, which few enough people share to identify them",
    "write '90 or over' instead of the exact age",
)
RECORD = define(
    "privacy.record-number",
    E,
    "a medical record, health plan, account, card, licence, participant or other identifying number",
    "remove the number: nobody reading needs it, and it identifies you",
)
SSN = define(
    "privacy.ssn",
    E,
    "a social security or national insurance number",
    "remove the number entirely",
)
PROFILE = define(
    "privacy.profile-url",
    E,
    "a link to a personal social-media profile, or a social-media handle",
    "remove the link or handle; link to the blog's own pages instead",
)
IP = define(
    "privacy.ip-address",
    E,
    "an IP address",
    "remove the address",
)
NAMED = define(
    "privacy.named-person",
    E,
    "another person's name tied to health facts",
    "describe the person by their role ('my friend', 'the study nurse') and ask before writing about them",
)

FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|me|my|mine|we|us|our)\b", re.IGNORECASE)
DIRECTIVE = re.compile(r"<!--\s*trialblog:.*?-->", re.S | re.IGNORECASE)
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE = folded_search(
    Source(
        rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}|[0-3]?\d[/.-][0-3]?\d[/.-](?:\d{{4}}|\d{{2}})|"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b\.?(?:,?\s+\d{{4}})?|"
        rf"{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\d{{1,2}}-{MONTH}-(?:\d{{4}}|\d{{2}})\b)",
        re.IGNORECASE,
    )
)
IDENTIFIERS = folded_search(
    Source(
        r"\b(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|DRKS\d{8}|\d{4}-5\d{5}-\d{2}-\d{2}|\d{4}-\d{6}-\d{2}|"
        r"ChiC?M?CTR\d{8,12}|CTRI/\d{4}/\d{2,3}/\d{4,6}|PACTR\d{15}|jRCTs?\d{9,10}|UMIN\d{9}|JPRN-[A-Z]+\d+|"
        r"KCT\d{7}|IRCT\d+N\d+|TCTR\d{11}|RBR-\w{6,8}|NL-OMON\d+|NTR\d{3,5}|SLCTR/\d{4}/\d{3}|PER-\d{3}-\d{2})\b"
        r"|https?://\S+",
        re.IGNORECASE,
    )
)
TIMES = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?\b|\b\d{1,2}:\d{2}\b")
#: Every URL has it, every registry id a DIGIT: text with neither has no IDENTIFIERS.
URL_MARK = "://"

# Phone numbers
PHONE_CUE = re.compile(
    r"\b(?:phone|mobile|cell|tel|telephone|fax|landline|whats\s?app|text|txt|ring|call|reach|message|"
    r"contact|numbers?|no\.|line|extension|ext\.?|m[óo]vil|tel[ée]fono|n[úu]mero|ll[áa]mame|handy|"
    r"portable|joignable|cellulare|telefone|telefon|numer|ruf|anrufen|appelle|appelez|chiamami|ligue|bel\s+me)\b",
    re.IGNORECASE,
)
#: Regions whose numbers are looked for after a phone word, whatever the site's regions.
CUED_REGIONS = (
    "ES", "FR", "DE", "IT", "IE", "PT", "NL", "BE", "CH", "AT", "PL", "SE", "AU", "NZ", "IN", "MX", "CA",
    "NG", "ZA", "KE", "GH", "CN", "HK", "SG", "PH", "PK", "BR", "AR",
)  # fmt: skip
#: Personal lines: a number one of CUED_REGIONS reads as one of these, after a phone word, is
#: personal even if a site region reads the same digits as one of OVERRIDDEN_TYPES (GB's 03 and 09
#: numbers: "030 55501234" in Berlin, "98450 12345" in Bengaluru). A free or shared-cost line stays public.
PERSONAL_TYPES = frozenset(
    {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
)
#: How a phone number is written (a trunk 0, a +, a bracketed area code): with a phone's length,
#: a number the plan does not know is still one.
PHONE_SHAPE = re.compile(r"(?:\+|00|0|\()\d")
MIN_CUED_DIGITS = 9  # a number the numbering plan does not know needs a cue and a phone's length
FAX_CUE = re.compile(r"\bfax\b", re.IGNORECASE)
SPOKEN_DIGITS = {
    "oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
REPEATS = {"double": 2, "triple": 3}
_SPOKEN = r"(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|hundred|thousand)"
#: A phone number said in words after a phone word: a run of digits' names (at least MIN_CUED_DIGITS
#: digits once "double", "triple" and "hundred" are counted out).
SPELLED_NUMBER = Cued(
    Source(
        r"\b(?:phone|mobile|cell|number|landline|call|ring|text|whats\s?app|mobile['’]s|number['’]s)\b"
        r"(?:\s+(?:me|is|on|at|its|it['’]s|us))*[\s:,-]+"
        rf"(?P<said>{_SPOKEN}(?:[\s,.-]+{_SPOKEN}){{6,}})\b",
        re.IGNORECASE,
    ),
    "phone mobile cell number landline call ring text whats",
    spans_only=True,
)
PUBLIC_LINE = re.compile(
    r"\b(?:help\s?line|hotline|support\s+line|advice\s+line|information\s+line|info\s+line|"
    r"crisis\s+line|enquir(?:y|ies)\s+line|switchboard|freephone|toll[- ]free|society|foundation|"
    r"charity|association|alliance|samaritans|macmillan|nhs\s*111|reception|appointments\s+line|"
    r"customer\s+services?)\b",
    re.IGNORECASE,
)
OVERRIDDEN_TYPES = frozenset({PhoneNumberType.UAN, PhoneNumberType.PREMIUM_RATE})
PUBLIC_TYPES = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.PREMIUM_RATE,
    }
)

# E-mail, profiles, IP addresses
EMAIL_ADDRESS = Cued(
    Source(r"(?<![\w.+-])[A-Za-z0-9][\w.%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"), "@"
)
SPELLED_EMAIL = Cued(  # case-sensitive, so that it is looked for in the text as written
    Source(
        r"(?<![\w.])[A-Za-z0-9][\w.%+-]*\s*(?:\((?:at|AT)\)|\[(?:at|AT)\]|\s+(?:at|AT|At)\s+)\s*[A-Za-z0-9-]+"
        r"\s*(?:\((?:dot|DOT)\)|\[(?:dot|DOT)\]|\s+(?:dot|DOT|Dot)\s+)\s*(?:com|org|net|co|uk|es|fr|de|ie|io|me|"
        r"info|edu|pl|in|au|nz|ng|it|nl|be|ch|at|se|ca|us|br|mx|cn|za|pt|COM|ORG|NET)\b"
    ),
    "dot DOT Dot",
)
#: "dot" and "at" as other languages say them ("anke punkt mueller", "lucia arroba gmail punto com").
DOT_WORD = r"(?:dot|punkt|punto|point|kropka|ponto)"
AT_WORD = r"(?:at|arroba|chiocciola|klammeraffe|malpa)"
SPELLED_LOCAL = re.compile(rf"[._\d]|\s(?:{DOT_WORD}|underscore)\s", re.IGNORECASE)
#: An address at a known provider, written so robots miss it ("ruth dot okafor at gmail",
#: "bazza_1953 @ bigpond . com"): its local part has a dot, an underscore or a digit, so that
#: "rubbish at gmail" is not one.
PROVIDER_EMAIL = Cued(
    Source(
        rf"(?<![\w.@])(?P<local>[A-Za-z][\w.%+-]*(?:\s+(?:{DOT_WORD}|underscore)\s+[\w%+-]+)*)\s*"
        rf"(?:\(\s*at\s*\)|\[\s*at\s*\]|\s+{AT_WORD}\s+|\s+@\s*|\s*@\s+)\s*"
        r"(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|aol|protonmail|proton|live|msn|gmx|web|"
        r"bigpond|btinternet|eircom|rediffmail|rediff|qq|163|126|wp|onet|interia|yandex|zoho|orange|free|"
        r"libero|virgilio|telefonica|ziggo|sky|virgin)\b"
        rf"(?:\s*(?:\.|\(dot\)|\[dot\]|\s+{DOT_WORD}\s+)\s*[a-z]{{2,6}}\b)*",
        re.IGNORECASE,
    ),
    "gmail googlemail hotmail outlook yahoo ymail icloud aol proton live msn gmx web bigpond btinternet eircom "
    "rediff qq 163 126 wp onet interia yandex zoho orange free libero virgilio telefonica ziggo sky virgin",
)
ROLE_MAILBOXES = words(
    "info enquiries enquiry inquiries inquiry helpline help support contact contactus hello admin "
    "office press media research studies study trials clinicaltrials noreply no-reply team feedback "
    "webmaster privacy dpo pals reception appointments"
)
PROFILE_URL = Cued(
    Source(
        r"(?:https?://)?(?:www\.|m\.|mobile\.)?(?P<host>facebook\.com|fb\.com|instagram\.com|twitter\.com|"
        r"x\.com|linkedin\.com|tiktok\.com|youtube\.com|reddit\.com|threads\.net|bsky\.app|medium\.com|"
        r"github\.com|pinterest\.(?:com|co\.uk)|snapchat\.com|patientslikeme\.com|about\.me|linktr\.ee|"
        r"[\w-]+\.tumblr\.com)/(?P<path>[^\s)\]>\"'<]*)",
        re.IGNORECASE,
    ),
    "/",
)
FEDIVERSE = Cued(Source(r"https?://[\w.-]+\.[a-z]{2,}/@[A-Za-z0-9_]{2,}", re.IGNORECASE), "/@")
NOT_PROFILES = words(
    "groups group pages events hashtag explore r search share sharer intent company watch results "
    "topics help policies legal about home login signup privacy terms settings trending discover "
    "sharer.php story.php photo.php"
)
HANDLE = Cued(Source(r"(?<![\w@.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_]"), "@")
SOCIAL_CUE = re.compile(
    r"\b(?:instagram|insta|twitter|tiktok|threads|bluesky|bsky|mastodon|snapchat|facebook|"
    r"youtube|follow\s+(?:me|us|along)|find\s+me|DM\s+me|message\s+me|my\s+handle|my\s+account|"
    r"username|user\s+name|handle|on\s+X|IG|the\s+gram|snap(?:chat)?|discord|telegram)\b",
    re.IGNORECASE,
)
#: A handle written without its "@" after a network's name: "insta is msmumma.of3", "snap me:
#: kelly_b_1990". It has a dot, an underscore or a digit, which a word does not.
BARE_HANDLE = Cued(
    Source(
        r"\b(?:insta(?:gram)?|IG|tik\s?tok|twitter|snap(?:chat)?|threads|discord|telegram|handle|"
        r"user\s?name)(?:\s+(?:is|me|name\s+is|=))?\s*[:,]?\s+"
        r"(?P<handle>[A-Za-z][\w.]*#\d{4}|[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)+|[A-Za-z]+\d+[A-Za-z0-9_]*)\b(?![.@]\w)",
        re.IGNORECASE,
    ),
    "insta ig tik twitter snap threads discord telegram handle user",
    spans_only=True,
)
#: A Reddit user ("u/T1D_mum_of_2"); a subreddit ("r/diabetes") is a forum, not a person.
REDDIT_USER = Cued(Source(r"(?<![\w/])/?u/[A-Za-z0-9_-]{3,20}\b"), "u/")
#: A handle with one of these in it is an organisation's: "@MSTrust", "@mssocietyuk".
ORGANISATION_HANDLE = re.compile(
    r"trust|societ|charit|foundation|nhs|hospital|research|official|clinic|news|assoc|alliance|institute",
    re.IGNORECASE,
)
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]*\d)")
IPV6 = Cued(Source(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])"), ":")
#: In every IPV4 match: a digit, a dot, a digit; in every IPV6 one: two colons, at most four
#: hex digits apart. Both start with what they look for, so text without is searched in C.
IPV4_MARK = re.compile(r"\d\.\d")
#: Words before a version number, which has an IP address's dots: "build 2.3.11.4", "v1.2.0.4".
VERSION_BEFORE = re.compile(r"(?:\bv|version|build|release|firmware|update|app)\s*:?\s*$", re.IGNORECASE)
IPV6_MARK = re.compile(r":[0-9A-Fa-f]{0,4}:")

# Numbers
SSN_FORMATTED = re.compile(r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b")
SSN_CUED = folded_search(
    Source(
        r"\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?)\W{0,6}(?:is\s+|was\s+)?"
        r"(?P<code>\d{3}[ -]?\d{2}[ -]?\d{4})\b",
        re.IGNORECASE,
    )
)
NINO_CUED = folded_search(
    Source(
        r"\b(?:NI|national\s+insurance)(?:\s+(?:number|no\.?|#))?\s*(?:is\s+|was\s+|:\s*)?"
        r"(?P<code>[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])\b",
        re.IGNORECASE,
    )
)
NINO = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
RECORD_CUE = folded_search(
    Source(
        r"\b(?:(?:medical\s+records?|health\s+records?|hospital|hosp|patient|pt|NHS|CHI|health\s+(?:plan|insurance|"
        r"card|service)|insurance|member(?:ship)?|Medicare|Medicaid|policy|(?:bank\s+)?account|"
        r"credit\s+card|debit\s+card|card|(?:driver'?s?|driving)\s+licen[cs]e|licen[cs]e|passport|"
        r"participant|subject|study|trial|screening|enrol?ment|case|claim|certificate|serial|device|"
        r"employee|staff|student|beneficiary|prescription|pharmacy|rx|script|chart|unit|customer|client|"
        r"reg(?:istration)?|opd|ipd|tax|pps|aadhaa?r|social\s+insurance|insurance|versicherten|"
        r"transmitter|sensor|pump|pacemaker|implant|defibrillator|monitor|meter|hearing\s+aids?|receiver|"
        r"portal|login|national\s+id(?:entity)?|identity\s+card|id\s+card|pan(?:\s+card)?|voter|"
        r"seguridad\s+social|s.cu(?:rit.\s+sociale)?)[\s,]*(?:number|nummer|no\.?|num|#|ID|identifier|code|"
        r"ref(?:erence)?\.?)|MRN|UHID\b|IBAN|CHI|DNI|NIE|NIF|PPSN?|BSN|PESEL\b|TFN\b|SIN\b|Steuer-?ID|"
        r"codice\s+fiscale|Versichertennummer|rx|sort\s+code|(?:number|licen[cs]e|registration)\s+plate|"
        r"personnummer|f.dselsnummer|henkil.tunnus|CPR-?nummer|CURP\b|CNP\b|NIN\b|CNIC\b|NRIC\b|HKID\b|AMKA\b|"
        r"EGN\b|OIB\b|JMBG\b|NISS\b|IRD\b|MBI\b|SNILS\b|Steuernummer|"
        r"(?:PAN|ID|identity|voter|ration)\s+card(?=\s+[A-Z]{0,6}\d)|PAN(?=\s*[:#]?\s*[A-Z]{5}\d{4}[A-Z]\b)|"
        r"num.ro\s+de\s+s.cu(?:rit.\s+sociale)?|(?:n.mero\s+de\s+(?:la\s+)?)?seguridad\s+social|"
        r"(?:participant|subject|patient|account|member)(?=\s+#?[A-Z]{0,3}-?\d))"
        r"(?:\s+(?:at|with|for|on|from)\s+(?:the\s+|my\s+)?[\w'’]+(?:\s+[\w'’]+){0,2})?"
        r"(?:\s+(?:is|was|reads|of|ends\s+in|es|ist|est|is\s+now|became|changed\s+(?:from|to))|['’]s|"
        r"\s*,\s*(?:and\s+)?(?:mine|his|hers|theirs|ours)\s+(?:is|was|reads))?\s*[:#=,(-]?\s*",
        re.IGNORECASE,
    )
)
#: A study kit's or pack's number just before: not the writer's identifier (see blinding.kit-number).
KIT_BEFORE = re.compile(
    r"\b(?:kit|batch|lot|box|pack|bottle|randomi[sz]ation|medication)\s+(?:no\.?|number|#|code|ID)?\s*"
    r"(?:is|was|reads|:)?\s*$",
    re.IGNORECASE,
)
#: The study's own identifier, as a trial record gives it.
STUDY_OWN = re.compile(r"(?:study|trial)[\s,]*(?:number|no\.?|num|#|ID|identifier|code)\b", re.IGNORECASE)
RECORD_CODE = re.compile(r"#?[A-Za-z]{0,6}[ /-]?\d[\dA-Za-z /-]{1,22}[\dA-Za-z]")
CARD = re.compile(r"\b(?:\d{4}[ -]?){3}\d{1,7}\b")

# Addresses
STREET = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|"
    r"Close|Court|Ct|Crescent|Cres|Place|Pl|Way|Boulevard|Blvd|Terrace|Gardens|Grove|Square|Sq|"
    r"Hill|Row|Mews|Walk|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Trail|Rise|Green|Vale|Parade)\b\.?"
)
#: Streets written the Spanish, Catalan, French, Italian, Portuguese or German way.
STREET_ABROAD = re.compile(
    r"\b(?:Calle|C/|Avenida|Avda\.?|Av\.|Carrer|Paseo|Passeig|Plaza|Plaça|Rua|Via|Viale|Piazza|Corso|Camino|Ronda|"
    r"ul\.|ulica|al\.|aleja)\s+"
    r"(?:(?:de|del|de\s+la|dels|da|do|dos|di|della)\s+)?[A-ZÀ-Ý][\wÀ-ÿ'’-]+(?:\s+[A-ZÀ-Ý][\wÀ-ÿ'’-]+){0,3},?\s+\d{1,4}\b"
    r"|\b\d{1,4},?\s+(?:Calle|Avenida|Carrer|Paseo|Passeig|Rua|Viale|Corso|Camino)\s+"
    r"(?:(?:de|del|de\s+la|dels|da|do|dos|di|della)\s+)?[A-ZÀ-Ý][\wÀ-ÿ'’-]+(?=,\s*(?:\d{4,5}\s+)?[A-ZÀ-Ý])"
    r"|\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|place|chemin|allée|impasse|quai)\s+"
    r"(?:(?:de|des|du|de\s+la|de\s+l['’])\s*)?[A-ZÀ-Ý][\wÀ-ÿ'’-]+"
    r"|\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|platz|allee|gasse|damm|straat|laan|gracht|plein|kade|singel|"
    r"steeg|dreef)\s*\d{1,4}[a-z]?\b"
)
#: A street written in lower case, as in a quick post: "7 oconnell st ennis", "1834 w hollis ave".
#: Its words are not the little words of a sentence ("2 hours on the road" is no address).
STREET_LOWER = Cued(
    Source(
        r"\b\d{1,5}[a-z]?\s+(?:(?!(?:at|in|on|the|to|of|for|from|by|with|and|or|my|a|an|along|up|down|across|past|"
        r"over|into|onto|round|around|off|via|near|miles?|mi|mins?|minutes?|hours?|hrs?|km|days?|weeks?|months?|"
        r"years?|yrs|metres?|meters?|mg|ml|tablets?|pills?)\b)[a-z'’]+\s+){1,3}"
        r"(?:street|st|road|rd|avenue|ave|lane|ln|crescent|cres|terrace|boulevard|blvd)\b"
    ),
    "st rd ave ln street road lane cres terrace blvd boulevard",
)
#: Postcodes written with the town after them: Polish "80-831 Gdańsk", Dutch "1017 GP Amsterdam",
#: an Indian PIN after an address's words ("MG Road, Bengaluru 560001").
POSTCODE_TOWN = re.compile(
    r"\b\d{2}-\d{3}\s+[A-ZÀ-ÝŁŚŻŹĆŃ][\wÀ-ÿ]+|\b[1-9]\d{3}\s?(?!SS|SA|SD)[A-Z]{2}\s+[A-Z][a-z]+"
    r"|\b(?:Road|Rd|Nagar|Marg|Colony|Layout|Apartments?|Flat|Sector|Block|Street|Lane|Phase)\b[^.!?\n]{0,60}?"
    r"\b[A-Z][a-z]+[\s,-]+[1-8]\d{2}\s?\d{3}\b"
)
#: What an estate of houses is called: "3 The Paddocks, Ballincollig", "12 The Meadows, Leeds".
ESTATE_WORDS = (
    r"Paddocks|Meadows?|Orchards?|Willows|Beeches|Maltings|Oaks|Pines|Elms|Birches|Cedars|Laurels|Limes|Hollies|"
    r"Firs|Spinney|Coppice|Glebe|Green|Drive|Crescent|Close|Court|Avenue|Grove|Mews|Rise|Square|Walk|Heights|"
    r"Downs|Glen|Dale|Cloisters|Woods?|Fairways|Links|Granary|Stables|Hawthorns|Priory|Park|Lawns?|Gables|Chase|"
    r"Croft|Fold|Pastures|Acres?|Leys|Sycamores|Poplars|Rowans|Alders|Ashes|Hazels|Cottages|Terrace|Crest|Haven|"
    r"Paddock|Manor|Grange|Courtyard|Dell|Hollow|Oval|Boreen|Gardens|Maples|Cherries|Larches"
)
ESTATE = Cued(
    Source(
        rf"\b\d{{1,4}}[A-Za-z]?,?\s+The\s+(?:[A-Z][a-z'’]+\s+){{0,2}}(?:{ESTATE_WORDS})\b"
        r"(?=\s*,\s*[A-Z][a-z]{2,}|\s+[A-Z]{1,2}\d)"
    ),
    "The",
)
EIRCODE = re.compile(r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[AC-FHKNPRTV-Y0-9]{4}\b")
PO_BOX = Cued(Source(r"\bP\.?\s?O\.?\s*Box\s+\d+", re.IGNORECASE), "box")
UK_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?\d[ABD-HJLNP-UW-Z]{2}\b")
STATES = (
    r"AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IA|KS|KY|LA|MD|MA|MI|MN|MO|MT|NE|NV|NH|NJ|NM|NY|NC|"
    r"ND|OH|OK|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|Alabama|Alaska|Arizona|Arkansas|California|"
    r"Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|"
    r"Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|"
    r"Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|"
    r"North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|"
    r"Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming"
)
ZIP = folded_search(
    Source(
        rf",\s*(?:{STATES}),?\s+\d{{5}}(?:-\d{{4}})?\b|\b\d{{5}}-\d{{4}}\b|"
        r"\b(?:zip|post|postal|zip\s*code|post\s*code|postal\s*code|postcode|eircode|c.digo\s+postal|"
        r"code\s+postal|PLZ|CAP)\s*(?:is|was|:|=)?\s*(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|"
        r"[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y0-9]{4})\b|"
        r"\b(?:zip\s*code|post\s*code|postal\s*code|pin\s*code|pincode)\s*(?:is|was|:|=)?\s*\d{4}(?:\d{2})?\b",
        re.IGNORECASE,
    )
)
#: Text ZIP matches has five digits in a row or the word "code".
ZIP_CUE = folded_search(Source(r"\d{5}|code|zip|post|plz|cap", re.IGNORECASE))

# Birth dates and ages
BIRTH_CUE = re.compile(
    r"\b(?:born|birthday|b-?day|birth\s*date|date\s+of\s+birth|d\.?o\.?b\b\.?|b\.(?=\s*\d)|"
    r"fecha\s+de\s+nacimiento|nacid[oa]|date\s+de\s+naissance|n[ée]e?\s+le|geboren|geb\.|data\s+di\s+nascita|"
    r"data\s+urodzenia|"
    r"(?:turn(?:s|ed|ing)?|be)\s+\d{1,3}(?:\s+years?\s+old)?\s+on)",  # "turned 60 on 22 March"
    re.IGNORECASE,
)
_ORDINAL = (
    r"(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
#: A date in words ("the fourth of July", "March the twelfth"), a birth date after BIRTH_CUE.
WORDED_DATE = Cued(
    Source(rf"\b(?:{_ORDINAL}\s+(?:of\s+)?{MONTH}|{MONTH}\s+(?:the\s+)?{_ORDINAL})\b", re.IGNORECASE),
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth teenth tieth",
    spans_only=True,
)
#: Days whose name gives a day and a month: "born on Christmas Day 1952", "born St Patrick's Day".
HOLIDAY = (
    r"christmas\s+(?:day|eve)|new\s+year['’]?s\s+(?:day|eve)|boxing\s+day|valentine['’]?s\s+day|"
    r"st\.?\s+(?:patrick|paddy|andrew|david|george|stephen)['’]?s\s+day|paddy['’]?s\s+day|hallowe['’]?en|"
    r"guy\s+fawkes(?:\s+night)?|bonfire\s+night|independence\s+day|anzac\s+day|australia\s+day|hogmanay|"
    r"burns\s+night|leap\s+day|may\s+day|midsummer(?:['’]?s)?\s+day|bastille\s+day|republic\s+day"
)
#: Months as other languages name them, in a birth date: "geboren am 7. Mai 1958", "12 de abril de 1979".
FOREIGN_MONTH = (
    r"januar|j.nner|februar|m.rz|maerz|mai|juni|juli|august|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janvier|f.vrier|mars|avril|juin|juillet|ao.t|"
    r"septembre|octobre|novembre|d.cembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"januari|februari|maart|mei|augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze.nia|"
    r"pa.dziernika|listopada|grudnia|janeiro|fevereiro|mar.o|junho|julho|setembro|outubro|novembro|dezembro"
)
#: Dates that only a birth word makes worth reading: a holiday, a month in another language and
#: the year-month-day order of Chinese and Japanese ("1979 year 8 month 15 day", "1979年8月15日").
BIRTH_ONLY_DATE = folded_search(
    Source(
        rf"\b(?:{HOLIDAY})\b(?:,?\s+(?:19|20)\d{{2}}\b)?|"
        rf"\b[0-3]?\d\.?\s+(?:de\s+)?(?:{FOREIGN_MONTH})\b(?:,?\s+(?:de\s+)?\d{{4}}\b)?|"
        r"\b(?:19|20)\d{2}\s*(?:years?|年)\s*[01]?\d\s*(?:months?|月)\s*[0-3]?\d\s*(?:days?\b|日)?",
        re.IGNORECASE,
    )
)
#: Numbers that are a birth date only right after a birth word: with spaces ("DOB 03 03 88") or a
#: day and month alone ("my birthday is 11/9"), not a score or a dose further on ("born 1961, pain 7/10").
BIRTH_ONLY_NUMBERS = re.compile(r"\b[0-3]?\d\s[01]?\d\s(?:19|20)?\d{2}\b|\b[0-3]?\d[/.][01]?\d\b(?![/.]\d)")
#: In any text with a birth word of BIRTH_CUE but "turned ... on": only such text is read for
#: BIRTH_ONLY_DATE and BIRTH_ONLY_NUMBERS.
BIRTH_WORDS = ("born", "birth", "bday", "b-day", "dob", "d.o.b", "b.", "geb", "nacid", "naiss", "née", "nee",
               "nascit", "urodz")  # fmt: skip
#: Who has a great age: "my mother of 93 years", "at 95 my great aunt".
AGE_PEOPLE = (
    r"(?:great[- ])*(?:gran\w*|nan|nana|nanna|grandma|grandpa|grandad|grandfather|grandmother|mum|mom|mam|mother|dad|"
    r"da|father|aunt\w*|uncle|neighbou?r|friend|husband|wife|partner|patient|cousin|brother|sister|lady|man|woman|"
    r"gentleman|person|widow|widower)"
)
#: What makes a number after "aged" a group or a quantity, not one person's age: "aged 90 or over".
NOT_ONE_AGE = (
    r"(?!\s*(?:%|mg|ml|kg|minutes|mins|hours|days|weeks|times|percent|degrees|over|bpm|mmhg|\.\d|/|\+|plus\b|"
    r"or\s+(?:over|older|above|more)|and\s+(?:over|older|above|up)|-?plus))"
)
#: A birth word just before a date: "DOB is", "birthday:", "born on".
CLOSE_BIRTH_CUE = re.compile(rf"(?:{BIRTH_CUE.pattern})\s*(?:(?:is|was|on|=)\s*)?[:-]?\s*$", re.IGNORECASE)
AGE_OVER_89 = Cued(
    Source(
        r"\b(?:aged|age|turned|turning|turns|I['’]m|I\s+am|she['’]s|he['’]s|who['’]s|who\s+is|"
        r"(?:she|he|who|(?:my|his|her|our)\s+(?:\w+\s+)?(?:great-)*(?:gran\w*|nan|nana|grandma|grandpa|grandad|"
        r"grandfather|grandmother|mum|mom|mother|dad|father|aunt\w*|uncle|neighbou?r|friend|husband|wife|partner|"
        r"patient|cousin|brother|sister))\s+(?:is|was|turns|is\s+now))\s+"
        r"(?P<age>9\d|1[01]\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
        rf"{NOT_ONE_AGE}"
        r"|\b(?P<age2>9\d|1[01]\d)[- ]years?[- ]old\b"
        r"|\b(?:great-)*(?:gran\w*|nan|nana|nanna|grandpa|grandad|grandfather|grandmother|mum|mom|mam|mother|dad|"
        r"da|father|aunt\w*|uncle|abuel[oa]|oma|opa|babcia|dziadek|nonn[oa]|nani|dadi)"
        r"(?:\s+(?:is|was|turns|turned|is\s+now|will\s+be|would\s+be|has\s+turned|is\s+with|was\s+with)|['’]s)"
        r"\s+(?:now\s+)?"
        r"(?P<age4>9\d|1[01]\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
        rf"{NOT_ONE_AGE}"
        r"|\b(?:oldest|eldest)\b[^.!?\n]{0,40}?\s(?:is|was)\s+(?P<age5>9\d|1[01]\d)\b(?!\s*(?:%|mg|/))"
        r"|\b(?P<age6>9\d|1[01]\d)\s+(?:a[ñn]os|ans|Jahre|anni|lat)\b"
        r"|(?:\b(?:neighbou?r|friend|mum|mom|mother|dad|father|gran\w*|nan|grandpa|grandad|grandma|uncle|aunt|"
        r"husband|wife|patient|lady|man|woman)|\b(?:Mrs|Mr|Ms|Miss)\.?\s+[A-Z][\w'’-]+(?:\s+[a-z]+){0,3})"
        r"\s*[,—–(]\s*(?P<age3>9\d|1[01]\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
        r"\s*(?:[,—–)]|if\b)",
        re.IGNORECASE,
    ),
    "9 1 ninet",
)
#: A great age said other ways: "my mother of 93 years", "her 100th birthday", "at 95 my great aunt".
AGE_OF = Cued(
    Source(
        rf"\b{AGE_PEOPLE}\s+of\s+(?P<age>9\d|1[01]\d|ninety(?:[- ]\w+)?)\s+(?:years?|yrs)\b",
        re.IGNORECASE,
    ),
    "year yrs",
    also=["9 1 ninet"],
)
AGE_BIRTHDAY = Cued(
    Source(
        r"\b(?P<age>9\d|1[01]\d)(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)"
        r"|\b(?P<words>ninetieth|ninety[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
        r"hundredth)\s+(?:birthday|bday|b-day)",
        re.IGNORECASE,
    ),
    "birthday bday b-day",
    also=["9 1 ninet hundredth"],
)
AGE_AT = Cued(
    Source(
        rf"\bat\s+(?P<age>9\d|1[01]\d|ninety(?:[- ]\w+)?)\s*,?\s+(?:(?:she|he)\b|(?:my|his|her|our)\s+"
        rf"(?:(?:late|old|dear|lovely)\s+)?{AGE_PEOPLE}\b)",
        re.IGNORECASE,
    ),
    "at",
    also=["9 1 ninet"],
)
AGES = (AGE_OVER_89, AGE_OF, AGE_BIRTHDAY, AGE_AT)


def check(doc: Document) -> Iterator[Finding]:
    for segment in doc.segments:
        text = segment.text
        if "<!--" in text:  # every directive is an HTML comment
            text = DIRECTIVE.sub(blank_match, text)
        numbers = DIGIT.search(text) is not None  # no digit: no date, time, id or number
        taken = _public_ids(text) if numbers or URL_MARK in text else []
        dates = list(DATE.finditer(text)) if numbers else []
        times = list(TIMES.finditer(text)) if numbers else []
        protected = taken + [m.span() for m in times] + [m.span() for m in dates]
        yield from _emails(doc, segment, text, taken)
        yield from _profiles(doc, segment, text, taken)
        yield from _ips(doc, segment, text, taken, numbers)
        if numbers:  # each identifier below has a digit
            yield from _ssns(doc, segment, text, taken)
            yield from _records(doc, segment, text, taken, protected)
            yield from _phones(doc, segment, text, taken, protected)
            yield from _addresses(doc, segment, text, taken)
            yield from _birth_dates(doc, segment, text, taken, dates)
            yield from _ages(doc, segment, text, taken)
        elif "inet" in text or "undredth" in text:  # an age in words
            yield from _ages(doc, segment, text, taken)
        yield from _spelled_phones(doc, segment, text, taken)
        low = folded(text)
        if any(word in low for word in BIRTH_WORDS):
            yield from _birth_dates(doc, segment, text, taken, list(BIRTH_ONLY_DATE.finditer(text)))
            if numbers:  # BIRTH_ONLY_NUMBERS has digits
                close = [
                    m for m in BIRTH_ONLY_NUMBERS.finditer(text) if CLOSE_BIRTH_CUE.search(text, 0, m.start())
                ]
                yield from _birth_dates(doc, segment, text, taken, close)
        yield from _birth_dates(doc, segment, text, taken, list(WORDED_DATE.finditer(text)))
        if doc.kind is not Kind.TRIAL:
            yield from _named(doc, segment)


def _public_ids(text: str) -> list[tuple[int, int]]:
    """Spans of registry ids and of URLs other than personal profiles."""
    return [m.span() for m in IDENTIFIERS.finditer(text) if not _personal_url(matched(text, m))]


def _personal_url(url: str) -> bool:
    m = PROFILE_URL.search(url)
    return bool(m and _profile_path(m.group("host").lower(), m.group("path"))) or bool(FEDIVERSE.match(url))


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in taken)


def _claim(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Take ``span`` for one finding unless an earlier finding (or a protected id) has it."""
    if _overlaps(span, taken):
        return False
    taken.append(span)
    return True


def _shown(value: str) -> str:
    value = re.sub(r"\s+", " ", value.strip())
    return value if len(value) <= 40 else value[:37] + "..."


def _emails(doc: Document, seg: Segment, text: str, taken: list) -> Iterator[Finding]:
    for m in EMAIL_ADDRESS.finditer(text):
        address = m.group(0).lower()
        local = address.split("@", 1)[0]
        if address in doc.public_emails or local in ROLE_MAILBOXES or not _claim(m.span(), taken):
            continue
        yield doc.finding(EMAIL, seg, m.start(), f"an e-mail address ({_shown(m.group(0))})")
    for m in SPELLED_EMAIL.finditer(text):
        local = re.split(r"\s", m.group(0), maxsplit=1)[0].lower()
        if local not in ROLE_MAILBOXES and _claim(m.span(), taken):
            yield doc.finding(EMAIL, seg, m.start(), f"an e-mail address, spelled out ({_shown(m.group(0))})")
    for m in PROVIDER_EMAIL.finditer(text):
        local = m.group("local")
        spelled = SPELLED_LOCAL.search(local)
        if spelled and local.lower() not in ROLE_MAILBOXES and _claim(m.span(), taken):
            yield doc.finding(EMAIL, seg, m.start(), f"an e-mail address, spelled out ({_shown(m.group(0))})")


def _profiles(doc: Document, seg: Segment, text: str, taken: list) -> Iterator[Finding]:
    for m in PROFILE_URL.finditer(text):
        if _profile_path(m.group("host").lower(), m.group("path")) and _claim(m.span(), taken):
            yield doc.finding(PROFILE, seg, m.start(), f"a link to a personal profile ({_shown(m.group(0))})")
    for m in FEDIVERSE.finditer(text):
        if _claim(m.span(), taken):
            yield doc.finding(PROFILE, seg, m.start(), f"a link to a personal profile ({_shown(m.group(0))})")
    for m in REDDIT_USER.finditer(text):
        if _claim(m.span(), taken):
            yield doc.finding(PROFILE, seg, m.start(), f"a Reddit user name ({m.group(0)})")
    for m in BARE_HANDLE.finditer(text):
        handle = text[m.start("handle") : m.end("handle")]
        if not ORGANISATION_HANDLE.search(handle) and _claim(m.span("handle"), taken):
            yield doc.finding(PROFILE, seg, m.start("handle"), f"a social-media handle ({handle})")
    if not HANDLE.possible(text):
        return
    for start, end in seg.sentences():
        sentence = text[start:end]
        if not SOCIAL_CUE.search(sentence):
            continue
        for m in HANDLE.finditer(sentence):
            span = (start + m.start(), start + m.end())
            if not ORGANISATION_HANDLE.search(m.group(0)) and _claim(span, taken):
                yield doc.finding(PROFILE, seg, span[0], f"a social-media handle ({m.group(0)})")


def _profile_path(host: str, path: str) -> bool:
    parts = [p for p in re.split(r"[/?#]", path) if p]
    if not parts:
        return False
    first = parts[0].lower()
    if host.endswith("tumblr.com") or host in ("about.me", "linktr.ee"):
        return True
    if host == "linkedin.com":
        return first in ("in", "pub") and len(parts) > 1
    if host == "reddit.com":
        return first in ("u", "user") and len(parts) > 1
    if host in ("youtube.com", "tiktok.com", "medium.com", "threads.net"):
        return first.startswith("@") or (first in ("c", "user", "channel") and len(parts) > 1)
    if host == "bsky.app":
        return first == "profile" and len(parts) > 1
    if host == "patientslikeme.com":
        return first in ("members", "patients", "users") and len(parts) > 1
    if host == "snapchat.com":
        return first == "add" and len(parts) > 1
    return first not in NOT_PROFILES and not first.endswith(".php")


def _ips(doc: Document, seg: Segment, text: str, taken: list, numbers: bool) -> Iterator[Finding]:
    for m in IPV4.finditer(text) if numbers and IPV4_MARK.search(text) else ():
        before = text[max(0, m.start() - 12) : m.start()]
        if VERSION_BEFORE.search(before):
            continue
        try:
            ipaddress.IPv4Address(m.group(0))
        except ValueError:
            continue
        if _claim(m.span(), taken):
            yield doc.finding(IP, seg, m.start(), f"an IP address ({m.group(0)})")
    for m in IPV6.finditer(text) if IPV6_MARK.search(text) else ():
        value = m.group(0)
        if value.count(":") < 2 or re.fullmatch(r"[\d:]+", value) and "::" not in value:
            continue
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            continue
        if _claim(m.span(), taken):
            yield doc.finding(IP, seg, m.start(), f"an IP address ({value})")


def _ssns(doc: Document, seg: Segment, text: str, taken: list) -> Iterator[Finding]:
    for m in SSN_CUED.finditer(text):
        span = m.span("code")
        if _claim(span, taken):
            yield doc.finding(SSN, seg, span[0], "a social security number")
    for m in NINO_CUED.finditer(text):
        span = m.span("code")
        if _claim(span, taken):
            yield doc.finding(SSN, seg, span[0], "a national insurance number")
    for m in SSN_FORMATTED.finditer(text):
        if _claim(m.span(), taken):
            yield doc.finding(SSN, seg, m.start(), "what looks like a social security number")
    for m in NINO.finditer(text):
        if _claim(m.span(), taken):
            yield doc.finding(SSN, seg, m.start(), "a national insurance number")


def _records(doc: Document, seg: Segment, text: str, taken: list, protected: list) -> Iterator[Finding]:
    for cue in RECORD_CUE.finditer(text):
        code = RECORD_CODE.match(text, cue.end())
        if not code:
            continue
        value = code.group(0).rstrip(" -")
        span = (code.start(), code.start() + len(value))
        if sum(c.isdigit() for c in value) < 3 or _overlaps(span, protected):
            continue
        if re.fullmatch(r"\d{1,3}(?:[ -]\d{1,2})?", value.strip("# ")):
            continue  # "card number 2" is a count, not an identifier
        if KIT_BEFORE.search(text[max(0, cue.start() - 25) : cue.start()]):
            continue  # "kit no. is RX-20914": a kit's number, which blinding.kit-number reports
        if doc.kind is Kind.TRIAL and STUDY_OWN.match(text, cue.start()):
            continue  # a trial record's "Study ID": the study's own number, as public as its registry number
        if _claim(span, taken):
            what = re.sub(r"\s+", " ", matched(text, cue)).strip(" :#=-").lower()
            yield doc.finding(RECORD, seg, cue.start(), f"an identifying number ({what} {_shown(value)})")
    for m in CARD.finditer(text):
        number = digits(m.group(0))
        if 13 <= len(number) <= 19 and _luhn(number) and _claim(m.span(), taken):
            yield doc.finding(RECORD, seg, m.start(), "a payment card number")


def _luhn(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


# No phone number has fewer digits than this: text without such a run skips the (slow) matcher.
DIGIT_RUN = re.compile(r"\d(?:[\s().+/-]{0,3}\d){4,}")


def _phones(doc: Document, seg: Segment, text: str, taken: list, protected: list) -> Iterator[Finding]:
    if not DIGIT_RUN.search(text):
        return
    found: dict[tuple[int, int], phonenumbers.PhoneNumber] = {}
    for region in doc.phone_regions:
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
            found.setdefault((match.start, match.end), match.number)
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
            cued = PHONE_CUE.search(text[max(0, match.start - 30) : match.start])
            count = len(digits(match.raw_string))
            shaped = count >= 10 and PHONE_SHAPE.match(match.raw_string)
            if (cued and count >= MIN_CUED_DIGITS) or shaped:
                found.setdefault((match.start, match.end), match.number)
    personal: set[tuple[int, int]] = set()  # read as a personal line in a cued region
    if PHONE_CUE.search(text):  # a number written the way another country writes it, after a phone word
        for region in CUED_REGIONS:
            for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
                before = text[max(0, match.start - 40) : match.start]
                if PHONE_CUE.search(before) or PHONE_CUE.search(text[match.end : match.end + 30]):
                    found.setdefault((match.start, match.end), match.number)
                    if phonenumbers.number_type(match.number) in PERSONAL_TYPES:
                        personal.add((match.start, match.end))
    for (start, end), number in sorted(found.items()):
        if _overlaps((start, end), protected) or _overlaps((start, end), taken):
            continue
        if _public_number(doc, text, start, end, number, (start, end) in personal):
            taken.append((start, end))
            continue
        taken.append((start, end))
        kind = "fax" if FAX_CUE.search(text[max(0, start - 30) : start]) else "phone"
        yield doc.finding(PHONE, seg, start, f"a {kind} number ({_shown(text[start:end])})")


def _spelled_phones(doc: Document, seg: Segment, text: str, taken: list) -> Iterator[Finding]:
    """A phone number said in words after a phone word: "oh seven seven double oh, nine hundred"."""
    for m in SPELLED_NUMBER.finditer(text):
        said = _spoken_digits(matched(text, m).lower())
        if len(said) >= MIN_CUED_DIGITS and _claim(m.span(), taken):
            yield doc.finding(PHONE, seg, m.start(), f"a phone number in words ({_shown(matched(text, m))})")


def _spoken_digits(words_said: str) -> str:
    out = ""
    repeat = 1
    for word in re.findall(r"[a-z]+", words_said):
        if word in REPEATS:
            repeat = REPEATS[word]
        elif word in SPOKEN_DIGITS:
            out += SPOKEN_DIGITS[word] * repeat
            repeat = 1
        elif word in ("hundred", "thousand"):
            out += "00" if word == "hundred" else "000"
    return out


def _public_number(
    doc: Document, text: str, start: int, end: int, number: phonenumbers.PhoneNumber, personal: bool = False
) -> bool:
    kind = phonenumbers.number_type(number)  # a public type counts only for a number the plan knows
    public = kind in PUBLIC_TYPES and phonenumbers.is_valid_number(number)
    if public and not (personal and kind in OVERRIDDEN_TYPES):
        return True
    if digits(text[start:end])[-9:] in doc.public_phones:
        return True
    before = text[max(0, start - 60) : start].split("\n\n")[-1]
    after = text[end : end + 30].split("\n\n")[0]
    return PUBLIC_LINE.search(before) is not None or PUBLIC_LINE.search(after) is not None


def _addresses(doc: Document, seg: Segment, text: str, taken: list) -> Iterator[Finding]:
    zip_codes = ZIP.finditer(text) if ZIP_CUE.search(text) else ()
    for matches, what in (
        (STREET.finditer(text), "a street address"),
        (STREET_ABROAD.finditer(text), "a street address"),
        (ESTATE.finditer(text), "a street address"),
        (EIRCODE.finditer(text), "an Eircode"),
        (PO_BOX.finditer(text), "a PO box"),
        (zip_codes, "a ZIP or postal code"),
        (UK_POSTCODE.finditer(text), "a postcode"),
        (STREET_LOWER.finditer(text), "a street address"),
        (POSTCODE_TOWN.finditer(text), "a postcode"),
    ):
        for m in matches:
            if _claim(m.span(), taken):
                yield doc.finding(ADDRESS, seg, m.start(), f"{what} ({_shown(matched(text, m))})")


def _birth_dates(
    doc: Document, seg: Segment, text: str, taken: list, dates: list[re.Match[str]]
) -> Iterator[Finding]:
    for m in dates:
        before = text[max(0, m.start() - 30) : m.start()]
        after = text[m.end() : m.end() + 25]
        if not (
            BIRTH_CUE.search(before) or re.match(r"\W{0,3}(?:is|was)?\s*(?:my|his|her)\s+birthday", after)
        ):
            continue
        if not _claim(m.span(), taken):
            continue
        yield doc.finding(BIRTH_DATE, seg, m.start(), f"a date of birth ({_shown(matched(text, m))})")


def _ages(doc: Document, seg: Segment, text: str, taken: list) -> Iterator[Finding]:
    for m in (m for pattern in AGES for m in pattern.finditer(text)):
        if _claim(m.span(), taken):
            age = next(value for value in m.groupdict().values() if value)
            yield doc.finding(AGE, seg, m.start(), f"an age over 89 ({age})")


def _named(doc: Document, seg: Segment) -> Iterator[Finding]:
    for start, end in seg.sentences():
        sentence = seg.plain[start:end]
        for mention in others(privacy_mentions(seg, start, end), doc.own_names):
            if about_participation(sentence) and doc.ongoing and not about_health_facts(sentence):
                continue  # integrity.named-participant reports it
            if mention.how == "title" and (" " not in mention.name or not FIRST_PERSON.search(sentence)):
                if not (lay_titled(sentence, mention) and about_their_health(sentence, mention)):
                    continue  # a clinician by surname, a nurse by first name, or an author: a public role
            elif mention.how != "title" and not about_their_health(sentence, mention):
                continue  # a name with a clinic, an appointment or the writer's own health, not theirs
            if public_name(sentence, mention) or a_pet(sentence, mention):
                continue
            if mention.how in ("first-name", "acquaintance") and staff(sentence, mention):
                continue  # "Kerry the diabetes nurse", "ward sister Orla": a public role
            yield doc.finding(
                NAMED, seg, start + mention.start, f"names {mention.name} in a sentence about health"
            )
