"""``WOW_SPEEDUPS`` changes how fast a site builds, never what it builds.

The same content (enough stories for the Markdown workers and the copy that
renders WoW pages ahead to start) is built with the speed-ups off (the
plugin's default: no process started, nothing of Pelican's replaced) and on:
every output file must have the same bytes. Other plugins that the speed-ups
cannot be sure of turn the matching speed-up off, and the site is still the
same: a Markdown extension that keeps its configuration on its class (as
render-math does) keeps Markdown in the build's process, and a Jinja
extension (as webassets adds, which writes files as pages render) keeps the
WoW pages in the build's process.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_variety import MARKDOWN
from pelican.plugins.wow_index.speedups import parallel

from bench.corpus import ensure_corpus
from sitebuild import FIXTURES, ROOT, build_apart, build_like_the_site, differing_files

STORIES = parallel.MIN_FILES + 20
WORKERS_RAN = re.compile(r"Markdown: \d+ of \d+ files converted in \d+ worker")
COPY_RAN = re.compile(r"WoW pages: \d+ of \d+ rendered by a second process")

# CI has two CPUs: there these tests must run, not skip.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        parallel.usable_cpus() < 2 and not os.environ.get("CI"),
        reason="the speed-ups need two CPUs",
    ),
]


def build(
    content: Path, output: Path, speedups: bool, *plugins: str, **settings: object
) -> str:
    returncode, log, left = build_apart(
        content,
        output,
        MARKDOWN=MARKDOWN,
        DEFAULT_PAGINATION=2,
        WOW_PAGINATION=2,
        WOW_SPEEDUPS=speedups,
        PLUGIN_PATHS=[str(FIXTURES / "plugins")],
        PLUGINS=["pelican.plugins.wow_index", *plugins],
        **settings,
    )
    assert returncode == 0, log
    assert left == [], f"processes left running: {left}"
    return log


EMPHASIS = """Title: Stressed words
Date: 2024-02-03
Touchpoint: store
Verdict: good

The assistant was *genuinely* patient.
"""


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    folder = ensure_corpus(STORIES, root=tmp_path_factory.mktemp("corpus")).content
    (folder / "stories" / "stressed-words.md").write_text(EMPHASIS, "utf-8")
    return folder


def test_the_speedups_build_the_same_site(content, tmp_path):
    plain = build(content, tmp_path / "plain", False)
    fast = build(content, tmp_path / "fast", True)
    assert not WORKERS_RAN.search(plain) and not COPY_RAN.search(plain)
    assert WORKERS_RAN.search(fast), fast
    assert COPY_RAN.search(fast), fast
    assert differing_files(tmp_path / "plain", tmp_path / "fast") == []


def test_an_extension_configured_on_its_class_keeps_markdown_here(content, tmp_path):
    plugin = "class_config_markdown"
    plain = build(
        content, tmp_path / "plain", False, plugin, TEST_EMPHASIS_CLASS="stress"
    )
    fast = build(content, tmp_path / "fast", True, plugin, TEST_EMPHASIS_CLASS="stress")
    assert not WORKERS_RAN.search(fast), fast
    assert differing_files(tmp_path / "plain", tmp_path / "fast") == []
    pages = [p.read_text("utf-8") for p in (tmp_path / "fast").rglob("*.html")]
    assert any('<em class="stress">' in page for page in pages)
    assert not any('<em class="">' in page for page in pages), plain[-2000:]


def test_a_jinja_extension_keeps_the_wow_pages_in_the_build(content, tmp_path):
    plugin = "writing_jinja_extension"
    build(content, tmp_path / "plain", False, plugin)
    fast = build(content, tmp_path / "fast", True, plugin)
    assert not COPY_RAN.search(fast), fast
    assert WORKERS_RAN.search(fast), fast
    assert differing_files(tmp_path / "plain", tmp_path / "fast") == []


def test_on_a_pelican_without_what_they_rely_on_the_build_is_pelicans_own(
    content, tmp_path
):
    plain = build(content, tmp_path / "plain", False)
    old = build(content, tmp_path / "old", True, "pretend_old_pelican")
    warnings = [line for line in old.splitlines() if "WOW_SPEEDUPS is off" in line]
    assert len(warnings) == 1, old
    assert "Writer._open_w" in warnings[0]
    assert not WORKERS_RAN.search(old) and not COPY_RAN.search(old)
    assert "WOW_SPEEDUPS" not in plain
    assert differing_files(tmp_path / "plain", tmp_path / "old") == []


def test_the_site_itself_is_the_same_with_and_without_them(tmp_path):
    for speedups in (False, True):
        build = build_like_the_site(
            ROOT / "content", tmp_path / str(speedups), WOW_SPEEDUPS=speedups
        )
        assert build.returncode == 0, build.log
    assert differing_files(tmp_path / "False", tmp_path / "True") == []
