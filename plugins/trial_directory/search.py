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
from pathlib import Path

from trialblog import theme_path
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
    """The same bytes (one file linked twice, or equal)."""
    return a.samefile(b) or a.read_bytes() == b.read_bytes()


def reuse_search_index(site: Path, previous: Path | None) -> bool:
    """Copy the previous build's index when it indexed exactly these pages (Pagefind's output is
    made deterministic by :mod:`.stable_index`, so this is the index it would write again)."""
    if previous is None or not (previous / BUNDLE / "pagefind.js").is_file():
        return False
    pages = _indexed_pages(site)
    if pages != _indexed_pages(previous) or not all(_same_file(site / p, previous / p) for p in pages):
        return False
    shutil.copytree(previous / BUNDLE, site / BUNDLE, dirs_exist_ok=True)
    return True


def write_search_index(site: Path, logger: logging.Logger, previous: Path | None = None) -> bool:
    """Index the trial pages under ``site`` (or reuse ``previous``'s index of the same pages); a
    failure is a warning, never a failed build: the directory works without its search."""
    if reuse_search_index(site, previous):
        return True
    try:
        done = subprocess.run(pagefind_command(site), capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        problem = "" if done.returncode == 0 else (done.stdout + done.stderr).decode(errors="replace").strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        problem = str(exc)
    bundle = site / BUNDLE
    if not problem and not (bundle / "pagefind.js").is_file():
        problem = "no index was written"
    if problem:
        last = problem.splitlines()[-1] if problem.splitlines() else problem
        logger.warning("the search index was not written (pagefind: %s); the directory works without it", last)
        return False
    if not make_stable(bundle):
        logger.warning("the search index is in a format trialblog does not know: it may differ between builds")
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    shutil.copyfile(Path(theme_path()) / "search" / SCRIPT, bundle / SCRIPT)
    return True
