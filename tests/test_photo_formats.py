"""Every picture Pillow (with pillow-heif) can open loses its metadata, recognised by its content
whatever its name; a picture that cannot be cleaned is refused by name, never published as is."""

from __future__ import annotations

import gzip
import io
import logging
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageSequence
from PIL.PngImagePlugin import PngInfo
from test_photos import BLUE, RED, XMP, _exif, _picture
from trialblog_plugins.photo_privacy import clean_output

from trialblog.build import BuildError, build

SECRETS = (b"SERIAL-5512-0042", b"XMP-SECRET-PLACE", b"COMMENT-SECRET", b"CameraMaker", b"2024:03:04")


def _jpeg(**extra) -> bytes:
    out = io.BytesIO()
    _picture().save(out, "JPEG", exif=_exif(6), xmp=XMP, comment=b"COMMENT-SECRET", **extra)
    return out.getvalue()


def _saved(fmt: str, **options) -> Callable[[], bytes]:
    def make() -> bytes:
        out = io.BytesIO()
        _picture().save(out, fmt, **options)
        return out.getvalue()

    return make


def _png_with_text() -> bytes:
    text = PngInfo()
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    text.add_text("Comment", "COMMENT-SECRET")
    out = io.BytesIO()
    _picture().save(out, "PNG", exif=_exif(6), pnginfo=text)
    return out.getvalue()


def _animated(fmt: str, **options) -> Callable[[], bytes]:
    def make() -> bytes:
        frames = [Image.new("RGB", (40, 20), colour) for colour in (RED, BLUE, (20, 220, 20))]
        out = io.BytesIO()
        frames[0].save(out, fmt, save_all=True, append_images=frames[1:], duration=100, loop=0, **options)
        return out.getvalue()

    return make


def _mpo() -> bytes:
    out = io.BytesIO()
    _picture().save(out, "MPO", save_all=True, append_images=[_picture()], exif=_exif(6))
    return out.getvalue()


# (file name, the bytes, frames, upright): names that are the format's, another format's, or none.
PICTURES: dict[str, tuple[str, Callable[[], bytes], int, bool]] = {
    "jpeg as .jfif": ("photo.jfif", _jpeg, 1, True),
    "jpeg as .jpe": ("photo.jpe", _jpeg, 1, True),
    "jpeg as .JPG": ("PHOTO.JPG", _jpeg, 1, True),
    "jpeg without a name ending": ("photo", _jpeg, 1, True),
    "jpeg as .png": ("photo.png", _jpeg, 1, True),
    "jpeg as .txt": ("notes.txt", _jpeg, 1, True),
    "progressive jpeg": ("p.jpg", lambda: _jpeg(progressive=True), 1, True),
    "camera MPO": ("camera.jpg", _mpo, 1, True),
    "heic": ("IMG_0001.heic", _saved("HEIF", exif=_exif(6).tobytes(), xmp=XMP), 1, True),
    "heif": ("IMG_0001.HEIF", _saved("HEIF", exif=_exif(6).tobytes(), xmp=XMP), 1, True),
    "heic as .jpg": ("IMG_0002.jpg", _saved("HEIF", exif=_exif(6).tobytes(), xmp=XMP), 1, True),
    "avif": ("photo.avif", _saved("AVIF", exif=_exif(6).tobytes(), xmp=XMP), 1, True),
    "gif with a comment": ("scan.gif", _saved("GIF", comment=b"COMMENT-SECRET"), 1, False),
    "animated gif": ("moving.gif", _animated("GIF", comment=b"COMMENT-SECRET"), 3, False),
    "png with text and exif": ("scan.png", _png_with_text, 1, True),
    "png as .jpeg": ("scan.jpeg", _png_with_text, 1, True),
    "animated png": ("moving.png", _animated("PNG", exif=_exif(1)), 3, False),
    "webp": ("rash.webp", _saved("WEBP", exif=_exif(6), xmp=XMP), 1, True),
    "animated webp": ("moving.webp", _animated("WEBP", exif=_exif(1), xmp=XMP), 3, False),
    "tiff as .dat": ("card.dat", _saved("TIFF", exif=_exif(6)), 1, True),
    "jpeg 2000": ("scan.jp2", _saved("JPEG2000", comment=b"COMMENT-SECRET"), 1, False),
    "bmp": ("old.bmp", _saved("BMP"), 1, False),
    "bmp as .dat": ("old.dat", _saved("BMP"), 1, False),
    "tga, a format without a signature, by its name": ("scan.tga", _saved("TGA"), 1, False),
}
NO_METADATA = ("bmp", "bmp as .dat", "tga, a format without a signature, by its name")


