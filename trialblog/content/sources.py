"""Reading the writer's text files: size, encoding and invisible characters checked first."""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ContentError

MAX_BYTES = 5 * 1024 * 1024
# Characters XML 1.0 forbids: they would break every feed and page that carried them.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read_text(path: Path, shown: str) -> str:
    """Read a UTF-8 text file (a leading BOM is accepted) or raise a clear ContentError."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ContentError(
            shown,
            None,
            None,
            f"this file is too large ({size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)",
            "split it into several entries; keep photos in content/images/, not inside the text",
        )
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ContentError(
            shown,
            None,
            None,
            "this looks like a binary file, not text",
            "move it out of content/ or save it as UTF-8 text",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            shown,
            line,
            None,
            f"this file is not valid UTF-8 (byte {raw[exc.start]:#04x})",
            "save the file as UTF-8 in your editor",
        ) from None
    match = FORBIDDEN.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        raise ContentError(
            shown,
            line,
            None,
            f"column {column}: an invisible control character (U+{ord(match.group()):04X}) that cannot "
            "appear in a web page or feed",
            "delete it: retype that part of the line",
        )
    return text
