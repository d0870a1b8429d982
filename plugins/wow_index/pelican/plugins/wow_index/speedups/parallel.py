"""Reading Markdown sources in worker processes.

Pelican converts every Markdown file on one core, and conversion is the
largest part of a cold build. Here, on the first Markdown read of a build,
every Markdown source the article and page generators will read (and no
content cache holds) is sent to a small process pool; the reader then
answers each ``read()`` with the conversion done ahead of time.

Only the Markdown calls move to the workers. The main process still runs
Pelican's own Markdown metadata parsing (through ``pelican_compat``) on the
raw ``Meta`` of each file, with a stand-in that replays the worker's
conversions of the formatted fields, so metadata processing, warnings and
errors come from Pelican's code, and the site is byte for byte the one a
serial build writes.

Whenever the ahead-of-time answer is not certain to be that answer, the file
is read serially by Pelican's reader, in the main process: the worker failed
(an unreadable file, a broken pool) or logged something, the file
changed since it was sent, the file was not sent, or its conversion was not
finished yet (reading it here is no slower than waiting for it).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import sys
import types
import warnings
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from markdown import Markdown
from pelican import readers as pelican_readers

from ..pelican_compat import parse_markdown_metadata, read_caches, speedups_enabled
from ..state import build_state
from .records import LoggedWarnings

__all__ = [
    "MIN_FILES",
    "Converted",
    "MarkdownReader",
    "NotCertain",
    "convert_file",
    "extensions_made_here",
    "finish",
    "init_worker",
    "install",
    "plan",
    "track",
    "usable_cpus",
]

logger = logging.getLogger(__name__)

# A worker needs 0.6-0.8 s to start (it imports Pelican), in which this
# process reads some 150 stories itself: below this many files the worker
# would add work and save none. See the plugin README's performance section.
MIN_FILES = 200
MAX_WORKERS = 4
# Files are sent to the workers in blocks, at most this many blocks ahead
# of the file being read: answers waiting to be read cost memory.
BLOCK = 64
BLOCKS_AHEAD = 2

Stamp = tuple[int, int, int]


class Converted(NamedTuple):
    """What a worker did with one file: Pelican's Markdown calls, answered."""

    stamp: Stamp
    html: str
    meta: dict[str, list[str]] | None
    # Each formatted field's Markdown text and its HTML, in conversion order.
    conversions: list[tuple[str, str]]


class NotCertain(Exception):
    """A worker's answer may differ from a serial read: read serially."""


def file_stamp(path: str) -> Stamp:
    """What tells a changed file apart: modification time, size, inode."""
    status = os.stat(path)
    return (status.st_mtime_ns, status.st_size, status.st_ino)


# Worker side ----------------------------------------------------------------

_worker: dict[str, Any] = {}


def init_worker(markdown: Mapping[str, Any], formatted_fields: Iterable[str]) -> None:
    """Set up a worker process once, with the build's Markdown settings."""
    _worker.update(markdown=dict(markdown), formatted=frozenset(formatted_fields))


def convert_file(path: str) -> Converted:
    """Do what Pelican's ``MarkdownReader.read`` does with Markdown for
    ``path``: a new ``Markdown`` per file, the text opened like
    ``pelican_open`` (UTF-8, BOM dropped), then each formatted field
    converted after ``reset()`` with the meta preprocessor deregistered.

    Raises NotCertain when the conversion logged a warning or raised a
    Python warning, so the main process reads the file itself and Pelican
    reports it as usual.
    """
    stamp = file_stamp(path)
    records = LoggedWarnings()
    root = logging.getLogger()
    root.addHandler(records)
    try:
        with warnings.catch_warnings(record=True) as caught:
            md = Markdown(**_worker["markdown"])
            with open(path, encoding="utf-8-sig") as handle:
                html = md.convert(handle.read())
            meta = getattr(md, "Meta", None)
            conversions: list[tuple[str, str]] = []
            if meta is not None:
                md.preprocessors.deregister("meta")
                for name, value in meta.items():
                    if name.lower() in _worker["formatted"]:
                        text = "\n".join(value)
                        md.reset()
                        conversions.append((text, md.convert(text)))
    finally:
        root.removeHandler(records)
    if records.noted() or caught:
        raise NotCertain(f"converting {path} logged or warned")
    return Converted(stamp, html, meta, conversions)


