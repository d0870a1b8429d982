"""Incremental Pelican builds in one long-lived process.

A :class:`Session` owns one :class:`pelican.Pelican` object for its whole
life and runs it again on every change, with four hooks (signals, a wrapper
on :class:`pelican.contents.Content`, and the WoW plugin's public
``observe_fragments``):

- **Reading.** Each generator's content cache lives in memory, so a rebuild
  reads and converts only the files whose modification time changed. The
  cache holds a pristine copy of each content object; every build works on a
  fresh shallow copy, so nothing a build does to an object (plugins decorate
  articles, Pelican rewrites summary links) leaks into the next one.
- **Planning** (``all_generators_finalized``, after every generator read its
  content and before anything is written). If the build logged an error, it
  stops here and nothing is written. Otherwise each content object is
  fingerprinted (:mod:`devserver.fingerprint`) and compared with the last
  published build: when only bodies changed, the build re-renders only the
  pages that read one of those bodies (and the HTML and summaries of the
  other content objects are taken from that build, not made again);
  when anything else changed (metadata, a new, deleted or renamed file, a
  template, a static file, the settings), it re-renders every page.
- **Rendering** (``get_writer``): :class:`IncrementalWriter` renders into
  memory, recording which bodies each page reads (``content``, and summaries
  cut from the body). Pages it may skip keep their file and their record.
- **Publishing.** Only when the whole build succeeded are files written (only
  those whose bytes changed, each replaced atomically) and files the build no
  longer makes deleted. So the output always equals what a clean ``pelican``
  build of the same content writes.

Two of Pelican's steps that are quadratic in the number of stories (period
archives, translations) run in linear time (:mod:`devserver.linear`): the
same results, half a second less per save at 5,000 stories.

All of this relies on Pelican's private code, each use behind one function of
:mod:`devserver.pelican_compat`, which checks at start-up that the running
Pelican has what they need. When it has not, the session says so once and
runs **plain builds**: Pelican's own writer renders every page into a
staging folder, and the files whose bytes changed are published from there
(so a build with errors still publishes nothing, and the browser still
reloads). Slower, and the same site.

Limits, by design: a plugin that writes files itself (not through the
writer) writes them on every build, and they are never deleted; a template
that reads a story's raw body attribute directly is not tracked (use
``content``).
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, ClassVar

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from pelican import Pelican
from pelican.contents import Content
from pelican.plugins import signals
from pelican.plugins.wow_index import observe_fragments
from pelican.utils import clean_output_dir, posixize_path, sanitised_join

from . import linear
from .fingerprint import (
    body_digest,
    card_digest,
    settings_digest,
    site_digest,
    templates_digest,
)
from .pelican_compat import (
    OutputClaims,
    Page,
    PageWriter,
    clear_content_memos,
    copy_content,
    forget_logged_warnings,
    keep_content_cache,
    speedups_enabled,
    template_folders,
    track_content_reads,
)

__all__ = ["BuildReport", "IncrementalWriter", "Session"]

logger = logging.getLogger(__name__)


# Which bodies each page reads -------------------------------------------------
class _Bodies:
    """Content HTML and summaries by (kind, source path, SITEURL): what this
    build computed (``made``), and what the last published build computed
    that this build may use as it is (``usable``: set by the planner, for
    the unchanged bodies of a build in which no card changed, so no URL, and
    no link in a body, moved). Pelican's own memo is per object, and every
    build has new objects. While a page renders, ``current`` collects the
    source paths of the bodies it reads."""

    def __init__(self) -> None:
        self.made: dict[tuple[str, str, str], str] = {}
        self.usable: dict[tuple[str, str, str], str] = {}
        self.current: set[str] | None = None

    def read(self, kind: str, method: Any, content: Content, siteurl: str) -> str:
        """``method`` (Pelican's memoised ``get_content`` or ``get_summary``)
        of ``content``, recorded as a read of its body by the page rendering."""
        if self.current is not None:
            self.current.add(content.source_path)
        key = (kind, content.source_path, siteurl)
        value = self.usable.get(key)
        if value is None:
            value = method.__get__(content, type(content))(siteurl)
        self.made[key] = value
        return value

    def fragment_asked(self, key: tuple[Any, ...]) -> None:
        """A WoW fragment (see the plugin's ``observe_fragments``): replayed,
        it reads nothing, yet the page shows what its first rendering read,
        so the stories it stands for count as read."""
        if self.current is not None:
            for part in key:
                if isinstance(part, Content) and "summary" not in part.metadata:
                    self.current.add(part.source_path)

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        reads: set[str] = set()
        previous, self.current = self.current, reads
        try:
            yield reads
        finally:
            self.current = previous


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept across builds (Jinja checks the source)."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


class _ErrorLog(logging.Handler):
    """Collects ERROR records of one build, with the exception being handled
    (Pelican logs "Could not process" without the reason)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if error is not None and str(error) not in message:
            message = f"{message}: {type(error).__name__}: {error}"
        self.messages.append(message)


class BuildAborted(Exception):
    """Raised inside Pelican's run to stop a build before it writes anything."""


# State ------------------------------------------------------------------------
@dataclass
class _Published:
    """What the last published build left on disk, and why."""

    site: str = ""
    fingerprints: dict[str, tuple[str, str]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # output -> digest
    reads: dict[str, frozenset[str]] = field(default_factory=dict)  # output -> bodies
    extra: set[str] = field(default_factory=set)  # static files etc.


@dataclass
class _StagedBuild:
    """What one build renders into memory, and what it may leave on disk."""

    published: _Published | None
    mode: str = "full"
    changed_bodies: frozenset[str] = frozenset()
    site: str = ""
    fingerprints: dict[str, tuple[str, str]] = field(default_factory=dict)
    rendered: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)
    extra: set[str] = field(default_factory=set)
    claims: OutputClaims = field(default_factory=OutputClaims)

    def can_keep(self, key: str) -> bool:
        """May this output keep the file the last published build wrote?"""
        if self.mode == "full" or self.published is None:
            return False
        if key not in self.published.pages:
            return False
        return not (self.published.reads.get(key, frozenset()) & self.changed_bodies)


@dataclass
class BuildReport:
    """What one build did, for the terminal and for tests."""

    published: bool
    mode: str
    seconds: float
    rendered: int = 0
    written: int = 0
    deleted: int = 0
    errors: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


# The writer -------------------------------------------------------------------
class IncrementalWriter(PageWriter):
    """Pelican's Writer, rendering into the session's build instead of disk.

    Its pages are Pelican's (:class:`devserver.pelican_compat.PageWriter`),
    but pages the build may keep are skipped without rendering them,
    building their context or touching the disk.
    """

    session: ClassVar[Session]

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        self.build = self.session.current
        self.bodies = self.session.bodies

    def _key(self, name: str) -> str:
        """The output's path relative to the output folder (the record key)."""
        if not os.path.isabs(name):
            key = posixize_path(os.path.normpath(name))
            if not key.startswith("../"):
                return key
        path = sanitised_join(self.output_path, name)
        return posixize_path(os.path.relpath(path, self.output_path))

    def write_page(self, page: Page, context: dict[str, Any]) -> None:
        key = self._key(page.name)
        if not self.build.claims.claim(key, page.override):
            return
        if self.build.can_keep(key):
            self.build.kept.add(key)
            self.skip_page(page, context)
            return
        with self.bodies.recording() as reads:
            output, local = self.render_page(page, context)
        self.build.rendered[key] = (output, frozenset(reads))
        self.page_written(page, local)

    def write_feed(
        self,
        elements: Any,
        context: dict[str, Any],
        path: str | None = None,
        url: str | None = None,
        feed_type: str = "atom",
        override_output: bool = False,
        feed_title: str | None = None,
    ) -> Any:
        if path:
            key = self._key(path)
            if self.build.can_keep(key):
                self.build.claims.claim(key, override_output)
                self.build.kept.add(key)
                return None
            with self.bodies.recording() as reads:
                feed = super().write_feed(
                    elements, context, path, url, feed_type, override_output, feed_title
                )
            if key in self.build.rendered:
                output, _ = self.build.rendered[key]
                self.build.rendered[key] = (output, frozenset(reads))
            return feed
        return super().write_feed(
            elements, context, path, url, feed_type, override_output, feed_title
        )

    def open_output(self, filename: str, override: bool) -> Any:
        key = self._key(filename)
        claimed = self.build.claims.claim(key, override)
        return _StagedFile(self.build, key if claimed else None)


class _StagedFile(io.StringIO):
    """What Pelican's feed writer writes to: text kept for the build."""

    def __init__(self, build: _StagedBuild, key: str | None) -> None:
        super().__init__()
        self.build, self.key = build, key

    def __exit__(self, *exc: object) -> None:
        if self.key is not None and exc[0] is None:
            self.build.rendered[self.key] = (self.getvalue(), frozenset())
        super().__exit__(*exc)


# The session ------------------------------------------------------------------
class Session:
    """One Pelican instance, rebuilt on demand; see the module docstring.

    ``speedups`` False (or a Pelican that lacks what they rely on): plain
    builds, staged in a folder of their own and published from there.
    """

    def __init__(self, settings: dict[str, Any], *, speedups: bool = True) -> None:
        settings = dict(settings)
        # The content cache lives in memory (below), never on disk.
        settings["CACHE_CONTENT"] = False
        settings["LOAD_CONTENT_CACHE"] = False
        settings["DELETE_OUTPUT_DIRECTORY"] = False
        # The plugin keeps each file's checks between builds: a save re-reads
        # only what changed.
        settings["WOW_REMEMBER_FILES"] = True
        settings["JINJA_ENVIRONMENT"] = {
            **settings.get("JINJA_ENVIRONMENT", {}),
            "bytecode_cache": _MemoryBytecodeCache(),
        }
        self.settings = settings
        self.output = settings["OUTPUT_PATH"]
        self.speedups = speedups and speedups_enabled()
        self.generation = 0
        self.published: _Published | None = None
        self.current = _StagedBuild(None)
        self.bodies = _Bodies()
        self.on_publish: list[Callable[[BuildReport], None]] = []
        self._caches: dict[str, dict[str, Any]] = {}
        self._errors: _ErrorLog | None = None
        self._rendered: dict[tuple[str, str, str], str] = {}
        self._published_rendered = False
        self._first = True
        self._undo: list[Callable[[], None]] = []
        self._staging: str | None = None
        # blinker holds receivers weakly: keep the bound methods alive.
        self._receivers: list[tuple[Any, Callable[..., Any]]] = [
            (signals.all_generators_finalized, self._plan),
        ]
        pelicans = settings
        if self.speedups:
            self._undo += [track_content_reads(self.bodies.read), linear.install()]
            observe_fragments(settings, self.bodies.fragment_asked)
            writer = type("SessionWriter", (IncrementalWriter,), {"session": self})
            self._writer_class = writer
            self._receivers += [
                (signals.article_generator_init, self._attach_cache),
                (signals.page_generator_init, self._attach_cache),
                (signals.get_writer, self._get_writer),
            ]
        else:
            self._staging = tempfile.mkdtemp(prefix="devserver-")
            pelicans = dict(settings, OUTPUT_PATH=self._staging)
        for signal, receiver in self._receivers:
            signal.connect(receiver)
        self.pelican = Pelican(pelicans)
        self._settings_digest = settings_digest(settings)

    def close(self) -> None:
        for signal, receiver in self._receivers:
            signal.disconnect(receiver)
        while self._undo:
            self._undo.pop()()
        if self._staging:
            shutil.rmtree(self._staging, ignore_errors=True)

    # Hooks ----------------------------------------------------------------------
    def _attach_cache(self, generator: Any) -> None:
        """Keep this generator's content cache in memory between builds; every
        build works on copies bound to its own context."""
        store = self._caches.setdefault(type(generator).__name__, {})
        keep_content_cache(
            generator, store, lambda cached: copy_content(cached, generator.context)
        )

    def _get_writer(self, pelican: Any) -> type[IncrementalWriter]:
        return self._writer_class

    def _plan(self, generators: list[Any]) -> None:
        """Decide what this build renders, or stop it if reading failed."""
        build = self.current
        if self._errors and self._errors.messages and not self._first:
            raise BuildAborted
        if not self.speedups:
            return
        context = generators[0].context
        # Keyed by source_path, the same key body reads are recorded under.
        contents = {
            obj.source_path: obj
            for obj in context["generated_content"].values()
            if obj is not None
        }
        build.fingerprints = {
            path: (card_digest(obj), body_digest(obj))
            for path, obj in sorted(contents.items())
        }
        folders: list[str] = []
        for generator in generators:
            folders.extend(template_folders(generator))
        build.site = (
            site_digest(context, self.settings)
            + self._settings_digest
            + templates_digest(folders)
        )
        build.extra = _static_outputs(context, self.settings)

        published = build.published
        if not _same_site_and_cards(published, build):
            build.mode = "full"
        else:
            build.changed_bodies = frozenset(
                path
                for path, (_, body) in build.fingerprints.items()
                if published.fingerprints[path][1] != body
            )
            build.mode = "bodies" if build.changed_bodies else "unchanged"
            changed = build.changed_bodies
            self.bodies.usable = {
                key: value
                for key, value in self._rendered.items()
                if key[1] in contents and key[1] not in changed
            }
        self._rendered = {}

    # Building -------------------------------------------------------------------
    def build(self) -> BuildReport:
        """Run Pelican once; publish the result if nothing went wrong.

        Python's cycle collector is paused while the build runs and run once
        when it is published: with thousands of stories cached in memory, its
        passes during a build cost more than the build's own work.
        """
        collecting = gc.isenabled()
        gc.disable()
        try:
            report = self._build()
        finally:
            self.current = _StagedBuild(self.published)  # drop the staged pages
            if collecting:
                gc.enable()
            gc.collect()
        return report

    def _build(self) -> BuildReport:
        start = time.perf_counter()
        first = self._first
        if first:
            _clean_output(self.settings)
        self.current = _StagedBuild(self.published)
        if self.speedups:
            clear_content_memos()
            # Only what the published build computed is known to match it.
            self._rendered = self.bodies.made if self._published_rendered else {}
            self._published_rendered = False
            self.bodies.made, self.bodies.usable = {}, {}
            forget_logged_warnings()
        else:
            self.current.mode = "plain"
            _empty_folder(self._staging)
        self._errors = _ErrorLog()
        root = logging.getLogger()
        root.addHandler(self._errors)
        failure: str | None = None
        try:
            self.pelican.run()
        except BuildAborted:
            pass
        except Exception as error:  # a template or plugin failed
            failure = f"{type(error).__name__}: {error}"
        finally:
            root.removeHandler(self._errors)
        errors = list(self._errors.messages)
        if failure:
            errors.append(failure)
        build = self.current
        report = BuildReport(
            published=False,
            mode=build.mode,
            seconds=0.0,
            rendered=len(build.rendered),
            errors=errors,
            changed=self._changed_sources(build),
        )
        if (errors and not first) or failure:
            report.mode = "failed"
            report.seconds = time.perf_counter() - start
            return report
        if self._staging:
            report.rendered, report.written, report.deleted = self._publish_staged(
                self._staging
            )
        else:
            report.written, report.deleted = self._publish(build)
        report.published = True
        self._published_rendered = True
        report.seconds = time.perf_counter() - start
        self._first = False
        self.generation += 1
        for callback in self.on_publish:
            callback(report)
        return report

    def _changed_sources(self, build: _StagedBuild) -> list[str]:
        if self.published is None or not build.fingerprints:
            return []
        before, after = self.published.fingerprints, build.fingerprints
        base = self.settings["PATH"]
        return sorted(
            posixize_path(os.path.relpath(path, base))
            for path in before.keys() | after.keys()
            if before.get(path) != after.get(path)
        )

    def _publish(self, build: _StagedBuild) -> tuple[int, int]:
        """Write what changed, delete what is gone; remember it all."""
        old = self.published or _Published()
        new = _Published(site=build.site, fingerprints=build.fingerprints)
        written = 0
        for key in build.kept:
            new.pages[key] = old.pages[key]
            new.reads[key] = old.reads.get(key, frozenset())
        for key, (text, reads) in build.rendered.items():
            written += self._put(old, new, key, text.encode("utf-8"))
            new.reads[key] = reads
        new.extra = build.extra
        return written, self._finish_publishing(old, new)

    def _publish_staged(self, staging: str) -> tuple[int, int, int]:
        """A plain build: publish every file Pelican wrote to ``staging``
        whose bytes changed; delete what is gone. Returns how many files the
        build made, wrote and deleted."""
        old, new = self.published or _Published(), _Published()
        made = written = 0
        for folder, _, files in os.walk(staging):
            for name in files:
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    data = handle.read()
                key = posixize_path(os.path.relpath(path, staging))
                made += 1
                written += self._put(old, new, key, data)
        return made, written, self._finish_publishing(old, new)

    def _put(self, old: _Published, new: _Published, key: str, data: bytes) -> bool:
        """Record ``data`` as the output ``key``; write it if it changed."""
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
        path = os.path.join(self.output, key)
        new.pages[key] = digest
        if old.pages.get(key) == digest and os.path.exists(path):
            return False
        _write_atomically(path, data)
        return True

    def _finish_publishing(self, old: _Published, new: _Published) -> int:
        """Delete what the new build no longer makes; it is now published."""
        stale = (old.pages.keys() - new.pages.keys()) | (old.extra - new.extra)
        stale -= new.pages.keys()
        for key in sorted(stale):
            _remove(self.output, key)
        self.published = new
        return len(stale)


# Helpers ----------------------------------------------------------------------
def _same_site_and_cards(published: _Published | None, build: _StagedBuild) -> bool:
    """True when only bodies may differ from the published build."""
    if published is None or published.site != build.site:
        return False
    if published.fingerprints.keys() != build.fingerprints.keys():
        return False
    return all(
        published.fingerprints[path][0] == card
        for path, (card, _) in build.fingerprints.items()
    )


def _static_outputs(context: dict[str, Any], settings: dict[str, Any]) -> set[str]:
    """Files the static generator writes: content statics and theme statics."""
    outputs = {
        posixize_path(static.save_as) for static in context.get("staticfiles", [])
    }
    theme = settings["THEME"]
    destination = settings["THEME_STATIC_DIR"]
    for path in settings["THEME_STATIC_PATHS"]:
        source = os.path.join(theme, path)
        if os.path.isfile(source):
            target = os.path.join(destination, os.path.basename(path))
            outputs.add(posixize_path(target))
            continue
        for root, _, files in os.walk(source):
            for name in files:
                relative = os.path.relpath(os.path.join(root, name), source)
                outputs.add(posixize_path(os.path.join(destination, relative)))
    return outputs


def _clean_output(settings: dict[str, Any]) -> None:
    """Start from an empty output folder, as ``pelican -d`` would."""
    output = os.path.realpath(settings["OUTPUT_PATH"])
    content = os.path.realpath(settings["PATH"])
    if os.path.commonpath([output, content]) == output:
        return  # never delete the folder the content lives in
    if os.path.isdir(output):
        clean_output_dir(output, settings["OUTPUT_RETENTION"])


def _empty_folder(folder: str | None) -> None:
    """Empty the staging folder of a plain build."""
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)


def _write_atomically(path: str, data: bytes) -> None:
    """Readers of the served site see the old file or the new one, whole."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.devserver-tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def _remove(output: str, key: str) -> None:
    """Delete an output file and the folders it leaves empty."""
    path = os.path.join(output, key)
    with suppress(FileNotFoundError):
        os.remove(path)
    folder = os.path.dirname(path)
    while os.path.realpath(folder) != os.path.realpath(output):
        try:
            os.rmdir(folder)
        except OSError:
            break
        folder = os.path.dirname(folder)
