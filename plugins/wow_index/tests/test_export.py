import json
from datetime import datetime
from types import SimpleNamespace

import pytest
from pelican.plugins.wow_index.index.export import (
    dumps,
    index_document,
    pieces,
    plain_text,
)
from pelican.plugins.wow_index.index.grouping import Tagged, build_index
from pelican.plugins.wow_index.index.moments import Moment
from pelican.plugins.wow_index.index.tagging import StoryTags
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)

DATA = default_vocabulary_data()
TP = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VD = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])


def article(title, summary="<p>Short.</p>"):
    return SimpleNamespace(
        title=title,
        url=f"stories/{title.lower()[:5]}/",
        date=datetime(2026, 3, 2, 9, 15),
        summary=summary,
        author="Mei",
    )


def document(lazy=False):
    entries = [
        Tagged(
            article("Callbacks </script><b>"),
            StoryTags(("repair", "phone"), "bad", "QuickFix"),
            (Moment(1, "Dropped off", "repair", "meh", "dropped-off"),),
        ),
        Tagged(article("Essay"), StoryTags()),
    ]
    index = build_index(entries, TP.slugs, VD.slugs)
    return index_document(
        index, TP, VD, site_url="https://x.test", stages=DATA["stages"], lazy=lazy
    )


def test_document_lists_tagged_stories_with_tags_and_moments():
    doc = document()
    [story] = doc["stories"]
    assert story["touchpoints"] == ["repair", "phone"]
    assert story["primary_touchpoint"] == "repair"
    assert story["verdict"] == "bad" and story["rating"] == 1
    assert story["company"] == "QuickFix"
    assert story["summary"] == "Short."
    assert story["date"] == "2026-03-02T09:15:00"
    assert story["moments"][0]["anchor"] == "dropped-off"
    assert doc["matrix"]["phone"]["bad"] == 1
    assert doc["moment_matrix"]["repair"]["meh"] == 1
    assert [v["rating"] for v in doc["verdicts"]] == [4, 3, 2, 1]


def test_serialisation_is_deterministic_and_safe_to_embed():
    text = dumps(document())
    assert text == dumps(document())
    assert "</script>" not in text and "<b>" not in text
    # Titles are read as Pelican's feeds read them: markup stripped.
    assert json.loads(text)["stories"][0]["title"] == "Callbacks"


def test_a_lazy_document_serialises_to_the_same_bytes():
    # Builds stream the stories into the JSON one record at a time.
    lazy = document(lazy=True)
    assert not isinstance(lazy["stories"], list)
    assert dumps(lazy) == dumps(document())


def test_an_index_without_stories_has_an_empty_list():
    index = build_index([], TP.slugs, VD.slugs)
    for lazy in (False, True):
        text = dumps(index_document(index, TP, VD, lazy=lazy))
        assert json.loads(text)["stories"] == []


def test_plain_text():
    assert plain_text("<p>A &amp; B</p>\n<p>C</p>") == "A & B C"
    assert plain_text(None) == ""


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        # An inline tag leaves no space where it was.
        ("<p>A story with <em>emphasis</em>.</p>", "A story with emphasis."),
        ('<a href="/x">Link</a>, <strong>bold</strong>!', "Link, bold!"),
        ("half<em>way</em>", "halfway"),
        ("a<!-- note -->b", "ab"),
        # Blocks and line breaks part words, even with nothing between them.
        ("<p>One</p><p>Two</p>", "One Two"),
        ("line<br>break<br/>again", "line break again"),
        ("<ul><li>a</li><li>b</li></ul>", "a b"),
        ("a<script>alert(1)</script>b", "a b"),
        ("1 &lt; 2 <b>and</b> 3", "1 < 2 and 3"),
    ],
)
def test_plain_text_reads_as_the_page_does(fragment, text):
    assert plain_text(fragment) == text


def test_pieces_make_the_same_text_one_story_at_a_time():
    taken = []

    def stories(entries):
        for entry in entries:
            taken.append(entry)
            yield entry

    whole = document()
    lazy = document(lazy=True)
    lazy["stories"] = stories(whole["stories"] * 3)
    made = pieces(lazy)
    text = ""
    for piece in made:
        text += piece
        if piece.startswith('{"title"'):
            break
    # The first record is written before the second story is even read.
    assert len(taken) == 1
    text += "".join(made)
    assert len(taken) == 3
    assert json.loads(text)["stories"] == whole["stories"] * 3
    empty = document()
    empty["stories"] = []
    assert "".join(pieces(empty)) == dumps(empty)
    assert json.loads(dumps(empty))["stories"] == []
