"""A site built with Markdown read in worker processes is the same site.

The same content (enough files for the process pool to start, every Markdown
feature the site uses, a field given twice, a file that is not UTF-8, one
with no header) is built with WOW_PARALLEL_MARKDOWN on and off: every output
file must have the same bytes and the log the same warnings and errors. The
build runs in a session of its own, so that any process it left behind can
be found when it is over.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_variety import MARKDOWN, write_variety
from pelican.plugins.wow_index.speedups import parallel

from sitebuild import build_apart, differing_files, problems

STORIES = parallel.MIN_FILES + 20
_USED = re.compile(r"Markdown: (\d+) of (\d+) files converted in (\d+) worker")


def build(
    content: Path, output: Path, parallel_markdown: bool, **settings: object
) -> tuple[str, list]:
    returncode, log, left = build_apart(
        content,
        output,
        MARKDOWN=MARKDOWN,
        WOW_SPEEDUPS=True,  # what WOW_PARALLEL_MARKDOWN belongs to
        WOW_PARALLEL_MARKDOWN=parallel_markdown,
        **settings,
    )
    assert returncode == 0, log
    return log, left


@pytest.mark.skipif(parallel.usable_cpus() < 2, reason="the pool needs two CPUs")
def test_parallel_reading_builds_the_same_site(tmp_path):
    content = tmp_path / "content"
    write_variety(content, STORIES)
    serial_log, _ = build(content, tmp_path / "serial", False)
    parallel_log, left = build(content, tmp_path / "parallel", True)

    used = _USED.search(parallel_log)
    assert used, "the process pool did not start:\n" + parallel_log
    answered, submitted, workers = map(int, used.groups())
    assert submitted == STORIES + 4 and answered > 0 and workers >= 1
    assert not _USED.search(serial_log)
    assert left == [], "processes outlived the build"

    assert differing_files(tmp_path / "serial", tmp_path / "parallel") == []
    assert problems(parallel_log) == problems(serial_log)
    # The log has what the content should make Pelican and the plugin say.
    said = "\n".join(problems(serial_log))
    assert "Duplicate definition of `date`" in said
    assert "Could not process stories/latin-1.md" in said
    assert "latin-1.md:1: file: is not UTF-8" in said
    assert "no-header.md" in said


@pytest.mark.skipif(parallel.usable_cpus() < 2, reason="the pool needs two CPUs")
def test_files_in_the_content_cache_are_not_converted_again(tmp_path):
    content = tmp_path / "content"
    write_variety(content, STORIES)
    cache = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    first, _ = build(content, tmp_path / "first", True, **cache)
    again, left = build(content, tmp_path / "again", True, **cache)
    assert _USED.search(first), "the first build should use the pool"
    assert not _USED.search(again), "every file was cached: no pool to start"
    assert left == []
    assert differing_files(tmp_path / "first", tmp_path / "again") == []
