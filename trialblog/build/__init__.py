"""Building a site: validate the content, run Pelican into a temporary folder, swap it in.

The previous ``output/`` is replaced only when the whole build succeeded, so an error, an
exception or Ctrl-C never leaves a half-written site where a good one was.
"""

from __future__ import annotations

import fcntl
import gc
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.errors import ContentError, ContentErrors, forget_folders
from ..content.site import Site, load_site
from ..syndicate.manifest import PUBLISHED_KEY, write_manifest
from .background import Background, remove_detached, stop_all
from .buildcache import BuildCache
from .cache import Cache
from .frozen_urls import SHORTCUTS
from .parallel import run_pelican, workers_available
from .readercache import prewarm_readers, slim_reader_cache, stamp_by_digest
from .reuse import Reuse

if TYPE_CHECKING:  # the checks are imported where they run (beside the build, when forked)
    from ..checks import Report

SETTINGS_FILES = {False: "pelicanconf.py", True: "publishconf.py"}


class BuildError(Exception):
    """The build failed; ``output/`` is unchanged."""


class ChecksFailed(BuildError):
    """The participant-safety checks found errors, so nothing was built (see docs/checks.md)."""

    def __init__(self, report: Report):
        self.report = report
        super().__init__(report)

    def __str__(self) -> str:
        from ..checks import as_text, summary

        return f"{as_text(self.report)}\n{summary(self.report)}\n{REFUSAL}"


REFUSAL = (
    "refusing to build: fix the errors, silence a finding with a stated reason, "
    "or build anyway with --allow-errors"
)


@dataclass
class BuildResult:
    output: Path
    site: Site | None  # the content loaded; None when nothing changed (nothing was loaded)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    entries: int = 0  # public diary entries
    trials: int = 0
    checks: Report | None = None
    unchanged: bool = False  # nothing changed since the last build: output/ was left as it was
    reused: int = 0  # pages linked unchanged from the previous build, by every build process


def settings_file(site_dir: Path, publish: bool = False) -> Path:
    path = site_dir / SETTINGS_FILES[publish]
    if not path.is_file():
        hint = "run `trialblog init` to create a site" if not publish else "create it: see README, Publishing"
        raise BuildError(f"{path}: no settings file here; {hint}")
    return path


def load_settings(site_dir: Path, publish: bool = False, override: dict | None = None) -> dict:
    """Pelican settings of the site in ``site_dir`` (``publishconf.py`` when publishing)."""
    from pelican.settings import read_settings

    path = settings_file(site_dir, publish)
    try:
        return read_settings(str(path), override=dict(override or {}))
    except Exception as exc:  # a settings file is Python: any error is the writer's to fix
        raise BuildError(f"{path}: could not read the settings: {type(exc).__name__}: {exc}") from None


def validate(settings: dict, cache: BuildCache | None = None, workers: int = 1) -> Site:
    """Load the content model strictly; raises ContentErrors."""
    content = Path(settings["PATH"])
    if not content.is_dir():
        raise ContentErrors(
            [
                ContentError(
                    str(content),
                    None,
                    None,
                    "the content folder does not exist",
                    "check PATH in pelicanconf.py",
                )
            ]
        )
    if cache is None:
        return load_site(content, content.parent, None, workers)
    return load_site(content, content.parent, (cache.trials, cache.entries), workers, cache.file_digests)


class _Collector(logging.Handler):
    """Collects Pelican's warnings and errors during a build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def messages(self, level: int) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno == level]


@contextmanager
def _pelican_logs() -> Iterator[_Collector]:
    """Pelican's warnings and errors of this build.

    Pelican shows a message once per process; each build here starts afresh, so a second build
    in the same process (``trialblog serve``, the tests) reports its own warnings too.
    """
    from pelican.log import LimitFilter

    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    logger = logging.getLogger("pelican")
    collector = _Collector()
    saved = (logger.handlers[:], logger.propagate, logger.level)
    logger.handlers[:] = [collector]
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield collector
    finally:
        logger.handlers[:], logger.propagate, _ = saved
        logger.setLevel(saved[2])


#: Objects allocated between two collections of the youngest generation (Python's default is
#: 700): a build allocates millions of objects that live to its end, and each collection of the
#: older generations walks all of them.
ALLOCATIONS_PER_COLLECTION = 50_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often during a build (about 5 % of its time, measured)."""
    saved = gc.get_threshold()
    gc.set_threshold(ALLOCATIONS_PER_COLLECTION, *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)


