"""Makes Pagefind's index byte-identical from one build to the next.

Pagefind (1.5) keeps its filters in a hash map with a random seed, so each run writes the values
of a filter (``filter/*.pf_filter``) and the list of filters in the metadata (``*.pf_meta``) in a
different order, and the files' names (hashes of their bytes) change with it. Everything else it
writes (fragments, word index, scripts) is already the same every time.

:func:`make_stable` sorts both lists and names the files after their sorted bytes: the same
content, so the same search, in the same bytes. The files are gzip'd ``pagefind_dc`` + CBOR; only
the few CBOR types Pagefind writes are read. Anything unexpected (another Pagefind format, a
file that does not read back to its own bytes) leaves the index exactly as Pagefind wrote it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
FILTERS = 3  # MetaIndex: version, pages, index_chunks, filters, sorts, ...


class Unexpected(Exception):
    """The index is not in the format this module knows."""


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        arg = info
    elif 24 <= info <= 27:
        size = 1 << (info - 24)
        arg = int.from_bytes(data[at : at + size], "big")
        at += size
    else:
        raise Unexpected(f"CBOR item {head:#x}")
    if major == 0:
        return arg, at
    if major == 3:
        return data[at : at + arg].decode("utf-8"), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise Unexpected(f"CBOR major type {major}")


def _head(major: int, arg: int, out: bytearray) -> None:
    if arg < 24:
        out.append(major << 5 | arg)
    else:
        size = 1 if arg < 1 << 8 else 2 if arg < 1 << 16 else 4 if arg < 1 << 32 else 8
        out.append(major << 5 | {1: 24, 2: 25, 4: 26, 8: 27}[size])
        out += arg.to_bytes(size, "big")


def _encode(value: Any, out: bytearray) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        _head(0, value, out)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        _head(3, len(raw), out)
        out += raw
    elif isinstance(value, list):
        _head(4, len(value), out)
        for item in value:
            _encode(item, out)
    else:
        raise Unexpected(f"cannot encode {type(value).__name__}")


def read(path: Path) -> Any:
    """The CBOR value in one of Pagefind's gzip'd files; it must encode back to the same bytes."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise Unexpected(f"{path.name} does not start with Pagefind's signature")
    value, end = _decode(data, len(SIGNATURE))
    if end != len(data) or encode(value) != data[len(SIGNATURE) :]:
        raise Unexpected(f"{path.name} does not read back to its own bytes")
    return value


def encode(value: Any) -> bytes:
    out = bytearray()
    _encode(value, out)
    return bytes(out)


def write(folder: Path, stem: str, suffix: str, value: Any, digits: int) -> str:
    """Write ``value`` as ``<stem>_<hash>.<suffix>`` in ``folder``; returns ``<stem>_<hash>``."""
    body = encode(value)
    name = f"{stem}_{hashlib.sha256(body).hexdigest()[:digits]}"
    (folder / f"{name}.{suffix}").write_bytes(gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0))
    return name


def make_stable(bundle: Path) -> bool:
    """Rewrite the filters of the index in ``bundle`` (``pagefind/``) in sorted order.

    Returns False, leaving every file as it was, when the index is not in the known format.
    """
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        plan = []  # (language, meta path, meta, {old filter hash: sorted filter})
        for language, info in entry["languages"].items():
            meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = read(meta_path)
            filters = {}
            for name, old in meta[FILTERS]:
                value = read(bundle / "filter" / f"{old}.pf_filter")
                if not (isinstance(value, list) and len(value) == 2 and value[0] == name):
                    raise Unexpected(f"filter {name!r} is not [name, values]")
                filters[old] = [name, sorted(value[1], key=lambda item: item[0])]
            plan.append((language, meta_path, meta, filters))
    except (OSError, ValueError, KeyError, IndexError, TypeError, EOFError, Unexpected, struct.error):
        return False
    for language, meta_path, meta, filters in plan:
        stem = entry["languages"][language]["hash"].rsplit("_", 1)[0]
        renamed = {}
        for old, value in filters.items():
            renamed[old] = write(bundle / "filter", stem, "pf_filter", value, 7)
        for old in set(renamed) - set(renamed.values()):
            (bundle / "filter" / f"{old}.pf_filter").unlink()
        meta[FILTERS] = sorted([name, renamed[old]] for name, old in meta[FILTERS])
        new_meta = write(bundle, f"pagefind.{stem}", "pf_meta", meta, 10)
        if bundle / f"{new_meta}.pf_meta" != meta_path:
            meta_path.unlink()
        entry["languages"][language]["hash"] = new_meta.removeprefix("pagefind.")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
