"""Syncing from the ClinicalTrials.gov API v2, against a local stand-in serving recorded pages."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug import Request, Response

from trialblog.build import build
from trialblog.cli import main
from trialblog.content.trials import load_trial
from trialblog.registry.ctgov_api import Client, Page, SyncError, query_params
from trialblog.registry.importer import import_paths
from trialblog.registry.progress import ProgressLine
from trialblog.registry.sync import saved_queries, sync

HERE = Path(__file__).parent
DATA = HERE / "data" / "ctgov"
QUERY = "query.cond=spine&filter.overallStatus=RECRUITING,NOT_YET_RECRUITING"
OTHER = "query.cond=head+and+neck+cancer"
# Recorded /studies pages, chained by their own nextPageToken values; an empty last page ends each query.
PAGES = {
    QUERY: {None: "v2_json/studies_page.json", "NF0g5JCG": "api/page_nct05147467.json", "NF0g5JaGmg": None},
    OTHER: {None: "api/page_nct00711542.json", "ZVNj7o2Elu8o3lppVtqgtbrumpOQJJxuZfel0A": None},
}
TODAY = dt.date(2025, 7, 1)


def page(name: str | None) -> dict:
    return json.loads((DATA / name).read_text()) if name else {"studies": []}


def withdrawn() -> dict:
    """The real "opening soon" record NCT06025175, as the registry shows it once withdrawn."""
    study = json.loads((DATA / "v2_json/NCT06025175.json").read_text())
    study["protocolSection"]["statusModule"].update(
        overallStatus="WITHDRAWN",
        statusVerifiedDate="2025-06",
        lastUpdatePostDateStruct={"date": "2025-06-12", "type": "ACTUAL"},
        whyStopped="Sponsor decision",
    )
    return {"studies": [study]}


class StandIn:
    """The API's /studies endpoint: each query's pages in turn, and studies by id."""

    def __init__(self, fail: dict | None = None):
        self.requests: list[dict] = []
        self.fail = dict(fail or {})  # pageToken (or "first") → statuses to answer before the page

    def __call__(self, request: Request) -> Response:
        args = request.args.to_dict()
        self.requests.append(args)
        failing = self.fail.get(args.get("pageToken") or "first")
        if failing:
            return Response("busy", status=failing.pop(0), headers={"Retry-After": "0"})
        assert args["format"] == "json"
        if "filter.ids" in args:
            found = withdrawn() if "NCT06025175" in args["filter.ids"].split(",") else {"studies": []}
            return Response(json.dumps(found), content_type="application/json")
        query = "&".join(
            f"{k}={v.replace(' ', '+')}" for k, v in args.items() if k.startswith(("query.", "filter."))
        )
        data = page(PAGES[query][args.get("pageToken")])
        if "pageToken" in args:
            data.pop("totalCount", None)
        return Response(json.dumps(data), content_type="application/json")


@pytest.fixture
def site(tmp_path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(HERE / "sites" / "small", site)
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text() + f"TRIALBLOG_TODAY = {TODAY.isoformat()!r}\n")
    return site


def api(httpserver, stand_in: StandIn) -> str:
    httpserver.expect_request("/api/v2/studies").respond_with_handler(stand_in)
    return httpserver.url_for("/api/v2")


def client(url: str, slept: list | None = None, **kwargs) -> Client:
    return Client(url, pause=0.5, sleep=(slept if slept is not None else []).append, **kwargs)


def ids_in(site: Path) -> dict[str, Path]:
    return {load_trial(p).id: p for p in (site / "content/trials").glob("*.yaml")}


def test_every_page_is_fetched_politely(site, httpserver):
    stand_in, slept, seen = StandIn(), [], []
    report = sync(site / "content", [QUERY], client(api(httpserver, stand_in), slept), root=site, today=TODAY,
                  progress=lambda p, n: seen.append((p.number, len(p.studies), p.total, n)))  # fmt: skip
    assert not report.failed, report.problems
    assert {"NCT00184067", "NCT03934567", "NCT05147467"} <= set(ids_in(site))
    tokens = [r.get("pageToken") for r in stand_in.requests if "filter.ids" not in r]
    assert tokens == [None, "NF0g5JCG", "NF0g5JaGmg"]
    assert all(r["pageSize"] == "100" and r["query.cond"] == "spine" for r in stand_in.requests[:3])
    assert stand_in.requests[0]["countTotal"] == "true"
    assert seen[:3] == [(1, 2, None, 2), (2, 1, None, 3), (3, 0, None, 3)]
    assert slept == [0.5] * (len(stand_in.requests) - 1)  # one request at a time, a pause between


def test_a_resync_fetches_trials_the_query_no_longer_returns(site, httpserver):
    content = site / "content"
    first = import_paths([DATA / "v2_json/NCT06025175.json"], content, site, dt.date(2024, 6, 1))
    path = site / first.outcomes[0].trial_file
    path.write_text(path.read_text() + "summary: HAND-WRITTEN-SUMMARY.\n")
    build(site)
    assert path.stem in (site / "output/trials/recruiting/index.html").read_text()
    stand_in = StandIn()
    report = sync(content, [QUERY], client(api(httpserver, stand_in)), root=site, today=TODAY)
    assert not report.failed, report.problems
    asked = [r for r in stand_in.requests if "filter.ids" in r]
    on_site = {i for i in ids_in(site) if i and i.startswith("NCT")} - {"NCT00184067", "NCT03934567", "NCT05147467"}
    assert [r["filter.ids"] for r in asked] == [",".join(sorted(on_site))] and "NCT06025175" in on_site
    trial = load_trial(path)
    assert [(h.status.value, h.date) for h in trial.status_history][-1] == ("WITHDRAWN", "2025-06")
    assert trial.summary == "HAND-WRITTEN-SUMMARY."
    build(site)
    assert path.stem not in (site / "output/trials/recruiting/index.html").read_text()
    feed = (site / "output/feeds/recruiting.atom.xml").read_text()
    assert "urn:trialblog:trial-status:NCT06025175:WITHDRAWN:2025-06" in feed


def test_429_and_5xx_are_retried_with_growing_pauses(site, httpserver):
    stand_in, slept = StandIn(fail={"NF0g5JCG": [503, 429, 502]}), []
    report = sync(site / "content", [QUERY], client(api(httpserver, stand_in), slept, backoff=1.0),
                  root=site, today=TODAY)  # fmt: skip
    assert not report.failed
    assert slept[:5] == [0.5, 1.0, 2.0, 4.0, 0.5]  # the pause, backoff 1, 2, 4 before each retry, the pause


def test_a_failed_sync_names_the_page_and_changes_no_file(site, httpserver):
    content = site / "content"
    import_paths([DATA / "v2_json/NCT06025175.json"], content, site, dt.date(2024, 6, 1))
    before = {p: p.read_bytes() for p in (content / "trials").iterdir()}
    stand_in = StandIn(fail={"NF0g5JaGmg": [500] * 10})
    with pytest.raises(SyncError) as failure:
        sync(content, [QUERY], client(api(httpserver, stand_in), retries=2), root=site, today=TODAY)
    message = str(failure.value)
    assert message.startswith(f"page 3 of {QUERY!r} (")
    assert "the API answered 500" in message and "after 3 tries" in message
    assert {p: p.read_bytes() for p in (content / "trials").iterdir()} == before


def test_network_errors_are_retried_then_reported(site):
    slept: list = []
    closed = Client("http://127.0.0.1:9/api/v2", pause=0, retries=2, backoff=0.25, timeout=2, sleep=slept.append)
    with pytest.raises(SyncError, match=r"page 1 of 'query.cond=x' .*the network failed \(ConnectionError\)"):
        list(closed.pages("query.cond=x"))
    assert slept == [0.25, 0.5]


def test_a_query_is_the_apis_own_string():
    assert query_params("query.cond=lupus&filter.overallStatus=RECRUITING,NOT_YET_RECRUITING") == [
        ("query.cond", "lupus"), ("filter.overallStatus", "RECRUITING,NOT_YET_RECRUITING")
    ]  # fmt: skip
    for bad in ("lupus", "query.cond=x&pageToken=abc", ""):
        with pytest.raises(SyncError):
            query_params(bad)
    assert saved_queries({"spine": QUERY, "cancer": OTHER}) == [QUERY, OTHER]
    for bad in ("query.cond=x", [], [3]):
        with pytest.raises(ValueError, match="CTGOV_QUERIES"):
            saved_queries(bad)


def test_saved_queries_run_together_from_the_command_line(site, httpserver):
    url = api(httpserver, StandIn())
    conf = site / "pelicanconf.py"
    conf.write_text(conf.read_text() + f"CTGOV_QUERIES = {[QUERY, OTHER]!r}\n")
    result = CliRunner().invoke(main, ["import", "ctgov", "--saved", "--api-url", url, "--pause", "0",
                                       "--quiet", "--site", str(site)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert {"NCT00184067", "NCT03934567", "NCT05147467", "NCT00711542"} <= set(ids_in(site))
    assert f"{OTHER}: page 1, 1 study of 3,787; 4 in all\n" in result.output  # plain lines
    assert re.search(r"imported 4 records \(4 created\) in \d+\.\d s$", result.output.strip())
    failing = CliRunner().invoke(main, ["import", "ctgov", "--query", "nonsense", "--api-url", url,
                                        "--site", str(site)])  # fmt: skip
    assert failing.exit_code == 1 and "is not a query string of the API" in failing.output


def test_progress_rewrites_one_line_on_a_terminal():
    class Stream(list):
        write = list.append

        def flush(self):
            pass

        def isatty(self):
            return True

    stream = Stream()
    line = ProgressLine(stream)
    line(Page("q=1", 1, [{}] * 100, 250, ""), 100)
    line(Page("q=1", 2, [{}] * 100, None, ""), 200)
    line.done()
    assert stream[0] == "\rq=1: page 1, 100 studies of 250; 100 in all"
    assert stream[1].startswith("\rq=1: page 2, 100 studies of 250; 200 in all")
    assert stream[-1] == "\n"
