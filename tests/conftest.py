"""Shared fixtures: small sites copied into temporary folders and built in-process."""

from __future__ import annotations

import shutil
import time
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


def copy_example(target: Path, today: str | None = None) -> Path:
    """A copy of the example site (settings and content) in ``target``; ``today`` fixes the build date."""
    target.mkdir(parents=True)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(REPO / name, target / name)
    shutil.copytree(REPO / "content", target / "content")
    if today:
        with open(target / "pelicanconf.py", "a", encoding="utf-8") as conf:
            conf.write(f'\nTRIALBLOG_TODAY = "{today}"\n')
    return target


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, driven by Playwright (see tests/browser.py)."""
    from browser import browser

    with browser() as instance:
        yield instance


def read(output: Path, rel: str) -> str:
    return (output / rel).read_text(encoding="utf-8")


def all_files(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file())


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, stopped but not yet waited for, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def all_stopped(pids: list[int], seconds: float = 5) -> bool:
    """Whether every one of ``pids`` has stopped, waiting up to ``seconds`` for them."""
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def site_model(site: Path):
    """The content model of ``site`` as a build makes it (from a checks-only Pelican run)."""
    from trialblog.build import check_site
    from trialblog.pipeline import run

    check_site(site)
    last = run.last()
    assert last is not None and last.site is not None
    return last.site


@pytest.fixture(scope="module")
def services():
    """One local Mastodon and one Bluesky server for the module (stopping a server takes a while),
    with the replies readers make (tests/reply_servers.py)."""
    from reply_servers import ThreadedBluesky, ThreadedMastodon
    from test_syndicate_servers import running

    with running(ThreadedMastodon()) as mastodon, running(ThreadedBluesky()) as bluesky:
        yield mastodon, bluesky


@pytest.fixture
def mastodon_server(services):
    services[0].reset()
    return services[0]


@pytest.fixture
def bluesky_server(services):
    services[1].reset()
    return services[1]


@pytest.fixture
def env(mastodon_server, bluesky_server) -> dict[str, str]:
    """The environment of a writer whose accounts are on the local servers."""
    from test_syndicate_servers import accounts

    return accounts(mastodon_server, bluesky_server)
