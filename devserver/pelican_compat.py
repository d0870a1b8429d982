"""Every use of Pelican's private code by the dev server, checked at start-up.

The dev server's speed-ups (the incremental writer, Pelican's content cache
kept in memory, the tracked ``get_content``/``get_summary`` memos, the two
linear steps of :mod:`devserver.linear`) need more of Pelican than its public
API (signals, settings, ``Pelican.run``, ``Writer.write_feed``). Each such
use is one small named function or class below, and :data:`RELIED_ON` says
what each needs of the running Pelican: names present, signatures as
expected (checked with the WoW plugin's own :class:`Reliance` tools).
:func:`speedups_enabled` checks them once when a session starts; on any
mismatch it says so in one warning naming the Pelican version, and
the session runs plain Pelican builds instead (see
:class:`devserver.incremental.Session`): slower, still served, still
reloaded in the browser.

``tests/unit/test_devserver_compat.py`` checks every entry against the
running Pelican, so the suite's run with the oldest Pelican the plugin
supports checks that one too. The local web server (:mod:`devserver.http`)
uses only the public methods of Pelican's ``ComplexHTTPRequestHandler``.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pelican.generators
import pelican.writers
from pelican.cache import FileDataCacher
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, CachingGenerator, Generator
from pelican.log import LimitFilter
from pelican.paginator import Paginator
from pelican.plugins import signals
from pelican.plugins.wow_index.pelican_compat import (
    Reliance,
    parameters,
    source_mentions,
    unmet,
)
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

__all__ = [
    "CONTENT_PRIVATE_ATTRIBUTES",
    "RELIED_ON",
    "OutputClaims",
    "Page",
    "PageWriter",
    "Reliance",
    "clear_content_memos",
    "content_body",
    "copy_content",
    "forget_logged_warnings",
    "keep_content_cache",
    "mismatches",
    "replace_quadratic_steps",
    "speedups_enabled",
    "template_folders",
    "track_content_reads",
]

logger = logging.getLogger("devserver")

# A content object's back reference to the build's context, and the body its
# reader made: never part of a fingerprint of what the content shows
# (the body has its own; the context is fingerprinted once).
CONTENT_PRIVATE_ATTRIBUTES = ("_context", "_content")

# Pelican's error for a second write to one output (Pelican 4.10+; before,
# a RuntimeError).
OverwriteError: type[Exception] = getattr(
    pelican.writers, "FileOverwriteFailedError", RuntimeError
)


def _memo(name: str) -> Any:
    """``Content.get_content`` or ``get_summary`` as Pelican defines it
    (``memoized``: a ``cache`` dict, the function as ``func``)."""
    return Content.__dict__[name]


def _memoised_per_siteurl(name: str) -> bool:
    memo = _memo(name)
    return (
        isinstance(getattr(memo, "cache", None), dict)
        and hasattr(memo, "__get__")
        and len(parameters(memo.func)) == 2  # (self, siteurl), positional
    )


def _pelicans(function: Any) -> Any:
    """Pelican's own function, under a wrapper this module put in place."""
    return getattr(function, "__wrapped__", function)


RELIED_ON: tuple[Reliance, ...] = (
    Reliance(
        "pelican.contents.Content.get_content(siteurl) and get_summary(siteurl), "
        "memoized (.cache, .func)",
        lambda: (
            _memoised_per_siteurl("get_content")
            and _memoised_per_siteurl("get_summary")
        ),
    ),
    Reliance(
        "pelican.contents.Content._content and ._context",
        lambda: source_mentions(Content, "self._content", "self._context"),
    ),
    Reliance(
        "pelican.writers.Writer.write_file(self, name, template, context, "
        "relative_urls, paginated, template_name, override_output, url, **kwargs)",
        lambda: (
            parameters(Writer.write_file)
            == [
                "self",
                "name",
                "template",
                "context",
                "relative_urls",
                "paginated",
                "template_name",
                "override_output",
                "url",
                "kwargs",
            ]
        ),
    ),
    Reliance(
        "pelican.writers.Writer._open_w(self, filename, encoding, override), "
        "used by write_feed",
        lambda: (
            parameters(Writer._open_w) == ["self", "filename", "encoding", "override"]
            and source_mentions(Writer.write_feed, "self._open_w(")
        ),
    ),
    Reliance(
        "pelican.generators.ArticlesGenerator._build_period_archives"
        "(self, sorted_articles, articles, settings)",
        lambda: (
            parameters(_pelicans(ArticlesGenerator._build_period_archives))
            == ["self", "sorted_articles", "articles", "settings"]
            and source_mentions(
                _pelicans(ArticlesGenerator._build_period_archives),
                '"articles"',
                '"dates"',
            )
        ),
    ),
    Reliance(
        "pelican.generators.process_translations(content_list, translation_id)",
        lambda: (
            parameters(_pelicans(pelican.generators.process_translations))
            == ["content_list", "translation_id"]
            and source_mentions(pelican.generators, "process_translations(")
        ),
    ),
    Reliance(
        "pelican.cache.FileDataCacher._cache and ._cache_data_policy, "
        "under CachingGenerator",
        lambda: (
            source_mentions(FileDataCacher, "self._cache =", "self._cache_data_policy")
            and issubclass(CachingGenerator, FileDataCacher)
            and parameters(FileDataCacher.get_cached_data)
            == ["self", "filename", "default"]
            and parameters(FileDataCacher.cache_data) == ["self", "filename", "data"]
        ),
    ),
    Reliance(
        "pelican.generators.Generator._templates_path",
        lambda: source_mentions(Generator, "self._templates_path"),
    ),
    Reliance(
        "pelican.log.LimitFilter._raised_messages and ._group_count",
        lambda: (
            isinstance(LimitFilter._raised_messages, set)
            and isinstance(LimitFilter._group_count, dict)
        ),
    ),
)


