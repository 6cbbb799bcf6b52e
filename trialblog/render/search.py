"""The site's static search index, written by Pagefind (the ``pagefind[bin]`` package).

Pagefind reads the diary entries, the consent notes and the trial pages (each marked
``data-pagefind-body``, with its ``kind`` and ``trial`` filters, and the directory's own on trial
pages) and writes ``pagefind/`` beside them, put in a stable order (:mod:`.stable_index`) so that
the same pages give the same bytes; the theme's two small search scripts (the diary's search page,
the directory's search box) are put there too, so the site has JavaScript only where there is a
search index. Pagefind runs offline. Without it the site still works: every entry is in the
archives and every filter of the directory is a page of its own.
"""

from __future__ import annotations

import logging
import re
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
SCRIPTS = (SCRIPT, "diary-search.js", "search-common.js")
# Pagefind's ready-made interfaces, which the directory does not use.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")


def pagefind_executable() -> list[str]:
    """Pagefind's binary, run directly (``python -m pagefind`` starts Python only to exec it)."""
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind"]


def pagefind_command(site: Path, pages: str = "trials/*/index.html") -> list[str]:
    return [*pagefind_executable(), "--site", str(site), "--glob", pages, "--silent"]


#: The trial pages and their consent notes (the directory's listings under trials/ carry no
#: ``data-pagefind-body``: Pagefind leaves them out).
TRIAL_PAGES = ("trials/*/index.html", "trials/*/consent/index.html")
#: Pages the trial-page glob may match that are the directory's own listings (the folders no
#: trial slug takes), with nothing to index.
LISTINGS = frozenset(f"trials/{name}/index.html" for name in RESERVED)


def indexed_glob(settings: dict) -> str:
    """The pages to index: the trial pages, their consent notes, and the diary entries wherever
    ``ARTICLE_SAVE_AS`` puts them (each ``{…}`` of it one folder or name)."""
    entries = re.sub(r"\{[^}]*\}", "*", str(settings.get("ARTICLE_SAVE_AS") or "{slug}.html"))
    return "{" + ",".join((*TRIAL_PAGES, entries)) + "}"


def _indexed_pages(site: Path, pages: str) -> list[str]:
    found = (p.relative_to(site).as_posix() for glob in pages.strip("{}").split(",") for p in site.glob(glob))
    return sorted(set(found) - LISTINGS)


def _same_file(a: Path, b: Path) -> bool:
    """The same bytes (one file linked twice, or equal)."""
    return a.samefile(b) or a.read_bytes() == b.read_bytes()


def reuse_search_index(site: Path, previous: Path | None, pages: str) -> bool:
    """Copy the previous build's index when it indexed exactly these pages (Pagefind's output is
    made deterministic by :mod:`.stable_index`, so this is the index it would write again)."""
    if previous is None or not (previous / BUNDLE / "pagefind.js").is_file():
        return False
    found = _indexed_pages(site, pages)
    if found != _indexed_pages(previous, pages) or not all(_same_file(site / p, previous / p) for p in found):
        return False
    shutil.copytree(previous / BUNDLE, site / BUNDLE, dirs_exist_ok=True)
    return True


def write_search_index(site: Path, logger: logging.Logger, pages: str, previous: Path | None = None) -> bool:
    """Index the ``pages`` (a glob) under ``site``, or reuse ``previous``'s index of the same pages;
    a failure is a warning, never a failed build: the site works without its search."""
    if reuse_search_index(site, previous, pages):
        return True
    try:
        done = subprocess.run(pagefind_command(site, pages), capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        problem = "" if done.returncode == 0 else (done.stdout + done.stderr).decode(errors="replace").strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        problem = str(exc)
    bundle = site / BUNDLE
    if not problem and not (bundle / "pagefind.js").is_file():
        problem = "no index was written"
    if problem:
        last = problem.splitlines()[-1] if problem.splitlines() else problem
        logger.warning("the search index was not written (pagefind: %s); the site works without it", last)
        return False
    if not make_stable(bundle):
        logger.warning("the search index is in a format trialblog does not know: it may differ between builds")
    for pattern in UNUSED:
        for path in bundle.glob(pattern):
            path.unlink()
    for script in SCRIPTS:
        shutil.copyfile(Path(theme_path()) / "search" / script, bundle / script)
    return True
