"""Pelican's reader cache is kept without the build's settings (which hold the whole site), and
stamps each file with the digest the build already made of it."""

from __future__ import annotations

import hashlib
import pickle
from types import SimpleNamespace

from conftest import copy_example
from pelican.urlwrappers import Tag

from trialblog.build import build
from trialblog.build.readercache import stamp_by_digest


def test_reader_cache_has_no_settings_and_cached_tags_get_them_back(tmp_path):
    site = copy_example(tmp_path / "site", today="2026-11-23")
    first = build(site, workers=2)
    [cache_file] = (site / ".trialblog/cache").glob("pelican-*/ArticlesGenerator-Readers")
    data = cache_file.read_bytes()
    assert b"TRIALBLOG_SITE" not in data and b"BLINDING_NOTICE" not in data
    cached = pickle.loads(data)
    tags = [t for _stamp, (_c, meta) in cached.values() for t in meta.get("tags", [])]
    assert tags and all(isinstance(t, Tag) and t.settings is None for t in tags)
    for path, (stamp, _data) in cached.items():  # the build's own digests, not Pelican's md5
        with open(path, "rb") as handle:
            assert stamp == hashlib.sha256(handle.read()).digest(), path

    entry = next((site / "content/diary").glob("*.md"))
    entry.write_text(entry.read_text() + "\nA line added later.\n")
    again = build(site, workers=2)  # every other entry comes from the cache
    assert not again.unchanged and again.pages == first.pages
    assert (site / "output/tags/index.html").read_text().count('href="') > 5


def test_a_file_is_stamped_with_its_known_digest_and_read_only_when_unknown(tmp_path):
    known, new = tmp_path / "known.md", tmp_path / "new.md"
    known.write_text("Title: One\n")
    new.write_text("Title: Two\n")
    cacher = SimpleNamespace()
    stamp_by_digest({known: b"digest made by the build"}, cacher)
    assert cacher._filestamp_func(str(tmp_path / "." / "known.md")) == b"digest made by the build"
    assert cacher._filestamp_func(str(new)) == hashlib.sha256(b"Title: Two\n").digest()
