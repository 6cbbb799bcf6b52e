"""Removes EXIF, XMP, IPTC, ICC profiles, comments and thumbnails from every image Pelican wrote,
and publishes the photos that pages show at the widths a phone needs (:mod:`.sizes`).

Phones put the GPS position, the camera's serial number and the time a photo was taken into
every picture. After the site is written (the ``finalized`` signal), every file in the output
folder that Pillow (with pillow-heif, for the iPhone's HEIC) recognises as a picture by its
content, whatever its name, is re-saved in its own format from its pixels alone: the EXIF
orientation is applied first so the picture still looks the right way up, and an embedded
colour profile is converted to sRGB so it still looks the same colour.

The cleaned image is written to a new file and moved over the output path, so a hard link or
symbolic link that Pelican made to the original (``STATIC_CREATE_LINKS``) is replaced, never
written through: the originals in ``content/`` are not touched. A picture that cannot be
cleaned (unreadable, cut short, a decompression bomb, or in a format Pillow cannot write) is
removed from the output and reported as an error naming it, which stops ``trialblog build``;
so is a file named like a picture that is not one. Pillow's warnings about a picture (a very
large one, damaged metadata) are reported as warnings naming it.

Re-encoding a phone photo takes a third of a second, so with the build's content cache on
(``CACHE_CONTENT``, in a ``CACHE_PATH`` named after the code, settings and theme) each cleaned
picture is kept under the SHA-256 of the original's bytes, and a later build copies it instead
of cleaning the same bytes again: the same result, since cleaning is deterministic.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import re
import shutil
import struct
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pelican import signals
from PIL import Image, ImageCms, ImageOps, ImageSequence
from pillow_heif import register_heif_opener

from trialblog import pipeline
from trialblog.files import keep_only
from trialblog.pipeline.settings import check, flag

from . import sizes

register_heif_opener()  # HEIC and HEIF, the iPhone's own format

# Under Pelican's logger, so that `trialblog build` sees an error here and keeps output/ as it was.
log = pipeline.logger("photo_privacy")

PIXELS = re.compile(r"\((\d+) pixels\)")
#: Formats saved as another: a camera's multi-picture JPEG is saved as its first picture.
SAVED_AS = {"MPO": "JPEG"}
#: Formats that keep every frame of an animation or a burst.
ALL_FRAMES = {"GIF", "PNG", "WEBP", "TIFF", "HEIF", "AVIF"}
#: Formats Pillow recognises without a signature, by parsing a header any file may resemble:
#: pictures only when their name says so, so that no other file is ever rewritten as one.
UNSIGNED = {"IM", "IMT", "IPTC", "PCD", "SPIDER", "TGA"}
#: Formats whose signature alone makes a file a photo: one that cannot be cleaned is refused,
#: whatever its name, as a cut-short JPEG still holds its EXIF.
SIGNED = ("JPEG", "PNG", "GIF", "WEBP", "TIFF", "HEIF", "AVIF", "JPEG2000", "PSD")
#: Image information that describes pixels, not the photographer: kept.
PIXEL_INFO = ("transparency", "gamma", "duration", "loop", "background", "disposal", "blend")
ORIENTATION = 0x0112
JPEG_QUALITY = 92
WEBP_QUALITY = 90
HEIF_QUALITY = 90
TIFF_COMPRESSIONS = ("raw", "tiff_lzw", "tiff_deflate", "packbits")


PLUGIN = "trialblog_plugins.photo_privacy"


SETTINGS = (flag("PHOTO_ORIGINALS"),)


def register() -> None:
    pipeline.connect()
    signals.initialized.connect(_check_settings)
    signals.generator_init.connect(_templates)
    signals.content_written.connect(_written)
    signals.finalized.connect(_finalized)


def _check_settings(pelican) -> None:
    if pipeline.enabled(pelican.settings, PLUGIN):
        check(pelican.settings, "photo_privacy", SETTINGS)


def _templates(generator) -> None:
    """Templates may ask for an entry's photos (its link preview is the first)."""
    if pipeline.enabled(generator.settings, PLUGIN):
        generator.env.globals["photos_of"] = sizes.photos_of


def _written(path, context) -> None:
    if pipeline.enabled(context, PLUGIN):
        sizes.on_written(path, context)


def _finalized(pelican) -> None:
    """Clean every picture written, then publish the photos pages show at their widths."""
    settings = pelican.settings
    if not pipeline.enabled(settings, PLUGIN):
        return
    cache = Path(settings["CACHE_PATH"]) if settings.get("CACHE_CONTENT") else None
    output = Path(pelican.output_path)
    clean_output(output, cache / CACHE_FOLDER if cache else None)
    try:
        photos, linked = sizes.published_photos(settings)
        keep = {photo.source for photo in photos} if settings.get("PHOTO_ORIGINALS") else linked
        keep |= {str(settings.get("SITE_IMAGE") or "").lstrip("/")}
        sizes.write_sizes(output, photos, keep, cache / sizes.CACHE_FOLDER if cache else None)
    finally:
        sizes.forget()


#: Under the build's CACHE_PATH: cleaned pictures, named by the digest of the originals' bytes.
CACHE_FOLDER = "clean-images"