@contextmanager
def build_lock(output: Path) -> Iterator[None]:
    """One build at a time per output folder; a second one stops with a clear message."""
    lock_path = output.parent / f".{output.name}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"another build of {output} is running; wait for it to finish and try again"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _recover(output: Path) -> None:
    """If a previous swap was interrupted, put the last good site back; remove any old site
    a previous build had no time to remove."""
    leftovers = sorted(output.parent.glob(f".{output.name}.old-*"))
    if not output.exists() and leftovers:
        leftovers.pop().rename(output)
    for leftover in leftovers:
        discard(leftover)
    for trash in output.parent.glob(f".{output.name}.trash-*"):
        remove_detached(trash)  # its remover stopped before it finished, or is still at work


def swap_in(built: Path, output: Path) -> Path | None:
    """Replace ``output`` with ``built``; returns the old site, to be removed by the caller once
    the new one is in place (see :func:`discard`)."""
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if output.exists():
        output.rename(old)
    built.rename(output)
    return old if old.exists() else None


def discard(old: Path | None) -> None:
    """Delete an old site without making the build wait for it.

    It is first renamed out of the way (a ``trash-`` name is never taken for a site to put
    back), then removed by a detached process, which goes on after ``trialblog build`` returns;
    a build that finds one left over removes it.
    """
    if old is None or not old.exists():
        return
    trash = old.with_name(f"{old.name.split('.old-')[0]}.trash-{os.getpid()}-{time.monotonic_ns()}")
    old.rename(trash)
    remove_detached(trash)


def run_checks(
    settings: dict, site: Site | None = None, cache: BuildCache | None = None, workers: int = 1
) -> Report:
    """The participant-safety checks of the site's content (docs/checks.md)."""
    from ..checks import check_content

    content = Path(settings["PATH"])
    return check_content(
        content,
        content.parent,
        site=site,
        settings=settings,
        cache=cache.checks if cache else None,
        workers=workers,
        digests=cache.file_digests if cache else None,
    )


def _checked(
    settings: dict, site: Site, caches: BuildCache | None, workers: int
) -> tuple[Report, Cache | None]:
    """The checks' report, and their cache with what this run added (to be saved by the build)."""
    return run_checks(settings, site, caches, workers), caches.checks if caches else None


def _run_pelican(
    settings: dict,
    workers: int,
    reuse: Reuse | None = None,
    outline: str = "",
    written: Callable[[], None] | None = None,
    digests: Mapping[Path, bytes] | None = None,
) -> None:
    """Pelican's run, its Markdown reading and page rendering shared by ``workers`` processes;
    ``written`` is called once the pages are written, while the search index is finished;
    ``digests`` of the content files (see :mod:`trialblog.build.fingerprint`) stamp its caches."""
    from pelican import Pelican, signals

    def prewarm(generator) -> None:
        if settings.get("CACHE_CONTENT"):
            slim_reader_cache(generator.readers)
            if digests is not None:
                stamp_by_digest(digests, generator, generator.readers)
        prewarm_readers(generator, workers)

    signals.article_generator_init.connect(prewarm)
    signals.page_generator_init.connect(prewarm)
    try:
        run_pelican(Pelican(settings), workers, reuse=reuse, outline_extra=outline, written=written)
    finally:
        signals.article_generator_init.disconnect(prewarm)
        signals.page_generator_init.disconnect(prewarm)


