"""Each photo a page shows, published at a few widths instead of as it was taken.

As Pelican writes each page (``content_written``), every ``<img>`` of a photo in the site's static
folders is rewritten to offer the photo's widths (:mod:`trialblog.render.photos`); templates get
``photos_of(article)`` for an entry's link preview. Once the site is written and its pictures
cleaned, each width is made from the cleaned picture, so it carries no metadata either, and kept
under the digest of those bytes (like the cleaned pictures) for the next build. The original's own
address then serves the largest width, so a feed or a link that names it still shows the photo;
the full-size original stays only when the writer asked for it: a link to it
(``[full size](/images/scan.png)``), ``SITE_IMAGE``, or ``PHOTO_ORIGINALS = True``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from PIL import Image

from trialblog.files import keep_only
from trialblog.pipeline import run as pipeline_run
from trialblog.render.photos import Photo, Size, plan, responsive, saved_format

#: Under the build's CACHE_PATH: each width of each cleaned picture, by the digest of its bytes.
CACHE_FOLDER = "photo-sizes"
ORIENTATION = 0x0112
TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
#: Smaller than the cleaned originals' quality: a photo on a page, at the width it is shown.
OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True, "exif": b"", "comment": b""},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "exif": b"", "xmp": b"", "icc_profile": b""},
}


@dataclass
class Shown:
    """The photos the pages written so far show, and the originals they link to: one run's."""

    photos: dict[str, Photo] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)

    def add(self, photos: Iterable[Photo], linked: Iterable[str]) -> None:
        for photo in photos:
            self.photos.setdefault(photo.source, photo)
        self.linked.update(linked)


#: Filled as pages are written, emptied when the run ends (``trialblog serve`` runs many).
shown = Shown()


