"""Photos that phones can load: a few widths each, with their size, lazy below the fold, clean,
kept by content between builds; the original published only when the writer asks."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from pillow_heif import register_heif_opener
from test_photos import BLUE, RED, XMP, _exif, assert_clean

from trialblog.build import build
from trialblog.render.photos import Photo, Size, plan, responsive, widths_for

register_heif_opener()
ENTRY = "content/diary/05-open.md"
PAGE = "output/diary/2024/open-label-start/index.html"


def phone_photo(path: Path, size: tuple[int, int], orientation: int = 1, fmt: str = "JPEG") -> None:
    """A picture red on its left half and blue on its right, with the metadata a phone writes."""
    image = Image.new("RGB", size, BLUE)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2, size[1]), fill=RED)
    options = {"exif": _exif(orientation)}
    if fmt in ("JPEG", "WEBP"):
        options["xmp"] = XMP
    image.save(path, fmt, **options)


@pytest.fixture
def photo_entry(small_site: Path) -> Path:
    images = small_site / "content/images"
    images.mkdir()
    phone_photo(images / "waiting-room.jpg", (2400, 1800), orientation=6)  # upright: 1800 × 2400
    phone_photo(images / "walk.heic", (1000, 750), fmt="HEIF")
    phone_photo(images / "scan.jpg", (1300, 1000))
    phone_photo(images / "tiny.jpg", (300, 200))
    Image.new("RGBA", (900, 600), (0, 0, 0, 0)).save(images / "readings.png")
    frames = [Image.new("RGB", (600, 400), c) for c in (RED, BLUE)]
    frames[0].save(images / "wave.gif", save_all=True, append_images=frames[1:], duration=200, loop=0)
    entry = small_site / ENTRY
    entry.write_text(entry.read_text().replace("BODY-OPEN", """BODY-OPEN

![The waiting room, from my chair](/images/waiting-room.jpg "Monday")

Later, the readings:

![Blood pressure readings, all normal]({static}/images/readings.png)

![A walk in the park]({static}../images/walk.heic) ![A tiny thing](/images/tiny.jpg)

![The scan](/images/scan.jpg) ([the scan at full size](/images/scan.jpg))

