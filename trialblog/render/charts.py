"""Pictures for the trial page, drawn at build time as inline SVG: the participant's journey and
their symptom scores over trial days.

Pure functions: they take the library's objects (timeline steps, entries with dates and scores)
and return markup. The drawings use ``currentColor`` and a few classes the theme's CSS colours
(``m`` muted text, ``g`` grid lines, ``h`` hollow markers), so they follow light and dark mode,
print in black and white, and tell series apart by dash pattern and marker shape, never by
colour. Every picture has a title and a description for screen readers; the page gives the
same facts as a list or a table next to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol

from markupsafe import Markup

from ..content.journey import Dated, Step, calendar_day, day_label
from ..content.vocab import Milestone
from .glyphs import text_width

WIDTH = 400  # viewBox units; the SVG scales to the width of its column
FONT = 14
SMALL = 12.5
ROW = 22
#: The widest a symptom's label at the end of its line may be (on two lines at most); wider, or too
#: many to stack beside the plot, and the chart is labelled by its key alone.
MAX_LABEL = 120
Box = tuple[float, float, float, float]  # x0, x1, y0, y1 of what a line must pass clear of

# Dash patterns and marker shapes for the symptom lines, in the order symptoms first appear.
DASHES = ("", "7 4", "2 3", "10 3 2 3", "4 2", "1 5")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "down")


class Scored(Protocol):
    """A diary entry as the charts see it: a date, a trial day and symptom scores."""

    @property
    def date(self) -> dt.date | dt.datetime: ...
    @property
    def trial_day(self) -> int | None: ...
    @property
    def symptoms(self) -> Mapping[str, float]: ...


@dataclass(frozen=True)
class Reading:
    """One entry's symptom scores."""

    date: dt.date
    day: int | None
    scores: Mapping[str, float]
    entry: object | None = None  # the diary entry, for links

    @property
    def day_label(self) -> str:
        return day_label(self.day)


@dataclass(frozen=True)
class SymptomHistory:
    """Every entry with symptom scores, in date order, and the symptoms in order of first mention."""

    names: tuple[str, ...]
    readings: tuple[Reading, ...]

    def __bool__(self) -> bool:
        return bool(self.readings)

    def rows(self) -> list[tuple[Reading, list[float | None]]]:
        """Each reading with its score for every symptom (None: not recorded that day)."""
        return [(r, [r.scores.get(name) for name in self.names]) for r in self.readings]

    def series(self, name: str) -> list[tuple[int, float]]:
        """(trial day, score) for one symptom, on the days it was recorded."""
        return [(r.day, r.scores[name]) for r in self.readings if r.day is not None and name in r.scores]

    @property
    def charted(self) -> tuple[Reading, ...]:
        """The readings with a trial day: those the chart can place."""
        return tuple(r for r in self.readings if r.day is not None)


def symptom_history(entries: Iterable[Scored]) -> SymptomHistory:
    """The symptom scores of ``entries`` (those without scores are left out)."""
    readings = sorted(
        (
            Reading(calendar_day(e.date), e.trial_day, dict(e.symptoms), e)
            for e in entries
            if getattr(e, "symptoms", None)
        ),
        key=lambda r: r.date,
    )
    names: dict[str, None] = {}
    for r in readings:
        names.update(dict.fromkeys(r.scores))
    return SymptomHistory(tuple(names), tuple(readings))


def symptom_name(name: str) -> str:
    """How a symptom is shown: ``brain-fog`` becomes "Brain fog"."""
    return name.replace("-", " ").capitalize()


def score_text(score: float | None) -> str:
    """A score as shown in tables and descriptions: 4, 2.5, or an en dash when not recorded."""
    if score is None:
        return "\u2013"
    return f"{score:g}"


def long_date(day: dt.date) -> str:
    """ "4 March 2024"."""
    return f"{day.day} {day:%B %Y}"


def _when(step: Step) -> str:
    return long_date(step.date) if step.date else "a day still to come"


# -- the journey ------------------------------------------------------------------------------


