"""Checkable text with exact positions: Markdown markup blanked out, offsets kept.

Every transformation here replaces characters with spaces rather than removing them, so an
offset into the cleaned text is also an offset into the file, and a finding's line and column
point at the very characters the writer typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, reduce
from operator import or_
from typing import NamedTuple

FENCE = re.compile(r"^\s{0,3}(```|~~~)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
IMAGE = re.compile(r"(!\[)([^\]\n]*)(\]\([^)\n]*\))")
LINK = re.compile(r"(\[)([^\]\n]+)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
BARE_URL = re.compile(r"\bhttps?://\S+")
HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
INLINE_CODE = re.compile(r"`[^`\n]*`")
EMPHASIS = re.compile(r"\*\*|__|~~|\*|(?<![\w@])_|_(?!\w)")
LINE_MARKER = re.compile(r"^(\s*)(#{1,6}\s|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)", re.M)
HEADING_ID = re.compile(r"\{\s*#[\w-]+\s*\}")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
NOT_NEWLINE = re.compile(r"[^\n]")
#: The line break before a line that starts a block: a blank line, a heading, a quote, a list
#: item or a table row (blanks, as ``\\s`` within the line, never a line break).
BLOCK_BREAK = re.compile(r"\n(?=[^\S\n]*(?:\n|\Z|#{1,6}[^\S\n]|>|[-*+][^\S\n]|\d{1,3}[.)][^\S\n]|\|))")


def words(text: str) -> frozenset[str]:
    """A set of words written as one string, as word lists read best."""
    return frozenset(text.split())


#: Words after which a full stop does not end a sentence.
ABBREVIATIONS = words("dr mr mrs ms mx prof st vs etc eg ie e.g i.e approx no nos fig dept inc ltd co jr sr")
#: Written to start with one character class, so that a search skips to the next ``[.!?]`` in C.
SENTENCE_END = re.compile(r"[.!?][.!?]*['\")\]]*(?=\s|$)")
#: A digit (``\d``, as patterns read it): text without one has no number of any kind.
DIGIT = re.compile(r"\d")
#: What an abbreviation before a full stop is made of.
ABBREVIATION_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
#: Characters before a full stop enough to tell an abbreviation (longer than any, with its dots).
ABBREVIATION_WINDOW = 16
#: The letters ``re.IGNORECASE`` takes for an ASCII letter that ``str.lower`` does not make one.
CASE_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


@lru_cache(maxsize=64)  # each sentence is asked about by many patterns in turn
def folded(text: str) -> str:
    """``text`` in lower case, letter for letter: a word a case-insensitive pattern matches in
    ``text`` is in it, in lower case."""
    if not text.isascii():
        text = text.translate(CASE_TWINS)
    return text.lower()


#: Texts this long or shorter (a sentence) are looked at through their trigrams.
SHORT = 200
#: A pattern with this many cues or fewer looks for them without trigrams.
FEW_CUES = 3


@lru_cache(maxsize=256)  # a sentence is asked about by many patterns in turn
def trigrams(text: str) -> frozenset[str]:
    """Every three characters in a row in ``text``."""
    return frozenset([text[i : i + 3] for i in range(len(text) - 2)])


#: What stays as written when a pattern is put in lower case: escapes and group names.
ESCAPE_OR_NAME = re.compile(r"(\\.|\(\?P[<=]\w+)|[A-Z]")
#: What a pattern put in lower case must not have: inline flags (``(?-i:...)``), back-references
#: and characters written by their code (which may be letters outside ASCII).
NOT_LOWERED = re.compile(r"\(\?[aiLmsux-]+[:)]|\(\?P=|\\[0-9uUxN]")


class Source(NamedTuple):
    """A pattern's source and flags, to be compiled when first needed (see :class:`Cued`)."""

    pattern: str
    flags: int = 0


def in_lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive copy of the case-insensitive ``pattern``, for :func:`folded` text: what it
    matches in folded text is where ``pattern`` matches in the text (tests/test_checks_fastpaths.py).

    Its letters are put in lower case, so it must have no cased letter outside ASCII, no inline
    flags and no back-references. A search without ``re.IGNORECASE`` compares letters without
    folding each.
    """
    return re.compile(lower_case_source(pattern), pattern.flags & ~re.IGNORECASE)


def lower_case_source(pattern: re.Pattern[str] | Source) -> str:
    """The source of :func:`in_lower_case`'s copy of ``pattern`` (a ValueError if it cannot be one)."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or NOT_LOWERED.search(source):
        raise ValueError(f"not a case-insensitive pattern, or one with flags or codes: {source[:40]!r}")
    if any(not c.isascii() and c.lower() != c.upper() for c in source):
        raise ValueError(f"a letter outside ASCII: {source[:40]!r}")
    return ESCAPE_OR_NAME.sub(lambda m: m.group(1) or m.group(0).lower(), source)


