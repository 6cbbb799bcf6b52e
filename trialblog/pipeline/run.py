"""What one Pelican run has read, modelled and found: the plugins' state, reset at each run.

The state belongs to the run's context (the dict Pelican shares among its generators, made anew
by every ``Pelican.run``), so ``pelican -r`` and ``trialblog serve`` never see an earlier run's
model. After the run, :func:`last` gives its results to the caller (``trialblog build``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..checks import Report
    from ..content.site import Site


@dataclass(eq=False)
class Run:
    context: dict[str, Any]
    settings: dict[str, Any]
    site: Site | None = None
    articles: list[Any] = field(default_factory=list)  # every article read: drafts, hidden, translations
    pages: list[Any] = field(default_factory=list)  # every page read
    report: Report | None = None
    published: dict[str, Any] | None = None  # what `trialblog syndicate` may announce
    extra: dict[str, Any] = field(default_factory=dict)  # a plugin's own state for this run


_current: Run | None = None


def run_of(context: dict[str, Any], settings: dict[str, Any]) -> Run:
    """The state of the run whose context is ``context`` (a new run starts a new state)."""
    global _current
    if _current is None or _current.context is not context:
        _current = Run(context, settings)
    return _current


def last() -> Run | None:
    """The state of the latest run (its results, once it ended)."""
    return _current


def forget() -> None:
    """Start afresh: the next run's results will not be mistaken for an earlier one's."""
    global _current
    _current = None