def journey_svg(
    steps: Sequence[Step], entries: Sequence[Dated], *, title: str, ident: str = "journey"
) -> Markup:
    """The journey as a picture: one row per step at its date, diary entries along a time axis.

    Steps still to come sit, hollow, to the right of the axis. Empty when nothing is dated.
    """
    reached = [s for s in steps if s.reached]
    pending = [s for s in steps if not s.reached]
    entry_days = sorted(calendar_day(e.date) for e in entries)
    dates = [s.date for s in reached if s.date] + entry_days
    if not dates:
        return Markup("")
    start, end = min(dates), max(dates)
    span = max((end - start).days, 1)
    left = 10.0
    right = WIDTH - (40 if pending else 10)

    def x(day: dt.date) -> float:
        return left + (day - start).days / span * (right - left)

    rows: list[str] = []
    boxes: list[Box] = []  # the labels and markers, which grid lines pass clear of
    top = y = 8.0
    for step in reached + pending:
        cx = x(step.date) if step.date else WIDTH - 14.0
        text = f"{step.label} \u00b7 {step.day_label}" if step.day else step.label
        if not step.reached:
            text += " (to come)"
        width = text_width(text, FONT)
        middle_y = y + ROW / 2
        if cx + 10 + width <= WIDTH - 2:  # words to the right of the point
            label, cy, x0 = _text(cx + 10, middle_y, text), middle_y, cx + 10
        elif cx - 10 - width >= 2:  # or to its left
            label, cy, x0 = _text(cx - 10, middle_y, text, "end"), middle_y, cx - 10 - width
        else:  # or above it, on a line of their own
            x0 = min(max(cx - width / 2, 2), WIDTH - 2 - width)
            label, cy = _text(x0 + width / 2, middle_y, text, "middle"), y + ROW * 1.5 - 4
            y += ROW - 4
        boxes += [(x0, x0 + width, middle_y - FONT * 0.65, middle_y + FONT * 0.65), (cx - 6, cx + 6, cy - 6, cy + 6)]
        rows.append(_marker("circle" if step.reached else "ring", cx, cy, 5) + label)
        y += ROW
    axis = y + 10
    grid, ticks = [], []
    for day, text in _month_ticks(start, end):
        tx, half = x(day), text_width(text, SMALL) / 2 + 2
        grid += [
            f'<line class="g" x1="{_n(tx)}" y1="{_n(a)}" x2="{_n(tx)}" y2="{_n(b)}"/>'
            for a, b in _clear_stretches(tx, top, axis, boxes)
        ]
        ticks.append(
            f'<text class="m" x="{_n(min(max(tx, half), WIDTH - half))}" y="{_n(y + 44)}" text-anchor="middle" '
            f'font-size="{SMALL}">{text}</text>'
        )
    band = _journey_band(reached, start, end, x, _n(axis))
    if pending:
        band.append(
            f'<line x1="{_n(right)}" y1="{_n(axis)}" x2="{WIDTH - 6}" y2="{_n(axis)}" stroke-width="2" stroke-dasharray="2 3"/>'
        )
    marks = [
        _marker("square", x(calendar_day(e.date)), y + 22, 3.5)
        if e.milestone is Milestone.VISIT
        else _marker("circle", x(calendar_day(e.date)), y + 22, 2.5)
        for e in entries
    ]
    height = y + 54
    desc = _journey_desc(reached, pending, entries)
    return _svg(
        ident,
        height,
        f"{title}: the journey as a timeline",
        desc,
        [
            *grid,
            f'<g stroke="currentColor">{"".join(band)}</g>',
            *rows,
            *marks,
            *ticks,
        ],
    )


