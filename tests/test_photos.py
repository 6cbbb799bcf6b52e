"""Images in output/ lose their metadata and keep their orientation; content/ is untouched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image, ImageCms, TiffImagePlugin
from PIL.PngImagePlugin import PngInfo

from trialblog.build import build

SECRETS = (b"SERIAL-5512-0042", b"XMP-SECRET-PLACE", b"COMMENT-SECRET", b"CameraMaker", b"2024:03:04")
RED, BLUE = (220, 20, 20), (20, 20, 220)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="XMP-SECRET-PLACE"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
# Baseline TIFF structure tags: everything a cleaned TIFF may still carry.
TIFF_STRUCTURE = {256, 257, 258, 259, 262, 273, 277, 278, 279, 282, 283, 284, 296, 317, 338, 339}


def _exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "CameraMaker"
    exif[0x0110] = "Model X"
    exif[0x0132] = "2024:03:04 09:30:00"
    details = exif.get_ifd(0x8769)
    details[0xA431] = "SERIAL-5512-0042"  # body serial number
    details[0x9003] = "2024:03:04 09:30:00"  # when the photo was taken
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.5)
    gps[3], gps[4] = "W", (0.0, 7.0, 39.0)
    return exif


def _picture() -> Image.Image:
    """40x20, red on the left and blue on the right: turned by EXIF, red must end on top."""
    image = Image.new("RGB", (40, 20), BLUE)
    image.paste(Image.new("RGB", (20, 20), RED), (0, 0))
    return image


def _srgb() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def make_images(folder: Path) -> dict[str, int]:
    """Photos full of metadata; returns each file's EXIF orientation."""
    folder.mkdir(parents=True, exist_ok=True)
    picture = _picture()
    picture.save(
        folder / "visit.jpg", "JPEG", exif=_exif(6), xmp=XMP, comment=b"COMMENT-SECRET", icc_profile=_srgb()
    )
    text = PngInfo()
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    text.add_text("Comment", "COMMENT-SECRET")
    picture.save(folder / "scan.png", "PNG", exif=_exif(6), pnginfo=text)
    picture.save(folder / "rash.webp", "WEBP", exif=_exif(6), xmp=XMP, icc_profile=_srgb())
    tags = TiffImagePlugin.ImageFileDirectory_v2()
    tags[700] = XMP  # XMP
    tags[33723] = b"\x1c\x02\x5a\x00\x10XMP-SECRET-PLACE"  # IPTC: city
    tags[271] = "CameraMaker"
    tags[306] = "2024:03:04 09:30:00"
    tags[274] = 6
    picture.save(folder / "card.tiff", "TIFF", tiffinfo=tags, compression="tiff_lzw")
    return {"visit.jpg": 6, "scan.png": 6, "rash.webp": 6, "card.tiff": 6}


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def assert_clean(path: Path) -> None:
    raw = path.read_bytes()
    for secret in SECRETS:
        assert secret not in raw, f"{secret!r} left in {path.name}"
    assert b"adobe:ns:meta" not in raw and b"Exif\x00\x00" not in raw
    with Image.open(path) as image:
        exif = image.getexif()
        assert 0x8769 not in exif and 0x8825 not in exif  # no EXIF or GPS directory
        if image.format != "TIFF":  # a TIFF's own structure is kept in the same directory
            assert len(exif) == 0, f"EXIF left in {path.name}: {dict(exif)}"
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "icc_profile", "photoshop"):
            assert key not in image.info, f"{key} left in {path.name}"
        if image.format == "PNG":
            assert not image.text
        if image.format == "TIFF":
            assert set(image.tag_v2) <= TIFF_STRUCTURE, set(image.tag_v2) - TIFF_STRUCTURE


def assert_upright(path: Path) -> None:
    """Orientation 6 means "turn 90° clockwise to view": the left (red) half ends up on top."""
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        assert rgb.size == (20, 40), path.name
        top, bottom = rgb.getpixel((10, 5)), rgb.getpixel((10, 35))
        assert top[0] > 150 and top[2] < 100, f"{path.name}: top is {top}, not red"
        assert bottom[2] > 150 and bottom[0] < 100, f"{path.name}: bottom is {bottom}, not blue"


@pytest.fixture
def photo_site(small_site: Path) -> Path:
    make_images(small_site / "content" / "images")
    return small_site


def test_originals_carry_the_metadata_the_test_looks_for(photo_site):
    """The test images really hold GPS, serial, dates, XMP and comments before the build."""
    images = photo_site / "content" / "images"
    with Image.open(images / "visit.jpg") as jpeg:
        exif = jpeg.getexif()
        assert exif.get_ifd(0x8825)[2] and exif.get_ifd(0x8769)[0xA431] == "SERIAL-5512-0042"
        assert jpeg.info["comment"] == b"COMMENT-SECRET" and b"XMP-SECRET-PLACE" in jpeg.info["xmp"]
        assert "icc_profile" in jpeg.info
    for name in ("scan.png", "rash.webp", "card.tiff"):
        assert b"XMP-SECRET-PLACE" in (images / name).read_bytes()


