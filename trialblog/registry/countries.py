"""Countries as ISO 3166 knows them, named as people say them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .values import clean_line

# Registry spellings that pycountry does not look up (older ISO names, informal names).
ALIASES = {
    "turkey": "TR",
    "macedonia, the former yugoslav republic of": "MK",
    "the netherlands": "NL",
    "korea, south": "KR",
    "korea, north": "KP",
    "kosovo": "XK",  # a user-assigned code, used by the EU and the registries
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "ivory coast": "CI",
    "swaziland": "SZ",
    "burma": "MM",
    "cape verde": "CV",
    "east timor": "TL",
    "holland": "NL",
    "russia": "RU",
}
# Where ISO's short name is not what people say and pycountry gives no common name.
SPOKEN = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "VA": "Vatican City",
    "XK": "Kosovo",
    "MK": "North Macedonia",
    "KP": "North Korea",
    "SX": "Sint Maarten",
    "MF": "Saint Martin",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}


@dataclass(frozen=True)
class Country:
    """A country: its ISO 3166 alpha-2 code (empty when unknown) and its everyday name."""

    code: str
    name: str


@lru_cache(maxsize=4096)
def country(raw: str) -> Country:
    """The country a registry names, in any of the spellings registries use; unknown names stay as given."""
    text = clean_line(raw)
    if not text:
        return Country("", "")
    code = ALIASES.get(text.lower().rstrip("."))
    if code is None:
        try:
            code = pycountry.countries.lookup(text).alpha_2
        except LookupError:
            return Country("", text)
    return Country(code, spoken_name(code))


def spoken_name(code: str) -> str:
    """The everyday English name of an ISO 3166 alpha-2 code."""
    if code in SPOKEN:
        return SPOKEN[code]
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return getattr(found, "common_name", None) or found.name


def country_name(raw: str) -> str:
    """The everyday name of the country a registry names ("Czech Republic" → "Czechia")."""
    return country(raw).name
