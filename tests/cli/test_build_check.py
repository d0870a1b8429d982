"""The same checks run inside every build: warnings, or a failure when strict."""

from __future__ import annotations

import shutil

import pytest

from commands import write
from sitebuild import FIXTURES, build_site


@pytest.fixture(scope="module")
def broken_content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken") / "content"
    shutil.copytree(FIXTURES / "site" / "content", folder)
    write(folder / "empty.md", "")
    write(
        folder / "latin1.md",
        "Title: Caf\xe9\nDate: 2026-01-01\n\nx\n".encode("latin-1"),
    )
    write(folder / "baddate.md", "Title: When\nDate: someday\n\nx\n")
    return folder


def test_a_build_reports_file_problems_and_still_builds_the_rest(broken_content):
    out = broken_content.parent / "output"
    result = build_site(broken_content, out)
    assert result.returncode == 0, result.log
    assert "empty.md: file: is empty" in result.log
    assert "latin1.md:1: file: is not UTF-8" in result.log
    assert "baddate.md:2: Date: 'someday' is not a date" in result.log
    # Tag problems are reported once, not again by the file check.
    assert result.log.count("unknown verdict 'baad'") == 1
    assert (out / "wow" / "index.html").exists()


def test_a_strict_build_fails_on_them(broken_content):
    result = build_site(
        broken_content, broken_content.parent / "strict", WOW_STRICT=True
    )
    assert result.returncode != 0
    assert "latin1.md:1: file: is not UTF-8" in result.log