def mismatches() -> list[str]:
    """What the running Pelican lacks of :data:`RELIED_ON`."""
    return unmet(RELIED_ON)


def speedups_enabled() -> bool:
    """Whether the running Pelican has all the speed-ups rely on; if not,
    say so in one warning naming its version."""
    missing = mismatches()
    if missing:
        logger.warning(
            "devserver: Pelican %s does not have %s. Every save now runs a "
            "plain, full Pelican build (slower; the site is the same).",
            pelican.__version__,
            "; ".join(missing),
        )
    return not missing


# Content ---------------------------------------------------------------------
def content_body(content: Any) -> str:
    """The body the content's reader made (before links are made)."""
    return getattr(content, "_content", None) or ""


def copy_content(content: Any, context: dict[str, Any]) -> Any:
    """A shallow copy with its own metadata, bound to ``context`` (the
    build that reads it makes its links with that context)."""
    clone = copy.copy(content)
    if isinstance(getattr(content, "metadata", None), dict):
        clone.metadata = dict(content.metadata)
    clone._context = context
    return clone


ReadBody = Callable[[str, Any, Any, str], str]


def track_content_reads(read: ReadBody) -> Callable[[], None]:
    """Route every ``get_content(siteurl)`` and every ``get_summary(siteurl)``
    cut from a body through ``read(kind, pelicans_method, content,
    siteurl)``, class-wide (a summary given in the metadata does not read
    the body and goes to Pelican directly). Returns what undoes it.

    The wrappers sit outside Pelican's memo and share its ``cache``, so
    :func:`clear_content_memos` still clears it.
    """
    get_content, get_summary = _memo("get_content"), _memo("get_summary")

    def tracked_get_content(self: Content, siteurl: str) -> str:
        return read("content", get_content, self, siteurl)

    def tracked_get_summary(self: Content, siteurl: str) -> str:
        if "summary" in self.metadata:
            return get_summary.__get__(self, type(self))(siteurl)
        return read("summary", get_summary, self, siteurl)

    tracked_get_content.cache = get_content.cache  # type: ignore[attr-defined]
    tracked_get_summary.cache = get_summary.cache  # type: ignore[attr-defined]
    Content.get_content = tracked_get_content  # type: ignore[method-assign]
    Content.get_summary = tracked_get_summary  # type: ignore[method-assign]

    def undo() -> None:
        Content.get_content = get_content  # type: ignore[method-assign]
        Content.get_summary = get_summary  # type: ignore[method-assign]

    return undo


def clear_content_memos() -> None:
    """Forget memoised content and summaries: links in them may have moved,
    and the memo would otherwise keep every build's objects alive."""
    for name in ("get_content", "get_summary"):
        _memo(name).cache.clear()


# Generators ------------------------------------------------------------------
def template_folders(generator: Any) -> list[str]:
    """The folders the generator finds its templates in."""
    return list(getattr(generator, "_templates_path", []))


def keep_content_cache(
    generator: Any, store: dict[str, Any], copy_out: Callable[[Any], Any]
) -> None:
    """Make ``store`` the generator's content cache, never saved to disk;
    what it gives back is ``copy_out(cached)``, what it keeps
    ``copy_content(data, {})`` (a pristine copy no build changes)."""
    generator._cache = store
    generator._cache_data_policy = True
    generator.save_cache = lambda: None
    original_get = generator.get_cached_data
    original_put = generator.cache_data

    def get_cached_data(filename: str, default: Any = None) -> Any:
        pristine = original_get(filename, None)
        return default if pristine is None else copy_out(pristine)

    def cache_data(filename: str, data: Any) -> None:
        original_put(filename, copy_content(data, {}))

    generator.get_cached_data = get_cached_data
    generator.cache_data = cache_data