![Waving](/images/wave.gif)
"""))
    return small_site


def imgs(html: str) -> list[str]:
    return re.findall(r"<img [^>]*>", html)


def attr(tag: str, name: str) -> str | None:
    found = re.search(rf' {name}="([^"]*)"', tag)
    return found.group(1) if found else None


def test_widths_never_enlarge_a_photo():
    assert widths_for(4032) == (480, 800, 1200, 1600)
    assert widths_for(1000) == (480, 800, 1000)
    assert widths_for(300) == (300,)
    photo = plan("images/a b.heic", "HEIF", False, 1000, 750)
    assert [s.path for s in photo.sizes] == ["images/a b-480w.jpg", "images/a b-800w.jpg", "images/a b-1000w.jpg"]
    assert plan("images/x.gif", "GIF", False, 10, 10) is None
    assert plan("images/x.heic", "HEIF", True, 1000, 500).sizes[0].path.endswith(".png")  # alpha kept


def test_an_img_offers_every_width_and_its_size_and_links_keep_the_original():
    photo = Photo("images/x.jpg", "", (Size("images/x-480w.jpg", 480, 360), Size("images/x-800w.jpg", 800, 600)))
    html = '<p><img alt="A &quot;quote&quot;" src="/images/x.jpg" title="t"></p><a href="/images/x.jpg">x</a><img src="/images/x.jpg">'
    out, photos, linked = responsive(html, lambda src, alt: photo if src == "/images/x.jpg" else None, lambda p: f"/{p}")
    first, second = imgs(out)
    assert first == ('<img alt="A &quot;quote&quot;" title="t" src="/images/x-800w.jpg" srcset="/images/x-480w.jpg 480w, '
                     '/images/x-800w.jpg 800w" sizes="(max-width: 44rem) calc(100vw - 2rem), 42rem" width="800" '
                     'height="600" decoding="async">')  # fmt: skip
    assert attr(second, "loading") == "lazy" and photos == (photo, photo) and linked == {"images/x.jpg"}


def test_a_photo_heavy_entry_publishes_widths_not_originals(photo_entry):
    """The original's address serves its largest width (a feed or a link naming it still shows the
    photo); a HEIC one, which browsers cannot show, is gone."""
    build(photo_entry)
    out = photo_entry / "output"
    tags = imgs((photo_entry / PAGE).read_text())
    room, readings, walk, tiny, scan, wave = tags
    assert attr(room, "alt") == "The waiting room, from my chair" and attr(room, "title") == "Monday"
    assert attr(room, "src") == "/images/waiting-room-800w.jpg"
    assert attr(room, "srcset") == ", ".join(f"/images/waiting-room-{w}w.jpg {w}w" for w in (480, 800, 1200, 1600))
    assert (attr(room, "width"), attr(room, "height")) == ("800", "1067")  # upright, as the phone held it
    assert attr(room, "loading") is None and all(attr(t, "loading") == "lazy" for t in tags[1:5])
    assert attr(readings, "srcset") == "/images/readings-480w.png 480w, /images/readings-800w.png 800w, /images/readings-900w.png 900w"
    assert attr(walk, "src") == "/images/walk-800w.jpg" and attr(tiny, "srcset") == "/images/tiny-300w.jpg 300w"
    assert attr(wave, "src") == "/images/wave.gif" and attr(wave, "srcset") is None  # an animation stays whole
    published = sorted(p.name for p in (out / "images").iterdir())
    assert published == sorted([
        *(f"waiting-room-{w}w.jpg" for w in (480, 800, 1200, 1600)), *(f"readings-{w}w.png" for w in (480, 800, 900)),
        *(f"walk-{w}w.jpg" for w in (480, 800, 1000)), "tiny-300w.jpg", *(f"scan-{w}w.jpg" for w in (480, 800, 1200, 1300)),
        "scan.jpg", "wave.gif",  # the scan is linked at full size: its original, cleaned, stays
        "waiting-room.jpg", "readings.png", "tiny.jpg",  # the originals' addresses: their largest width
    ])  # fmt: skip
    images = out / "images"
    for original, largest in [("waiting-room.jpg", "waiting-room-1600w.jpg"), ("readings.png", "readings-900w.png")]:
        assert (images / original).read_bytes() == (images / largest).read_bytes()  # not the original
    with Image.open(images / "scan.jpg") as full:
        assert full.size == (1300, 1000)  # asked for: the original's pixels, cleaned
    feed = (out / "feeds/all.atom.xml").read_text()
    assert "/images/waiting-room.jpg" in feed  # a feed reader, shown the largest width there
    for path in (out / "images").iterdir():
        if path.suffix != ".gif":
            assert_clean(path)
    for width in (480, 800, 1200, 1600):
        with Image.open(out / f"images/waiting-room-{width}w.jpg") as image:
            assert image.size == (width, round(2400 * width / 1800))
            rgb = image.convert("RGB")
            top, bottom = rgb.getpixel((width // 2, 5)), rgb.getpixel((width // 2, image.height - 5))
            assert top[0] > 150 > top[2] and bottom[2] > 150 > bottom[0]  # turned as the phone said: red on top
    with Image.open(out / "images/readings-800w.png") as image:
        assert image.mode == "RGBA" and image.getpixel((5, 5))[3] == 0


def test_the_original_is_published_when_the_writer_asks(photo_entry):
    with open(photo_entry / "pelicanconf.py", "a") as conf:
        conf.write("\nPHOTO_ORIGINALS = True\n")
    build(photo_entry)
    for name in ("waiting-room.jpg", "readings.png", "scan.jpg", "tiny.jpg"):
        assert_clean(photo_entry / "output/images" / name)
    with Image.open(photo_entry / "output/images/walk.heic") as heic:
        assert heic.format == "HEIF" and not heic.info.get("exif") and not heic.info.get("xmp")


def test_a_photo_is_the_entry_s_link_preview(photo_entry):
    build(photo_entry, publish=True)
    page = (photo_entry / PAGE).read_text()
    assert '<meta property="og:image" content="https://diary.example.org/images/waiting-room-1200w.jpg">' in page
    assert '<meta property="og:image:width" content="1200">' in page and '<meta property="og:image:height" content="1600">' in page
    assert '<meta property="og:image:alt" content="The waiting room, from my chair">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert 'srcset="https://diary.example.org/images/waiting-room-480w.jpg 480w' in page


def test_widths_are_kept_by_content_and_a_rebuild_makes_none_again(photo_entry, monkeypatch):
    from trialblog_plugins.photo_privacy import sizes

    build(photo_entry)
    first = {p.name: p.read_bytes() for p in (photo_entry / "output/images").iterdir()}
    made = []
    real = sizes.make_size
    monkeypatch.setattr(sizes, "make_size", lambda cleaned, size, target: (made.append(size.path), real(cleaned, size, target)))
    entry = photo_entry / ENTRY
    entry.write_text(entry.read_text().replace("Later, the readings:", "Later, the readings, all fine:"))
    build(photo_entry)
    assert made == [] and {p.name: p.read_bytes() for p in (photo_entry / "output/images").iterdir()} == first
    phone_photo(photo_entry / "content/images/tiny.jpg", (320, 200))
    build(photo_entry)
    assert made == ["images/tiny-320w.jpg"]
    kept = list((photo_entry / ".trialblog/cache").glob("pelican-*/photo-sizes/*"))
    assert len(kept) == 4 + 3 + 3 + 1 + 4  # the old tiny width is gone with its original


def test_a_draft_s_photo_gets_no_widths(photo_entry):
    entry = photo_entry / ENTRY
    entry.write_text(entry.read_text().replace("Milestone: dose\n", "Milestone: dose\nStatus: draft\n"))
    build(photo_entry)
    assert not list((photo_entry / "output/images").glob("*-*w.*"))


def camera_photo(path: Path, seed: int, orientation: int = 1) -> None:
    """A 12-megapixel photo as a phone saves it (4032 × 3024, JPEG at quality 90, with its EXIF and
    XMP), with a photograph's detail: broad patches of colour, a fine texture and sensor noise, so
    that it weighs what a phone's photo weighs (about 3.4 MB) and its widths what theirs do."""
    rng = random.Random(seed)  # the same bytes every run

    def layer(cell: int, mode: str = "RGB") -> Image.Image:
        small = (4032 // cell, 3024 // cell)
        return Image.frombytes(mode, small, rng.randbytes(small[0] * small[1] * len(mode))).resize(
            (4032, 3024), Image.Resampling.BICUBIC
        )

    picture = Image.blend(Image.blend(layer(64), layer(4), 0.2), layer(1, "L").convert("RGB"), 0.04)
    picture.save(path, "JPEG", quality=90, exif=_exif(orientation), xmp=XMP)


@pytest.fixture(scope="module")
def photo_heavy(tmp_path_factory) -> tuple[Path, int]:
    """The small site with an entry showing six 12-megapixel phone photos (three held upright),
    built; and what the six weigh as the phone saved them."""
    site = tmp_path_factory.mktemp("photo-heavy") / "site"
    shutil.copytree(Path(__file__).parent / "sites/small", site)
    images = site / "content/images"
    images.mkdir()
    names = [f"visit-{n}.jpg" for n in range(1, 7)]
    for n, name in enumerate(names):
        camera_photo(images / name, seed=n, orientation=6 if n % 2 else 1)
    entry = site / ENTRY
    shown = "\n\n".join(f"Photo {n}:\n\n![Photo {n} of the visit](/images/{name})" for n, name in enumerate(names, 1))
    entry.write_text(entry.read_text().replace("BODY-OPEN", "BODY-OPEN\n\n" + shown))
    build(site)
    return site, sum((images / name).stat().st_size for name in names)


def on_phone(chromium, base: str, path: str, density: int) -> tuple[dict[str, int], float]:
    """What a phone 390 CSS pixels wide at ``density`` downloads reading ``path`` to its end: the
    bytes of each response body by file name, and how far the page moved while loading."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=density)
    page = context.new_page()
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.add_init_script(SHIFTS)
    page.goto(base + path)
    for _ in range(30):  # scroll through, as a reader does
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    shifts = page.evaluate("window.__shifts")
    downloaded = {r.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1] or "/": r.sizes()["responseBodySize"] for r in finished}
    context.close()
    return downloaded, shifts


SHIFTS = """window.__shifts = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value; })
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("density", [2, 3])
def test_a_phone_loads_the_width_it_needs_and_nothing_moves(photo_entry, chromium, density):
    from browser import serve

    build(photo_entry)
    with serve(photo_entry / "output") as base:
        downloaded, shifts = on_phone(chromium, base, "diary/2024/open-label-start/", density)
    photos = [name for name in downloaded if name.rsplit(".", 1)[-1] in ("jpg", "png", "gif", "heic")]
    wanted = {2: "800w", 3: "1200w"}[density]  # 358 CSS pixels wide, at 2 or 3 device pixels each
    assert f"waiting-room-{wanted}.jpg" in photos and "waiting-room.jpg" not in photos
    assert not [p for p in photos if p in ("readings.png", "walk.heic", "tiny.jpg")]  # no original
    assert shifts == 0
    out = photo_entry / "output/images"
    assert all(downloaded[p] == (out / p).stat().st_size for p in photos)  # whole files, counted as sent


