"""Careless settings and hostile files never destroy sources, hang, crash or leak (docs/reliability.md)."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pelican.writers import Writer

from trialblog.build import build
from trialblog.cli import main


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("output", [".", "content", "content/diary", ".trialblog", ".."])
def test_no_command_writes_over_the_sources(small_site, output):
    """`trialblog build`, `trialblog serve` and `pelican content` all refuse before touching anything."""
    (small_site / ".trialblog").mkdir(exist_ok=True)
    before = snapshot(small_site)
    with (small_site / "pelicanconf.py").open("a") as conf:
        conf.write(f"\nOUTPUT_PATH = {output!r}\n")
    before["pelicanconf.py"] = (small_site / "pelicanconf.py").read_bytes()
    for args in (["build"], ["serve", "--port", "0"]):
        result = CliRunner().invoke(main, [*args, "--site", str(small_site)])
        assert result.exit_code == 1 and "OUTPUT_PATH" in result.output, result.output
    done = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "--delete-output-directory"],
        cwd=small_site, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode != 0 and "OUTPUT_PATH" in done.stdout + done.stderr
    assert snapshot(small_site) == before


def test_a_linked_output_folder_stays_a_link_and_gets_the_new_site(small_site, tmp_path):
    """`output` as a link to a web server's folder: built beside it, swapped in, the link kept."""
    www = tmp_path / "www" / "site"
    www.mkdir(parents=True)
    (small_site / "output").symlink_to(www)
    build(small_site)
    entry = small_site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))
    build(small_site)
    assert (small_site / "output").is_symlink() and (small_site / "output").resolve() == www
    assert "BODY-CHANGED" in (www / "diary/2024/week-six/index.html").read_text()
    assert [p.name for p in www.parent.iterdir()] == ["site"] or all(p.name.endswith(".lock") or p.name == "site" for p in www.parent.iterdir())
    assert not [p for p in small_site.iterdir() if p.name.startswith(".output.")]


def test_a_link_out_of_the_site_is_never_followed_into_the_output(small_site, tmp_path):
    secrets = tmp_path / "etc"
    secrets.mkdir()
    (secrets / "shadow").write_text("root:$6$secret")
    (small_site / "content/images").mkdir()
    (small_site / "content/images/visit.txt").write_text("a file of the site's own")
    (small_site / "content/images/etc").symlink_to(secrets)
    result = build(small_site)
    output = small_site / "output"
    assert (output / "images/visit.txt").is_file()
    assert not (output / "images/etc").exists() and not list(output.rglob("shadow"))
    assert any("content/images/etc is a link to" in w and "outside the site folder" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "output/index.html"), "the disk is full"),
        (PermissionError(errno.EACCES, "Permission denied", "output/index.html"), "permission denied"),
        (OSError(errno.EROFS, "Read-only file system", "output/index.html"), "the disk is read-only"),
        (OSError(errno.EDQUOT, "Disk quota exceeded", "output/index.html"), "your disk quota is used up"),
        (OSError(errno.ENAMETOOLONG, "File name too long", "output/index.html"),
         "a file name is too long for this disk: shorten the title or give a shorter `Slug:`"),
        (OSError(errno.EMFILE, "Too many open files", "output/index.html"),
         "too many files are open at once: close other programs, then run the command again"),
    ],
    ids=["disk-full", "read-only-folder", "read-only-disk", "quota", "name-too-long", "too-many-open-files"],
)
def test_the_machines_refusals_are_said_in_words(small_site, monkeypatch, error, words):
    build(small_site)
    before = snapshot(small_site / "output")
    entry = small_site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("BODY-VISIT", "BODY-CHANGED"))

    def refuse(self, *args, **kwargs):
        raise error

    monkeypatch.setattr(Writer, "write_file", refuse)
    result = CliRunner().invoke(main, ["build", "--site", str(small_site)])
    assert result.exit_code == 1
    assert f"error: output/index.html: {words}" in result.output and "Traceback" not in result.output
    assert snapshot(small_site / "output") == before
    assert os.environ.get("TRIALBLOG_DEBUG") is None


def test_an_import_onto_a_full_disk_names_the_trial_file_and_what_to_do(small_site, monkeypatch):
    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")  # as write() or fsync() raise it: no file named

    monkeypatch.setattr("trialblog.registry.yamlfile.os.fsync", disk_full)
    record = Path(__file__).parent / "data/ctgov/v2_json/NCT04012996.json"
    result = CliRunner().invoke(main, ["import", "ctgov", str(record), "--site", str(small_site)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(r"error: content/trials/[\w-]+\.yaml: the disk is full: free some space, then run the command again",
                     result.output), result.output  # fmt: skip
    assert not list((small_site / "content/trials").glob(".*.tmp"))
