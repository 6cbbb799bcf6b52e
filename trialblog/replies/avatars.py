"""Avatars copied into the site, so a page with replies asks nothing of another host.

Each picture is fetched once, read by Pillow, and saved anew as a small PNG from its pixels alone
(no metadata, nothing but the picture), named by the digest of those bytes.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from pathlib import Path
from urllib.parse import urlsplit

import requests
from PIL import Image, ImageOps

from ..files import write_atomic

SIZE = 96  # pixels: shown at 48, sharp on a high-density screen
MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 4096 * 4096


def fetch(url: str, folder: Path, allowed_host: str, timeout: float = 10.0) -> str:
    """The file name of the avatar at ``url``, saved in ``folder`` ('' when it cannot be had).

    Only ``https`` addresses are fetched, or any on ``allowed_host`` (the network's own server).
    """
    parts = urlsplit(url)
    if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname == allowed_host):
        return ""
    try:
        with requests.get(url, timeout=timeout, stream=True, allow_redirects=False) as response:
            if response.status_code != 200:
                return ""
            data = response.raw.read(MAX_BYTES + 1, decode_content=True)
    except (requests.RequestException, OSError):
        return ""
    if len(data) > MAX_BYTES:
        return ""
    picture = small_png(data)
    if picture is None:
        return ""
    name = hashlib.sha256(picture).hexdigest() + ".png"
    if not (folder / name).is_file():
        write_atomic(folder / name, picture)
    return name


def small_png(data: bytes) -> bytes | None:
    """``data`` as a square PNG of SIZE pixels, or None when it is not a picture Pillow reads safely."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    return None
                image.seek(0)
                square = ImageOps.fit(ImageOps.exif_transpose(image).convert("RGBA"), (SIZE, SIZE))
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
    out = io.BytesIO()
    square.save(out, format="PNG", optimize=True)
    return out.getvalue()
