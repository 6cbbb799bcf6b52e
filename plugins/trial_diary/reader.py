"""Pelican's Markdown reader with one Markdown instance per reader instead of one per file.

Pelican builds a new :class:`markdown.Markdown`, loading every extension again, for each file
it reads. Markdown's own way to convert many texts is one instance, ``reset()`` between them;
the HTML is the same (``tests/test_reader.py`` compares the two on every example file).
"""

from __future__ import annotations

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

from trialblog.build.frozen_urls import SHORTCUTS

META = "meta"


class ReusedMarkdownReader(MarkdownReader):
    """Reads Markdown like Pelican's reader, with one Markdown instance, reset for each file."""

    _shared: tuple[Markdown, object, float] | None = None

    def _markdown(self) -> Markdown:
        if self._shared is None:
            md = Markdown(**self.settings["MARKDOWN"])
            priority = next(p.priority for p in md.preprocessors._priority if p.name == META)
            self._shared = (md, md.preprocessors[META], priority)
        md, meta, priority = self._shared
        if META not in md.preprocessors:  # formatted metadata fields are read without it
            md.preprocessors.register(meta, META, priority)
        return md.reset()

    def read(self, source_path: str) -> tuple[str, dict]:
        self._source_path = source_path
        self._md = self._markdown()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        return content, self._parse_metadata(self._md.Meta)


def use_reused_reader(readers) -> None:
    """``readers_init``: read Markdown files with :class:`ReusedMarkdownReader`."""
    if not readers.settings.get(SHORTCUTS, True):
        return
    for extension, reader_class in readers.reader_classes.items():
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = ReusedMarkdownReader
