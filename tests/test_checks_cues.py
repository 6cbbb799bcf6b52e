"""Every cue list of the checks' patterns is complete: each way a pattern can match has a cue.

A ``Cued`` pattern is not run on text without any of its cues, so a cue missing from its list
would silently lose findings. The lists are proved from the parsed patterns: a sequence is
covered when one of its items is, or when every string a run of its fixed items can match has a
cue in it; a branch when each alternative is; a repeat of at least once when its body is.
"""

from __future__ import annotations

import itertools
import re
from re import _constants as C
from re import _parser

import pytest

from tools.evaluation import CORPUS_ARMS, CORPUS_TRIAL
from trialblog.checks import blinding, deceit, integrity, people, privacy, recruitment, silencing
from trialblog.checks.documents import arm_terms
from trialblog.checks.text import Cued, CueIndex, folded

LIMIT = 4096  # strings a run of fixed items may spell before it counts as not fixed
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _char(code: int, fold: bool) -> str | None:
    char = chr(code)
    if not fold:
        return char
    if not char.isascii() and char.lower() != char.upper():
        return None  # a non-ASCII letter: folded text may not spell it as the pattern matches it
    return char.lower()


def _fixed(items: list, fold: bool) -> set[str] | None:
    """Every string ``items`` can match, or None when they are too many."""
    strings = {""}
    for op, av in items:
        options = _fixed_item(op, av, fold)
        if options is None:
            return None
        strings = {a + b for a in strings for b in options}
        if len(strings) > LIMIT:
            return None
    return strings


def _fixed_item(op, av, fold: bool) -> set[str] | None:
    if op is C.LITERAL:
        char = _char(av, fold)
        return None if char is None else {char}
    if op is C.IN:
        codes = []
        for kind, value in av:
            if kind is C.LITERAL:
                codes.append(value)
            elif kind is C.RANGE and value[1] - value[0] < 8:
                codes.extend(range(value[0], value[1] + 1))
            else:
                return None
        chars = {_char(code, fold) for code in codes}
        return None if None in chars else chars  # type: ignore[return-value]
    if op is C.SUBPATTERN:
        return None if av[1] & re.IGNORECASE and not fold else _fixed(av[3].data, fold)
    if op is C.BRANCH:
        options = [_fixed(alternative.data, fold) for alternative in av[1]]
        return None if None in options else set().union(*options)  # type: ignore[arg-type]
    if op in REPEATS and av[1] <= 3:
        body = _fixed(av[2].data, fold)
        if body is None:
            return None
        return {"".join(p) for n in range(av[0], av[1] + 1) for p in itertools.product(body, repeat=n)}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}  # matches no characters of its own
    return None


def _covered(items: list, cues: tuple[str, ...], fold: bool) -> bool:
    """Whether every match of ``items`` has one of ``cues`` in it."""
    if any(_covered_item(op, av, cues, fold) for op, av in items):
        return True
    fixed = [_fixed_item(op, av, fold) for op, av in items]
    for start in range(len(items)):
        run = {""}
        for options in fixed[start:]:
            if options is None:
                break
            run = {a + b for a in run for b in options}
            if len(run) > LIMIT:
                break
            if all(any(cue in string for cue in cues) for string in run):
                return True
    # the parser takes the start its alternatives share out of a branch ("\bwho...|\bwhat..."
    # is "\bwh(?:o...|at...)"): put it back in front of each
    for i, (op, av) in enumerate(items):
        if op is C.BRANCH and i and fixed[i - 1] is not None:
            return all(_covered([*items[:i], *alternative.data, *items[i + 1 :]], cues, fold) for alternative in av[1])
    return False


def _covered_item(op, av, cues: tuple[str, ...], fold: bool) -> bool:
    if op is C.SUBPATTERN:
        return not (av[1] & re.IGNORECASE and not fold) and _covered(av[3].data, cues, fold)
    if op is C.BRANCH:
        return all(_covered(alternative.data, cues, fold) for alternative in av[1])
    if op in REPEATS:
        return av[0] >= 1 and _covered(av[2].data, cues, fold)
    if op in (C.LITERAL, C.IN):
        options = _fixed_item(op, av, fold)
        return options is not None and all(any(cue in o for cue in cues) for o in options)
    return False


