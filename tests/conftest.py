"""Shared fixtures: small sites copied into temporary folders and built in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trialblog.build import build

SITES = Path(__file__).parent / "sites"
REPO = Path(__file__).parent.parent


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A copy of tests/sites/small that a test may edit."""
    target = tmp_path / "site"
    shutil.copytree(SITES / "small", target)
    return target


@pytest.fixture
def built_small(small_site: Path) -> Path:
    """The small site, built; returns its output folder."""
    build(small_site)
    return small_site / "output"


def read(output: Path, rel: str) -> str:
    return (output / rel).read_text(encoding="utf-8")


def all_files(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file())
