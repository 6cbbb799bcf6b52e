"""The checks' shortcuts give exactly what the plain way of doing the same work gives."""

from __future__ import annotations

import re
from pathlib import Path
from re import _constants as C
from re import _parser

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tools.doctables import corpus
from trialblog.checks import accessibility, blinding, deceit, integrity, people, privacy, recruitment
from trialblog.checks import text as text_module
from trialblog.checks.documents import Document, Kind
from trialblog.checks.text import (
    FENCE,
    MARKUP,
    Cued,
    Segment,
    blank,
    blank_code_blocks,
    folded,
    in_lower_case,
    plain_text,
)

CORPUS = Path(__file__).parent / "checks_corpus"
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Markdown-ish text: the markup plain_text blanks, in every order, among words and line breaks.
PIECES = (
    "word", "Maria", "my friend Tom", "on the trial", " ", "  ", "\n", "\n\n", "```", "~~~", "`code`",
    "<!-- note -->", "<!--", "-->", "[text](http://x.org/a)", "![alt](p.png)", "[ref]: http://x",
    "[a][b]", "]:", "<https://x.org>", "<b>", "</b>", "https://example.org/p", "{#id}", "\\*",
    "\\", "# ", "## ", "> ", "- ", "* ", "1. ", "2) ", "**", "__", "_", "*", "~~", "~", "é", "İ",
    ".", "?", "!", "Dr.", "e.g.", "0800 123 4567", "@handle", "<!-- trialblog: ignore x -->",
)  # fmt: skip
markdown = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=60)


def _plain_text_every_step(text: str) -> str:
    """plain_text without its shortcuts: every substitution run on every text."""
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if FENCE.match(line):
            inside = not inside
            out.append(re.sub(r"[^\n]", " ", line))
        else:
            out.append(re.sub(r"[^\n]", " ", line) if inside else line)
    text = "\n".join(out)
    for _marks, pattern, replace in MARKUP:
        text = pattern.sub(replace, text)
    return text


@FAST
@given(markdown)
def test_plain_text_skips_only_markup_that_is_not_there(text):
    assert plain_text(text) == _plain_text_every_step(text)
    assert len(plain_text(text)) == len(text)


@FAST
@given(markdown)
def test_blank_and_blank_code_blocks_as_written_out(text):
    assert blank(text) == re.sub(r"[^\n]", " ", text)
    if "```" not in text and "~~~" not in text:
        assert blank_code_blocks(text) == text


def test_every_markup_pattern_needs_one_of_its_marks():
    for marks, pattern, _replace in MARKUP:
        for sample in PIECES:
            if pattern.search(sample) and marks:
                assert any(mark in sample for mark in marks), (pattern.pattern, sample)


def _document(text: str, **context) -> Document:
    return Document("p.md", Kind.DIARY, [Segment("body", text, 1)], raw=text, **context)


NAMED_SENTENCES = st.lists(
    st.sampled_from(
        (
            "My friend Maria is also in the trial.", "Tom has lupus.", "Dr Patel saw my results.",
            "I met Sarah at the research unit.", "Sam is on the same drug as me.", "It rained.",
            "Emily, my sister, has MS.", "Another participant called Ravi was there too.", "Nothing new.",
        )
    ),
    min_size=1,
    max_size=6,
).map(" ".join)  # fmt: skip


@FAST
@given(NAMED_SENTENCES, st.sampled_from([frozenset(), frozenset({"Maria"}), frozenset({"Tom", "Sam"})]))
def test_names_are_found_once_and_the_same_for_every_rule(text, own_names):
    doc = _document(text, ongoing=True, own_names=own_names)
    seg = doc.segments[0]
    for start, end in seg.sentences():
        first = people.sentence_mentions(seg, start, end)
        assert first == tuple(people.mentions(seg.plain[start:end]))
        assert people.sentence_mentions(seg, start, end) is first
    expected = []  # the sentence about taking part (health facts make it privacy's), then its names
    for start, end in seg.sentences():
        sentence = seg.plain[start:end]
        if people.about_participation(sentence) and not people.about_health_facts(sentence):
            expected += [
                start + m.start for m in people.mentions(sentence) if m.name.split()[0] not in own_names
            ]
    found = list(integrity.check(_document(text, ongoing=True, own_names=own_names)))
    assert {f.rule for f in found} <= {"integrity.named-participant"}
    assert [f.column - 1 for f in found] == expected


