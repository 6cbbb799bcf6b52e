"""What `pip install trialblog` gives: a lean install that builds sites, extras for the rest, and the
metadata a PyPI user expects."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from click.testing import CliRunner
from packaging.requirements import Requirement
from trove_classifiers import classifiers as known_classifiers

import trialblog
from trialblog.cli import main

REPO = Path(__file__).parent.parent
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
#: Packages a build must never need: the social clients, test and comparison tools.
NOT_FOR_BUILDING = ("mastodon", "atproto", "atproto_client", "pytest", "playwright", "hypothesis",
                    "feedparser", "pytest_httpserver", "scrubadub", "ruff", "check_jsonschema")  # fmt: skip


def names(requirements: list[str]) -> set[str]:
    return {Requirement(r).name.lower() for r in requirements}


def test_the_plain_install_leaves_the_social_clients_and_the_tools_to_extras():
    runtime = names(PROJECT["dependencies"])
    extras = PROJECT["optional-dependencies"]
    assert {"mastodon.py", "atproto"} == names(extras["social"])
    assert not runtime & {"mastodon.py", "atproto", "pytest", "playwright", "scrubadub", "ruff"}
    assert {"pytest", "playwright"} <= names(extras["test"]) and "scrubadub" in names(extras["compare"])


def test_a_site_builds_with_none_of_the_extras(small_site):
    blocked = "; ".join(f"sys.modules[{name!r}] = None" for name in NOT_FOR_BUILDING)
    script = f"import sys; {blocked}; from trialblog.cli import run; sys.argv = ['trialblog', *sys.argv[1:]]; run()"
    done = subprocess.run([sys.executable, "-c", script, "build", "--site", str(small_site)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (small_site / "output/index.html").is_file()


def test_syndicate_says_how_to_install_the_social_extra(small_site, monkeypatch):
    monkeypatch.setitem(sys.modules, "atproto_client", None)
    result = CliRunner().invoke(main, ["syndicate", "--dry-run", "--site", str(small_site)])
    assert result.exit_code == 1
    assert "trialblog's social extra (atproto)" in result.output
    assert "pip install 'trialblog[social]'" in result.output and "Traceback" not in result.output


def test_replies_fetch_says_how_to_install_the_social_extra(small_site, monkeypatch):
    monkeypatch.setitem(sys.modules, "mastodon", None)
    result = CliRunner().invoke(main, ["replies", "fetch", "--site", str(small_site)])
    assert result.exit_code == 1
    assert "fetching replies needs trialblog's social extra (Mastodon.py)" in result.output
    assert "pip install 'trialblog[social]'" in result.output and "Traceback" not in result.output


def test_make_html_installs_the_runtime_and_make_test_everything():
    def planned(target: str) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
        return subprocess.run(["make", "-n", "-W", "pyproject.toml", target], cwd=REPO, env=env,
                              capture_output=True, text=True, check=True).stdout  # fmt: skip

    html = [line for line in planned("html").splitlines() if "pip install" in line and "-c constraints.txt" in line]
    assert html and all(line.rstrip().endswith("-e .") for line in html), html
    assert "-e '.[social,test,compare]'" in planned("test")


def test_packaging_metadata_a_pypi_user_expects():
    assert set(PROJECT["classifiers"]) <= known_classifiers
    assert {"Framework :: Pelican", "Framework :: Pelican :: Plugins"} <= set(PROJECT["classifiers"])
    assert {"Homepage", "Source", "Issues", "Documentation"} <= set(PROJECT["urls"])
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text().startswith("MIT License")
    assert "version" not in PROJECT and PROJECT["dynamic"] == ["version"]  # one source: trialblog.__version__
    assert trialblog.__version__ in CliRunner().invoke(main, ["--version"]).output
