"""The one pipeline: Pelican reads, trialblog models and checks, Pelican writes.

Every trialblog plugin calls :func:`connect`; whichever plugins a site lists, these receivers
(:mod:`.receivers`) run once per Pelican run:

- ``initialized``: the settings every plugin reads are checked, and the output folder with them;
- ``readers_init``: Markdown is read by :class:`.reader.TrialblogMarkdownReader` (the one header parser);
- ``article_generator_finalized`` / ``page_generator_finalized``: the content model of the run is
  built from what Pelican read (:mod:`.site`);
- ``all_generators_finalized``: the safety checks run on exactly what will be published, and a
  content or check error stops the run before anything is written (:mod:`.gate`);
- ``get_writer``: pages are written by :class:`.writer.TrialblogWriter`;
- ``finalized``: what was published is kept for ``trialblog syndicate`` (:mod:`.published`).
"""

from __future__ import annotations

import logging
from typing import Any

PACKAGE = "trialblog_plugins."


def logger(name: str) -> logging.Logger:
    """A logger under Pelican's, so that ``pelican content`` shows what it says and a build
    collects it; every run says its piece, even a second run in the same process (Pelican's
    loggers say a repeated message only once per process)."""
    log = logging.getLogger(f"pelican.plugins.{name}")
    disable = getattr(log, "disable_filter", None)
    if disable is not None:
        disable()
    return log


def enabled(settings: dict[str, Any], plugin: str | None = None) -> bool:
    """Whether ``plugin`` (any trialblog plugin, by default) is in the site's ``PLUGINS``.

    Pelican's signals belong to the process, not to one site: a receiver connected for one site
    stays connected when the same process builds another (the tests, a long-running preview).
    """
    names = [n if isinstance(n, str) else getattr(n, "__name__", "") for n in settings.get("PLUGINS") or ()]
    if plugin is None:
        return any(name.startswith(PACKAGE) for name in names)
    return plugin in names


def connect() -> None:
    """Connect the pipeline's receivers (connecting them again changes nothing)."""
    from . import receivers

    receivers.connect()
