"""`pip install .` gives a working trialblog: plugins and theme ship inside the wheel."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import trialblog

REPO = Path(__file__).parent.parent


def test_wheel_contains_plugins_and_theme_and_works_from_a_fresh_venv(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(REPO)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = dist.glob("trialblog-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "trialblog_plugins/trial_diary/trial_diary.py" in names
    assert "trialblog_plugins/trial_feeds/trial_feeds.py" in names
    assert "trialblog_plugins/trial_sitemap/trial_sitemap.py" in names
    assert "trialblog_theme/templates/article.html" in names
    assert "trialblog_theme/static/css/trialblog.css" in names
    assert f"trialblog-{trialblog.__version__}.dist-info/licenses/LICENSE" in names
    metadata = zipfile.ZipFile(wheel).read(f"trialblog-{trialblog.__version__}.dist-info/METADATA").decode()
    for line in (f"Version: {trialblog.__version__}", "License-Expression: MIT", "Classifier: Framework :: Pelican :: Plugins",
                 "Project-URL: Source, ", 'Requires-Dist: atproto<0.1,>=0.0.73; extra == "social"'):  # fmt: skip
        assert line in metadata, line
    for init in [*(REPO / "trialblog").rglob("__init__.py"), *(REPO / "plugins").rglob("__init__.py")]:
        folder = init.parent.relative_to(REPO).as_posix().replace("plugins", "trialblog_plugins", 1)
        assert f"{folder}/__init__.py" in names, f"{folder} is missing from the packages in pyproject.toml"

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    purelib = subprocess.run([py, "-c", "import sysconfig;print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()  # fmt: skip
    # The wheel itself goes in for real; its dependencies are borrowed from this environment.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", purelib, str(wheel)],
        check=True,
    )
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(purelib) / "borrowed-deps.pth").write_text("\n".join(deps) + "\n")

    work = tmp_path / "elsewhere"
    work.mkdir()
    script = "import sys; from trialblog.cli import main; sys.argv=['trialblog', *sys.argv[1:]]; main()"
    init = subprocess.run([py, "-c", script, "init", "blog"], cwd=work, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    built = subprocess.run(
        [py, "-c", script, "build", "--site", "blog"], cwd=work, capture_output=True, text=True
    )
    assert built.returncode == 0, built.stderr
    where = subprocess.run([py, "-c", "import trialblog_theme, trialblog; print(trialblog.theme_path())"],
                           cwd=work, capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert str(REPO) not in where and "site-packages" in where
    assert (work / "blog/output/trials/my-trial/index.html").is_file()
