"""Slugs for addresses: readable in any language, never empty, never too long for a file name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from unidecode import unidecode

#: Characters of a slug at most: far below every file system's 255-byte limit for a name.
MAX_SLUG = 80
#: Pelican's own substitutions (its SLUG_REGEX_SUBSTITUTIONS default).
SUBSTITUTIONS = [(r"[^\w\s-]", ""), (r"(?u)\A\s*", ""), (r"(?u)\s*\Z", ""), (r"[-\s]+", "-")]


def _pelican_slugify(text: str, settings: Mapping[str, Any]) -> str:
    from pelican.utils import slugify

    return slugify(
        text,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS") or SUBSTITUTIONS,
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def _names(text: str) -> str:
    """Symbols by their Unicode names: ``💉`` → ``syringe``."""
    words = [unicodedata.name(char, "") for char in text if not unicodedata.category(char).startswith(("M", "C", "Z"))]
    return " ".join(w for w in words if w)


def slug_of(text: str, settings: Mapping[str, Any] | None = None, limit: int = MAX_SLUG) -> str:
    """The slug of ``text`` by Pelican's ``slugify`` and the site's slug settings, after
    transliteration (``Première`` → ``premiere``, ``第一次`` → ``di-yi-ci``); symbols alone by
    their names. Never empty: a text with nothing to spell gets a slug made from its digest. A
    slug longer than ``limit`` is cut at a word and ends with a short digest of the whole text, so
    two long titles that start alike keep apart."""
    settings = settings or {}
    spaced = re.sub(r"['’‘`]", " ", text)  # l'hôpital: two words
    plain = spaced if settings.get("SLUGIFY_USE_UNICODE") else unidecode(spaced)
    slug = _pelican_slugify(plain, settings) or _pelican_slugify(unidecode(_names(text)), settings)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if not slug:
        return f"s-{digest}"
    if len(slug.encode("utf-8")) <= limit:
        return slug
    cut = slug.encode("utf-8")[: limit - 9].decode("utf-8", "ignore")
    cut = re.sub(r"-[^-]*$", "", cut) if "-" in cut else cut
    return f"{cut.rstrip('-')}-{digest}"
