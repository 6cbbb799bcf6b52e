"""Build the example site and take screenshots of each page type in headless Chromium.

Usage: python scripts/screenshots.py [OUT_DIR]   (needs Debian's chromium: apt-get install chromium)
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "home": "",
    "entry-blinded": "diary/2024/two-weeks-in-the-headaches/",
    "entry-unblinded": "diary/2025/unblinded-i-was-in-the-velanimod-group/",
    "trial": "trials/aurora-ms/",
    "consent": "trials/aurora-ms/consent/",
    "trials": "trials/",
}
SIZES = {"desktop": (1280, 1800), "phone": (390, 2400)}
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]  # fmt: skip


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    sys.exit("chromium is not installed: apt-get install -y chromium")


def shoot(url: str, target: Path, width: int, height: int, dark: bool = False) -> None:
    with tempfile.TemporaryDirectory() as profile:
        flags = [*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"]
        if dark:
            flags.append("--force-dark-mode")
            flags.append("--blink-settings=preferredColorScheme=0")
        subprocess.run(
            [chromium(), *flags, f"--screenshot={target}", url], check=True, capture_output=True, timeout=60
        )


def main(out: Path) -> None:
    subprocess.run([sys.executable, "-m", "trialblog.cli", "build", "--site", str(ROOT)], check=True)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(ROOT / "output"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    try:
        for name, path in PAGES.items():
            for size, (width, height) in SIZES.items():
                for scheme in ("light", "dark"):
                    target = out / f"{name}-{size}-{scheme}.png"
                    shoot(base + path, target, width, height, dark=scheme == "dark")
                    print(target)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
