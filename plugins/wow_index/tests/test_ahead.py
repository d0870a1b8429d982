"""Pages rendered ahead by a forked copy: what is taken, what is not.

A stand-in writer does what Pelican's ``Writer.write_file`` does with a
template (render it with the page's ``output_file``, keep the text); each
test lets the copy finish before this process writes, so what the copy did
is certain.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass

import pytest
from blinker import NamedSignal
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.plugins.wow_index import start_writing
from pelican.plugins.wow_index.pages.generator import WowGenerator
from pelican.plugins.wow_index.settings import SCHEMA
from pelican.plugins.wow_index.speedups import ahead

# CI has two CPUs on Linux: there a test that cannot fork fails, not skips.
needs_fork = pytest.mark.skipif(
    not ahead.can_fork() and not os.environ.get("CI"),
    reason="a second process needs Linux and two CPUs",
)


class StandInWriter:
    def __init__(self, output_path: str = "") -> None:
        self.written: dict[str, str] = {}

    def write_file(self, name: str, template, pages: int) -> None:
        for number in range(1, pages + 1):
            output = name if number == 1 else f"{number}/{name}"
            self.written[output] = template.render({"output_file": output})


class Template:
    """Says which process rendered it; logs a warning for one page."""

    def __init__(self, noisy: str | None = None) -> None:
        self.noisy = noisy

    def render(self, context: dict[str, str]) -> str:
        if context["output_file"] == self.noisy:
            logging.getLogger("test").warning("odd page %s", self.noisy)
        who = "here" if os.getpid() == PARENT else "copy"
        return f"<p>{context['output_file']} café \udcff</p><!-- {who} -->"


PARENT = os.getpid()


@dataclass
class Write:
    name: str
    template: Template
    pages: int

    def __call__(self, writer, template=None) -> None:
        writer.write_file(self.name, template or self.template, self.pages)


def copy_done(started: ahead.PagesAhead) -> None:
    deadline = time.monotonic() + 30
    while os.waitpid(started.pid, os.WNOHANG) == (0, 0):
        assert time.monotonic() < deadline, "the copy did not finish"
        time.sleep(0.01)


def write_all(writes: list[Write], monkeypatch) -> tuple[dict[str, str], int]:
    monkeypatch.setattr(ahead, "MIN_PAGES", 1)
    started = ahead.PagesAhead.start(writes, StandInWriter)
    assert started is not None
    copy_done(started)
    writer = StandInWriter()
    for write in writes:
        started.write(write, writer)
    folder = started.folder
    started.close()
    assert not folder.exists()
    return writer.written, started.taken


@needs_fork
def test_a_finished_copy_gives_every_page_as_it_rendered_it(monkeypatch):
    writes = [Write(f"page-{n}.html", Template(), 3) for n in range(5)]
    written, taken = write_all(writes, monkeypatch)
    assert taken == 15
    assert len(written) == 15
    assert all(text.endswith("<!-- copy -->") for text in written.values())
    assert written["2/page-4.html"] == ("<p>2/page-4.html café \udcff</p><!-- copy -->")


@needs_fork
def test_the_copy_stops_at_a_page_that_logs_and_this_process_renders_the_rest(
    monkeypatch, caplog
):
    template = Template(noisy="2/page-3.html")
    writes = [Write(f"page-{n}.html", template, 3) for n in range(5)]
    with caplog.at_level(logging.WARNING):
        written, taken = write_all(writes, monkeypatch)
    # Last list first: the copy rendered the pages of page-4, then the first
    # of page-3, and stopped at the noisy one; this process rendered the
    # others, and said the warning.
    copied = {name for name, text in written.items() if text.endswith("copy -->")}
    assert copied == {"page-4.html", "2/page-4.html", "3/page-4.html", "page-3.html"}
    assert taken == 4
    assert [r.getMessage() for r in caplog.records] == ["odd page 2/page-3.html"]


@needs_fork
def test_too_few_pages_start_no_copy():
    writes = [Write("page.html", Template(), 1)]
    assert ahead.PagesAhead.start(writes, StandInWriter) is None


def test_one_cpu_or_a_working_thread_starts_no_copy(monkeypatch):
    monkeypatch.setattr(ahead, "usable_cpus", lambda: 1)
    assert not ahead.can_fork()
    monkeypatch.setattr(ahead, "usable_cpus", lambda: 2)
    done = threading.Event()
    worker = threading.Thread(target=done.wait)  # not a daemon: real work
    worker.start()
    try:
        assert not ahead.can_fork()
    finally:
        done.set()
        worker.join()


def test_the_settings_table_gives_the_threshold():
    doc = next(s.doc for s in SCHEMA if s.name == "WOW_PARALLEL_PAGES")
    assert f"at least {ahead.MIN_PAGES} of them" in doc


@needs_fork
def test_no_temporary_folder_starts_no_copy(monkeypatch):
    monkeypatch.setattr(ahead, "MIN_PAGES", 1)

    def read_only(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(ahead.tempfile, "mkdtemp", read_only)
    assert (
        ahead.PagesAhead.start([Write("page.html", Template(), 1)], StandInWriter)
        is None
    )


def _quiet_signals(monkeypatch) -> dict[str, NamedSignal]:
    """Fresh signals in place of Pelican's, so other tests' receivers do not
    count here."""
    fresh = [NamedSignal(s.name) for s in ahead.SIGNALS_BEFORE_WOW_PAGES]
    monkeypatch.setattr(ahead, "SIGNALS_BEFORE_WOW_PAGES", tuple(fresh))
    return {s.name: s for s in fresh}


def _made(cls):
    return object.__new__(cls)  # the type is all that is looked at


def test_the_copy_starts_early_only_after_pelicans_own_generators(monkeypatch):
    _quiet_signals(monkeypatch)
    wow = _made(WowGenerator)
    articles, pages, static = (
        _made(c) for c in (ArticlesGenerator, PagesGenerator, StaticGenerator)
    )
    assert ahead.may_start_early([articles, pages, wow, static], wow)
    # Another plugin's generator writes before the WoW pages: it might
    # change what they show. After them, it does not matter.
    other = _made(type("SitemapGenerator", (ArticlesGenerator,), {}))
    assert not ahead.may_start_early([articles, other, wow, static], wow)
    assert ahead.may_start_early([articles, pages, wow, other], wow)
    assert not ahead.may_start_early([articles, pages], wow)


def test_the_copy_starts_early_only_if_no_other_plugin_listens(monkeypatch):
    signals = _quiet_signals(monkeypatch)
    get_writer, content_written = signals["get_writer"], signals["content_written"]
    wow = _made(WowGenerator)
    generators = [_made(ArticlesGenerator), wow]

    def foreign(sender, **kwargs):  # this test module is another plugin
        return None

    content_written.connect(foreign)
    assert not ahead.may_start_early(generators, wow)
    content_written.disconnect(foreign)
    assert ahead.may_start_early(generators, wow)
    # The plugin's own receiver of get_writer does not count; another does
    # (it may give Pelican another writer).
    get_writer.connect(start_writing)
    assert ahead.may_start_early(generators, wow)
    get_writer.connect(foreign)
    assert not ahead.may_start_early(generators, wow)