def journey_key(steps: Sequence[Step], entries: Sequence[Dated]) -> Markup:
    """The journey picture's key as text, with a sample of each mark it uses."""
    keys = {s.key for s in steps if s.reached}
    items = [(_marker("circle", 18, 6, 5), "a step, at its date")]
    if any(not s.reached for s in steps):
        items.append((_marker("ring", 18, 6, 4.5), "a step still to come"))
    if keys & {Milestone.RANDOMIZATION.value, Milestone.CONSENT.value} and len(keys) > 1:
        items.append(
            ('<path d="M1 6H35" stroke="currentColor" stroke-width="5"/>', "taking part, from day 1")
        )
    if entries:
        items.append((_marker("circle", 18, 6, 2.5), "a diary entry"))
    if any(e.milestone is Milestone.VISIT for e in entries):
        items.append((_marker("square", 18, 6, 3.5), "an entry about a study visit"))
    return _key(items)


def _journey_band(
    reached: Sequence[Step], start: dt.date, end: dt.date, x: Callable[[dt.date], float], y: str
) -> list[str]:
    """The time axis: dashed before day 1, thick while taking part, thin afterwards."""
    by_key = {s.key: s.date for s in reached}
    day_one = by_key.get(Milestone.RANDOMIZATION.value) or by_key.get(Milestone.CONSENT.value) or start
    ended = by_key.get(Milestone.COMPLETION.value) or by_key.get(Milestone.WITHDRAWAL.value) or end
    parts = []
    if day_one > start:
        parts.append((start, day_one, 'stroke-width="2" stroke-dasharray="5 3"'))
    parts.append((day_one, ended, 'stroke-width="5"'))
    if end > ended:
        parts.append((ended, end, 'stroke-width="2"'))
    return [
        f'<line x1="{_n(x(a))}" y1="{y}" x2="{_n(max(x(b), x(a) + 1))}" y2="{y}" {style}/>'
        for a, b, style in parts
    ]


def _clear_stretches(x: float, top: float, bottom: float, boxes: Sequence[Box]) -> list[tuple[float, float]]:
    """The stretches of a vertical line at ``x`` from ``top`` to ``bottom`` that pass clear of ``boxes``."""
    cuts = sorted((y0 - 2, y1 + 2) for x0, x1, y0, y1 in boxes if x0 - 3 <= x <= x1 + 3)
    stretches, at = [], top
    for y0, y1 in cuts:
        if y0 > at:
            stretches.append((at, y0))
        at = max(at, y1)
    if bottom > at:
        stretches.append((at, bottom))
    return stretches


def _month_ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """First days of months between ``start`` and ``end``, at most five, labelled "Mar 2024"."""
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= 4), 120)
    ticks = []
    index = start.year * 12 + start.month  # the first month that starts after `start`
    while True:
        year, month = divmod(index, 12)
        day = dt.date(year, month + 1, 1)
        if day > end:
            break
        if index % step == 0:
            ticks.append((day, f"{day:%b %Y}"))
        index += 1
    return ticks


def _journey_desc(reached: Sequence[Step], pending: Sequence[Step], entries: Sequence[Dated]) -> str:
    parts = []
    if reached:
        first, last = reached[0], reached[-1]
        parts.append(
            f"1 step: {first.label}, on {_when(first)}."
            if len(reached) == 1
            else f"{len(reached)} steps, from \u201c{first.label}\u201d on {_when(first)} "
            f"to \u201c{last.label}\u201d on {_when(last)}."
        )
    if entries:
        visits = sum(1 for e in entries if e.milestone is Milestone.VISIT)
        parts.append(
            f"{len(entries)} diary entr{'ies' if len(entries) != 1 else 'y'}"
            + (f", {visits} of them about study visits." if visits else ".")
        )
    if pending:
        parts.append("Still to come: " + ", ".join(s.label.lower() for s in pending) + ".")
    parts.append("The list below gives every step with its date and trial day.")
    return " ".join(parts)


# -- symptoms ---------------------------------------------------------------------------------


