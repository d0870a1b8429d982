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

The entries of every story are held at once, until the pages of a depth are
written, and were the plugin's biggest use of memory at the end of a build:
they are kept compressed (a quarter of the size), which costs a few
microseconds a replay.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from markupsafe import Markup

from ..speedups.identity import compares_by_identity
from ..speedups.memos import no_new_memos

__all__ = ["FragmentCache"]

_VALUES = (str, int, float, bool, type(None))


def _by_value(part: Any) -> bool:
    """Plain values stand for themselves, and so do objects compared by
    identity (articles)."""
    return isinstance(part, _VALUES) or compares_by_identity(part)


def _identity(part: Any) -> Hashable:
    """Other objects (terms, which compare by name) stand for their
    identity, so two different stories never share a fragment."""
    return part if _by_value(part) else ("id", id(part))


class FragmentCache:
    """The ``wow_once`` global of the WoW templates."""

    def __init__(
        self,
        drop_memos: bool = True,
        observers: Sequence[Callable[[tuple[Any, ...]], None]] = (),
    ) -> None:
        # Told the key of every fragment asked for (a dev server records
        # which stories each page shows, replayed fragments included).
        self._observers = observers
        # With the speed-ups, Pelican's memo entries made while rendering a
        # fragment are dropped (the fragment keeps what they were for).
        self._drop_memos = drop_memos
        # identity key -> (the key's objects, kept alive so no id is reused;
        # whether the fragment is Markup; the fragment, compressed UTF-8)
        self._fragments: dict[
            tuple[Hashable, ...], tuple[tuple[Any, ...], bool, bytes]
        ] = {}

    def __call__(self, *key: Any, caller: Callable[[], Any]) -> Any:
        for observer in self._observers:
            observer(key)
        identity = tuple(_identity(part) for part in key)
        known = self._fragments.get(identity)
        if known is not None:
            text = zlib.decompress(known[2]).decode()
            return Markup(text) if known[1] else text
        # The fragment keeps what the story's memoised summary was for.
        with no_new_memos(self._drop_memos):
            fragment = caller()
        alive = () if all(map(_by_value, key)) else key
        self._fragments[identity] = (
            alive,
            isinstance(fragment, Markup),
            zlib.compress(str(fragment).encode(), 1),
        )
        return fragment

    def __len__(self) -> int:
        return len(self._fragments)

    def clear(self) -> None:
        self._fragments.clear()
