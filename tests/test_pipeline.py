"""One pipeline: whatever Pelican would publish is read, checked and modelled by the same code,
under `pelican content` and `trialblog build` alike."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from trialblog.build import BuildError, build
from trialblog.checks import ChecksFailed
from trialblog.content.errors import ContentErrors

PELICAN = [sys.executable, "-m", "pelican"]
PHONE = "Ring me on 020 7946 0123 after six."


def pelican_content(site: Path, *extra: str) -> subprocess.CompletedProcess:
    """`pelican content` as a user runs it; what it says, on either stream, in ``stdout``."""
    return subprocess.run(
        [*PELICAN, str(site / "content"), "-s", str(site / "pelicanconf.py"), "-o", str(site / "pelican-out"), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False, cwd=site,
        env={**os.environ, "COLUMNS": "1000"},
    )  # fmt: skip


def html_files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")} if folder.exists() else set()


def add_line(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def configure(site: Path, **settings: object) -> None:
    with (site / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        for key, value in settings.items():
            conf.write(f"\n{key} = {value!r}\n")


def test_pelican_content_and_trialblog_build_give_the_same_pages(small_site):
    build(small_site)
    done = pelican_content(small_site)
    assert done.returncode == 0, done.stdout
    ours, pelicans = small_site / "output", small_site / "pelican-out"
    assert html_files(ours) == html_files(pelicans) and html_files(ours)
    for name in html_files(ours):
        assert (ours / name).read_bytes() == (pelicans / name).read_bytes(), name


def test_pelican_content_refuses_a_check_error_as_trialblog_build_does(small_site):
    add_line(small_site / "content/diary/03-visit.md", PHONE)
    done = pelican_content(small_site)
    assert done.returncode != 0
    assert "content/diary/03-visit.md" in done.stdout and "privacy.phone" in done.stdout
    assert html_files(small_site / "pelican-out") == set()  # nothing written
    with pytest.raises(ChecksFailed) as failed:
        build(small_site)
    assert any(f.rule == "privacy.phone" and f.path == "content/diary/03-visit.md" for f in failed.value.report.findings)
    assert not (small_site / "output").exists()


@pytest.mark.parametrize(
    ("header", "line", "words"),
    [
        ("Status: published\nStatus: draft", 9, "Status: is given twice (first on line 8)"),
        ("Status : draft", 8, "`Status :` has a space before the colon"),
        ("Date: 2030-01-01", 8, "Date: is given twice (first on line 2)"),
        ("Content-Warnign: needles", 8, "did you mean `Content-Warning:`?"),
    ],
    ids=["status-twice", "space-before-colon", "second-date", "misspelt-key"],
)
def test_a_header_pelican_and_trialblog_could_read_differently_is_an_error(small_site, header, line, words):
    entry = small_site / "content/diary/03-visit.md"
    head, body = entry.read_text().split("\n\n", 1)
    entry.write_text(f"{head}\n{header}\n\n{body}")
    with pytest.raises(ContentErrors) as failed:
        build(small_site)
    (error,) = [e for e in failed.value.errors if e.path == "content/diary/03-visit.md"]
    assert error.line == line and words in str(error)
    done = pelican_content(small_site)
    assert done.returncode != 0 and words.split("`")[0].split(" (")[0] in done.stdout
    assert html_files(small_site / "pelican-out") == set()


@pytest.mark.parametrize("name", ["diary/extra.mdown", "diary/extra.mkd", "diary/extra.rst", "diary/linked/extra.md"])
def test_every_file_pelican_publishes_is_checked(small_site, tmp_path, name):
    """Other Markdown suffixes, reStructuredText, and entries in a linked folder."""
    if name.endswith(".rst"):
        text = "Extra\n#####\n\n:date: 2024-03-02\n:trial: none\n\n" + PHONE + "\n"
    else:
        text = f"Title: Extra\nDate: 2024-03-02\nTrial: none\n\n{PHONE}\n"
    target = small_site / "content" / name
    if "linked" in name:
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "extra.md").write_text(text)
        (small_site / "content/diary/linked").symlink_to(elsewhere)
    else:
        target.write_text(text)
    with pytest.raises(ChecksFailed) as failed:
        build(small_site)
    assert any(f.rule == "privacy.phone" and f.path.endswith(Path(name).name) for f in failed.value.report.findings)


def test_a_bad_plugin_setting_is_named_with_what_is_accepted(small_site):
    configure(small_site, DIRECTORY_PAGE_SIZE="ten")
    with pytest.raises(BuildError, match=r"trial_directory: DIRECTORY_PAGE_SIZE = 'ten' cannot be used: it must be a whole number from 1 to"):
        build(small_site)
    done = pelican_content(small_site)
    assert done.returncode != 0 and "DIRECTORY_PAGE_SIZE = 'ten'" in done.stdout
    command = subprocess.run([sys.executable, "-m", "trialblog.cli", "build", "--site", str(small_site)],
                             capture_output=True, text=True, check=False)  # fmt: skip
    assert command.returncode == 1 and "DIRECTORY_PAGE_SIZE = 'ten'" in command.stderr
    assert "Traceback" not in command.stderr


def test_a_third_party_plugin_sees_every_written_page(small_site):
    """pelican-sitemap (from PyPI) listens to Pelican's signals like any plugin: it lists every page."""
    configure(small_site, SITEURL="https://example.org")
    with (small_site / "pelicanconf.py").open("a") as conf:
        conf.write('\nPLUGINS = [*PLUGINS, "pelican.plugins.sitemap"]\nSITEMAP = {"format": "xml"}\n')
    build(small_site)
    output = small_site / "output"
    tree = ElementTree.parse(output / "sitemap.xml")
    listed = {loc.text.removeprefix("https://example.org/") for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {p.removesuffix("index.html") for p in html_files(output)}
    assert pages and pages <= listed | {""}


def test_the_command_works_where_fcntl_does_not_exist(small_site):
    """As on Windows: nothing imports fcntl or forks."""
    script = (
        "import sys; sys.modules['fcntl'] = None; import os; del os.fork\n"
        "from trialblog.cli import main\n"
        f"sys.argv = ['trialblog', 'build', '--site', {str(small_site)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout
    assert (small_site / "output/index.html").is_file()


def test_the_plugins_work_on_pelicans_default_theme(small_site):
    """The blinding notice and the disclosure still reach the reader, and the feeds are Pelican's own."""
    conf = small_site / "pelicanconf.py"
    conf.write_text(conf.read_text().replace("from trialblog.settings import *  # noqa: F403", ""))
    with conf.open("a") as handle:
        handle.write(
            '\nPATH = "content"\nARTICLE_PATHS = ["diary"]\nPAGE_PATHS = ["pages"]\n'
            'PLUGINS = ["trialblog_plugins.trial_diary", "trialblog_plugins.trial_feeds", "trialblog_plugins.trial_directory"]\n'
        )
    result = build(small_site)
    output = small_site / "output"
    showing = [p.read_text() for p in output.rglob("*.html") if "<p>BODY-VISIT</p>" in p.read_text()]
    assert len(showing) >= 2  # the entry's page and a listing that shows it whole (Pelican's theme)
    for page in showing:
        at = page.index("<p>BODY-VISIT</p>")
        assert "NOTICE-TEXT" in page[at - 300 : at] and "TRIAL-DISCLOSURE" in page[at : at + 300]
    assert (output / "trials/blinded/index.html").is_file() and result.pages > 5
    feed = (output / "feeds/all.atom.xml").read_text()
    assert "NOTICE-TEXT" in feed  # Pelican's own feed (FEED_ALL_ATOM), never overwritten, with the notice
    assert 'rel="self"' not in feed or "trialblog" not in feed.split("<entry>")[0]


def test_article_paths_are_honoured(small_site):
    (small_site / "content/diary").rename(small_site / "content/posts")
    configure(small_site, ARTICLE_PATHS=["posts"])
    add_line(small_site / "content/posts/03-visit.md", PHONE)
    with pytest.raises(ChecksFailed):
        build(small_site)
    (small_site / "content/posts/03-visit.md").write_text(
        (small_site / "content/posts/03-visit.md").read_text().replace(PHONE, "")
    )
    build(small_site)
    assert "BODY-VISIT" in (small_site / "output/diary/2024/week-six/index.html").read_text()


def test_sites_on_other_plugins_in_the_same_process_are_left_alone(small_site, tmp_path):
    """Pelican's signals are the process's: a plain Pelican site built after a trialblog one is plain."""
    build(small_site)
    plain = tmp_path / "plain"
    (plain / "content").mkdir(parents=True)
    (plain / "content/post.md").write_text(f"Title: Plain\nDate: 2024-01-01\nWhatever: yes\n\n{PHONE}\n")
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(override={"PATH": str(plain / "content"), "OUTPUT_PATH": str(plain / "out"), "PLUGINS": []})
    Pelican(settings).run()
    assert PHONE in (plain / "out/plain.html").read_text()


def test_nothing_in_the_library_reaches_for_pelicans_private_parts():
    """Only Pelican's public extension points: no `._name` of a Pelican object, no copy of its run."""
    root = Path(__file__).parent.parent
    for path in [*(root / "trialblog").rglob("*.py"), *(root / "plugins").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for private in ("_get_generator_classes", "_get_writer", "_filestamp_func", "__class__ =", "_parse_metadata",
                        "._content", "._md", "LimitFilter", "_raised_messages"):  # fmt: skip
            assert private not in text, f"{path}: {private}"
    assert os.path.exists(root / "trialblog/pipeline/receivers.py")


def test_every_warning_reaches_the_user_whichever_process_raised_it(small_site):
    """A warning logged while a page is rendered (here by a template global of the site's) comes
    from the process the page is rendered in: each one is said by the build."""
    from trialblog.pipeline.cores import cores

    overrides = small_site / "overrides"
    overrides.mkdir()
    (overrides / "article.html").write_text(
        '{% extends "!theme/article.html" %}{% block title %}{{ shout(article.title) }}{% endblock %}'
    )
    with (small_site / "pelicanconf.py").open("a") as conf:
        conf.write(
            "\nimport logging\n"
            "def shout(title):\n"
            "    logging.getLogger('pelican.plugins.site').warning('rendered %s', title)\n"
            "    return title\n"
            "JINJA_GLOBALS = {'shout': shout}\n"
            "THEME_TEMPLATES_OVERRIDES = ['overrides']\n"
        )
    result = build(small_site)
    assert cores() > 1
    assert sorted(w for w in result.warnings if w.startswith("rendered ")) == sorted(
        f"rendered {title}" for title in ("Week six", "Thinking about it", "Randomized", "Unblinded",
                                           "Open label start", "A general post")
    ), result.warnings


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="where processes are forked")
def test_work_is_shared_whatever_pythons_default_way_to_start_a_process(monkeypatch):
    """Python 3.14 starts processes with ``forkserver`` by default on Linux: the build forks all
    the same, except on macOS, where forking is not safe, and while another thread runs."""
    import multiprocessing
    import threading

    from trialblog.pipeline import cores as shared_work

    monkeypatch.setattr(multiprocessing, "get_start_method", lambda allow_none=False: "forkserver")
    assert shared_work.cores({"TRIALBLOG_CORES": 3}) == 3
    assert shared_work.shared(lambda n: (n, os.getpid()), list(range(40)), 2)[1][1] != os.getpid()
    monkeypatch.setattr(shared_work.sys, "platform", "darwin")
    assert shared_work.cores({"TRIALBLOG_CORES": 3}) == 1
    monkeypatch.undo()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert shared_work.cores({"TRIALBLOG_CORES": 3}) == 1
    finally:
        stop.set()
        other.join()
