"""`trialblog build`: the friendly front door around one Pelican run.

Pelican reads, trialblog's plugins model and check, Pelican writes (see :mod:`trialblog.pipeline`).
Around that one run the build adds what a writer needs: the output folder checked before anything is
touched, one build at a time, "nothing changed" in a fraction of a second, and an atomic swap: the
site is written into a folder beside ``output/`` that replaces it only when the whole run succeeded,
so an error, an exception or Ctrl-C never leaves a half-written site where a good one was.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..checks.report import Checked, ChecksFailed
from ..content.errors import ContentError, ContentErrors, forget_folders
from ..pipeline import run as pipeline_run
from ..pipeline.settings import SettingsError, check_output
from .fingerprint import Fingerprint
from .output import building, lock, recover, swap_in
from .progress import Progress

if TYPE_CHECKING:
    from ..checks import Report

SETTINGS_FILES = {False: "pelicanconf.py", True: "publishconf.py"}
#: Where the Pelican caches of a site live; each setup (code, settings, theme) has its own folder.
CACHES = Path(".trialblog") / "cache"
#: Loggers whose records a build shows its own way (the checks' findings are in the report).
SHOWN_ELSEWHERE = ("pelican.plugins.trialblog.checks",)


class BuildError(Exception):
    """The build failed; ``output/`` is unchanged."""


@dataclass
class BuildResult:
    output: Path
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    entries: int = 0  # public diary entries
    trials: int = 0
    checks: Report | None = None
    unchanged: bool = False  # nothing changed since the last build: output/ was left as it was


def settings_file(site_dir: Path, publish: bool = False) -> Path:
    path = site_dir / SETTINGS_FILES[publish]
    if not path.is_file():
        hint = "run `trialblog init` to create a site" if not publish else "create it: see README, Publishing"
        raise BuildError(f"{path}: no settings file here; {hint}")
    return path


def load_settings(site_dir: Path, publish: bool = False, override: dict | None = None) -> dict[str, Any]:
    """Pelican settings of the site in ``site_dir`` (``publishconf.py`` when publishing)."""
    from pelican.settings import read_settings

    path = settings_file(site_dir, publish)
    try:
        settings = read_settings(str(path), override=dict(override or {}))
    except Exception as exc:  # a settings file is Python: any error is the writer's to fix
        raise BuildError(f"{path}: could not read the settings: {type(exc).__name__}: {exc}") from None
    for key in ("PATH", "OUTPUT_PATH", "CACHE_PATH"):  # Pelican's defaults are relative to where it runs
        if settings.get(key) and not os.path.isabs(settings[key]):
            settings[key] = str(site_dir / settings[key])
    return settings


class _Collector(logging.Handler):
    """Pelican's warnings and errors during a run (Pelican's own and its plugins')."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name in SHOWN_ELSEWHERE:
            return
        if any(isinstance(arg, (ContentError, ContentErrors)) for arg in record.args or ()):
            return  # a file trialblog's reader refused: in the content errors raised after reading
        self.records.append(record)

    def messages(self, *levels: int) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno in levels]


@contextlib.contextmanager
def pelican_logs() -> Iterator[_Collector]:
    """Pelican's log records of one run, kept for the build to show (not printed by Python)."""
    logger = logging.getLogger("pelican")
    collector = _Collector()
    saved = (logger.propagate, logger.level)
    logger.addHandler(collector)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate, _ = saved
        logger.setLevel(saved[1])


def run_pelican(settings: dict[str, Any], progress: Progress | None = None) -> pipeline_run.Run:
    """One Pelican run with ``settings``, quietly (or followed by ``progress``); the pipeline's record of it."""
    from pelican import Pelican

    pipeline_run.forget()
    watching = progress.watching_pelican() if progress else contextlib.nullcontext()
    try:
        with contextlib.redirect_stdout(io.StringIO()), watching:  # Pelican's summary line: the build has its own
            Pelican(settings).run()
    except SettingsError as exc:
        raise BuildError(str(exc)) from None
    run = pipeline_run.last()
    if run is None:
        raise BuildError("no trialblog plugin ran: list trialblog's plugins in PLUGINS (see the README)")
    return run


