"""Pelican's tag, category and author lists, with membership in constant time.

Pelican writes each tag, category and author page after picking its stories
out of every story with ``[a for a in self.dates if a in articles]``: a list
membership test inside a loop over all stories, so the work grows with the
stories times the stories on the page. At 5,000 stories that is seconds of
every build, and of every rebuild under ``invoke serve``, where the page
itself is then skipped. Once every generator has read its content, those
lists become :class:`StoryList`: the same stories in the same order (every
page is the same, byte for byte), with ``in`` answered from a set of
identities, as list membership would for stories, which compare by identity.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .identity import all_compare_by_identity, compares_by_identity

__all__ = ["StoryList", "index_story_lists"]


class StoryList(list):  # type: ignore[type-arg]
    """A list whose ``in`` looks the item up in a set.

    Only for items that compare and hash by identity (Pelican's content
    objects), for which a set answers as the list would; anything else is
    looked for as a list would. The set (of the items themselves: no new
    objects) is made on the first test and made again if the list changed
    length or had an item replaced.
    """

    __slots__ = ("_items", "_size")

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self._items: set[Any] | None = None
        self._size = -1

    def __contains__(self, item: object) -> bool:
        if not compares_by_identity(item):
            return super().__contains__(item)
        if self._items is None or self._size != len(self):
            if not all_compare_by_identity(self):
                return super().__contains__(item)
            self._items = set(self)
            self._size = len(self)
        return item in self._items

    def __setitem__(self, index: Any, value: Any) -> None:
        self._items = None
        super().__setitem__(index, value)


def index_story_lists(generators: Iterable[Any]) -> None:
    """Make the story lists of every generator that has Pelican's ``tags``,
    ``categories`` and ``authors`` :class:`StoryList`, in the generator and in
    the template context alike."""
    for generator in generators:
        tags = getattr(generator, "tags", None)
        categories = getattr(generator, "categories", None)
        authors = getattr(generator, "authors", None)
        if not (
            isinstance(tags, dict)
            and isinstance(categories, list)
            and isinstance(authors, list)
        ):
            continue
        made: dict[int, tuple[list[Any], StoryList]] = {}
        for key, stories in tags.items():
            tags[key] = _story_list(stories, made)
        # The context holds the same lists, as (name, stories) pairs.
        for pairs in (categories, authors, generator.context.get("tags")):
            if not isinstance(pairs, list):
                continue
            for position, pair in enumerate(pairs):
                if isinstance(pair, tuple) and len(pair) == 2:
                    pairs[position] = (pair[0], _story_list(pair[1], made))


def _story_list(stories: Any, made: dict[int, tuple[list[Any], StoryList]]) -> Any:
    """One StoryList per list, however many places hold it (the old list is
    kept in ``made`` while it works, so its id stays its own)."""
    if type(stories) is not list:
        return stories  # already one, or not Pelican's
    known = made.get(id(stories))
    if known is None:
        known = made[id(stories)] = (stories, StoryList(stories))
    return known[1]
