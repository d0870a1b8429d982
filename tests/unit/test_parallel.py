"""Markdown read in worker processes gives what Pelican's reader gives.

Each test compares with ``pelican.readers.MarkdownReader`` on the same
file: content, metadata and the warnings Pelican logs. Worker answers are
made in this process by the worker's own function, except in the one test
that starts a real pool.
"""

from __future__ import annotations

import concurrent.futures
import copy
import logging
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

import pytest
from markdown import Markdown
from markdown_variety import MARKDOWN, write_variety
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.log import LimitFilter
from pelican.plugins.wow_index.settings import SCHEMA
from pelican.plugins.wow_index.speedups import parallel
from pelican.plugins.wow_index.state import build_state
from pelican.readers import MarkdownReader as PelicanMarkdownReader
from pelican.settings import read_settings


def site_settings(content: Path, **extra: Any) -> dict[str, Any]:
    return read_settings(
        None,
        override={
            "PATH": str(content),
            # A copy: Pelican's reader adds the meta extension to it.
            "MARKDOWN": copy.deepcopy(MARKDOWN),
            "TIMEZONE": "UTC",
            "WOW_SPEEDUPS": True,
            **extra,
        },
    )


@pytest.fixture
def variety(tmp_path: Path) -> list[Path]:
    return write_variety(tmp_path / "content", 24)


