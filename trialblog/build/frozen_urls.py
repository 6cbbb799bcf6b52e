"""Each entry's and page's URL and output path worked out once per build.

Pelican formats ``url`` and ``save_as`` from the settings every time a template or plugin reads
them (a copy of the metadata and two path resolutions each time, tens of thousands of times a
build). Once every generator has built its context nothing changes them, so from then on each
content object keeps the value it computed first: the same strings, computed once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import Any

from pelican.contents import Article, Page

#: Generator attributes that hold entries and pages.
CONTENT_LISTS = (
    "articles", "translations", "drafts", "drafts_translations", "hidden_articles",
    "hidden_translations", "pages", "hidden_pages", "draft_pages", "draft_translations",
)  # fmt: skip
FROZEN = ("url", "save_as")
#: The setting that turns off trialblog's shortcuts through Pelican's known costs (the frozen
#: URLs here, the shared Markdown instance of the diary plugin): ``build(cache=False)`` runs
#: Pelican's own way, so that tests can compare the two, byte for byte.
SHORTCUTS = "TRIALBLOG_PELICAN_SHORTCUTS"
_classes: dict[type, type] = {}


def _frozen_class(cls: type) -> type:
    """``cls`` with ``url`` and ``save_as`` computed on first use, then kept."""
    if cls not in _classes:
        namespace: dict[str, Any] = {name: cached_property(getattr(cls, name).fget) for name in FROZEN}
        namespace.update(__module__=cls.__module__, __qualname__=cls.__qualname__)
        _classes[cls] = type(cls.__name__, (cls,), namespace)
    return _classes[cls]


def _contents(generators: Iterable[Any]) -> Iterator[Any]:
    for generator in generators:
        for name in CONTENT_LISTS:
            for item in getattr(generator, name, None) or ():
                yield item
                yield from getattr(item, "translations", ())


def freeze_urls(generators: Iterable[Any]) -> int:
    """Freeze the URLs of every entry and page the generators hold; how many were frozen."""
    count = 0
    for item in _contents(generators):
        cls = type(item)
        if cls in _classes.values() or not isinstance(item, (Article, Page)):
            continue
        if not all(isinstance(getattr(cls, name, None), property) for name in FROZEN):
            continue
        item.__class__ = _frozen_class(cls)
        count += 1
    return count
