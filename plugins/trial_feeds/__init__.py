"""Trial feeds: site-wide, per-trial and per-condition Atom and RSS feeds of diary entries."""

from .trial_feeds import FeedsGenerator, register

__all__ = ["FeedsGenerator", "register"]
