"""Two steps of Pelican's that are quadratic in the number of stories, in
linear time.

Pelican 4 finds the stories of each period archive (per year, month, day)
with ``[a for a in articles if a in dates]``, one scan of the period's list
per story, and, after pairing translations, lists the translations with
``[x for x in content_list if x not in index]``, one scan of every original
per story. On a 5,000-story site the two cost half a second, spent again on
every save while ``make serve`` runs. The wrappers here keep Pelican's own
code for everything else and only avoid those scans:

- the period archives are built by Pelican from an empty story list (names,
  URLs, periods, ``dates``), then each archive's ``articles`` is filled in
  one pass over the stories, in their order;
- translations are paired by Pelican one group (one translation id) at a
  time, in the order its own sort gives, so each scan covers one group.

Content objects compare by identity, so the results are Pelican's own. Should
any story define its own ``==`` or hash, Pelican's code runs unchanged.
:func:`install` puts the wrappers in place through
:mod:`devserver.pelican_compat`; ``docs/pelican-upstream.md`` is the same
change as a patch to Pelican, after which this module can go.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from itertools import groupby
from operator import attrgetter
from typing import Any

from pelican.plugins.wow_index.speedups.identity import all_compare_by_identity

from .pelican_compat import replace_quadratic_steps

__all__ = ["install", "linear_period_archives", "linear_translations"]

Archives = dict[str, list[dict[str, Any]]]
BuildArchives = Callable[[Any, Sequence[Any], Sequence[Any], Any], Archives]
Translations = Callable[..., tuple[list[Any], list[Any]]]


def linear_period_archives(build: BuildArchives) -> BuildArchives:
    """Wrap Pelican's period-archive builder (see ``pelican_compat``)."""

    def build_period_archives(
        self: Any,
        sorted_articles: Sequence[Any],
        articles: Sequence[Any],
        settings: Any,
    ) -> Archives:
        if not all_compare_by_identity(articles):
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


def linear_translations(process: Translations) -> Translations:
    """Wrap Pelican's translation pairing (see ``pelican_compat``)."""

    def pair_translations(
        content_list: list[Any], translation_id: str | Collection[str] | None = None
    ) -> tuple[list[Any], list[Any]]:
        if not translation_id or not all_compare_by_identity(content_list):
            return process(content_list, translation_id)
        names = {translation_id} if isinstance(translation_id, str) else translation_id
        try:
            key = attrgetter(*names)
            content_list.sort(key=key)  # in place, as Pelican's does
        except (TypeError, AttributeError):
            return process(content_list, translation_id)  # its own message
        index: list[Any] = []
        translations: list[Any] = []
        for _, group in groupby(content_list, key):
            originals, others = process(list(group), translation_id)
            index += originals
            translations += others
        return index, translations

    pair_translations.__wrapped__ = process  # type: ignore[attr-defined]
    return pair_translations


def install() -> Callable[[], None]:
    """Put both wrappers in place; returns what takes them away."""
    return replace_quadratic_steps(linear_period_archives, linear_translations)
