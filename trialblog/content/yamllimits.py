"""Limits that keep a YAML file from hanging or crashing the loader: nesting depth and aliases.

Both parsers (libyaml and PyYAML's own) slow down with the square of the nesting depth, and both
composers recurse once per level: 30,000 nested ``[`` crash libyaml's composer outright. So the
depth is bounded before a file is composed. Aliases are shared when composed but copied when
built, so nine levels of nine aliases would build 387 million values: the builder counts the
values that aliases repeat (:class:`AliasBudget`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from .errors import ContentError

#: Lists and mappings inside each other; a trial record needs five or six.
MAX_DEPTH = 64
#: Values built a second time because an alias (or a merge key) repeats them.
MAX_REPEATED = 100_000

BRACKETS = re.compile(r"[\[\]{}]")
# An anchor and an alias as YAML writes them; a file without both cannot repeat anything.
ANCHOR = re.compile(r"&[^\s,\[\]{}]")
ALIAS = re.compile(r"\*[^\s,\[\]{}]")
OPENING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
CLOSING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def check_depth(text: str, path: str, loader: type) -> None:
    """Refuse ``text`` nested deeper than :data:`MAX_DEPTH`, before anything recurses into it."""
    flow = _flow_bound(text)
    if flow <= MAX_DEPTH and not _leading_run(max((MAX_DEPTH - 2 - flow) // 2, 0)).search(text):
        return
    _check_events(text, path, loader)


def _flow_bound(text: str) -> int:
    """At least the depth of the flow collections (``[``, ``{``), brackets in quotes counted too."""
    count = text.count("[") + text.count("{")
    if count <= MAX_DEPTH:
        return count
    depth = deepest = 0
    for match in BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    break
        elif depth:
            depth -= 1
    return deepest


@lru_cache(maxsize=MAX_DEPTH)
def _leading_run(run: int) -> re.Pattern[str]:
    """A line starting with more than ``run`` spaces or indicators (``-``, ``?``, ``:``): block
    collections nest only by starting further right, at most two levels per column."""
    return re.compile(rf"^[ \t?:-]{{{run + 1}}}", re.M)


def _check_events(text: str, path: str, loader: type) -> None:
    """Follow the parser's events, stopping at the first collection nested too deeply."""
    parser = loader(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, OPENING):
                depth += 1
                if depth > MAX_DEPTH:
                    raise ContentError(
                        path,
                        event.start_mark.line + 1,
                        None,
                        f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                        "a trial record needs a few levels: look for brackets ([ or {) or dashes "
                        "left open",
                    )
            elif isinstance(event, CLOSING):
                depth -= 1
    except yaml.YAMLError:
        return  # not valid YAML up to a shallow depth: the loader says where
    finally:
        parser.dispose()


class AliasBudget:
    """Counts the values that aliases make the builder repeat; refuses a file past the limit."""

    def __init__(self, path: str):
        self.path = path
        self.seen: set[int] = set()
        self.repeated = 0
        self.line = 0  # of the last value built for the first time: where the aliases are used

    @classmethod
    def needed(cls, text: str, path: str) -> AliasBudget | None:
        """A budget for ``text``; None when it has no anchor and alias, so nothing can repeat."""
        return cls(path) if ANCHOR.search(text) and ALIAS.search(text) else None

    def count(self, node: yaml.Node) -> None:
        """Note that ``node`` is being built; raise once aliases have repeated too many values."""
        seen = self.seen
        key = id(node)
        if key not in seen:
            seen.add(key)
            self.line = node.start_mark.line
            return
        self.repeated += 1
        if self.repeated > MAX_REPEATED:
            raise ContentError(
                self.path,
                self.line + 1,
                None,
                f"the aliases (*name) in this file repeat more than {MAX_REPEATED:,} values "
                "(aliases of aliases multiply)",
                "write the values out where they are needed instead of nesting aliases",
            )
