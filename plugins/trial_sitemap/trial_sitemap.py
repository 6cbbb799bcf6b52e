"""Writes ``sitemap.xml`` from the pages actually written, leaving out pages marked ``noindex``.

Drafts and hidden posts are never written (the diary plugin drops them), so they cannot appear;
pages whose writer marked them ``Sensitive: yes`` carry ``noindex`` and are left out too.
A sitemap needs absolute addresses, so it is written only when ``SITEURL`` is one (the
published build).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from pelican import signals

from trialblog import pipeline

NOINDEX = '<meta name="robots" content="noindex">'


def page_url(siteurl: str, output: Path, html: Path) -> str:
    rel = html.relative_to(output).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return f"{siteurl}/{rel}"


def write_sitemap(output: Path, siteurl: str) -> list[str]:
    """Write sitemap.xml and robots.txt into ``output``; return the URLs listed."""
    urls = []
    for html in sorted(output.rglob("*.html")):
        with html.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
        if NOINDEX not in head:
            urls.append(page_url(siteurl, output, html))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    lines += [f"  <url><loc>{escape(url)}</loc></url>" for url in urls]
    lines.append("</urlset>")
    (output / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (output / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\nSitemap: {siteurl}/sitemap.xml\n", encoding="utf-8"
    )
    return urls


PLUGIN = "trialblog_plugins.trial_sitemap"


def on_finalized(pelican) -> None:
    siteurl = (pelican.settings.get("SITEURL") or "").rstrip("/")
    if pipeline.enabled(pelican.settings, PLUGIN) and siteurl.startswith(("http://", "https://")):
        write_sitemap(Path(pelican.output_path), siteurl)


def register() -> None:
    pipeline.connect()
    signals.finalized.connect(on_finalized)
