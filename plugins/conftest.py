"""Each plugin's test builds a small site through a bare ``Pelican(settings).run()``, with Pelican's
default theme and that plugin alone, as pelican-plugins' own tests do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

TEST_DATA = Path(__file__).parent / "testdata" / "content"


@pytest.fixture
def test_content() -> Path:
    """The plugins' test site's content folder (to copy from)."""
    return TEST_DATA


@pytest.fixture
def pelican_run(tmp_path: Path) -> Callable[..., Path]:
    """Run Pelican on the test content with ``PLUGINS = [plugin]`` (and ``settings``); the output folder."""

    def run(plugin: str, content: Path = TEST_DATA, **settings: object) -> Path:
        output = tmp_path / "output"
        override = {"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(tmp_path / "cache"),
                    "PLUGINS": [plugin], "TIMEZONE": "UTC", "TRIALBLOG_TODAY": "2024-03-01",
                    "ARTICLE_PATHS": ["diary"], **settings}  # fmt: skip
        Pelican(read_settings(override=override)).run()
        return output

    return run
