"""Who a reply says it is from: handles shown in plain ASCII, look-alike letters and names that
pass for the writer's found (Unicode's confusables, through confusable_homoglyphs)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from confusable_homoglyphs import confusables

HANDLE_PART = re.compile(r"^[A-Za-z0-9._-]+$")
# Letters Latin itself has in two shapes that look alike (UTS #39 maps them together too).
ASCII_TWINS = (("rn", "m"), ("vv", "w"), ("l", "i"), ("1", "i"), ("|", "i"), ("0", "o"))
SHORTEST_NAME = 3  # a shorter name is found inside too many others


def ascii_part(part: str) -> str:
    """A user name or domain label as plain ASCII: a label with other letters in its punycode
    form (``xn--…``), as browsers show a look-alike domain."""
    if HANDLE_PART.match(part):
        return part
    try:
        return "xn--" + part.encode("punycode").decode("ascii")
    except UnicodeError:
        return "xn--invalid"


def handle(user: str, host: str = "") -> str:
    """``@user@host`` (``@user`` alone without a host), every part in ASCII."""
    shown = "@" + ascii_part(user.lstrip("@"))
    if host:
        shown += "@" + ".".join(ascii_part(label) for label in host.lower().split(".") if label)
    return shown


def skeleton(text: str) -> str:
    """What ``text`` looks like: letters that pass for Latin ones replaced by them, case, accents,
    spacing and punctuation left out."""
    found = confusables.is_confusable(text, greedy=True, preferred_aliases=["latin", "common"]) or []
    swaps = {}
    for item in found:
        glyphs = item["homoglyphs"]
        latin = next((g["c"] for g in glyphs if g["n"].startswith(("LATIN", "DIGIT"))), glyphs[0]["c"])
        swaps[item["character"]] = latin
    text = "".join(swaps.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if c.isalnum())
    for twin, letter in ASCII_TWINS:
        text = text.replace(twin, letter)
    return text


def passes_for(name: str, writer_names: Iterable[str]) -> bool:
    """Whether ``name`` looks like one of ``writer_names`` (or holds one): an impersonation."""
    seen = skeleton(name)
    return bool(seen) and any(
        len(own) >= SHORTEST_NAME and own in seen for own in (skeleton(n) for n in writer_names if n)
    )


def mixes_scripts(text: str) -> bool:
    """Letters of several scripts where one could pass for another ("Ѕаm" with Cyrillic letters)."""
    return bool(text) and bool(confusables.is_dangerous(text, preferred_aliases=["latin", "common"]))


def notes(name: str, shown_handle: str, raw_handle: str, writer_names: Iterable[str], writer: bool) -> list[str]:
    """What the writer should know about who a reply is from, before approving it."""
    found = []
    if not writer and passes_for(name, writer_names):
        found.append(f"the name {name!r} looks like yours: it is shown as {shown_handle} only")
    elif mixes_scripts(name):
        found.append(f"the name {name!r} mixes letters of several alphabets that look alike")
    if shown_handle.lstrip("@") != raw_handle.lstrip("@"):
        found.append(f"the handle {raw_handle!r} has letters that look like others: shown as {shown_handle}")
    return found
