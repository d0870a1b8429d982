"""Rendering the WoW pages on two CPUs.

Pelican renders and writes every page in one process, and the WoW pages are
most of what the plugin adds to a build. While Pelican writes, the Markdown
workers have stopped and a second CPU is idle. So, where a fork is cheap
and safe, the generator forks this process once: the copy renders the WoW
pages from the last one backwards, each into a compressed file of a
temporary folder. When the WoW generator's turn comes, this process renders
them from the first one forwards; from the page where the two meet, it
writes the copy's text instead of rendering the page again.

The fork comes as early as it safely can. When Pelican asks for its writer
(``get_writer``), every story has been read and linked, and what runs from
then until the WoW generator's turn is Pelican writing its own pages: if
nothing there can change what a WoW page shows (:func:`may_start_early`:
only Pelican's own generators write first, and no other plugin listens to
what Pelican sends meanwhile), the copy starts then, and has usually
rendered every WoW page by the time they are written. Otherwise it starts
with the generator's first page, and the two processes share the pages.

Every page still goes through the site's Writer in this process, in the
order of a serial build, so the output, the log, the ``content_written``
signals and Pelican's overwrite checks are those of a serial build. This
process never waits for the copy: a page the copy has not finished is
rendered here. The copy stops at the first page whose rendering logs a
warning or raises (this process renders that page and all before it, and
tells what a serial build tells, where it tells it: a warning is mostly
said once, by the first page that needs what it is about, and the copy's
last-first order would find a different first page). When the last page
is written, the copy is stopped.

Only on Linux, with two usable CPUs and Pelican's own Writer (another
writer may render its own way). A fork copies only the thread that forks: a
lock another thread held stays held in the copy, which may then stop, but
never changes what is written, since this process does not wait for it. So
other threads may run, as long as they are daemon threads (Pelican's own
command line shows a status line from one); a program that runs threads of
its own work while it builds gets no copy.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import warnings
import weakref
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from pelican import signals
from pelican.generators import (
    ArticlesGenerator,
    PagesGenerator,
    SourceFileGenerator,
    TemplatePagesGenerator,
)

from ..pelican_compat import discard_writes
from .parallel import usable_cpus
from .records import LoggedWarnings

__all__ = [
    "MIN_PAGES",
    "PageWrite",
    "PagesAhead",
    "can_fork",
    "may_start_early",
    "renders_without_side_effects",
]

logger = logging.getLogger(__name__)

# Forking costs a few milliseconds and the copy's first pages duplicate
# work; below this many pages a build would gain nothing.
MIN_PAGES = 100


class PageWrite(Protocol):
    """One ``Writer.write_file`` call (one page, or a paginated list)."""

    template: Any
    pages: int

    def __call__(self, writer: Any, template: Any = None) -> None: ...


def can_fork() -> bool:
    """Whether a copy of this process may render pages beside it."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and usable_cpus() >= 2
        and all(
            thread.daemon
            for thread in threading.enumerate()
            if thread is not threading.current_thread()
        )
        and hasattr(signals.content_written, "muted")
    )


# Pelican's own generators: what they write changes nothing a WoW page shows.
PELICANS_GENERATORS = (
    ArticlesGenerator,
    PagesGenerator,
    TemplatePagesGenerator,
    SourceFileGenerator,
)
# What Pelican sends from asking for its writer to the WoW generator's turn.
SIGNALS_BEFORE_WOW_PAGES = (
    signals.get_writer,
    signals.article_generator_write_article,
    signals.page_generator_write_page,
    signals.content_written,
    signals.feed_generated,
    signals.feed_written,
    signals.article_writer_finalized,
    signals.page_writer_finalized,
)


def may_start_early(generators: Sequence[Any], wow: Any) -> bool:
    """Whether the copy may start as Pelican asks for its writer, and render
    the WoW pages while Pelican writes its own, instead of when the WoW
    generator's turn comes: only when nothing that runs in between can change
    what a WoW page shows. That is, every generator that writes before
    ``wow`` is one of Pelican's own, and no one but this plugin listens to
    what Pelican sends in between (a receiver may change any object a page
    reads; another ``get_writer`` receiver may give another writer)."""
    if wow not in generators:
        return False
    before = generators[: generators.index(wow)]
    return all(type(g) in PELICANS_GENERATORS for g in before) and not any(
        not _is_ours(receiver)
        for signal in SIGNALS_BEFORE_WOW_PAGES
        for receiver in signal.receivers.values()
    )


def renders_without_side_effects(env: Any) -> bool:
    """Whether rendering a page with ``env`` only makes its text: no Jinja
    extension but Jinja's own. An extension may write files as it renders
    (a webassets bundle, its cache), which a copy must never do beside
    the build."""
    return all(
        type(extension).__module__.partition(".")[0] == "jinja2"
        for extension in getattr(env, "extensions", {}).values()
    )


def _is_ours(receiver: Any) -> bool:
    """A receiver of this plugin (blinker keeps most receivers weakly)."""
    if isinstance(receiver, weakref.ref):
        receiver = receiver()
    module = getattr(receiver, "__module__", None) or ""
    plugin = __package__.rpartition(".")[0]  # pelican.plugins.wow_index
    return module == plugin or module.startswith(f"{plugin}.")


def _name(output_file: str) -> str:
    """The temporary file of one output file."""
    return hashlib.sha1(output_file.encode("utf-8", "surrogatepass")).hexdigest()


