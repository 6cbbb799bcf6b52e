"""Pelican's reader cache, filled by several processes and kept small.

- :func:`prewarm_readers` reads (renders) every Markdown file the cache lacks in forked
  processes before Pelican reads: Pelican then finds each file in its cache, the same (content,
  metadata) it would have made itself.
- :func:`slim_reader_cache` keeps the build's settings out of the cache file. Pelican stores
  each tag with the settings it was made with, and the settings hold the whole site (every trial
  record): the cache file, read by every build, would be several times larger.
- :func:`stamp_by_digest` gives Pelican the digests the build has already made of every content
  file, instead of reading and hashing each file again at every look-up (four times an entry).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican.generators import ArticlesGenerator

from .parallel import fork_map


def prewarm_readers(generator: Any, workers: int) -> None:
    """Read (render) in parallel every source file the reader cache lacks, before Pelican reads.

    Pelican then finds each file in its reader cache: the same (content, metadata) it would
    have made itself, read by several processes instead of one.
    """
    readers = generator.readers
    if workers <= 1 or not generator.settings.get("CACHE_CONTENT"):
        return
    paths_key, exclude_key = (
        ("ARTICLE_PATHS", "ARTICLE_EXCLUDES")
        if isinstance(generator, ArticlesGenerator)
        else ("PAGE_PATHS", "PAGE_EXCLUDES")
    )
    missing = []
    for relative in generator.get_files(
        generator.settings[paths_key], exclude=generator.settings[exclude_key]
    ):
        path = os.path.abspath(os.path.join(generator.path, relative))
        if _reader_for(readers, path) is not None and readers.get_cached_data(path, (None, None))[0] is None:
            missing.append(path)
    if len(missing) < 2 * workers:
        return
    # Only the paths go to the workers, which have the readers already: a reader holds the
    # settings, and with them the whole site, far too much to send with every file.
    results = fork_map(lambda path: _read(path, _reader_for(readers, path)), missing, workers)
    for path, (content, metadata) in zip(missing, results, strict=True):
        readers.cache_data(path, (content, _link(metadata, generator.settings)))


def _reader_for(readers: Any, path: str) -> Any:
    return readers.readers.get(os.path.splitext(path)[1][1:].lower())


def _read(path: str, reader: Any) -> tuple[str, dict]:
    """``reader.read(path)`` made small to send back: tags, categories and authors without
    the build's settings (which hold the whole site), put back by :func:`_link`."""
    content, metadata = reader.read(path)
    return content, _link(metadata, None)


def _link(metadata: dict, settings: dict | None) -> dict:
    """Point the tags, categories and authors in ``metadata`` at ``settings``."""
    from pelican.urlwrappers import URLWrapper

    for value in metadata.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, URLWrapper):
                item.settings = settings
    return metadata


def slim_reader_cache(readers: Any) -> None:
    """Save ``readers``' cache without settings in its tags; put them back on the way out."""
    settings = readers.settings
    save, get = readers.save_cache, readers.get_cached_data

    def save_cache() -> None:
        entries = [data for _stamp, data in readers._cache.values() if isinstance(data, tuple)]
        for _content, metadata in entries:
            _link(metadata, None)
        try:
            save()
        finally:
            for _content, metadata in entries:
                _link(metadata, settings)

    def get_cached_data(filename: str, default: Any = None) -> Any:
        data = get(filename, default)
        if data is not default and isinstance(data, tuple) and isinstance(data[1], dict):
            _link(data[1], settings)
        return data

    readers.save_cache, readers.get_cached_data = save_cache, get_cached_data


def stamp_by_digest(digests: Mapping[Path, bytes], *cachers: Any) -> None:
    """Make each of ``cachers`` (a generator, its readers) stamp a file with its digest in ``digests``.

    A file the digests lack (written since they were made) is read and hashed, as Pelican would;
    a file that changes gets a new stamp either way, so a stale cache entry is never used.
    """
    known = {os.fspath(path): value for path, value in digests.items()}

    def stamp(filename: str) -> bytes:
        found = known.get(os.path.normpath(filename))
        if found is not None:
            return found
        with open(filename, "rb") as handle:
            return hashlib.sha256(handle.read()).digest()

    for cacher in cachers:
        cacher._filestamp_func = stamp
