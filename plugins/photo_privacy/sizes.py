"""Each photo an entry or page shows, published at a few widths instead of as it was taken.

When Pelican makes an entry (``content_object_init``), each ``<img>`` of a photo in the site's
static folders offers the photo's widths (:mod:`trialblog.render.photos`). Once the site is
written and its pictures cleaned, each width is made from the cleaned picture, so it carries no
metadata either, and kept under the digest of those bytes (like the cleaned pictures) for the
next build. The original is then removed from the output, unless the writer asked for it: a link
to it (``[full size](/images/scan.png)``), ``SITE_IMAGE``, or ``PHOTO_ORIGINALS = True``.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from pelican.contents import Article, Page
from PIL import Image

from trialblog.pipeline import run as pipeline_run
from trialblog.render.photos import Photo, Size, plan, responsive, saved_format

#: Under the build's CACHE_PATH: each width of each cleaned picture, by the digest of its bytes.
CACHE_FOLDER = "photo-sizes"
ORIENTATION = 0x0112
TURNED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
STATIC_LINK = re.compile(r"^[{|]static[}|]")
#: Smaller than the cleaned originals' quality: a photo on a page, at the width it is shown.
OPTIONS = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True, "exif": b"", "comment": b""},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 80, "exif": b"", "xmp": b"", "icc_profile": b""},
}


def on_content(instance: Any) -> None:
    """``content_object_init``: an entry's or page's photos offer their widths."""
    settings = instance.settings
    if not isinstance(instance, (Article, Page)) or not isinstance(instance._content, str):
        return
    if settings.get("RELATIVE_URLS") or settings.get("STATIC_SAVE_AS", "{path}") != "{path}":
        return  # each page's own relative links: left to Pelican
    if "<img" not in instance._content and "<a" not in instance._content:
        return
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    instance._content, instance.photos, instance.photo_links = responsive(
        instance._content,
        lambda src, alt: photo_at(src, alt, instance),
        lambda path: f"{siteurl}/{quote(path)}",
    )


def output_path(src: str, instance: Any) -> str | None:
    """Where the picture an ``<img src>`` or link names is in the output (as in the content), or
    None when it is not one of the site's static files."""
    settings = instance.settings
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    base = urlsplit(siteurl).path.rstrip("/")
    address = src.strip()
    if STATIC_LINK.match(address):
        rest = STATIC_LINK.sub("", address)
        path = rest.lstrip("/") if rest.startswith("/") else posixpath.join(instance.relative_dir, rest)
    elif siteurl and address.startswith(siteurl + "/"):
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


def photo_at(src: str, alt: str, instance: Any) -> Photo | None:
    """The photo an ``<img src>`` shows, with its widths; None for anything published as it is."""
    path = output_path(src, instance)
    if path is None:
        return None
    try:
        with Image.open(Path(instance.settings["PATH"]) / path) as image:
            if getattr(image, "n_frames", 1) > 1 and image.format != "MPO":
                return None  # an animation: every frame is kept, at its size
            width, height = image.size
            if image.getexif().get(ORIENTATION, 1) in TURNED:
                width, height = height, width
            alpha = "A" in image.getbands() or "transparency" in image.info
            return plan(path, image.format or "", alpha, width, height, alt)
    except Exception:  # noqa: BLE001 - a picture Pillow cannot read: the cleaning reports it by name
        return None


def published_photos(settings: dict[str, Any]) -> tuple[list[Photo], set[str]]:
    """The photos the run's published entries and pages show, and the originals they link to."""
    run = pipeline_run.last()
    if run is None or run.settings is not settings:
        return [], set()
    photos: dict[str, Photo] = {}
    linked: set[str] = set()
    for item in [*run.articles, *run.pages]:
        if getattr(item, "status", "") != "published":
            continue
        for photo in getattr(item, "photos", ()):
            photos.setdefault(photo.source, photo)
        linked |= getattr(item, "photo_links", frozenset())
    return list(photos.values()), linked


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
            cleaned.unlink()
    if kept is not None and kept.is_dir():
        for old in kept.iterdir():
            if old.name not in used:
                old.unlink(missing_ok=True)
    return count


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
