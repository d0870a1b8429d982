"""Every use of Pelican's private code, in one place, checked at start-up.

Pelican's public API (signals, settings, ``Generator``, ``Writer``,
``URLWrapper``) is all the plugin needs to build the WoW index. Two things
need more:

- the opt-in speed-ups (``WOW_SPEEDUPS``): Markdown read in worker processes,
  the WoW pages rendered by a forked copy, Pelican's memos kept small. They
  rely on names Pelican does not promise to keep;
- putting a story's repaired or sanitised HTML back where Pelican reads it
  (``_content``, ``_summary``, ``override_save_as``), which Pelican's own
  comments name as the place plugins write to.

Each such use is one small named function below, and :data:`RELIED_ON` lists
what each needs of the running Pelican. :func:`mismatches` checks them all;
:func:`speedups_enabled` turns the speed-ups off, with one warning naming
the Pelican version, when anything they rely on is missing or changed, and
the build is then Pelican's own. A test checks every entry against the
oldest and newest Pelican the plugin supports (``make compat``).
"""

from __future__ import annotations

import functools
import inspect
import io
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "RELIED_ON",
    "Reliance",
    "can_include_path",
    "clear_output_override",
    "content_context",
    "content_html",
    "content_memos",
    "discard_writes",
    "has_output_override",
    "include_path",
    "mismatches",
    "open_for_writing",
    "output_override",
    "override_output_path",
    "parameters",
    "parse_markdown_metadata",
    "read_caches",
    "set_content_html",
    "set_output_override",
    "set_summary_html",
    "source_mentions",
    "speedups_enabled",
    "summary_html",
    "summary_memo",
    "template_search_path",
    "unmet",
    "warn_if_unsafe_links",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reliance:
    """One thing the plugin needs of Pelican beyond its public API."""

    what: str  # for the warning: "pelican.writers.Writer._open_w"
    check: Callable[[], bool]
    speedups_only: bool = True


def parameters(function: Any) -> list[str]:
    """The names of ``function``'s parameters (for a :class:`Reliance`)."""
    return list(inspect.signature(function).parameters)


def source_mentions(owner: Any, *names: str) -> bool:
    """Whether the source of ``owner`` has every one of ``names``: how a
    :class:`Reliance` checks an attribute that a method sets (False when the
    source cannot be read)."""
    try:
        source = inspect.getsource(owner)
    except (OSError, TypeError):
        return False
    return all(name in source for name in names)


def _memo_of(method: Any) -> dict[Any, Any] | None:
    memo = getattr(method, "cache", None)
    return memo if isinstance(memo, dict) else None


def _content_class() -> Any:
    from pelican.contents import Content

    return Content


def _writer_class() -> Any:
    from pelican.writers import Writer

    return Writer


def _markdown_reader() -> Any:
    from pelican.readers import MarkdownReader

    return MarkdownReader


def _generator_classes() -> tuple[Any, Any]:
    from pelican.generators import CachingGenerator, Generator

    return Generator, CachingGenerator


def _data_cacher() -> Any:
    from pelican.cache import FileDataCacher

    return FileDataCacher


def _readers_class() -> Any:
    from pelican.readers import Readers

    return Readers


