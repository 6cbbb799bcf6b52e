"""How wide a line of text is drawn, estimated without a font at hand: for placing chart labels.

The widths are DejaVu Sans's (the widest of the usual system sans-serif fonts, and Linux's default),
in thousandths of an em, so a label placed by them fits in any of those fonts.
"""

from __future__ import annotations

import unicodedata

#: Advance widths (1/1000 em) of the printable ASCII characters, grouped by width.
_WIDTHS = {
    275: "'", 278: "ijl", 295: "IJ", 318: " ,.", 337: "/:;\\|", 352: "f", 361: "-", 390: "()[]", 392: "t",
    401: "!", 411: "r", 460: '"', 500: "*_`", 521: "s", 525: "z", 531: "?", 550: "c", 557: "L", 575: "F",
    579: "k", 592: "vxy", 603: "P", 611: "TY", 612: "o", 613: "a", 615: "e", 632: "E", 634: "hnu",
    635: "Sbdgpq", 636: "$0123456789{}", 656: "K", 684: "AV", 685: "XZ", 686: "B", 695: "R", 698: "C",
    732: "U", 748: "N", 752: "H", 770: "D", 775: "G", 780: "&", 787: "OQ", 818: "w", 838: "#+<=>^~",
    863: "M", 950: "%", 974: "m", 989: "W", 1000: "@",
}  # fmt: skip
ADVANCE = {char: width / 1000 for width, chars in _WIDTHS.items() for char in chars}
#: A character not in the table: as wide as the widest capitals.
OTHER = 0.8


def char_width(char: str) -> float:
    """The advance of one character, in em."""
    if char in ADVANCE:
        return ADVANCE[char]
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0  # CJK and other wide characters fill the em
    base = unicodedata.normalize("NFD", char)[0]
    return ADVANCE.get(base, OTHER)


def text_width(text: str, size: float) -> float:
    """The width of ``text`` drawn at ``size`` (in the same units)."""
    return sum(char_width(char) for char in text) * size
