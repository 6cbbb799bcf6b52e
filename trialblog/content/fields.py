"""Strict reading of one mapping of fields, collecting every problem with its line."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

from .errors import ContentError
from .vocab import Vocab
from .yamlsource import LDict, line_of

V = TypeVar("V", bound=Vocab)

PARTIAL_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class FieldReader:
    """Reads typed fields from one YAML mapping; problems go to ``errors``, not exceptions."""

    def __init__(
        self,
        data: Any,
        path: str,
        errors: list[ContentError],
        prefix: str = "",
        line: int | None = None,
    ):
        self.path = path
        self.errors = errors
        self.prefix = prefix
        self.ok = isinstance(data, dict)
        self.data: dict = data if self.ok else {}
        if not self.ok and data is not None:
            self.error(
                None,
                f"expected a mapping of fields, found {_kind(data)}",
                "write each field on its own line as `field: value`",
                line=line,
            )

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def line(self, key: str | None = None) -> int | None:
        return line_of(self.data, key)

    def error(self, key: str | None, message: str, hint: str = "", line: int | None = None):
        where = line if line is not None else self.line(key)
        self.errors.append(
            ContentError(
                self.path, where, self.name(key) if key else self.prefix.rstrip(".") or None, message, hint
            )
        )

    def reject_unknown(self, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        if self.data.keys() <= _key_set(allowed):
            return
        for key in self.data:
            if key not in allowed:
                self.error(
                    key,
                    "is not a field trialblog knows",
                    f"check the spelling; allowed fields here: {', '.join(allowed)}",
                )

    def sub(self, key: str) -> FieldReader:
        """A reader for the mapping under ``key`` (empty when absent)."""
        value = self.data.get(key)
        return FieldReader(
            value, self.path, self.errors, self.name(key) + ".", _error_line(value, self.data, key)
        )

    def text(self, key: str, required: bool = False, default: str | None = None) -> str | None:
        value = self.data.get(key)
        if type(value) is str:
            return value.strip() or default
        if value is None:
            if required:
                self.error(
                    key,
                    "is required",
                    f"add a line `{key}: ...`",
                    line=getattr(self.data, "line", None) if key not in self.data else None,
                )
            return default
        if isinstance(value, (dict, list)):
            self.error(key, f"should be text, found {_kind(value)}", f"write it as plain text: `{key}: ...`")
            return default
        if isinstance(value, bool):
            self.error(key, "should be text, found yes/no", "put the text in quotes")
            return default
        text = str(value).strip()
        return text or default

    def flag(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.error(key, f"should be true or false, found {value!r}", "write true or false")
            return None
        return value

    def number(self, key: str) -> float | None:
        value = self.data.get(key)
        if type(value) is float and math.isfinite(value):
            return value
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.error(key, f"should be a number, found {value!r}", "write a number, e.g. 51.5")
            return None
        return float(value)

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value.strip()] if value.strip() else []
        if not isinstance(value, list):
            self.error(
                key, f"should be a list, found {_kind(value)}", f"write it as `{key}: [first, second]`"
            )
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, (dict, list)) or item is None:
                self.error(key, f"item {i + 1} should be text", line=line_of(value, i))
            else:
                out.append(str(item).strip())
        return out

    def enum(self, key: str, vocab: type[V], required: bool = False, default: V | None = None) -> V | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.error(key, "is required", f"add `{key}:` with one of: {vocab.allowed()}")
            return default
        return self._vocab_value(key, value, vocab) or default

    def enum_list(self, key: str, vocab: type[V]) -> list[V]:
        value = self.data.get(key)
        if value is None:
            return []
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            parsed = self._vocab_value(key, item, vocab, value, i)
            if parsed is not None:
                out.append(parsed)
        return out

    def _vocab_value(
        self, key: str, value: Any, vocab: type[V], within: Any = None, index: int = 0
    ) -> V | None:
        """``value`` as a member of ``vocab``; an error at its line (item ``index`` of ``within``
        when it comes from a list) when it names none."""
        word = str(value).strip()
        found = _vocab_word(vocab, word)
        if found is None:
            line = (line_of(within, index) or self.line(key)) if within is not None else None
            self.error(key, f"{word!r} is not an allowed value", f"use one of: {vocab.allowed()}", line=line)
        return found

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.error(key, f"{value!r} is not a date", "write dates as YYYY-MM-DD, for example 2024-03-04")
            return None

    def partial_date(self, key: str) -> str | None:
        """A registry-style date: YYYY-MM or YYYY-MM-DD, kept as text."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.date):
            return value.isoformat()[:10]
        text = str(value).strip()
        match = PARTIAL_DATE.match(text)
        if match:
            year, month, day = (int(g) if g else 1 for g in match.groups())
            try:
                dt.date(year, month, day)
                return text
            except ValueError:
                pass
        self.error(key, f"{value!r} is not a date", "write YYYY-MM or YYYY-MM-DD, for example 2025-09")
        return None

    def mappings(self, key: str) -> list[FieldReader]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(
                key, f"should be a list, found {_kind(value)}", f"start each item with `- ` under `{key}:`"
            )
            return []
        name = self.name(key)
        return [
            FieldReader(item, self.path, self.errors, f"{name}[{i + 1}].", _error_line(item, value, i))
            for i, item in enumerate(value)
        ]


def _error_line(value: Any, container: Any, key: Any) -> int | None:
    """The line a reader of ``container[key]`` reports its one error at: it has one only when the
    value is there and is not a mapping."""
    return None if value is None or isinstance(value, dict) else line_of(container, key)


@lru_cache(maxsize=256)
def _key_set(allowed: tuple[str, ...]) -> frozenset[str]:
    return frozenset(allowed)


@lru_cache(maxsize=4096)
def _vocab_word(vocab: type[V], word: str) -> V | None:
    """The member of ``vocab`` that ``word`` names, as written, in capitals or in lower case."""
    for candidate in (word, word.upper().replace(" ", "_").replace("-", "_"), word.lower()):
        try:
            return vocab(candidate)
        except ValueError:
            continue
    return None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, LDict):
        return "a mapping"
    return f"{value!r}"
