"""Social cards and the sitemap: only public pages, never the draft, hidden or sensitive ones."""

from __future__ import annotations

import re

from lxml import etree

from trialblog.build import build


def test_sitemap_lists_only_public_indexable_pages(small_site):
    about = small_site / "content/pages/about.md"
    about.write_text("Title: About\nSensitive: yes\n\nABOUT-PAGE\n")
    build(small_site, publish=True)
    out = small_site / "output"
    root = etree.parse(str(out / "sitemap.xml")).getroot()
    urls = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://diary.example.org/" in urls
    assert "https://diary.example.org/trials/blinded/" in urls
    assert "https://diary.example.org/diary/2024/week-six/" in urls
    assert "https://diary.example.org/about/" not in urls  # Sensitive: yes -> noindex
    assert '<meta name="robots" content="noindex">' in (out / "about/index.html").read_text()
    assert not [u for u in urls if "secret" in u or "hidden" in u]
    indexable = [p for p in out.rglob("*.html") if 'content="noindex"' not in p.read_text()]
    assert len(urls) == len(indexable) and (out / "404.html").is_file()  # the 404 page is noindex
    assert "Sitemap: https://diary.example.org/sitemap.xml" in (out / "robots.txt").read_text()


def test_no_sitemap_without_an_absolute_site_url(built_small):
    assert not (built_small / "sitemap.xml").exists()


def test_social_cards_carry_title_and_excerpt(small_site):
    build(small_site, publish=True)
    page = (small_site / "output/diary/2024/week-six/index.html").read_text()
    assert '<meta property="og:title" content="Week six">' in page
    assert '<meta property="og:url" content="https://diary.example.org/diary/2024/week-six/">' in page
    assert re.search(r'<meta name="twitter:description" content="BODY-VISIT', page)
    assert "Drug A" not in page  # the arm is never in a blinded post's card