def replace_quadratic_steps(
    wrap_archives: Callable[[Any], Any], wrap_translations: Callable[[Any], Any]
) -> Callable[[], None]:
    """Put ``wrap_archives(pelicans)`` in place of
    ``ArticlesGenerator._build_period_archives`` and
    ``wrap_translations(pelicans)`` in place of the ``process_translations``
    Pelican's generators call. Returns what undoes it."""
    archives = ArticlesGenerator.__dict__["_build_period_archives"]
    translations = pelican.generators.process_translations
    ArticlesGenerator._build_period_archives = wrap_archives(archives)  # type: ignore[method-assign]
    pelican.generators.process_translations = wrap_translations(translations)

    def undo() -> None:
        ArticlesGenerator._build_period_archives = archives  # type: ignore[method-assign]
        pelican.generators.process_translations = translations

    return undo


def forget_logged_warnings() -> None:
    """Pelican logs each warning once a process; a rebuild tells them again."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


# The writer: Pelican's write_file and _open_w, with two hooks ------------------
@dataclass
class OutputClaims:
    """Pelican's rules for two writes to one output file (``Writer._open_w``)."""

    written: set[str] = field(default_factory=set)
    overridden: set[str] = field(default_factory=set)

    def claim(self, key: str, override: bool) -> bool:
        """May this write go ahead? False: skip it, as Pelican does; raises
        Pelican's error for a write Pelican refuses."""
        if key in self.overridden:
            if override:
                raise OverwriteError(
                    f'Failed to overwrite "{key}" a second time '
                    "(was previously overwritten)"
                )
            return False
        if key in self.written and not override:
            raise OverwriteError(
                f'Failed to overwrite "{key}" as Pelican has already '
                "written to it previously (set `override=True` if intended)"
            )
        if override:
            self.overridden.add(key)
        self.written.add(key)
        return True


@functools.lru_cache(maxsize=65536)
def relative_siteurl(name: str) -> str:
    """The SITEURL of a page with RELATIVE_URLS (``..`` per folder): asked
    for every page of every build, kept or not."""
    return path_to_url(get_relative_path(name))


class Page(NamedTuple):
    """One page of a ``write_file`` call: what Pelican renders it with."""

    template: Any
    name: str  # its output file
    kwargs: dict[str, Any]  # its own template variables
    relative: bool  # RELATIVE_URLS
    override: bool  # override_output


class PageWriter(Writer):
    """Pelican 4's ``Writer.write_file`` (pagination, relative URLs, the
    local context), each page handed to :meth:`write_page`; and its
    ``_open_w`` (which ``write_feed`` writes through) handed to
    :meth:`open_output`. Subclasses decide what writing means."""

    def write_page(self, page: Page, context: dict[str, Any]) -> None:
        raise NotImplementedError

    def open_output(self, filename: str, override: bool) -> Any:
        raise NotImplementedError

    def render_page(
        self, page: Page, context: dict[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        """Render one page as Pelican's ``write_file`` does: its text, and
        the local context it was rendered with (``localsiteurl`` set in
        ``context`` too, so content objects make their links for it)."""
        local = context.copy()
        local["localsiteurl"] = local.get("localsiteurl", None)
        if page.relative:
            local["SITEURL"] = local["localsiteurl"] = relative_siteurl(page.name)
        local["output_file"] = page.name
        local.update(page.kwargs)
        if local["localsiteurl"]:
            context["localsiteurl"] = local["localsiteurl"]
        return page.template.render(local), local

    def skip_page(self, page: Page, context: dict[str, Any]) -> None:
        """A page left unrendered leaves ``context`` as rendering it would."""
        if page.relative:
            context["localsiteurl"] = relative_siteurl(page.name)

    def page_written(self, page: Page, local: dict[str, Any]) -> None:
        signals.content_written.send(
            sanitised_join(self.output_path, page.name), context=local
        )

    def write_file(
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: dict[str, Any] | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        if not name:
            return
        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        pages: Iterable[tuple[str, dict[str, Any]]]
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            pages = [(name, kwargs)]
        else:
            pages = _pages(self.settings, name, url, template_name, paginated, kwargs)
        for save_as, page_kwargs in pages:
            page = Page(template, save_as, page_kwargs, relative_urls, override_output)
            self.write_page(page, context)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        return self.open_output(filename, override)


def _pages(
    settings: dict[str, Any],
    name: str,
    url: str | None,
    template_name: str | None,
    paginated: dict[str, Any],
    kwargs: dict[str, Any],
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each page of a paginated ``write_file``: its name and template
    variables, as Pelican's pagination makes them."""
    per_page = (
        settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    )
    paginators = {
        key: Paginator(name, url, val, settings, per_page)
        for key, val in paginated.items()
    }
    for number in range(next(iter(paginators.values())).num_pages):
        page_kwargs = kwargs.copy()
        for key, paginator in paginators.items():
            page = paginator.page(number + 1)
            page_kwargs.update(
                {
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": paginator.page(number)
                    if number > 0
                    else None,
                    f"{key}_next_page": paginator.page(number + 2)
                    if number + 1 < paginator.num_pages
                    else None,
                }
            )
        yield page.save_as, page_kwargs
