"""Reproducible directory builds: imported registry records and the search index, byte for byte.

The small site of test_atomic.py has no registry records; this site has every record of
tests/data/ctgov/ and tests/data/hostile/, the directory pages, the recruiting feeds and the
Pagefind index. Pagefind alone writes its filters in a random order each run; the build puts them
in a stable order (trialblog/render/stable_index.py).
"""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
import subprocess
from fnmatch import fnmatch
from pathlib import Path

import pytest
from test_atomic import snapshot

from trialblog.build import build
from trialblog.registry.importer import import_paths
from trialblog.render import stable_index
from trialblog.render.search import SCRIPTS, UNUSED, indexed_glob, pagefind_command

ROOT = Path(__file__).parent.parent
RECORDS = [ROOT / "tests/data/ctgov" / d for d in ("v2_json", "classic_xml", "download")] + [
    ROOT / "tests/data/hostile"
]


def directory_site(target: Path, today: str | None = "2025-01-15") -> Path:
    """The small test site with the search index on and every test record imported."""
    shutil.copytree(ROOT / "tests/sites/small", target)
    conf = target / "pelicanconf.py"
    text = conf.read_text().replace("SEARCH = False", "SEARCH = True")
    if today is None:
        text = text.replace('TRIALBLOG_TODAY = "2025-01-15"\n', "")
    conf.write_text(text)
    report = import_paths(RECORDS, target / "content", target, dt.date(2025, 1, 15))
    assert report.count("created") >= 15
    return target


@pytest.fixture(scope="module")
def twice(tmp_path_factory) -> tuple[Path, Path]:
    """The same site in two folders, each built once."""
    base = tmp_path_factory.mktemp("reproducible")
    first = directory_site(base / "one")
    second = base / "two"
    shutil.copytree(first, second)
    build(first)
    build(second)
    return first / "output", second / "output"


def test_imports_are_reproducible(tmp_path):
    one = directory_site(tmp_path / "one") / "content"
    two = directory_site(tmp_path / "two") / "content"
    assert snapshot(one) == snapshot(two)


def test_directory_builds_are_byte_identical(twice):
    first, second = twice
    files = snapshot(first)
    assert any(name.startswith("pagefind/filter/") for name in files)
    assert sum(name.startswith("trials/recruiting/") for name in files) > 20
    assert "feeds/recruiting.atom.xml" in files
    assert files == snapshot(second)


def test_a_rebuild_in_the_same_folder_is_byte_identical(twice, tmp_path):
    first, _ = twice
    before = snapshot(first)
    build(first.parent, cache=False)
    assert snapshot(first) == before


def test_builds_on_the_same_day_without_a_build_date_are_identical(tmp_path, monkeypatch):
    """Without TRIALBLOG_TODAY the date is the clock's: same day, same bytes."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    day = dt.date.today()
    site = directory_site(tmp_path / "site", today=None)
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    build(site)
    build(copy)
    if dt.date.today() != day:
        pytest.skip("the day changed between the two builds")
    assert snapshot(site / "output") == snapshot(copy / "output")


def run_pagefind(output: Path) -> None:
    shutil.rmtree(output / "pagefind", ignore_errors=True)
    pages = indexed_glob({"ARTICLE_SAVE_AS": "diary/{date:%Y}/{slug}/index.html"})  # trialblog's default
    subprocess.run(pagefind_command(output, pages), check=True, capture_output=True)


def test_stable_index_keeps_pagefinds_content(twice, tmp_path):
    """Pagefind run again on the same pages, then made stable: the build's bytes, the same filters."""
    output = tmp_path / "output"
    shutil.copytree(twice[0], output)
    run_pagefind(output)
    bundle = output / "pagefind"
    written = {
        p.relative_to(bundle): p.read_bytes() for p in bundle.rglob("*.pf_*") if "filter" not in p.parts
    }
    filters = dict(stable_index.read(p) for p in (bundle / "filter").iterdir())
    assert stable_index.make_stable(bundle)
    for path in (bundle / "filter").iterdir():
        name, values = stable_index.read(path)
        assert values == sorted(filters[name], key=lambda value: value[0])
    for rel, data in written.items():  # fragments and word index: Pagefind's own bytes, untouched
        if rel.suffix != ".pf_meta":
            assert (bundle / rel).read_bytes() == data
    assert index_files(bundle) == index_files(twice[0] / "pagefind")


def index_files(bundle: Path) -> dict[str, bytes]:
    """The files of a Pagefind bundle, without the scripts the build adds or removes."""
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes()
        for p in sorted(bundle.rglob("*"))
        if p.is_file() and p.name not in SCRIPTS and not any(fnmatch(p.name, u) for u in UNUSED)
    }


def test_an_unknown_index_format_is_left_alone(twice, tmp_path):
    bundle = tmp_path / "pagefind"
    shutil.copytree(twice[0] / "pagefind", bundle)
    victim = next((bundle / "filter").iterdir())
    victim.write_bytes(gzip.compress(b"pagefind_dcd" + b"\xa1\x01\x02"))  # a CBOR map: not Pagefind's
    before = {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    assert not stable_index.make_stable(bundle)
    assert {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()} == before
