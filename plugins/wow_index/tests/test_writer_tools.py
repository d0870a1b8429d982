"""Pure functions behind the writer's commands."""

from __future__ import annotations

from pelican.plugins.wow_index.cli.terminal import safe, table
from pelican.plugins.wow_index.cli.writing import set_fields, story_text
from pelican.plugins.wow_index.sources import read_source


def test_set_fields_replaces_in_place_adds_at_the_end_and_drops_suggestions():
    text = (
        "Title: A\nVerdict: meh\nSuggested-Verdict: bad\nSuggested-Company: X\n"
        "Tags: a,\n    b\n\nBody: not a field\n"
    )
    out = set_fields(
        text, {"Verdict": "bad", "Touchpoint": "phone"}, drop_prefix="suggested-"
    )
    assert out == (
        "Title: A\nVerdict: bad\nTags: a,\n    b\nTouchpoint: phone\n\n"
        "Body: not a field\n"
    )


def test_header_values_cannot_break_out_of_their_line():
    text = story_text("Two\nlines\x1b", date="2026-01-01", company="A\nVerdict: wow")
    header = text.split("\n\n", 1)[0].splitlines()
    assert header == ["Title: Two lines", "Date: 2026-01-01", "Company: A Verdict: wow"]


def test_safe_makes_control_and_bidi_characters_visible():
    assert safe("a\x1b[2Jb\u202ec\nd") == "a?[2Jb?c d"
    assert "\x1b" not in table(["h"], [["\x1b[31m"]])


def test_read_source_keeps_lines_of_fields(tmp_path):
    path = tmp_path / "s.md"
    path.write_text("Title: T\nDate: 2026-01-01\nVerdict: bad\n\nBody\n", "utf-8")
    source = read_source(path)
    assert source.get("verdict") == "bad" and source.line_of("Verdict") == 3
    assert source.body.strip() == "Body" and source.problems == []
