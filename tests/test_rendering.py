"""Values the trial page takes ready-made from the library, against what its template computed."""

from __future__ import annotations

import random
from pathlib import Path

import jinja2
from markupsafe import Markup

from trialblog.content.trials import Location
from trialblog.registry.listing import _site_countries

THEME = Path(__file__).parent.parent / "themes/trialblog/templates"
COUNTRIES = [
    "Germany",
    "germany",
    "GERMANY",
    "France",
    "",
    "Korea, Republic of",
    "Côte d'Ivoire",
    "CÔTE D'IVOIRE",
]


def template_countries(locations: list[Location]) -> list[str]:
    """The trial page's former filter chain for its country filters (escaped, as printed)."""
    env = jinja2.Environment(autoescape=True)
    chain = "{% for c in locations|map(attribute='country')|reject('equalto', '')|unique %}{{ c }}\x00{% endfor %}"
    return env.from_string(chain).render(locations=locations).split("\x00")[:-1]


def test_site_countries_are_the_template_filters_result():
    rng = random.Random(7)
    for size in (0, 1, 2, 5, 40, 300):
        for _ in range(20):
            locations = [Location(facility=f"Site {i}", country=rng.choice(COUNTRIES)) for i in range(size)]
            assert [Markup.escape(c) for c in _site_countries(locations)] == template_countries(locations)
