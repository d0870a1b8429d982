"""Rendered fragments, reused across the listing pages of one build.

A story is listed on each of its touchpoint pages, its verdict page, its
cells and its company page, and its entry renders to the same HTML every
time at the same depth of the site (with RELATIVE_URLS only ``SITEURL``
differs between depths). Rendering it once per depth instead of once per
page is most of what the WoW pages cost. Templates opt in with a call block
whose arguments are everything the fragment depends on::

    {% call wow_once("story", article, SITEURL) %}
      <li>…{{ article.title }}…</li>
    {% endcall %}

The body renders on the first call with those arguments and is replayed
after. The cache belongs to one generator, so it lives for one build.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from .memos import no_new_memos

__all__ = ["FragmentCache"]

_VALUES = (str, int, float, bool, type(None))


def _identity(part: Any) -> Hashable:
    """Plain values stand for themselves; objects (articles, terms) for
    their identity, so two different stories never share a fragment."""
    return part if isinstance(part, _VALUES) else ("id", id(part))


class FragmentCache:
    """The ``wow_once`` global of the WoW templates."""

    def __init__(self) -> None:
        # identity key -> (the key's objects, kept alive so no id is reused;
        # the rendered fragment)
        self._fragments: dict[tuple[Hashable, ...], tuple[tuple[Any, ...], Any]] = {}

    def __call__(self, *key: Any, caller: Callable[[], Any]) -> Any:
        identity = tuple(_identity(part) for part in key)
        known = self._fragments.get(identity)
        if known is None:
            # The fragment keeps what the story's memoised summary was for.
            with no_new_memos():
                known = self._fragments[identity] = (key, caller())
        return known[1]

    def __len__(self) -> int:
        return len(self._fragments)

    def clear(self) -> None:
        self._fragments.clear()