@pytest.mark.parametrize("kind", PICTURES)
def test_every_picture_loses_its_metadata_whatever_its_name(tmp_path, kind):
    name, make, frames, upright = PICTURES[kind]
    data = make()
    assert any(s in data for s in SECRETS) or kind in NO_METADATA, "the test picture has metadata"
    path = tmp_path / "images" / name
    path.parent.mkdir()
    path.write_bytes(data)
    assert clean_output(tmp_path) == 1
    cleaned = path.read_bytes()
    for secret in SECRETS:
        assert secret not in cleaned, secret
    assert b"adobe:ns:meta" not in cleaned and b"Exif\x00\x00" not in cleaned
    with Image.open(path) as image:
        assert image.format == Image.open(io.BytesIO(data)).format.replace("MPO", "JPEG")
        exif = image.getexif()
        assert 0x8825 not in exif and 0x8769 not in exif and 0x010F not in exif  # no GPS, camera or details
        for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "icc_profile", "thumbnails"):
            assert not image.info.get(key) or image.info[key].startswith(b"Created by OpenJPEG"), key
        assert sum(1 for _ in ImageSequence.Iterator(image)) == frames
        if upright:
            rgb = image.convert("RGB")
            assert rgb.size == (20, 40)
            top, bottom = rgb.getpixel((10, 5)), rgb.getpixel((10, 35))
            assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0], (top, bottom)


def _cut_short() -> bytes:
    data = _jpeg()
    return data[: data.index(b"\xff\xda")]  # the EXIF, no picture


REFUSED: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "a cut-short jpeg": ("visit.jpg", _cut_short, "visit.jpg"),
    "a cut-short jpeg named otherwise": ("visit.bin", _cut_short, "visit.bin"),
    "a heic that is not one": ("IMG_0003.heic", lambda: b"not a picture", "IMG_0003.heic"),
    "a picture Pillow cannot write": ("icon.xpm", lambda: XPM, "cannot write XPM"),
    "half a png": ("half.png", lambda: _png_with_text()[:60], "half.png"),
}
XPM = b'/* XPM */\nstatic char *x[] = {\n"2 1 1 1",\n"a c #FF0000",\n"aa"\n};\n'


