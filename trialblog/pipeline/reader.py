"""Pelican's reader for Markdown in a trialblog site: trialblog's header parser, strictly.

Pelican's own Markdown reader reads the header with Python-Markdown's ``meta`` extension, which
keeps a repeated key, takes ``Key :`` for body text and accepts any key. This reader reads it with
:func:`trialblog.content.header.read_header`, the parser the checks use too, so what Pelican
publishes and what trialblog checked are the same; a header problem is an error naming the file and
line, and the file is not published. The body is converted with the site's ``MARKDOWN`` settings,
by one Markdown instance per reader, reset between files (Markdown's own way to convert many texts).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markdown import Markdown
from pelican.readers import MarkdownReader

from ..content.entries import header_errors, placeholder_errors
from ..content.errors import ContentErrors, display_path
from ..content.header import PELICAN_KEYS, TRIALBLOG_KEYS, body_of, read_header
from ..content.slugs import slug_of
from ..content.sources import read_text
from .settings import site_folder

META = "markdown.extensions.meta"
#: The metadata key that carries each header key's line, for errors found after reading.
LINES = "header_lines"


def known_keys(settings: dict[str, Any]) -> frozenset[str]:
    """Header keys a site may use: Pelican's, trialblog's, and the site's own extra ones."""
    extra: Iterable[str] = settings.get("TRIALBLOG_EXTRA_HEADERS") or ()
    formatted = settings.get("FORMATTED_FIELDS") or ()
    defaults = settings.get("DEFAULT_METADATA") or {}
    return frozenset(k.lower() for k in (*PELICAN_KEYS, *TRIALBLOG_KEYS, *extra, *formatted, *defaults))


def markdown_config(settings: dict[str, Any]) -> dict[str, Any]:
    """The site's ``MARKDOWN`` settings without the ``meta`` extension: for text with no header."""
    config = dict(settings["MARKDOWN"])
    config["extensions"] = [e for e in config.get("extensions", []) if e != META]
    config["extension_configs"] = {k: v for k, v in config.get("extension_configs", {}).items() if k != META}
    return config


class TrialblogMarkdownReader(MarkdownReader):
    """Reads ``.md``, ``.markdown``, ``.mkd`` and ``.mdown`` files; see the module's description."""

    def __init__(self, settings: dict[str, Any]):
        super().__init__(settings)
        self.markdown = Markdown(**markdown_config(settings))
        self.known = known_keys(settings)
        self.default_status = str((settings.get("DEFAULT_METADATA") or {}).get("status", "published"))

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        shown = display_path(source_path, site_folder(self.settings))
        text = read_text(Path(source_path), shown)
        header = read_header(text)
        errors = header_errors(shown, text, header, self.known)
        errors += placeholder_errors(shown, text, header, self.default_status)
        if errors:
            raise ContentErrors(errors)
        content = self.convert(body_of(text, header))
        formatted = self.settings.get("FORMATTED_FIELDS") or ()
        metadata: dict[str, Any] = {}
        for key, value in header.values.items():
            metadata[key] = self.process_metadata(key, self.convert(value) if key in formatted else value)
        metadata[LINES] = dict(header.lines)
        name_slugs(self.settings, source_path, metadata)
        return content, metadata

    def convert(self, text: str) -> str:
        return self.markdown.reset().convert(text)


def name_slugs(settings: dict[str, Any], source_path: str, metadata: dict[str, Any]) -> None:
    """Give the entry, and each of its tags, a slug that is never empty nor too long for a file
    name (see :func:`trialblog.content.slugs.slug_of`), unless its header gives one."""
    if "slug" not in metadata:
        source = settings.get("SLUGIFY_SOURCE", "title")
        name = Path(source_path).stem if source == "basename" else metadata.get("title")
        if name:
            metadata["slug"] = slug_of(str(name), settings)
    tags = {**settings, "SLUG_REGEX_SUBSTITUTIONS": settings.get("TAG_REGEX_SUBSTITUTIONS") or settings.get("SLUG_REGEX_SUBSTITUTIONS")}
    for tag in metadata.get("tags") or ():
        tag.slug = slug_of(tag.name, tags)


def use_reader(readers: Any) -> None:
    """``readers_init``: read Markdown with :class:`TrialblogMarkdownReader`."""
    for extension in TrialblogMarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = TrialblogMarkdownReader
