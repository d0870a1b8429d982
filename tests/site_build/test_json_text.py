"""``wow/index.json`` gives a story's title and summary as its pages read."""

from __future__ import annotations

import json

import pytest

from sitebuild import build_site

STORY = """\
Title: A refund with no fuss
Date: 2026-02-03
Touchpoint: returns
Verdict: good
Summary: A story with *emphasis*. A [link](https://example.org/), **bold**
    words,<br>and a line break.

The shop took the kettle back without a question.
"""
SUMMARY = "A story with emphasis. A link, bold words, and a line break."


@pytest.mark.parametrize("theme", [None, "notmyidea"])
def test_the_json_summary_is_the_text_the_page_shows(tmp_path, theme):
    content = tmp_path / "content"
    content.mkdir()
    (content / "refund.md").write_text(STORY, encoding="utf-8")
    result = build_site(content, tmp_path / "out", theme=theme)
    assert result.returncode == 0, result.log
    (story,) = json.loads(result.read("wow/index.json"))["stories"]
    assert story["summary"] == SUMMARY
    assert story["title"] == "A refund with no fuss"
    item = result.soup("wow/index.html").find("li", class_="wow-story")
    assert item.p.get_text() == SUMMARY
    assert item.a.get_text() == story["title"]
