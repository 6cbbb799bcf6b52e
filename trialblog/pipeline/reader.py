"""Pelican's reader for Markdown in a trialblog site: trialblog's header parser, strictly.

Pelican's own Markdown reader reads the header with Python-Markdown's ``meta`` extension, which
keeps a repeated key, takes ``Key :`` for body text and accepts any key. This reader reads it with
:func:`trialblog.content.header.read_header`, the parser the checks use too, so what Pelican
publishes and what trialblog checked are the same; a header problem is an error naming the file and
line, and the file is not published. The body is converted with the site's ``MARKDOWN`` settings,
by one Markdown instance per reader, reset between files (Markdown's own way to convert many texts).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from markdown import Markdown
from pelican.readers import MarkdownReader

from ..content.entries import header_errors, parse_date, placeholder_errors
from ..content.errors import ContentError, ContentErrors, display_path
from ..content.header import PELICAN_KEYS, TRIALBLOG_KEYS, body_of, read_header
from ..content.slugs import slug_of
from ..content.sources import read_text
from ..render.sanitize import allowed_html, clean, sanitize, source_lines
from .cores import cores, shared
from .settings import site_folder

META = "markdown.extensions.meta"
#: The metadata key that carries each header key's line, for errors found after reading.
LINES = "header_lines"
#: The metadata key that carries what markup was removed from the file, and the lines it was on.
REMOVED = "removed_html"
#: A Markdown file read: its HTML, its header's values, their lines, markup removed (line, what).
Parsed = tuple[str, dict[str, str], dict[str, int], list[tuple[int | None, str]]]


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
        self.formatted = frozenset(settings.get("FORMATTED_FIELDS") or ())
        self.tag_settings = {**settings, "SLUG_REGEX_SUBSTITUTIONS": settings.get("TAG_REGEX_SUBSTITUTIONS") or settings.get("SLUG_REGEX_SUBSTITUTIONS")}
        self.allowed = allowed_html(settings.get("TRIALBLOG_ALLOWED_HTML"))
        self.default_status = str((settings.get("DEFAULT_METADATA") or {}).get("status", "published"))
        self.prepared: dict[str, Parsed] = {}  # files parsed ahead, on every core (see prepare)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        content, values, lines, removed = self.prepared.pop(source_path, None) or self.parse(source_path)
        metadata = {key: self.process(key, value) for key, value in values.items()}
        metadata[LINES] = lines
        if removed:
            metadata[REMOVED] = removed
        name_slugs(self.settings, self.tag_settings, source_path, metadata)
        return content, metadata

    def process(self, key: str, value: str) -> Any:
        """A header value as Pelican makes it; a date read directly when written as trialblog
        writes it (the same value, of the same type, as Pelican's own)."""
        if key == "date":
            return parse_date(value)
        return self.process_metadata(key, value)

    def parse(self, source_path: str) -> Parsed:
        """The file's HTML (only the markup pages may carry: :mod:`trialblog.render.sanitize`), its
        header's values (formatted fields as HTML), their lines, and what markup was removed
        (with its line); a problem with the file or its header raises :class:`ContentErrors`."""
        shown = display_path(source_path, site_folder(self.settings))
        text = read_text(Path(source_path), shown)
        header = read_header(text)
        errors = header_errors(shown, text, header, self.known)
        errors += placeholder_errors(shown, text, header, self.default_status)
        if errors:
            raise ContentErrors(errors)
        values = {
            key: clean(self.convert(value), *self.allowed) if key in self.formatted else value
            for key, value in header.values.items()
        }
        content, removed = sanitize(self.convert(body_of(text, header)), *self.allowed)
        return content, values, dict(header.lines), source_lines(text, removed) if removed else []

    def parsed(self, source_path: str) -> Parsed | None:
        """:meth:`parse`, or None where it fails (the failure is said when Pelican reads the file)."""
        try:
            return self.parse(source_path)
        except (ContentError, ContentErrors):
            return None

    def convert(self, text: str) -> str:
        return self.markdown.reset().convert(text)


def name_slugs(settings: dict[str, Any], tag_settings: dict[str, Any], source_path: str, metadata: dict[str, Any]) -> None:
    """Give the entry, and each of its tags, a slug that is never empty nor too long for a file
    name (see :func:`trialblog.content.slugs.slug_of`), unless its header gives one."""
    if "slug" not in metadata:
        source = settings.get("SLUGIFY_SOURCE", "title")
        name = Path(source_path).stem if source == "basename" else metadata.get("title")
        if name:
            metadata["slug"] = slug_of(str(name), settings)
    for tag in metadata.get("tags") or ():
        tag.slug = slug_of(tag.name, tag_settings)


def prepare(generator: Any, paths: str, excludes: str) -> None:
    """Parse every Markdown file ``generator`` will read (and Pelican's cache lacks) on every core,
    before Pelican reads them one by one."""
    reader = generator.readers.readers.get("md")
    workers = cores(generator.settings)
    if not isinstance(reader, TrialblogMarkdownReader) or workers <= 1:
        return
    files = []
    for relative in sorted(generator.get_files(generator.settings[paths], exclude=generator.settings[excludes])):
        path = os.path.abspath(os.path.join(generator.path, relative))  # as Pelican names it to the reader
        if Path(path).suffix[1:].lower() in reader.file_extensions and generator.readers.get_cached_data(path) is None:
            files.append(path)
    for path, parsed in zip(files, shared(reader.parsed, files, workers), strict=True):
        if parsed is not None:
            reader.prepared[path] = parsed


def prepare_articles(generator: Any) -> None:
    """``article_generator_init``: see :func:`prepare`."""
    prepare(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def prepare_pages(generator: Any) -> None:
    """``page_generator_init``: see :func:`prepare`."""
    prepare(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def use_reader(readers: Any) -> None:
    """``readers_init``: read Markdown with :class:`TrialblogMarkdownReader`."""
    for extension in TrialblogMarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = TrialblogMarkdownReader