def clean_output(output: Path, kept: Path | None = None) -> int:
    """Clean every image under ``output``; returns how many were rewritten. With ``kept`` (a
    folder), pictures cleaned by earlier builds are copied from there, and only the pictures
    this build wrote stay in it."""
    count = 0
    used: set[str] = set()
    for path in _images(output):
        shown = path.relative_to(output).as_posix()
        try:
            with _pillow_warnings(shown):
                if kept is None:
                    clean_image(path)
                else:
                    used.add(_clean_kept(path, kept))
        except Exception as exc:  # noqa: BLE001 - whatever stops the cleaning, never publish the original
            path.unlink(missing_ok=True)
            log.error("could not remove the metadata from %s, so it was not published: %s", shown, _said(exc))
            continue
        count += 1
    keep_only(kept, used)
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
    """Every file under ``output`` that is a picture by its content, or named like a photo, in
    a stable order."""
    found = []
    names = _names_of(SIGNED)
    for folder, _dirs, files in os.walk(output):
        for name in files:
            path = Path(folder, name)
            if os.path.splitext(name)[1].lower() in names or _looks_like_a_picture(path):
                found.append(path)
    return sorted(found)


def _names_of(formats: Iterable[str]) -> frozenset[str]:
    """The file name endings Pillow (and pillow-heif) know for ``formats``."""
    return _extensions(frozenset(formats))


@functools.cache
def _extensions(formats: frozenset[str]) -> frozenset[str]:
    Image.init()
    return frozenset(ext for ext, fmt in Image.registered_extensions().items() if fmt in formats)


def _accepts(accept: Callable[[bytes], object], head: bytes) -> bool:
    """Whether a format's test accepts ``head``; a file shorter than the test reads is not one
    (Pillow's own ``Image.open`` catches the same errors)."""
    try:
        return bool(accept(head))
    except (SyntaxError, IndexError, TypeError, struct.error):
        return False


def _looks_like_a_picture(path: Path) -> bool:
    """Whether Pillow recognises the file's content as a picture it can open."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    if not head or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        return False  # the site's pages, feeds and SVG: no picture format starts with "<"
    Image.init()
    if any(_accepts(Image.OPEN[f][1], head) for f in SIGNED if f in Image.OPEN and Image.OPEN[f][1]):
        return True
    # Pillow tells a format by the first 16 bytes (what it reads itself), except the unsigned
    # ones, which count only when the file is named as one: anything else is not a picture.
    signed = any(_accepts(accept, head) for _cls, accept in Image.OPEN.values() if accept)
    if not signed and path.suffix.lower() not in _names_of(UNSIGNED):
        return False
    try:
        with warnings.catch_warnings(), Image.open(path) as image:
            warnings.simplefilter("ignore")  # they are reported when the picture is cleaned
            return _named_as(path, image.format)
    except Image.DecompressionBombError:
        return True  # a picture all the same: refused, by name, when it is cleaned
    except Exception:  # noqa: BLE001 - anything Pillow cannot open is not a picture to it
        return False


def _named_as(path: Path, fmt: str | None) -> bool:
    """Whether a file Pillow read as ``fmt`` is a picture: any with a signature; one of
    :data:`UNSIGNED` only when its name is that format's too."""
    return fmt not in UNSIGNED or path.suffix.lower() in _names_of([fmt or ""])


def clean_image(path: Path) -> None:
    """Rewrite the image at ``path`` (in place, by replacing the file) without its metadata."""
    with Image.open(path) as image:
        if not _named_as(path, image.format):
            raise ValueError(f"it would be read as {image.format} only by its header")
        fmt = SAVED_AS.get(image.format or "", image.format or "")
        if fmt not in Image.SAVE:
            raise ValueError(f"trialblog cannot write {image.format} pictures; convert it to JPEG or PNG")
        image.load()
        frames = [_clean_frame(frame.copy(), image) for frame in ImageSequence.Iterator(image)]
        if fmt not in ALL_FRAMES:
            frames = frames[:1]
        options = _save_options(fmt, image, frames)
    first, rest = frames[0], frames[1:]

    def save(temp_name: str) -> None:
        with open(temp_name, "wb") as out:
            if rest:
                first.save(out, fmt, save_all=True, append_images=rest, **options)
            else:
                first.save(out, fmt, **options)

    try:
        _replace(path, save)
    except (OSError, ValueError, KeyError):  # a mode the format cannot write (CMYK as PNG): in RGB
        mode = "RGBA" if "A" in first.getbands() or "transparency" in first.info else "RGB"
        first, rest = first.convert(mode), [frame.convert(mode) for frame in rest]
        _replace(path, save)


@contextmanager
def _pillow_warnings(shown: str) -> Iterator[None]:
    """Report each warning Pillow gives about a picture as a warning naming it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    said = {str(w.message): w.category for w in caught}
    for message, category in said.items():
        if issubclass(category, Image.DecompressionBombWarning):
            size = PIXELS.search(message)
            message = (
                f"a very large picture ({int(size.group(1)):,} pixels)" if size else message
            ) + ": it was cleaned, but a page showing it loads slowly; publish a smaller copy"
        log.warning("%s: %s", shown, message)


def _said(exc: BaseException) -> str:
    """Why a picture could not be cleaned, in words."""
    if isinstance(exc, Image.DecompressionBombError):
        return (
            f"{exc} (a damaged or malicious file, or a picture far larger than a page needs: "
            "publish a smaller copy)"
        )
    if isinstance(exc, Image.UnidentifiedImageError):
        return "it is not a picture Pillow can read (damaged, cut short, or not a picture at all)"
    if "truncated" in str(exc).lower():
        return f"it is cut short ({exc})"
    return str(exc) or type(exc).__name__


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
    if fmt == "HEIF":  # pillow-heif: None writes none (empty bytes would be read as EXIF)
        return {"quality": HEIF_QUALITY, "exif": None, "xmp": None}
    if fmt == "AVIF":
        return {"quality": HEIF_QUALITY, "exif": b"", "xmp": b""}
    if fmt == "TIFF":
        compression = image.info.get("compression")
        return {"compression": compression} if compression in TIFF_COMPRESSIONS else {}
    return {}
