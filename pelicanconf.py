"""Settings for the example site. `make html` (trialblog build) uses them; see the README."""

from trialblog.settings import *  # noqa: F403 (trialblog's folders, URLs, theme and privacy defaults)

SITENAME = "Blinded, Not Broken"
SITESUBTITLE = "One participant's diary of an MS trial, from first thought to results"
AUTHOR = "Sam R."
SITEURL = ""
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"

# PLUGINS comes from trialblog.settings: every trialblog plugin. To add one of your own or from
# PyPI, extend it: PLUGINS = [*PLUGINS, "pelican.plugins.sitemap"]

# Shown on every post written while the writer is blinded in a masked trial.
BLINDING_NOTICE = (
    "I do not know which group I am in: this trial is blinded, and so am I. Please do not "
    "guess my group, and please do not compare side effects to work it out. Guessing can "
    "unblind a study and spoil its results for everyone."
)
# Shown on every diary entry whose trial has no `disclosure:` of its own.
DISCLOSURE = (
    "I write as a participant, in a personal capacity. Nobody pays me for this blog "
    "and nobody reviews it before it is published."
)

# Shown on every directory page (/trials/, /trials/recruiting/, condition and trial pages): who
# publishes the directory, who funds it and any conflict of interest. A build warns when it is empty.
DIRECTORY_DISCLOSURE = (
    "This directory is published by Sam R., a trial participant, unpaid and in a personal capacity. "
    "No sponsor, company or charity funds it or chooses which trials are listed, and I have no "
    "financial interest in any trial here."
)
