"""WHO ICTRP exports: every registry's trials beside ClinicalTrials.gov's, one trial however many registries."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from trialblog.build import build
from trialblog.cli import main
from trialblog.content.trials import load_trial
from trialblog.registry.ictrp import age, phases, read_ictrp_file, status
from trialblog.registry.importer import Importer, import_paths

HERE = Path(__file__).parent
EXPORT = HERE / "data" / "ictrp" / "ICTRP-Results.xml"
CTGOV = HERE / "data" / "ctgov" / "v2_json"
TODAY = dt.date(2026, 10, 4)


def make_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(HERE / "sites" / "small", site)
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text() + f"TRIALBLOG_TODAY = {TODAY.isoformat()!r}\n")
    return site


def ictrp(site: Path):
    return Importer(site / "content", site, TODAY).run([EXPORT], read_ictrp_file)


def trials(site: Path) -> dict:
    return {t.id: t for t in (load_trial(p) for p in (site / "content/trials").glob("*.yaml"))}


def test_each_registry_keeps_its_id_link_and_own_status_words():
    read = read_ictrp_file(EXPORT, "export.xml")
    assert not read.problems
    by_id = {r.id: r.fields for r in read.records}
    assert list(by_id) == ["2014-005181-30", "ISRCTN50189673", "2023-508246-31-00", "2023-504321-12-00",
                           "JPRN-jRCT2031220468", "DRKS00031962", "ChiCTR2000029308", "NCT05549596"]  # fmt: skip
    said = {i: (f["status"], f["registry_status"]) for i, f in by_id.items()}
    assert said["2014-005181-30"] == ("ACTIVE_NOT_RECRUITING", "Not Recruiting")
    assert said["JPRN-jRCT2031220468"] == ("ACTIVE_NOT_RECRUITING", "Not recruiting")
    assert said["2023-508246-31-00"] == ("UNKNOWN", "Authorised")
    assert said["ChiCTR2000029308"] == ("UNKNOWN", "not given")
    assert said["ISRCTN50189673"] == ("RECRUITING", "Recruiting")
    assert said["2023-504321-12-00"] == ("RECRUITING", "Recruiting")
    ctis = by_id["2023-504321-12-00"]
    assert ctis["url"] == "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=2023-504321-12-00"
    assert ctis["phases"] == ["PHASE3"] and ctis["conditions"] == ["Influenza"]  # the MeSH code is not a condition
    pallas = by_id["2014-005181-30"]  # two per-country copies, one trial
    assert [s["country"] for s in pallas["locations"]] == ["Austria", "Germany", "Spain", "United Kingdom", "Italy"]
    assert pallas["other_ids"] == [{"id": "NCT02513394"}] and pallas["phases"] == ["PHASE3"]
    assert pallas["conditions"] == [
        "Hormone receptor positive (HR+) / human epidermal growth factor receptor 2 (HER2)-negative early breast cancer"
    ]  # the MedDRA lines are not conditions
    assert pallas["url"].startswith("https://www.clinicaltrialsregister.eu/")
    assert by_id["ISRCTN50189673"]["other_ids"] == [{"id": "NCT04381936"}, {"id": "2020-001113-21"}]
    assert by_id["DRKS00031962"]["conditions"] == ["Post COVID-19 condition, unspecified", "Fatigue"]
    assert by_id["JPRN-jRCT2031220468"]["eligibility"] == {"minimum_age": "20 Years", "sex": "ALL"}


@pytest.mark.parametrize(
    "words, expected",
    [("Not recruiting", "ACTIVE_NOT_RECRUITING"), ("Not Recruiting", "ACTIVE_NOT_RECRUITING"),
     ("Authorised", "UNKNOWN"), ("", "UNKNOWN"), ("Pending", "NOT_YET_RECRUITING"), ("Complete", "COMPLETED"),
     ("  recruiting ", "RECRUITING")],
)  # fmt: skip
def test_recruitment_words_in_the_projects_vocabulary(words, expected):
    assert status(words).value == expected


def test_phases_and_ages_as_the_registries_write_them():
    assert phases("Phase 2/Phase 3", True) == ["PHASE2", "PHASE3"]
    assert phases("Therapeutic exploratory (Phase II): yes\nTherapeutic confirmatory - (Phase III): no", True) == [
        "PHASE2"
    ]
    assert phases("N/A", True) == ["NA"] and phases("", False) == []
    assert [age(a) for a in ("18", "20age old over", "6 Months", "No limit")] == ["18 Years", "20 Years", "6 Months", None]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The small site with the export imported, built."""
    site = make_site(tmp_path_factory.mktemp("ictrp"))
    report = ictrp(site)
    assert not report.failed, report.problems
    build(site)
    return site


