"""Trends: how the verdict mix moves from one period to the next.

Pure functions over tagged stories. A story counts in the period of its
date as written (no time-zone conversion: a story dated 31 December 23:30
belongs to that year, wherever the site is built), once overall and once
under each touchpoint it names. Only stories with a date and a verdict
count; every period from the first such story's to the last's is listed,
empty ones included, so a gap reads as a gap and never as a trend.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from .grouping import Tagged

__all__ = ["PERIODS", "Trends", "build_trends", "period_label", "periods_between"]

#: The lengths of period ``WOW_TREND_PERIOD`` may name.
PERIODS = ("year", "quarter", "month")

Counts = dict[str, int]


def period_label(day: Date, period: str) -> str:
    """``YYYY``, ``YYYY-Qn`` or ``YYYY-MM`` for a date (or datetime)."""
    if period == "year":
        return f"{day.year:04d}"
    if period == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    raise ValueError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")


def _ordinal(label: str, period: str) -> int:
    """A period label as a number that counts periods (for ranges)."""
    year = int(label[:4])
    if period == "year":
        return year
    if period == "quarter":
        return year * 4 + int(label[6]) - 1
    return year * 12 + int(label[5:7]) - 1


def _label(number: int, period: str) -> str:
    if period == "year":
        return f"{number:04d}"
    if period == "quarter":
        return f"{number // 4:04d}-Q{number % 4 + 1}"
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


def periods_between(first: str, last: str, period: str) -> tuple[str, ...]:
    """Every period label from ``first`` to ``last``, both included."""
    start, end = _ordinal(first, period), _ordinal(last, period)
    return tuple(_label(n, period) for n in range(start, end + 1))


@dataclass(frozen=True, slots=True)
class Trends:
    """Verdict counts per period: overall and per touchpoint.

    ``all`` and every touchpoint's series have a count for every period in
    ``periods`` and every verdict (zeros included), in vocabulary order.
    """

    period: str
    periods: tuple[str, ...]
    verdicts: tuple[str, ...]
    all: dict[str, Counts]
    touchpoints: dict[str, dict[str, Counts]]

    def totals(self, series: dict[str, Counts]) -> list[int]:
        """N per period of one series."""
        return [sum(series[p].values()) for p in self.periods]

    def as_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "periods": list(self.periods),
            "all": self.all,
            "touchpoints": self.touchpoints,
        }


def build_trends(
    entries: Iterable[Tagged[Any]],
    touchpoints: Sequence[str],
    verdicts: Sequence[str],
    period: str,
) -> Trends:
    """Count the stories of ``entries`` per ``period`` and verdict."""
    dated: list[tuple[str, Tagged[Any]]] = []
    for entry in entries:
        day = getattr(entry.story, "date", None)
        if day is None or not entry.tags.verdict:
            continue
        dated.append((period_label(day, period), entry))
    labels = (
        periods_between(
            min(dated, key=lambda d: _ordinal(d[0], period))[0],
            max(dated, key=lambda d: _ordinal(d[0], period))[0],
            period,
        )
        if dated
        else ()
    )

    def empty() -> dict[str, Counts]:
        return {p: dict.fromkeys(verdicts, 0) for p in labels}

    overall = empty()
    per_touchpoint = {tp: empty() for tp in touchpoints}
    for label, entry in dated:
        verdict = entry.tags.verdict
        assert verdict is not None
        overall[label][verdict] += 1
        for tp in entry.tags.touchpoints:
            per_touchpoint.setdefault(tp, empty())[label][verdict] += 1
    return Trends(period, labels, tuple(verdicts), overall, per_touchpoint)
