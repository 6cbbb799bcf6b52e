"""trial_sitemap: every page written, and only those, in sitemap.xml."""

from __future__ import annotations


def test_the_sitemap_lists_every_page(pelican_run):
    output = pelican_run("trialblog_plugins.trial_sitemap", SITEURL="https://example.org")
    sitemap = (output / "sitemap.xml").read_text()
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    assert pages and all(f"<loc>https://example.org/{page.removesuffix('index.html')}</loc>" in sitemap for page in pages)
    assert "Sitemap: https://example.org/sitemap.xml" in (output / "robots.txt").read_text()
