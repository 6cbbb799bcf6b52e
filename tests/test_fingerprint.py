"""Nothing changed means nothing to build, and every input counts: never a stale page."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from conftest import copy_example

from trialblog.build import build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def example_site(target: Path) -> Path:
    return copy_example(target, today="2026-11-23")


def test_a_cached_build_writes_what_an_uncached_one_writes(tmp_path):
    """Pelican's reader cache and trialblog's caches (trial records, findings) are never stale."""
    cached = example_site(tmp_path / "cached")
    fresh = example_site(tmp_path / "fresh")
    build(fresh, cache=False)
    expected = snapshot(fresh / "output")
    build(cached)  # cold: fills the caches
    assert snapshot(cached / "output") == expected
    again = build(cached)
    assert again.unchanged and snapshot(cached / "output") == expected
    for site in (cached, fresh):  # the same edit to one entry and one trial record
        entry = next((site / "content/diary").glob("2024-03-18-*.md"))
        entry.write_text(entry.read_text() + "\nOne more line, added later.\n")
        trial = site / "content/trials/lumen-lupus.yaml"
        trial.write_text(trial.read_text().replace("status: ACTIVE_NOT_RECRUITING", "status: COMPLETED"))
    assert not build(cached).unchanged
    build(fresh, cache=False)
    assert snapshot(cached / "output") == snapshot(fresh / "output")
    assert "One more line, added later." in (cached / "output/feeds/all.atom.xml").read_text()


def test_settings_change_is_never_served_from_the_cache(tmp_path):
    site = example_site(tmp_path / "site")
    build(site)
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text().replace('SITENAME = "Blinded, Not Broken"', 'SITENAME = "Renamed Diary"'))
    result = build(site)
    assert not result.unchanged
    pages = list((site / "output").rglob("*.html"))
    assert pages and all("Blinded, Not Broken" not in p.read_text() for p in pages)


def test_edited_output_is_rebuilt(tmp_path):
    site = example_site(tmp_path / "site")
    build(site)
    index = site / "output/index.html"
    index.write_text("tampered")
    assert not build(site).unchanged
    assert "tampered" not in index.read_text()


def test_trial_records_in_a_linked_folder_are_part_of_the_fingerprint(tmp_path):
    """A site may keep its trial records in a folder shared with other sites, linked in."""
    site = example_site(tmp_path / "site")
    shared = tmp_path / "shared-trials"
    (site / "content/trials").rename(shared)
    (site / "content/trials").symlink_to(shared)
    build(site)
    trial = shared / "lumen-lupus.yaml"
    trial.write_text(trial.read_text().replace("status: ACTIVE_NOT_RECRUITING", "status: COMPLETED"))
    result = build(site)
    assert not result.unchanged
    page = (site / "output/trials/lumen-lupus/index.html").read_text()
    assert "Completed" in page and "Active, not recruiting" not in page


WORD_COUNT = '''
from pelican import signals


def count(generator):
    for article in generator.articles:
        article.word_count = len(article.content.split())


def register():
    signals.article_generator_finalized.connect(count)
'''


@pytest.fixture(autouse=True)
def no_plugin_left_connected():
    """Pelican's signals belong to the process: the site's own plugin is disconnected after its
    test, or it would read every later site's entries before their {static} links can be resolved."""
    yield
    plugin = sys.modules.get("wordcount")
    if plugin is not None:
        from pelican import signals

        signals.article_generator_finalized.disconnect(plugin.count)


def with_word_count(site: Path) -> Path:
    """The site with a single-file plugin of its own that adds an attribute to every article, and
    a template override that shows it."""
    (site / "wordcount.py").write_text(WORD_COUNT)
    overrides = site / "overrides"
    overrides.mkdir()
    (overrides / "article.html").write_text(
        '{% extends "!theme/article.html" %}{% block title %}{{ article.title }} ({{ article.word_count }} words){% endblock %}'
    )
    with (site / "pelicanconf.py").open("a") as conf:
        conf.write(textwrap.dedent('''
            PLUGIN_PATHS = ["."]
            PLUGINS = [*PLUGINS, "wordcount"]
            THEME_TEMPLATES_OVERRIDES = ["overrides"]
        '''))
    return site


def test_an_edited_template_override_is_never_served_from_the_last_build(tmp_path):
    site = with_word_count(example_site(tmp_path / "site"))
    build(site)
    (site / "overrides/article.html").write_text(
        '{% extends "!theme/article.html" %}{% block title %}Edited: {{ article.title }}{% endblock %}'
    )
    result = build(site)
    assert not result.unchanged
    page = next((site / "output/diary").rglob("index.html")).read_text()
    assert "<title>Edited: " in page


def test_a_single_file_plugin_is_in_the_fingerprint_without_making_every_build_cold(tmp_path):
    site = with_word_count(example_site(tmp_path / "site"))
    build(site)
    assert build(site).unchanged  # the plugin's own file, not the whole site folder
    (site / "wordcount.py").write_text(WORD_COUNT + "\n# edited\n")
    assert not build(site).unchanged


def test_an_attribute_a_plugin_adds_is_never_stale_after_an_edit(tmp_path):
    site = with_word_count(example_site(tmp_path / "site"))
    build(site)
    entry = next((site / "content/diary").glob("2024-03-18-*.md"))
    page = site / "output/diary/2024/two-weeks-in-the-headaches/index.html"
    before = page.read_text()
    entry.write_text(entry.read_text() + "\nThree more words.\n")
    build(site)
    after = page.read_text()
    count = int(before.split(" words)</title>")[0].rsplit("(", 1)[1])
    assert f"({count + 3} words)</title>" in after


def test_a_second_run_of_the_same_pelican_shows_the_edited_trial(tmp_path):
    """As `pelican -r` runs: the same Pelican object, run again after an edit."""
    from pelican import Pelican
    from pelican.settings import read_settings

    site = example_site(tmp_path / "site")
    settings = read_settings(str(site / "pelicanconf.py"), override={"OUTPUT_PATH": str(tmp_path / "out")})
    pelican = Pelican(settings)
    pelican.run()
    trial = site / "content/trials/lumen-lupus.yaml"
    trial.write_text(trial.read_text().replace("title: LUMEN-LUPUS", "title: LUMEN-LUPUS RENAMED", 1))
    pelican.run()
    page = (tmp_path / "out/trials/lumen-lupus/index.html").read_text()
    assert "LUMEN-LUPUS RENAMED" in page


def test_every_core_writes_what_one_process_writes(tmp_path):
    """The work shared out (reading, rendering) gives the same bytes as one process."""
    from benchmarks.corpus import generate
    from trialblog.pipeline.cores import MIN_SHARE, cores

    shared_out = generate(tmp_path / "shared", 4 * MIN_SHARE, 20)
    alone = generate(tmp_path / "alone", 4 * MIN_SHARE, 20)
    with (alone / "pelicanconf.py").open("a") as conf:
        conf.write("\nTRIALBLOG_CORES = 1\n")
    assert cores() > 1, "this test needs a machine with two cores or more"
    build(shared_out, cache=False)
    build(alone, cache=False)
    assert snapshot(shared_out / "output") == snapshot(alone / "output")
