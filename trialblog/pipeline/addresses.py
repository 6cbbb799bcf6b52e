"""Every page at an address of its own, and the same address for good.

- An entry keeps the address it was first published at (``.trialblog/addresses.json`` remembers
  it): editing its title never moves it. An address does change when the writer says so (a new
  ``Slug:`` or ``URL:``) or a trial's file is renamed; the old address then keeps working, as a
  small page sending readers on (written by the diary plugin).
- Two diary entries titled alike ("Infusion day" twice in a year) are told apart: an entry that
  has its address already keeps it, then the earliest; each other one gets its date added.
- Anything else that would write where another page, a feed or the directory writes (a page
  titled "Tags", a ``Slug: trials``, a ``Save_as: index.html``) is refused, naming the file and
  what the address belongs to.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..content.errors import ContentError, display_path
from ..render.feeds import feed_siteurl

#: Folders and files trialblog's plugins and the build write: no entry or page may take them.
TRIALBLOG_FOLDERS = ("trials/", "conditions/", "feeds/", "pagefind/", "theme/", "replies/", "search/")
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


def settle(
    articles: list[Any], pages: list[Any], settings: dict[str, Any], context: dict[str, Any], history: dict[str, list[dict[str, str]]]
) -> list[ContentError]:
    """Keep each entry's first address, tell apart entries titled alike, and the errors of every
    other clash."""
    root = Path(settings["PATH"]).parent
    errors: list[ContentError] = []
    kept = {id(a) for a in articles if keep_first_address(a, history)}
    by_address: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        by_address[article.save_as].append(article)
    for clashing in by_address.values():
        clashing.sort(key=lambda a: (id(a) not in kept and not _header_given(a), a.date, a.source_path))
        for later in clashing[1:]:
            if id(later) in kept or _header_given(later):
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


#: Every address each entry and trial page has had, oldest first (commit it with the site).
HISTORY = Path(".trialblog") / "addresses.json"


def history_path(settings: dict[str, Any]) -> Path:
    return Path(settings["PATH"]).parent / HISTORY


def publishes(settings: dict[str, Any]) -> bool:
    """Whether a run makes the site readers see (an absolute ``SITEURL``: ``trialblog build
    --publish``), so that its addresses are kept: a preview never fixes an address, so a title
    changed before the first publication still gives the entry its address."""
    return str(feed_siteurl(settings)).startswith(("https://", "http://"))


def entry_key(article: Any) -> str:
    return "entry:" + (getattr(article, "permanent_id", None) or f"file:{article.relative_source_path}")


def keep_first_address(article: Any, history: dict[str, list[dict[str, str]]]) -> bool:
    """Give ``article`` the address it was first published at, unless its header chooses one."""
    first = (history.get(entry_key(article)) or [None])[0]
    if not first or _header_given(article) or not first.get("url") or not first.get("save_as"):
        return False
    article.override_url, article.override_save_as = first["url"], first["save_as"]
    return True


def page_addresses(articles: list[Any], trials: list[Any]) -> dict[str, dict[str, str]]:
    """The live address of each entry (by its ``Id``, else its file) and each trial page (by its
    registry id, else its slug)."""
    found = {entry_key(a): {"url": a.url, "save_as": a.save_as} for a in articles}
    for trial in trials:
        found[f"trial:{trial.id or trial.slug}"] = {"url": f"trials/{trial.slug}/", "save_as": f"trials/{trial.slug}/index.html"}
    return found


def moved(history: dict[str, list[dict[str, str]]], live: dict[str, dict[str, str]], taken: set[str]) -> dict[str, tuple[str, str]]:
    """Every address a page had before that no page has now: its file, and the page's live address."""
    redirects = {}
    for key, address in live.items():
        for old in history.get(key, ()):
            if old.get("url") != address["url"] and old.get("save_as") and old["save_as"] not in taken:
                redirects[old["save_as"]] = (old.get("url", ""), address["url"])
    return redirects


def remember(history: dict[str, list[dict[str, str]]], live: dict[str, dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """``history`` with each page's live address, after the ones it had before."""
    updated = {key: list(addresses) for key, addresses in history.items()}
    for key, address in live.items():
        updated[key] = [*(a for a in updated.get(key, []) if a != address), address]
    return updated


def read_history(settings: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """The addresses every page had, from ``.trialblog/addresses.json`` (none when it is missing)."""
    try:
        pages = json.loads(history_path(settings).read_text(encoding="utf-8")).get("pages", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return {k: [a for a in v if isinstance(a, dict)] for k, v in pages.items() if isinstance(v, list)} if isinstance(pages, dict) else {}
