"""Chart geometry for the trends, companies and journeys pages.

Templates draw the charts as inline SVG; this module only works out where
each mark goes, in the charts' own coordinates (a ``viewBox`` 320 units
wide, so a chart is drawn about one to one on a 320 px phone and scaled up
from there). Every coordinate is a string with one decimal, so two builds
of the same stories give the same bytes. Colours are the Okabe-Ito
palette, which stays distinct under the common colour-vision deficiencies;
each verdict also has a symbol, so no mark needs its colour to be read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..index.journeys import sides

__all__ = [
    "LOW_N",
    "Column",
    "FlowBand",
    "FlowChart",
    "FlowNode",
    "IntervalChart",
    "IntervalRow",
    "Segment",
    "TrendChart",
    "flow_chart",
    "interval_chart",
    "trend_chart",
    "verdict_colours",
    "verdict_symbols",
]

#: A period with fewer stories than this is marked as such.
LOW_N = 5
WIDTH = 320

_BLUE, _SKY, _GREEN, _ORANGE, _VERMILION, _PURPLE, _YELLOW = (
    "#0072b2",
    "#56b4e9",
    "#009e73",
    "#e69f00",
    "#d55e00",
    "#cc79a7",
    "#f0e442",
)
_PALETTES = {
    1: (_BLUE,),
    2: (_BLUE, _VERMILION),
    3: (_BLUE, _ORANGE, _VERMILION),
    4: (_BLUE, _GREEN, _ORANGE, _VERMILION),
    5: (_BLUE, _SKY, _GREEN, _ORANGE, _VERMILION),
}
_DEFAULT_SYMBOLS = {"wow": "★", "good": "✓", "meh": "~", "bad": "✗"}
_BETTER_SYMBOLS = ("✓", "◆", "■", "▶")
_WORSE_SYMBOLS = ("~", "▲", "◇", "▼")


def _f(value: float) -> str:
    return f"{value:.1f}"


def verdict_colours(verdicts: Sequence[str]) -> dict[str, str]:
    """A colour per verdict, best first, from the Okabe-Ito palette."""
    palette = _PALETTES.get(
        len(verdicts), (_BLUE, _SKY, _GREEN, _YELLOW, _ORANGE, _VERMILION, _PURPLE)
    )
    return {v: palette[n % len(palette)] for n, v in enumerate(verdicts)}


def verdict_symbols(verdicts: Sequence[str]) -> dict[str, str]:
    """A symbol per verdict: the default vocabulary's own (★ ✓ ~ ✗), else
    ★ for the best and ✗ for the worst, ✓ then other shapes going down the
    better half, ~ then other shapes going up the worse half, and ○ for the
    middle of an odd scale (so a three-step scale reads ★ ○ ✗)."""
    if set(verdicts) <= set(_DEFAULT_SYMBOLS):
        return {v: _DEFAULT_SYMBOLS[v] for v in verdicts}
    count = len(verdicts)
    half = count // 2
    symbols: dict[str, str] = {}
    for n, v in enumerate(verdicts):
        from_worst = count - 1 - n
        if n == 0:
            symbols[v] = "★"
        elif from_worst == 0:
            symbols[v] = "✗"
        elif n < half:
            symbols[v] = _BETTER_SYMBOLS[(n - 1) % len(_BETTER_SYMBOLS)]
        elif from_worst < half:
            symbols[v] = _WORSE_SYMBOLS[(from_worst - 1) % len(_WORSE_SYMBOLS)]
        else:
            symbols[v] = "○"
    return symbols


# Trends -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Segment:
    verdict: str
    count: int
    y: str
    height: str


@dataclass(frozen=True, slots=True)
class Column:
    period: str
    n: int
    low: bool
    x: str
    width: str
    middle: str
    segments: tuple[Segment, ...]
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class TrendChart:
    """100 % stacked columns, one per period, best verdict on top."""

    columns: tuple[Column, ...]
    width: int
    height: int
    top: str
    bottom: str
    label_y: str
    n_y: str
    show_n: bool
    total: int
    low_n: int
    #: Share (%) of the better half of the verdicts in the first and the
    #: last period with stories, for the chart's one-sentence summary.
    better_first: int | None
    better_last: int | None
    first: str
    last: str

    @property
    def low_periods(self) -> int:
        return sum(1 for c in self.columns if c.low)


def trend_chart(
    periods: Sequence[str],
    series: Mapping[str, Mapping[str, int]],
    verdicts: Sequence[str],
    low_n: int = LOW_N,
) -> TrendChart:
    """Columns for one series of ``Trends`` (``{period: {verdict: count}}``)."""
    left, right, top, plot = 8.0, WIDTH - 8.0, 6.0, 100.0
    slot = (right - left) / max(1, len(periods))
    gap = min(3.0, slot * 0.2)
    show_n = len(periods) <= 12
    columns = []
    for number, period in enumerate(periods):
        counts = series.get(period, {})
        n = sum(counts.get(v, 0) for v in verdicts)
        x = left + number * slot + gap / 2
        y = top
        segments = []
        for v in verdicts:
            count = counts.get(v, 0)
            if not count:
                continue
            height = plot * count / n
            segments.append(Segment(v, count, _f(y), _f(height)))
            y += height
        columns.append(
            Column(
                period,
                n,
                0 < n < low_n,
                _f(x),
                _f(slot - gap),
                _f(x + (slot - gap) / 2),
                tuple(segments),
                tuple((v, counts.get(v, 0)) for v in verdicts),
            )
        )
    total = sum(c.n for c in columns)
    height = int(top + plot + (36 if show_n else 20))
    better = sides(verdicts)[0]
    shares = [
        round(100 * sum(k for v, k in c.counts if v in better) / c.n)
        for c in columns
        if c.n
    ]
    return TrendChart(
        tuple(columns),
        WIDTH,
        height,
        _f(top),
        _f(top + plot),
        _f(top + plot + 14),
        _f(top + plot + 30),
        show_n,
        total,
        low_n,
        shares[0] if shares else None,
        shares[-1] if shares else None,
        periods[0] if periods else "",
        periods[-1] if periods else "",
    )


# Companies --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class IntervalRow:
    name: str
    n: int
    score: float
    low: float
    high: float
    y_name: str
    y_line: str
    x_score: str
    x_low: str
    x_high: str


@dataclass(frozen=True, slots=True)
class IntervalChart:
    """A dot (the score) and a line (its interval) per company."""

    rows: tuple[IntervalRow, ...]
    width: int
    height: int
    x_mean: str | None
    ticks: tuple[tuple[str, int], ...]
    axis_y: str
    tick_y: str


def interval_chart(
    rows: Sequence[tuple[str, int, float, float, float]],
    worst: int,
    best: int,
    mean: float | None,
) -> IntervalChart:
    """``rows`` are (name, n, score, low, high), in the order shown."""
    left, right, row = 12.0, WIDTH - 12.0, 38.0

    def x(value: float) -> str:
        span = (best - worst) or 1
        return _f(left + (right - left) * (value - worst) / span)

    placed = []
    for number, (name, n, score, low, high) in enumerate(rows):
        y = 4 + number * row
        placed.append(
            IntervalRow(
                name,
                n,
                score,
                low,
                high,
                _f(y + 13),
                _f(y + 27),
                x(score),
                x(low),
                x(high),
            )
        )
    axis = 4 + len(rows) * row + 4
    return IntervalChart(
        tuple(placed),
        WIDTH,
        int(axis + 22),
        x(mean) if mean is not None else None,
        tuple((x(r), r) for r in range(worst, best + 1)),
        _f(axis),
        _f(axis + 16),
    )


# Journeys ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FlowNode:
    verdict: str
    count: int
    y: str
    height: str
    middle: str


@dataclass(frozen=True, slots=True)
class FlowBand:
    source: str
    target: str
    count: int
    path: str


@dataclass(frozen=True, slots=True)
class FlowChart:
    """Verdicts before (left) and after (right) each step, joined by bands
    as wide as the number of steps between them."""

    before: tuple[FlowNode, ...]
    after: tuple[FlowNode, ...]
    bands: tuple[FlowBand, ...]
    width: int
    height: int
    steps: int
    x_left: str
    x_right: str
    node_width: str
    label_left: str
    label_right: str
    heading_y: str


def flow_chart(
    flow: Mapping[str, Mapping[str, int]], verdicts: Sequence[str]
) -> FlowChart:
    """Geometry of ``Journeys.verdict_flow``."""
    # ``area`` is shared by the steps; a node of few or no steps still takes
    # ``slot`` units, so two labels never overlap.
    top, area, gap, node, slot = 24.0, 160.0, 8.0, 10.0, 18.0
    x_left, x_right = 104.0, WIDTH - 104.0 - node
    outgoing = {a: sum(flow.get(a, {}).get(b, 0) for b in verdicts) for a in verdicts}
    incoming = {b: sum(flow.get(a, {}).get(b, 0) for a in verdicts) for b in verdicts}
    steps = sum(outgoing.values())
    scale = area / steps if steps else 0.0

    def nodes(
        totals: Mapping[str, int],
    ) -> tuple[tuple[FlowNode, ...], dict[str, float], float]:
        y = top
        placed, starts = [], {}
        for v in verdicts:
            height = max(totals[v] * scale, 1.0)
            middle = y + max(height, slot) / 2
            placed.append(FlowNode(v, totals[v], _f(y), _f(height), _f(middle)))
            starts[v] = y
            y += max(height, slot) + gap
        return tuple(placed), starts, y

    before, left_at, left_end = nodes(outgoing)
    after, right_at, right_end = nodes(incoming)
    bands = []
    x0, x1 = x_left + node, x_right
    middle = (x0 + x1) / 2
    for a in verdicts:
        for b in verdicts:
            count = flow.get(a, {}).get(b, 0)
            if not count:
                continue
            h = count * scale
            y0, y1 = left_at[a], right_at[b]
            left_at[a] += h
            right_at[b] += h
            path = (
                f"M{_f(x0)} {_f(y0)}C{_f(middle)} {_f(y0)} {_f(middle)} {_f(y1)} "
                f"{_f(x1)} {_f(y1)}L{_f(x1)} {_f(y1 + h)}C{_f(middle)} {_f(y1 + h)} "
                f"{_f(middle)} {_f(y0 + h)} {_f(x0)} {_f(y0 + h)}Z"
            )
            bands.append(FlowBand(a, b, count, path))
    return FlowChart(
        before,
        after,
        tuple(bands),
        WIDTH,
        int(max(left_end, right_end)),
        steps,
        _f(x_left),
        _f(x_right),
        _f(node),
        _f(x_left - 6),
        _f(x_right + node + 6),
        _f(14),
    )
