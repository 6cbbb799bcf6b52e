"""The bad-input corpus: each case gives one clear message, exit status 1, no traceback,
and leaves both the content and the previous output/ exactly as they were.

Each folder in tests/bad_input/ holds `files/` (laid over a copy of tests/sites/small),
optionally `GENERATE` (lines of `path size`: a large file made at test time) and `expected`
(the exact message). Set BAD_INPUT_REGENERATE=1 to rewrite the expected messages.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialblog.build import build
from trialblog.cli import main

CORPUS = Path(__file__).parent / "bad_input"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("good") / "site"
    shutil.copytree(Path(__file__).parent / "sites" / "small", site)
    build(site)
    return site


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Path, good_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    overlay = case / "files"
    if overlay.is_dir():
        shutil.copytree(overlay, site, dirs_exist_ok=True)
    generate = case / "GENERATE"
    if generate.exists():
        for line in generate.read_text().splitlines():
            rel, size = line.split()
            head = b"Title: Huge\nDate: 2024-01-01\nTrial: none\n\n"
            (site / rel).write_bytes(head + b"words " * ((int(size) - len(head)) // 6))
    output_before = snapshot(site / "output")
    content_before = snapshot(site / "content")

    result = CliRunner().invoke(main, ["build", "--site", str(site)])
    said = "\n".join(line for line in result.output.splitlines() if not line.endswith("…"))  # not the progress
    message = said.replace(str(site) + os.sep, "").strip()

    expected_file = case / "expected"
    if os.environ.get("BAD_INPUT_REGENERATE"):
        expected_file.write_text(message + "\n", encoding="utf-8")
    assert result.exit_code == 1, message
    assert "Traceback" not in message
    assert message == expected_file.read_text(encoding="utf-8").strip()
    assert snapshot(site / "output") == output_before
    assert snapshot(site / "content") == content_before
