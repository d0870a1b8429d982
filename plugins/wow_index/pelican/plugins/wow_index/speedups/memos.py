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

from ..pelican_compat import content_memos, summary_memo

__all__ = ["RenderedSummaries", "no_new_memos"]


@contextmanager
def no_new_memos(enabled: bool = True) -> Iterator[None]:
    """Drop the memo entries made inside the block; keep those made before.

    A memo is only a cache: an entry dropped is computed again, to the same
    value, if anything asks for it later. Dicts keep insertion order, so the
    entries made inside the block are the last ones. Not ``enabled``
    (without ``WOW_SPEEDUPS``): Pelican's memos are left as Pelican keeps them.
    """
    memos = content_memos() if enabled else []
    sizes = [len(memo) for memo in memos]
    try:
        yield
    finally:
        for memo, size in zip(memos, sizes, strict=True):
            while len(memo) > size:
                memo.popitem()


class RenderedSummaries:
    """Each story's summary as Pelican already rendered it, for its text.

    A summary's text does not depend on the ``SITEURL`` it was rendered for
    (only link targets do), and a story without a ``Summary`` costs a pass
    over its whole HTML to truncate it. Pelican's own listings rendered most
    summaries before the plugin's pages are written, so the WoW entries and
    ``index.json`` take the text of one of those instead of truncating the
    story again at two more folder depths. A story Pelican did not
    summarise is summarised as usual.
    """

    def __init__(self, enabled: bool = True) -> None:
        # Not enabled (without WOW_SPEEDUPS): Pelican's memo is not looked
        # into, and each summary is Pelican's own at the story's SITEURL.
        self._enabled = enabled
        self._siteurls: list[Any] | None = None

    def html(self, story: Any) -> str:
        """``story``'s summary HTML, its links made for *some* ``SITEURL``:
        only its text is to be used."""
        if not self._enabled:
            return str(getattr(story, "summary", "") or "")
        memo = summary_memo()
        if self._siteurls is None:
            # The few SITEURLs Pelican rendered summaries for (a handful of
            # folder depths): looked up by key, no index of the stories.
            self._siteurls = list(
                dict.fromkeys(
                    key[1] for key in memo if isinstance(key, tuple) and len(key) == 2
                )
            )
        for siteurl in self._siteurls:
            if (story, siteurl) in memo:
                # Through Pelican's method (a memo hit), not the memo itself,
                # so whatever watches what a page reads sees this read too.
                return str(story.get_summary(siteurl) or "")
        return str(getattr(story, "summary", "") or "")

    def text(self, story: Any) -> str:
        """``story``'s summary without markup: the same text as its
        ``summary`` in ``wow/index.json``."""
        from ..index.export import plain_text

        return plain_text(self.html(story))

    def forget(self) -> None:
        self._siteurls = None