@pytest.mark.parametrize("kind", REFUSED)
def test_a_picture_that_cannot_be_cleaned_is_refused_by_name(tmp_path, caplog, kind):
    name, make, said = REFUSED[kind]
    path = tmp_path / "images" / name
    path.parent.mkdir()
    path.write_bytes(make())
    clean_output(tmp_path)
    assert not path.exists()
    (error,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert f"images/{name}" in error.getMessage() and said in error.getMessage()


def test_a_decompression_bomb_is_refused_by_name_and_a_large_picture_warned_of(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)  # a bomb past 2,000 pixels, a warning past 1,000
    images = tmp_path / "images"
    images.mkdir()
    Image.new("RGB", (50, 50)).save(images / "bomb.png")
    Image.new("RGB", (40, 40)).save(images / "large.png")
    Image.new("RGB", (50, 50)).save(images / "bomb.jfif", "JPEG")
    Image.new("RGB", (50, 50)).save(images / "bomb.dat", "BMP")
    assert clean_output(tmp_path) == 1
    assert not any((images / name).exists() for name in ("bomb.png", "bomb.jfif", "bomb.dat"))
    assert (images / "large.png").exists()
    messages = {r.levelname: [] for r in caplog.records}
    for record in caplog.records:
        messages[record.levelname].append(record.getMessage())
    assert len(messages["ERROR"]) == 3
    assert all("decompression bomb" in m and "2500 pixels" in m for m in messages["ERROR"])
    (warning,) = messages["WARNING"]
    assert warning.startswith("images/large.png: a very large picture (1,600 pixels)")


def test_files_that_are_not_pictures_are_left_alone(tmp_path):
    files = {
        "index.html": b"<!DOCTYPE html><p>x</p>",
        "feed.xml": b'<?xml version="1.0"?><feed/>',
        "style.css": b"body { color: red }",
        "consent.pdf": b"%PDF-1.4\n%\xe2\xe3\n1 0 obj <<>> endobj\n",
        "results.txt": b"P1 results were fine\nBM index normal\n",
        "BMI.txt": b"BM 24.1, P6 fine",
        "header.bin": b"\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x28\x00\x14\x00\x18\x00"
        + bytes(2400),
        "clip.mp4": b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(100),
        "icon.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        # shorter than some formats' tests read: a trial without sites writes "[]\n"
        "sites.json": b"[]\n",
        "one": b"(",
        "two.dat": b"BM",
        "empty.txt": b"",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert clean_output(tmp_path) == 0
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == files


def test_pillow_is_asked_only_about_files_a_picture_format_could_be(tmp_path, monkeypatch):
    """A search index's compressed fragments, a site's JSON and scripts: no format's signature,
    no picture's name, so Pillow never parses them (a large site has thousands)."""
    from trialblog_plugins.photo_privacy import photo_privacy

    for n in range(5):
        (tmp_path / f"fragment-{n}.pf_fragment").write_bytes(gzip.compress(b'{"url": "/x/"}' * 50))
    (tmp_path / "data.json").write_bytes(b'{"a": 1}')
    (tmp_path / "search.js").write_bytes(b"const x = 1;\n")
    (tmp_path / "scan.tga").write_bytes(b"not a targa picture at all")
    opened: list[str] = []
    real = photo_privacy.Image.open
    monkeypatch.setattr(photo_privacy.Image, "open", lambda path, *a, **k: opened.append(Path(path).name) or real(path, *a, **k))
    assert clean_output(tmp_path) == 0
    assert opened == ["scan.tga"]  # asked, by its name, and found not to be one


@pytest.fixture
def photo_site(small_site: Path) -> Path:
    images = small_site / "content" / "images"
    images.mkdir(parents=True)
    for kind in ("jpeg as .jfif", "heic", "gif with a comment", "jpeg without a name ending"):
        name, make, _, _ = PICTURES[kind]
        (images / name).write_bytes(make())
    return small_site


def test_the_build_publishes_every_format_clean_and_reuses_what_it_cleaned(photo_site, monkeypatch):
    from trialblog_plugins.photo_privacy import photo_privacy

    originals = {p.name: p.read_bytes() for p in (photo_site / "content/images").iterdir()}
    build(photo_site)
    written = photo_site / "output" / "images"
    first = {p.name: p.read_bytes() for p in written.iterdir()}
    assert set(first) == set(originals)
    for data in first.values():
        assert not any(s in data for s in SECRETS)
    cleaned = []
    real = photo_privacy.clean_image
    monkeypatch.setattr(photo_privacy, "clean_image", lambda path: (cleaned.append(path.name), real(path)))
    build(photo_site)
    assert cleaned == [] and {p.name: p.read_bytes() for p in written.iterdir()} == first
    assert {p.name: p.read_bytes() for p in (photo_site / "content/images").iterdir()} == originals


def test_the_build_stops_on_a_picture_it_cannot_clean(photo_site):
    shutil.copy(photo_site / "content/images/photo.jfif", photo_site / "content/images/copy.jfif")
    (photo_site / "content/images/broken.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(40))
    with pytest.raises(BuildError, match=r"images/broken\.heic"):
        build(photo_site)
    assert not (photo_site / "output").exists()
