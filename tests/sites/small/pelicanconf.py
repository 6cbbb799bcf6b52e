"""A small test site."""

from trialblog.settings import *  # noqa: F403

SITENAME = "Test Diary"
AUTHOR = "Tester"
SITEURL = ""
TIMEZONE = "UTC"
PLUGINS = ["trialblog_plugins.trial_diary", "trialblog_plugins.trial_feeds", "trialblog_plugins.trial_sitemap"]
BLINDING_NOTICE = "NOTICE-TEXT: I do not know my group; please do not guess it."
DISCLOSURE = "SITE-DISCLOSURE"
