"""WoW pages rendered by a second process make the same site.

A realistic corpus is built with WOW_PARALLEL_PAGES on and off: every output
file must have the same bytes, the log the same warnings and errors, the
copy must have rendered some of the pages, and no process may outlive the
build. A plugin that logs, or raises, while a page renders
(``tests/fixtures/plugins/loud_summary.py``) shows that such a page is told
once, as a serial build tells it, and fails the build the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pelican.plugins.wow_index.speedups import ahead

from bench.corpus import ensure_corpus
from sitebuild import (
    FIXTURES,
    build_apart,
    differing_files,
    metadata_of,
    problems,
)

_TAKEN = re.compile(
    r"WoW pages: (\d+) of (\d+) rendered by a second process \(started (.*)\)"
)
EARLY, LATE = "beside Pelican's own pages", "with the WoW pages"

pytestmark = pytest.mark.skipif(
    not ahead.can_fork(), reason="a second process needs Linux and two CPUs"
)


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return ensure_corpus(120, root=tmp_path_factory.mktemp("corpus")).content


def oldest_slug(content: Path) -> str:
    """The oldest story: last on every list, so the copy renders it."""
    stories = sorted(
        (metadata_of(path)["date"], path.stem)
        for path in (content / "stories").glob("*.md")
    )
    return stories[0][1]


def build(
    content: Path,
    output: Path,
    parallel_pages: bool,
    plugins: tuple[str, ...] = (),
    **settings: object,
):
    return build_apart(
        content,
        output,
        # Two stories a page: well over a hundred WoW pages.
        DEFAULT_PAGINATION=2,
        WOW_PAGINATION=2,
        WOW_SPEEDUPS=True,  # what WOW_PARALLEL_PAGES belongs to
        WOW_PARALLEL_MARKDOWN=False,
        WOW_PARALLEL_PAGES=parallel_pages,
        PLUGIN_PATHS=[str(FIXTURES / "plugins")],
        PLUGINS=["pelican.plugins.wow_index", "loud_summary", *plugins],
        **settings,
    )


@pytest.mark.parametrize(
    ("plugins", "started"),
    [
        ((), EARLY),
        # A plugin that listens to Pelican's writes might change what a WoW
        # page shows: the copy starts only when the WoW pages' turn comes.
        (("listens_to_writes",), LATE),
    ],
)
def test_a_second_process_renders_pages_of_the_same_site(
    content, tmp_path, plugins, started
):
    code, serial_log, _ = build(content, tmp_path / "serial", False, plugins)
    assert code == 0, serial_log
    code, parallel_log, left = build(content, tmp_path / "parallel", True, plugins)
    assert code == 0, parallel_log

    taken = _TAKEN.search(parallel_log)
    assert taken, "no second process:\n" + parallel_log
    copied, pages = int(taken[1]), int(taken[2])
    assert taken[3] == started
    # Started late, the two processes share the pages; early, the copy may
    # have finished them all.
    assert 0 < copied < pages if started == LATE else 0 < copied <= pages
    assert pages > ahead.MIN_PAGES
    assert not _TAKEN.search(serial_log)
    assert left == [], "processes outlived the build"

    assert differing_files(tmp_path / "serial", tmp_path / "parallel") == []
    assert problems(parallel_log) == problems(serial_log)


def test_a_page_that_logs_while_it_renders_is_told_as_in_a_serial_build(
    content, tmp_path
):
    slug = oldest_slug(content)
    said = f"The summary of {slug} was asked for on "
    code, serial_log, _ = build(
        content, tmp_path / "serial", False, TEST_LOUD_SLUG=slug
    )
    assert code == 0, serial_log
    code, parallel_log, left = build(
        content, tmp_path / "parallel", True, TEST_LOUD_SLUG=slug
    )
    assert code == 0, parallel_log
    assert left == []

    # Said once per folder depth (the story's entry is rendered once per
    # depth), naming the first page of each depth that lists the story.
    assert sum(said in line for line in problems(serial_log)) == 2
    assert problems(parallel_log) == problems(serial_log)
    assert differing_files(tmp_path / "serial", tmp_path / "parallel") == []


def test_a_page_that_fails_to_render_fails_the_build_as_in_a_serial_build(
    content, tmp_path
):
    slug = oldest_slug(content)
    code, serial_log, _ = build(
        content, tmp_path / "serial", False, TEST_FAILING_SLUG=slug
    )
    parallel_code, parallel_log, left = build(
        content, tmp_path / "parallel", True, TEST_FAILING_SLUG=slug
    )
    assert code != 0 and parallel_code == code
    assert left == [], "processes outlived the failed build"
    failure = f"No summary for {slug}"
    assert failure in serial_log
    assert [line for line in problems(parallel_log) if failure in line] == [
        line for line in problems(serial_log) if failure in line
    ]


def test_a_build_that_fails_before_the_wow_pages_leaves_no_copy_behind(
    content, tmp_path, monkeypatch
):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    code, log, left = build(
        content, tmp_path / "out", True, TEST_FAILING_ARTICLE_PAGES=True
    )
    assert code != 0 and "The story pages failed" in log
    assert _TAKEN.search(log)[3] == EARLY  # the copy was running
    assert left == [], "the copy outlived the failed build"
    assert list(temporary.iterdir()) == []


def test_a_broken_wow_template_fails_the_build_as_in_a_serial_build(content, tmp_path):
    overrides = tmp_path / "overrides" / "wow"
    overrides.mkdir(parents=True)
    (overrides / "verdict.html").write_text("{% if %}broken{% endif %}\n", "utf-8")
    runs = {}
    for parallel in (False, True):
        output = tmp_path / f"out-{parallel}"
        code, log, left = build(
            content,
            output,
            parallel,
            THEME_TEMPLATES_OVERRIDES=[str(overrides.parent)],
        )
        assert left == []
        runs[parallel] = (code, output, log)
    (serial_code, serial_out, serial_log), (code, out, log) = runs[False], runs[True]
    assert serial_code != 0 and code == serial_code
    assert "verdict.html" in log and "TemplateSyntaxError" in log
    assert problems(log) == problems(serial_log)
    # Pelican's own pages were written before the WoW pages' turn, as serially.
    assert (out / "index.html").is_file()
    assert differing_files(serial_out, out) == []
