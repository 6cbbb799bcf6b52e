"""Values the trial page takes ready-made from the plugins, against what its template computed."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
from markupsafe import Markup
from trialblog_plugins.trial_diary.trial_diary import TrialGenerator

from trialblog.model import Location
from trialblog.registry.listing import _site_countries
from trialblog.vocab import Status

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


def generator_with_theme(templates: Path) -> SimpleNamespace:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True)
    return SimpleNamespace(get_template=lambda name: env.get_template(f"{name}.html"), context={})


def test_status_badges_are_the_themes_macro_for_every_status(tmp_path):
    badges = TrialGenerator.status_badges(generator_with_theme(THEME))
    assert set(badges) == set(Status)
    assert badges[Status.RECRUITING] == '<span class="status status-recruiting">Recruiting</span>'
    assert all(isinstance(html, Markup) for html in badges.values())
    theme = tmp_path / "templates"
    shutil.copytree(THEME, theme)
    macros = theme / "macros.html"
    macros.write_text(macros.read_text().replace('<span class="status ', '<span class="badge status '))
    edited = TrialGenerator.status_badges(generator_with_theme(theme))
    assert edited[Status.WITHDRAWN] == '<span class="badge status status-withdrawn">Withdrawn</span>'
