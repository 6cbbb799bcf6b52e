"""Deterministic identifiers for a post on each network, derived from the entry's permanent id.

The same entry always gets the same Mastodon ``Idempotency-Key`` and the same Bluesky record key,
so a request repeated after a timeout or a crash is recognised instead of posted twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")
# Record keys are TIDs whose timestamp part is this moment plus up to 2**40 microseconds
# (about 12.7 days) taken from the hash: always in the past, never clashing with the clock.
TID_BASE = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
TID_SPREAD_BITS = 40


def _digest(network: str, permanent_id: str) -> bytes:
    return hashlib.sha256(f"trialblog\0{network}\0{permanent_id}".encode()).digest()


def idempotency_key(permanent_id: str) -> str:
    """The Mastodon ``Idempotency-Key`` for an entry."""
    return "trialblog-" + _digest("mastodon", permanent_id).hex()[:40]


def record_key(permanent_id: str) -> str:
    """The Bluesky record key for an entry: a valid TID, the same on every run."""
    number = int.from_bytes(_digest("bluesky", permanent_id)[:8], "big")
    base_us = int(TID_BASE.timestamp()) * 1_000_000
    timestamp = base_us + (number >> 24) % (1 << TID_SPREAD_BITS)
    clock_id = number & 0x3FF
    return encode_tid((timestamp << 10) | clock_id)


def encode_tid(value: int) -> str:
    """Base32-sortable encoding of a 63-bit TID value (13 characters)."""
    if not 0 <= value < 1 << 63:
        raise ValueError("a TID is a 63-bit number")
    chars = []
    for _ in range(13):
        chars.append(TID_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))
