"""A small test site."""

from trialblog.settings import *  # noqa: F403

SITENAME = "Test Diary"
AUTHOR = "Tester"
SITEURL = ""
TIMEZONE = "UTC"
BLINDING_NOTICE = "NOTICE-TEXT: I do not know my group; please do not guess it."
DISCLOSURE = "SITE-DISCLOSURE"
DIRECTORY_DISCLOSURE = "DIRECTORY-DISCLOSURE"
TRIALBLOG_TODAY = "2025-01-15"
SEARCH = False
