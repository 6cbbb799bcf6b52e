"""`trialblog check` and the build's checks, on real site files: positions, formats, silencing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from trialblog.build import build, check_site
from trialblog.checks import RULES, ChecksFailed, Severity
from trialblog.cli import main

REPO = Path(__file__).parent.parent
LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning) (?P<rule>\S+) (?P<message>.+)$"
)


def check(site: Path, *args: str):
    return CliRunner().invoke(main, ["check", str(site), *args], catch_exceptions=False)


def findings(site: Path) -> list[dict]:
    result = check(site, "--format", "json", "--show-silenced")
    return json.loads(result.stdout)


def add(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")


def line_of(path: Path, needle: str) -> tuple[int, int]:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {path}")


def test_the_example_site_passes_with_zero_findings():
    report = check_site(REPO)
    assert report.findings == [], "\n".join(str(f) for f in report.findings)
    assert report.files >= 30


def test_the_small_test_site_passes(small_site):
    result = check(small_site)
    assert result.exit_code == 0, result.output
    assert re.search(r"no problems found in \d+ files", result.stderr)


def test_text_output_points_at_the_characters_and_says_how_to_fix(small_site):
    entry = small_site / "content/diary/03-visit.md"
    add(entry, "Feeling rough. Text me on 07911 123456 if you're nearby.")
    result = check(small_site)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if " privacy.phone " in line)  # "Feeling rough." is a reminder too
    first, fix = lines[at : at + 2]
    match = LINE.match(first)
    assert match, first
    assert match["path"] == "content/diary/03-visit.md"
    assert (int(match["line"]), int(match["column"])) == line_of(entry, "07911 123456")
    assert match["severity"] == "error" and match["rule"] == "privacy.phone"
    assert "07911 123456" in match["message"]
    assert fix.startswith("    fix: ")
    assert "1 error" in result.stderr


def test_json_output(small_site):
    entry = small_site / "content/diary/03-visit.md"
    add(entry, "My sister Jane has MS too. Email me at sam.rivers@gmail.com.")
    data = findings(small_site)
    assert {f["rule"] for f in data} == {"privacy.named-person", "privacy.email"}
    for item in data:
        assert {"path", "line", "column", "rule", "severity", "message"} <= set(item)
        assert item["path"] == "content/diary/03-visit.md" and item["severity"] == "error"
    email = next(f for f in data if f["rule"] == "privacy.email")
    assert (email["line"], email["column"]) == line_of(entry, "sam.rivers@gmail.com")


def test_warnings_alone_exit_zero(small_site):
    add(small_site / "content/pages/about.md", "For the schedule, [click here](https://example.org/).")
    result = check(small_site)
    assert result.exit_code == 0
    assert "warning accessibility.link-text" in result.stdout


def test_blinding_rules_only_in_the_blinded_period(small_site):
    guess = "I'm pretty sure I'm on placebo."
    diary = small_site / "content/diary"
    for name in ("01-considering.md", "03-visit.md", "04-unblinded.md", "05-open.md"):
        add(diary / name, guess)
    flagged = {f["path"] for f in findings(small_site) if f["rule"] == "blinding.arm-guess"}
    assert flagged == {"content/diary/03-visit.md"}  # before day 1, after unblinding, open label: fine


def test_a_post_about_no_trial_is_blinded_while_a_trial_is(small_site):
    general = small_site / "content/diary/08-general.md"
    general.write_text(general.read_text().replace("2024-05-01", "2024-02-01"))
    add(general, "Everyone says my kit number 4471-22 gives it away.")
    assert [f["rule"] for f in findings(small_site)] == ["blinding.kit-number"]


def test_side_effect_reminder_is_a_gentle_warning(small_site):
    entry = small_site / "content/diary/03-visit.md"
    add(entry, "I've had a rash on my arms since the second dose.")
    result = check(small_site)
    assert result.exit_code == 0
    assert "warning integrity.report-side-effect" in result.stdout
    add(entry, "I rang the study line about it this morning.")
    assert findings(small_site) == []


def test_integrity_rules_while_the_trial_goes_on(small_site):
    entry = small_site / "content/diary/05-open.md"  # an ongoing open-label trial
    add(entry, "At screening, don't mention your relapse or they'll exclude you.")
    add(entry, "I met Jenny in the waiting room; she's on the same trial.")
    assert {f["rule"] for f in findings(small_site)} == {
        "integrity.hide-at-screening",
        "integrity.named-participant",
    }


def test_recruitment_text_in_a_trial_record_with_exact_position(small_site):
    trial = small_site / "content/trials/open.yaml"
    trial.write_text(
        trial.read_text()
        + "summary: |\n  A study of ordelimab.\n  This breakthrough therapy is free treatment, so hurry!\n"
        + "contacts:\n  - {name: Study line, phone: 07911 123456, email: jo.bloggs@example.org}\n"
    )
    data = findings(small_site)
    assert {f["rule"] for f in data} == {
        "recruitment.new-benefit",
        "recruitment.free-treatment",
        "recruitment.pressure",
    }  # the registry's public contacts are not privacy findings
    breakthrough = next(f for f in data if f["rule"] == "recruitment.new-benefit")
    assert (breakthrough["line"], breakthrough["column"]) == line_of(trial, "breakthrough")


def test_a_writer_urging_readers_to_join_gets_the_directorys_advice_as_a_warning(small_site):
    entry, page = small_site / "content/diary/05-open.md", small_site / "content/pages/about.md"
    add(entry, "This miracle drug cures MS, sign up today before the spots run out.")
    add(page, "I really hope the drug is a cure. The study is recruiting, details on the registry.")
    result = check(small_site)
    assert result.exit_code == 0, result.output
    data = findings(small_site)
    assert {(f["path"], f["rule"]) for f in data} == {
        ("content/diary/05-open.md", "recruitment.cure"),
        ("content/diary/05-open.md", "recruitment.pressure"),
    }  # hoping for a cure, or saying a study recruits, urges nobody
    for item in data:
        assert item["severity"] == "warning" and item["hint"] == RULES[item["rule"]].hint
    cure = next(f for f in data if f["rule"] == "recruitment.cure")
    assert (cure["line"], cure["column"]) == line_of(entry, "miracle")


def test_loader_errors_are_metadata_findings_and_other_checks_still_run(small_site):
    (small_site / "content/diary/02-randomized.md").write_text(
        (small_site / "content/diary/02-randomized.md").read_text().replace("Trial: blinded", "Trial: blindd")
    )
    add(small_site / "content/diary/03-visit.md", "I think I'm on placebo.")
    result = check(small_site)
    assert result.exit_code == 1
    lines = [LINE.match(line) for line in result.stdout.splitlines() if LINE.match(line)]
    meta = next(m for m in lines if m["rule"].startswith("metadata."))
    assert meta["path"] == "content/diary/02-randomized.md" and meta["line"] == "4"
    assert "Trial: 'blindd' is not a trial of this site" in meta["message"]
    assert any(m["rule"] == "blinding.arm-guess" for m in lines)


def test_drafts_are_checked_but_only_warned_about(small_site):
    add(small_site / "content/diary/06-draft.md", "Call me on 07911 123456.")
    result = check(small_site)
    assert result.exit_code == 0
    assert "warning privacy.phone" in result.stdout and "not published" in result.stdout


def test_accessibility(small_site):
    page = small_site / "content/pages/about.md"
    add(page, "![](images/me.jpg)\n\n### Skipped a level\n\nText.")
    data = findings(small_site)
    assert {(f["rule"], f["line"]) for f in data} == {
        ("accessibility.image-alt", line_of(page, "![](")[0]),
        ("accessibility.heading-skip", line_of(page, "### Skipped")[0]),
    }


# Silencing


def test_silence_one_line_with_a_reason_above_it(small_site):
    entry = small_site / "content/diary/03-visit.md"
    add(entry, '<!-- trialblog: ignore privacy.phone reason="a public line" -->\nRing 07911 123456.')
    result = check(small_site)
    assert result.exit_code == 0 and "privacy.phone" not in result.stdout
    assert "1 silenced" in result.stderr
    shown = check(small_site, "--show-silenced")
    assert "privacy.phone" in shown.stdout and "[silenced: a public line]" in shown.stdout
    (item,) = findings(small_site)
    assert item["silenced"] == "a public line"


def test_silence_on_the_same_line_covers_only_that_line(small_site):
    entry = small_site / "content/diary/03-visit.md"
    add(
        entry,
        'Ring 07911 123456. <!-- trialblog: ignore privacy.* reason="my work phone, public" -->\n\n'
        "Or my mobile, 07911 654321.",
    )
    data = [f for f in findings(small_site) if "silenced" not in f]
    assert [(f["rule"], f["line"]) for f in data] == [("privacy.phone", line_of(entry, "07911 654321")[0])]


def test_silence_a_whole_file_from_its_header(small_site):
    page = small_site / "content/pages/about.md"
    page.write_text('Title: About\nCheck-Ignore: accessibility reason="links introduced in the text"\n\n'
                    "[here](/a/) and [here](/b/)\n")  # fmt: skip
    data = findings(small_site)
    assert len(data) == 2 and all(f["silenced"] == "links introduced in the text" for f in data)


def test_silence_a_trial_record_with_a_yaml_comment(small_site):
    trial = small_site / "content/trials/open.yaml"
    trial.write_text(
        '# Check-Ignore: recruitment.new-benefit reason="the registry\'s own words"\n'
        + trial.read_text()
        + "registry_summary: A breakthrough treatment.\n"
    )
    (item,) = findings(small_site)
    assert item["rule"] == "recruitment.new-benefit" and item["silenced"] == "the registry's own words"


@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ("<!-- trialblog: ignore privacy.phone -->", "gives no reason"),
        ('<!-- trialblog: ignore privacy.phon reason="typo" -->', "'privacy.phon' is not a rule"),
    ],
)
def test_a_silence_without_reason_or_rule_is_an_error_and_silences_nothing(small_site, directive, problem):
    add(small_site / "content/diary/03-visit.md", f"{directive}\nRing 07911 123456.")
    data = findings(small_site)
    assert {f["rule"] for f in data} == {"metadata.ignore", "privacy.phone"}
    assert any(problem in f["message"] for f in data if f["rule"] == "metadata.ignore")
    assert not any("silenced" in f for f in data)


# The build


def test_build_refuses_on_errors_with_the_same_output(small_site):
    add(small_site / "content/diary/03-visit.md", "I think I'm on placebo.")
    checked = check(small_site)
    with pytest.raises(ChecksFailed):
        build(small_site)
    assert not (small_site / "output").exists()
    result = CliRunner().invoke(main, ["build", "--site", str(small_site)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout == checked.stdout
    assert "--allow-errors" in result.stderr
    assert not (small_site / "output").exists()


def test_check_errors_leave_the_last_good_site_in_place(small_site):
    build(small_site)
    before = {p: p.read_bytes() for p in (small_site / "output").rglob("*") if p.is_file()}
    add(small_site / "content/diary/03-visit.md", "I think I'm on placebo.")
    with pytest.raises(ChecksFailed) as failed:
        build(small_site)
    assert any(f.rule == "blinding.arm-guess" for f in failed.value.report.findings)
    assert {p: p.read_bytes() for p in (small_site / "output").rglob("*") if p.is_file()} == before
    assert [p.name for p in small_site.iterdir() if p.name.startswith(".output.b")] == []


def test_build_with_allow_errors_builds_and_still_shows_them(small_site):
    add(small_site / "content/diary/03-visit.md", "I think I'm on placebo.")
    result = CliRunner().invoke(main, ["build", "--allow-errors", "--site", str(small_site)])
    assert result.exit_code == 0, result.output
    assert "error blinding.arm-guess" in result.stdout
    assert (small_site / "output/index.html").exists()


def test_build_passes_warnings_through(small_site):
    add(small_site / "content/pages/about.md", "[click here](/archives/)")
    result = build(small_site)
    assert result.checks is not None and result.checks.warnings == 1


# The rules themselves


def test_every_rule_is_family_dot_name_and_documented():
    docs = (REPO / "docs/checks.md").read_text(encoding="utf-8")
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"[a-z]+\.[a-z0-9-]+", rule_id)
        assert isinstance(rule.severity, Severity) and rule.summary and rule.hint
        assert f"`{rule_id}`" in docs, f"{rule_id} is not in docs/checks.md"