def covered(cued: Cued) -> bool:
    """Whether every match has a cue of each of the pattern's lists of cues."""
    fold = bool(cued.pattern.flags & re.IGNORECASE)
    parsed = _parser.parse(cued.pattern.pattern, cued.pattern.flags).data
    return all("" in cues or _covered(parsed, cues, fold) for cues in (cued.cues, *cued.also))


def module_patterns() -> dict[str, Cued]:
    """Every Cued pattern of the checks' modules: alone, in a tuple or a cue index, or in a table
    of ``(kind, pattern)``."""
    found = {}
    for module in (privacy, people, blinding, integrity, deceit, recruitment):
        short = module.__name__.rsplit(".", 1)[1]
        for name, value in vars(module).items():
            if isinstance(value, CueIndex):
                value = value.patterns
            if isinstance(value, Cued):
                found[f"{short}.{name}"] = value
            elif isinstance(value, tuple) and value and all(isinstance(item, Cued) for item in value):
                found.update({f"{short}.{name}[{i}]": cued for i, cued in enumerate(value)})
            elif isinstance(value, tuple) and value and all(
                isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Cued) for item in value
            ):
                found.update({f"{short}.{name}[{i}] {kind}": cued for i, (kind, cued) in enumerate(value)})
    return found


TERMS = [(), CORPUS_ARMS, arm_terms(CORPUS_TRIAL) + CORPUS_ARMS, ("Ölmod 10 mg", "Arm B: low-dose")]


def document_patterns() -> dict[str, Cued]:
    """The patterns built for each document, with some trials' arm and intervention names, and
    the ignore comments' patterns with the words a file needs to have any."""
    found = {
        "silencing.LINE_DIRECTIVE": Cued(silencing.LINE_DIRECTIVE, silencing.DIRECTIVE_CUES[:1]),
        "silencing.FILE_HEADER": Cued(silencing.FILE_HEADER, silencing.DIRECTIVE_CUES[1:]),
    }
    for reader in (False, True):
        said = ", in a reply" if reader else ""
        for i, cued in enumerate(blinding._arm_patterns(reader)):
            found[f"blinding arm pattern {i}{said}"] = cued
        for i, cued in enumerate(blinding._gate(reader).patterns):
            found[f"blinding gate {i}{said}"] = cued
    for terms in TERMS:
        found[f"recruitment subject claim {terms}"] = recruitment._subject_claim(terms)
    return found


def test_the_checks_have_cued_patterns():
    assert len(module_patterns()) >= 20


@pytest.mark.parametrize("name", [*module_patterns(), *document_patterns()])
def test_every_match_has_a_cue(name: str):
    cued = {**module_patterns(), **document_patterns()}[name]
    assert covered(cued), f"{name}: some match has none of {cued.cues}"


def test_the_proof_checks_every_list_of_cues():
    both = re.compile(r"\bfill(?:ed)?\s+(?:\w+\s+)?from\s+memory", re.I)
    assert covered(Cued(both, "fill", also=["memory"]))
    assert not covered(Cued(both, "fill", also=["memory", "week"]))
    shared = re.compile(r"\bwho['’]?s\s+on\b|\bwhat\s+ur\s+on\b", re.I)  # parsed as \bwh(?:o...|at...)
    assert covered(Cued(shared, "on", also=["who ur"]))
    assert not covered(Cued(shared, "on", also=["who"]))
    cued = Cued(both, "fill", spans_only=True, also=["memory"])
    assert cued.search("Filled it from memory") and not cued.possible("filled it on the bus")


def test_the_proof_finds_a_missing_cue():
    assert covered(Cued(re.compile(r"\bfree\s+(?:care|drugs?)|no\s+charge", re.I), "free charge"))
    assert not covered(Cued(re.compile(r"\bfree\s+(?:care|drugs?)|no\s+charge", re.I), "free"))
    assert not covered(Cued(re.compile(r"(?:side[- ])?effects?", re.I), "side"))
    assert not covered(Cued(re.compile(r"x(?=placebo)", re.I), "placebo"))
    assert not covered(Cued(re.compile(r"Dr\.?\s+[A-Z]"), "dr"))  # case-sensitive: as written


def test_folded_text_has_the_letter_a_case_insensitive_pattern_matched():
    letter = re.compile(r"[a-z]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        assert len(folded(char)) == 1, hex(code)
        if letter.fullmatch(char):
            matching = [a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, char, re.IGNORECASE)]
            assert matching == [folded(char)], hex(code)
