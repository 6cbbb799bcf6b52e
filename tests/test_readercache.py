"""Pelican's reader cache is kept without the build's settings (which hold the whole site)."""

from __future__ import annotations

import pickle

from conftest import copy_example
from pelican.urlwrappers import Tag

from trialblog.build import build


def test_reader_cache_has_no_settings_and_cached_tags_get_them_back(tmp_path):
    site = copy_example(tmp_path / "site", today="2026-11-23")
    first = build(site, workers=2)
    [cache_file] = (site / ".trialblog/cache").glob("pelican-*/ArticlesGenerator-Readers")
    data = cache_file.read_bytes()
    assert b"TRIALBLOG_SITE" not in data and b"BLINDING_NOTICE" not in data
    cached = pickle.loads(data)
    tags = [t for _stamp, (_c, meta) in cached.values() for t in meta.get("tags", [])]
    assert tags and all(isinstance(t, Tag) and t.settings is None for t in tags)

    entry = next((site / "content/diary").glob("*.md"))
    entry.write_text(entry.read_text() + "\nA line added later.\n")
    again = build(site, workers=2)  # every other entry comes from the cache
    assert not again.unchanged and again.pages == first.pages
    assert (site / "output/tags/index.html").read_text().count('href="') > 5
