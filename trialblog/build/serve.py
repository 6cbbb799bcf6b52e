"""Serve a built site locally and rebuild it when content, theme or settings change."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..content.errors import ContentError, ContentErrors
from . import BuildError, build, load_settings


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the stdlib's name)
        pass


def rebuild(site_dir: Path, echo: Callable[[str], None]) -> bool:
    """Build once; report problems without stopping the server. The old site stays on failure."""
    try:
        result = build(site_dir)
    except ContentErrors as exc:
        echo(exc.report())
    except (ContentError, BuildError) as exc:
        echo(f"error: {exc}")
    except Exception as exc:  # keep serving the last good site whatever happened
        echo(f"error: {type(exc).__name__}: {exc}")
    else:
        echo(f"built {result.pages} pages")
        return True
    echo("the previous site is still being served")
    return False


def watched_paths(site_dir: Path) -> list[Path]:
    settings = load_settings(site_dir)
    paths = [Path(settings["PATH"]), Path(settings["THEME"]), site_dir / "pelicanconf.py"]
    return [p for p in paths if p.exists()]


def serve_forever(site_dir: Path, bind: str, port: int, echo: Callable[[str], None] = print) -> None:
    from watchfiles import watch

    site_dir = site_dir.resolve()
    rebuild(site_dir, echo)
    output = Path(load_settings(site_dir)["OUTPUT_PATH"])
    handler = functools.partial(_Quiet, directory=str(output))
    server = ThreadingHTTPServer((bind, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    echo(f"serving {output} at http://{bind}:{port}/ (Ctrl-C to stop)")
    try:
        for _changes in watch(*watched_paths(site_dir), debounce=400):
            echo("change detected, rebuilding…")
            rebuild(site_dir, echo)
    finally:
        server.shutdown()
