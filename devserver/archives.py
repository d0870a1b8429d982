"""Pelican's period archives (per year, month, day) in one pass.

Pelican 4 fills each archive's ``articles`` with ``[a for a in articles if a
in dates]``: one scan of the period's list per story, for every period. With
year archives on a 5,000-story site that is a third of a second, spent again
on every save while ``make serve`` runs. This hook lets Pelican build the
archives (names, URLs, periods, ``dates``) from an empty story list, then
fills each archive's ``articles`` in one pass over the stories, keeping the
stories' order: the same lists, since content objects compare by identity.
Should any story define its own ``==``, Pelican's code runs unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pelican.generators import ArticlesGenerator

__all__ = ["install_linear_period_archives", "linear_period_archives"]

Build = Callable[[Any, Sequence[Any], Sequence[Any], Any], dict[str, list[dict]]]


def linear_period_archives(build: Build) -> Build:
    """Wrap Pelican's ``_build_period_archives`` (see the module docstring)."""

    def build_period_archives(
        self: Any,
        sorted_articles: Sequence[Any],
        articles: Sequence[Any],
        settings: Any,
    ) -> dict[str, list[dict]]:
        if any(type(a).__eq__ is not object.__eq__ for a in articles):
            return build(self, sorted_articles, articles, settings)
        archives = build(self, sorted_articles, [], settings)
        for periods in archives.values():
            period_of: dict[int, list[Any]] = {}
            for archive in periods:
                archive["articles"] = members = []
                for story in archive["dates"]:
                    period_of[id(story)] = members
            for story in articles:
                members = period_of.get(id(story))
                if members is not None:
                    members.append(story)
        return archives

    build_period_archives.__wrapped__ = build  # type: ignore[attr-defined]
    return build_period_archives


def install_linear_period_archives() -> None:
    """Replace Pelican's method once per process."""
    current = ArticlesGenerator.__dict__["_build_period_archives"]
    if hasattr(current, "__wrapped__"):
        return
    ArticlesGenerator._build_period_archives = linear_period_archives(current)  # type: ignore[method-assign]
