"""Property-based tests: arbitrary input gives a value or trialblog's own error, never a crash."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialblog.content.consent import parse_consent
from trialblog.content.entries import entry_meta, header_errors, parse_date
from trialblog.content.errors import ContentError, ContentErrors
from trialblog.content.header import PELICAN_KEYS, TRIALBLOG_KEYS, read_header
from trialblog.content.trials import TRIAL_FIELDS, Trial, load_trial, trial_from_data
from trialblog.content.vocab import Status

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.dates(), st.datetimes(), st.sampled_from(["RECRUITING", "DOUBLE", "PHASE2", "2024-01-01", "2024-02-30", "none"]),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
participation = st.dictionaries(
    st.sampled_from(["consented", "randomized", "unblinded", "arm", "completed", "withdrew", "typo"]),
    st.one_of(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)), values),
    max_size=6,
)
records = st.fixed_dictionaries(
    {"title": st.one_of(st.text(max_size=20), values), "status": st.one_of(st.sampled_from([s.value for s in Status]), values)},
    optional={key: values for key in TRIAL_FIELDS if key not in ("title", "status", "participation")}
    | {"participation": st.one_of(participation, values)},
)  # fmt: skip


@FAST
@given(records)
def test_trial_records_give_a_trial_or_errors(data):
    errors: list[ContentError] = []
    trial = trial_from_data(data, "t", "content/trials/t.yaml", errors)
    assert trial is None or isinstance(trial, Trial)
    assert all(isinstance(e, ContentError) and e.path == "content/trials/t.yaml" for e in errors)


@FAST
@given(values)
def test_any_structure_gives_a_trial_or_errors(data):
    errors: list[ContentError] = []
    trial_from_data(data, "t", "t.yaml", errors)
    assert all(isinstance(e, ContentError) for e in errors)


@FAST
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300)))
def test_any_trial_file_loads_or_raises_content_errors(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "trial.yaml"
        path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
        try:
            assert isinstance(load_trial(path, Path(folder)), Trial)
        except ContentErrors as exc:
            assert exc.errors and all(isinstance(e, ContentError) for e in exc.errors)
            assert "trial.yaml" in exc.report()


header_lines = st.lists(
    st.one_of(
        st.builds(lambda k, v: f"{k}: {v}", st.sampled_from(["Title", "Date", "Trial", "Milestone", "Symptoms", "Id",
                                                            "Status", "Slug", "Save_as", "Syndicate", "X"]), st.text(max_size=25)),
        st.text(max_size=40),
    ),
    max_size=10,
)  # fmt: skip
TRIALS = {"t": Trial(slug="t", title="T", status=Status.RECRUITING)}


@FAST
@given(header_lines, st.text(max_size=100))
def test_diary_headers_give_metadata_or_errors(lines, body):
    text = "\n".join(lines) + "\n\n" + body
    header = read_header(text)
    assert header.body_line >= 1
    errors = header_errors("content/diary/e.md", text, header, PELICAN_KEYS | TRIALBLOG_KEYS)
    if not errors and "date" in header.values:
        date = parse_date(header.values["date"])
        meta, errors = entry_meta("content/diary/e.md", header.values["title"], date, "published", header.values, header.lines, TRIALS)
        assert (meta is None) == bool(errors)
    assert all(isinstance(e, ContentError) and e.line and e.line >= 1 for e in errors)


@FAST
@given(st.text(max_size=400))
def test_consent_notes_always_parse(text):
    notes = parse_consent("t", "content/consent/t.md", text)
    assert isinstance(notes.answers, dict)
