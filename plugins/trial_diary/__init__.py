"""Trial diary: trial records, consent notes and diary entries as linked pages."""

from .trial_diary import TrialGenerator, register

__all__ = ["TrialGenerator", "register"]
