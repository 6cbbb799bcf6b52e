"""Using every core: Pelican's run with its output phase shared between forked processes,
and a fork-based map for per-file work.

Each page is rendered by exactly one process (chosen by a stable hash of its path), so the
output is the same, byte for byte, as a one-process build. Signals that need the whole
site (``finalized``: search index, sitemap, photos) run once, after every process finished.
"""

from __future__ import annotations

import json
import logging
import os
import traceback
import zlib
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import blinker
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator, TemplatePagesGenerator

from .background import Background, fork_is_safe
from .frozen_urls import SHORTCUTS, freeze_urls
from .reuse import Reuse, ReusingWriter

T = TypeVar("T")
R = TypeVar("R")

# Generators whose files all go through ``writer.write_file`` or check ``owns()`` first.
SHARED_OUTPUT: tuple[type, ...] = (ArticlesGenerator, PagesGenerator, TemplatePagesGenerator)

#: Sent with the Pelican object once every process has written the pages of the generators
#: that declare ``output_first = True`` (the trial pages), while the rest is still rendering:
#: the search index can be started on them then.
first_pages_written = blinker.signal("trialblog_first_pages_written")


def workers_available() -> int:
    """Processes worth forking: one per core, and none while other threads run (fork is unsafe then)."""
    if not fork_is_safe():
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class PartitionedWriter:
    """A Pelican writer that renders only the files belonging to process ``index`` of ``count``."""

    def __init__(self, writer: Any, index: int, count: int):
        self._writer, self.index, self.count = writer, index, count

    def owns(self, path: str) -> bool:
        return zlib.crc32(os.path.normpath(path).encode()) % self.count == self.index

    def write_file(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if self.owns(name):
            return self._writer.write_file(name, *args, **kwargs)
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)


def first_process(writer: Any) -> bool:
    """Whether this is the process the build continues in (always, unless output is shared)."""
    return getattr(writer, "index", 0) == 0


def owns(writer: Any, path: str) -> bool:
    """Whether this process writes ``path`` (always, unless the output phase is shared)."""
    check = getattr(writer, "owns", None)
    return True if check is None else check(path)


def run_pelican(
    pelican: Any,
    workers: int = 1,
    shared: tuple[type, ...] = SHARED_OUTPUT,
    reuse: Reuse | None = None,
    outline_extra: str = "",
    written: Callable[[], None] | None = None,
) -> None:
    """``Pelican.run()`` without its console summary, with the output phase over ``workers``.

    Generators that are not known to share their output (``shared`` or a ``shares_output``
    attribute) write everything, in the first process only. ``written`` is called once every
    page is written, before the ``finalized`` signal, whose receivers may wait (for the search
    index): work that needs no more than the pages can be done in that time.
    """
    context = pelican.settings.copy()
    context["generated_content"] = {}
    context["static_links"] = set()
    context["static_content"] = {}
    context["localsiteurl"] = pelican.settings["SITEURL"]
    generators = [
        cls(context=context, settings=pelican.settings, path=pelican.path, theme=pelican.theme,
            output_path=pelican.output_path)
        for cls in pelican._get_generator_classes()
    ]  # fmt: skip
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
        if hasattr(generator, "check_disabled_readers"):
            generator.check_disabled_readers()
    signals.all_generators_finalized.send(generators)
    for generator in generators:
        if hasattr(generator, "refresh_metadata_intersite_links"):
            generator.refresh_metadata_intersite_links()
    if pelican.settings.get(SHORTCUTS, True):
        freeze_urls(generators)
    writer = pelican._get_writer()
    if reuse is not None and reuse.previous_output:
        reuse.measure(context, outline_extra)
        if reuse.active:
            writer = ReusingWriter(writer, reuse)
    first, rest = _output_order(generators)
    if workers <= 1:
        for generator in first:
            generator.generate_output(writer)
        first_pages_written.send(pelican)
        for generator in rest:
            generator.generate_output(writer)
    else:
        _shared_output(pelican, first, rest, writer, workers, shared)
    if reuse is not None and not reuse.previous_output:
        # Nothing to reuse: the outline is only for the next build, made while Pagefind works.
        reuse.measure(context, outline_extra)
    if written is not None:
        written()
    signals.finalized.send(pelican)


