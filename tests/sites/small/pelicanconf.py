"""A small test site."""

from trialblog.settings import *  # noqa: F403

SITENAME = "Test Diary"
AUTHOR = "Tester"
SITEURL = ""
TIMEZONE = "UTC"
PLUGINS = [
    "trialblog_plugins.trial_diary",
    "trialblog_plugins.trial_feeds",
    "trialblog_plugins.trial_sitemap",
    "trialblog_plugins.trial_directory",
    "trialblog_plugins.photo_privacy",
]
BLINDING_NOTICE = "NOTICE-TEXT: I do not know my group; please do not guess it."
DISCLOSURE = "SITE-DISCLOSURE"
DIRECTORY_DISCLOSURE = "DIRECTORY-DISCLOSURE"
TRIALBLOG_TODAY = "2025-01-15"
DIRECTORY_SEARCH = False