# Main process side ----------------------------------------------------------


class _WorkersMarkdown:
    """Stands in for the Markdown instance in Pelican's ``_parse_metadata``:
    returns the worker's conversions in order, and refuses any other text."""

    def __init__(self, conversions: Iterable[tuple[str, str]]) -> None:
        self._conversions = list(conversions)
        self.preprocessors = self

    def deregister(self, name: str, strict: bool = True) -> None:
        """The worker already converted without the meta preprocessor."""

    def reset(self) -> _WorkersMarkdown:
        return self

    def convert(self, text: str) -> str:
        if not self._conversions or self._conversions[0][0] != text:
            raise NotCertain("metadata conversions differ from the worker's")
        return self._conversions.pop(0)[1]


class MarkdownReader(pelican_readers.MarkdownReader):
    """Pelican's Markdown reader, answering from the build's process pool.

    The class keeps Pelican's name: Pelican records the reader's name in
    every article's metadata (``reader: markdown``).
    """

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        build = build_state(self.settings).markdown
        converted = build.take(source_path) if build is not None else None
        if converted is None:
            return super().read(source_path)
        try:
            metadata = (
                parse_markdown_metadata(
                    self,
                    source_path,
                    _WorkersMarkdown(converted.conversions),
                    converted.meta,
                )
                if converted.meta is not None
                else {}
            )
        except NotCertain:
            logger.debug("reading %s serially: %s", source_path, "conversions differ")
            return super().read(source_path)
        return converted.html, metadata


def install(readers: Any) -> None:
    """``readers_init``: put :class:`MarkdownReader` in place of Pelican's
    own, for every extension Pelican's reader has. A reader another plugin
    installed is left alone, and so is everything with
    ``WOW_PARALLEL_MARKDOWN = False``."""
    if not (
        speedups_enabled(readers.settings)
        and readers.settings.get("WOW_PARALLEL_MARKDOWN", True)
    ):
        return
    for extension, reader in list(readers.reader_classes.items()):
        if reader is pelican_readers.MarkdownReader:
            readers.reader_classes[extension] = MarkdownReader


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity, where the OS has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def extensions_made_here(markdown: Mapping[str, Any]) -> list[str]:
    """The Markdown extensions in ``MARKDOWN`` given as objects rather than
    names. A worker can only load an extension by its name and its
    ``extension_configs``, as this process did; an object may carry
    configuration elsewhere (on its class, as some plugins keep theirs),
    which would reach a worker empty and change the HTML without a word."""
    extensions = markdown.get("extensions") or ()
    return [
        type(extension).__qualname__
        for extension in extensions
        if not isinstance(extension, str)
    ]


