"""Recovery from broken content, without running Pelican."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pelican.plugins.wow_index.safety.recovery import (
    explain_dropped,
    repair_content,
    resolve_collisions,
)


def error_reading(data: bytes) -> UnicodeDecodeError:
    with pytest.raises(UnicodeDecodeError) as caught:
        data.decode("utf-8")
    return caught.value


def test_a_latin_1_file_is_named_with_line_and_column(tmp_path):
    data = "Title: ok\nCompany: Café\n".encode("latin-1")
    (tmp_path / "s.md").write_bytes(data)
    problem = explain_dropped(str(tmp_path / "s.md"), error_reading(data))
    assert problem.line == 2
    assert "byte 0xe9 at line 2, column 13" in problem.message
    assert "save the file with the UTF-8 encoding" in problem.message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("Title: x\n".encode("utf-16"), "is saved as UTF-16"),
        (b"\xfe\xff" + "Title: x\n".encode("utf-16-be"), "is saved as UTF-16"),
        (bytes(range(128, 256)) * 4 + b"\x00", "is not a text file"),
    ],
)
def test_other_encodings_and_binary_files(tmp_path, data, words):
    (tmp_path / "s.md").write_bytes(data)
    problem = explain_dropped(str(tmp_path / "s.md"), error_reading(data))
    assert words in problem.message and problem.field == "file"


def test_a_bad_date_names_the_field_and_line(tmp_path):
    (tmp_path / "s.md").write_text("Title: x\nDate: 2026-02-30\nModified: 31/31/31\n")
    error = ValueError("'31/31/31' is not a valid date")
    problem = explain_dropped(str(tmp_path / "s.md"), error)
    assert (problem.field, problem.line) == ("Modified", 3)
    assert problem.message.startswith("'31/31/31' is not a date; write it as")


def test_empty_missing_and_unknown(tmp_path):
    (tmp_path / "empty.md").write_text("")
    assert "is empty" in explain_dropped(str(tmp_path / "empty.md"), None).message
    (tmp_path / "s.md").write_text("Date: 2026-01-01\n\nText\n")
    read = SimpleNamespace(mandatory_properties=("title", "date"), date=1)
    problem = explain_dropped(str(tmp_path / "s.md"), None, read)
    assert (problem.field, problem.line) == ("Title", 1)
    odd = explain_dropped(str(tmp_path / "s.md"), KeyError("boom"))
    assert "could not be read (KeyError: 'boom')" in odd.message


def content(**metadata):
    return SimpleNamespace(
        source_path="s.md", metadata=metadata, _content="<p>ok</p>", **metadata
    )


def test_a_repeated_title_keeps_the_first():
    story = content(title=["First", "Second"])
    [problem] = repair_content(story)
    assert story.title == "First" and story.metadata["title"] == "First"
    assert problem.field == "Title" and "given 2 times" in problem.message


def test_control_characters_are_removed_everywhere():
    author = SimpleNamespace(name="Ann\x1b[2J")
    story = content(title="A\x00B", summary="S\x07", author=author)
    story._summary = "S\x07"
    story._content = "<p>\x1b]0;x\x07text</p>"
    [problem] = repair_content(story)
    assert (story.title, story._summary, author.name) == ("AB", "S", "Ann[2J")
    assert story._content == "<p>]0;xtext</p>"
    assert "U+0000, U+0007, U+001B" in problem.message


class Page(SimpleNamespace):
    @property
    def save_as(self):
        return f"stories/{self.slug}/index.html"


def test_colliding_pages_get_their_own_paths():
    first = Page(source_path="a.md", slug="same", metadata={}, translations=[])
    second = Page(source_path="b.md", slug="same", metadata={}, translations=[first])
    first.translations = [second]
    third = Page(source_path="c.md", slug="wow", metadata={"slug": "wow"})
    problems = resolve_collisions(
        [second, third, first], {"stories/wow/index.html": "WOW_INDEX_SAVE_AS"}
    )
    assert (first.slug, second.slug, third.slug) == ("same", "same-2", "wow-2")
    assert first.translations == [] and second.translations == []
    assert [p.path for p in problems] == ["b.md", "c.md"]
    assert "like a.md; published as 'same-2'" in problems[0].message
    assert problems[1].field == "Slug"
