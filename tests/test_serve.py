"""`trialblog serve`: builds, serves on 127.0.0.1 and rebuilds when content changes."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from trialblog.build import serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def wait_for(predicate, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


class Serving:
    """`trialblog serve` in a process of its own, what it says collected as it says it."""

    def __init__(self, site):
        self.port = free_port()
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "trialblog.cli", "serve", "--site", str(site), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        threading.Thread(target=lambda: self.lines.extend(self.proc.stdout), daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def said(self, words: str) -> bool:
        return any(words in line for line in list(self.lines))

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def test_serve_builds_serves_and_rebuilds_on_change(small_site):
    serving = Serving(small_site)
    try:
        url = serving.url("/diary/2024/week-six/")
        first = wait_for(lambda: fetch(url))
        assert first and "BODY-VISIT" in first
        assert serving.said(serving.url("/"))
        entry = small_site / "content/diary/03-visit.md"
        entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-EDITED"))
        assert wait_for(lambda: "BODY-EDITED" in (fetch(url) or "")), "the page was not rebuilt"
        # a broken edit keeps the last good site served
        entry.write_text(entry.read_text().replace("Trial: blinded", "Trial: nope"))
        assert wait_for(lambda: serving.said("'nope' is not a trial of this site"))
        assert "BODY-EDITED" in (fetch(url) or "")
    finally:
        serving.stop()


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_malformed_path_is_answered_quietly(small_site):
    serving = Serving(small_site)
    try:
        assert wait_for(lambda: fetch(serving.url("/")))
        assert status(serving.url("/index.html%00.txt")) in (400, 404)
        assert status(serving.url("/../../etc/passwd")) == 404
        # other members of the class: a NUL in a folder's name, an encoded climb out of the site,
        # bytes that are no text in any encoding, and the site's own settings
        for path in ("/diary%00/index.html", "/%2e%2e/%2e%2e/etc/passwd", "/%ff%fe/index.html", "/../pelicanconf.py"):
            assert status(serving.url(path)) in (400, 404), path
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(serving.url("/no/such/page/"), timeout=5)
        assert missing.value.code == 404 and "Page not found" in missing.value.read().decode()  # the site's 404.html
        assert fetch(serving.url("/"))  # still serving
    finally:
        serving.stop()
    assert not serving.said("Traceback")


def test_no_request_finds_nothing_while_a_build_swaps_the_site_in(small_site):
    """Requests during real rebuilds: never a 404 for a page that exists before and after (a swap is
    over in microseconds; the test below holds the site away long enough to show the wait)."""
    serving = Serving(small_site)
    try:
        url = serving.url("/diary/2024/week-six/")
        assert wait_for(lambda: fetch(url))
        codes: list[int] = []
        stop = threading.Event()

        def hammer() -> None:
            while not stop.is_set():
                codes.append(status(url))

        worker = threading.Thread(target=hammer)
        worker.start()
        entry = small_site / "content/diary/03-visit.md"
        for n in range(3):
            entry.write_text(entry.read_text().replace("BODY-VISIT", f"BODY-{n}").replace(f"BODY-{n - 1}", f"BODY-{n}"))
            assert wait_for(lambda n=n: f"BODY-{n}" in (fetch(url) or ""))
        stop.set()
        worker.join()
        assert codes and set(codes) == {200}
    finally:
        serving.stop()


class AskedDuringSwap:
    """The preview's request handler serving ``output`` in this process; ``missed`` is set when a
    request first finds its page missing."""

    def __init__(self, output: Path):
        self.missed = threading.Event()
        missed = self.missed

        class Handler(serve.SiteHandler):
            def send_error(self, code, message=None, explain=None):
                super().send_error(code, message, explain)
                if code == 404:
                    missed.set()

        Handler.output, Handler.builds = output, [0]
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=os.fspath(output)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.root = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize(("wait", "code"), [(serve.SWAP_WAIT_SECONDS, 200), (0, 404)], ids=["waiting", "not-waiting"])
def test_a_request_during_a_swap_waits_for_the_new_site(built_small, monkeypatch, wait, code):
    """The site is away for 0.3 s, as between a swap's two renames: the request waits it out. With
    no wait the same request gets a 404, so the wait is what keeps it from finding nothing."""
    monkeypatch.setattr(serve, "SWAP_WAIT_SECONDS", wait)
    preview = AskedDuringSwap(built_small)
    aside = built_small.with_name(f".{built_small.name}.old-1-1")  # where a swap parks the old site
    codes: list[int] = []
    try:
        built_small.rename(aside)
        asking = threading.Thread(target=lambda: codes.append(status(preview.root + "/diary/2024/week-six/")))
        asking.start()
        assert preview.missed.wait(10), "the request never reached the server"
        time.sleep(0.3)
        answered_while_away = not asking.is_alive()
        aside.rename(built_small)
        asking.join(10)
    finally:
        if aside.exists():
            aside.rename(built_small)
        preview.close()
    assert codes == [code]
    assert answered_while_away is (wait == 0)


def test_the_preview_reloads_itself_after_a_rebuild_and_the_site_never_carries_its_script(small_site, chromium):
    serving = Serving(small_site)
    try:
        url = serving.url("/diary/2024/week-six/")
        served = wait_for(lambda: fetch(url))
        assert served and '<script src="/__trialblog/reload.js?build=0" defer></script>' in served
        page = chromium.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(url)
        assert "BODY-VISIT" in page.content()
        entry = small_site / "content/diary/03-visit.md"
        entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-RELOADED"))
        assert wait_for(lambda: "BODY-RELOADED" in page.content(), 60), "the page did not reload itself"
        assert not [e for e in errors if "Content Security Policy" in e or "reload" in e]  # the page's CSP allows it
        page.close()
    finally:
        serving.stop()
    for html in (small_site / "output").rglob("*.html"):
        assert "__trialblog" not in html.read_text()
