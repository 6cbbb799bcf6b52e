"""The directory's static search index, written by Pagefind (the ``pagefind[bin]`` package).

Pagefind reads the trial pages (marked ``data-pagefind-body``, with their filters) and writes
``pagefind/`` beside them, put in a stable order (:mod:`.stable_index`) so that the same pages
give the same bytes; the directory's own small search script is put there too, so the site has
JavaScript only where there is a search index. Pagefind runs offline. Without it the directory
still works: the facet pages need no JavaScript.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from trialblog import theme_path
from trialblog.build import background
from trialblog.build.reuse import link_or_copy
from trialblog.registry.slugs import RESERVED

from .stable_index import make_stable

TIMEOUT_SECONDS = 600
BUNDLE = "pagefind"
SCRIPT = "directory-search.js"
# Pagefind's ready-made interfaces, which the directory does not use.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def pagefind_executable() -> list[str]:
    """Pagefind's binary, run directly (``python -m pagefind`` starts Python only to exec it)."""
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind"]


def pagefind_command(site: Path) -> list[str]:
    return [
        *pagefind_executable(),
        "--site",
        str(site),
        "--glob",
        INDEXED,
        "--silent",
    ]


INDEXED = "trials/*/index.html"
#: Pages the glob may match that are the directory's own listings (the folders no trial slug
#: takes), with nothing to index.
LISTINGS = frozenset(f"trials/{name}/index.html" for name in RESERVED)


def _indexed_pages(site: Path) -> list[str]:
    found = (p.relative_to(site).as_posix() for p in site.glob(INDEXED))
    return sorted(name for name in found if name not in LISTINGS)


def _same_file(a: Path, b: Path) -> bool:
    """The same bytes: one file linked twice (a page reused from the last build), or equal."""
    return a.samefile(b) or a.read_bytes() == b.read_bytes()


def reuse_search_index(site: Path, previous: Path | None) -> bool:
    """Copy the previous build's index when it indexed exactly these pages (its output is
    deterministic, so this is the index Pagefind would write again)."""
    if previous is None or not (previous / BUNDLE / "pagefind.js").is_file():
        return False
    pages = _indexed_pages(site)
    if pages != _indexed_pages(previous) or not all(_same_file(site / p, previous / p) for p in pages):
        return False
    shutil.copytree(previous / BUNDLE, site / BUNDLE, dirs_exist_ok=True, copy_function=link_or_copy)
    return True


@dataclass
class Indexing:
    """A search index on its way: reused from the last build, or being written by Pagefind."""

    reused: bool = False
    process: subprocess.Popen | None = None
    log: IO[bytes] | None = None
    problem: str = ""


def start_search_index(site: Path, previous: Path | None = None) -> Indexing:
    """Start indexing the trial pages under ``site`` (they must all be written by now).

    ``previous`` is the last build's output, written with the same code and settings: its
    index is reused when the indexed pages are the same, byte for byte.
    """
    if reuse_search_index(site, previous):
        return Indexing(reused=True)
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish_search_index
    try:
        process = background.start(pagefind_command(site), stdout=log, stderr=subprocess.STDOUT)
    except OSError as exc:
        log.close()
        return Indexing(problem=str(exc))
    return Indexing(process=process, log=log)


def finish_search_index(indexing: Indexing, site: Path, logger: logging.Logger) -> bool:
    """Wait for the index and put it in its final form; a failure is a warning, never a failed build."""
    if indexing.reused:
        return True
    status, output = None, []
    if indexing.process is not None and indexing.log is not None:
        with indexing.log:
            try:
                status = background.wait(indexing.process, TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                indexing.problem = f"no index after {TIMEOUT_SECONDS} seconds"
            indexing.log.seek(0)
            output = indexing.log.read().decode(errors="replace").strip().splitlines()
    bundle = site / BUNDLE
    if not indexing.problem and (status != 0 or not (bundle / "pagefind.js").is_file()):
        indexing.problem = output[-1] if output else f"exit status {status}"
    if indexing.problem:
        logger.warning(
            "the search index was not written (pagefind: %s); the directory works without it",
            indexing.problem,
        )
        return False
    if not make_stable(bundle):
        logger.warning(
            "the search index is in a format trialblog does not know: it may differ between builds"
        )
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    shutil.copyfile(Path(theme_path()) / "search" / SCRIPT, bundle / SCRIPT)
    return True
