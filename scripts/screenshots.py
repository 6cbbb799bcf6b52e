"""Build the example site and take screenshots of each page type in headless Chromium.

Usage: python scripts/screenshots.py [OUT_DIR]

Needs Debian's chromium (apt-get install chromium), driven by Playwright and launched by path:
no browser is downloaded. Each page is taken at desktop and phone widths, in light and dark mode
(`prefers-color-scheme`, as a reader's system sets it), cropped to one window height.
"""

from __future__ import annotations

import functools
import shutil
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# name: path in the example site; a #fragment scrolls the window to that part of the page.
PAGES = {
    "home": "",
    "entry-blinded": "diary/2024/two-weeks-in-the-headaches/",
    "entry-replies": "diary/2024/two-weeks-in-the-headaches/#replies-h",
    "entry-unblinded": "diary/2025/unblinded-i-was-in-the-velanimod-group/",
    "trial": "trials/aurora-ms/",
    "trial-journey": "trials/aurora-ms/#journey-h",
    "trial-symptoms": "trials/aurora-ms/#symptoms-h",
    "trial-in-progress": "trials/lumen-lupus/#journey-h",
    "consent": "trials/aurora-ms/consent/",
    "trials": "trials/",
    "recruiting": "trials/recruiting/",
    "facet": "trials/recruiting/country/united-states/",
    "condition": "conditions/relapsing-remitting-multiple-sclerosis/",
    "directory-trial": "trials/smart/#sites-h",
    "about": "about-this-blog/",
    "search": "search/",
}
SIZES = {"desktop": (1280, 1600), "phone": (390, 2000)}
SCHEMES = ("light", "dark")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]  # fmt: skip


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    sys.exit("chromium is not installed: apt-get install -y chromium")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


def build_example(folder: Path) -> Path:
    """A copy of the example site, built in ``folder``; returns its output folder."""
    from trialblog.build import build

    site = folder / "site"
    site.mkdir()
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, site / name)
    shutil.copytree(ROOT / "content", site / "content")
    build(site)
    return site / "output"


def shrink(png: Path, colours: int = 128) -> None:
    """Store ``png`` with a palette of ``colours``: text stays crisp, the file a third the size."""
    from PIL import Image

    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colours, Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(png, optimize=True)


def shoot(output: Path, out: Path, pages: dict[str, str]) -> list[Path]:
    """Serve ``output`` and save one PNG per page, size and colour scheme in ``out``."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
            try:
                for size, (width, height) in SIZES.items():
                    for scheme in SCHEMES:
                        context = browser.new_context(
                            viewport={"width": width, "height": height}, color_scheme=scheme
                        )
                        page = context.new_page()
                        for name, path in pages.items():
                            page.goto(base + path)
                            page.wait_for_load_state("networkidle")  # the search box, where there is one
                            target = out / f"{name}-{size}-{scheme}.png"
                            page.screenshot(path=str(target))
                            shrink(target)
                            written.append(target)
                            print(target)
                        context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
    return written


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        shoot(build_example(Path(folder)), out, PAGES)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