RELIED_ON: tuple[Reliance, ...] = (
    Reliance(
        "pelican.contents.Content._content and ._summary (the HTML Pelican renders)",
        lambda: source_mentions(_content_class(), "self._content", "self._summary"),
        speedups_only=False,
    ),
    Reliance(
        "pelican.contents: override_save_as / override_url on content",
        lambda: source_mentions(
            inspect.getmodule(_content_class()), "override_save_as", "override_url"
        ),
        speedups_only=False,
    ),
    Reliance(
        "pelican.contents.Content.get_content/get_summary memos (.cache dicts)",
        lambda: (
            _memo_of(_content_class().get_content) is not None
            and _memo_of(_content_class().get_summary) is not None
        ),
    ),
    Reliance(
        "pelican.writers.Writer._open_w(filename, encoding, override=False)",
        lambda: (
            parameters(_writer_class()._open_w)[:4]
            == ["self", "filename", "encoding", "override"]
        ),
    ),
    Reliance(
        "pelican.readers.MarkdownReader._parse_metadata(meta) with ._md, ._source_path",
        lambda: (
            parameters(_markdown_reader()._parse_metadata) == ["self", "meta"]
            and source_mentions(_markdown_reader(), "self._md", "self._source_path")
        ),
    ),
    Reliance(
        "pelican.generators.Generator._templates_path",
        lambda: source_mentions(_generator_classes()[0], "self._templates_path"),
        speedups_only=False,
    ),
    Reliance(
        "pelican.contents.Content._update_content(content, siteurl) "
        "(the link rewrite WOW_SANITIZE_HTML makes safe)",
        lambda: (
            parameters(_content_class()._update_content)
            == ["self", "content", "siteurl"]
        ),
        speedups_only=False,
    ),
    Reliance(
        "pelican.contents.Content.get_summary(siteurl) and get_static_links()",
        lambda: (
            parameters(_content_class().get_static_links) == ["self"]
            and source_mentions(_content_class(), "def get_summary(self")
        ),
        speedups_only=False,
    ),
    Reliance(
        "pelican.contents.Content._context and .relative_dir",
        lambda: source_mentions(_content_class(), "self._context", "relative_dir"),
        speedups_only=False,
    ),
    Reliance(
        "pelican.generators.Generator._include_path(path, extensions=None) "
        "(the safe content walk asks it, as get_files does)",
        lambda: (
            parameters(_generator_classes()[0]._include_path)
            == ["self", "path", "extensions"]
        ),
        speedups_only=False,
    ),
    Reliance(
        "pelican.cache.FileDataCacher._cache, under CachingGenerator and Readers",
        lambda: (
            source_mentions(_data_cacher(), "self._cache = ")
            and issubclass(_generator_classes()[1], _data_cacher())
            and issubclass(_readers_class(), _data_cacher())
        ),
    ),
)


def unmet(reliances: Iterable[Reliance]) -> list[str]:
    """What the running Pelican lacks of ``reliances`` (their ``what``)."""
    missing = []
    for reliance in reliances:
        try:
            ok = reliance.check()
        except Exception:  # a name gone, a signature that cannot be read
            ok = False
        if not ok:
            missing.append(reliance.what)
    return missing


def mismatches(*, speedups: bool = True) -> list[str]:
    """What the running Pelican lacks of :data:`RELIED_ON` (``speedups``
    False: only what the plugin needs without the speed-ups)."""
    return unmet(r for r in RELIED_ON if speedups or not r.speedups_only)


@functools.cache
def _missing_for_speedups() -> tuple[str, ...]:
    # A property of the running Pelican, not of a build: checked once.
    return tuple(mismatches())


def speedups_enabled(settings: Mapping[str, Any], *, warn: bool = False) -> bool:
    """Whether this build runs the speed-ups: ``WOW_SPEEDUPS`` set, and
    everything they rely on present in the running Pelican. With ``warn``
    (once a build, when Pelican is initialised) a mismatch is told in one
    warning naming the Pelican version."""
    if not settings.get("WOW_SPEEDUPS", False):
        return False
    missing = _missing_for_speedups()
    if missing and warn:
        from pelican import __version__

        logger.warning(
            "pelican-wow-index: WOW_SPEEDUPS is off for this build: Pelican "
            "%s does not have %s. The build is Pelican's own, only slower; "
            "set WOW_SPEEDUPS = False to silence this, or use a Pelican "
            "version the plugin supports.",
            __version__,
            "; ".join(missing),
        )
    return not missing


# Content: the HTML Pelican renders -------------------------------------------
def content_html(content: Any) -> str | None:
    """The story's body as its reader left it (before links are made)."""
    return getattr(content, "_content", None)


def summary_html(content: Any) -> Any:
    """The story's own summary, if it has one (a ``Summary`` field)."""
    return getattr(content, "_summary", None)


def set_content_html(content: Any, html: str) -> None:
    """Make ``html`` the story's body, as Pelican's readers left it."""
    content._content = html


