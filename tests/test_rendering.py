"""Values the trial page takes ready-made from the plugins, against what its template computed."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
from markupsafe import Markup
from trialblog_plugins.trial_diary.trial_diary import TrialGenerator, rendered_once

from trialblog.content.vocab import Status

THEME = Path(__file__).parent.parent / "themes/trialblog/templates"


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


def test_markup_rendered_once_per_build_is_what_each_page_renders(tmp_path, monkeypatch):
    """Entries' facts and listings, rendered once and reused, against every page rendering its own."""
    from conftest import copy_example
    from trialblog_plugins.trial_diary import trial_diary
    from trialblog_plugins.trial_directory.trial_directory import DirectoryGenerator

    from trialblog.build import build

    def snapshot(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    reused = copy_example(tmp_path / "reused", today="2026-11-23")
    build(reused, cache=False, workers=1)
    plain = copy_example(tmp_path / "plain", today="2026-11-23")
    context = trial_diary.TrialGenerator.generate_context
    monkeypatch.setattr(
        trial_diary.TrialGenerator,
        "generate_context",
        lambda self: (context(self), self.context.pop("entry_facts_html")),
    )
    monkeypatch.setattr(DirectoryGenerator, "cache_listings", lambda self: None)
    build(plain, cache=False, workers=1)
    pages = snapshot(plain / "output")
    assert sum(1 for name in pages if name.endswith(".html")) > 100
    assert snapshot(reused / "output") == pages


def test_rendered_once_renders_each_key_once():
    calls = []
    module = SimpleNamespace(
        facts=lambda item, flag=True: calls.append((item, flag)) or Markup(f"<p>{item} {flag}</p>")
    )
    generator = SimpleNamespace(
        get_template=lambda name: SimpleNamespace(make_module=lambda context: module), context={}
    )
    render = rendered_once(generator, "macros", "facts", lambda item, flag=True: (item, flag))
    assert render("a") is render("a") and render("a", False) == Markup("<p>a False</p>")
    assert render("b") == Markup("<p>b True</p>")
    assert calls == [("a", True), ("a", False), ("b", True)]


def test_the_directorys_templates_are_compiled_before_the_output_phase_forks(tmp_path, monkeypatch):
    """Each rendering process would compile them again: only the parent may compile them."""
    import os

    from conftest import copy_example

    from trialblog.build import build

    log = tmp_path / "compiled.txt"
    compile_source = jinja2.Environment.compile

    def logged(self, source, name=None, *args, **kwargs):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {name}\n")
        return compile_source(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", logged)
    site = copy_example(tmp_path / "site", today="2026-11-23")
    build(site, workers=2)
    children = {
        name
        for pid, name in (line.split() for line in log.read_text().splitlines())
        if pid != str(os.getpid())
    }
    ours = {"trial.html", "consent.html", "base.html", "macros.html", "directory_macros.html", "trials.html"}
    ours |= {"recruiting.html", "facets.html", "conditions.html", "condition.html"}
    assert "article.html" in children  # Pelican's own generators compile theirs in each process
    assert not children & ours
