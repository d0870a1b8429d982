"""What the plugin keeps for one build: one object, passed with the settings.

Pelican hands the same settings object to every generator, reader and
signal receiver of a build, and a process that builds again and again (a
dev server) keeps it from one build to the next. So the plugin's per-build
state lives in one :class:`BuildState`, stored in those settings, and never
in module globals keyed by ``id(settings)`` (an id that Python reuses once
the settings are gone). Two builds in one process with two settings objects
share nothing.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["STATE_KEY", "BuildState", "build_state", "observe_fragments"]

STATE_KEY = "_wow_index_state"  # not a setting: no WOW_ name


@dataclass(eq=False, repr=False)
class BuildState:
    """The plugin's memory of one build (or of one dev-server session)."""

    # (path, kind) -> (stamp, slug claim, problems), with WOW_REMEMBER_FILES
    checked: dict[Any, Any] = field(default_factory=dict)
    # content folder -> (every folder's mtime, content files), likewise
    listed: dict[Any, Any] = field(default_factory=dict)
    # the Markdown workers of the build being read (speed-ups)
    markdown: Any = None
    # the generators between reading and writing, weakly: a build that
    # fails in between must not keep its site in memory
    generators: list[weakref.ref[Any]] = field(default_factory=list)
    # called with the key of every WoW fragment a page asks for, replayed
    # or rendered (see observe_fragments)
    fragment_observers: list[Callable[[tuple[Any, ...]], None]] = field(
        default_factory=list
    )

    def __repr__(self) -> str:
        # The same text whatever it holds: settings are fingerprinted, and
        # this is not a setting anyone chose.
        return "BuildState()"

    def __copy__(self) -> BuildState:
        return self  # a copy of the settings still belongs to this build

    def __deepcopy__(self, memo: dict[int, Any]) -> BuildState:
        return self

    def __reduce__(self) -> tuple[type[BuildState], tuple[()]]:
        # Pelican's content cache pickles every story with its settings: a
        # build's state (worker pools, generators) is not part of a story,
        # and comes back empty.
        return (BuildState, ())


def build_state(settings: MutableMapping[str, Any]) -> BuildState:
    """The state kept in ``settings``, made on first use."""
    state = settings.get(STATE_KEY)
    if not isinstance(state, BuildState):
        state = BuildState()
        settings[STATE_KEY] = state
    return state


def observe_fragments(
    settings: MutableMapping[str, Any],
    observer: Callable[[tuple[Any, ...]], None],
) -> None:
    """Call ``observer`` with the key of every WoW fragment rendered or
    replayed in builds with these settings (public: a dev server that
    records what each page read uses it)."""
    build_state(settings).fragment_observers.append(observer)
