"""The ``Key: value`` header of a Markdown file: the one parser, with line numbers.

Every Markdown file trialblog publishes (diary entries, pages, consent notes) is read by this
parser, inside Pelican's run (:mod:`trialblog.pipeline.reader`) and by the checks alike. It is
strict where Python-Markdown's ``meta`` extension is lenient: a key given twice and a key written
``Key :`` are problems to report, not a silent choice.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

KEY_LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_-]*)([ \t]*):[ \t]*(.*)$")
FENCE = ("---", "...")

#: Header keys Pelican itself reads (its documented file metadata) and the theme's ``Sensitive``.
PELICAN_KEYS = frozenset(
    {"title", "date", "modified", "tags", "keywords", "category", "slug", "author", "authors", "summary",
     "lang", "translation", "status", "template", "save_as", "url", "lang_save_as", "lang_url", "sensitive"}
)  # fmt: skip
#: Header keys of a diary entry that trialblog reads (docs/content-model.md).
TRIALBLOG_KEYS = frozenset(
    {"trial", "milestone", "symptoms", "content-warning", "syndicate", "id", "check-ignore", "replies"}
)


@dataclass(frozen=True)
class Problem:
    """Something wrong with one header line."""

    line: int
    key: str | None
    message: str
    hint: str


@dataclass(frozen=True)
class Header:
    """The header's values (keys lower-cased, continued lines joined), where each key is, and
    where the body starts (1-based lines)."""

    values: dict[str, str]
    lines: dict[str, int]
    body_line: int
    problems: tuple[Problem, ...] = ()
    names: dict[str, str] | None = None  # lower-cased key -> the key as written

    def written(self, key: str) -> str:
        return (self.names or {}).get(key, key.capitalize())


def read_header(text: str) -> Header:
    """Split the header from the body: ``Key: value`` lines up to the first blank line (or a
    ``---``/``...`` fence); an indented line continues the value above it."""
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    names: dict[str, str] = {}
    problems: list[Problem] = []
    all_lines = text.split("\n")
    start = 1 if all_lines and all_lines[0].strip() == "---" else 0
    key: str | None = None  # the key an indented line continues ("" after a repeated key: dropped)
    for index in range(start, len(all_lines)):
        raw = all_lines[index].rstrip("\r")
        number = index + 1
        if not raw.strip() or raw.strip() in FENCE:
            return Header(values, lines, number + 1, tuple(problems), names)
        if raw[:1] in (" ", "\t") and key is not None:
            if key:
                values[key] = f"{values[key]} {raw.strip()}".strip()
            continue
        match = KEY_LINE.match(raw)
        if match is None:  # the body starts without a blank line
            return Header(values, lines, number, tuple(problems), names)
        name, space, value = match.groups()
        key = name.lower()
        if space:
            problems.append(
                Problem(number, name, f"`{name}{space}:` has a space before the colon",
                        f"write `{name}: {value.strip()}`: a header key is followed directly by its colon")
            )  # fmt: skip
        if key in values:
            problems.append(
                Problem(number, name, f"is given twice (first on line {lines[key]})",
                        f"keep one `{name}:` line and delete the other")
            )  # fmt: skip
            key = ""
            continue
        values[key], lines[key], names[key] = value.strip(), number, name
    return Header(values, lines, len(all_lines) + 1, tuple(problems), names)


def unknown_keys(header: Header, known: Iterable[str]) -> list[Problem]:
    """A problem for each key that is not in ``known``, with the nearest known key as a hint."""
    known = sorted(set(known))
    found = []
    for key, number in header.lines.items():
        if key in known:
            continue
        written = header.written(key)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
        hint = (
            f"did you mean `{close[0].title()}:`? "
            if close
            else f"known keys: {', '.join(k.title() for k in known if k not in ('lang_save_as', 'lang_url'))}. "
        )
        found.append(
            Problem(number, written, f"`{written}:` is not a header trialblog or Pelican knows",
                    hint + "If a plugin of your site reads it, list it in TRIALBLOG_EXTRA_HEADERS in pelicanconf.py")
        )  # fmt: skip
    return found


def body_of(text: str, header: Header) -> str:
    """The text after the header."""
    return "\n".join(text.split("\n")[header.body_line - 1 :])
