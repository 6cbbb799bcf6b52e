"""The checks' shortcuts give exactly what the plain way of doing the same work gives."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialblog.checks import blinding, integrity, people
from trialblog.checks.documents import Document, Kind
from trialblog.checks.text import FENCE, MARKUP, Segment, blank, blank_code_blocks, plain_text

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
    expected = []  # as the rule was first written: the sentence about taking part, then its names
    for start, end in seg.sentences():
        sentence = seg.plain[start:end]
        if people.about_participation(sentence):
            expected += [
                start + m.start for m in people.mentions(sentence) if m.name.split()[0] not in own_names
            ]
    found = list(integrity.check(_document(text, ongoing=True, own_names=own_names)))
    assert {f.rule for f in found} <= {"integrity.named-participant"}
    assert [f.column - 1 for f in found] == expected


def test_arm_and_trial_patterns_are_compiled_once_per_trial():
    assert blinding._arm_patterns(("Velanimod",)) is blinding._arm_patterns(("Velanimod",))
    first = blinding._you_too(frozenset({"AURORA", "AURORA-MS"}))
    assert first is blinding._you_too(frozenset({"AURORA-MS", "AURORA"}))
    assert first.search("if you're on AURORA too")
    assert first.search("If you are also in the same trial")
    assert not first.search("if you are on holiday")