def test_registry_trials_appear_beside_clinicaltrials_gov_ones(built):
    site = built
    out = site / "output"
    found = trials(site)
    recovery, ctis = found["ISRCTN50189673"], found["2023-508246-31-00"]
    recruiting = (out / "trials/recruiting/index.html").read_text()
    assert f"/trials/{recovery.slug}/" in recruiting and f"/trials/{found['DRKS00031962'].slug}/" in recruiting
    assert f"/trials/{ctis.slug}/" not in recruiting  # authorised says nothing about recruiting
    assert f"/trials/{ctis.slug}/" in (out / "trials/index.html").read_text()
    for facet in ("country/united-kingdom", "country/ghana", "condition/influenza", "phase/phase-3"):
        assert f"/trials/{recovery.slug}/" in (out / f"trials/recruiting/{facet}/index.html").read_text(), facet
    assert f"/trials/{found['DRKS00031962'].slug}/" in (out / "trials/recruiting/country/germany/index.html").read_text()
    feed = feedparser.parse((out / "feeds/recruiting.atom.xml").read_bytes())
    assert "urn:trialblog:trial-status:ISRCTN50189673:RECRUITING:2026-09-21" in [e.id for e in feed.entries]
    page = (out / f"trials/{recovery.slug}/index.html").read_text()
    assert 'ISRCTN record <a class="registry-link" href="https://www.isrctn.com/ISRCTN50189673">' in page
    assert 'href="https://www.clinicaltrialsregister.eu/ctr-search/search?query=2020-001113-21">2020-001113-21</a> (EudraCT)' in page
    ctis_page = (out / f"trials/{ctis.slug}/index.html").read_text()
    assert "EU CT record" in ctis_page and "The registry's own words: Authorised." in ctis_page


def test_a_recruiting_eu_ctis_trial_is_in_every_listing_facet_and_feed(built):
    out = built / "output"
    found = trials(built)
    ctis, recovery, cetis = found["2023-504321-12-00"], found["ISRCTN50189673"], found["NCT05549596"]
    assert ctis.status.value == "RECRUITING" and ctis.registry_status == "Recruiting"
    page = f"/trials/{ctis.slug}/"
    registry = "https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&amp;EUCT=2023-504321-12-00"

    def recruiting_section(rel: str) -> str:
        html = (out / rel / "index.html").read_text()
        return re.search(r'<section class="listing-section section-recruiting".*?</section>', html, re.S).group(0)

    listing = recruiting_section("trials/recruiting")
    assert page in listing and f"/trials/{cetis.slug}/" in listing and f"/trials/{recovery.slug}/" in listing
    entry = re.search(rf'<li class="listing">\s*<h3><a href="{page}">.*?</li>', listing, re.S).group(0)
    assert "Recruiting</span> · Phase 3 · 2023-504321-12-00" in entry
    assert page in (out / "trials/index.html").read_text()
    influenza = recruiting_section("trials/recruiting/condition/influenza")
    assert page in influenza and f"/trials/{recovery.slug}/" in influenza  # beside the ISRCTN trial
    for facet in ("country/spain", "country/netherlands", "phase/phase-3"):
        assert page in recruiting_section(f"trials/recruiting/{facet}"), facet
    assert "/trials/recruiting/condition/d007251/" not in (out / "trials/recruiting/condition/index.html").read_text()

    for feed_path in ("feeds/recruiting.atom.xml", "feeds/recruiting/conditions/influenza.atom.xml"):
        feed = feedparser.parse((out / feed_path).read_bytes())
        (item,) = [e for e in feed.entries if "2023-504321-12-00" in e.id]
        assert item.id == "urn:trialblog:trial-status:2023-504321-12-00:RECRUITING:2026-09-28", feed_path
        assert item.link.endswith(page)
        assert 'href="https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&amp;EUCT=2023-504321-12-00"' in item.content[0].value

    trial_page = (out / f"trials/{ctis.slug}/index.html").read_text()
    assert f'EU CT record <a class="registry-link" href="{registry}">2023-504321-12-00</a>' in trial_page


