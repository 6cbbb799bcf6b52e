"""Frozen URLs are the ones Pelican computes, worked out once."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from pelican.contents import Article, Page, Static
from pelican.settings import DEFAULT_CONFIG

from trialblog.build.frozen_urls import freeze_urls


def settings() -> dict:
    return {
        **DEFAULT_CONFIG,
        "ARTICLE_URL": "diary/{date:%Y}/{slug}/",
        "ARTICLE_SAVE_AS": "diary/{date:%Y}/{slug}/index.html",
    }


def article(slug: str, **meta) -> Article:
    date = dt.datetime(2024, 3, 18, tzinfo=dt.UTC)
    return Article(
        "<p>x</p>",
        {"title": slug, "slug": slug, "date": date, **meta},
        settings=settings(),
        source_path=f"/c/{slug}.md",
    )


def test_frozen_values_equal_pelicans_and_are_computed_once(monkeypatch):
    items = [
        article("one"),
        article("two", status="draft"),
        Page("<p>p</p>", {"title": "About", "slug": "about"}, settings=settings()),
    ]
    expected = [(i.url, i.save_as) for i in items]
    static = Static("", {"title": "img"}, settings=settings(), source_path="/c/images/a.png")
    generators = [
        SimpleNamespace(articles=items[:1], drafts=items[1:2]),
        SimpleNamespace(pages=items[2:], staticfiles=[static]),
    ]
    assert freeze_urls(generators) == 3
    assert freeze_urls(generators) == 0  # already frozen
    assert (
        [(i.url, i.save_as) for i in items]
        == expected
        == [
            ("diary/2024/one/", "diary/2024/one/index.html"),
            ("drafts/two.html", "drafts/two.html"),
            ("pages/about.html", "pages/about.html"),
        ]
    )
    assert isinstance(items[0], Article) and type(items[0]).__name__ == "Article"
    assert type(static) is Static  # static files may still be moved (attach_to): never frozen

    calls = []
    original = Article._expand_settings
    monkeypatch.setattr(
        Article, "_expand_settings", lambda self, key: calls.append(key) or original(self, key)
    )
    fresh = article("three")
    freeze_urls([SimpleNamespace(articles=[fresh])])
    for _ in range(5):
        assert fresh.url == "diary/2024/three/"
    assert calls == ["url"]