def on_written(path: str, context: Mapping[str, Any]) -> None:
    """``content_written``: a page's photos offer their widths (the page is replaced, never written
    through a link)."""
    if not path.endswith(".html"):
        return
    page = Path(path)
    text = page.read_text(encoding="utf-8")
    if "<img" not in text:
        return
    siteurl = str(context.get("SITEURL") or "").rstrip("/")
    rewritten, photos, linked = responsive(text, planner(context, siteurl), lambda p: f"{siteurl}/{quote(p)}")
    if not photos:
        return
    shown.add(photos, linked)
    handle, temp = tempfile.mkstemp(prefix=".photos-", suffix=".html", dir=page.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(rewritten)
    os.chmod(temp, 0o644)
    os.replace(temp, page)


def photos_of(item: Any) -> tuple[Photo, ...]:
    """The photos an entry or page shows, in order (for its link preview)."""
    settings = item.settings
    siteurl = str(settings.get("SITEURL") or "").rstrip("/")
    return responsive(item.content, planner(settings, siteurl), str)[1]


def planner(settings: Mapping[str, Any], siteurl: str) -> Callable[[str, str], Photo | None]:
    """What ``responsive`` asks for each ``<img src>`` and link: the photo there, or None."""

    def photo(src: str, alt: str) -> Photo | None:
        path = output_path(src, settings, siteurl)
        if path is None:
            return None
        found = _picture(str(Path(settings["PATH"]) / path))
        return plan(path, *found, alt) if found else None

    return photo


def output_path(src: str, settings: Mapping[str, Any], siteurl: str) -> str | None:
    """Where the picture a page's ``src`` or ``href`` names is in the output (as in the content),
    or None when it is not one of the site's static files."""
    if settings.get("STATIC_SAVE_AS", "{path}") != "{path}":
        return None  # a static folder laid out anew: its pictures are left as they are
    base = urlsplit(siteurl).path.rstrip("/")
    address = src.strip()
    if siteurl and address.startswith(siteurl + "/"):
        path = address[len(siteurl) + 1 :]
    elif address.startswith(base + "/") and not address.startswith("//"):
        path = address[len(base) + 1 :]
    else:
        return None
    path = posixpath.normpath(unquote(urlsplit(path).path))
    if path.startswith(("../", "/")) or path == "..":
        return None
    folders = [str(f).strip("/") for f in settings.get("STATIC_PATHS") or ()]
    if not any(path == f or path.startswith(f + "/") for f in folders):
        return None
    return path if (Path(settings["PATH"]) / path).is_file() else None


def _picture(file: str) -> tuple[str, bool, int, int] | None:
    """(format, has alpha, upright width, upright height) of a still picture, or None."""
    try:
        stat = os.stat(file)
    except OSError:
        return None
    return _read_picture(file, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4096)
def _read_picture(file: str, _mtime: int, _size: int) -> tuple[str, bool, int, int] | None:
    try:
        with Image.open(file) as image:
            if getattr(image, "n_frames", 1) > 1 and image.format != "MPO":
                return None  # an animation: every frame is kept, at its size
            width, height = image.size
            if image.getexif().get(ORIENTATION, 1) in TURNED:
                width, height = height, width
            alpha = "A" in image.getbands() or "transparency" in image.info
            return image.format or "", alpha, width, height
    except Exception:  # noqa: BLE001 - a picture Pillow cannot read: the cleaning reports it by name
        return None


def published_photos(settings: dict[str, Any]) -> tuple[list[Photo], set[str]]:
    """The photos the run's pages show and the originals they link to: those written, and those of
    every published entry and page (whose page a build may have kept from the last one)."""
    photos, linked = dict(shown.photos), set(shown.linked)
    run = pipeline_run.last()
    if run is not None and run.settings is settings:
        for item in [*run.articles, *run.pages]:
            if getattr(item, "status", "") == "published" and "<img" in item.content:
                for photo in photos_of(item):
                    photos.setdefault(photo.source, photo)
    return list(photos.values()), linked


def forget() -> None:
    """The run ended: the next one starts with no photos shown."""
    shown.photos.clear()
    shown.linked.clear()


def write_sizes(output: Path, photos: Iterable[Photo], keep: set[str], kept: Path | None = None) -> int:
    """Write every width of ``photos`` from the cleaned pictures in ``output``, then remove the
    originals not in ``keep``; returns how many files were written. With ``kept`` (a folder),
    widths made by earlier builds from the same bytes are copied from there."""
    count = 0
    used: set[str] = set()
    for photo in photos:
        cleaned = output / photo.source
        if not cleaned.is_file():
            continue  # it could not be cleaned, and was reported
        digest = hashlib.sha256(cleaned.read_bytes()).hexdigest() if kept is not None else ""
        for size in photo.sizes:
            target = output / size.path
            name = f"{digest}-{size.width}x{size.height}{Path(size.path).suffix}"
            if kept is not None and (kept / name).is_file():
                shutil.copyfile(kept / name, target)
            else:
                make_size(cleaned, size, target)
                if kept is not None:
                    kept.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(target, kept / name)
            os.chmod(target, 0o644)
            used.add(name)
            count += 1
        if photo.source not in keep:
            _stand_in(cleaned, output / photo.sizes[-1].path)
    keep_only(kept, used)
    return count


def _stand_in(original: Path, largest: Path) -> None:
    """The original's address serves the largest width when it is of the same kind; else none."""
    if original.suffix.lower() in _suffixes(saved_format(Size(largest.as_posix(), 0, 0))):
        shutil.copyfile(largest, original)
    else:
        original.unlink()


def _suffixes(fmt: str) -> set[str]:
    Image.init()
    return {ext for ext, name in Image.registered_extensions().items() if name == fmt}


def make_size(cleaned: Path, size: Size, target: Path) -> None:
    """Save the cleaned picture at ``size``: its pixels only, resized, in the format a browser shows."""
    fmt = saved_format(size)
    with Image.open(cleaned) as image:
        image.draft(image.mode, (size.width, size.height))  # a JPEG decodes at a smaller scale: faster
        alpha = "A" in image.getbands() or "transparency" in image.info
        picture = image.convert("RGBA" if alpha and fmt != "JPEG" else "RGB")
    resized = picture.resize((size.width, size.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    resized.info = {}
    resized.save(target, fmt, **OPTIONS[fmt])
