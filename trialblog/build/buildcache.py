"""What one build may reuse from the last: per-file results and, when nothing changed, everything.

- Trial records and diary headers are loaded once per distinct file content.
- The safety checks run once per distinct document, with the code, the settings and every trial
  record in the key (a document's findings depend on its trial's dates).
- Pelican's reader cache keeps rendered Markdown, in a folder named after the code, settings and
  theme, so it can never serve a page made with other settings.
- When the fingerprint of every input matches the last successful build and ``output/`` is as
  that build left it, there is nothing to do.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from ..content.site import DIARY_DIR, TRIAL_SUFFIXES, TRIALS_DIR
from .cache import CACHE_DIR, Cache
from .fingerprint import (
    build_date,
    code_digest,
    digest,
    file_digests,
    files_digest,
    settings_digest,
    tree_digest,
)
from .reuse import Reuse

STATE_FILE = "last-build.pickle"  # small: read by every build
RESULT_FILE = "last-result.pickle"  # the whole result: read only when nothing changed


def plugin_digest(settings: dict) -> str:
    """The code of every plugin the site lists (ours are in ``code_digest`` already)."""
    parts = []
    for name in settings.get("PLUGINS") or []:
        name = name if isinstance(name, str) else getattr(name, "__name__", repr(name))
        spec = importlib.util.find_spec(name) if isinstance(name, str) else None
        if spec and spec.origin and spec.origin not in ("built-in", "frozen"):
            parts.append(tree_digest(Path(spec.origin).parent))
        else:
            parts.append(name)
    return digest(*parts)


def output_digest(output: Path) -> str:
    """Names, sizes and modification times of everything in ``output`` (cheap: no reading)."""
    if not output.is_dir():
        return "absent"
    entries: list[str] = []
    _stamps(str(output), "", entries)
    return digest(*entries)


def _stamps(folder: str, prefix: str, entries: list[str]) -> None:
    with os.scandir(folder) as found:
        items = sorted(found, key=lambda e: e.name)
    for entry in items:
        if entry.is_dir(follow_symlinks=False):
            _stamps(entry.path, f"{prefix}{entry.name}/", entries)
        else:
            stat = os.stat(entry.path)
            entries.append(f"{prefix}{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}")


@dataclass
class Remembered:
    """What the last successful build reported, shown again when nothing changed, and what a
    build with the same code, settings and theme may copy from its output."""

    fingerprint: str
    output: str
    setup: str = ""
    outline: str = ""
    bodies: dict = field(default_factory=dict)


def _write(path: Path, value: object) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(pickle.dumps(value, protocol=5))
    temp.replace(path)


class BuildCache:
    """The caches of one site, keyed for one build's settings."""

    def __init__(self, site_dir: Path, settings: dict, publish: bool):
        self.folder = site_dir / CACHE_DIR
        content = Path(settings["PATH"])
        theme = Path(settings["THEME"])
        code = digest(code_digest(), plugin_digest(settings))
        setup = digest(code, settings_digest(settings), tree_digest(theme))
        self.setup = setup
        self.build_day = build_date(settings).isoformat()
        diary = content / DIARY_DIR
        known = file_digests(content) if content.is_dir() else {}
        self.file_digests = known  # for the checks: a document's findings are cached by its bytes
        diary_prefix = os.fspath(diary) + os.sep
        self.others = digest(  # everything in content/ but the diary entries, and the build date
            setup,
            files_digest((p for p in known if not os.fspath(p).startswith(diary_prefix)), content, known),
            self.build_day,
            str(publish),
        )
        trials = files_digest(
            (p for s in TRIAL_SUFFIXES for p in (content / TRIALS_DIR).glob(f"*{s}")), content, known
        )
        self.trials = Cache(self.folder, "trials", code)
        self.entries = Cache(self.folder, "entries", code)
        self.checks = Cache(self.folder, "checks", digest(setup, trials))
        self.pelican_folder = self.folder / f"pelican-{setup[:16]}"
        self.fingerprint = digest(setup, files_digest(known, content, known), self.build_day, str(publish))
        self.state = self._state()
        self._previous_output: tuple[Path, str] | None = None

    def pelican_settings(self, settings: dict) -> dict:
        """Pelican's reader cache, in a folder only this code, these settings and theme use,
        and a bytecode cache for the templates (each keyed by its source, so never stale)."""
        templates = self.pelican_folder / "templates"
        templates.mkdir(parents=True, exist_ok=True)
        jinja = {
            **settings.get("JINJA_ENVIRONMENT", {}),
            "bytecode_cache": FileSystemBytecodeCache(str(templates)),
        }
        return {
            "JINJA_ENVIRONMENT": jinja,
            "CACHE_PATH": str(self.pelican_folder),
            "CACHE_CONTENT": True,
            "LOAD_CONTENT_CACHE": True,
            "CONTENT_CACHING_LAYER": "reader",
            "CHECK_MODIFIED_METHOD": "md5",
            "GZIP_CACHE": False,
        }

    def _state(self) -> Remembered | None:
        try:
            with (self.folder / STATE_FILE).open("rb") as handle:
                state = pickle.load(handle)
        except Exception:  # no state, or an unreadable one: nothing to reuse
            return None
        return state if isinstance(state, Remembered) else None

    def unchanged(self, output: Path) -> object | None:
        """The last build's result when every input and ``output/`` are as it left them."""
        state = self.state
        if (
            state is None
            or state.fingerprint != self.fingerprint
            or state.output != self._output_before(output)
        ):
            return None
        try:
            with (self.folder / RESULT_FILE).open("rb") as handle:
                fingerprint, result = pickle.load(handle)
        except Exception:  # no result kept, or an unreadable one: build again
            return None
        return result if fingerprint == self.fingerprint else None

    def _output_before(self, output: Path) -> str:
        """``output_digest`` of ``output`` as this build found it (worked out once)."""
        if self._previous_output is None or self._previous_output[0] != output:
            self._previous_output = (output, output_digest(output))
        return self._previous_output[1]

    def reuse(self, output: Path) -> Reuse:
        """What this build may copy from ``output/``: only what a build with the same code,
        settings and theme wrote there, untouched since."""
        state = self.state
        valid = (
            state is not None and state.setup == self.setup and state.output == self._output_before(output)
        )
        if not valid:
            return Reuse(None, None, {})
        return Reuse(output, state.outline, state.bodies)  # type: ignore[union-attr]

    def save_content(self) -> None:
        """Keep the trial records and entries loaded (complete once the content is validated)."""
        self.trials.save()
        self.entries.save()

    def save(self, output: Path, result: object, reuse: Reuse | None = None) -> None:
        """Keep this build's results for the next one; drop other settings' Pelican caches."""
        for cache in (self.trials, self.entries, self.checks):
            cache.save()  # each writes only what it has not written yet
        for stale in self.folder.glob("pelican-*"):
            if stale != self.pelican_folder:
                shutil.rmtree(stale, ignore_errors=True)
        _write(self.folder / RESULT_FILE, (self.fingerprint, result))
        state = Remembered(
            self.fingerprint,
            output_digest(output),
            self.setup,
            reuse.outline if reuse else "",
            reuse.bodies if reuse else {},
        )
        _write(self.folder / STATE_FILE, state)

    def stats(self) -> str:
        return json.dumps({n: (c.hits, c.misses) for n, c in
                           (("trials", self.trials), ("entries", self.entries), ("checks", self.checks))})  # fmt: skip
