"""A site built with Markdown read in worker processes is the same site.

The same content (enough files for the process pool to start, every Markdown
feature the site uses, a field given twice, a file that is not UTF-8, one
with no header) is built with WOW_PARALLEL_MARKDOWN on and off: every output
file must have the same bytes and the log the same warnings and errors. The
build runs in a session of its own, so that any process it left behind can
be found when it is over.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from markdown_variety import MARKDOWN, write_variety
from pelican.plugins.wow_index import parallel

from sitebuild import fixture_settings, write_settings

STORIES = parallel.MIN_FILES + 20
_TIME = re.compile(r"^\[\d\d:\d\d:\d\d\]")
_USED = re.compile(r"Markdown: (\d+) of (\d+) files converted in (\d+) worker")


def running_in(session: int) -> list[str]:
    """Processes of ``session`` still running (not exited), as ``pid
    command`` lines. multiprocessing's resource tracker ends shortly after
    the build, so a moment is allowed for it."""
    deadline = time.monotonic() + 10
    while True:
        alive = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if os.getsid(int(entry.name)) == session and state != "Z":
                    command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
                    alive.append(f"{entry.name} {command.decode(errors='replace')}")
            except (OSError, IndexError):
                continue
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def build(
    content: Path, output: Path, parallel_markdown: bool, **settings: object
) -> tuple[str, list]:
    conf = write_settings(
        output.parent / f"{output.name}.py",
        **fixture_settings(
            MARKDOWN=MARKDOWN, WOW_PARALLEL_MARKDOWN=parallel_markdown, **settings
        ),
    )
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(conf)]
    process = subprocess.Popen(
        [*command, "-o", str(output), "-v"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # One hash seed: Pelican reads files in set order, and so logs in it.
        env=dict(
            os.environ, COLUMNS="400", TERM="dumb", NO_COLOR="1", PYTHONHASHSEED="1"
        ),
        start_new_session=True,
    )
    log, _ = process.communicate(timeout=600)
    left = running_in(process.pid)
    assert process.returncode == 0, log
    return log, left


def problems(log: str) -> list[str]:
    """The log without INFO lines and times: warnings, errors, tracebacks."""
    lines = [_TIME.sub("", line).strip() for line in log.splitlines()]
    return [
        line
        for line in lines
        if line and not line.startswith(("INFO", "Done: Processed", "pages and "))
    ]


def tree(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


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

    expected, got = tree(tmp_path / "serial"), tree(tmp_path / "parallel")
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
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
    assert tree(tmp_path / "again") == tree(tmp_path / "first")
