"""Paths as the writer knows them: relative to the site, through symbolic links, resolved once
per build and afresh at the next."""

from __future__ import annotations

from trialblog.build.fingerprint import files_digest
from trialblog.content.errors import display_path, forget_folders, real_path


def test_a_path_through_a_link_is_shown_from_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "content/diary").mkdir(parents=True)
    entry = site / "content/diary/one.md"
    entry.write_text("Title: One\n")
    (tmp_path / "link").symlink_to(site)
    assert display_path(tmp_path / "link/content/diary/one.md", site) == "content/diary/one.md"
    assert display_path(entry, tmp_path / "link") == "content/diary/one.md"
    assert display_path(site, site) == "."
    assert display_path(tmp_path / "elsewhere.md", site) == str(tmp_path / "elsewhere.md")


def test_a_relative_path_is_resolved_from_the_folder_it_is_given_in(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path / "a")
    assert real_path("entry.md") == str(tmp_path / "a/entry.md")
    monkeypatch.chdir(tmp_path / "b")
    assert real_path("entry.md") == str(tmp_path / "b/entry.md")


def test_a_link_changed_between_builds_is_followed_afresh(tmp_path):
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "entry.md").write_text(name)
    link = tmp_path / "current"
    link.symlink_to(tmp_path / "first")
    assert real_path(link / "entry.md") == str(tmp_path / "first/entry.md")
    link.unlink()
    link.symlink_to(tmp_path / "second")
    forget_folders()  # as every build starts
    assert real_path(link / "entry.md") == str(tmp_path / "second/entry.md")
    file_link = tmp_path / "entry-link.md"
    file_link.symlink_to(tmp_path / "first/entry.md")
    assert real_path(file_link) == str(tmp_path / "first/entry.md")


def test_the_content_digest_covers_every_file_and_follows_linked_folders_once(tmp_path):
    content = tmp_path / "content"
    (content / "diary/deeper").mkdir(parents=True)
    (content / "diary/one.md").write_text("one")
    (content / "diary/deeper/two.md").write_text("two")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared/three.yaml").write_text("three")
    (content / "trials").symlink_to(tmp_path / "shared")
    (content / "diary/deeper/loop").symlink_to(content / "diary")  # walked once, not forever
    before = files_digest(content)
    for changed in (content / "diary/deeper/two.md", tmp_path / "shared/three.yaml"):
        changed.write_text("changed")
        assert files_digest(content) != before
        before = files_digest(content)
