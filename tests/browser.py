"""Headless Chromium (Debian's, launched by path) driven by Playwright, and a local site server."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]  # fmt: skip


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    raise RuntimeError(
        "Debian's chromium is not installed: `make test` installs it (apt-get install -y chromium)"
    )


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(chromium: object, url: str, scheme: str) -> list[str]:
    """axe-core's violations on ``url`` in ``scheme`` (light or dark), one line each."""
    context = chromium.new_context(color_scheme=scheme, bypass_csp=True)  # type: ignore[attr-defined]
    page = context.new_page()  # (the site's own CSP refuses axe's script: bypassed for axe only)
    try:
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    finally:
        context.close()
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def offsite_blocked(chromium: object, site_url: str, **options: object) -> tuple[object, list[str]]:
    """A browser context (made with Playwright's ``options``, such as ``geolocation``) that refuses
    every request leaving ``site_url``'s host, and the list in which it records each one attempted."""
    from urllib.parse import urlparse

    host = urlparse(site_url).netloc
    attempted: list[str] = []
    context = chromium.new_context(**options)  # type: ignore[attr-defined]

    def route(r: object) -> None:
        if urlparse(r.request.url).netloc != host:  # type: ignore[attr-defined]
            attempted.append(r.request.url)  # type: ignore[attr-defined]
            r.abort()  # type: ignore[attr-defined]
        else:
            r.continue_()  # type: ignore[attr-defined]

    context.route("**/*", route)  # type: ignore[attr-defined]
    return context, attempted