def symptom_style(index: int) -> tuple[str, str]:
    """Dash pattern and marker shape of the ``index``-th symptom: all pairs differ up to 36."""
    return DASHES[index % len(DASHES)], MARKERS[(index + index // len(MARKERS)) % len(MARKERS)]


def symptom_svg(history: SymptomHistory, *, title: str, ident: str = "symptoms") -> Markup:
    """Scores (0 to 10) over trial days, one line per symptom, labelled at its end.

    Empty unless at least two entries with scores have a trial day.
    """
    charted = history.charted
    days = sorted({r.day for r in charted if r.day is not None})
    if len(days) < 2:
        return Markup("")
    top, plot_h = 24, 170
    left = 30
    labels = _end_labels([symptom_name(n) for n in history.names], plot_h + 8)
    label_width = max((text_width(line, FONT) for lines in labels or () for line in lines), default=0)
    right = WIDTH - label_width - 24 if labels else WIDTH - 12
    lo, hi = _pos(days[0]), _pos(days[-1])

    def x(day: int) -> float:
        return left + (_pos(day) - lo) / (hi - lo) * (right - left)

    def y(score: float) -> float:
        return top + (10 - score) / 10 * plot_h

    bottom = y(0)
    parts = [f'<text class="m" x="2" y="{top - 12}" font-size="{SMALL}">Score (0 to 10)</text>']
    for score in range(0, 11, 2):
        parts.append(
            f'<line class="g" x1="{left}" y1="{_n(y(score))}" x2="{_n(right)}" y2="{_n(y(score))}"/>'
        )
        parts.append(
            f'<text class="m" x="{left - 6}" y="{_n(y(score) + 4)}" text-anchor="end" font-size="{SMALL}">{score}</text>'
        )
    for day in _day_ticks(days[0], days[-1]):
        tx, half = x(day), text_width(_signed(day), SMALL) / 2 + 2
        parts.append(
            f'<line stroke="currentColor" x1="{_n(tx)}" y1="{_n(bottom)}" x2="{_n(tx)}" y2="{_n(bottom + 5)}"/>'
        )
        parts.append(
            f'<text class="m" x="{_n(min(max(tx, half), WIDTH - half))}" y="{_n(bottom + 20)}" text-anchor="middle" '
            f'font-size="{SMALL}">{_signed(day)}</text>'
        )
    parts.append(
        f'<line stroke="currentColor" x1="{left}" y1="{_n(bottom)}" x2="{_n(right)}" y2="{_n(bottom)}"/>'
    )
    ends: list[tuple[float, int, float]] = []  # (wanted y, symptom index, x of the last point)
    for i, name in enumerate(history.names):
        points = [(x(d), y(s)) for d, s in history.series(name)]
        if not points:
            continue
        dash, marker = symptom_style(i)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        path = " ".join(f"{'M' if k == 0 else 'L'}{_n(px)} {_n(py)}" for k, (px, py) in enumerate(points))
        parts.append(
            f'<g class="s{i + 1}"><path d="{path}" fill="none" stroke="currentColor" stroke-width="2"{dash_attr}/>'
            + "".join(_marker(marker, px, py, 4) for px, py in points)
            + "</g>"
        )
        ends.append((points[-1][1], i, points[-1][0]))
    if labels:
        heights = [_label_height(labels[i]) for _, i, _ in ends]
        placed = _spread([e[0] for e in ends], heights, top - 4, bottom + 4)
        label_x = right + 12
        for (want, i, last_x), ly in zip(ends, placed, strict=True):
            _, marker = symptom_style(i)
            if last_x < right - 1 or abs(ly - want) > 1:
                parts.append(
                    f'<path class="g" d="M{_n(last_x + 5)} {_n(want)} L{_n(right + 2)} {_n(want)} L{_n(label_x - 7)} {_n(ly)}" '
                    'fill="none" stroke-dasharray="1 2"/>'
                )
            parts.append(_marker(marker, label_x, ly, 3.5))
            parts.append(_lines(label_x + 8, ly, labels[i]))
    parts.append(
        f'<text class="m" x="{_n((left + right) / 2)}" y="{_n(bottom + 40)}" text-anchor="middle" '
        f'font-size="{SMALL}">Trial day</text>'
    )
    height = bottom + 48
    return _svg(ident, height, f"{title}: symptom scores by trial day", _symptom_desc(history), parts)


def symptom_key(history: SymptomHistory) -> Markup:
    """The chart's key as text: each symptom's name beside a sample of its line and marker."""
    items = []
    for i, name in enumerate(history.names):
        dash, marker = symptom_style(i)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        line = f'<path d="M1 6H35" stroke="currentColor" stroke-width="2"{dash_attr}/>'
        items.append((line + _marker(marker, 18, 6, 4), symptom_name(name)))
    return _key(items)


def _symptom_desc(history: SymptomHistory) -> str:
    charted = history.charted
    first, last = charted[0].day_label, charted[-1].day_label
    parts = [
        f"{len(history.names)} symptom{'s' if len(history.names) != 1 else ''} scored in {len(charted)} "
        f"diary entries from {first} to {last}."
    ]
    for name in history.names:
        series = history.series(name)
        if not series:
            continue
        peak_day, peak = max(series, key=lambda p: p[1])
        if len(series) == 1:
            parts.append(f"{symptom_name(name)}: {score_text(peak)} on {day_label(peak_day)}.")
        else:
            parts.append(
                f"{symptom_name(name)}: {score_text(series[0][1])} at first, {score_text(series[-1][1])} at last, "
                f"highest {score_text(peak)} on {day_label(peak_day)}."
            )
    parts.append("The table below gives every score.")
    return " ".join(parts)


def _pos(day: int) -> int:
    """A trial day on a line without gaps: there is no day 0, so day -1 sits just before day 1."""
    return day - 1 if day > 0 else day


def _day_ticks(first: int, last: int) -> list[int]:
    """Round trial days from ``first`` to ``last``, at most six; day 1 stands in for day 0."""
    span = _pos(last) - _pos(first)
    step = next((s for s in (1, 2, 5, 7, 10, 14, 20, 25, 50, 100, 200, 250, 500) if span / s <= 5), 1000)
    ticks: list[int] = []
    for value in range(-(-first // step) * step, last + 1, step):
        day = value or 1
        if first <= day <= last and not (ticks and _pos(day) - _pos(ticks[-1]) < step * 0.75):
            ticks.append(day)
    return ticks


def _end_labels(names: Sequence[str], room: float) -> list[tuple[str, ...]] | None:
    """Each symptom's label, on one or two lines of at most :data:`MAX_LABEL`; None when one
    does not fit, or they cannot all stack in ``room``: then the key names the lines."""
    labels = []
    for name in names:
        lines = _wrapped(name)
        if lines is None:
            return None
        labels.append(lines)
    needed = sum(_label_height(lines) for lines in labels) + 3 * (len(labels) - 1)
    return labels if needed <= room else None


def _wrapped(text: str) -> tuple[str, ...] | None:
    """``text`` on one line, or two, each at most :data:`MAX_LABEL` wide; None if it cannot be."""
    if text_width(text, FONT) <= MAX_LABEL:
        return (text,)
    words = text.split(" ")
    for cut in range(len(words) - 1, 0, -1):
        lines = (" ".join(words[:cut]), " ".join(words[cut:]))
        if all(text_width(line, FONT) <= MAX_LABEL for line in lines):
            return lines
    return None


def _label_height(lines: Sequence[str]) -> float:
    return len(lines) * (FONT + 1)


def _lines(x: float, y: float, lines: Sequence[str]) -> str:
    """Lines of words, the whole vertically centred on ``y``."""
    first = y + FONT * 0.35 - (len(lines) - 1) * (FONT + 1) / 2
    # A space ends each line but the last, so the label's text reads as its words, whole.
    spans = "".join(
        f'<tspan x="{_n(x)}" dy="{0 if k == 0 else FONT + 1}">{escape(line)}{" " if k < len(lines) - 1 else ""}</tspan>'
        for k, line in enumerate(lines)
    )
    return f'<text x="{_n(x)}" y="{_n(first)}">{spans}</text>' if len(lines) > 1 else f'<text x="{_n(x)}" y="{_n(first)}">{escape(lines[0])}</text>'


def _spread(wanted: Sequence[float], heights: Sequence[float], low: float, high: float) -> list[float]:
    """Centres near ``wanted`` for items ``heights`` tall, 3 apart, kept between ``low`` and ``high``."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [0.0] * len(wanted)
    edge = low
    for i in order:
        placed[i] = max(wanted[i], edge + heights[i] / 2)
        edge = placed[i] + heights[i] / 2 + 3
    edge = high
    for i in reversed(order):
        placed[i] = min(placed[i], edge - heights[i] / 2)
        edge = placed[i] - heights[i] / 2 - 3
    return placed


# -- drawing ----------------------------------------------------------------------------------


def _svg(ident: str, height: float, title: str, desc: str, parts: Sequence[str]) -> Markup:
    return Markup(
        f'<svg class="chart" id="{ident}-chart" role="img" aria-labelledby="{ident}-title" '
        f'aria-describedby="{ident}-desc" viewBox="0 0 {WIDTH} {_n(height)}" width="100%" '
        f'font-size="{FONT}" fill="currentColor">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(desc)}</desc>'
        + "".join(parts)
        + "</svg>"
    )


def _key(items: Sequence[tuple[str, str]]) -> Markup:
    """A list of (sample drawing, words); the drawings are hidden from screen readers."""
    return Markup(
        '<ul class="chart-key">'
        + "".join(
            f'<li><svg aria-hidden="true" viewBox="0 0 36 12" width="36" height="12" fill="currentColor">'
            f"{sample}</svg>{escape(words)}</li>"
            for sample, words in items
        )
        + "</ul>"
    )


def _text(x: float, y: float, words: str, anchor: str = "") -> str:
    """One line of words, vertically centred on ``y``."""
    anchored = f' text-anchor="{anchor}"' if anchor else ""
    return f'<text x="{_n(x)}" y="{_n(y + FONT * 0.35)}"{anchored}>{escape(words)}</text>'


def _marker(kind: str, x: float, y: float, r: float) -> str:
    """A point marker: shapes told apart without colour; hollow ones are filled with the page."""
    if kind == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{r}"/>'
    if kind == "ring":
        return f'<circle class="h" cx="{_n(x)}" cy="{_n(y)}" r="{r}" fill="none" stroke="currentColor" stroke-width="2"/>'
    if kind == "square":
        return (
            f'<rect class="h" x="{_n(x - r)}" y="{_n(y - r)}" width="{_n(2 * r)}" height="{_n(2 * r)}" '
            'fill="none" stroke="currentColor" stroke-width="1.5"/>'
        )
    if kind == "diamond":
        d = r * 1.3
        return (
            f'<path class="h" d="M{_n(x)} {_n(y - d)}L{_n(x + d)} {_n(y)}L{_n(x)} {_n(y + d)}L{_n(x - d)} {_n(y)}Z" '
            'fill="none" stroke="currentColor" stroke-width="1.5"/>'
        )
    if kind == "cross":
        return (
            f'<path d="M{_n(x - r)} {_n(y - r)}L{_n(x + r)} {_n(y + r)}M{_n(x - r)} {_n(y + r)}L{_n(x + r)} {_n(y - r)}" '
            'stroke="currentColor" stroke-width="2"/>'
        )
    d = r * 1.25
    if kind == "triangle":
        return (
            f'<path d="M{_n(x)} {_n(y - d)}L{_n(x + d)} {_n(y + d * 0.8)}L{_n(x - d)} {_n(y + d * 0.8)}Z"/>'
        )
    return f'<path d="M{_n(x)} {_n(y + d)}L{_n(x + d)} {_n(y - d * 0.8)}L{_n(x - d)} {_n(y - d * 0.8)}Z"/>'


def _signed(number: int) -> str:
    """An integer with a true minus sign: "−7"."""
    return str(number) if number >= 0 else f"\u2212{-number}"


def _n(value: float) -> str:
    """A coordinate, to one decimal, without a trailing ".0"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
