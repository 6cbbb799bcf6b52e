"""Photos that phones can load: each photo of an entry published at a few widths, and its ``<img>``
rewritten to offer them (``srcset``/``sizes``) with its size, so that nothing moves while it loads.

Pure functions: what widths a photo gets, what they are called, and the HTML that offers them. The
``photo_privacy`` plugin makes the files (from the cleaned picture, so they carry no metadata).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import NamedTuple

#: Widths (CSS pixels × density) a photo is published at, when it is at least that wide: a phone
#: (390 px wide, 2 or 3 device pixels each), a tablet, a desktop column, a sharp desktop column.
WIDTHS = (480, 800, 1200, 1600)
#: The width of ``src``, for the few browsers that read no ``srcset``.
FALLBACK = 800
#: The width of the link-preview picture (``og:image``): what the networks show at most.
CARD = 1200
#: How wide the theme shows a photo: the text column (``.wrap``: 44rem less 1rem each side).
SIZES = "(max-width: 44rem) calc(100vw - 2rem), 42rem"
#: Formats given sizes, each saved as the format a browser shows; animations are left as they are.
SAVED_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG", "AVIF": "JPEG",
            "TIFF": "JPEG", "BMP": "JPEG"}  # fmt: skip
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


class Size(NamedTuple):
    """One published width of a photo: its path in the output folder and its pixels."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class Photo:
    """A photo an entry shows: the original's path in the output folder, and its sizes."""

    source: str
    alt: str
    sizes: tuple[Size, ...]

    @property
    def fallback(self) -> Size:
        return _largest_up_to(self.sizes, FALLBACK)

    @property
    def card(self) -> Size:
        return _largest_up_to(self.sizes, CARD)


def _largest_up_to(sizes: tuple[Size, ...], width: int) -> Size:
    fitting = [s for s in sizes if s.width <= width]
    return fitting[-1] if fitting else sizes[0]


def widths_for(width: int) -> tuple[int, ...]:
    """The widths a photo ``width`` pixels wide is published at: those of :data:`WIDTHS` below
    its own, and its own up to the largest (a small photo is never enlarged)."""
    largest = min(width, WIDTHS[-1])
    return (*(w for w in WIDTHS if w < largest), largest)


def plan(source: str, fmt: str, has_alpha: bool, width: int, height: int, alt: str = "") -> Photo | None:
    """The sizes of the photo at ``source`` (upright ``width`` × ``height``, in Pillow's ``fmt``),
    or None for a picture published as it is (an animation, a format without sizes)."""
    saved = SAVED_AS.get(fmt)
    if saved is None or width < 1 or height < 1:
        return None
    if saved == "JPEG" and has_alpha:
        saved = "PNG"
    path = PurePosixPath(source)
    sizes = tuple(
        Size(str(path.with_name(f"{path.stem}-{w}w{EXTENSIONS[saved]}")), w, max(1, round(height * w / width)))
        for w in widths_for(width)
    )
    return Photo(source, alt, sizes)


def saved_format(size: Size) -> str:
    """Pillow's name for the format a size is saved in."""
    return {ext: fmt for fmt, ext in EXTENSIONS.items()}[PurePosixPath(size.path).suffix]


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs = {name: value or "" for name, value in attrs}

    handle_startendtag = handle_starttag


def attributes(tag: str) -> dict[str, str]:
    """The attributes of one HTML start tag, unescaped."""
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return parser.attrs


def img_tag(photo: Photo, attrs: dict[str, str], url: Callable[[str], str], lazy: bool) -> str:
    """The ``<img>`` that offers every size of ``photo``, keeping the writer's other attributes."""
    fallback = photo.fallback
    own = {k: v for k, v in attrs.items() if k not in ("src", "srcset", "sizes", "width", "height", "loading", "decoding")}
    values = {
        **own,
        "src": url(fallback.path),
        "srcset": ", ".join(f"{url(s.path)} {s.width}w" for s in photo.sizes),
        "sizes": SIZES,
        "width": str(fallback.width),
        "height": str(fallback.height),
        **({"loading": "lazy"} if lazy else {}),
        "decoding": "async",
    }
    return "<img " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in values.items()) + ">"


Planner = Callable[[str, str], Photo | None]


def responsive(content: str, planner: Planner, url: Callable[[str], str]) -> tuple[str, tuple[Photo, ...], frozenset[str]]:
    """``content`` with each ``<img>`` of a photo offering its sizes, the first eager and the rest
    lazy (below the fold); the photos, in order; and the sources an ``<a href>`` links to (their
    originals are published).

    ``planner(src, alt)`` gives the photo an ``<img src>`` shows, or None to leave it as it is.
    """
    photos: list[Photo] = []

    def rewrite(match: re.Match[str]) -> str:
        attrs = attributes(match.group(0))
        photo = planner(attrs.get("src", ""), attrs.get("alt", ""))
        if photo is None:
            return match.group(0)
        photos.append(photo)
        return img_tag(photo, attrs, url, lazy=len(photos) > 1)

    rewritten = IMG.sub(rewrite, content)
    linked = set()
    for match in HREF.finditer(content):
        photo = planner(html.unescape(match.group(2)), "")
        if photo is not None:
            linked.add(photo.source)
    return rewritten, tuple(photos), frozenset(linked)