def _output_order(generators: list) -> tuple[list, list]:
    """The generators that write output: those declaring ``output_first``, then the others."""
    writing = [g for g in generators if hasattr(g, "generate_output")]
    first = [g for g in writing if getattr(g, "output_first", False)]
    return first, [g for g in writing if g not in first]


def _output(generators: list, writer: Any, index: int, count: int, shared: tuple[type, ...]) -> None:
    partitioned = PartitionedWriter(writer, index, count)
    for generator in generators:
        if isinstance(generator, shared) or getattr(generator, "shares_output", False):
            generator.generate_output(partitioned)
        elif index == 0:
            generator.generate_output(writer)


def _shared_output(
    pelican: Any, first: list, rest: list, writer: Any, count: int, shared: tuple[type, ...]
) -> None:
    children = []
    for index in range(1, count):
        read_end, write_end = os.pipe()
        progress_read, progress_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: render its share, report its log records, never return
            os.close(read_end)
            os.close(progress_read)
            status = 0
            report: dict[str, Any] = {"records": [], "error": None, "copied": 0}
            try:
                collector = _Records()
                logging.getLogger("pelican").addHandler(collector)
                copied = _copied(writer)
                _output(first, writer, index, count, shared)
                os.write(progress_write, b"1")  # this share of the first pages is written
                os.close(progress_write)
                _output(rest, writer, index, count, shared)
                report["records"] = collector.records
                report["copied"] = _copied(writer) - copied
            except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
                report["error"] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
                status = 1
            finally:
                with os.fdopen(write_end, "w") as pipe:
                    json.dump(report, pipe)
                os._exit(status)
        os.close(write_end)
        os.close(progress_write)
        children.append((pid, read_end, progress_read))
    unread = [progress for _, _, progress in children]
    try:
        _output(first, writer, 0, count, shared)
        ready = [_read_progress(unread.pop()) for _ in list(unread)]
        if all(ready):
            first_pages_written.send(pelican)
        _output(rest, writer, 0, count, shared)
    finally:
        for progress in unread:  # the first pages failed in this process: never read
            os.close(progress)
        problems = []
        for pid, read_end, _ in children:
            with os.fdopen(read_end) as pipe:
                text = pipe.read()
            os.waitpid(pid, 0)
            report = json.loads(text) if text else {"records": [], "error": "a build process stopped"}
            for level, message in report["records"]:
                logging.getLogger("pelican").log(level, "%s", message)
            if isinstance(writer, ReusingWriter):
                writer.reuse.copied += report.get("copied", 0)
            if report["error"]:
                problems.append(report["error"])
    if problems:
        raise RuntimeError("a build process failed: " + problems[0])


def _copied(writer: Any) -> int:
    """How many pages ``writer`` has linked from the last build so far."""
    return writer.reuse.copied if isinstance(writer, ReusingWriter) else 0


def _read_progress(progress: int) -> bool:
    """Wait for a child's word that its first pages are written (False if it stopped first)."""
    with os.fdopen(progress, "rb") as pipe:
        return pipe.read(1) == b"1"


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def fork_map(func: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[func(x) for x in items]`` over ``workers`` processes: this one and ``workers - 1``
    forked ones (whose results must pickle).

    Each process takes every ``workers``-th item, so long and short items are spread evenly;
    this process works on its own share instead of waiting, and only the others' results are
    pickled. An exception is raised here, as ``func`` raised it.
    """
    if workers <= 1 or len(items) < 2 * workers:
        return [func(item) for item in items]
    others: list[Background[list[R]]] = []
    try:
        for index in range(1, workers):
            share = items[index::workers]
            others.append(Background(lambda share=share: [func(item) for item in share], 0, group=False))
        results: list[Any] = [None] * len(items)
        results[0::workers] = [func(item) for item in items[0::workers]]
        for index, other in enumerate(others, start=1):
            results[index::workers] = other.result()
    except BaseException:
        for other in others:
            other.cancel()
        raise
    return results
