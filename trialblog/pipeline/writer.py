"""Pelican's writer, with what every diary page must carry whatever the theme.

Given to Pelican through the ``get_writer`` signal. trialblog's theme shows an entry's blinding
notice and disclosure itself; any other theme (Pelican's own, a site's) may not know them, so each
entry page that lacks them gets them: the notice before the entry's text, the disclosure after it.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from pelican.writers import Writer

NOTICE = '<aside class="trialblog-notice" role="note"><p><strong>Blinded:</strong> {}</p></aside>\n'
DISCLOSURE = '\n<aside class="trialblog-disclosure" role="note"><p><strong>Disclosure:</strong> {}</p></aside>'


class TrialblogWriter(Writer):
    """Pelican's :class:`~pelican.writers.Writer`; each page is completed by :func:`complete`."""

    def write_file(self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        if template is not None:
            template = _Completed(template, context)
        return super().write_file(name, template, context, *args, **kwargs)


class _Completed:
    """A template whose every page is passed through :func:`complete`."""

    def __init__(self, template: Any, context: dict[str, Any]):
        self.template, self.context = template, context

    def render(self, values: dict[str, Any] | None = None, *args: Any, **kwargs: Any) -> str:
        values = values or {}
        return complete(self.template.render(values, *args, **kwargs), shown(values), values.get("article"), self.context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)


def shown(values: dict[str, Any]) -> list[Any]:
    """The entries a page may show in full: its own, and those of its page of a listing."""
    found = [values.get("article")]
    for key in ("articles_page", "dates_page"):
        found += getattr(values.get(key), "object_list", None) or ()
    return [a for a in dict.fromkeys(found) if a is not None and hasattr(a, "blinded")]


def complete(html: str, articles: list[Any], own: Any, context: dict[str, Any]) -> str:
    """``html`` with each of ``articles`` whose text it shows in full preceded by its blinding
    notice and followed by its disclosure, unless they are already there (between its text and
    the next entry's). On an entry's own page (``own``) they go at the top of the page if its text
    is not found as it is."""
    spots = sorted((at, a) for a in articles if a.content and (at := html.find(a.content)) >= 0)
    if own is not None and all(a is not own for _, a in spots):
        start = html.find("<body")
        spots.insert(0, (html.find(">", start) + 1 if start >= 0 else 0, own))
    pieces, done = [], 0
    for index, (at, article) in enumerate(spots):
        if at < done:
            continue  # within an earlier entry's text
        end = at + len(article.content) if html.startswith(article.content, at) else at
        following = spots[index + 1][0] if index + 1 < len(spots) else len(html)
        notice = str(escape(context.get("BLINDING_NOTICE") or "")) if getattr(article, "blinded", False) else ""
        disclosure = str(escape(getattr(article, "disclosure", "") or ""))
        pieces.append(html[done:at])
        if notice and notice not in html[done:at]:
            pieces.append(NOTICE.format(notice))
        pieces.append(html[at:end])
        if disclosure and disclosure not in html[end:following]:
            pieces.append(DISCLOSURE.format(disclosure))
        done = end
    pieces.append(html[done:])
    return "".join(pieces)


def complete_feed(context: dict[str, Any], feed: Any) -> None:
    """``feed_generated``: Pelican's own feeds carry each entry's content warning and blinding
    notice, as trialblog's feeds and pages do."""
    from .run import last

    run = last()
    notice = str(context.get("BLINDING_NOTICE") or "")
    by_url = {getattr(a, "url", None): a for a in (run.articles if run else ())}
    for item in getattr(feed, "items", ()):
        link = str(item.get("link") or "")
        article = next((a for url, a in by_url.items() if url and link.split("?")[0].endswith("/" + url.lstrip("/"))), None)
        if article is None:
            continue
        before = ""
        warning = getattr(article, "content_warning", "")
        if warning:
            before += f"<p><strong>Content warning: {escape(warning)}</strong></p>"
            item["title"] = f"[CW: {warning}] {item.get('title', '')}"
        if getattr(article, "blinded", False) and notice:
            before += f"<p><em>{escape(notice)}</em></p>"
        for key in ("description", "content"):
            if before and item.get(key):
                item[key] = before + str(item[key])
