"""Slugs for imported trials: short, readable, stable and never clashing with directory pages."""

from __future__ import annotations

import functools
import re

from unidecode import unidecode

from ..content.slugs import MAX_SLUG, slug_of

# Directory pages under /trials/ that a trial slug must not take.
RESERVED = {"recruiting", "page"}
LEADING_WORDS = {"a", "an", "the"}
TRAILING_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "for",
    "in",
    "on",
    "to",
    "with",
    "by",
    "at",
    "vs",
    "versus",
}
MAX_WORDS = 6
MAX_LENGTH = 48


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")


def base_slug(acronym: str | None, title: str | None, registry_id: str) -> str:
    """From the acronym when it is a word, else the first words of the brief title, else the id."""
    short = slugify(acronym or "")
    if len(short.replace("-", "")) >= 3 and not short.replace("-", "").isdigit():
        return short[:MAX_LENGTH].strip("-")
    words = slugify(title or "").split("-")
    while words and words[0] in LEADING_WORDS:
        words.pop(0)
    slug = ""
    for part in words[:MAX_WORDS]:
        if slug and len(slug) + len(part) + 1 > MAX_LENGTH:
            break
        slug = f"{slug}-{part}" if slug else part
    parts = slug[:MAX_LENGTH].strip("-").split("-")
    while len(parts) > 1 and parts[-1] in TRAILING_WORDS:
        parts.pop()
    return "-".join(parts) or slugify(registry_id)


def unique_slug(base: str, taken: set[str], registry_id: str) -> str:
    """``base``, or ``base-nct01234567`` when another trial (or a directory page) has it."""
    if base not in taken and base not in RESERVED:
        return base
    return f"{base}-{slugify(registry_id)}"


MAX_CONDITION_SLUG = MAX_SLUG


@functools.cache
def slugify_condition(name: str) -> str:
    """The slug of a condition (or country) name: readable, never empty, never too long for a
    file name, two names never on one page (see :func:`trialblog.content.slugs.slug_of`)."""
    return slug_of(name)
