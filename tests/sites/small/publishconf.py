"""Publishing settings for the small test site."""

from trialblog.settings import load_sibling

globals().update(load_sibling(__file__, "pelicanconf.py"))
SITEURL = "https://diary.example.org"
FEED_DOMAIN = SITEURL
