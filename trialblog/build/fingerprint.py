"""The whole build's fingerprint: when nothing changed, there is nothing to build.

It covers every input of a build: the content (every file under ``PATH``), the settings as Pelican
read them and the site's own Python files (``pelicanconf.py``, what it imports), the theme and
``THEME_TEMPLATES_OVERRIDES``, the code of every plugin the site lists (a single-file plugin by its
own file), trialblog's code and the libraries that render, the build date and whether the build is
published. With the state of ``output/`` as the last build left it, a match means the same site.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import write_atomic
from ..pipeline.cache import code_digest, digest, tree_digest
from ..pipeline.settings import build_date

STATE = Path(".trialblog") / "cache" / "last-build.pickle"
#: Settings a build sets for itself: not inputs.
BUILD_KEYS = {"OUTPUT_PATH", "TRIALBLOG_PREVIOUS_OUTPUT", "TRIALBLOG_ALLOW_ERRORS", "TRIALBLOG_RECORD_AFTER_SWAP", "DELETE_OUTPUT_DIRECTORY",
              "CACHE_PATH", "CACHE_CONTENT", "LOAD_CONTENT_CACHE"}  # fmt: skip
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def files_digest(root: Path) -> str:
    """Names (relative to ``root``) and contents of every file under ``root``, linked folders
    followed as Pelican follows them (each folder once)."""
    parts: list[bytes | str] = []
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                with open(path, "rb") as handle:
                    parts += [os.path.relpath(path, root).replace(os.sep, "/"), handle.read()]
    return digest(*parts)


def _stable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(_stable(v)) for v in value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
    return _ADDRESS.sub("", repr(value))


def settings_digest(settings: dict[str, Any]) -> str:
    """The settings as a build sees them (imports and defaults count, not only the files)."""
    stable = {k: _stable(v) for k, v in settings.items() if k not in BUILD_KEYS}
    return digest(json.dumps(stable, sort_keys=True, default=str))


def plugin_code(settings: dict[str, Any], site: Path) -> str:
    """The code of every plugin the site lists: a package's folder, a single-file plugin's file."""
    paths = [str(site / p) for p in settings.get("PLUGIN_PATHS") or ()]
    parts = []
    for plugin in settings.get("PLUGINS") or ():
        name = plugin if isinstance(plugin, str) else getattr(plugin, "__name__", repr(plugin))
        spec = importlib.machinery.PathFinder.find_spec(name, paths) if paths else None
        try:
            spec = spec or importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec and spec.origin not in (None, "built-in", "frozen") else None
        if origin is None:
            parts.append(name)
        elif spec and spec.submodule_search_locations:
            parts.append(tree_digest(Path(origin).parent, (".py",)))
        else:
            parts.append(tree_digest(Path(origin)))
    return digest(*parts)


def setup_digest(settings: dict[str, Any], site: Path) -> str:
    """Everything but the content that shapes the pages: code, plugins, settings, theme, templates."""
    templates = [tree_digest(site / p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]
    own_code = [tree_digest(p) for p in sorted(site.glob("*.py"))]
    return digest(
        code_digest(), plugin_code(settings, site), settings_digest(settings), tree_digest(Path(settings["THEME"])),
        *templates, *own_code,
    )  # fmt: skip


def output_digest(output: Path) -> str:
    """Names, sizes and modification times of everything in ``output`` (cheap: nothing is read)."""
    if not output.is_dir():
        return "absent"
    parts: list[str] = []
    for folder, dirs, files in os.walk(output):
        dirs.sort()
        for name in sorted(files):
            stat = os.stat(os.path.join(folder, name), follow_symlinks=False)
            parts.append(f"{os.path.relpath(folder, output)}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return digest(*parts)


@dataclass
class Last:
    """What the last successful build left: its fingerprint, its output's state, its setup and result."""

    fingerprint: str
    output: str
    setup: str
    result: Any


class Fingerprint:
    """The fingerprint of one build of the site in ``site`` with ``settings``."""

    def __init__(self, site: Path, settings: dict[str, Any], publish: bool):
        self.state = site / STATE
        self.setup = setup_digest(settings, site)
        content = files_digest(Path(settings["PATH"]))
        self.value = digest(self.setup, content, build_date(settings).isoformat(), str(publish))
        self.last = self._load()

    def _load(self) -> Last | None:
        try:
            with self.state.open("rb") as handle:
                last = pickle.load(handle)
        except Exception:  # no state, or an unreadable one: build
            return None
        return last if isinstance(last, Last) else None

    def unchanged(self, output: Path) -> Any | None:
        """The last build's result when every input and ``output/`` are as it left them."""
        last = self.last
        if last is None or last.fingerprint != self.value or last.output != output_digest(output):
            return None
        return last.result

    def reusable(self, output: Path) -> bool:
        """Whether ``output/`` was written by a build with this code, settings and theme, untouched."""
        last = self.last
        return last is not None and last.setup == self.setup and last.output == output_digest(output)

    def save(self, output: Path, result: Any) -> None:
        last = Last(self.value, output_digest(output), self.setup, result)
        write_atomic(self.state, pickle.dumps(last, protocol=5))