def build(
    site_dir: Path,
    publish: bool = False,
    override: dict | None = None,
    allow_errors: bool = False,
    cache: bool = True,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the site in ``site_dir`` into its OUTPUT_PATH, atomically.

    A content error (:class:`ContentErrors`) or a check error (:class:`~trialblog.checks.ChecksFailed`,
    unless ``allow_errors``) stops the build before anything is published. With ``cache`` (the
    default) an unchanged site is not built again, and Pelican's content cache is used.
    """
    site_dir = site_dir.resolve()
    forget_folders()
    settings = load_settings(site_dir, publish, override)
    output = Path(settings["OUTPUT_PATH"])
    try:
        check_output(settings)
    except SettingsError as exc:
        raise BuildError(str(exc)) from None
    with lock(output):
        recover(output)
        fingerprint = Fingerprint(site_dir, settings, publish) if cache else None
        previous = fingerprint.unchanged(output) if fingerprint else None
        if isinstance(previous, BuildResult):
            if previous.checks and previous.checks.errors and not allow_errors:
                raise ChecksFailed(previous.checks)
            return replace(previous, unchanged=True)
        with building(output) as temp:
            settings.update(
                OUTPUT_PATH=str(temp),
                DELETE_OUTPUT_DIRECTORY=False,
                TRIALBLOG_ALLOW_ERRORS=allow_errors,
                TRIALBLOG_RECORD_AFTER_SWAP=True,
                CACHE_CONTENT=cache,
                LOAD_CONTENT_CACHE=cache,
                CONTENT_CACHING_LAYER="reader",
                CHECK_MODIFIED_METHOD="md5",
            )
            if fingerprint:
                settings["CACHE_PATH"] = str(site_dir / CACHES / f"pelican-{fingerprint.setup[:16]}")
                if fingerprint.reusable(output):
                    settings["TRIALBLOG_PREVIOUS_OUTPUT"] = str(output)
            with pelican_logs() as logs:
                run = run_pelican(settings, progress)
            errors = logs.messages(logging.ERROR, logging.CRITICAL)
            if errors:
                raise BuildError("the build stopped on errors:\n" + "\n".join(f"  {e}" for e in errors))
            pages = sum(name.endswith(".html") for _, _, names in os.walk(temp) for name in names)
            swap_in(temp, output)
        from ..pipeline.published import record_addresses
        from ..syndicate.manifest import write_manifest

        record_addresses(settings, run)
        write_manifest(site_dir, run.published, publish)
        assert run.site is not None
        result = BuildResult(
            output=output,
            warnings=logs.messages(logging.WARNING),
            pages=pages,
            checks=run.report,
            entries=sum(1 for entry in run.site.entries.values() if entry.public),
            trials=len(run.site.trials),
        )
        if fingerprint:
            fingerprint.save(output, result)
    return result


def check_site(
    site_dir: Path, publish: bool = False, override: dict | None = None, progress: Progress | None = None
) -> Report:
    """The findings of the checks on everything Pelican would publish (``trialblog check``):
    a Pelican run with the site's settings that stops before writing anything."""
    import tempfile

    site_dir = site_dir.resolve()
    forget_folders()
    settings = load_settings(site_dir, publish, override)
    with tempfile.TemporaryDirectory(prefix="trialblog-check-") as nowhere, pelican_logs():
        settings.update(OUTPUT_PATH=nowhere, DELETE_OUTPUT_DIRECTORY=False, TRIALBLOG_CHECK_ONLY=True)
        try:
            run_pelican(settings, progress)
        except Checked as done:
            return done.report
    raise BuildError("the checks did not run: list trialblog's plugins in PLUGINS (see the README)")
