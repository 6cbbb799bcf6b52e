"""What a long command is doing, as it does it: one line rewritten on a terminal, plain lines
otherwise; repeated messages told once."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

#: How often, at most, a rewritten line changes (seconds).
EVERY = 0.1


class Progress:
    """Phases and counts of one run, on ``stream``: rewritten in place when ``live`` (a terminal),
    else one line per phase; nothing at all when ``silent``. Each phase counts afresh."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None, silent: bool = False):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.silent = silent
        self.started = time.monotonic()
        self.name = ""
        self.counts: Counter[str] = Counter()
        self.shown_at = 0.0
        self.width = 0
        self.pid = os.getpid()  # processes forked to share the work say nothing

    def phase(self, name: str) -> None:
        """A new step of the work."""
        if self.silent or name == self.name or os.getpid() != self.pid:
            return
        self.name = name
        self.counts.clear()
        self._say(f"{name}…", final=not self.live)

    def count(self, what: str, step: int = 1) -> None:
        """One more ``what`` done in this phase (shown on a terminal, with the phase's other counts)."""
        self.counts[what] += step
        now = time.monotonic()
        if self.live and not self.silent and now - self.shown_at >= EVERY and os.getpid() == self.pid:
            self.shown_at = now
            counted = ", ".join(f"{n:,} {w}" for w, n in self.counts.items())
            self._say(f"{self.name}: {counted}", final=False)

    def above(self, echo: Callable[[str], None]) -> Callable[[str], None]:
        """``echo`` for lines said during the run: the rewritten line is cleared first, so a line
        is never drawn over it (the next count draws it again, below)."""

        def say(text: str) -> None:
            self.done()
            echo(text)

        return say

    def elapsed(self) -> str:
        return f"{time.monotonic() - self.started:.1f} s"

    def done(self) -> None:
        """End the rewritten line, so what follows starts on its own."""
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
        self.width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.done()  # what follows, an error too, starts on a line of its own

    def _say(self, text: str, final: bool) -> None:
        if self.live:
            self.stream.write("\r" + text.ljust(self.width))
            self.width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    @contextlib.contextmanager
    def watching_pelican(self) -> Iterator[None]:
        """Follow one Pelican run through its signals: reading, checking, writing, finishing."""
        from pelican import signals

        def read(_content: Any) -> None:
            self.phase("reading")
            self.count("files")

        def checking(_generators: Any) -> None:
            self.phase("checking")

        def written(_path: Any, **_kwargs: Any) -> None:
            self.phase("writing")
            self.count("pages")

        def finishing(_pelican: Any) -> None:
            self.phase("finishing: search index, sitemap, photos")

        # Checking starts when the last generator (the static files') has read its files: the
        # pipeline's own receiver of all_generators_finalized may run first, and end a check run.
        receivers = [(signals.content_object_init, read), (signals.static_generator_finalized, checking),
                     (signals.all_generators_finalized, checking), (signals.content_written, written),
                     (signals.finalized, finishing)]  # fmt: skip
        for signal, receiver in receivers:
            signal.connect(receiver, weak=False)
        try:
            yield
        finally:
            for signal, receiver in receivers:
                signal.disconnect(receiver)
            self.done()


def counted(messages: Iterable[str]) -> list[str]:
    """Messages once each, in order, a repeated one with how many times: ``… (×12)``."""
    totals = Counter(messages)
    return [m if totals[m] == 1 else f"{m} (×{totals[m]})" for m in dict.fromkeys(totals)]