@dataclass
class _Build:
    """One build's generators and, once the first Markdown file is read,
    its pool of conversions."""

    settings: Mapping[str, Any]
    generators: list[Any] = field(default_factory=list)
    planned: bool = False
    executor: ProcessPoolExecutor | None = None
    futures: dict[str, Future[Converted]] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)
    sent: int = 0
    workers: int = 0
    answered: int = 0

    def take(self, path: str) -> Converted | None:
        """The worker's conversion of ``path``, or None: read it serially."""
        if not self.planned:
            self.planned = True
            try:
                paths = plan(self.generators)
            except Exception as error:  # then every file is read as Pelican does
                logger.debug("Markdown read serially: cannot list files (%r)", error)
                paths = []
            self._start(paths)
        position = self.positions.get(path)
        if position is not None:
            self._send_until(position // BLOCK + BLOCKS_AHEAD)
        future = self.futures.pop(path, None)
        if future is None:
            return None
        try:
            # Not started, or started but not finished (then it may have
            # only just been queued): converting here is no slower.
            if future.cancel() or not future.done():
                return None
            converted = future.result()
            if converted.stamp != file_stamp(path):
                return None
        except Exception as error:  # the serial read reports it, as Pelican does
            logger.debug("reading %s serially: %r", path, error)
            return None
        finally:
            if not self.futures and self.sent >= len(self.paths):
                self.close()
        self.answered += 1
        return converted

    def _start(self, paths: list[str]) -> None:
        cpus = usable_cpus()
        if cpus < 2 or len(paths) < MIN_FILES:
            return
        markdown = self.settings["MARKDOWN"]
        formatted = tuple(self.settings["FORMATTED_FIELDS"])
        unsure = extensions_made_here(markdown)
        if unsure:
            logger.debug(
                "Markdown read serially: extensions %s were made in this "
                "process; a worker could not be sure to convert as they do",
                ", ".join(unsure),
            )
            return
        try:
            pickle.dumps((markdown, formatted))
        except Exception as error:
            logger.debug("Markdown read serially: MARKDOWN cannot be sent (%s)", error)
            return
        # This process converts too (see take()), so one CPU is left to it.
        self.workers = min(cpus - 1, MAX_WORKERS)
        try:
            # spawn: safe with threads (a dev server), and the workers are
            # this process's children, ended and accounted for with it.
            self.executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(markdown, formatted),
            )
        except Exception as error:  # no processes here: read as Pelican does
            logger.debug("Markdown read serially: no worker processes (%s)", error)
            self.close()
            return
        self.paths = paths
        self.positions = {path: index for index, path in enumerate(paths)}
        self._send_until(BLOCKS_AHEAD)

    def _send_until(self, block: int) -> None:
        """Send the files of every block up to ``block`` (included), each
        block last file first: the workers start at a block's end while this
        process reads it from the start, until they meet. Sending only a few
        blocks ahead of the reading keeps few answers waiting in memory."""
        end = min((block + 1) * BLOCK, len(self.paths))
        if self.executor is None or self.sent >= end:
            return
        try:
            with _main_module_hidden():
                while self.sent < end:
                    start, self.sent = self.sent, min(self.sent + BLOCK, end)
                    for path in reversed(self.paths[start : self.sent]):
                        self.futures[path] = self.executor.submit(convert_file, path)
        except Exception as error:  # a broken pool: the rest is read here
            logger.debug("Markdown read serially from here: %r", error)
            self.sent = len(self.paths)

    def close(self) -> None:
        """Stop the pool and wait for its processes to end."""
        executor, self.executor = self.executor, None
        self.futures.clear()
        if executor is None:
            return
        executor.shutdown(wait=True, cancel_futures=True)
        logger.info(
            "Markdown: %d of %d files converted in %d worker process(es), "
            "the others here",
            self.answered,
            len(self.paths),
            self.workers,
        )


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start workers without the main module: by default ``spawn`` runs the
    main script again in every worker, and a script that builds the site
    without an ``if __name__ == "__main__":`` guard would build it again
    there. The workers need nothing from it."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def _content_kind(generator: Any) -> str | None:
    from pelican.generators import ArticlesGenerator, PagesGenerator

    if isinstance(generator, ArticlesGenerator):
        return "ARTICLE"
    if isinstance(generator, PagesGenerator):
        return "PAGE"
    return None


def plan(generators: Iterable[Any]) -> list[str]:
    """The Markdown files the generators will read with :class:`MarkdownReader`,
    as absolute paths in the order Pelican reads them: listed by Pelican's
    own ``get_files``, leaving out what a content cache holds (a cached file
    is not read, so converting it would be wasted)."""
    paths: list[str] = []
    for generator in generators:
        kind = _content_kind(generator)
        if kind is None:
            continue
        settings = generator.settings
        files = generator.get_files(
            settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"]
        )
        readers = generator.readers
        generator_cache, reader_cache = read_caches(generator, readers)
        for relative in files:
            if not isinstance(
                readers.readers.get(os.path.splitext(relative)[1][1:]), MarkdownReader
            ):
                continue
            path = os.path.abspath(os.path.join(generator.path, relative))
            if relative in generator_cache or path in reader_cache:
                continue
            paths.append(path)
    return paths


def track(generator: Any) -> None:
    """``article_generator_init``, ``page_generator_init``: remember the
    generators of this build. A generator of a kind already seen means a new
    build of the same settings (``pelican --autoreload``, a dev server)."""
    state = build_state(generator.settings)
    build = state.markdown
    if build is None or any(type(g) is type(generator) for g in build.generators):
        finish(generator.settings)
        build = state.markdown = _Build(generator.settings)
    build.generators.append(generator)


def finish(settings: Mapping[str, Any]) -> None:
    """``all_generators_finalized``, ``finalized``: reading is over; stop the
    pool of this build, if any, and forget the build."""
    state = build_state(settings)
    build, state.markdown = state.markdown, None
    if build is not None:
        build.close()
