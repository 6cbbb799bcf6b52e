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
    """Pelican's :class:`~pelican.writers.Writer`; entry pages are completed by :func:`complete`."""

    def write_file(self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        article = kwargs.get("article")
        if article is not None and template is not None:
            template = _Completed(template, article, context)
        return super().write_file(name, template, context, *args, **kwargs)


class _Completed:
    """A template whose rendering of an entry page is passed through :func:`complete`."""

    def __init__(self, template: Any, article: Any, context: dict[str, Any]):
        self.template, self.article, self.context = template, article, context

    def render(self, *args: Any, **kwargs: Any) -> str:
        return complete(self.template.render(*args, **kwargs), self.article, self.context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.template, name)


def complete(html: str, article: Any, context: dict[str, Any]) -> str:
    """``html`` of ``article``'s page with its blinding notice and disclosure, where they are missing."""
    notice = str(context.get("BLINDING_NOTICE") or "") if getattr(article, "blinded", False) else ""
    disclosure = str(getattr(article, "disclosure", "") or "")
    missing_notice = notice and str(escape(notice)) not in html
    missing_disclosure = disclosure and str(escape(disclosure)) not in html
    if not (missing_notice or missing_disclosure):
        return html
    body = article.content
    at = html.find(body) if body else -1
    if at < 0:  # the theme does not show the text as it is: after <body>, then
        start = html.find("<body")
        at = html.find(">", start) + 1 if start >= 0 else 0
        end = at
    else:
        end = at + len(body)
    after = DISCLOSURE.format(escape(disclosure)) if missing_disclosure else ""
    before = NOTICE.format(escape(notice)) if missing_notice else ""
    return html[:at] + before + html[at:end] + after + html[end:]


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
