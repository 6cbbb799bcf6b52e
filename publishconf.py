"""Settings for publishing the example site: everything in pelicanconf.py, with absolute URLs."""

from trialblog.settings import load_sibling

globals().update(load_sibling(__file__, "pelicanconf.py"))

SITEURL = "https://blinded-not-broken.example.org"
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
