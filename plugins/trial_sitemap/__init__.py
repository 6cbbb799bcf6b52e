"""Sitemap: ``sitemap.xml`` and ``robots.txt`` listing only the public, indexable pages."""

from .trial_sitemap import register, write_sitemap

__all__ = ["register", "write_sitemap"]
