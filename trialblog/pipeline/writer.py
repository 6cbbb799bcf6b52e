"""Pelican's writer, with what every diary page must carry whatever the theme, rendered by every core.

Given to Pelican through the ``get_writer`` signal.

- trialblog's theme shows an entry's blinding notice and disclosure itself; any other theme
  (Pelican's own, a site's) may not know them, so each page that shows an entry's text lacks
  them gets them: the notice before the text, the disclosure after it (:func:`complete`).
- Pages asked for between :meth:`TrialblogWriter.open_batch` and :meth:`~TrialblogWriter.flush`
  (Pelican's own articles and pages, and the trial and directory pages) are rendered on every core,
  then written here by Pelican's writer, in order: every page goes through Pelican's own writing,
  and every ``content_written`` receiver sees every page.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from typing import Any

from markupsafe import escape
from pelican.writers import Writer

from .cores import cores, streamed

NOTICE = '<aside class="trialblog-notice" role="note"><p><strong>Blinded:</strong> {}</p></aside>\n'
DISCLOSURE = '\n<aside class="trialblog-disclosure" role="note"><p><strong>Disclosure:</strong> {}</p></aside>'


#: Pages rendered together at most: what they hold waits in memory until they are written.
BATCH = 2000
#: The writer of the run in progress (a run makes one).
current: TrialblogWriter | None = None


class TrialblogWriter(Writer):
    """Pelican's :class:`~pelican.writers.Writer`; each page is completed by :func:`complete`."""

    def __init__(self, *args: Any, **kwargs: Any):
        global current
        super().__init__(*args, **kwargs)
        self.batch: list[tuple[Any, ...]] | None = None
        current = self

    def write_file(self, name: str, template: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        if template is not None:
            template = _Completed(template, context)
        if self.batch is None or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        self.batch.append((name, template, context, args, kwargs))
        if len(self.batch) >= BATCH:
            self.flush()
            self.open_batch()
        return None

    def open_batch(self) -> None:
        """Render the pages asked for from now on together, on every core (when there are several)."""
        if self.batch is None and cores(self.settings) > 1:
            self.batch = []

    def flush(self) -> None:
        """Render the pages asked for since :meth:`open_batch` on every core; write each here, in
        order, as it comes."""
        jobs, self.batch = self.batch or [], None
        if len(jobs) < 2:  # not worth another process
            for name, template, context, args, kwargs in jobs:
                super().write_file(name, template, context, *args, **kwargs)
            return
        with tempfile.TemporaryDirectory(prefix="trialblog-render-", dir=SCRATCH) as scratch:
            render = functools.partial(_render, self.settings, scratch)
            for (name, template, context, args, kwargs), pages in zip(jobs, streamed(render, jobs, cores(self.settings)), strict=True):
                super().write_file(name, _Rendered(template, pages), context, *args, **kwargs)

    @contextlib.contextmanager
    def batched(self) -> Iterator[None]:
        """Pages asked for inside are rendered together (see :meth:`open_batch`)."""
        self.open_batch()
        yield
        self.flush()


#: Where the rendering processes let Pelican's writer write its (empty) files: memory, where there is such a folder.
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else None


def _render(settings: dict[str, Any], scratch: str, job: tuple[Any, ...]) -> dict[str, str]:
    """The pages one ``write_file`` call makes, by their names, rendered as Pelican's writer does
    (its files, left empty, go to a folder of this process under ``scratch``)."""
    name, template, context, args, kwargs = job
    pages: dict[str, str] = {}
    folder = os.path.join(scratch, str(os.getpid()))
    Writer(folder, settings=settings).write_file(name, _Captured(template, pages), context, *args, **kwargs)
    return pages


class _Captured:
    """A template whose pages are kept (by name), the files themselves left empty."""

    def __init__(self, template: Any, pages: dict[str, str]):
        self.template, self.pages = template, pages

    def render(self, values: dict[str, Any], *args: Any, **kwargs: Any) -> str:
        self.pages[values["output_file"]] = self.template.render(values, *args, **kwargs)
        return ""


class _Rendered:
    """A template whose pages were rendered already (by name)."""

    def __init__(self, template: Any, pages: dict[str, str]):
        self.template, self.pages = template, pages

    def render(self, values: dict[str, Any], *args: Any, **kwargs: Any) -> str:
        html = self.pages.get(values["output_file"])
        return html if html is not None else self.template.render(values, *args, **kwargs)


def open_batch(generator: Any, **_: Any) -> None:
    """``article_generator_write_article`` / ``page_generator_write_page``: the generator's pages
    are rendered together."""
    if current is not None:
        current.open_batch()


def flush(generator: Any, writer: Any = None, **_: Any) -> None:
    """``article_writer_finalized`` / ``page_writer_finalized``: write what was rendered together."""
    if isinstance(writer, TrialblogWriter) and writer.batch is not None:
        writer.flush()


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


def together(writer: Any) -> contextlib.AbstractContextManager[None]:
    """Render the pages a generator asks ``writer`` for together, when ``writer`` can."""
    return writer.batched() if isinstance(writer, TrialblogWriter) else contextlib.nullcontext()
