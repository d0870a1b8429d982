"""Journeys: how verdicts change from one moment of a story to the next.

A story's journey is its moments in order; a moment counts here when it has
both a touchpoint and a verdict (as in the moment matrix). Every pair of
consecutive such moments is one step of flow: from its first verdict to its
second (``verdict_flow``) and from touchpoint and verdict to touchpoint and
verdict (``transitions``, with the stories they come from). Where journeys
turn bad are the transitions from the better half of the verdict scale to
the worse; where they recover, the reverse (with an odd number of verdicts
the middle one is neither).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .grouping import Tagged

__all__ = ["Journeys", "Transition", "build_journeys", "sides"]

S = TypeVar("S")


@dataclass(slots=True)
class Transition(Generic[S]):
    """One kind of step between consecutive moments, and where it happened.

    ``stories`` are (story, anchor of the later moment) once per story, in
    the order the stories were given (newest first in a build).
    """

    from_touchpoint: str
    from_verdict: str
    to_touchpoint: str
    to_verdict: str
    count: int = 0
    stories: list[tuple[S, str | None]] = field(default_factory=list)

    def as_json(self, url: Any = None) -> dict[str, Any]:
        record: dict[str, Any] = {
            "from_touchpoint": self.from_touchpoint,
            "from_verdict": self.from_verdict,
            "to_touchpoint": self.to_touchpoint,
            "to_verdict": self.to_verdict,
            "count": self.count,
        }
        if url is not None:
            record["stories"] = [url(story) for story, _ in self.stories]
        return record


@dataclass(frozen=True, slots=True)
class Journeys(Generic[S]):
    """Every step between consecutive moments, counted."""

    stories: int
    verdicts: tuple[str, ...]
    verdict_flow: dict[str, dict[str, int]]
    transitions: tuple[Transition[S], ...]

    @property
    def steps(self) -> int:
        return sum(t.count for t in self.transitions)

    def turned_bad(self) -> list[Transition[S]]:
        """Transitions from the better half of the scale to the worse."""
        better, worse = sides(self.verdicts)
        return [
            t
            for t in self.transitions
            if t.from_verdict in better and t.to_verdict in worse
        ]

    def recovered(self) -> list[Transition[S]]:
        """Transitions from the worse half of the scale to the better."""
        better, worse = sides(self.verdicts)
        return [
            t
            for t in self.transitions
            if t.from_verdict in worse and t.to_verdict in better
        ]


def sides(verdicts: Sequence[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The better and the worse half of a best-first verdict scale."""
    half = len(verdicts) // 2
    return frozenset(verdicts[:half]), frozenset(verdicts[len(verdicts) - half :])


def build_journeys(
    entries: Iterable[Tagged[S]],
    touchpoints: Sequence[str],
    verdicts: Sequence[str],
) -> Journeys[S]:
    """Count the steps between consecutive moments of every story.

    Transitions are sorted by count (high first), then in vocabulary order
    of their touchpoints and verdicts, so the same stories always give the
    same list.
    """
    flow = {a: dict.fromkeys(verdicts, 0) for a in verdicts}
    found: dict[tuple[str, str, str, str], Transition[S]] = {}
    stories = 0
    for entry in entries:
        steps = [m for m in entry.moments if m.touchpoint and m.verdict]
        if len(steps) < 2:
            continue
        stories += 1
        for before, after in itertools.pairwise(steps):
            assert before.verdict and after.verdict
            assert before.touchpoint and after.touchpoint
            flow.setdefault(before.verdict, {})
            flow[before.verdict][after.verdict] = (
                flow[before.verdict].get(after.verdict, 0) + 1
            )
            key = (before.touchpoint, before.verdict, after.touchpoint, after.verdict)
            transition = found.get(key)
            if transition is None:
                transition = found[key] = Transition(*key)
            transition.count += 1
            # A story's steps come together: its own entry is the last one.
            if not transition.stories or transition.stories[-1][0] is not entry.story:
                transition.stories.append((entry.story, after.anchor))
    tp_order = {slug: n for n, slug in enumerate(touchpoints)}
    vd_order = {slug: n for n, slug in enumerate(verdicts)}

    def order(t: Transition[S]) -> tuple[int, ...]:
        return (
            -t.count,
            tp_order.get(t.from_touchpoint, len(tp_order)),
            vd_order.get(t.from_verdict, len(vd_order)),
            tp_order.get(t.to_touchpoint, len(tp_order)),
            vd_order.get(t.to_verdict, len(vd_order)),
        )

    return Journeys(
        stories, tuple(verdicts), flow, tuple(sorted(found.values(), key=order))
    )
