"""Removes EXIF, XMP, IPTC, ICC profiles and comments from every image Pelican wrote.

Phones put the GPS position, the camera's serial number and the time a photo was taken into
every picture. After the site is written (the ``finalized`` signal), each JPEG, PNG, WebP and
TIFF in the output folder is re-saved from its pixels alone: the EXIF orientation is applied
first so the picture still looks the right way up, and an embedded colour profile is
converted to sRGB so it still looks the same colour.

The cleaned image is written to a new file and moved over the output path, so a hard link or
symbolic link that Pelican made to the original (``STATIC_CREATE_LINKS``) is replaced, never
written through: the originals in ``content/`` are not touched. An image that cannot be read
is removed from the output and reported as an error, which stops ``trialblog build``.

Re-encoding a phone photo takes a third of a second, so with the build's content cache on
(``CACHE_CONTENT``, in a ``CACHE_PATH`` named after the code, settings and theme) each cleaned
picture is kept under the SHA-256 of the original's bytes, and a later build copies it instead
of cleaning the same bytes again: the same result, since cleaning is deterministic.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from pelican import signals
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

from trialblog import pipeline

# Under Pelican's logger, so that `trialblog build` sees an error here and keeps output/ as it was.
log = pipeline.logger("photo_privacy")

#: File suffixes cleaned, and the Pillow format each is saved in.
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".tif": "TIFF", ".tiff": "TIFF"}
#: Image information that describes pixels, not the photographer: kept.
PIXEL_INFO = ("transparency", "gamma", "duration", "loop", "background", "disposal", "blend")
ORIENTATION = 0x0112
JPEG_QUALITY = 92
WEBP_QUALITY = 90


PLUGIN = "trialblog_plugins.photo_privacy"


def register() -> None:
    pipeline.connect()
    signals.finalized.connect(_finalized)


def _finalized(pelican) -> None:
    settings = pelican.settings
    if not pipeline.enabled(settings, PLUGIN):
        return
    kept = Path(settings["CACHE_PATH"]) / CACHE_FOLDER if settings.get("CACHE_CONTENT") else None
    clean_output(Path(pelican.output_path), kept)


#: Under the build's CACHE_PATH: cleaned pictures, named by the digest of the originals' bytes.
CACHE_FOLDER = "clean-images"


def clean_output(output: Path, kept: Path | None = None) -> int:
    """Clean every image under ``output``; returns how many were rewritten. With ``kept`` (a
    folder), pictures cleaned by earlier builds are copied from there, and only the pictures
    this build wrote stay in it."""
    count = 0
    used: set[str] = set()
    for path in _images(output):
        try:
            if kept is None:
                clean_image(path)
            else:
                used.add(_clean_kept(path, kept))
        except (OSError, UnidentifiedImageError, ValueError) as exc:
            # Never publish an image that could not be cleaned: remove the copy, fail the build.
            path.unlink(missing_ok=True)
            log.error("could not remove the metadata from %s, so it was not published: %s", path.name, exc)
            continue
        count += 1
    if kept is not None and kept.is_dir():
        for old in kept.iterdir():
            if old.name not in used:
                old.unlink(missing_ok=True)
    return count


def _clean_kept(path: Path, kept: Path) -> str:
    """Clean ``path``, or copy the picture an earlier build cleaned from the same bytes; returns
    the name it is kept under."""
    name = hashlib.sha256(path.read_bytes()).hexdigest() + path.suffix.lower()
    cleaned = kept / name
    if cleaned.is_file():
        _replace(path, lambda temp: shutil.copyfile(cleaned, temp))
        return name
    clean_image(path)
    kept.mkdir(parents=True, exist_ok=True)
    _replace(cleaned, lambda temp: shutil.copyfile(path, temp))
    return name


def _replace(path: Path, write: Callable[[str], object]) -> None:
    """Write a new file beside ``path`` and move it over ``path`` (a link is replaced, never
    written through)."""
    handle, temp_name = tempfile.mkstemp(prefix=".clean-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        write(temp_name)
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _images(output: Path) -> list[Path]:
    """Every file under ``output`` in one of the image formats, in a stable order."""
    found = []
    for folder, _dirs, files in os.walk(output):
        for name in files:
            if os.path.splitext(name)[1].lower() in FORMATS:
                found.append(Path(folder, name))
    return sorted(found)


def clean_image(path: Path) -> None:
    """Rewrite the image at ``path`` (in place, by replacing the file) without its metadata."""
    fmt = FORMATS[path.suffix.lower()]
    with Image.open(path) as image:
        image.load()
        frames = [_clean_frame(frame.copy(), image) for frame in ImageSequence.Iterator(image)]
        options = _save_options(fmt, image, frames)
    first, rest = frames[0], frames[1:]

    def save(temp_name: str) -> None:
        with open(temp_name, "wb") as out:
            if rest and fmt in ("PNG", "WEBP", "TIFF"):
                first.save(out, fmt, save_all=True, append_images=rest, **options)
            else:
                first.save(out, fmt, **options)

    _replace(path, save)


def _clean_frame(frame: Image.Image, source: Image.Image) -> Image.Image:
    """Pixels only: orientation applied, colours converted to sRGB, no metadata carried."""
    exif = source.getexif()
    frame.info = {"exif": exif.tobytes()} if exif.get(ORIENTATION, 1) != 1 else {}
    upright = ImageOps.exif_transpose(frame) if frame.info else frame
    upright = _to_srgb(upright, source.info.get("icc_profile"))
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    if upright.mode == "P" and upright.palette is not None:
        clean.putpalette(upright.getpalette() or [])
    clean.info = {k: v for k, v in source.info.items() if k in PIXEL_INFO}
    return clean


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile: keep the pixels as they are, without it
    return converted if converted is not None else image


def _save_options(fmt: str, image: Image.Image, frames: list[Image.Image]) -> dict[str, object]:
    """Encoder options that keep quality and carry no metadata."""
    if fmt == "JPEG":
        options: dict[str, object] = {"quality": JPEG_QUALITY, "optimize": True}
        try:
            from PIL import JpegImagePlugin

            sampling = JpegImagePlugin.get_sampling(image)
            if sampling in (0, 1, 2):
                options["subsampling"] = sampling
        except (AttributeError, TypeError):
            pass
        if image.info.get("progressive") or image.info.get("progression"):
            options["progressive"] = True
        if frames[0].mode not in ("RGB", "L", "CMYK"):
            frames[0] = frames[0].convert("RGB")
        return options | {"exif": b"", "comment": b""}
    if fmt == "PNG":
        return {"optimize": True}
    if fmt == "WEBP":
        lossless = image.info.get("lossless", False)
        return {
            "quality": WEBP_QUALITY,
            "lossless": bool(lossless),
            "exif": b"",
            "xmp": b"",
            "icc_profile": b"",
        }
    compression = image.info.get("compression")
    return (
        {"compression": compression} if compression in ("raw", "tiff_lzw", "tiff_deflate", "packbits") else {}
    )