#: What an entry of six 12-megapixel photos weighs on a phone at each density, in MB: everything
#: it downloads (the page, its style sheet, the photos), as docs/theme.md and the README say.
ON_A_PHONE = {2: 0.9, 3: 2.1}


@pytest.mark.parametrize("density", [2, 3])
def test_a_phone_loads_a_fraction_of_a_photo_heavy_entry(photo_heavy, chromium, density):
    from browser import serve

    site, originals = photo_heavy
    assert round(originals / 1e6) == 20  # six photos as a phone saves them, about 3.4 MB each
    with serve(site / "output") as base:
        downloaded, shifts = on_phone(chromium, base, "diary/2024/open-label-start/", density)
    photos = {name: size for name, size in downloaded.items() if name.startswith("visit-")}
    wanted = {2: "800w", 3: "1200w"}[density]
    assert sorted(photos) == [f"visit-{n}-{wanted}.jpg" for n in range(1, 7)]  # each photo once, at its width
    total = sum(downloaded.values())
    assert abs(total / 1e6 - ON_A_PHONE[density]) < 0.05 * ON_A_PHONE[density], total  # as the docs say
    assert total * 8 < originals  # a tenth of the originals, or less
    assert sum(photos.values()) > 0.8 * total  # the photos are the weight; the page is light
    assert shifts == 0
