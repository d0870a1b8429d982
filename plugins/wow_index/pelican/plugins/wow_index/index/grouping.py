"""Grouping and counting: the WoW index as plain data.

Pure functions over tagged stories, in one pass. They know nothing of
Pelican: a story is any object, its tags a :class:`StoryTags`, so the same
code is tested with strings and run with Pelican articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .moments import Moment
from .tagging import StoryTags
from .vocabulary import normalise

__all__ = ["Tagged", "WowIndex", "build_index", "company_key"]

S = TypeVar("S")
Cell = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Tagged(Generic[S]):
    """A story with its tags and moments."""

    story: S
    tags: StoryTags
    moments: Sequence[Moment] = ()


def company_key(name: str) -> str:
    """Names that differ only in case or spacing are the same company."""
    return normalise(name)


@dataclass
class WowIndex(Generic[S]):
    """Every grouping the WoW pages need, in vocabulary order.

    Lists keep the order the stories were given in (newest first, as Pelican
    sorts them). A story counts once under each of its touchpoints, so a
    touchpoint page and a cell page list every story that touches it; the
    primary touchpoint is the first of ``tags.touchpoints``.
    """

    touchpoints: tuple[str, ...]
    verdicts: tuple[str, ...]
    stories: list[Tagged[S]] = field(default_factory=list)
    untagged: list[S] = field(default_factory=list)
    by_touchpoint: dict[str, list[Tagged[S]]] = field(default_factory=dict)
    by_verdict: dict[str, list[Tagged[S]]] = field(default_factory=dict)
    by_company: dict[str, list[Tagged[S]]] = field(default_factory=dict)
    company_names: dict[str, str] = field(default_factory=dict)
    cells: dict[Cell, list[Tagged[S]]] = field(default_factory=dict)
    primary_cells: Counter[Cell] = field(default_factory=Counter)
    moment_cells: Counter[Cell] = field(default_factory=Counter)

    def count(self, touchpoint: str, verdict: str) -> int:
        """Stories touching ``touchpoint`` with ``verdict``."""
        return len(self.cells.get((touchpoint, verdict), ()))

    def verdict_split(self, touchpoint: str) -> list[tuple[str, int]]:
        """(verdict, count) for one touchpoint, best verdict first."""
        return [(v, self.count(touchpoint, v)) for v in self.verdicts]

    def touchpoint_split(self, verdict: str) -> list[tuple[str, int]]:
        """(touchpoint, count) for one verdict, in vocabulary order."""
        return [(t, self.count(t, verdict)) for t in self.touchpoints]

    def company_verdict_split(self, key: str) -> list[tuple[str, int]]:
        counts = Counter(e.tags.verdict for e in self.by_company.get(key, ()))
        return [(v, counts[v]) for v in self.verdicts]

    @property
    def max_count(self) -> int:
        """The largest cell, for scaling a heatmap."""
        return max((len(v) for v in self.cells.values()), default=0)


def build_index(
    entries: Iterable[Tagged[S]],
    touchpoints: Sequence[str],
    verdicts: Sequence[str],
) -> WowIndex[S]:
    """Group tagged stories by touchpoint, verdict, company and cell.

    Stories without any tag go to ``untagged`` (essays). Counts of moments
    (touchpoint and verdict of each marked step) are kept apart from counts
    of stories, so a reader can tell a story's tag from a step inside it.
    """
    index: WowIndex[S] = WowIndex(tuple(touchpoints), tuple(verdicts))
    index.by_touchpoint = {t: [] for t in touchpoints}
    index.by_verdict = {v: [] for v in verdicts}
    companies: dict[str, list[Tagged[S]]] = {}
    for entry in entries:
        tags = entry.tags
        if not tags.is_tagged:
            index.untagged.append(entry.story)
            continue
        index.stories.append(entry)
        for tp in tags.touchpoints:
            index.by_touchpoint.setdefault(tp, []).append(entry)
            if tags.verdict:
                index.cells.setdefault((tp, tags.verdict), []).append(entry)
        if tags.verdict:
            index.by_verdict.setdefault(tags.verdict, []).append(entry)
            if tags.primary:
                index.primary_cells[(tags.primary, tags.verdict)] += 1
        if tags.company:
            key = company_key(tags.company)
            index.company_names.setdefault(key, tags.company)
            companies.setdefault(key, []).append(entry)
        for moment in entry.moments:
            if moment.touchpoint and moment.verdict:
                index.moment_cells[(moment.touchpoint, moment.verdict)] += 1
    index.by_company = {
        key: companies[key]
        for key in sorted(companies, key=lambda k: (k, index.company_names[k]))
    }
    return index