class Cued:
    """A pattern with its cues: words one of which is in any text the pattern matches.

    Looking for a few words costs far less than a search with the pattern, so text with none of
    them is answered without it. The cues of a case-insensitive pattern are in lower case and are
    looked for in :func:`folded` text; those of a case-sensitive one are as the pattern spells them.
    A cue missing from the list would lose findings: every way the pattern can match needs one.

    With ``spans_only``, a case-insensitive pattern is run as :func:`in_lower_case` on the
    folded text, which takes about half the time: its matches' positions are as in the text,
    but their letters are in lower case, so only their spans (and truth) are to be used.

    When every cue has three characters or more, their first three (``heads``) are first looked
    up among a sentence's :func:`trigrams`, which its many patterns share: a sentence without
    any is answered without looking for each cue. A case-sensitive pattern, or one with a few
    cues, looks for them as they are: few others would share the trigrams of its text.

    ``also`` holds more lists of cues, every one of which has a cue in any text the pattern
    matches ("fill" and "memory" in "filled it in from memory"): a pattern made of common words
    is looked for only where they come together.

    Given as a :class:`Source`, the pattern is compiled when first run (and a ``spans_only``
    one only in lower case): compiling takes longer than most patterns ever run.
    """

    __slots__ = ("source", "_pattern", "cues", "also", "fold", "_lowered", "_lower_source", "heads", "_groups")

    def __init__(
        self,
        pattern: re.Pattern[str] | Source,
        cues: str | Iterable[str],
        spans_only: bool = False,
        also: Iterable[str | Iterable[str]] = (),
    ) -> None:
        self.source = Source(pattern.pattern, pattern.flags)
        self._pattern = pattern if isinstance(pattern, re.Pattern) else None
        self.cues = tuple(cues.split() if isinstance(cues, str) else cues)
        self.also = tuple(tuple(group.split() if isinstance(group, str) else group) for group in also)
        self._groups = (self.cues, *self.also)
        cased = any(cue.lower() != cue.upper() for group in self._groups for cue in group)
        self.fold = cased and bool(pattern.flags & re.IGNORECASE)
        # compiled when first needed: most patterns meet their cues in few sentences, or none
        self._lower_source = lower_case_source(self.source) if spans_only else None
        self._lowered: re.Pattern[str] | None = None
        cues_in_all = [cue for group in self._groups for cue in group]
        shared = self.fold and len(cues_in_all) > FEW_CUES and all(len(cue) >= 3 for cue in cues_in_all)
        self.heads = tuple(frozenset(cue[:3] for cue in group) for group in self._groups) if shared else None

    def __repr__(self) -> str:
        return f"Cued({self.source.pattern[:40]!r}..., {' '.join(self.cues)!r})"

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern as written, compiled."""
        if self._pattern is None:
            self._pattern = re.compile(*self.source)
        return self._pattern

    @property
    def lowered(self) -> re.Pattern[str] | None:
        """The pattern as :func:`in_lower_case` writes it (with ``spans_only``), or None."""
        if self._lowered is None and self._lower_source is not None:
            self._lowered = re.compile(self._lower_source, self.source.flags & ~re.IGNORECASE)
        return self._lowered

    def possible(self, text: str) -> bool:
        """False only if the pattern cannot match ``text``."""
        return self._target(text) is not None

    def _target(self, text: str) -> tuple[re.Pattern[str], str] | None:
        """The pattern to run and the text to run it on (the lowered copy on folded text), or
        None if the pattern cannot match ``text``."""
        low = folded(text) if self.fold else text
        if self.heads is not None and len(low) <= SHORT:
            grams = trigrams(low)
            for heads in self.heads:
                if heads.isdisjoint(grams):
                    return None
        for group in self._groups:
            for cue in group:  # noqa: SIM110 (faster than any() on this hot path)
                if cue in low:
                    break
            else:
                return None
        if self._lower_source is None:
            return self._pattern or self.pattern, text
        return self._lowered or self.lowered, low if self.fold else folded(text)  # type: ignore[return-value]

    def search(self, text: str) -> re.Match[str] | None:
        target = self._target(text)
        return None if target is None else target[0].search(target[1])

    def match(self, text: str) -> re.Match[str] | None:
        target = self._target(text)
        return None if target is None else target[0].match(target[1])

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        target = self._target(text)
        return iter(()) if target is None else target[0].finditer(target[1])


class _Cues:
    """Every cue index's lists of cues, each with a bit: a cue stands for the bits of the lists it
    is in. One table for all indexes, so that the cues a sentence has are found once for all of
    them (:func:`_cue_bits`), by the heads (first three letters) of the cues among its trigrams."""

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}  # by cue
        self.by_head: dict[str, tuple[str, ...]] = {}  # the cues of three letters or more
        self.heads = frozenset[str]()
        self.direct: list[tuple[int, tuple[str, ...]]] = []  # lists with a shorter cue: looked for as they are
        self.next_bit = 1

    def add(self, cues: tuple[str, ...]) -> int:
        """The bit of a new list of ``cues``."""
        bit, self.next_bit = self.next_bit, self.next_bit << 1
        if any(len(cue) < 3 for cue in cues):
            self.direct.append((bit, cues))
        else:
            for cue in cues:
                if cue not in self.bits:
                    self.by_head[cue[:3]] = (*self.by_head.get(cue[:3], ()), cue)
                self.bits[cue] = self.bits.get(cue, 0) | bit
            self.heads = frozenset(self.by_head)
        _cue_bits.cache_clear()  # the bits found so far lack this list's
        return bit


CUES = _Cues()


@lru_cache(maxsize=256)  # a sentence is asked about by several indexes in turn
def _cue_bits(low: str) -> int:
    """The bits of every list of cues in :data:`CUES` that has a cue in ``low``."""
    has = low.__contains__
    found = 0
    for head in CUES.heads.intersection(trigrams(low)):
        for cue in CUES.by_head[head]:
            if has(cue):
                found |= CUES.bits[cue]
    for bit, cues in CUES.direct:
        if any(map(has, cues)):
            found |= bit
    return found


class CueIndex:
    """Many patterns looked up together: the cues a sentence has are found once for every
    index (:func:`_cue_bits`), and only the patterns with a cue of each of their lists in it
    are asked, in their order."""

    def __init__(self, patterns: Iterable[Cued]) -> None:
        self.patterns = tuple(patterns)
        if any(not p.fold and any(c.lower() != c.upper() for cues in p._groups for c in cues) for p in self.patterns):
            raise ValueError("an indexed pattern's cues must be looked for in folded text")
        #: the bits a pattern needs, and the pattern, by the bit of its first list of cues
        self.by_first: dict[int, tuple[int, Cued]] = {}
        self.firsts = 0
        for pattern in self.patterns:
            bits = [CUES.add(cues) for cues in pattern._groups]
            self.firsts |= bits[0]
            self.by_first[bits[0]] = (reduce(or_, bits), pattern)

    def candidates(self, text: str) -> list[Cued]:
        """The patterns that may match ``text``, in their order (all of them for a long text,
        whose cues each pattern looks for itself)."""
        low = folded(text)
        if len(low) > SHORT:
            return list(self.patterns)
        have = _cue_bits(low)
        found = []
        firsts = have & self.firsts
        while firsts:  # the patterns with a cue of their first list, in order
            bit = firsts & -firsts
            firsts ^= bit
            need, pattern = self.by_first[bit]
            if have & need == need:
                found.append(pattern)
        return found


def folded_search(pattern: re.Pattern[str] | Source) -> Cued:
    """A case-insensitive ``pattern`` without cues (run on any text) that runs on folded text:
    only its matches' spans (and truth) are to be used, as with ``Cued(..., spans_only=True)``."""
    return Cued(pattern, [""], spans_only=True)  # "": always look