def test_phase_pages_are_headed_as_people_say_it(built):
    out = built / "output"
    phases = (out / "trials/recruiting/phase/index.html").read_text()
    named = dict(re.findall(r'<a href="/trials/recruiting/phase/([^/]+)/">([^<]+)</a>', phases))
    assert {"phase-2", "phase-3", "no-phase"} <= set(named), named
    for slug, name in named.items():
        page = (out / f"trials/recruiting/phase/{slug}/index.html").read_text()
        heading = re.search(r"<h1>([^<]+)</h1>", page).group(1)
        title = re.search(r"<title>([^<]+)</title>", page).group(1)
        expected = "Recruiting trials with no phase" if slug == "no-phase" else f"Recruiting trials in {name}"
        assert heading == expected and title.startswith(heading), (slug, heading, title)
    page = (out / "trials/recruiting/phase/phase-3/index.html").read_text()
    assert "<h1>Recruiting trials in Phase 3</h1>" in page
    assert "<title>Recruiting trials in Phase 3 · " in page
    doubled = re.compile(r"\b[Pp]hase [Pp]hase\b")  # "Recruiting trials: phase Phase 3"
    written = [p for p in out.rglob("*") if p.suffix in {".html", ".xml", ".json"} and p.is_file()]
    assert len(written) > 50
    assert [p.relative_to(out).as_posix() for p in written if doubled.search(p.read_text(encoding="utf-8"))] == []


def test_a_trial_registered_twice_is_one_trial_with_both_ids(tmp_path):
    site = make_site(tmp_path)
    first = import_paths([CTGOV / "NCT02513394_trimmed.json"], site / "content", site, TODAY)
    path = site / first.outcomes[0].trial_file
    before = load_trial(path)
    report = ictrp(site)
    assert not report.failed, report.problems
    after = trials(site)
    assert "2014-005181-30" not in after and len([t for t in after.values() if t.acronym == "PALLAS"]) == 1
    pallas = load_trial(path)
    assert pallas.id == "NCT02513394" and pallas.status == before.status and pallas.locations == before.locations
    (other,) = pallas.other_ids
    assert (other.id, other.registry) == ("2014-005181-30", "EudraCT")
    assert other.link.startswith("https://www.clinicaltrialsregister.eu/ctr-search/search?query=eudract_number:")
    cetis = import_paths([CTGOV / "NCT05549596.json"], site / "content", site, TODAY)
    cetis_file = site / cetis.outcomes[0].trial_file
    text = cetis_file.read_text()
    assert [o.action for o in ictrp(site).outcomes if o.registry_id == "NCT05549596"] == ["unchanged"]
    assert cetis_file.read_text() == text  # the ICTRP's copy never overwrites the registry's own record


def test_the_clinicaltrials_gov_record_takes_over_and_keeps_the_other_id(tmp_path):
    site = make_site(tmp_path)
    ictrp(site)
    path = next(p for p in (site / "content/trials").glob("*.yaml") if load_trial(p).id == "2014-005181-30")
    path.write_text(path.read_text() + "summary: HAND-WRITTEN.\n")
    again = import_paths([CTGOV / "NCT02513394_trimmed.json"], site / "content", site, TODAY)
    assert [(o.action, Path(o.trial_file).name) for o in again.outcomes] == [("updated", path.name)]
    pallas = load_trial(path)
    assert pallas.id == "NCT02513394" and pallas.summary == "HAND-WRITTEN." and not pallas.registry_status
    assert [(o.id, o.link.split("?")[0]) for o in pallas.other_ids] == [
        ("2014-005181-30", "https://www.clinicaltrialsregister.eu/ctr-search/search")
    ]
    assert pallas.registry_url == "https://clinicaltrials.gov/study/NCT02513394"


def test_the_command_refuses_what_is_not_an_export(tmp_path):
    site = make_site(tmp_path)
    result = CliRunner().invoke(main, ["import", "ictrp", str(CTGOV / "../classic_xml/NCT00513591.xml"),
                                       "--site", str(site)])  # fmt: skip
    assert result.exit_code == 1
    assert re.search(r"is not a WHO ICTRP export: its root element is <clinical_study>", result.output)
    ok = CliRunner().invoke(main, ["import", "ictrp", str(EXPORT), "--site", str(site), "--today", "2026-10-04"])
    assert ok.exit_code == 0, ok.output
    assert "imported 8 records (8 created)" in ok.output
