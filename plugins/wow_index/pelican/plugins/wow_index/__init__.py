"""pelican-wow-index: tag stories by touchpoint and verdict, build a WoW index.

Enable it with ``PLUGINS = ["pelican.plugins.wow_index"]``. Signal handlers
stay thin: settings are validated on ``initialized``, and the generator does
the work through the pure functions of the other modules.
"""

from __future__ import annotations

import weakref
from typing import Any

from pelican import signals

from . import parallel
from .ahead import may_start_early
from .contenttree import guard_generator
from .generator import WowGenerator
from .membership import index_story_lists
from .paths import remember_relative_path
from .recovery import repair_content
from .safewrites import guard_writes
from .settings import SettingsError, load_settings
from .storypaths import secure_paths
from .tracebacks import quiet_tracebacks

__all__ = ["WowGenerator", "register"]

WOW_TEMPLATES = ("wow/touchpoint", "wow/verdict", "wow/company", "wow/cell")


def configure(pelican: Any) -> None:
    """Validate WOW_* settings early and make WoW listing pages paginate."""
    settings = pelican.settings
    quiet_tracebacks()
    wow = load_settings(settings)
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
    remember_relative_path(content)
    problems = repair_content(content)
    problems += secure_paths(content)
    if getattr(content, "settings", {}).get("WOW_SANITIZE_HTML"):
        # Imported on first use: a site that does not sanitise never loads nh3.
        from .sanitizing import sanitize_content

        problems += sanitize_content(content)
    if problems:
        # Only on content that has some: a name more on every article costs
        # memory (Python shares the attribute names of a class's instances
        # only up to 30), and kept on the object, the problems are reported
        # again when a content cache keeps the object itself.
        content.wow_problems = tuple(problems)


def get_generators(pelican: Any) -> type[WowGenerator]:
    return WowGenerator


# The generators of the build being run, between reading and writing (weakly:
# a build that fails in between must not keep its site in memory).
_GENERATORS: list[weakref.ref[Any]] = []


def end_reading(generators: list[Any]) -> None:
    """Every generator has read its content: stop the Markdown workers, and
    give Pelican's tag, category and author lists constant-time ``in``."""
    if generators:
        parallel.finish(generators[0].settings)
    index_story_lists(generators)
    _GENERATORS[:] = [weakref.ref(generator) for generator in generators]


def start_writing(pelican: Any) -> None:
    """Pelican asks for its writer, every story read and linked: where
    nothing can change a WoW page until its turn, a second process starts
    rendering the WoW pages now, beside Pelican's own (see ``ahead``).
    Returns no writer, so Pelican uses its own."""
    generators = [ref() for ref in _GENERATORS]
    _GENERATORS.clear()
    for generator in generators:
        if isinstance(generator, WowGenerator) and may_start_early(
            generators, generator
        ):
            generator.render_ahead()


def end_build(pelican: Any) -> None:
    parallel.finish(pelican.settings)


def register() -> None:
    signals.initialized.connect(configure)
    signals.readers_init.connect(parallel.install)
    signals.article_generator_init.connect(parallel.track)
    signals.page_generator_init.connect(parallel.track)
    for made in (
        signals.article_generator_init,
        signals.page_generator_init,
        signals.static_generator_init,
    ):
        made.connect(guard_generator)
    signals.article_generator_init.connect(guard_writes)
    signals.page_generator_init.connect(guard_writes)
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
    "prepare_content",
    "start_writing",
]
