"""Progress of a sync: one line rewritten in place on a terminal, plain lines otherwise."""

from __future__ import annotations

from typing import TextIO

from .ctgov_api import Page


class ProgressLine:
    """Reports pages and studies fetched to ``stream``."""

    def __init__(self, stream: TextIO, terminal: bool | None = None):
        self.stream = stream
        self.terminal = stream.isatty() if terminal is None else terminal
        self.totals: dict[str, int] = {}
        self.width = 0

    def __call__(self, page: Page, studies: int) -> None:
        if page.total is not None:
            self.totals[page.query] = page.total
        total = self.totals.get(page.query)
        of = f" of {total:,}" if total is not None else ""
        count = len(page.studies)
        text = f"{page.query}: page {page.number}, {count} stud{'y' if count == 1 else 'ies'}{of}; {studies:,} in all"
        if self.terminal:
            self.stream.write("\r" + text.ljust(self.width))
            self.width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def done(self) -> None:
        """End the rewritten line, so what follows starts on its own."""
        if self.terminal and self.width:
            self.stream.write("\n")
            self.stream.flush()
        self.width = 0