@pytest.mark.parametrize("links", [False, True], ids=["copied", "hard-linked"])
def test_written_images_have_no_metadata_and_stay_upright(photo_site, links):
    images = photo_site / "content" / "images"
    before = _digest(images)
    build(photo_site, override={"STATIC_CREATE_LINKS": links})
    written = sorted(
        p for p in (photo_site / "output").rglob("*") if p.suffix in (".jpg", ".png", ".webp", ".tiff")
    )
    assert {p.name for p in written} == set(before)
    for path in written:
        assert_clean(path)
        assert_upright(path)
        assert not path.is_symlink() and os.stat(path).st_nlink == 1
    assert _digest(images) == before  # the originals are untouched
    with Image.open(images / "visit.jpg") as original:
        assert original.getexif()[0x0112] == 6 and original.size == (40, 20)


def test_colour_profile_is_converted_not_dropped(tmp_path):
    """A photo with a colour profile keeps its look: pixels are converted to sRGB, profile removed."""
    from trialblog_plugins.photo_privacy import clean_image

    path = tmp_path / "p.jpg"
    Image.new("RGB", (8, 8), (200, 100, 50)).save(path, "JPEG", icc_profile=_srgb(), quality=100)
    clean_image(path)
    with Image.open(path) as image:
        assert "icc_profile" not in image.info
        r, g, b = image.convert("RGB").getpixel((4, 4))
        assert abs(r - 200) < 8 and abs(g - 100) < 8 and abs(b - 50) < 8


def test_an_image_that_cannot_be_read_stops_the_build(photo_site):
    (photo_site / "content" / "images" / "broken.jpg").write_bytes(b"not really a jpeg")
    from trialblog.build import BuildError

    with pytest.raises(BuildError, match="could not remove the metadata"):
        build(photo_site)
    assert not (photo_site / "output").exists()


def test_animated_images_keep_every_frame(tmp_path):
    from trialblog_plugins.photo_privacy import clean_image

    frames = [Image.new("RGB", (10, 10), colour) for colour in (RED, BLUE, (20, 220, 20))]
    path = tmp_path / "a.webp"
    frames[0].save(path, "WEBP", save_all=True, append_images=frames[1:], duration=200, loop=0, exif=_exif(1))
    clean_image(path)
    with Image.open(path) as image:
        assert image.n_frames == 3 and len(image.getexif()) == 0
    assert b"SERIAL-5512-0042" not in path.read_bytes()


def test_plugin_is_on_by_default():
    from trialblog import PLUGINS

    assert "trialblog_plugins.photo_privacy" in PLUGINS


def test_a_rebuild_copies_the_pictures_it_cleaned_before(photo_site, monkeypatch):
    """Cleaning a phone photo takes a third of a second: a rebuild reuses the cleaned picture of
    the same original, to the same bytes, and cleans only a picture that changed."""
    from trialblog_plugins.photo_privacy import photo_privacy

    build(photo_site)
    first = {p.name: p.read_bytes() for p in (photo_site / "output" / "images").iterdir()}
    cleaned = []
    real_clean = photo_privacy.clean_image
    monkeypatch.setattr(photo_privacy, "clean_image", lambda path: (cleaned.append(path.name), real_clean(path)))
    entry = photo_site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))
    build(photo_site)
    assert cleaned == []
    written = photo_site / "output" / "images"
    assert {p.name: p.read_bytes() for p in written.iterdir()} == first
    for path in written.iterdir():
        assert_clean(path)
        assert_upright(path)
        assert os.stat(path).st_nlink == 1  # a copy, not the kept file itself

    Image.new("RGB", (40, 20), RED).save(photo_site / "content/images/visit.jpg", "JPEG", exif=_exif(1))
    build(photo_site)
    assert cleaned == ["visit.jpg"]
    assert_clean(written / "visit.jpg")
    kept = list((photo_site / ".trialblog/cache").glob("pelican-*/clean-images/*"))
    assert len(kept) == 4  # the old cleaned visit.jpg is gone with its original


def test_without_the_cache_every_picture_is_cleaned_afresh(photo_site, monkeypatch):
    from trialblog_plugins.photo_privacy import photo_privacy

    cleaned = []
    real_clean = photo_privacy.clean_image
    monkeypatch.setattr(photo_privacy, "clean_image", lambda path: (cleaned.append(path.name), real_clean(path)))
    build(photo_site, cache=False)
    build(photo_site, cache=False)
    assert sorted(cleaned) == sorted(2 * ["visit.jpg", "scan.png", "rash.webp", "card.tiff"])
    assert not list((photo_site / ".trialblog").glob("cache/pelican-*/clean-images"))
