"""The files the checks look at are the files Pelican reads: same
IGNORE_FILES rules (matched against names), same excludes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins.wow_index.sources import content_files
from pelican.settings import read_settings

STORY = "Title: {name}\nDate: 2026-01-02\n\nText.\n"


def tree(content: Path) -> None:
    for relative in (
        "stories/a.md",
        "stories/.hidden-story.md",  # Pelican reads it: "**/.*" needs a slash
        "stories/.#locked.md",
        "stories/drafts/b.md",
        "stories/.private/c.md",
        "stories/skipme/d.md",
        "essays/e.rst",
        "pages/about.md",
        "notes.txt",
    ):
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STORY.format(name=path.stem), encoding="utf-8")


def pelican_reads(content: Path, settings: dict) -> set[str]:
    context = {**settings, "generated_content": {}, "static_links": set()}
    found: set[str] = set()
    for kind, cls in (("ARTICLE", ArticlesGenerator), ("PAGE", PagesGenerator)):
        generator = cls(
            context=context,
            settings=settings,
            path=str(content),
            theme=settings["THEME"],
            output_path=str(content.parent / "out"),
        )
        files = generator.get_files(
            settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"]
        )
        found |= {os.path.normpath(f) for f in files}
    return found


@pytest.mark.parametrize(
    "ignore",
    [None, [".#*"], ["**/.*"], [".*"], ["skip*"], []],
    ids=["default", "emacs-locks", "doublestar", "dotfiles", "folder", "none"],
)
def test_content_files_are_the_files_pelican_reads(tmp_path, ignore):
    content = tmp_path / "content"
    tree(content)
    override = {
        "PATH": str(content),
        "ARTICLE_PATHS": ["stories", "essays"],
        "PAGE_PATHS": ["pages"],
        "ARTICLE_EXCLUDES": ["stories/drafts"],
    }
    if ignore is not None:
        override["IGNORE_FILES"] = ignore
    settings = read_settings(None, override=override)
    ours = {
        os.path.normpath(str(path.relative_to(content)))
        for path, _ in content_files(content, settings)
    }
    assert ours == pelican_reads(content, settings)
