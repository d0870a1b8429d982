"""Each content object's relative source path is worked out once, and
answers exactly as Pelican's own method does."""

from __future__ import annotations

import copy
import datetime
import pickle

from pelican.contents import Article
from pelican.plugins.wow_index.speedups.paths import (
    OwnRelativePath,
    remember_relative_path,
)
from pelican.settings import DEFAULT_CONFIG


def article(tmp_path, name="stories/a.md"):
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path))
    return Article(
        "<p>Body</p>",
        metadata={"title": "A", "date": datetime.datetime(2024, 1, 5), "slug": "a"},
        settings=settings,
        source_path=str(tmp_path / name),
        context={},
    )


def test_same_answers_as_pelican(tmp_path):
    story = article(tmp_path)
    expected = Article.get_relative_source_path(story)
    other = str(tmp_path / "images" / "b.png")
    expected_other = Article.get_relative_source_path(story, other)
    remember_relative_path(story)
    assert isinstance(story.get_relative_source_path, OwnRelativePath)
    assert story.get_relative_source_path() == expected == "stories/a.md"
    assert story.get_relative_source_path(story.source_path) == expected
    assert story.get_relative_source_path(other) == expected_other
    assert story.url == "a.html" and story.url_format["path"] == "stories/a.md"


def test_a_moved_story_is_worked_out_again(tmp_path):
    story = article(tmp_path)
    remember_relative_path(story)
    story.source_path = str(tmp_path / "essays" / "a.md")
    assert story.get_relative_source_path() == "essays/a.md"


def test_repr_is_the_value_and_it_survives_copy_and_pickle(tmp_path):
    story = article(tmp_path)
    remember_relative_path(story)
    assert repr(story.get_relative_source_path) == "OwnRelativePath('stories/a.md')"
    assert copy.copy(story).get_relative_source_path() == "stories/a.md"
    loaded = pickle.loads(pickle.dumps(story))
    assert loaded.get_relative_source_path() == "stories/a.md"


def test_content_without_a_file_is_left_alone(tmp_path):
    story = article(tmp_path)
    story.source_path = None
    remember_relative_path(story)
    assert "get_relative_source_path" not in vars(story)
