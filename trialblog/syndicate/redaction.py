"""Masking secrets in everything syndication prints or logs, in every encoding a server may echo.

A server that repeats a token back may have percent-encoded it (once or twice), escaped it for
JSON, HTML or a byte string, changed its case, or sent it base64-, base32- or hex-encoded inside
a longer value (so at any byte offset). A text is searched twice: as written with its escapes
decoded (for the secret itself, in any case, and its hex), and with only what can wrap an
encoded run decoded (for its base64 and base32); what is found is masked in the text as written.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

from .credentials import BLUESKY_PASSWORD, MASTODON_TOKEN

MASK = "***"
#: Secrets shorter than this are never masked (they would mask ordinary words).
SHORTEST = 4
#: Encoded runs shorter than this are not masked: a short base64 run is an ordinary word.
SHORTEST_ENCODED = 8

# Escapes that may stand for a character of a secret: percent-encoding (also of a "%"), JSON's
# and C's escapes however often their backslash was escaped, HTML character references.
TEXT_ESCAPE = re.compile(
    r"%(?:25)*(?P<pct>[0-9A-Fa-f]{2})|\\+u(?P<u>[0-9A-Fa-f]{4})|\\+x(?P<x>[0-9A-Fa-f]{2})"
    r"|\\+(?P<char>[/\"'\\])|&#[xX]0*(?P<hexref>[0-9A-Fa-f]{1,6});|&#0*(?P<ref>[0-9]{1,7});"
    r"|&(?P<named>amp|quot|apos|lt|gt);"
)
# What may sit inside or around a base64 or base32 run: percent-encoding, JSON's escape of "/",
# and line breaks (MIME writes 76-character lines), written or JSON-escaped.
ENCODED_ESCAPE = re.compile(
    r"%(?:25)*(?P<pct>[0-9A-Fa-f]{2})|\\+u(?P<u>[0-9A-Fa-f]{4})|\\+(?P<char>/)|(?P<drop>\r?\n|\\+[rn])"
)
NAMED = {"amp": "&", "quot": '"', "apos": "'", "lt": "<", "gt": ">"}


class Redactor:
    """Replaces every known secret in a text with ``***``; new secrets (session tokens) can be added."""

    def __init__(self, secrets: Iterable[str] = ()):
        self.secrets: set[str] = set()
        self._patterns: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        new = {s for s in secrets if s and len(s) >= SHORTEST} - self.secrets
        if new:
            self.secrets |= new
            self._patterns = None

    def __call__(self, text: str) -> str:
        if not self.secrets or not text:
            return text
        if self._patterns is None:
            self._patterns = _patterns(self.secrets)
        written, base64_runs, base32_runs = self._patterns
        spans = _found(written, text, TEXT_ESCAPE)
        spans += _found(base64_runs, text, ENCODED_ESCAPE) + _found(base32_runs, text, ENCODED_ESCAPE)
        return _masked(text, spans)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Redactor:
        return cls(env.get(name, "").strip() for name in (MASTODON_TOKEN, BLUESKY_PASSWORD))


def _patterns(secrets: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The secrets as written (any case) and in hex; their base64 runs; their base32 runs."""
    written: set[str] = set()
    base64_runs: set[str] = set()
    base32_runs: set[str] = set()
    for secret in secrets:
        written |= {secret, secret.replace(" ", "+"), secret.encode().decode("latin-1")}
        for variant in {secret, secret.upper(), secret.lower()}:
            data = variant.encode()
            pairs = [f"{byte:02x}" for byte in data]
            written |= {separator.join(pairs) for separator in ("", ":", " ", "-")}
            for run in _runs(data, 3, 6, base64.b64encode):
                base64_runs |= {run, run.translate(URLSAFE)}
            base32_runs |= set(_runs(data, 5, 5, base64.b32encode))
    return _literals(written, re.I), _literals(base64_runs), _literals(base32_runs, re.I)


URLSAFE = str.maketrans("+/", "-_")


def _literals(needles: set[str], flags: int = 0) -> re.Pattern[str]:
    if not needles:
        return re.compile(r"(?!)")
    return re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)), flags)


def _runs(data: bytes, group: int, bits: int, encode: Callable[[bytes], bytes]) -> Iterator[str]:
    """The characters every encoding of a text holding ``data`` has, for each offset ``data``
    can start at in the encoder's groups of ``group`` bytes: those of ``data``'s bits alone."""
    for offset in range(group):
        encoded = encode(bytes(offset) + data).decode()
        first = -(-8 * offset // bits)  # the first character without a bit of what comes before
        end = 8 * (offset + len(data)) // bits  # past the last character of ``data``'s bits alone
        if end - first >= SHORTEST_ENCODED:
            yield encoded[first:end]


def _found(pattern: re.Pattern[str], text: str, escapes: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where ``pattern`` matches ``text`` read with ``escapes`` decoded, as spans of ``text``."""
    if not escapes.search(text):
        return [match.span() for match in pattern.finditer(text)]
    decoded, starts, ends = _decode(text, escapes)
    return [(starts[m.start()], ends[m.end() - 1]) for m in pattern.finditer(decoded) if m.end() > m.start()]


def _decode(text: str, escapes: re.Pattern[str]) -> tuple[str, list[int], list[int]]:
    """``text`` with ``escapes`` decoded, and where each character of it starts and ends in ``text``."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for match in escapes.finditer(text):
        out.append(text[at : match.start()])
        starts.extend(range(at, match.start()))
        ends.extend(range(at + 1, match.start() + 1))
        character = _character(match)
        if character:
            out.append(character)
            starts.append(match.start())
            ends.append(match.end())
        at = match.end()
    out.append(text[at:])
    starts.extend(range(at, len(text)))
    ends.extend(range(at + 1, len(text) + 1))
    return "".join(out), starts, ends


def _character(match: re.Match[str]) -> str:
    """The character an escape stands for ('' for a line break inside an encoded run)."""
    groups = match.groupdict()
    if groups.get("named"):
        return NAMED[groups["named"]]
    if groups.get("char"):
        return groups["char"]
    for name in ("pct", "u", "x", "hexref"):
        if groups.get(name):
            return _chr(int(groups[name], 16))
    if groups.get("ref"):
        return _chr(int(groups["ref"]))
    return ""


def _chr(code: int) -> str:
    return chr(code) if code <= 0x10FFFF else "\ufffd"


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span (overlapping ones merged) replaced by the mask."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        out.append(text[at:start] + MASK if start >= at else "")
        at = end
    out.append(text[at:])
    return "".join(out)


@contextmanager
def redacted_logs(redact: Redactor) -> Iterator[None]:
    """Mask secrets in every log record made while the block runs, whoever logs it."""
    make = logging.getLogRecordFactory()

    def record(*args: object, **kwargs: object) -> logging.LogRecord:
        made = make(*args, **kwargs)
        made.msg, made.args = redact(made.getMessage()), None
        if made.exc_info:
            made.exc_text = redact(logging.Formatter().formatException(made.exc_info))
            made.exc_info = None
        if made.stack_info:
            made.stack_info = redact(made.stack_info)
        return made

    logging.setLogRecordFactory(record)
    try:
        yield
    finally:
        logging.setLogRecordFactory(make)