def forget_logged() -> None:
    """Pelican logs a warning once per run: let each read log its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()


def serial(path: Path, settings: dict[str, Any], caplog) -> tuple[Any, list[str]]:
    forget_logged()
    caplog.clear()
    result = PelicanMarkdownReader(settings).read(str(path))
    return result, [r.getMessage() for r in caplog.records]


@contextmanager
def answering(settings: dict[str, Any], futures: dict[str, Future]) -> Iterator[Any]:
    """Reads with ``settings`` are answered from ``futures``."""
    build = parallel._Build(settings, planned=True, futures=dict(futures))
    build_state(settings).markdown = build
    try:
        yield build
    finally:
        build_state(settings).markdown = None


def done(value: Any = None, error: BaseException | None = None) -> Future:
    future: Future = Future()
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)
    return future


def worker_answer(settings: dict[str, Any], path: Path) -> parallel.Converted:
    parallel.init_worker(settings["MARKDOWN"], settings["FORMATTED_FIELDS"])
    return parallel.convert_file(str(path))


def test_worker_answers_are_what_pelican_reads(tmp_path, variety, caplog):
    settings = site_settings(tmp_path / "content")
    reader = parallel.MarkdownReader(settings)
    pages = sorted((tmp_path / "content" / "pages").glob("*.md"))
    files = variety + pages
    futures = {str(p): done(worker_answer(settings, p)) for p in files}
    with answering(settings, futures) as build:
        for path in files:
            expected, expected_log = serial(path, settings, caplog)
            forget_logged()
            caplog.clear()
            assert reader.read(str(path)) == expected, path.name
            assert [r.getMessage() for r in caplog.records] == expected_log
    assert build.answered == len(files)
    # The variety covers what it claims to.
    seen = " ".join(content for content, _ in map(reader.read, map(str, files)))
    for sign in ('class="footnote"', 'class="toc"', "<table>", "<code", "<abbr"):
        assert sign in seen


def test_duplicate_field_warns_once_as_pelican_does(tmp_path, variety, caplog):
    settings = site_settings(tmp_path / "content")
    reader = parallel.MarkdownReader(settings)
    path = variety[7]  # a story with Date twice
    with answering(settings, {str(path): done(worker_answer(settings, path))}):
        forget_logged()
        caplog.clear()
        reader.read(str(path))
    assert [r.getMessage() for r in caplog.records] == [
        f"Duplicate definition of `date` for {path}. Using first one."
    ]


def test_a_failed_worker_leaves_the_file_to_pelican(tmp_path, variety, caplog):
    settings = site_settings(tmp_path / "content")
    reader = parallel.MarkdownReader(settings)
    path = variety[3]
    failures = {
        str(path): done(error=concurrent.futures.process.BrokenProcessPool("gone"))
    }
    with answering(settings, failures) as build:
        assert reader.read(str(path)) == serial(path, settings, caplog)[0]
    assert build.answered == 0


def test_a_file_that_is_not_utf8_fails_as_in_pelican(tmp_path, variety):
    settings = site_settings(tmp_path / "content")
    reader = parallel.MarkdownReader(settings)
    path = tmp_path / "content" / "stories" / "latin-1.md"
    with pytest.raises(UnicodeDecodeError) as in_worker:
        worker_answer(settings, path)
    with pytest.raises(UnicodeDecodeError) as in_pelican:
        PelicanMarkdownReader(settings).read(str(path))
    with (
        answering(settings, {str(path): done(error=in_worker.value)}),
        pytest.raises(UnicodeDecodeError) as read,
    ):
        reader.read(str(path))
    assert str(read.value) == str(in_pelican.value)


def test_a_file_changed_since_it_was_sent_is_read_again(tmp_path, variety, caplog):
    settings = site_settings(tmp_path / "content")
    reader = parallel.MarkdownReader(settings)
    path = variety[2]
    answer = worker_answer(settings, path)
    path.write_text("Title: Rewritten\n\nA new body, longer than before.\n")
    with answering(settings, {str(path): done(answer)}) as build:
        content, metadata = reader.read(str(path))
    assert metadata["title"] == "Rewritten"
    assert (content, metadata) == serial(path, settings, caplog)[0]
    assert build.answered == 0


def test_a_file_not_started_yet_is_read_here(tmp_path, variety, caplog):
    settings = site_settings(tmp_path / "content")
    reader = parallel.MarkdownReader(settings)
    path = variety[4]
    pending: Future = Future()
    with answering(settings, {str(path): pending}) as build:
        assert reader.read(str(path)) == serial(path, settings, caplog)[0]
    assert pending.cancelled() and build.answered == 0


def test_conversions_unlike_pelicans_are_not_used(tmp_path, variety, caplog):
    settings = site_settings(tmp_path / "content")
    reader = parallel.MarkdownReader(settings)
    path = variety[0]  # has a Summary
    answer = worker_answer(settings, path)
    assert answer.conversions, "the story should have a formatted field"
    wrong = answer._replace(conversions=[("other text", "<p>other</p>")])
    with answering(settings, {str(path): done(wrong)}):
        assert reader.read(str(path)) == serial(path, settings, caplog)[0]


def test_a_conversion_that_logs_is_left_to_pelican(tmp_path):
    settings = site_settings(tmp_path)
    path = tmp_path / "loud.md"
    path.write_text("Title: Loud\n\nText.\n")

    def loud(md: Any) -> None:
        logging.getLogger("MARKDOWN").warning("something odd in the text")

    parallel.init_worker(settings["MARKDOWN"], settings["FORMATTED_FIELDS"])
    original = parallel.Markdown

    class LoudMarkdown(original):  # type: ignore[misc, valid-type]
        def convert(self, source: str) -> str:
            loud(self)
            return super().convert(source)

    parallel.Markdown = LoudMarkdown
    try:
        with pytest.raises(parallel.NotCertain):
            parallel.convert_file(str(path))
    finally:
        parallel.Markdown = original


class _Readers:
    def __init__(self, settings: dict[str, Any], classes: dict[str, type]) -> None:
        self.settings = settings
        self.reader_classes = classes


def test_pelicans_markdown_reader_is_replaced(tmp_path):
    readers = _Readers(
        site_settings(tmp_path),
        {"md": PelicanMarkdownReader, "markdown": PelicanMarkdownReader},
    )
    parallel.install(readers)
    assert readers.reader_classes == {
        "md": parallel.MarkdownReader,
        "markdown": parallel.MarkdownReader,
    }
    # Pelican records the reader's name in the metadata: unchanged.
    assert parallel.MarkdownReader.__name__ == PelicanMarkdownReader.__name__


def test_another_plugins_markdown_reader_is_left_alone(tmp_path):
    class OtherReader(PelicanMarkdownReader):
        pass

    readers = _Readers(site_settings(tmp_path), {"md": OtherReader, "rst": object})
    parallel.install(readers)
    assert readers.reader_classes == {"md": OtherReader, "rst": object}


def test_without_the_speedups_pelicans_reader_stays(tmp_path):
    settings = site_settings(tmp_path, WOW_SPEEDUPS=False)
    classes = {"md": PelicanMarkdownReader, "markdown": PelicanMarkdownReader}
    readers = _Readers(settings, dict(classes))
    parallel.install(readers)
    assert readers.reader_classes == classes


def test_extensions_given_as_objects_keep_markdown_in_this_process():
    """An extension object may keep its configuration on its class (as
    render-math does): a worker would convert without it, so none runs."""
    from markdown.extensions.toc import TocExtension

    assert parallel.extensions_made_here({"extensions": ["toc", "extra"]}) == []
    assert parallel.extensions_made_here({"extensions": [TocExtension()]}) == [
        "TocExtension"
    ]


def test_the_setting_turns_it_off(tmp_path):
    settings = site_settings(tmp_path, WOW_PARALLEL_MARKDOWN=False)
    readers = _Readers(settings, {"md": PelicanMarkdownReader})
    parallel.install(readers)
    assert readers.reader_classes == {"md": PelicanMarkdownReader}


@pytest.fixture
def two_cpus(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    monkeypatch.setattr(parallel, "MIN_FILES", 1)


def test_markdown_settings_that_cannot_be_sent_read_serially(tmp_path, two_cpus):
    settings = site_settings(tmp_path)
    settings["MARKDOWN"]["extension_configs"]["markdown.extensions.toc"] = {
        "slugify": lambda value, separator: value
    }
    build = parallel._Build(settings)
    build._start([str(tmp_path / "a.md")])
    assert build.executor is None and not build.futures


def test_the_settings_table_gives_the_threshold():
    doc = next(s.doc for s in SCHEMA if s.name == "WOW_PARALLEL_MARKDOWN")
    assert f"at least {parallel.MIN_FILES} of them" in doc


def test_too_few_files_or_cpus_read_serially(tmp_path, monkeypatch):
    settings = site_settings(tmp_path)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 8)
    build = parallel._Build(settings)
    build._start([str(tmp_path / "a.md")] * (parallel.MIN_FILES - 1))
    assert build.executor is None
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 1)
    build._start([str(tmp_path / "a.md")] * parallel.MIN_FILES)
    assert build.executor is None


class SendingRecorded:
    """Stands in for the process pool: records what is sent, answers nothing."""

    sent: ClassVar[list[str]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        SendingRecorded.sent = []

    def submit(self, function: Any, path: str) -> Future:
        self.sent.append(path)
        return Future()

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_files_are_sent_a_few_blocks_ahead_each_block_last_first(tmp_path, monkeypatch):
    """Answers waiting to be read cost memory: the workers get only a few
    blocks beyond the file being read, and start each block at its end
    while this process reads it from the start."""
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", SendingRecorded)
    block, ahead = parallel.BLOCK, parallel.BLOCKS_AHEAD
    paths = [str(tmp_path / f"{i:05}.md") for i in range((ahead + 4) * block + 7)]
    build = parallel._Build(site_settings(tmp_path), planned=True)
    build._start(paths)

    def blocks(first: int, last: int) -> list[str]:
        return [
            path
            for b in range(first, last + 1)
            for path in reversed(paths[b * block : (b + 1) * block])
        ]

    assert SendingRecorded.sent == blocks(0, ahead)
    # Conversions not started are read here.
    assert [build.take(path) for path in paths[:block]] == [None] * block
    assert SendingRecorded.sent == blocks(0, ahead)
    # Reading the first file of block 1 sends one block more.
    assert build.take(paths[block]) is None
    assert SendingRecorded.sent == blocks(0, ahead + 1)
    assert len(build.futures) <= (ahead + 1) * block
    # Reading the last file sends the rest, the short last block last first.
    build.take(paths[-1])
    assert SendingRecorded.sent == blocks(0, ahead + 4)
    assert len(set(SendingRecorded.sent)) == len(paths)


def generators(content: Path, settings: dict[str, Any], output: Path) -> list[Any]:
    made = []
    for kind in (ArticlesGenerator, PagesGenerator):
        generator = kind(
            context={},
            settings=settings,
            path=str(content),
            theme=settings["THEME"],
            output_path=str(output),
        )
        for extension in ("md", "markdown", "mkd", "mdown"):
            generator.readers.readers[extension] = parallel.MarkdownReader(settings)
        made.append(generator)
    return made


def test_plan_lists_what_pelican_will_read_with_this_reader(tmp_path, variety):
    content = tmp_path / "content"
    (content / "stories" / "plain.rst").write_text("Plain\n#####\n\nText.\n")
    (content / "stories" / ".#draft.md").write_text("Title: Draft\n\nNo.\n")
    settings = site_settings(content, IGNORE_FILES=[".#*"])
    articles, pages = generators(content, settings, tmp_path / "out")
    planned = parallel.plan([articles, pages])
    stories = [str(p) for p in (content / "stories").glob("[!.]*.md")]
    assert sorted(planned) == sorted(stories + [str(p) for p in pages_of(content)])
    assert ".#draft.md" not in " ".join(planned)  # IGNORE_FILES
    # In the order Pelican reads them: articles (in get_files order), pages.
    expected = [
        os.path.abspath(os.path.join(str(content), f))
        for g, kind in ((articles, "ARTICLE"), (pages, "PAGE"))
        for f in g.get_files(settings[f"{kind}_PATHS"], settings[f"{kind}_EXCLUDES"])
        if f.endswith(".md")
    ]
    assert planned == expected


def pages_of(content: Path) -> list[Path]:
    return sorted((content / "pages").glob("*.md"))


def test_plan_leaves_out_cached_files(tmp_path, variety):
    content = tmp_path / "content"
    settings = site_settings(content)
    articles, pages = generators(content, settings, tmp_path / "out")
    articles._cache = {"stories/visit-0001.md": object()}
    pages.readers._cache = {str(content / "pages" / "about.md"): object()}
    planned = parallel.plan([articles, pages])
    assert str(content / "stories" / "visit-0002.md") in planned
    assert str(content / "stories" / "visit-0001.md") not in planned
    assert str(content / "pages" / "about.md") not in planned
    assert str(content / "pages" / "contact.md") in planned


def test_plan_skips_files_another_reader_reads(tmp_path, variety):
    content = tmp_path / "content"
    settings = site_settings(content)
    articles, pages = generators(content, settings, tmp_path / "out")
    articles.readers.readers["md"] = PelicanMarkdownReader(settings)
    assert sorted(parallel.plan([articles, pages])) == [
        os.path.abspath(p) for p in map(str, pages_of(content))
    ]


def test_a_new_build_of_the_same_settings_starts_afresh(tmp_path):
    settings = site_settings(tmp_path)
    first, again = object.__new__(ArticlesGenerator), object.__new__(ArticlesGenerator)
    page = object.__new__(PagesGenerator)
    for generator in (first, again, page):
        generator.settings = settings
    try:
        parallel.track(first)
        parallel.track(page)
        assert build_state(settings).markdown.generators == [first, page]
        parallel.track(again)
        assert build_state(settings).markdown.generators == [again]
    finally:
        parallel.finish(settings)
    assert build_state(settings).markdown is None


def test_a_real_pool_answers_and_leaves_no_process(tmp_path, variety, two_cpus, caplog):
    content = tmp_path / "content"
    settings = site_settings(content)
    reader = parallel.MarkdownReader(settings)
    build = parallel._Build(settings, planned=True)
    build._start([str(p) for p in variety])
    assert build.executor is not None
    build_state(settings).markdown = build
    try:
        concurrent.futures.wait(list(build.futures.values()), timeout=120)
        for path in variety:
            expected = serial(path, settings, caplog)[0]
            assert reader.read(str(path)) == expected, path.name
    finally:
        parallel.finish(settings)
    assert build.answered == len(variety)
    assert multiprocessing.active_children() == []


def test_workers_use_a_new_markdown_per_file_as_reset_is_not_enough(tmp_path):
    """Reusing one Markdown with reset() would save time but change output:
    footnotes with UNIQUE_IDS number each reset()."""
    config = {
        "extensions": ["markdown.extensions.footnotes", "markdown.extensions.meta"],
        "extension_configs": {"markdown.extensions.footnotes": {"UNIQUE_IDS": True}},
    }
    text = "Title: Note\n\nA note[^1].\n\n[^1]: Here.\n"
    new = Markdown(**config).convert(text)
    reused = Markdown(**config)
    reused.convert(text)
    assert reused.reset().convert(text) != new
    parallel.init_worker(config, ())
    for name in ("one.md", "two.md", "three.md"):
        (tmp_path / name).write_text(text)
        assert parallel.convert_file(str(tmp_path / name)).html == new
