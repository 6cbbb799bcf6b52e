"""`trialblog serve`: builds, serves on 127.0.0.1 and rebuilds when content changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request


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


def test_serve_builds_serves_and_rebuilds_on_change(small_site):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "trialblog.cli", "serve", "--site", str(small_site), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/diary/2024/week-six/"
        first = wait_for(lambda: fetch(url))
        assert first and "BODY-VISIT" in first
        entry = small_site / "content/diary/03-visit.md"
        entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-EDITED"))
        assert wait_for(lambda: "BODY-EDITED" in (fetch(url) or "")), "the page was not rebuilt"
        # a broken edit keeps the last good site served
        entry.write_text(entry.read_text().replace("Trial: blinded", "Trial: nope"))
        time.sleep(2)
        assert "BODY-EDITED" in (fetch(url) or "")
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in out
    assert "'nope' is not a trial of this site" in out
