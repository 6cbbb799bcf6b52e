"""photo_privacy: a photo is published without where and when it was taken."""

from __future__ import annotations

import shutil

from PIL import Image


def test_a_published_photo_has_no_gps(pelican_run, test_content, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(test_content, content)
    (content / "images").mkdir()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS: where the picture was taken
    Image.new("RGB", (8, 8), "red").save(content / "images/visit.jpg", exif=exif.tobytes())
    output = pelican_run("trialblog_plugins.photo_privacy", content=content, STATIC_PATHS=["images"])
    with Image.open(output / "images/visit.jpg") as published:
        assert 0x8825 not in published.getexif() and published.size == (8, 8)
    with Image.open(content / "images/visit.jpg") as original:
        assert 0x8825 in original.getexif()  # the original is untouched
