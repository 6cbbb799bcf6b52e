"""Every page at an address of its own: clashes told apart or refused before anything is written.

Two diary entries titled alike ("Infusion day" twice in a year) are told apart: the earliest keeps
the address, each later one gets its date added to it. Anything else that would write where
another page, a feed or the directory writes (a page titled "Tags", a ``Slug: trials``, a
``Save_as: index.html``) is refused, naming the file and what the address belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..content.errors import ContentError, display_path

#: Folders and files trialblog's plugins and the build write: no entry or page may take them.
TRIALBLOG_FOLDERS = ("trials/", "conditions/", "feeds/", "pagefind/", "theme/", "replies/")
TRIALBLOG_FILES = ("sitemap.xml", "robots.txt", "404.html")


def owners(settings: dict[str, Any], context: dict[str, Any]) -> dict[str, str]:
    """Addresses Pelican's own pages take (direct templates, tags), with what each is."""
    found = {}
    for name in settings.get("DIRECT_TEMPLATES") or ():
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if save_as:
            found[save_as] = f"Pelican's {name} page"
    for tag, _articles in context.get("tags") or ():
        if getattr(tag, "save_as", ""):
            found[tag.save_as] = f"the page of the tag {tag.name!r}"
    for name in TRIALBLOG_FILES:
        found.setdefault(name, f"trialblog's {name}")
    return found


def _header_given(item: Any) -> bool:
    """Whether the writer chose the address (``Slug:``, ``Save_as:``) rather than the title."""
    return any(key in item.metadata for key in ("save_as", "url")) or "slug" in (item.metadata.get("header_lines") or {})


def settle(articles: list[Any], pages: list[Any], settings: dict[str, Any], context: dict[str, Any]) -> list[ContentError]:
    """Tell apart entries titled alike, and the errors of every other clash."""
    root = Path(settings["PATH"]).parent
    errors: list[ContentError] = []
    by_address: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        by_address[article.save_as].append(article)
    for clashing in by_address.values():
        clashing.sort(key=lambda a: (a.date, a.source_path))
        for later in clashing[1:]:
            if _header_given(later):
                continue
            later.slug = f"{later.slug}-{later.date:%Y-%m-%d}"
    taken: dict[str, Any] = {}
    reserved = owners(settings, context)
    for item in [*articles, *pages]:
        save_as, shown = item.save_as, display_path(item.source_path, root)
        line = (item.metadata.get("header_lines") or {}).get("slug") or (item.metadata.get("header_lines") or {}).get("save_as")
        other = taken.get(save_as)
        owner = reserved.get(save_as) or next(
            (f"trialblog's /{folder}" for folder in TRIALBLOG_FOLDERS if save_as.startswith(folder)), None
        )
        if other is not None:
            errors.append(
                ContentError(shown, line, None, f"would be written at {save_as}, as {display_path(other.source_path, root)} is",
                             "give one of them a `Slug:` of its own")
            )  # fmt: skip
        elif owner:
            errors.append(
                ContentError(shown, line, None, f"would be written at {save_as}, which is {owner}",
                             "give it a `Slug:` of its own (and no `Save_as:` there)")
            )  # fmt: skip
        taken.setdefault(save_as, item)
    return errors