class PagesAhead:
    """The copy rendering pages ahead, and the pages taken from it."""

    def __init__(
        self, folder: Path, pid: int, *, early: bool = False, frozen: bool = False
    ) -> None:
        self.folder = folder
        self.pid = pid
        self.taken = 0
        self.rendered = 0
        self.closed = False
        self.early = early  # started before Pelican wrote its own pages
        self.frozen = frozen  # objects frozen for the copy's time

    @classmethod
    def start(
        cls,
        writes: Sequence[PageWrite],
        writer: Callable[[str], Any],
        *,
        early: bool = False,
    ) -> PagesAhead | None:
        """Fork a copy that renders ``writes`` last first with a writer made
        by ``writer(output_path)``, given a folder of its own (whatever it
        writes there is thrown away); None if there are too few pages or no
        fork. ``early``: started before Pelican writes its own pages (the
        log says which)."""
        if sum(w.pages for w in writes) < MIN_PAGES or not can_fork():
            return None
        try:
            folder = Path(tempfile.mkdtemp(prefix="wow-pages-"))
        except OSError as error:  # no writable temporary folder: serially
            logger.debug("pelican-wow-index: no temporary folder: %s", error)
            return None
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        # The collector marks every object it looks at, so each page of
        # memory it visits would be copied for this process alone: what
        # exists now is left out of its passes until the copy is stopped
        # (unless the program froze objects itself).
        freeze = gc.get_freeze_count() == 0
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns of a fork beside other threads (see above).
                warnings.simplefilter("ignore", DeprecationWarning)
                if freeze:
                    gc.freeze()
                pid = os.fork()
        except OSError as error:
            if freeze:
                gc.unfreeze()
            logger.debug("pelican-wow-index: no second process: %s", error)
            shutil.rmtree(folder, ignore_errors=True)
            return None
        if pid == 0:  # pragma: no cover - runs in the copy, which never returns
            _render_ahead(writes, writer, folder)
        return cls(folder, pid, early=early, frozen=freeze)

    def write(self, write: PageWrite, writer: Any) -> None:
        """Write the pages of ``write`` through ``writer``, with the copy's
        text for each page it has finished."""
        write(writer, _CopysText(write.template, self))

    def close(self) -> None:
        """Stop the copy and remove its folder (once; later calls do nothing)."""
        if self.closed:
            return
        self.closed = True
        with contextlib.suppress(ProcessLookupError):  # ended already
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):  # and waited for
            os.waitpid(self.pid, 0)
        if self.frozen:
            gc.unfreeze()
        shutil.rmtree(self.folder, ignore_errors=True)
        logger.info(
            "WoW pages: %d of %d rendered by a second process (started %s)",
            self.taken,
            self.taken + self.rendered,
            "beside Pelican's own pages" if self.early else "with the WoW pages",
        )


class _StandIn:
    """A template's stand-in: all but ``render`` is the template's own."""

    def __init__(self, template: Any) -> None:
        self._template = template

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


class _CopysText(_StandIn):
    """A template that answers with the copy's text when it has some (in
    this process; :class:`_Capture` is its other half, in the copy)."""

    def __init__(self, template: Any, ahead: PagesAhead) -> None:
        super().__init__(template)
        self._ahead = ahead

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = args[0] if args else kwargs
        path = self._ahead.folder / _name(context["output_file"])
        try:
            text = zlib.decompress(path.read_bytes()).decode("utf-8", "surrogatepass")
        except (OSError, zlib.error):  # not finished (or unreadable): render here
            self._ahead.rendered += 1
            return self._template.render(*args, **kwargs)
        self._ahead.taken += 1
        return text


class _Stop(Exception):
    """A page logged something: the copy goes no further."""


class _Capture(_StandIn):
    """A template that keeps its text in the folder, unless rendering it
    logged something (then the copy stops; see the module's docstring)."""

    def __init__(self, template: Any, folder: Path, records: LoggedWarnings) -> None:
        super().__init__(template)
        self._folder = folder
        self._records = records

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = args[0] if args else kwargs
        text = self._template.render(*args, **kwargs)
        if self._records.noted():
            raise _Stop
        path = self._folder / _name(context["output_file"])
        part = path.with_suffix(".part")
        # Compressed: a temporary folder may be in memory (tmpfs).
        part.write_bytes(zlib.compress(text.encode("utf-8", "surrogatepass"), 1))
        os.replace(part, path)
        return ""


def _render_ahead(
    writes: Sequence[PageWrite], writer: Callable[[str], Any], folder: Path
) -> None:  # pragma: no cover - runs in the copy
    """The copy: render ``writes`` last first, then end without cleaning
    up (the files and state it shares with this process are this process's)."""
    try:
        gc.freeze()  # the collector would touch, and so copy, every object
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        records = LoggedWarnings()
        # Nothing the copy logs is shown; anything it logs stops it.
        for log in logging.Logger.manager.loggerDict.values():
            if isinstance(log, logging.Logger) and log.handlers:
                log.handlers = [records]
        logging.getLogger().handlers = [records]
        warnings.showwarning = records.showwarning
        # Its pages go to the folder (see _Capture), not to the output: the
        # writer's own output is the folder's too, so that nothing the copy
        # does (a plugin that changed the Writer) can touch the site.
        discard = writer(str(folder / "output"))
        discard_writes(discard)
        with signals.content_written.muted():
            for write in reversed(writes):
                # An error stops the copy too: this process meets it again.
                write(discard, _Capture(write.template, folder, records))
    finally:
        os._exit(0)
