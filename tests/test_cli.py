"""The trialblog command, as a writer uses it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialblog.cli import main

DATA = Path(__file__).parent / "data"


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), catch_exceptions=False)
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def test_help_explains_itself():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("init", "new", "build", "serve"):
        assert command in result.output
    assert "trialblog new entry" in result.output


def test_init_then_build(tmp_path):
    site = tmp_path / "blog"
    result = run("init", str(site), "--name", "My MS trial")
    assert result.exit_code == 0, result.output
    conf = (site / "pelicanconf.py").read_text()
    assert "from trialblog.settings import *" in conf  # every trialblog plugin, from the one list
    result = run("build", "--site", str(site))
    assert result.exit_code == 0, result.output
    assert (site / "output/trials/my-trial/index.html").exists()
    assert "My MS trial" in (site / "output/index.html").read_text()
    assert run("init", str(site)).exit_code == 1  # never overwrites


def test_new_entry_writes_a_draft_with_a_permanent_id(tmp_path):
    site = tmp_path / "blog"
    run("init", str(site))
    result = run(
        "new",
        "entry",
        "--trial",
        "my-trial",
        "--milestone",
        "screening",
        "Screening day!",
        "--site",
        str(site),
    )
    assert result.exit_code == 0, result.output
    path = Path(re.search(r"created (\S+)", result.output).group(1))
    text = path.read_text()
    assert re.search(r"^Id: [0-9a-f-]{36}$", text, re.M)
    assert "Trial: my-trial" in text and "Milestone: screening" in text and "Status: draft" in text
    assert path.name.endswith("-screening-day.md")
    again = run("new", "entry", "--trial", "my-trial", "Screening day!", "--site", str(site))
    second = Path(re.search(r"created (\S+)", again.output).group(1))
    assert second != path and re.search(r"^Id: (.+)$", second.read_text(), re.M).group(1) not in text


def created(result) -> Path:
    assert result.exit_code == 0, result.output
    return Path(re.search(r"created (\S+)", result.output).group(1))


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Première injection à l'hôpital", "premiere-injection-a-l-hopital"),
        ("第一次注射", "di-yi-ci-zhu-she"),
        ("Первый визит", "pervyi-vizit"),
        ("💉", "syringe"),
        ("?!", "question-mark-exclamation-mark"),  # symbols alone, by their names: never `entry`
    ],
)
def test_new_entry_names_the_file_by_its_date_and_any_title(tmp_path, title, slug):
    site = tmp_path / "blog"
    run("init", str(site))
    path = created(run("new", "entry", "--trial", "my-trial", "--date", "2024-03-04", title, "--site", str(site)))
    assert path.parent == site / "content/diary"
    assert path.name == f"2024-03-04-{slug}.md"
    assert f"Title: {title}\nDate: 2024-03-04\n" in path.read_text()


def test_new_entry_date_with_a_time_and_a_post_about_no_trial(tmp_path):
    site = tmp_path / "blog"
    run("init", str(site))
    path = created(run("new", "entry", "--trial", "none", "--date", "2023-12-31 21:15", "New Year's Eve", "--site", str(site)))
    text = path.read_text()
    assert path.name == "2023-12-31-new-year-s-eve.md"
    assert "Date: 2023-12-31 21:15\n" in text and "Trial: none\n" in text and "Milestone" not in text
    path.write_text(text.replace("Write what happened today.", "Fireworks, and no trial at all."))
    path.write_text(path.read_text().replace("Status: draft\n", ""))
    result = run("build", "--site", str(site))
    assert result.exit_code == 0, result.output
    assert "Fireworks" in (site / "output/diary/2023/new-year-s-eve/index.html").read_text()
    refused = run("new", "entry", "--trial", "none", "--milestone", "visit", "Hi", "--site", str(site))
    assert refused.exit_code == 2 and "no milestone" in refused.output


def test_an_entry_still_saying_the_placeholder_is_never_published(tmp_path):
    site = tmp_path / "blog"
    run("init", str(site))
    path = created(run("new", "entry", "--trial", "my-trial", "--publish", "--date", "2025-01-02", "Week one", "--site", str(site)))
    result = run("build", "--site", str(site))
    shown = path.relative_to(site).as_posix()
    assert result.exit_code == 1
    assert f"{shown}:7: still says 'Write what happened today.': the entry has not been written yet" in result.output
    assert not (site / "output").exists()
    path.write_text(path.read_text().replace("Write what happened today.", "Bloods, then a long wait."))
    assert run("build", "--site", str(site)).exit_code == 0
    assert (site / "output/diary/2025/week-one/index.html").is_file()


def test_the_starter_entry_of_a_new_site_is_a_draft_until_it_is_written(tmp_path):
    site = tmp_path / "blog"
    run("init", str(site))
    (starter,) = (site / "content/diary").glob("*.md")
    assert "Status: draft" in starter.read_text()
    starter.write_text(starter.read_text().replace("Status: draft\n", "Status: published\n"))
    result = run("build", "--site", str(site))
    assert result.exit_code == 1 and starter.name in result.output and "has not been written yet" in result.output
    checked = run("check", "--site", str(site))
    assert checked.exit_code == 1 and f"{starter.name}:8:1: error" in checked.output


def test_new_entry_for_unknown_trial(tmp_path):
    site = tmp_path / "blog"
    run("init", str(site))
    result = run("new", "entry", "--trial", "nope", "Hi", "--site", str(site))
    assert result.exit_code == 2 and "'nope' is not a trial of this site" in result.output
    assert "my-trial" in result.output


def test_new_trial(tmp_path):
    site = tmp_path / "blog"
    run("init", str(site))
    result = run("new", "trial", "lupus-2", "--title", "LUPUS-2", "--id", "NCT04012996", "--phase", "PHASE2",
                 "--masking", "DOUBLE", "--condition", "Lupus", "--site", str(site))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (site / "content/trials/lupus-2.yaml").exists()
    assert "{#risks}" in (site / "content/consent/lupus-2.md").read_text()
    assert run("build", "--site", str(site)).exit_code == 0
    page = (site / "output/trials/lupus-2/index.html").read_text()
    assert "Double-blind" in page and "NCT04012996" in page


def test_build_error_is_one_clear_message_without_traceback(tmp_path, small_site):
    entry = small_site / "content/diary/03-visit.md"
    entry.write_text(entry.read_text().replace("Trial: blinded", "Trial: blindd"))
    proc = subprocess.run(
        [sys.executable, "-m", "trialblog.cli", "build", "--site", str(small_site)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "content/diary/03-visit.md:4: Trial: 'blindd' is not a trial of this site" in proc.stderr
    assert "use one of: blinded, open" in proc.stderr
    assert not (small_site / "output").exists()


def test_failed_build_keeps_the_previous_site(small_site):
    assert run("build", "--site", str(small_site)).exit_code == 0
    before = {
        p.relative_to(small_site / "output"): p.read_bytes()
        for p in (small_site / "output").rglob("*")
        if p.is_file()
    }
    trial = small_site / "content/trials/blinded.yaml"
    trial.write_text(trial.read_text().replace("status: COMPLETED", "status: DONE"))
    result = run("build", "--site", str(small_site))
    assert result.exit_code == 1
    assert "content/trials/blinded.yaml:5: status: 'DONE' is not an allowed value" in result.output
    after = {
        p.relative_to(small_site / "output"): p.read_bytes()
        for p in (small_site / "output").rglob("*")
        if p.is_file()
    }
    assert after == before
    # a template error half-way through Pelican also leaves output/ alone
    theme = small_site / "theme"
    import shutil

    from trialblog import theme_path

    shutil.copytree(theme_path(), theme)
    (theme / "templates/trial.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ trial.nope.deeper }}{% endblock %}"
    )
    trial.write_text(trial.read_text().replace("status: DONE", "status: COMPLETED"))
    conf = small_site / "pelicanconf.py"
    conf.write_text(conf.read_text() + '\nTHEME = "theme"\n')
    result = run("build", "--site", str(small_site))
    assert result.exit_code == 1 and "UndefinedError" in result.output
    assert {
        p.relative_to(small_site / "output"): p.read_bytes()
        for p in (small_site / "output").rglob("*")
        if p.is_file()
    } == before
    assert not list(small_site.glob(".output.*building*"))


def test_no_site_here(tmp_path):
    result = run("build", "--site", str(tmp_path))
    assert result.exit_code == 1 and "no settings file here" in result.output


def test_the_command_exits_quickly_with_every_line_written(small_site):
    """``trialblog`` leaves without freeing memory object by object: output still flushed."""
    command = [sys.executable, "-m", "trialblog.cli"]
    done = subprocess.run([*command, "build", "--site", str(small_site)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() and done.stdout.endswith("\n")
    assert (small_site / "output/index.html").exists()
    version = subprocess.run([*command, "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.startswith("trialblog, version ")
    usage = subprocess.run([*command, "no-such-command"], capture_output=True, text=True)
    assert usage.returncode == 2 and "No such command" in usage.stderr


def test_a_build_says_what_it_is_doing_and_how_long_it_took(small_site):
    result = run("build", "--quiet", "--site", str(small_site))
    assert result.exit_code == 0, result.output
    steps = [line for line in result.output.splitlines() if line.endswith("…")]
    assert steps == ["reading…", "checking…", "writing…", "finishing: search index, sitemap, photos…"]
    assert re.search(r"built \d+ pages .* in [\d.]+ s$", result.output.strip())


LONG_COMMANDS = {  # each with the steps it says as plain lines
    "check": (["check"], ["reading…", "checking…"]),
    "import-ctgov": (["import", "ctgov", str(DATA / "ctgov/v2_json/NCT04012996.json")], ["importing…"]),
    "import-ictrp": (["import", "ictrp", str(DATA / "ictrp/ICTRP-Results.xml")], ["importing…"]),
}


@pytest.mark.parametrize("command", LONG_COMMANDS)
def test_long_commands_say_their_steps_as_plain_lines_with_quiet_and_end_with_their_time(small_site, command):
    args, steps = LONG_COMMANDS[command]
    result = run(*args, "--quiet", "--site", str(small_site))
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.endswith("…")] == steps
    assert re.search(r"\d+\.\d s$", result.output.strip()), result.output


@pytest.mark.parametrize("command", LONG_COMMANDS)
def test_on_a_terminal_progress_is_one_line_rewritten_in_place(small_site, command):
    from terminal import on_a_terminal, screen

    args, steps = LONG_COMMANDS[command]
    status, stdout, terminal = on_a_terminal(*args, "--site", str(small_site))
    assert status == 0, terminal
    first = steps[0].rstrip("…")
    assert f"\r{first}…" in terminal and re.search(rf"\r{first}: \d+ files", terminal)  # counted as it goes
    assert "…\r\n" not in terminal  # never a line of its own
    shown = screen(terminal)
    assert not [line for line in shown if line.endswith("…") or line.startswith(f"{first}:")]  # cleared at the end
    assert re.search(r"\d+\.\d s$", stdout.strip() or shown[-2])


def test_progress_counts_each_phase_afresh_and_lines_said_meanwhile_are_never_drawn_over():
    from terminal import FakeTerminal, screen

    from trialblog.build import progress as progress_module

    terminal = FakeTerminal()
    progress = progress_module.Progress(terminal)
    say = progress.above(lambda text: terminal.write(text + "\n"))
    progress.phase("importing")
    progress.count("files")
    progress.shown_at = 0  # as if a tenth of a second had passed
    progress.count("studies", 3)
    assert terminal.getvalue().endswith("\rimporting: 1 files, 3 studies")
    say("warning: a record")
    progress.phase("writing")
    progress.shown_at = 0
    progress.count("pages")
    progress.done()
    assert "\rwriting: 1 pages" in terminal.getvalue()
    assert screen(terminal.getvalue()) == ["warning: a record", ""]


def test_repeated_findings_are_told_once_per_rule_and_check_all_lists_them(small_site):
    for n in range(6):
        (small_site / f"content/diary/links-{n}.md").write_text(
            f"Title: Links {n}\nDate: 2024-02-0{n + 1}\nTrial: none\n\n[click here](/archives/)\n"
        )
    built = run("build", "--quiet", "--site", str(small_site))
    assert built.exit_code == 0, built.output
    assert built.output.count("accessibility.link-text") == 4  # three in full, then one line for the rest
    assert "accessibility.link-text ×6 in all: 3 more not shown" in built.output
    checked = run("check", "--all", "--site", str(small_site))
    assert checked.output.count("warning accessibility.link-text") == 6


DIARY_WORDS = re.compile(r"\b(diary|diaries|entry|entries|my journey)\b", re.IGNORECASE)


def visible_text(path: Path) -> str:
    import lxml.html

    return " ".join(lxml.html.parse(str(path)).getroot().text_content().split())


def menu(path: Path) -> list[str]:
    return re.findall(r"<li><a href=\"[^\"]*\">([^<]+)</a></li>", path.read_text().split('<nav aria-label="Site">')[1].split("</nav>")[0])


def test_init_directory_makes_a_directory_site_with_no_diary_branding(tmp_path):
    site = tmp_path / "trials"
    result = run("init", str(site), "--directory")
    assert result.exit_code == 0, result.output
    assert "trialblog import ctgov" in result.output and not (site / "content/diary").exists()
    records = Path(__file__).parent / "data/ctgov/v2_json"
    assert run("import", "ctgov", str(records), "--site", str(site), "--today", "2025-01-15").exit_code == 0
    assert run("build", "--site", str(site)).exit_code == 0
    out = site / "output"
    assert menu(out / "index.html") == ["Trials", "Recruiting now", "About this directory"]
    home = visible_text(out / "index.html")
    assert "Clinical trials directory" in home and "open to new participants" in home and "Who runs this directory" in home
    assert not (out / "archives").exists() and not (out / "search").exists() and (out / "pagefind/pagefind.js").is_file()
    for page in out.rglob("*.html"):
        assert not DIARY_WORDS.search(visible_text(page)), f"{page.relative_to(out)}: {DIARY_WORDS.search(visible_text(page))}"


def test_a_diary_with_no_directory_trials_shows_no_directory_menu(tmp_path):
    site = tmp_path / "blog"
    run("init", str(site))
    assert run("build", "--site", str(site)).exit_code == 0
    assert menu(site / "output/index.html") == ["Diary", "Trials", "All entries", "Search", "About"]
    records = Path(__file__).parent / "data/ctgov/v2_json/NCT04012996.json"
    assert run("import", "ctgov", str(records), "--site", str(site), "--today", "2025-01-15").exit_code == 0
    assert run("build", "--site", str(site)).exit_code == 0  # a trial the writer only lists: a directory too
    assert menu(site / "output/index.html") == ["Diary", "Trials", "Recruiting now", "All entries", "Search", "About"]
