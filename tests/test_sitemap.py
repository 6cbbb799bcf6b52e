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


def test_every_page_names_its_canonical_address_and_a_preview_image(small_site):
    with open(small_site / "pelicanconf.py", "a") as conf:
        conf.write('\nSITE_IMAGE = "images/card.png"\nSITE_IMAGE_ALT = "A notebook and a pen"\n')
    build(small_site, publish=True)
    out = small_site / "output"
    for path, address in [("index.html", ""), ("diary/2024/week-six/index.html", "diary/2024/week-six/"),
                          ("trials/blinded/index.html", "trials/blinded/"), ("about/index.html", "about/"),
                          ("tags/fatigue/index.html", "tags/fatigue/"), ("archives/index.html", "archives/")]:  # fmt: skip
        page = (out / path).read_text()
        assert page.count('rel="canonical"') == 1, path
        assert f'<link rel="canonical" href="https://diary.example.org/{address}">' in page, path
        assert f'<meta property="og:url" content="https://diary.example.org/{address}">' in page, path
        assert '<meta property="og:image" content="https://diary.example.org/images/card.png">' in page, path
        assert '<meta property="og:image:alt" content="A notebook and a pen">' in page, path


def test_no_canonical_address_without_an_absolute_site_url(built_small):
    page = (built_small / "diary/2024/week-six/index.html").read_text()
    assert "canonical" not in page and "og:url" not in page and "og:image" not in page
