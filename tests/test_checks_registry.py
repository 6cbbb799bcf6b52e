"""Registry text is the registry's words: reported to the editor, never an error that blocks a build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from trialblog.build import build
from trialblog.checks import RULES, Severity
from trialblog.checks.runner import REGISTRY_HINT
from trialblog.cli import main

DATA = Path(__file__).parent / "data" / "ctgov"
CURE_TRIAL = "content/trials/hydroxychloroquine-with-or-without-azithromycin.yaml"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def import_records(site: Path, *paths: Path):
    return run("import", "ctgov", *map(str, paths), "--site", str(site), "--today", "2025-01-15")


def findings(site: Path) -> list[dict]:
    return json.loads(run("check", str(site), "--format", "json").stdout)


def real_records() -> list[Path]:
    """Every real registry record in the test data (the broken fragments left out)."""
    return sorted(p for p in DATA.rglob("*") if p.suffix in (".json", ".xml") and p.parent.name != "broken")


def test_every_real_record_imports_and_no_check_error_blocks_the_build(small_site):
    imported = import_records(small_site, *real_records())
    assert imported.exit_code == 0, imported.output
    assert "in the registry's own text, which never stops a build" in imported.output
    result = build(small_site)  # raises ChecksFailed on any error
    assert result.checks is not None and result.checks.errors == 0
    registry = [f for f in result.checks.findings if f.registry]
    assert len(registry) >= 10 and all(f.severity is Severity.WARNING for f in registry)
    assert len({f.path for f in registry}) >= 8


def test_a_finding_in_registry_text_is_a_warning_at_the_very_words(small_site):
    import_records(small_site, DATA / "registry_text/NCT04349592_covid_19_hcq.xml")
    result = run("check", str(small_site))
    assert result.exit_code == 0, result.output
    assert "in registries' own text, which never stops a build" in result.stderr
    (cure, *_) = [f for f in findings(small_site) if f["path"] == CURE_TRIAL]
    assert cure["rule"] == "recruitment.cure" and cure["severity"] == "warning" and cure["registry"] is True
    assert cure["message"].endswith("(in the registry's text)") and cure["hint"] == REGISTRY_HINT
    line = (small_site / CURE_TRIAL).read_text().split("\n")[cure["line"] - 1]
    assert line[cure["column"] - 1 :].startswith("Cure")
    assert line.startswith(("title:", "official_title:"))


def test_the_editors_own_fields_still_block(small_site):
    import_records(small_site, DATA / "registry_text/NCT04349592_covid_19_hcq.xml")
    trial = small_site / CURE_TRIAL
    trial.write_text(trial.read_text() + "summary: |\n  This miracle drug cures COVID-19 for good.\n")
    (small_site / "content/trials/my-own.yaml").write_text(
        "id: none\ntitle: A miracle cure for back pain\nstatus: RECRUITING\nallocation: NA\nmasking: NONE\n"
    )
    errors = [f for f in findings(small_site) if f["severity"] == "error"]
    assert {(f["path"], f["rule"]) for f in errors} == {
        (CURE_TRIAL, "recruitment.cure"),
        ("content/trials/my-own.yaml", "recruitment.cure"),
    }
    assert all("registry" not in f and f["hint"] == RULES["recruitment.cure"].hint for f in errors)
    assert run("check", str(small_site)).exit_code == 1


def test_import_says_what_the_checks_found(small_site):
    result = import_records(small_site, DATA / "registry_text/NCT04349592_covid_19_hcq.xml")
    lines = result.stdout.splitlines()
    found = [line for line in lines if line.startswith(CURE_TRIAL + ":")]
    assert found and all(" warning recruitment.cure " in line for line in found)
    assert lines[-1] == (
        f"checks: {len(found)} findings in 1 imported record: "
        f"{len(found)} in the registry's own text, which never stops a build"
    )
    quiet = import_records(small_site, DATA / "classic_xml/NCT03245528.xml")
    assert re.fullmatch(r"imported 1 record \(1 created\) in \d+\.\d s", quiet.stdout.splitlines()[-1])
