"""The trial page's pictures, drawn without Pelican: well-formed, named, faithful to the data."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import pytest

from trialblog.content.journey import Step, timeline
from trialblog.content.trials import Participation, Trial
from trialblog.content.vocab import Allocation, Masking, Milestone, Status
from trialblog.render import charts
from trialblog.render.glyphs import text_width


@dataclass
class Entry:
    date: dt.datetime
    milestone: Milestone | None = None
    trial_day: int | None = None
    symptoms: dict[str, float] = field(default_factory=dict)


def entry(day: str, milestone: str | None = None, trial_day: int | None = None, **scores: float) -> Entry:
    return Entry(
        dt.datetime.fromisoformat(day + " 20:00"),
        Milestone(milestone) if milestone else None,
        trial_day,
        {name.replace("_", "-"): score for name, score in scores.items()},
    )


def parse(svg: str) -> ET.Element:
    """The SVG as XML (it must be well-formed), with the SVG namespace stripped from tags."""
    root = ET.fromstring(svg)
    for element in root.iter():
        element.tag = element.tag.rsplit("}", 1)[-1]
    return root


def assert_accessible(root: ET.Element, ident: str) -> None:
    """role=img, named by its <title>, described by its <desc>."""
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{ident}-title"
    assert root.get("aria-describedby") == f"{ident}-desc"
    title, desc = root.find("title"), root.find("desc")
    assert title is not None and title.get("id") == f"{ident}-title" and title.text
    assert desc is not None and desc.get("id") == f"{ident}-desc" and desc.text


def assert_themeable(svg: str) -> None:
    """No hard-coded colour, inline style, script or outside reference: it follows the page."""
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|\b(white|black)\b", svg)
    assert "style=" not in svg and "<script" not in svg and "href" not in svg and "http" not in svg
    assert 'fill="currentColor"' in svg


TRIAL = Trial(
    slug="aurora",
    title="AURORA & <friends>",
    status=Status.COMPLETED,
    allocation=Allocation.RANDOMIZED,
    masking=Masking.DOUBLE,
    participation=Participation(
        consented=dt.date(2024, 2, 7),
        randomized=dt.date(2024, 3, 4),
        unblinded=dt.date(2025, 8, 20),
        completed=dt.date(2025, 5, 28),
    ),
)
ENTRIES = [
    entry("2024-01-15", "considering", -49),
    entry("2024-02-26", "screening", -7, fatigue=5, headache=1, brain_fog=3),
    entry("2024-03-04", "dose", 1, fatigue=5, headache=2, brain_fog=3),
    entry("2024-03-18", "side-effect", 15, fatigue=6, headache=5, brain_fog=4),
    entry("2024-04-01", "visit", 29, fatigue=5, headache=3),
    entry("2024-10-21", "visit", 232, fatigue=7, headache=2, brain_fog=5, tingling=7),
    entry("2025-05-28", "completion", 451, fatigue=4, headache=1, brain_fog=3),
    entry("2025-08-20", "unblinding", 535),
]


# -- symptom data -----------------------------------------------------------------------------


def test_symptom_history_keeps_entries_with_scores_in_date_order():
    history = charts.symptom_history(reversed(ENTRIES))
    assert history.names == ("fatigue", "headache", "brain-fog", "tingling")  # order of first mention
    assert [r.day for r in history.readings] == [-7, 1, 15, 29, 232, 451]
    assert history.readings[0].day_label == "Day \u22127"
    assert history.rows()[3][1] == [5, 3, None, None]  # not scored that day
    assert history.series("tingling") == [(232, 7)]


def test_no_scores_no_history():
    history = charts.symptom_history([entry("2024-01-15", "considering", -49)])
    assert not history
    assert charts.symptom_svg(history, title="T") == ""


def test_names_and_scores_as_shown():
    assert charts.symptom_name("brain-fog") == "Brain fog"
    assert charts.symptom_name("injection site pain") == "Injection site pain"
    assert [charts.score_text(s) for s in (4, 2.5, 0, None)] == ["4", "2.5", "0", "\u2013"]


# -- the symptom chart ------------------------------------------------------------------------


@pytest.fixture
def symptom_chart() -> tuple[str, ET.Element]:
    svg = str(charts.symptom_svg(charts.symptom_history(ENTRIES), title=TRIAL.title))
    return svg, parse(svg)


def test_symptom_chart_is_named_and_described(symptom_chart):
    svg, root = symptom_chart
    assert_accessible(root, "symptoms")
    assert root.find("title").text == "AURORA & <friends>: symptom scores by trial day"
    desc = root.find("desc").text
    assert "4 symptoms scored in 6 diary entries from Day \u22127 to Day 451." in desc
    assert "Fatigue: 5 at first, 4 at last, highest 7 on Day 232." in desc
    assert "Tingling: 7 on Day 232." in desc
    assert "&lt;friends&gt;" in svg  # escaped


def test_symptom_chart_follows_the_page_colours(symptom_chart):
    assert_themeable(symptom_chart[0])


def test_symptom_chart_scales_to_its_column(symptom_chart):
    _, root = symptom_chart
    assert root.get("width") == "100%" and root.get("height") is None
    x, y, width, height = map(float, root.get("viewBox").split())
    assert (x, y, width) == (0, 0, charts.WIDTH) and 150 < height < 300


def test_one_line_per_symptom_told_apart_without_colour(symptom_chart):
    _, root = symptom_chart
    series = [g for g in root.iter("g") if re.fullmatch(r"s\d+", g.get("class", ""))]
    assert len(series) == 4
    styles = set()
    for g in series:
        line = g.find("path")
        markers = list(g)[1:]
        styles.add((line.get("stroke-dasharray"), markers[0].tag, markers[0].get("class")))
    assert len(styles) == 4  # a different dash pattern and marker for each
    labels = [t.text for t in root.iter("text")]
    for name in ("Fatigue", "Headache", "Brain fog", "Tingling"):
        assert name in labels  # labelled directly


def test_points_sit_at_their_day_and_score(symptom_chart):
    _, root = symptom_chart
    fatigue = next(g for g in root.iter("g") if g.get("class") == "s1")
    points = [(float(c.get("cx")), float(c.get("cy"))) for c in fatigue.iter("circle")]
    assert len(points) == 6
    xs = [p[0] for p in points]
    assert xs == sorted(xs)
    ys = {score: cy for (_, cy), score in zip(points, [5, 5, 6, 5, 7, 4], strict=True)}
    assert ys[7] < ys[6] < ys[5] < ys[4]  # higher scores are higher up
    step = ys[4] - ys[5]
    assert ys[6] == pytest.approx(ys[5] - step) and ys[7] == pytest.approx(ys[5] - 2 * step)
    # Day -7 to day 1 is seven days on the axis (there is no day 0); day 1 to day 15 is fourteen.
    assert (xs[2] - xs[1]) == pytest.approx(2 * (xs[1] - xs[0]), abs=0.2)


def test_one_charted_day_is_not_a_chart():
    history = charts.symptom_history([entry("2024-03-04", "dose", 1, fatigue=5)])
    assert history and charts.symptom_svg(history, title="T") == ""


def test_symptom_key_is_text():
    key = str(charts.symptom_key(charts.symptom_history(ENTRIES)))
    assert key.count("<li>") == 4 and "Brain fog</li>" in key
    assert key.count('aria-hidden="true"') == 4  # the samples; the words are read


def test_styles_stay_distinct():
    assert len({charts.symptom_style(i) for i in range(36)}) == 36


def test_day_ticks_are_round_and_skip_day_zero():
    assert charts._day_ticks(-7, 491) == [1, 100, 200, 300, 400]
    assert charts._day_ticks(15, 29) == [15, 20, 25]
    assert charts._day_ticks(-30, -2) == [-28, -21, -14, -7]
    assert charts._day_ticks(-3, 4) == [-2, 1, 4]


def test_labels_are_spread_apart_within_bounds():
    placed = charts._spread([50, 51, 52, 100], [12] * 4, 0, 200)
    assert placed[0] <= 50 and all(b - a >= 15 - 1e-9 for a, b in zip(placed, placed[1:], strict=False))
    assert charts._spread([195, 196], [12, 12], 0, 200) == [179, 194]
    assert charts._spread([10, 12], [30, 12], 0, 200) == [15, 39]  # a label on two lines takes its room


# -- the journey ------------------------------------------------------------------------------


def test_journey_marks_every_step_and_entry():
    steps = timeline(TRIAL, ENTRIES)
    svg = str(charts.journey_svg(steps, ENTRIES, title=TRIAL.title))
    root = parse(svg)
    assert_accessible(root, "journey")
    assert_themeable(svg)
    texts = [t.text for t in root.iter("text")]
    for step in steps:
        assert any(t.startswith(step.label) for t in texts), step.label
    assert "Randomized \u00b7 Day 1" in texts and "Unblinded: learned my group \u00b7 Day 535" in texts
    assert sum(1 for t in texts if re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t or "")) >= 3  # months on the axis
    visits = [r for r in root.iter("rect")]
    assert len(visits) == 2  # the two entries about study visits
    desc = root.find("desc").text
    assert desc.startswith(
        "7 steps, from \u201cStarted considering the trial\u201d on 15 January 2024 "
        "to \u201cUnblinded: learned my group\u201d on 20 August 2025."
    )
    assert "8 diary entries, 2 of them about study visits." in desc


def test_journey_shows_steps_still_to_come():
    trial = Trial(
        slug="lumen",
        title="LUMEN",
        status=Status.ACTIVE_NOT_RECRUITING,
        participation=Participation(consented=dt.date(2026, 6, 10)),
    )
    entries = [entry("2026-05-18", "considering", -23), entry("2026-06-24", "screening", 15)]
    steps = timeline(trial, entries)
    root = parse(str(charts.journey_svg(steps, entries, title="LUMEN")))
    assert "Completed the study (to come)" in [t.text for t in root.iter("text")]
    assert any(c.get("class") == "h" for c in root.iter("circle"))  # hollow: not reached
    assert "Still to come: completed the study." in root.find("desc").text
    key = str(charts.journey_key(steps, entries))
    assert "a step still to come" in key and "study visit" not in key


def test_journey_labels_stay_inside_the_picture():
    """A label too long for either side of its point goes on its own line above it."""
    start = dt.date(2024, 1, 1)
    steps = [
        Step("considering", "Started considering the trial", start, -60),
        Step("consent", "Signed the consent form", start + dt.timedelta(days=30), -30),
        Step("randomization", "Randomized", start + dt.timedelta(days=60), 1),
    ]
    root = parse(str(charts.journey_svg(steps, [], title="T")))
    for text in root.iter("text"):
        if text.get("class") == "m":
            continue
        width = text_width(text.text, charts.FONT)
        x = float(text.get("x"))
        left = {"end": x - width, "middle": x - width / 2}.get(text.get("text-anchor"), x)
        assert left >= 0 and left + width <= charts.WIDTH, text.text


def test_nothing_dated_no_journey():
    assert charts.journey_svg([Step("completion", "Completed the study", None, None)], [], title="T") == ""


def label_boxes(root) -> list[tuple[float, float, float, float, str]]:
    """(x0, x1, y0, y1, words) of every line of words in a chart, as the charts estimate them."""
    boxes = []
    for text in root.iter("text"):
        size = float(text.get("font-size") or charts.FONT)
        lines = [(float(t.get("x")), t.text.strip()) for t in text.iter("tspan")] or [(float(text.get("x")), text.text)]
        baseline = float(text.get("y"))
        for k, (x, words) in enumerate(lines):
            width = text_width(words, size)
            x0 = {"end": x - width, "middle": x - width / 2}.get(text.get("text-anchor"), x)
            y = baseline + k * (charts.FONT + 1)
            boxes.append((x0, x0 + width, y - size * 0.8, y + size * 0.25, words))
    return boxes


def test_journey_grid_lines_pass_clear_of_its_labels():
    start = dt.date(2024, 1, 15)
    steps = [Step(key, label, start + dt.timedelta(days=days), day) for key, label, days, day in [
        ("considering", "Started considering the trial", 0, -49), ("consent", "Signed the consent form", 23, -26),
        ("screening", "Screening", 30, -19), ("randomization", "Randomized", 49, 1), ("dose", "First dose", 49, 1),
        ("completion", "Completed the study", 499, 451), ("unblinding", "Unblinded: learned my group", 583, 535),
        ("results", "Results shared", 638, 590)]]  # fmt: skip
    root = parse(str(charts.journey_svg(steps, [], title="T")))
    boxes = [b for b in label_boxes(root) if b[4][:3] not in ("Jan", "Jul", "Apr", "Oct")]
    grid = [line for line in root.iter("line") if line.get("class") == "g"]
    assert len(grid) > 3  # the month lines are drawn, in pieces
    for line in grid:
        x, y1, y2 = float(line.get("x1")), float(line.get("y1")), float(line.get("y2"))
        for x0, x1, top, bottom, words in boxes:
            crosses = x0 <= x <= x1 and min(y1, y2) < bottom and max(y1, y2) > top
            assert not crosses, f"the month line at x={x} runs through {words!r}"


MANY = ["headache", "fatigue", "nausea", "brain-fog", "joint-pain", "tingling-in-hands-and-feet", "insomnia",
        "dizziness", "rash", "mood", "appetite", "night-sweats"]  # fmt: skip


@pytest.mark.parametrize(
    ("names", "labelled"),
    [
        (["headache"], ["Headache"]),
        (["headache", "fatigue", "pain-at-the-injection-site", "brain-fog"],
         ["Headache", "Fatigue", "Pain at the", "injection site", "Brain fog"]),  # a long name on two lines
        (["headache", "swelling-and-redness-where-the-needle-went-in"], []),  # too long even on two lines
        (["頭痛", "倦怠感"], ["頭痛", "倦怠感"]),
        (MANY, []),  # too many to stack beside the plot
    ],
    ids=["one", "long", "too-long", "japanese", "many"],
)
def test_symptom_labels_never_leave_the_picture_however_long_or_many(names, labelled):
    entries = [Entry(dt.datetime(2024, 3, 1) + dt.timedelta(days=7 * k), None, 1 + 7 * k, {n: (k + i) % 11 for i, n in enumerate(names)})
               for k in range(6)]  # fmt: skip
    history = charts.symptom_history(entries)
    root = parse(str(charts.symptom_svg(history, title="T")))
    boxes = label_boxes(root)
    for x0, x1, _top, _bottom, words in boxes:
        assert x0 >= 0 and x1 <= charts.WIDTH, words
    ends = [b for b in boxes if b[4] not in ("Score (0 to 10)", "Trial day") and not re.fullmatch(r"[−\d]+", b[4])]
    for (a0, a1, at, ab, aw), (b0, b1, bt, bb, bw) in itertools.combinations(ends, 2):
        assert not (a0 < b1 and b0 < a1 and at < bb and bt < ab), f"{aw!r} overlaps {bw!r}"
    assert sorted(b[4] for b in ends) == sorted(labelled)
    key = str(charts.symptom_key(history))
    assert all(charts.symptom_name(n) in key for n in names)  # the key below always names every line
