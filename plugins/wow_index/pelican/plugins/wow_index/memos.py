"""Pelican's content memos, kept to what Pelican itself would hold.

Pelican memoises every story's HTML and summary per ``SITEURL`` it is
asked for (``Content.get_content`` and ``get_summary``), and keeps them
until the process ends. With ``RELATIVE_URLS`` each folder depth is another
``SITEURL``, and feeds ask for the HTML at the site's root; so the WoW pages
(two depths Pelican's own pages do not use) and the WoW feeds would leave a
further copy of every story's HTML in memory, a third more than the build
needs at 5,000 stories. What the WoW pages render from it is kept anyway,
once, by :class:`~.fragments.FragmentCache`, and a feed is written as soon
as it is rendered. So the memo entries made while rendering one fragment or
writing one feed are dropped as soon as it is done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["no_new_memos"]


def _memos() -> list[dict[Any, Any]]:
    # Imported here: the plugin's pure modules do not need Pelican.
    from pelican.contents import Content

    return [
        memo
        for memo in (
            getattr(Content.get_content, "cache", None),
            getattr(Content.get_summary, "cache", None),
        )
        if isinstance(memo, dict)
    ]


@contextmanager
def no_new_memos() -> Iterator[None]:
    """Drop the memo entries made inside the block; keep those made before.

    A memo is only a cache: an entry dropped is computed again, to the same
    value, if anything asks for it later. Dicts keep insertion order, so the
    entries made inside the block are the last ones.
    """
    memos = _memos()
    sizes = [len(memo) for memo in memos]
    try:
        yield
    finally:
        for memo, size in zip(memos, sizes, strict=True):
            while len(memo) > size:
                memo.popitem()
