"""trialblog: a participant's clinical-trial diary as a static site, built on Pelican."""

from __future__ import annotations

import importlib.util
from pathlib import Path

__version__ = "0.1.0"

PLUGINS = [
    "trialblog_plugins.trial_diary",
    "trialblog_plugins.trial_feeds",
    "trialblog_plugins.trial_sitemap",
    "trialblog_plugins.trial_directory",
    "trialblog_plugins.photo_privacy",
]


def theme_path() -> str:
    """Filesystem path of the bundled ``trialblog`` theme (``themes/trialblog`` in the source)."""
    spec = importlib.util.find_spec("trialblog_theme")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the trialblog theme is not installed; reinstall trialblog")
    for location in spec.submodule_search_locations:
        if (Path(location) / "templates").is_dir():
            return str(Path(location))
    raise ModuleNotFoundError("the trialblog theme has no templates folder; reinstall trialblog")
