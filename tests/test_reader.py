"""The shared Markdown instance reads every file exactly as Pelican's own reader does."""

from __future__ import annotations

from pathlib import Path

from pelican import Pelican
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings
from trialblog_plugins.trial_diary.reader import ReusedMarkdownReader

from trialblog.build.frozen_urls import SHORTCUTS

ROOT = Path(__file__).resolve().parent.parent

# Files whose state could leak into the next one: footnotes, abbreviations, reference links,
# a table of contents marker, formatted metadata (the summary) and none at all.
TRICKY = {
    "a.md": "Title: A\n\nText[^1] and [a link][ref] and HTML.\n\n"
    "[^1]: The first note.\n[ref]: https://example.org/a\n*[HTML]: Hyper Text Markup Language\n",
    "b.md": "Title: B\n\nNo notes here, but [ref] and [a link][ref] and HTML again.\n\n[TOC]\n\n## Heading\n",
    "c.md": "No header at all.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint('x')\n```\n",
    "d.md": "Title: D\nSummary: A *summary* with a note[^x].\nTags: one, two\n\nText[^x].\n\n[^x]: A note.\n",
}


def settings() -> dict:
    return read_settings(str(ROOT / "pelicanconf.py"))


def files(tmp_path: Path) -> list[Path]:
    for name, text in TRICKY.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    example = sorted((ROOT / "content").rglob("*.md"))
    assert len(example) > 20
    # Twice round, in an order that puts notes before files without them.
    return [*example, *sorted(tmp_path.glob("*.md")), *reversed(example), *sorted(tmp_path.glob("*.md"))]


def test_reused_instance_reads_like_a_new_instance_per_file(tmp_path):
    config = settings()
    plain, reused = MarkdownReader(config), ReusedMarkdownReader(config)
    for path in files(tmp_path):
        assert reused.read(str(path)) == plain.read(str(path)), path


def test_the_plugin_installs_it_and_cache_false_does_not():
    config = settings()
    Pelican(config)  # registers the plugins
    assert isinstance(Readers(config).readers["md"], ReusedMarkdownReader)
    assert type(Readers({**config, SHORTCUTS: False}).readers["md"]) is MarkdownReader
