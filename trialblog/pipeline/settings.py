"""Checking a site's settings before anything is read or written, and what they mean for a run.

Each plugin checks the settings it reads when Pelican starts (``initialized``): a bad value stops
the run with a message naming the plugin, the setting, the value and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class SettingsError(Exception):
    """A setting has a value trialblog cannot use; nothing was read or written."""


@dataclass(frozen=True)
class Setting:
    """One setting a plugin reads: what it accepts, in words and as a test, and an example."""

    name: str
    accepts: str
    valid: Callable[[Any], bool]
    example: str


def text(name: str, example: str = '"…"') -> Setting:
    return Setting(name, "text", lambda v: isinstance(v, str), example)


def flag(name: str) -> Setting:
    return Setting(name, "True or False", lambda v: isinstance(v, bool), "True")


def whole(name: str, low: int, high: int, example: int) -> Setting:
    return Setting(
        name,
        f"a whole number from {low} to {high}",
        lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high,
        str(example),
    )


def words(name: str, example: str) -> Setting:
    return Setting(
        name,
        "a list of text values",
        lambda v: isinstance(v, (list, tuple)) and all(isinstance(i, str) and i.strip() for i in v),
        example,
    )


def _date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _regions(value: Any) -> bool:
    import phonenumbers

    known = phonenumbers.SUPPORTED_REGIONS
    return isinstance(value, (list, tuple)) and bool(value) and all(str(r).upper() in known for r in value)


def _html(value: Any) -> bool:
    from ..render.sanitize import allowed_html

    try:
        allowed_html(value)
    except ValueError:
        return False
    return True


#: What every trialblog plugin reads (the pipeline's own settings).
COMMON = (
    text("BLINDING_NOTICE"),
    text("DISCLOSURE"),
    Setting("TRIALBLOG_TODAY", "a date written YYYY-MM-DD", _date, '"2025-01-31"'),
    Setting("TRIALBLOG_PHONE_REGIONS", "a list of two-letter region codes", _regions, '["GB", "US"]'),
    words("TRIALBLOG_EXTRA_HEADERS", '["subtitle"]'),
    flag("TRIALBLOG_ALLOW_ERRORS"),
    flag("TRIALBLOG_RECORD_AFTER_SWAP"),
    whole("TRIALBLOG_CORES", 1, 256, 2),
    Setting(
        "TRIALBLOG_ALLOWED_HTML", 'a dict of "tags" (a list) and "attributes" (a dict of lists) that HTML has and '
        "never run a script or load a document", _html, '{"tags": ["kbd"], "attributes": {"abbr": ["title"]}}',
    ),
)


def check(settings: Mapping[str, Any], plugin: str, specs: Iterable[Setting]) -> None:
    """Raise :class:`SettingsError` naming every setting of ``specs`` whose value is not usable."""
    problems = []
    for spec in specs:
        value = settings.get(spec.name)
        if value is not None and not spec.valid(value):
            problems.append(
                f"{plugin}: {spec.name} = {value!r} cannot be used: it must be {spec.accepts}, "
                f"e.g. {spec.name} = {spec.example} in pelicanconf.py"
            )
    if problems:
        raise SettingsError("\n".join(problems))


def site_folder(settings: Mapping[str, Any]) -> Path:
    """The site's folder: the one that holds the content folder (``PATH``)."""
    return Path(os.path.realpath(settings["PATH"])).parent


def protected(settings: Mapping[str, Any]) -> list[tuple[str, Path, bool]]:
    """What a build must never write over: (what it is, where it is, whether an output folder
    inside it is as bad: the content's own folders would be replaced)."""
    site = site_folder(settings)
    found = [("the content (PATH)", Path(settings["PATH"]), True), ("trialblog's records", site / ".trialblog", True)]
    found += [(f"the settings ({name})", site / name, False) for name in ("pelicanconf.py", "publishconf.py")]
    if settings.get("THEME"):
        found.append(("the theme (THEME)", Path(settings["THEME"]), False))
    found += [("templates (THEME_TEMPLATES_OVERRIDES)", Path(p), False) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]
    found += [("plugins (PLUGIN_PATHS)", site / p, False) for p in settings.get("PLUGIN_PATHS") or ()]
    return [(what, Path(os.path.realpath(path)), inside) for what, path, inside in found]


def check_output(settings: Mapping[str, Any], output: str | os.PathLike[str] | None = None) -> None:
    """Refuse an ``OUTPUT_PATH`` that is or holds the content, the settings, the theme, templates,
    plugins or trialblog's records, or lies inside the content: a build replaces its output
    folder whole."""
    from ..content.errors import display_path

    where = Path(os.path.realpath(output if output is not None else settings["OUTPUT_PATH"]))
    site = site_folder(settings)
    for what, path, inside in protected(settings):
        if where == path or where in path.parents or (inside and path in where.parents):
            raise SettingsError(
                f"OUTPUT_PATH is {display_path(where, site)!r}: a build replaces its output folder "
                f"whole, and that would overwrite {what}, {display_path(path, site)!r}. Set OUTPUT_PATH to a "
                'folder of its own, e.g. OUTPUT_PATH = "output" in pelicanconf.py'
            )


def site_paths(settings: dict[str, Any]) -> None:
    """Read relative ``THEME_TEMPLATES_OVERRIDES`` from the site's folder (Pelican reads them from
    wherever it was started), as Pelican reads ``PATH`` and ``PLUGIN_PATHS``."""
    site = site_folder(settings)
    settings["THEME_TEMPLATES_OVERRIDES"] = [str(site / p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]


def build_date(settings: Mapping[str, Any]) -> dt.date:
    """"Today" for a run: TRIALBLOG_TODAY, else SOURCE_DATE_EPOCH, else the clock."""
    value = settings.get("TRIALBLOG_TODAY")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value:
        return dt.date.fromisoformat(str(value))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
