"""docs/publishing.md, tried: the GitHub Pages workflow, the Netlify settings and rsync as written."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from trialblog.cli import main

REPO = Path(__file__).parent.parent
EXAMPLES = REPO / "docs" / "examples"
GUIDE = (REPO / "docs" / "publishing.md").read_text()
WORKFLOWS = sorted(EXAMPLES.glob("*.yml"))
SITEURL = "https://sam.github.io/diary"


def workflow(name: str) -> dict:
    # YAML 1.1 reads the key `on` as True: GitHub reads it as the word.
    data = yaml.safe_load((EXAMPLES / name).read_text())
    return {("on" if key is True else key): value for key, value in data.items()}


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_example_workflows_are_valid_github_workflows(path):
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_github_pages_workflow_builds_with_publishconf_uploads_and_deploys():
    flow = workflow("github-pages.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert runs == ["pip install -r requirements.txt", "trialblog build --publish"]
    (upload,) = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "output"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_workflow_steps_run_as_written_in_a_new_site(tmp_path):
    """The build job's commands, after its install step, in a site fresh from `trialblog init`."""
    from click.testing import CliRunner

    site = tmp_path / "diary"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(site), "--siteurl", SITEURL]).exit_code == 0
    assert (site / "requirements.txt").read_text().startswith("trialblog==")
    made = runner.invoke(main, ["new", "entry", "--trial", "my-trial", "--publish", "--date", "2025-02-03", "Week one", "--site", str(site)])
    entry = Path(re.search(r"created (\S+)", made.output).group(1))
    entry.write_text(entry.read_text().replace("Write what happened today.", "Bloods, then the long wait."))
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    build = [s for s in workflow("github-pages.yml")["jobs"]["build"]["steps"] if "run" in s][1:]
    for step in build:
        done = subprocess.run(step["run"], shell=True, cwd=site, env={**os.environ, "PATH": path},
                              capture_output=True, text=True, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
    page = (site / "output/diary/2025/week-one/index.html").read_text()
    assert f'<link rel="canonical" href="{SITEURL}/diary/2025/week-one/">' in page
    assert f'href="{SITEURL}/theme/css/trialblog.css"' in page
    assert f"<link href=\"{SITEURL}/diary/2025/week-one/\"" in (site / "output/feeds/all.atom.xml").read_text()
    published = json.loads((site / ".trialblog/published.json").read_text())
    assert published["siteurl"] == SITEURL and published["entries"][0]["url"] == f"{SITEURL}/diary/2025/week-one/"


def test_netlify_and_cloudflare_settings_build_with_publishconf_into_output():
    netlify = tomllib.loads((EXAMPLES / "netlify.toml").read_text())["build"]
    assert netlify["publish"] == "output" and netlify["command"].endswith("trialblog build --publish")
    assert netlify["environment"]["PYTHON_VERSION"] == "3.12"
    assert f"| build command | `{netlify['command']}` |" in GUIDE
    assert "| publish directory | `output` |" in GUIDE


def test_rsync_as_documented_mirrors_the_output_and_removes_what_was_unpublished(built_small, tmp_path):
    assert shutil.which("rsync"), "rsync is not installed: `make test` installs it (apt-get install -y rsync)"
    (command,) = [line for line in GUIDE.splitlines() if line.startswith("rsync ")]
    words = shlex.split(command)
    assert words[-2] == "output/"
    server = tmp_path / "www" / "diary"
    server.mkdir(parents=True)
    words[-1] = f"{server}/"

    def mirror() -> None:
        subprocess.run(words, cwd=built_small.parent, check=True, capture_output=True)

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    mirror()
    assert files(server) == files(built_small) and (server / "index.html").is_file()
    gone = "diary/2024/week-six/index.html"
    (built_small / gone).unlink()
    mirror()
    assert not (server / gone).exists() and files(server) == files(built_small)
