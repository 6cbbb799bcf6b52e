"""Files copied as they are come only from inside the site folder.

Pelican follows symbolic links in the content. A static file (a photo, a PDF) is copied into the
site as it is, so a link that leaves the site folder (``content/images/etc`` → ``/etc``) would
publish whatever it points to: such files are skipped, and the link is named. Text the writer links
in (entries, trial records) is read, validated and checked like any other content.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .. import pipeline
from ..content.errors import display_path
from .settings import site_folder

log = pipeline.logger("trialblog.links")


def leaving_link(path: str, site: Path) -> Path | None:
    """The outermost link through which ``path`` leaves the folder ``site`` (resolved), or None
    when it stays inside."""
    real = Path(os.path.realpath(path))
    if real == site or site in real.parents:
        return None
    link, current = None, Path(os.path.abspath(path))
    while current != current.parent and Path(os.path.realpath(current.parent)) != site:
        if current.is_symlink():
            link = current
        current = current.parent
    return link or Path(path)


def drop_static_links_leaving_the_site(generator: Any) -> None:
    """``static_generator_finalized``: no static file that lies outside the site folder is copied."""
    site = site_folder(generator.settings)
    kept, named = [], set()
    for static in generator.staticfiles:
        link = leaving_link(static.source_path, site)
        if link is None:
            kept.append(static)
        elif link not in named:
            named.add(link)
            log.warning(
                "%s is a link to %s, outside the site folder: nothing in it is published (copy what you "
                "want to publish into the site)",
                display_path(link, site), os.path.realpath(link),
            )
    generator.staticfiles[:] = kept
