"""When the build's caches are written: the content caches while the search index is finished,
and each cache only when it holds something not written yet."""

from __future__ import annotations

from pelican import signals

from trialblog.build import build
from trialblog.build.cache import Cache


def test_content_caches_are_saved_before_the_search_index_is_awaited(small_site):
    folder = small_site / ".trialblog" / "cache"
    seen = {}

    def finalized(pelican) -> None:  # where the search index is waited for
        seen.update({name: (folder / f"{name}.pickle").is_file() for name in ("trials", "entries")})

    signals.finalized.connect(finalized)
    try:
        build(small_site)
    finally:
        signals.finalized.disconnect(finalized)
    assert seen == {"trials": True, "entries": True}


def test_a_cache_is_written_again_only_when_something_was_added(tmp_path):
    cache = Cache(tmp_path, "things", "salt")
    cache.put("a", 1)
    cache.save()
    (tmp_path / "things.pickle").unlink()
    cache.save()
    assert not (tmp_path / "things.pickle").exists()  # nothing new since it was written
    cache.put("b", 2)
    cache.save()
    again = Cache(tmp_path, "things", "salt")
    assert again.get("a", lambda: 0) == 1 and again.get("b", lambda: 0) == 2


def test_the_remembered_result_keeps_counts_not_the_whole_site(small_site):
    first = build(small_site)
    assert first.site is not None and first.trials == len(first.site.trials) > 0
    assert first.entries == sum(1 for e in first.site.entries.values() if e.public) > 0
    again = build(small_site)
    assert again.unchanged and again.site is None  # nothing was loaded, and no copy was kept
    assert (again.pages, again.entries, again.trials) == (first.pages, first.entries, first.trials)
