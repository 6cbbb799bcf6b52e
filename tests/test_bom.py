"""A UTF-8 byte order mark at the start of a file is harmless: the file builds, its title is whole.

(A BOM before an otherwise bad file is in the bad-input corpus: tests/bad_input/53-bom-* and
54-bom-*, whose messages give the same line numbers as the files without one.)
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import all_files, read
from lxml import etree

from trialblog.build import build
from trialblog.content.trials import load_trial
from trialblog.registry.importer import import_paths

BOM = b"\xef\xbb\xbf"
DATA = Path(__file__).parent / "data" / "ctgov"


def add_bom(path: Path) -> None:
    path.write_bytes(BOM + path.read_bytes())


def test_files_starting_with_a_bom_build(small_site):
    add_bom(small_site / "content/diary/03-visit.md")  # "Title: Week six" is its first line
    add_bom(small_site / "content/trials/open.yaml")  # "id:" is its first line
    add_bom(small_site / "content/pages/about.md")
    add_bom(small_site / "content/consent/blinded.md")
    result = build(small_site)
    output = result.output
    assert load_trial(small_site / "content/trials/open.yaml").id == "ISRCTN12345678"
    page = next(p for p in all_files(output) if p.name == "index.html" and "week-six" in p.parent.name)
    html = page.read_text(encoding="utf-8")
    assert "<title>Week six" in html and "\ufeff" not in html
    for path in all_files(output):
        if path.suffix in (".html", ".xml", ".txt"):
            assert "\ufeff" not in path.read_text(encoding="utf-8"), path
    atom = etree.fromstring(read(output, "feeds/all.atom.xml").encode())
    titles = atom.xpath("//a:entry/a:title/text()", namespaces={"a": "http://www.w3.org/2005/Atom"})
    assert any(t.startswith("Week six") for t in titles)


def test_registry_records_starting_with_a_bom_import(tmp_path):
    (tmp_path / "pelicanconf.py").write_text("from trialblog.settings import *  # noqa: F403\n")
    (tmp_path / "content" / "trials").mkdir(parents=True)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for source in (DATA / "v2_json/NCT05549596.json", DATA / "classic_xml/NCT03245528.xml"):
        (inputs / source.name).write_bytes(BOM + source.read_bytes())
    report = import_paths([inputs], tmp_path / "content", tmp_path, dt.date(2025, 1, 15))
    assert not report.failed and [o.action for o in report.outcomes] == ["created", "created"]
    for outcome in report.outcomes:
        trial = load_trial(tmp_path / outcome.trial_file)
        assert not trial.title.startswith("\ufeff") and trial.id == outcome.registry_id
