"""A failure during the build names the story and never leaves a
half-written site: a story the plugin fails on is told and left out of the
index while the rest is written; a strict build fails on it, and ``invoke
build`` swaps the new site in only on success."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import content_folder
from sitebuild import FIXTURES, ROOT, build_site

pytestmark = pytest.mark.slow
PLUGIN = FIXTURES / "failing_plugin"
EXPLODE = PLUGIN / "explode" / "explode.md"
FAILURE = (
    "content/stories/explode.md: text: pelican-wow-index failed on this story "
    "(RuntimeError: simulated failure in the tag parser); it is published "
    "without its tags and left out of the WoW index"
)


def with_exploding_story(folder: Path) -> Path:
    content = content_folder(folder, [])
    shutil.copy(EXPLODE, content / "stories" / "explode.md")
    return content


def build_exploding(tmp_path: Path, **settings: object):
    return build_site(
        with_exploding_story(tmp_path / "content"),
        tmp_path / "output",
        PLUGIN_PATHS=[str(PLUGIN)],
        PLUGINS=["pelican.plugins.wow_index", "fail_on_story"],
        ARTICLE_PATHS=["stories", "essays"],
        PAGE_PATHS=["pages"],
        **settings,
    )


def test_a_story_that_breaks_the_plugin_is_named_and_the_rest_is_written(tmp_path):
    result = build_exploding(tmp_path)
    assert result.returncode == 0, result.log
    assert result.log.count(FAILURE) == 1, result.log
    assert "Traceback" not in result.log
    output = result.output
    assert (output / "a-parcel-in-the-hedge.html").is_file()
    index = json.loads((output / "wow" / "index.json").read_text("utf-8"))
    listed = [story["url"] for story in index["stories"]]
    assert listed and not any("parser-trips" in url for url in listed)
    # Published as an ordinary post, without its tags.
    assert (output / "the-story-the-parser-trips-over.html").is_file()


def test_in_strict_mode_a_story_that_breaks_the_plugin_stops_the_build(tmp_path):
    result = build_exploding(tmp_path, WOW_STRICT=True)
    assert result.returncode != 0
    assert FAILURE in result.log, result.log
    assert "Traceback" not in result.log
    assert not any(p.is_file() for p in result.output.rglob("*"))


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the site (tasks.py, settings, theme) with the test plugin
    on and a story it breaks on, and an old site already in output/."""
    shutil.copy(ROOT / "tasks.py", tmp_path)
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    (tmp_path / "theme").symlink_to(ROOT / "theme")
    with_exploding_story(tmp_path / "content")
    with (tmp_path / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            f"\nPLUGIN_PATHS = [{str(PLUGIN)!r}]\n"
            'PLUGINS = [*PLUGINS, "fail_on_story"]\n'
            "WOW_STRICT = True  # the story the plugin fails on fails the build\n"
        )
    old = tmp_path / "output"
    old.mkdir()
    (old / "index.html").write_text("the old site", encoding="utf-8")
    return tmp_path


def invoke_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "invoke", "-r", str(project), "build"],
        capture_output=True,
        text=True,
        cwd=project,
        env=dict(os.environ, COLUMNS="400", TERM="dumb"),
    )


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".output"))


def test_invoke_build_keeps_the_old_site_when_the_build_fails(project):
    result = invoke_build(project)
    assert result.returncode != 0
    assert FAILURE in result.stdout + result.stderr
    output = project / "output"
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text(encoding="utf-8") == "the old site"
    assert leftovers(project) == []


def test_invoke_build_swaps_the_new_site_in_when_it_succeeds(project):
    (project / "content" / "stories" / "explode.md").unlink()
    result = invoke_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    output = project / "output"
    assert "the old site" not in (output / "index.html").read_text(encoding="utf-8")
    assert (output / "wow" / "index.json").is_file()
    assert (output / "stories" / "a-parcel-in-the-hedge" / "index.html").is_file()
    assert leftovers(project) == []


def test_invoke_build_removes_staging_folders_a_killed_build_left(project):
    """Folders of builds that no longer run go; one of a running build stays."""
    (project / "content" / "stories" / "explode.md").unlink()
    dead = project / ".output-new-999999999-killed"
    unnamed = project / ".output-new-k1ll3d"
    running = project / f".output-new-{os.getpid()}-running"
    old = project / ".output-old"
    for folder in (dead, unnamed, running, old):
        (folder / "stories").mkdir(parents=True)
        (folder / "stories" / "half.html").write_text("half", encoding="utf-8")
    result = invoke_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Removing {dead.name}, left by an earlier build" in result.stdout
    assert leftovers(project) == [running.name]
    assert (project / "output" / "wow" / "index.json").is_file()


def test_a_pagefind_failure_names_the_page_and_keeps_the_last_good_site(project):
    (project / "content" / "stories" / "explode.md").unlink()
    (project / "content" / "bad-lang.html").write_text(
        '<!DOCTYPE html><html lang="en-aaaaaaaa-bbbbbbbb-cccccccc-dddd"><body '
        "data-pagefind-body><p>Words for the search index.</p></body></html>",
        encoding="utf-8",
    )
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nTEMPLATE_PAGES = {"bad-lang.html": "bad/index.html"}\n')
    result = invoke_build(project)
    said = result.stdout + result.stderr
    assert result.returncode != 0, said
    assert "Pagefind could not index the new site" in said
    assert "bad/index.html: <html lang='en-aaaaaaaa-bbbbbbbb-cccccccc-dddd'>" in said
    assert "still holds the last good site" in said
    assert "Traceback" not in said
    output = project / "output"
    assert (output / "index.html").read_text(encoding="utf-8") == "the old site"
    assert leftovers(project) == []
