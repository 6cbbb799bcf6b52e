"""Work done beside the build, in other processes.

- :class:`Background`: a function in a forked process at a lower priority. The safety checks
  run this way while Pelican renders into the temporary folder: the rendering keeps the cores it
  needs, and the checks take what it leaves idle. Nothing is published until both are done.
- :func:`start`: a command (Pagefind, on the trial pages as soon as they are written) that
  :func:`stop_all` stops if the build fails.
- :func:`remove_detached`: a folder (the old site) removed after the build, which does not wait.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import signal
import subprocess
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

R = TypeVar("R")

#: How much less the background process is favoured than the build (``nice`` increment).
NICENESS = 10


class Background(Generic[R]):
    """``func()`` in a forked process; :meth:`result` waits for it (its result must pickle).

    With ``group`` (the default) the process leads a process group of its own, and cancelling
    it stops any workers it starts; without, it stays in this process's group (a worker, which
    whatever stops this process stops too).
    """

    def __init__(self, func: Callable[[], R], niceness: int = NICENESS, group: bool = True):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run, send the outcome back, never return
            os.close(read_end)
            status = 0
            try:
                if group:
                    os.setpgid(0, 0)
                os.nice(niceness)
                payload = pickle.dumps((True, func()), protocol=5)
            except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
                status = 1
                payload = _pickled_error(exc)
            try:
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(payload)
            finally:
                os._exit(status)
        os.close(write_end)
        if group:
            with contextlib.suppress(OSError):  # also here: the group exists whichever runs first
                os.setpgid(pid, pid)
        self._pid: int | None = pid
        self._group = group
        self._read_end = read_end

    def result(self) -> R:
        """The function's result; its exception is raised here."""
        if self._pid is None:
            raise RuntimeError("the background work was cancelled")
        with os.fdopen(self._read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self._pid, 0)
        self._pid = None
        if not data:
            raise RuntimeError("the background process stopped without a result")
        ok, value = pickle.loads(data)
        if ok:
            return value
        raise value

    def cancel(self) -> None:
        """Stop the work if it is still running (the build failed or was interrupted)."""
        if self._pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            if self._group:
                os.killpg(self._pid, signal.SIGTERM)
            else:
                os.kill(self._pid, signal.SIGTERM)
        os.waitpid(self._pid, 0)
        os.close(self._read_end)
        self._pid = None


def _pickled_error(exc: BaseException) -> bytes:
    try:
        return pickle.dumps((False, exc), protocol=5)
    except Exception:  # an exception that does not pickle: its text, with where it happened
        detail = "".join(traceback.format_exception(exc))
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}\n{detail}")), protocol=5)


def fork_is_safe() -> bool:
    """Whether this process may fork: it can, and no other thread runs (a child would inherit
    the locks they hold)."""
    return hasattr(os, "fork") and threading.active_count() == 1


def remove_detached(folder: Path) -> None:
    """Remove ``folder`` in a process of its own, which this one does not wait for."""
    if not fork_is_safe():  # other threads run (`trialblog serve`), and that process stays up
        remover = threading.Thread(target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True})
        remover.daemon = True
        remover.start()
        return
    child = os.fork()
    if child == 0:  # fork again and exit, so the remover is nobody's child to wait for
        try:
            if os.fork() == 0:
                os.setsid()
                shutil.rmtree(folder, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


_running: set[subprocess.Popen] = set()


def start(command: list[str], **options: Any) -> subprocess.Popen:
    """Start ``command`` beside the build, in its own process group; :func:`stop_all` stops it."""
    process = subprocess.Popen(command, start_new_session=True, **options)
    _running.add(process)
    return process


def wait(process: subprocess.Popen, timeout: float) -> int:
    """Wait for a process :func:`start` started; its exit status (it is killed on a timeout)."""
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise
    finally:
        _running.discard(process)


def stop_all() -> None:
    """Stop every process started beside this build (it failed or was interrupted)."""
    for process in list(_running):
        _kill(process)
        _running.discard(process)


def _kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
