"""Trial directory: recruiting trials with facet pages, condition pages, recruiting feeds and search."""

from .trial_directory import DirectoryGenerator, register

__all__ = ["DirectoryGenerator", "register"]