def matched(text: str, match: re.Match[str]) -> str:
    """What ``match`` matched, as written in ``text`` (a folded search matches in a folded copy
    of the same length)."""
    return text[match.start() : match.end()]


def blank(text: str) -> str:
    """Spaces in place of every character except line breaks."""
    if "\n" not in text:
        return " " * len(text)
    return NOT_NEWLINE.sub(" ", text)


def blank_match(match: re.Match[str]) -> str:
    return blank(match.group(0))


def blank_code_blocks(text: str) -> str:
    """Fenced code blocks become spaces."""
    if "```" not in text and "~~~" not in text:
        return text  # no fence, no code block
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if FENCE.match(line):
            inside = not inside
            out.append(blank(line))
        else:
            out.append(blank(line) if inside else line)
    return "\n".join(out)


def _blank_outer(match: re.Match[str]) -> str:
    """The first and third groups blanked, the second (the visible text) kept."""
    return blank(match.group(1)) + match.group(2) + blank(match.group(3))


#: What every Markdown link (inline or by reference) has.
LINK_MARKS = ("](", "][")

#: Markup to blank in turn, each with the strings one of which is in any text it matches (none:
#: always looked for), and what replaces a match: text without any is left as it is, unsearched.
MARKUP: tuple[tuple[tuple[str, ...], re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (("<!--",), HTML_COMMENT, blank_match),
    (("]:",), LINK_DEFINITION, blank_match),
    (("![",), IMAGE, _blank_outer),
    (LINK_MARKS, LINK, _blank_outer),
    (("<",), AUTOLINK, blank_match),
    (("://",), BARE_URL, blank_match),
    (("<",), HTML_TAG, blank_match),
    (("`",), INLINE_CODE, blank_match),
    (("{",), HEADING_ID, blank_match),
    (("\\",), ESCAPE, lambda m: " " + m.group(1)),
    ((), LINE_MARKER, lambda m: m.group(1) + blank(m.group(2))),
    (("*", "_", "~"), EMPHASIS, blank_match),
)


#: A character of each of MARKUP's marks: text without any has none of them.
MARK_CHAR = re.compile(r"[<\][/`{\\*_~]")


def plain_text(markdown: str) -> str:
    """Prose only: same length as ``markdown``, with markup, code and addresses blanked."""
    text = blank_code_blocks(markdown)
    marked = MARK_CHAR.search(text) is not None  # most prose has no mark at all
    for marks, pattern, replace in MARKUP:
        if not marks or (marked and has_any(text, marks)):
            text = pattern.sub(replace, text)
    return text


def has_any(text: str, marks: tuple[str, ...]) -> bool:
    """Whether ``text`` has one of ``marks``."""
    for mark in marks:  # noqa: SIM110 (faster than any() on this hot path)
        if mark in text:
            return True
    return False


@dataclass(frozen=True)
class Segment:
    """A stretch of one file to check: ``text`` as written, ``plain`` the prose in it.

    ``line`` and ``column`` (1-based) are where ``text[0]`` is in the file; both strings
    have the same length, so one offset serves both.
    """

    field: str
    text: str
    line: int
    column: int = 1
    markdown: bool = True
    plain: str = field(default="", compare=False)
    #: What rules found in the segment's sentences, kept for the other rules that ask the same.
    memo: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.plain:
            cleaned = plain_text(self.text) if self.markdown else self.text
            object.__setattr__(self, "plain", cleaned)

    def position(self, offset: int) -> tuple[int, int]:
        """File line and column of ``offset``."""
        before = self.text[:offset]
        newlines = before.count("\n")
        if newlines == 0:
            return self.line, self.column + offset
        return self.line + newlines, offset - before.rfind("\n")

    def sentences(self) -> tuple[tuple[int, int], ...]:
        """(start, end) offsets of each sentence of the prose, blank stretches trimmed."""
        return self._sentences

    @cached_property
    def _sentences(self) -> tuple[tuple[int, int], ...]:
        return tuple(self._split())

    def _split(self) -> Iterator[tuple[int, int]]:
        plain = self.plain
        for start, end in self._blocks():
            last = start
            for match in SENTENCE_END.finditer(plain, start, end):  # as in plain[start:end]
                dot = match.start()
                if plain[dot] == "." and _ends_abbreviation(plain, start, dot):
                    continue
                if span := _trimmed(plain, last, match.end()):
                    yield span
                last = match.end()
            if span := _trimmed(plain, last, end):
                yield span

    def _blocks(self) -> Iterator[tuple[int, int]]:
        """Paragraphs, list items, headings and table rows: sentences never cross them."""
        start = 0
        for match in BLOCK_BREAK.finditer(self.text):
            yield start, match.end()
            start = match.end()
        yield start, len(self.plain)


def _ends_abbreviation(text: str, block: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial (the letters and
    dots just before it, or before a line break just before it, in the block from ``block``)."""
    end = dot - 1 if dot > block and text[dot - 1] == "\n" else dot
    before = text[max(block, end - ABBREVIATION_WINDOW) : end]  # a longer token is no abbreviation
    token = before[len(before.rstrip(ABBREVIATION_CHARS)) :]
    return bool(token) and (token.lower().rstrip(".") in ABBREVIATIONS or len(token.rstrip(".")) == 1)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` without the blanks around it, or None when it is all blank."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    if lead == len(chunk):
        return None
    return start + lead, end - (len(chunk) - len(chunk.rstrip()))