def build(
    site_dir: Path,
    publish: bool = False,
    override: dict | None = None,
    allow_errors: bool = False,
    cache: bool = True,
    workers: int | None = None,
) -> BuildResult:
    """Build the site in ``site_dir`` into its OUTPUT_PATH, atomically.

    The content checks run beside the rendering (first, with one worker): an error stops the
    build before anything is published (:class:`ChecksFailed`) unless ``allow_errors``; the
    findings are in the result either way. With ``cache`` (the default) work done by earlier
    builds on identical inputs is reused (see :mod:`trialblog.build.buildcache`); ``cache=False``
    does everything afresh, Pelican's own way (no shortcuts), to the same bytes. ``workers``
    processes share the reading and rendering (default: one per core; 1 renders everything in
    this process).
    """
    site_dir = site_dir.resolve()
    forget_folders()
    settings = load_settings(site_dir, publish, override)
    output = Path(settings["OUTPUT_PATH"])
    with build_lock(output), _fewer_collections():
        _recover(output)
        caches = BuildCache(site_dir, settings, publish) if cache else None
        previous = caches.unchanged(output) if caches else None
        if isinstance(previous, BuildResult):
            if previous.checks and previous.checks.errors and not allow_errors:
                raise ChecksFailed(previous.checks)
            return replace(previous, unchanged=True)
        workers = workers_available() if workers is None else workers
        site = validate(settings, caches, workers)
        beside: Background[tuple[Report, Cache | None]] | None = None
        if workers > 1:  # the checks run beside the rendering; nothing is published until they pass
            beside = Background(lambda: _checked(settings, site, caches, workers))
        else:
            checks = run_checks(settings, site, caches, workers)
            if checks.errors and not allow_errors:
                raise ChecksFailed(checks)
        temp = output.parent / f".{output.name}.building-{os.getpid()}"
        if temp.exists():
            shutil.rmtree(temp)
        settings["OUTPUT_PATH"] = str(temp)
        settings["TRIALBLOG_SITE"] = site
        settings["DELETE_OUTPUT_DIRECTORY"] = False
        settings[SHORTCUTS] = cache
        reuse = caches.reuse(output) if caches else None
        if caches:
            settings.update(caches.pelican_settings(settings))
        if reuse and reuse.previous_output:  # written by this code with these settings, untouched
            settings["TRIALBLOG_PREVIOUS_OUTPUT"] = str(reuse.previous_output)
        try:
            with _pelican_logs() as logs:
                # The content caches are saved while Pagefind finishes the search index.
                _run_pelican(settings, workers, reuse, caches.others if caches else "",
                             caches.save_content if caches else None,
                             caches.file_digests if caches else None)  # fmt: skip
            if beside is not None:
                checks, used = beside.result()
                if caches and used:
                    caches.checks = used
                if checks.errors and not allow_errors:
                    raise ChecksFailed(checks)
            errors = logs.messages(logging.ERROR) + logs.messages(logging.CRITICAL)
            if errors:
                raise BuildError("the build stopped on errors:\n" + "\n".join(f"  {e}" for e in errors))
            pages = sum(name.endswith(".html") for _, _, names in os.walk(temp) for name in names)
            old = swap_in(temp, output)
        except BaseException:
            stop_all()
            if beside is not None:
                beside.cancel()
            shutil.rmtree(temp, ignore_errors=True)
            raise
        discard(old)
        # What is now published, for `trialblog syndicate`: written only once the new site is in place.
        write_manifest(site_dir, settings.get(PUBLISHED_KEY), publish)
        result = BuildResult(
            output=output,
            site=site,
            warnings=logs.messages(logging.WARNING),
            pages=pages,
            checks=checks,
            reused=reuse.copied if reuse else 0,
            entries=sum(1 for entry in site.entries.values() if entry.public),
            trials=len(site.trials),
        )
        if caches:  # kept without the site: shown again when nothing changed, never loaded from
            caches.save(output, replace(result, site=None), reuse)
    return result
