"""trialblog's Pelican settings; a site's ``pelicanconf.py`` imports these and overrides a few.

Everything here can be overridden in ``pelicanconf.py``; the plugins enforce the privacy rules
(drafts and hidden posts are never written) whatever these say.
"""

from trialblog import PLUGINS as _PLUGINS
from trialblog import theme_path as _theme_path

PATH = "content"
OUTPUT_PATH = "output"
THEME = _theme_path()
PLUGINS = list(_PLUGINS)
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# Content folders: diary entries are articles, pages/ holds pages like "About".
ARTICLE_PATHS = ["diary"]
PAGE_PATHS = ["pages"]
ARTICLE_EXCLUDES = ["trials", "consent", "pages", "replies"]
PAGE_EXCLUDES = ["trials", "consent", "diary", "replies"]
STATIC_PATHS = ["images"]
READERS = {"html": None}

# Clean URLs.
ARTICLE_URL = "diary/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "diary/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
INDEX_SAVE_AS = "index.html"
SLUGIFY_SOURCE = "title"

# Never publish drafts; authors and categories are not used by a diary.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "tags"]
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# trialblog writes its own feeds (site, per trial, per condition): Pelican's are off.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
TRIALBLOG_FEED_MAX_ITEMS = 50

# Nothing fetched from elsewhere; no build timestamps in pages.
RELATIVE_URLS = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Shown on every post written during the blinded period of a masked trial.
BLINDING_NOTICE = (
    "I do not know which group I am in: this trial is blinded, and so am I. Please do not "
    "guess my group in the comments or elsewhere, and please do not compare side effects to "
    "work it out. Guessing can unblind a study and spoil its results for everyone."
)
# Shown on every diary entry when its trial has no disclosure of its own.
DISCLOSURE = ""
# Readers' replies on Mastodon and Bluesky, shown under each entry once approved (docs/replies.md).
REPLIES = True
REPLIES_APPROVE_BY_FAVOURITE = False
REPLIES_AVATARS = True

# Shown in the footer of every page.
MEDICAL_DISCLAIMER = (
    "This is one person's experience, not medical advice. Talk to your own care team "
    "before making decisions about treatment or joining a trial."
)

# The site's search (Pagefind, run offline by the build): /search/ for the diary's entries and
# consent notes, and the directory's search box. False: no index, no search page, no script.
SEARCH = True

# Link previews (OpenGraph) of pages with no photo of their own: an image in the site, e.g.
# "images/card.jpg" (1200 × 630 suits every network), and its text alternative. An entry's own
# first photo is its preview image. Shown only in published builds (an absolute SITEURL).
SITE_IMAGE = ""
SITE_IMAGE_ALT = ""

# Templates escape every value unless marked safe: registry text can never become markup.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True}


def load_sibling(this_file: str, name: str = "pelicanconf.py") -> dict:
    """The settings of a file next to ``this_file``, for ``publishconf.py`` to build on."""
    import runpy
    from pathlib import Path

    values = runpy.run_path(str(Path(this_file).with_name(name)))
    return {k: v for k, v in values.items() if k.isupper()}
