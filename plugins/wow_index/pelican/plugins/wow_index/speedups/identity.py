"""Whether objects compare by identity: when a set may answer for a list.

Pelican's content objects define neither ``==`` nor a hash of their own, so
``story in stories`` on a list finds exactly the stories a set of identities
finds, and a dict keyed by the story itself keys it by identity. Every
speed-up that puts a set or a dict in place of a list scan (the tag,
category and author lists, the rendered fragments, the dev server's period
archives and translations) asks this one question first, and keeps the list
scan for any object that defines its own ``==`` or hash.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["all_compare_by_identity", "compares_by_identity"]


def compares_by_identity(value: object) -> bool:
    """True when ``value`` uses ``object``'s own ``==`` and hash."""
    kind = type(value)
    return kind.__eq__ is object.__eq__ and kind.__hash__ is object.__hash__


def all_compare_by_identity(values: Iterable[object]) -> bool:
    """True when every one of ``values`` compares by identity."""
    return all(map(compares_by_identity, values))