def set_summary_html(content: Any, html: str) -> None:
    """Make ``html`` the story's summary (Pelican copies ``_summary`` back
    into its metadata when it refreshes links)."""
    content._summary = html


def output_override(content: Any, key: str) -> Any:
    """The story's own ``Save_as`` (``key`` "save_as") or ``URL`` ("url") as
    Pelican keeps it, or None."""
    return getattr(content, f"override_{key}", None)


def set_output_override(content: Any, key: str, value: str) -> None:
    setattr(content, f"override_{key}", value)


def has_output_override(content: Any) -> bool:
    """Whether ``content`` has its own ``Save_as`` (as Pelican records it)."""
    return hasattr(content, "override_save_as")


def clear_output_override(content: Any) -> None:
    """Publish ``content`` at its default path again (no ``Save_as``/``URL``)."""
    for name in ("override_save_as", "override_url"):
        if hasattr(content, name):
            delattr(content, name)


def include_path(generator: Any, path: str, extensions: Any = None) -> bool:
    """Whether Pelican's ``generator`` would read ``path`` (its extension
    and IGNORE_FILES rules), as its own ``get_files`` asks."""
    return bool(generator._include_path(path, extensions))


def can_include_path(generator: Any) -> bool:
    return callable(getattr(generator, "_include_path", None))


def override_output_path(content: Any, save_as: str, url: str | None) -> None:
    """Publish ``content`` at ``save_as`` (and ``url``), as a ``Save_as`` /
    ``URL`` field in its header would."""
    content.override_save_as = save_as
    if url is not None:
        content.override_url = url


def content_context(content: Any) -> dict[str, Any]:
    """The site-wide context a content object resolves its links in."""
    return content._context


def warn_if_unsafe_links(settings: Mapping[str, Any]) -> None:
    """With ``WOW_SANITIZE_HTML``: say once, at start-up, if this Pelican
    lacks what the safe link rewrite relies on (links would then be made by
    Pelican's own code, unchecked)."""
    if not settings.get("WOW_SANITIZE_HTML"):
        return
    missing = mismatches(speedups=False)
    if missing:
        from pelican import __version__

        logger.warning(
            "pelican-wow-index: WOW_SANITIZE_HTML cannot make links safely on "
            "Pelican %s, which does not have %s; link placeholders are made "
            "by Pelican's own code. Use a Pelican version the plugin supports.",
            __version__,
            "; ".join(missing),
        )


# Speed-ups ------------------------------------------------------------------
def content_memos() -> list[dict[Any, Any]]:
    """Pelican's memos of every story's HTML and summary, per SITEURL."""
    content = _content_class()
    return [
        memo
        for memo in (_memo_of(content.get_content), _memo_of(content.get_summary))
        if memo is not None
    ]


def summary_memo() -> dict[Any, Any]:
    return _memo_of(_content_class().get_summary) or {}


def template_search_path(generator: Any) -> list[str]:
    """The folders Pelican's generator searches for templates (a list the
    plugin may append its fallback folder to)."""
    path = getattr(generator, "_templates_path", None)
    return path if isinstance(path, list) else []


def open_for_writing(writer: Any, path: str, encoding: str = "utf-8") -> Any:
    """Pelican's writer's file opener, which keeps its check that no two
    outputs share a file."""
    return writer._open_w(path, encoding)


def discard_writes(writer: Any) -> None:
    """Make ``writer`` render but write nothing (the forked copy's writer)."""
    writer._open_w = lambda *args, **kwargs: io.StringIO()


def parse_markdown_metadata(
    reader: Any, source_path: str, markdown: Any, meta: dict[str, Any]
) -> dict[str, Any]:
    """Pelican's ``MarkdownReader`` metadata parsing, with ``markdown`` as
    the Markdown instance it asks to convert values."""
    reader._source_path = source_path
    reader._md = markdown
    return reader._parse_metadata(meta)


def read_caches(generator: Any, readers: Any) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """The generator's and the readers' content caches (empty without
    ``LOAD_CONTENT_CACHE``)."""
    return (
        getattr(generator, "_cache", None) or {},
        getattr(readers, "_cache", None) or {},
    )
