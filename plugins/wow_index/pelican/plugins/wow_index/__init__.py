"""pelican-wow-index: tag stories by touchpoint and verdict, build a WoW index.

Enable it with ``PLUGINS = ["pelican.plugins.wow_index"]``. Signal handlers
stay thin: settings are validated on ``initialized``, and the generator does
the work through the pure functions of the other modules.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from pelican import signals

from .pages.generator import WowGenerator
from .pelican_compat import speedups_enabled, warn_if_unsafe_links
from .problems import WowContentError
from .safety.contenttree import guard_generator
from .safety.recovery import repair_content
from .safety.safewrites import guard_writes
from .safety.storypaths import secure_paths
from .safety.tracebacks import quiet_tracebacks
from .settings import SettingsError, load_settings
from .speedups import parallel
from .speedups.ahead import may_start_early
from .speedups.membership import index_story_lists
from .speedups.paths import remember_relative_path
from .state import build_state, observe_fragments

__all__ = ["WowGenerator", "register"]

logger = logging.getLogger(__name__)

WOW_TEMPLATES = ("wow/touchpoint", "wow/verdict", "wow/company", "wow/cell")


def configure(pelican: Any) -> None:
    """Validate WOW_* settings early, make WoW listing pages paginate, and
    say once if the speed-ups asked for cannot run on this Pelican."""
    settings = pelican.settings
    quiet_tracebacks()
    wow = load_settings(settings)
    speedups_enabled(settings, warn=True)
    warn_if_unsafe_links(settings)
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
    problems += secure_paths(content)
    if settings.get("WOW_SANITIZE_HTML"):
        # Imported on first use: a site that does not sanitise never loads nh3.
        from .safety.linking import use_safe_links
        from .safety.sanitizing import sanitize_content

        problems += sanitize_content(content)
        # Links are rewritten safely, and the final HTML cleaned, when the
        # content is rendered (see ``linking``).
        use_safe_links(content)
    if problems:
        # Only on content that has some: a name more on every article costs
        # memory (Python shares the attribute names of a class's instances
        # only up to 30), and kept on the object, the problems are reported
        # again when a content cache keeps the object itself.
        content.wow_problems = tuple(problems)


def refuse_static_files(generator: Any) -> None:
    """``static_generator_finalized``: with WOW_SANITIZE_HTML, a static file
    a browser would run (a page, a script, an SVG with script or outside
    references) is taken out of the files to copy and reported."""
    settings = generator.settings
    if not settings.get("WOW_SANITIZE_HTML"):
        return
    from .safety.static_files import withhold_refused

    problems = withhold_refused(generator)
    for problem in problems:
        logger.warning("%s", problem.format())
    # Failed on in strict mode with the link problems (see check_links).
    generator.wow_problems = problems


def check_links(generators: list[Any]) -> None:
    """Every content read and every static file known: report each link
    placeholder that names nothing in the site (it is published as text);
    in strict mode, fail on these and on the static files not published,
    before anything is written."""
    if not generators or not generators[0].settings.get("WOW_SANITIZE_HTML"):
        return
    from .safety.linking import SafeLinks, link_problems

    read = generators[0].context.get("generated_content", {})
    problems = [
        problem
        for path in sorted(read)
        if isinstance(read[path], SafeLinks)
        for problem in link_problems(read[path])
    ]
    for problem in problems:
        logger.warning("%s", problem.format())
    static = [p for g in generators for p in getattr(g, "wow_problems", ())]
    if (static or problems) and generators[0].settings.get("WOW_STRICT"):
        raise WowContentError(static + problems)


def get_generators(pelican: Any) -> type[WowGenerator]:
    return WowGenerator


def track_generator(generator: Any) -> None:
    """``article_generator_init``, ``page_generator_init``: with the
    speed-ups, the Markdown workers learn which generators read (see
    :mod:`.speedups.parallel`)."""
    if speedups_enabled(generator.settings):
        parallel.track(generator)


def end_reading(generators: list[Any]) -> None:
    """Every generator has read its content: report link placeholders that
    name nothing (see :func:`check_links`) and, with the speed-ups, stop the
    Markdown workers, give Pelican's tag, category and author lists
    constant-time ``in``, and remember the generators for ``get_writer``."""
    if not generators:
        return
    settings = generators[0].settings
    speedups = speedups_enabled(settings)
    if speedups:
        parallel.finish(settings)
    check_links(generators)
    if not speedups:
        return
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
    signals.static_generator_finalized.connect(refuse_static_files)


__all__ += [
    "SettingsError",
    "check_links",
    "configure",
    "end_build",
    "end_reading",
    "get_generators",
    "observe_fragments",
    "prepare_content",
    "refuse_static_files",
    "start_writing",
    "track_generator",
]
