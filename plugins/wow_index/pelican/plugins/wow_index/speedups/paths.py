"""Each story's path relative to the content folder, worked out once.

Pelican builds every URL of a story (``url``, ``save_as``, each time a
template or feed asks) from the story's path relative to the content folder,
and works that path out again on every call: two ``abspath`` and a
``relpath``, some 100,000 times in a 5,000-story build, about 7 % of it.
The answer for the story's own file never changes, so each content object
gets its own ``get_relative_source_path`` that keeps it (an instance
attribute: Pelican's class is left alone). Asked about another file, it
answers as Pelican's method does.
"""

from __future__ import annotations

from typing import Any

__all__ = ["OwnRelativePath", "remember_relative_path"]


class OwnRelativePath:
    """Stands in for ``content.get_relative_source_path``."""

    __slots__ = ("_relative", "_source_path", "_story")

    def __init__(self, content: Any) -> None:
        self._story = content
        self._source_path = content.source_path
        self._relative = type(content).get_relative_source_path(content)

    def __repr__(self) -> str:
        # Its value, not an address: a content object's repr stays stable.
        return f"{type(self).__name__}({self._relative!r})"

    def __call__(self, source_path: str | None = None) -> str | None:
        content = self._story
        if source_path and source_path != content.source_path:
            return type(content).get_relative_source_path(content, source_path)
        if content.source_path != self._source_path:  # moved since: again
            self._source_path = content.source_path
            self._relative = type(content).get_relative_source_path(content)
        return self._relative


def remember_relative_path(content: Any) -> None:
    """Give ``content`` (an article, page or static file Pelican just made)
    an ``OwnRelativePath``; content without a source file is left alone."""
    if getattr(content, "source_path", None) and hasattr(
        type(content), "get_relative_source_path"
    ):
        content.get_relative_source_path = OwnRelativePath(content)