def test_arm_patterns_are_compiled_once_and_a_trials_arm_names_masked_in_place():
    assert blinding._arm_patterns() is blinding._arm_patterns()
    mask = blinding._term_mask(("Velanimod 0.5 mg", "Velanimod"))
    assert mask is blinding._term_mask(("Velanimod 0.5 mg", "Velanimod"))
    masked = blinding._masked("On velanimod 0.5 mg, not Velanimodx.", mask)
    assert masked == "On " + "q" * 16 + ", not Velanimodx." and len(masked) == len("On velanimod 0.5 mg, not Velanimodx.")
    first = blinding._you_too(frozenset({"AURORA", "AURORA-MS"}))
    assert first is blinding._you_too(frozenset({"AURORA-MS", "AURORA"}))
    assert first.search("if you're on AURORA too")
    assert first.search("If you are also in the same trial")
    assert not first.search("if you are on holiday")


def _min_width_before_name(pattern: re.Pattern[str]) -> int:
    """The fewest characters a match of ``pattern`` has before its ``name`` group starts."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    group = pattern.groupindex["name"]
    items = parsed.data
    for index, (op, av) in enumerate(items):
        if op is C.SUBPATTERN and av[0] == group:
            return _parser.SubPattern(parsed.state, items[:index]).getwidth()[0]
    raise AssertionError(f"{pattern.pattern}: no top-level name group")


def test_names_after_other_words_and_before_a_comma():
    for cued in (people.RELATION_NAME, people.CALLED, people.TITLED):
        assert _min_width_before_name(cued.pattern) >= 1, cued
    name_relation = _parser.parse(people.NAME_RELATION.pattern.pattern).data  # a comma, not optional
    assert (C.LITERAL, ord(",")) in list(name_relation), "NAME_RELATION matches only with a comma"
    for text in ("Maria, my friend, has lupus.", "My friend Maria has MS", "Dr Patel", "a man called Tom"):
        assert list(people.mentions(text)), text


SENTENCE_PIECES = (
    "my friend", "My friend", "his sister", "a man called", "named", "Dr", "Dr.", "Nurse", "Maria",
    "Tom", "Patel", "Smith", "The", "I", "lupus", ",", ", my friend", ", his wife", " ", "  ", "\n",
    "also in the trial", "on the same drug", "Velanimod", "the", "called", "Sarah Jones", "Mr", "X",
)  # fmt: skip


def _mentions_every_way(sentence: str) -> list[people.Mention]:
    """mentions() without its shortcuts: every pattern tried on every sentence."""
    taken: list[tuple[int, int]] = []
    found = []
    patterns = (
        ("relation", people.RELATION_NAME.pattern),
        ("relation", people.NAME_RELATION.pattern),
        ("relation", people.CALLED.pattern),
        ("title", people.TITLED.pattern),
    )
    for how, pattern in patterns:
        for match in pattern.finditer(sentence):
            name, start = match.group("name"), match.start("name")
            if how != "title" and name.split()[0] in people.NOT_NAMES:
                continue
            if how != "title" and name.split()[-1] in people.NOT_NAMES:
                name = name.split()[0]
            if all(start + len(name) <= a or start >= b for a, b in taken):
                taken.append((start, start + len(name)))
                found.append(people.Mention(start, start + len(name), name, how))
    for match in people.KNOWN_PERSON.finditer(sentence):
        name, start = match.group("name"), match.start("name")
        if name.split()[0] in people.NOT_NAMES or any(part in people.NOT_PERSON_WORDS for part in name.split()):
            continue
        if all(start + len(name) <= a or start >= b for a, b in taken):
            taken.append((start, start + len(name)))
            found.append(people.Mention(start, start + len(name), name, "acquaintance"))
    for match in people.FIRST_NAME.finditer(sentence):
        name, start = match.group("name"), match.start("name")
        words = name.split()
        if words[0].lower() not in people.FIRST_NAMES:
            continue
        if len(words) == 2 and words[1] in people.NOT_NAMES:
            name = words[0]
        if all(start + len(name) <= a or start >= b for a, b in taken):
            taken.append((start, start + len(name)))
            found.append(people.Mention(start, start + len(name), name, "first-name"))
    return found


@FAST
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=12).map(" ".join))
def test_mentions_as_when_every_pattern_is_tried(sentence):
    assert list(people.mentions(sentence)) == _mentions_every_way(sentence)


#: The sentence end and the start of a block as first written: line by line, two alternatives.
SENTENCE_END_AS_WRITTEN = re.compile(r"[.!?]+['\")\]]*(?=\s)|[.!?]+['\")\]]*$")
BLOCK_START_AS_WRITTEN = re.compile(r"^\s*(?:#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s|\|)")
PROSE_PIECES = (
    "Word", "word", " ", "\n", "\n\n", " \n", "\t", ".", "..", "!", "?", "?!", "'", '"', ")", "]",
    "Dr.", "e.g.", "etc.", "J.", "U.S.", "approx.", "# ", "## Head", "#x", "#", "##", "1.", "-", "+", "> ", ">", "- ", "-x",
    "* ", "+ ", "1. ", "12) ", "1234. ", "| a |", "\u2028", "\x0c", "\r",
)  # fmt: skip
prose = st.lists(st.sampled_from(PROSE_PIECES), max_size=30).map("".join) | st.text(max_size=40)


def _sentences_as_written(text: str) -> list[tuple[int, int]]:
    """Segment.sentences() line by line, as first written."""
    blocks, start, offset = [], 0, 0
    for number, raw in enumerate(text.split("\n")):
        if number and (not raw.strip() or BLOCK_START_AS_WRITTEN.match(raw)):
            blocks.append((start, offset))
            start = offset
        offset += len(raw) + 1
    blocks.append((start, len(text)))
    spans = []

    def trimmed(a: int, b: int) -> None:
        chunk = text[a:b]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((a + lead, a + lead + len(chunk.strip())))

    for start, end in blocks:
        chunk, last = text[start:end], 0
        for match in SENTENCE_END_AS_WRITTEN.finditer(chunk):
            dot = match.start()
            if chunk[dot] == ".":
                stop = dot - 1 if dot and chunk[dot - 1] == "\n" else dot
                first = stop
                while first and chunk[first - 1] in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.":
                    first -= 1
                token = chunk[first:stop].lower().rstrip(".")
                if first < stop and (token in text_module.ABBREVIATIONS or len(token) == 1):
                    continue
            trimmed(start + last, start + match.end())
            last = match.end()
        trimmed(start + last, end)
    return spans


@FAST
@given(prose)
@example("a\n##\nb. c\n#\td\n  \ne\n- f\n-g\n1) h\n1.i\n| j\n> k\n>l")
@example("a\n.b J.\nK. e.g. x. etc.\nY U.S. Z. . x.y.z. The end.")
@example("Hi.\u2028Yes!\x0cNo?\r\nMaybe...) 'Ok.' [x.]\n")
def test_sentences_as_when_split_line_by_line(text):
    assert list(Segment("body", text, 1, markdown=False).sentences()) == _sentences_as_written(text)
    assert [m.span() for m in text_module.SENTENCE_END.finditer(text)] == [
        m.span() for m in SENTENCE_END_AS_WRITTEN.finditer(text)
    ]


ADDRESS_PIECES = ("1", "12", "255", "2001", "db8", "ff", "a", "G", ".", ":", "::", " ", "v", "-", "/", "x")
addresses = st.lists(st.sampled_from(ADDRESS_PIECES), max_size=16).map("".join) | st.text(
    "0123456789abcdefABCDEF.:", max_size=24
)


@FAST
@given(addresses)
@example("192.168.0.1")
@example("1.2.3.4")
@example("2001:db8::1")
@example("fe80::")
def test_ip_addresses_have_the_marks_looked_for_first(text):
    if privacy.IPV4.search(text):
        assert privacy.IPV4_MARK.search(text)
    if privacy.IPV6.pattern.search(text):
        assert privacy.IPV6_MARK.search(text)


def test_ip_addresses_are_still_found():
    doc = _document("My IP is 192.168.0.1 and 2001:db8::1, not 10:30 or 1:2:3.")
    assert [f.message for f in privacy.check(doc)] == [
        "an IP address (192.168.0.1)",
        "an IP address (2001:db8::1)",
    ]


LOWERED = {
    f"{module.__name__.rsplit('.', 1)[1]}.{name}": value
    for module in (blinding, integrity, people, privacy, recruitment)
    for name, value in vars(module).items()
    if isinstance(value, Cued) and value.lowered is not None
} | {
    f"recruitment subject claim {terms}": recruitment._subject_claim(terms) for terms in (("Velanimod",), ())
}
UNCASED = {c for cued in LOWERED.values() for c in cued.pattern.pattern if c.lower() == c.upper()}


def test_some_patterns_run_in_lower_case():
    assert len(LOWERED) >= 20
    assert recruitment._subject_claim(("Ölmod",)).lowered is None  # a letter outside ASCII


def test_folding_keeps_what_a_case_insensitive_pattern_sees():
    """Per character: a lowered pattern's letter, uncased character, class or boundary matches
    the folded character exactly where the case-insensitive pattern matches the character."""
    classes = [re.compile(c) for c in (r"\w", r"\s", r"\d")]
    uncased = re.compile("[" + re.escape("".join(sorted(UNCASED))) + "]", re.IGNORECASE)
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        low = folded(char)
        assert len(low) == 1, hex(code)
        for cls in classes:
            assert bool(cls.match(char)) == bool(cls.match(low)), (cls.pattern, hex(code))
        if low.isascii() and low.isalpha():
            assert re.fullmatch(low, char, re.IGNORECASE), hex(code)  # and only that letter (cues test)
        elif low.lower() == low.upper():
            assert low == char, hex(code)  # nothing else folds to an uncased character
        if uncased.match(char):
            assert char in UNCASED, hex(code)  # an uncased character matches only itself


@pytest.mark.parametrize("name", sorted(LOWERED))
def test_a_lowered_pattern_is_the_pattern_in_lower_case(name):
    cued = LOWERED[name]
    assert cued.lowered.flags == cued.pattern.flags & ~re.IGNORECASE
    assert cued.lowered.pattern.lower() == cued.pattern.pattern.lower()
    assert not re.search("[A-Z]", re.sub(r"\\.|\(\?P[<=]\w+", "", cued.lowered.pattern))
    assert not re.search(r"\\\d|\(\?P=", cued.pattern.pattern), "no back-references"
    for escape in re.findall(r"\\.", cued.pattern.pattern):
        assert escape in cued.lowered.pattern
    # the same matches, at the same places, on the corpus sentences
    for sample in corpus(CORPUS):
        for text in (sample.text, sample.text.upper(), sample.text.title()):
            assert [m.span() for m in cued.finditer(text)] == [m.span() for m in cued.pattern.finditer(text)]


def test_only_patterns_that_can_be_put_in_lower_case_are():
    with pytest.raises(ValueError):
        in_lower_case(re.compile("abc"))
    with pytest.raises(ValueError):
        in_lower_case(re.compile("(?-i:abc)", re.IGNORECASE))
    with pytest.raises(ValueError):
        in_lower_case(re.compile("caf[eé]", re.IGNORECASE))
    for source in (r"(a)\1", r"(?P<x>a)(?P=x)", r"caf\u00C9", r"\x41"):
        with pytest.raises(ValueError):
            in_lower_case(re.compile(source, re.IGNORECASE))
    assert in_lower_case(re.compile(r"\bI\S+(?P<Name>X)\W", re.IGNORECASE)).pattern == r"\bi\S+(?P<Name>x)\W"


def test_findings_quote_the_text_as_written_not_as_folded():
    trial = Document("t.yaml", Kind.TRIAL, [Segment("summary", "EARN CASH: a Miracle Cure!", 1)])
    messages = [f.message for f in recruitment.check(trial)]
    assert "emphasises payment: 'EARN'" in messages
    assert "promises a cure: 'Miracle'" in messages
    diary = _document("I was born on 3 MARCH 1950.")
    assert [f.message for f in privacy.check(diary)] == ["a date of birth (3 MARCH 1950)"]


def test_every_mark_has_a_mark_character():
    for marks, _pattern, _replace in MARKUP:
        for mark in marks:
            assert text_module.MARK_CHAR.search(mark), mark


HEADING_PIECES = ("# ", "#", "##", "###### ", "####### ", "=", "==", "-", "---", " ", "   ", "    ", "\t")
HEADING_PIECES += (
    "Title",
    "here",
    "text",
    "\n",
    "\n\n",
    "- item",
    "> quote",
    "[here](x)",
    "[more][b]",
    "*",
    "1. ",
)
headings = st.lists(st.sampled_from(HEADING_PIECES), max_size=30).map("".join)


def _links_every_way(text: str) -> list[int]:
    """Where accessibility._links reports link text, with both link patterns tried on any text."""
    found = []
    for pattern in (accessibility.MARKDOWN_LINK, accessibility.HTML_LINK):
        for m in pattern.finditer(text):
            words = re.sub(r"<[^>]+>|[*_`]", "", m.group("text"))
            words = re.sub(r"\s+", " ", words).strip(" .!:").lower()
            words = re.sub(r"^(?:at|on|via|see|visit|follow|use|through|in|from|go\s+to)\s+", "", words)
            if words in accessibility.GENERIC_LINKS:
                found.append(m.start())
    return found


@FAST
@given(headings)
@example("[here](x) <a href=x>here</a> [more][1]")
def test_headings_and_links_as_when_every_line_is_looked_at(text):
    doc = _document(text)
    seg = doc.segments[0]
    assert [(f.line, f.column) for f in accessibility._links(doc, seg, text)] == [
        seg.position(offset) for offset in _links_every_way(text)
    ]
    lines = text.split("\n")
    assert [accessibility._heading_level(lines, i) for i in range(len(lines))] == [
        _level_every_way(lines, i) for i in range(len(lines))
    ]


def _level_every_way(lines: list[str], index: int) -> int | None:
    atx = accessibility.ATX_HEADING.match(lines[index])
    if atx:
        return len(atx.group("marks"))
    if not index or not accessibility.SETEXT.match(lines[index]):
        return None
    above = lines[index - 1]
    if (
        not above.strip()
        or accessibility.ATX_HEADING.match(above)
        or accessibility.PARAGRAPH_BREAKER.match(above)
    ):
        return None
    return 1 if lines[index].strip().startswith("=") else 2


def test_an_invitation_to_compare_is_not_one_when_it_says_not_to():
    def invites(text: str) -> list[str]:
        doc = _document(text, blinded=True, ongoing=True)
        return [f.rule for f in blinding.check(doc) if f.rule == "blinding.compare-invite"]

    assert invites("Let's compare notes on our side effects to work out who is on placebo.")
    assert not invites("Please don't compare notes on side effects to work out who is on placebo.")
    assert not invites("We should never share symptoms to work out which arm we are in.")


def _indexes() -> dict[str, text_module.CueIndex]:
    found = {"blinding guess gate": blinding._gate()}
    for module in (blinding, integrity, privacy, recruitment, deceit):
        for name, value in vars(module).items():
            if isinstance(value, text_module.CueIndex):
                found[f"{module.__name__}.{name}"] = value
    return found


@pytest.mark.parametrize("name", sorted(_indexes()))
def test_a_cue_index_asks_every_pattern_that_has_its_cues(name):
    index = _indexes()[name]
    texts = [s.text for s in corpus(CORPUS)] + [s.text[:120] + " " + s.text for s in corpus(CORPUS)[:50]]
    assert len(index.patterns) >= 3
    for text in texts:
        expected = [p for p in index.patterns if p.possible(text)]
        found = index.candidates(text)
        if len(text) > text_module.SHORT:
            assert found == list(index.patterns)
        else:
            assert found == expected, text


def test_the_window_before_a_full_stop_holds_any_abbreviation():
    assert max(map(len, text_module.ABBREVIATIONS)) + 1 < text_module.ABBREVIATION_WINDOW
