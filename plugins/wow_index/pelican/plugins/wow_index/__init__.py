"""pelican-wow-index: tag stories by touchpoint and verdict, build a WoW index.

Enable it with ``PLUGINS = ["pelican.plugins.wow_index"]``. Signal handlers
stay thin: settings are validated on ``initialized``, and the generator does
the work through the pure functions of the other modules.
"""

from __future__ import annotations

import weakref
from typing import Any

from pelican import signals

from .pages.generator import WowGenerator
from .pages.recovery import repair_content
from .pelican_compat import speedups_enabled
from .settings import SettingsError, load_settings
from .speedups import parallel
from .speedups.ahead import may_start_early
from .speedups.membership import index_story_lists
from .speedups.paths import remember_relative_path
from .state import build_state, observe_fragments

__all__ = ["WowGenerator", "register"]

WOW_TEMPLATES = ("wow/touchpoint", "wow/verdict", "wow/company", "wow/cell")


def configure(pelican: Any) -> None:
    """Validate WOW_* settings early, make WoW listing pages paginate, and
    say once if the speed-ups asked for cannot run on this Pelican."""
    settings = pelican.settings
    wow = load_settings(settings)
    speedups_enabled(settings, warn=True)
    paginated = dict(settings.get("PAGINATED_TEMPLATES") or {})
    for name in WOW_TEMPLATES:
        paginated.setdefault(name, wow["WOW_PAGINATION"])
    settings["PAGINATED_TEMPLATES"] = paginated


def prepare_content(content: Any) -> None:
    """As Pelican reads each article and page: repair what it read wrongly
    and, with WOW_SANITIZE_HTML, clean its HTML, before anything renders
    it. The generator reports the problems kept on ``wow_problems``."""
    # Every WoW attribute, set here in one order for every article: Python
    # then keeps the articles' attribute dicts compact (shared keys) when
    # the generator fills them in, about 1 KB less per story.
    content.touchpoints, content.touchpoint, content.verdict = [], None, None
    content.company, content.moments = None, []
    settings = getattr(content, "settings", {})
    if speedups_enabled(settings):
        remember_relative_path(content)
    problems = repair_content(content)
    if settings.get("WOW_SANITIZE_HTML"):
        # Imported on first use: a site that does not sanitise never loads nh3.
        from .pages.sanitizing import sanitize_content

        problems += sanitize_content(content)
    if problems:
        # Only on content that has some: a name more on every article costs
        # memory (Python shares the attribute names of a class's instances
        # only up to 30), and kept on the object, the problems are reported
        # again when a content cache keeps the object itself.
        content.wow_problems = tuple(problems)


def get_generators(pelican: Any) -> type[WowGenerator]:
    return WowGenerator


def track_generator(generator: Any) -> None:
    """``article_generator_init``, ``page_generator_init``: with the
    speed-ups, the Markdown workers learn which generators read (see
    :mod:`.speedups.parallel`)."""
    if speedups_enabled(generator.settings):
        parallel.track(generator)


def end_reading(generators: list[Any]) -> None:
    """Every generator has read its content: with the speed-ups, stop the
    Markdown workers, give Pelican's tag, category and author lists
    constant-time ``in``, and remember the generators for ``get_writer``."""
    if not generators or not speedups_enabled(generators[0].settings):
        return
    settings = generators[0].settings
    parallel.finish(settings)
    index_story_lists(generators)
    build_state(settings).generators = [weakref.ref(g) for g in generators]


def start_writing(pelican: Any) -> None:
    """Pelican asks for its writer, every story read and linked: where
    nothing can change a WoW page until its turn, a second process starts
    rendering the WoW pages now, beside Pelican's own (see ``ahead``).
    Returns no writer, so Pelican uses its own."""
    if not speedups_enabled(pelican.settings):
        return
    state = build_state(pelican.settings)
    generators = [ref() for ref in state.generators]
    state.generators = []
    for generator in generators:
        if isinstance(generator, WowGenerator) and may_start_early(
            generators, generator
        ):
            generator.render_ahead()


def end_build(pelican: Any) -> None:
    if speedups_enabled(pelican.settings):
        parallel.finish(pelican.settings)


def register() -> None:
    signals.initialized.connect(configure)
    signals.readers_init.connect(parallel.install)
    signals.article_generator_init.connect(track_generator)
    signals.page_generator_init.connect(track_generator)
    signals.all_generators_finalized.connect(end_reading)
    signals.get_writer.connect(start_writing)
    signals.finalized.connect(end_build)
    signals.content_object_init.connect(prepare_content)
    signals.get_generators.connect(get_generators)


__all__ += [
    "SettingsError",
    "configure",
    "end_build",
    "end_reading",
    "get_generators",
    "observe_fragments",
    "prepare_content",
    "start_writing",
    "track_generator",
]
