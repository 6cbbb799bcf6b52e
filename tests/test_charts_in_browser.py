"""The trial page's pictures as a reader sees them, in Chromium's own fonts: no label clipped by the
picture's edge, none over another, no grid line through one; on a phone and a desktop, light and dark."""

from __future__ import annotations

import itertools

import pytest

from trialblog.build import build

SCORES = {  # entry file -> symptoms: long names, many of them, in several scripts
    "02-randomized.md": "headache=2, fatigue=5, pain-at-the-injection-site=4, brain-fog=3",
    "03-visit.md": "headache=6, fatigue=3, pain-at-the-injection-site=1, brain-fog=2, tingling-in-hands-and-feet=7",
    "04-unblinded.md": "headache=1, fatigue=2, brain-fog=1, tingling-in-hands-and-feet=2",
}
GEOMETRY = """(svg) => {
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll("text")].map((t) => {
    const r = t.getBoundingClientRect();
    return {words: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  });
  const grid = [...svg.querySelectorAll("line.g")].map((l) => l.getBoundingClientRect())
    .map((r) => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom}));
  return {box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom}, texts, grid};
}"""


def overlap(a: dict, b: dict, slack: float = 0.5) -> bool:
    return (a["left"] + slack < b["right"] and b["left"] + slack < a["right"]
            and a["top"] + slack < b["bottom"] and b["top"] + slack < a["bottom"])  # fmt: skip


@pytest.fixture(scope="module")
def symptom_site(tmp_path_factory):
    import shutil

    from conftest import SITES

    site = tmp_path_factory.mktemp("charts") / "site"
    shutil.copytree(SITES / "small", site)
    for name, scores in SCORES.items():
        path = site / "content/diary" / name
        lines = [line for line in path.read_text().splitlines() if not line.startswith("Symptoms:")]
        lines.insert(4, f"Symptoms: {scores}")
        path.write_text("\n".join(lines) + "\n")
    build(site)
    return site / "output"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_chart_labels_are_whole_apart_and_clear_of_grid_lines(symptom_site, chromium, width, scheme):
    from browser import serve

    with serve(symptom_site) as base:
        context = chromium.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        page.goto(base + "trials/blinded/")
        charts = page.query_selector_all("svg.chart")
        found = [chart.evaluate(GEOMETRY) for chart in charts]
        colours = page.evaluate("[...document.querySelectorAll('svg.chart')].map((s) => getComputedStyle(s).color)")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        context.close()
    assert len(found) == 2  # the journey and the symptoms
    assert all(colour != background for colour in colours)
    for chart in found:
        box = chart["box"]
        for text in chart["texts"]:
            assert box["left"] - 0.5 <= text["left"] and text["right"] <= box["right"] + 0.5, f"{text['words']!r} is cut off"
            assert box["top"] - 0.5 <= text["top"] and text["bottom"] <= box["bottom"] + 0.5, f"{text['words']!r} is cut off"
        for one, other in itertools.combinations(chart["texts"], 2):
            assert not overlap(one, other), f"{one['words']!r} overlaps {other['words']!r}"
        for line in chart["grid"]:
            for text in chart["texts"]:
                assert not overlap(line, text, slack=0), f"a grid line runs through {text['words']!r}"
