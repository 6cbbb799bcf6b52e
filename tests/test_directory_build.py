"""The directory, built from real imported records: pages, facet pages, feeds and search index."""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest

from trialblog.build import build
from trialblog.content.errors import ContentErrors
from trialblog.content.trials import load_trial
from trialblog.registry.importer import import_paths

HERE = Path(__file__).parent
DATA = HERE / "data" / "ctgov"
TODAY = "2024-06-01"
SITES = 1148
COUNTRIES = ["United States", "Canada", "Germany", "France", "Korea, Republic of", "Brazil", "Japan"]
SITE_STATUSES = ["RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "COMPLETED", "WITHDRAWN"]
DIARY = """Title: Screening for the laser study
Date: 2024-05-20
Trial: {slug}
Milestone: screening
Summary: A first visit.

I went for screening today.
"""


def big_trial(target: Path) -> Path:
    """NCT04012996 (33 real sites) grown to 1,148 sites in seven countries, each with its own status."""
    study = json.loads((DATA / "v2_json/NCT04012996.json").read_text())
    real = study["protocolSection"]["contactsLocationsModule"]["locations"]
    sites = []
    for i in range(SITES):
        site = copy.deepcopy(real[i % len(real)])
        site["facility"] = f"{site.get('facility', 'Site')} {i + 1}"
        site["country"] = COUNTRIES[i % len(COUNTRIES)]
        site["city"] = f"{site.get('city', 'City')} {i % 40}"
        site["status"] = SITE_STATUSES[i % len(SITE_STATUSES)]
        site["geoPoint"] = {"lat": round(-60 + (i % 120), 4), "lon": round(-170 + (i % 340), 4)}
        sites.append(site)
    study["protocolSection"]["contactsLocationsModule"]["locations"] = sites
    target.write_text(json.dumps(study))
    return target


def changed(source: Path, target: Path, edit) -> Path:
    text = source.read_text()
    target.write_text(edit(text))
    return target


def untrusted(text: str) -> str:
    """The CETIS-I record with markup where registry text goes."""
    study = json.loads(text)
    ps = study["protocolSection"]
    ps["identificationModule"]["officialTitle"] += " <script>alert('title')</script>"
    ps["eligibilityModule"]["eligibilityCriteria"] += "\n* <img src=x onerror=alert(1)> **bold**"
    ps["descriptionModule"]["briefSummary"] = "<b onclick=alert(1)>Bold claim</b>\n\nSecond paragraph."
    return json.dumps(study)


def recruiting_now(text: str) -> str:
    study = json.loads(text)
    study["protocolSection"]["statusModule"].update(
        overallStatus="RECRUITING",
        statusVerifiedDate="2024-02",
        lastUpdatePostDateStruct={"date": "2024-02-10", "type": "ACTUAL"},
    )
    return json.dumps(study)


def by_invitation(text: str) -> str:
    return (
        text.replace(
            "<overall_status>Recruiting</overall_status>",
            "<overall_status>Enrolling by invitation</overall_status>",
        )
        .replace(
            "<verification_date>June 2017</verification_date>",
            "<verification_date>May 2024</verification_date>",
        )
        .replace(
            '<last_update_posted type="Actual">June 16, 2017',
            '<last_update_posted type="Actual">May 20, 2024',
        )
    )


def make_site(root: Path, **settings) -> Path:
    site = root / "site"
    shutil.copytree(HERE / "sites" / "small", site)
    conf = site / "pelicanconf.py"
    extra = {"TRIALBLOG_TODAY": TODAY, "DIRECTORY_PAGE_SIZE": 4, **settings}
    conf.write_text(conf.read_text() + "".join(f"{k} = {v!r}\n" for k, v in extra.items()))
    blinded = site / "content/trials/blinded.yaml"  # on TODAY its writer is not unblinded yet
    blinded.write_text(blinded.read_text().replace("  arm: Drug A\n", ""))
    return site


@pytest.fixture(scope="module")
def directory(tmp_path_factory) -> dict:
    """The small site with real records imported (and some re-imported after a change), built."""
    root = tmp_path_factory.mktemp("directory")
    site = make_site(root, SEARCH=True)
    inputs = root / "inputs"
    inputs.mkdir()
    content = site / "content"
    today = dt.date.fromisoformat(TODAY)
    first = import_paths(
        [
            changed(DATA / "v2_json/NCT05549596.json", inputs / "NCT05549596.json", untrusted),
            DATA / "v2_json/NCT06025175.json",
            DATA / "download/ctg-studies.json",
            DATA / "classic_xml/NCT03245528.xml",
            DATA / "classic_xml/NCT00513591.xml",
            big_trial(inputs / "NCT04012996.json"),
        ],
        content,
        site,
        today,
    )
    assert not first.failed, first.problems
    slugs = {o.registry_id: Path(o.trial_file).stem for o in first.outcomes}
    laser = content / "trials" / f"{slugs['NCT06025175']}.yaml"
    laser.write_text(laser.read_text() + "summary: HAND-WRITTEN-SUMMARY about the laser study.\n")
    (content / "diary" / "09-laser.md").write_text(DIARY.format(slug=slugs["NCT06025175"]))
    again = import_paths(
        [
            changed(DATA / "v2_json/NCT06025175.json", inputs / "NCT06025175.json", recruiting_now),
            changed(DATA / "classic_xml/NCT00513591.xml", inputs / "NCT00513591.xml", by_invitation),
        ],
        content,
        site,
        today,
    )
    assert [o.action for o in again.outcomes] == ["updated", "updated"], again.problems
    result = build(site)
    return {"site": site, "out": site / "output", "slugs": slugs, "result": result}


def read(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text(encoding="utf-8")


def listing(out: Path, rel: str) -> str:
    """Every page of a paginated listing, joined."""
    pages = [read(out, rel)]
    n = 2
    while (out / rel / "page" / str(n) / "index.html").is_file():
        pages.append(read(out, f"{rel}page/{n}/"))
        n += 1
    return "\n".join(pages)


def titles_in(html: str, section: str) -> list[str]:
    """Trial titles listed in one section of a listing page."""
    found = []
    for part in re.findall(rf'<section class="listing-section section-{section}".*?</section>', html, re.S):
        found += re.findall(r'<h\d><a href="[^"]*/trials/[^"]+/">([^<]+)</a></h\d>', part)
    return found


def test_recruiting_index_sections(directory):
    html = listing(directory["out"], "trials/recruiting/")
    recruiting = titles_in(html, "recruiting")
    assert "CETIS-I (CEra Traction Improves Spine-I)" in recruiting
    assert any(t.startswith("Low Level Lazer Therapy") for t in recruiting)  # opened since the first import
    assert any(t.startswith("2-level Cervical Disc Replacement") for t in recruiting)
    assert titles_in(html, "invitation") == ["Duke Autoimmunity in Pregnancy Registry"]
    assert "Enrolling by invitation only" in html and "you cannot apply" in html
    assert titles_in(html, "opening") == ["Multi-Centre Post-Market Data Collection"]
    assert titles_in(html, "expanded-access") == ["Expanded Access for LJPC-501"]
    assert titles_in(html, "closed") == [] and "BLIND-1" not in html and "OPEN-1" not in html
    assert 'rel="next" href="/trials/recruiting/page/2/"' in read(directory["out"], "trials/recruiting/")


def test_all_trials_page_lists_closed_trials_too(directory):
    html = listing(directory["out"], "trials/")
    assert titles_in(html, "closed") == ["BLIND-1", "OPEN-1"]
    assert "Duke Autoimmunity in Pregnancy Registry" in titles_in(html, "invitation")
    assert "4 diary entries from a participant" in html


def test_stale_records_are_flagged_as_of_the_build_date(directory):
    out, slugs = directory["out"], directory["slugs"]
    cetis = read(out, f"trials/{slugs['NCT05549596']}/")
    assert "Possibly out of date:</strong> the registry last verified this status in" in cetis
    assert 'datetime="2023-04"' in cetis
    assert "Possibly out of date" not in read(out, f"trials/{slugs['NCT06025175']}/")  # verified 2024-02
    warnings = directory["result"].warnings
    assert any("flagged as possibly out of date" in w and "before 2024-06-01" in w for w in warnings), (
        warnings
    )


def test_facet_pages_filter_without_javascript(directory):
    out = directory["out"]
    condition = listing(out, "trials/recruiting/condition/spinal-stenosis/")
    assert titles_in(condition, "recruiting") == ["CETIS-I (CEra Traction Improves Spine-I)"]
    korea = listing(out, "trials/recruiting/country/south-korea/")
    assert "CETIS-I (CEra Traction Improves Spine-I)" in korea and "2-level Cervical Disc" in korea
    assert "Expanded Access for LJPC-501" not in korea
    no_phase = listing(out, "trials/recruiting/phase/no-phase/")
    assert "CETIS-I" in no_phase and "Duke Autoimmunity" not in no_phase  # observational: no phase at all
    countries = read(out, "trials/recruiting/country/")
    assert '<a href="/trials/recruiting/country/south-korea/">South Korea</a>' in countries
    assert '<a href="/trials/recruiting/country/germany/">Germany</a>' in countries
    phases = read(out, "trials/recruiting/phase/")
    assert '<a href="/trials/recruiting/phase/no-phase/">No phase</a>' in phases
    conditions = read(out, "trials/recruiting/condition/")
    assert "/trials/recruiting/condition/lupus-erythematosus-systemic/" in conditions


def test_condition_facets_are_mesh_headings_with_the_registries_words(directory):
    out = directory["out"]
    facets = read(out, "trials/recruiting/condition/")
    names = re.findall(r'<a href="/trials/recruiting/condition/[^/]+/">([^<]+)</a>', facets)
    assert "Intervertebral Disc Degeneration" in names
    assert not {"Disc Degeneration", "Cervical Disc Degeneration", "Cervical Degenerative Disc Disease"} & set(names)
    disc = listing(out, "trials/recruiting/condition/intervertebral-disc-degeneration/")
    assert "<h1>Recruiting trials for Intervertebral Disc Degeneration</h1>" in disc
    also = re.search(r'<p class="also-called">Also called: ([^<]+)\.</p>', disc).group(1).split("; ")
    assert {"Disc Degeneration", "Cervical Disc Degeneration", "Cervical Degenerative Disc Disease"} <= set(also)
    assert "Low Level Lazer Therapy" in disc  # listed under its MeSH heading, not "Disc Degeneration"
    assert "/conditions/intervertebral-disc-degeneration/" not in disc  # no diary page of that name
    assert "<h1>Recruiting trials in South Korea</h1>" in read(out, "trials/recruiting/country/south-korea/")
    assert "<h1>Recruiting trials with no phase</h1>" in read(out, "trials/recruiting/phase/no-phase/")


def test_condition_page_has_trials_and_diaries(directory):
    out, slugs = directory["out"], directory["slugs"]
    lupus = read(out, "conditions/systemic-lupus-erythematosus/")
    assert "Duke Autoimmunity in Pregnancy Registry" in lupus and "DIRECTORY-DISCLOSURE" in lupus
    assert 'href="/feeds/recruiting/conditions/systemic-lupus-erythematosus.atom.xml"' in lupus
    disc = read(out, "conditions/disc-degeneration/")
    assert "Screening for the laser study" in disc and "From participants" in disc
    assert f'href="/trials/{slugs["NCT06025175"]}/"' in disc
    ms = read(out, "conditions/multiple-sclerosis/")
    assert "BLIND-1" in ms and "Week six" in ms
    index = read(out, "conditions/")
    assert '<a href="/conditions/systemic-lupus-erythematosus/">Systemic Lupus Erythematosus</a>' in index


def test_trial_page_research_side_and_participant_side(directory):
    out, slugs = directory["out"], directory["slugs"]
    page = read(out, f"trials/{slugs['NCT06025175']}/")
    assert "HAND-WRITTEN-SUMMARY" in page
    assert (
        '<h2 id="eligibility-h">Who can join</h2>' in page
        and "60 Years to 75 Years (adults (18 to 64), older adults (65 and over))" in page
    )
    assert "Eligibility criteria, as the registry gives them" in page
    assert "<dt>Sponsor</dt> <dd>South Valley University</dd>" in page and "<dt>Funded by</dt>" in page
    assert 'href="https://clinicaltrials.gov/study/NCT06025175"' in page
    assert "Status last checked by the registry: 2024-02" in page
    assert re.search(
        r"2024-02</time>: Recruiting</li><li><time[^>]*>2023-09</time>: Not yet recruiting", page
    )
    participants = page[page.index('id="participants-h"') :]
    assert "Screening for the laser study" in participants
    assert "DIRECTORY-DISCLOSURE" in page


def test_sites_grouped_by_country_and_city_with_their_own_status(directory):
    out, slugs = directory["out"], directory["slugs"]
    page = read(out, f"trials/{slugs['NCT04012996']}/")
    assert len(page.encode()) <= 100_000
    assert f"{SITES} sites in {len(COUNTRIES)} countries" in page
    summaries = re.findall(r'<summary><span class="country-name">([^<]+)</span>: (\d+) sites', page)
    named = ["South Korea" if c.startswith("Korea") else c for c in COUNTRIES]
    assert [name for name, _ in summaries] == sorted(named)
    assert sum(int(n) for _, n in summaries) == SITES
    trial = load_trial(directory["site"] / "content/trials" / f"{slugs['NCT04012996']}.yaml")
    reached = 0
    for country in named:
        slug = country.lower().replace(" ", "-")
        assert f'href="/trials/{slugs["NCT04012996"]}/sites/{slug}/"' in page
        sites = read(out, f"trials/{slugs['NCT04012996']}/sites/{slug}/")
        items = re.findall(r"<li data-geo=[^>]*>([^<]+)<span data-pagefind-ignore> · (.*?)</span>\n", sites)
        reached += len(items)
        opened = ["Recruiting" in status or "Not yet recruiting" in status for _, status in items]
        cities = sites.count('<h4 class="city">')
        assert cities > 1 and f"<h1>Sites in {country}</h1>" in sites
        canada = {(s.city, s.state) for s in trial.locations if s.country == "Canada"}
        if country == "Canada":
            assert cities == len(canada)
            assert "Withdrawn" in sites and "Not yet recruiting" in sites
        first_city = sites[sites.index('<h4 class="city">') :].split('<h4 class="city">')[1]
        flags = [o for o, (name, _) in zip(opened, items, strict=True) if name in first_city]
        assert flags == sorted(flags, reverse=True)  # open sites first
    assert reached == SITES  # every site reachable without JavaScript
    small = read(out, f"trials/{slugs['NCT05549596']}/")
    assert '<details class="country" open>' in small and "Yong soon Yoon, MD" in small
    assert 'href="mailto:khsunny1978@gmail.com"' in small  # the registry's public central contact


def test_sites_near_me_has_every_site_with_coordinates(directory):
    out, slugs = directory["out"], directory["slugs"]
    page = read(out, f"trials/{slugs['NCT04012996']}/")
    assert f'data-sites="/trials/{slugs["NCT04012996"]}/sites.json"' in page
    assert '<script src="/theme/js/sites-near.js" defer></script>' in page
    places = json.loads((out / f"trials/{slugs['NCT04012996']}/sites.json").read_text())
    assert len(places) == SITES and all(len(p["geo"]) == 2 for p in places)
    assert {p["page"].rsplit("/sites/", 1)[-1] for p in places} == {
        c.lower().replace(" ", "-") + "/" for c in ["South Korea" if c.startswith("Korea") else c for c in COUNTRIES]
    }
    small = read(out, f"trials/{slugs['NCT05549596']}/")
    assert 'data-sites=""' in small and 'data-geo="35.82194,127.14889"' in small
    assert not (out / f"trials/{slugs['NCT05549596']}/sites.json").exists()
    script = (out / "theme/js/sites-near.js").read_text()
    assert "fetch(more)" in script and not re.search(r"https?://", script)  # only the site's own file


def test_registry_text_is_escaped_everywhere(directory):
    out, slugs = directory["out"], directory["slugs"]
    for path in out.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text and "<b onclick" not in text, path
    page = read(out, f"trials/{slugs['NCT05549596']}/")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert "<li>&lt;img src=x onerror=alert(1)&gt; <strong>bold</strong>" in page
    assert "<p>&lt;b onclick=alert(1)&gt;Bold claim&lt;/b&gt;</p>\n<p>Second paragraph.</p>" in page
    for feed in (out / "feeds").rglob("*.xml"):
        assert "<script>" not in feed.read_text(encoding="utf-8"), feed


def test_disclosure_on_every_directory_page(directory):
    out = directory["out"]
    pages = [p for p in (out / "trials").rglob("index.html") if "consent" not in p.parts]
    pages += list((out / "conditions").rglob("index.html"))
    assert len(pages) > 30
    for page in pages:
        assert "DIRECTORY-DISCLOSURE" in page.read_text(encoding="utf-8"), page


def test_no_disclosure_warns_at_build_and_says_so_on_the_pages(tmp_path):
    site = make_site(tmp_path, DIRECTORY_DISCLOSURE="")
    for _ in range(2):  # every build says so, not only the first one in a process
        shutil.rmtree(site / "output", ignore_errors=True)
        result = build(site, cache=False)
        assert any(w.startswith("DIRECTORY_DISCLOSURE is not set") for w in result.warnings), result.warnings
    page = read(site / "output", "trials/recruiting/")
    assert "has not said who funds it" in page


def parse(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_recruiting_feeds_announce_each_status_change_once(directory):
    out = directory["out"]
    atom = parse(out / "feeds/recruiting.atom.xml")
    rss = parse(out / "feeds/recruiting.rss.xml")
    ids = [e.id for e in atom.entries]
    assert ids == [e.id for e in rss.entries] and len(ids) == len(set(ids))
    laser = {e.id: e.title for e in atom.entries if "NCT06025175" in e.id}
    opened = "urn:trialblog:trial-status:NCT06025175:RECRUITING:2024-02"
    announced = "urn:trialblog:trial-status:NCT06025175:NOT_YET_RECRUITING:2023-09"
    assert set(laser) == {opened, announced}
    assert laser[opened].startswith("Now recruiting: Low Level Lazer Therapy")
    assert laser[announced].startswith("Opening soon: Low Level Lazer Therapy")
    assert ids.index(opened) < ids.index(announced)  # newest first
    assert atom.entries[0].id == "urn:trialblog:trial-status:NCT00513591:ENROLLING_BY_INVITATION:2024-05"
    assert atom.entries[0].title == "Enrolling by invitation: Duke Autoimmunity in Pregnancy Registry"
    expanded = next(e for e in atom.entries if "NCT03245528" in e.id)
    assert expanded.title == "Expanded access available: Expanded Access for LJPC-501"
    assert all("BLIND-1" not in e.title for e in atom.entries)  # no status history, nothing to announce


def test_georss_one_geometry_per_entry(directory):
    out = directory["out"]
    xml = (out / "feeds/recruiting.atom.xml").read_text(encoding="utf-8")
    assert 'xmlns:georss="http://www.georss.org/georss"' in xml
    assert "<georss:point>35.82194 127.14889</georss:point>" in xml  # CETIS-I's one site
    for entry in re.findall(r"<entry>.*?</entry>", xml, re.S):
        assert entry.count("<georss:") <= 1, entry[:200]
    big = xml[xml.index("trial-status:NCT04012996") :]
    big = big[: big.index("</entry>")]
    open_points = [
        (round(-60 + (i % 120), 4), round(-170 + (i % 340), 4))
        for i in range(SITES)
        if SITE_STATUSES[i % len(SITE_STATUSES)] in ("RECRUITING", "NOT_YET_RECRUITING")
    ]
    south, west = min(p[0] for p in open_points), min(p[1] for p in open_points)
    north, east = max(p[0] for p in open_points), max(p[1] for p in open_points)
    box = [float(x) for x in re.findall(r"<georss:box>([^<]+)</georss:box>", big)[0].split()]
    assert box == [south, west, north, east] and big.count("<georss:") == 1
    assert len(xml.encode()) < 40_000


def test_no_empty_feeds_and_no_links_to_missing_ones(directory):
    out = directory["out"]
    feeds = list((out / "feeds").rglob("*.xml"))
    for feed in feeds:
        parsed = parse(feed)
        assert parsed.entries, feed
        assert "1970" not in parsed.feed.get("updated", ""), feed
    written = {"/" + str(f.relative_to(out)) for f in feeds}
    for page in out.rglob("*.html"):
        for link in re.findall(r'href="(/feeds/[^"]+)"', page.read_text(encoding="utf-8")):
            assert link in written, (page, link)
    assert not (out / "feeds/conditions/shock.atom.xml").exists()  # nobody writes about it
    assert (out / "feeds/conditions/disc-degeneration.atom.xml").exists()  # the laser diary entry
    assert (out / "feeds/recruiting/conditions/systemic-lupus-erythematosus.atom.xml").exists()


def test_feed_ids_are_stable_across_rebuilds(directory):
    out = directory["out"]
    before = (out / "feeds/recruiting.atom.xml").read_bytes()
    build(directory["site"])
    assert (out / "feeds/recruiting.atom.xml").read_bytes() == before


def test_per_condition_recruiting_feeds(directory):
    out = directory["out"]
    lupus = parse(out / "feeds/recruiting/conditions/systemic-lupus-erythematosus.atom.xml")
    assert [e.id for e in lupus.entries] == [
        "urn:trialblog:trial-status:NCT00513591:ENROLLING_BY_INVITATION:2024-05",
        "urn:trialblog:trial-status:NCT00513591:RECRUITING:2017-06",
    ]
    assert lupus.feed.title == "Test Diary: recruiting trials for Systemic Lupus Erythematosus"


def test_search_index_is_written_with_the_directory_script(directory):
    bundle = directory["out"] / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "directory-search.js").is_file()
    assert list(bundle.glob("filter/*")) and list(bundle.glob("fragment/*"))
    assert not list(bundle.glob("pagefind-ui.*"))  # the ready-made interfaces are not shipped
    page = read(directory["out"], f"trials/{directory['slugs']['NCT05549596']}/")
    assert "data-pagefind-body" in page
    for name in ("status", "condition", "phase", "country", "age", "sex", "healthy volunteers"):
        assert f'data-pagefind-filter="{name}"' in page, name
    assert '<script type="module" src="/pagefind/directory-search.js"></script>' in read(
        directory["out"], "trials/recruiting/"
    )
    assert "'wasm-unsafe-eval'" in read(directory["out"], "trials/recruiting/")


def test_a_reserved_slug_stops_the_build(tmp_path):
    site = make_site(tmp_path)
    (site / "content/trials/recruiting.yaml").write_text("title: Oops\nstatus: RECRUITING\n")
    with pytest.raises(
        ContentErrors, match="the slug 'recruiting' is taken by the directory's /trials/recruiting/"
    ):
        build(site)
    assert not (site / "output").exists()


def indexed_text(bundle: Path) -> dict[str, str]:
    """The text Pagefind indexed for each page (its fragments: gzip after a 12-byte signature)."""
    texts = {}
    for fragment in bundle.glob("fragment/*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        record = json.loads(data[len(b"pagefind_dcd") :])
        texts[record["url"]] = record["content"]
    return texts


def test_the_search_index_holds_what_searchers_look_for(directory):
    """Titles, conditions, sponsor, places and the registry's text are indexed, each word on
    its own; the explanations every trial shares and the contacts' names, numbers and e-mail
    addresses are not (they would match every trial, or nobody searches by them)."""
    texts = indexed_text(directory["out"] / "pagefind")
    slug = directory["slugs"]["NCT05549596"]
    text = texts[f"/trials/{slug}/"]
    words = set(re.findall(r"[\w@+-]+(?:\.[\w@+-]+)*", text))
    assert {"Ceragem", "Jeonju", "Presbyterian", "NCT05549596", "Herniation"} <= words, text
    # a label and its value are two words ("Sponsor Ceragem", not "SponsorCeragem")
    assert "Sponsor Ceragem" in text and "Inc. Funded by" in text
    assert not any("@" in w for w in words) and "Hyungsun" not in words and "+821045976672" not in text
    assert "enrolling participants now" not in text  # a status explanation, shared by every recruiting trial
    for other in texts.values():
        assert "Only the study team" not in other and "Follow this trial" not in other
        assert not re.search(r"\w+@\w+\.\w+", other)


def test_trial_page_keeps_its_own_terms_and_links_its_headings(directory):
    out, slugs = directory["out"], directory["slugs"]
    page = read(out, f"trials/{slugs['NCT05549596']}/")
    assert '<a href="/conditions/lumbar-disc-herniation/">Lumbar Disc Herniation</a>' in page  # its own words
    assert '<a href="/trials/recruiting/condition/spinal-stenosis/">Spinal Stenosis</a>' in page
    assert '<span data-pagefind-filter="condition">Intervertebral Disc Displacement</span>' in page
