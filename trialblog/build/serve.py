"""Serve a built site locally and rebuild it when content, theme, settings or plugins change.

Each rebuild is a fresh ``trialblog build`` process, exactly what the command line does: nothing
of one build (Pelican's signals, its log filters, the content model) is carried into the next;
what it says (check findings, warnings) is shown after it. While a build swaps the new site in,
requests wait for it instead of finding nothing. Each page served gets a small script, served
from the site itself (so the pages' own Content-Security-Policy allows it) and never written to
the built output, that reloads the page once a rebuild has succeeded.
"""

from __future__ import annotations

import functools
import io
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..pipeline.settings import SettingsError, check_output
from . import BuildError, load_settings
from .output import real_output

#: How long a request waits for a swap in progress before it is answered.
SWAP_WAIT_SECONDS = 2.0
#: The preview's own addresses: the reload script, and the number of the last good build.
RELOAD = "/__trialblog/reload.js"
VERSION = "/__trialblog/version"
RELOAD_SCRIPT = b"""(function () {
  var seen = new URL(document.currentScript.src).searchParams.get("build");
  function poll() {
    fetch("/__trialblog/version", {cache: "no-store"})
      .then(function (answer) { return answer.text(); })
      .then(function (version) { if (seen !== null && version !== seen) { location.reload(); } seen = version; })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""
RELOAD_TAG = '<script src="/__trialblog/reload.js?build={}" defer></script>'


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the output folder; quiet; a malformed path is a plain 400, never a traceback."""

    output: Path = Path("output")
    builds: list[int] = [0]  # how many builds have succeeded (shared with the server's loop)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the stdlib's name)
        pass

    def translate_path(self, path: str) -> str:
        if "\0" in path or "%00" in path.lower():
            raise ValueError("a NUL byte in the path")
        return super().translate_path(path)

    def send_head(self):  # type: ignore[no-untyped-def]
        """The file, or an error; while a build swaps the site in, a missing file is asked for again."""
        route = self.path.split("?", 1)[0].split("#", 1)[0]
        if route == RELOAD:
            return self._answer(RELOAD_SCRIPT, "text/javascript; charset=utf-8")
        if route == VERSION:
            return self._answer(str(self.builds[0]).encode(), "text/plain; charset=utf-8")
        page = self._page(route)
        if page is not None:
            return page
        deadline = time.monotonic() + SWAP_WAIT_SECONDS
        while True:
            self.missing = False
            try:
                found = super().send_head()
            except (ValueError, OSError):
                self.send_error(HTTPStatus.BAD_REQUEST, "Bad request")
                return None
            if not self.missing:
                return found
            if time.monotonic() > deadline or not self._swapping():
                return self._not_found()
            time.sleep(0.01)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == HTTPStatus.NOT_FOUND:
            self.missing = True  # answered by send_head, once it is sure
            return
        super().send_error(code, message, explain)

    def _page(self, route: str) -> io.BytesIO | None:
        """An HTML page of the site with the reload script before its ``</body>``."""
        try:
            path = Path(self.translate_path(route))
        except ValueError:
            return None
        if path.is_dir() and route.endswith("/"):
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return None
        try:
            html = path.read_bytes()
        except OSError:
            return None
        return self._answer(self._with_reload(html), "text/html; charset=utf-8")

    def _with_reload(self, html: bytes) -> bytes:
        """``html`` with the reload script, which knows the build the page came from."""
        tag = RELOAD_TAG.format(self.builds[0]).encode()
        at = html.rfind(b"</body>")
        return html[:at] + tag + html[at:] if at >= 0 else html + tag

    def _not_found(self) -> io.BytesIO | None:
        """The site's own page for an address it does not have (404.html), as a web server shows it."""
        page = real_output(self.output) / "404.html"
        if not page.is_file():
            super().send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return self._answer(self._with_reload(page.read_bytes()), "text/html; charset=utf-8", HTTPStatus.NOT_FOUND)

    def _answer(self, data: bytes, kind: str, status: HTTPStatus = HTTPStatus.OK) -> io.BytesIO:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(data)

    def _swapping(self) -> bool:
        """Whether a build is putting a new site in place (or just did: the file may be there now)."""
        real = real_output(self.output)
        if not real.is_dir() or any(real.parent.glob(f".{real.name}.old-*")):
            return True
        return os.path.exists(self.translate_path(self.path))


def rebuild(site_dir: Path, echo: Callable[[str], None]) -> bool:
    """Build once, in a process of its own; report problems without stopping the server (the
    previous site is still served)."""
    done = subprocess.run(
        [sys.executable, "-m", "trialblog.cli", "build", "--site", str(site_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    for line in (done.stdout + done.stderr).strip().splitlines():
        echo(line)
    if done.returncode != 0:
        echo("the previous site is still being served")
    return done.returncode == 0


def watched_paths(site_dir: Path) -> list[Path]:
    """The content, theme, template overrides, plugin folders and the site's own settings and code."""
    settings = load_settings(site_dir)
    paths = [Path(settings["PATH"]), Path(settings["THEME"]), *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES") or ())]
    paths += [Path(p) for p in settings.get("PLUGIN_PATHS") or ()]
    paths += sorted(site_dir.glob("*.py"))
    return [p for p in paths if p.exists()]


def serve_forever(site_dir: Path, bind: str, port: int, echo: Callable[[str], None] = print) -> None:
    from watchfiles import watch

    site_dir = site_dir.resolve()
    settings = load_settings(site_dir)
    try:
        check_output(settings)
    except SettingsError as exc:
        raise BuildError(str(exc)) from None
    rebuild(site_dir, echo)
    output = Path(settings["OUTPUT_PATH"])
    handler = type("Handler", (SiteHandler,), {"output": output, "builds": [0]})
    server = ThreadingHTTPServer((bind, port), functools.partial(handler, directory=os.fspath(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    echo(f"serving {output} at http://{bind}:{port}/ (Ctrl-C to stop)")
    try:
        for _changes in watch(*watched_paths(site_dir), debounce=400):
            echo("change detected, rebuilding…")
            if rebuild(site_dir, echo):
                handler.builds[0] += 1  # the pages open in a browser reload themselves
    finally:
        server.shutdown()
