"""The word table: which words it reads from a story, which it keeps, and
what it says about a story it has not seen."""

from __future__ import annotations

import json

import pytest
from pelican.plugins.wow_index.suggest.wordcounts import WordCounts, display, words

TOUCHPOINTS = ("phone", "delivery")


def test_words_mark_negation_pairs_and_the_ending():
    found = words(
        "The courier was not very helpful, but he came back.\n"
        "First thing in the morning.\nAnother line.\nSorted in the end."
    )
    assert "helpful" not in found and "-helpful" in found
    assert "came back" in found and "not very" in found
    # The comma ends the negation's clause.
    assert "came" in found and "-came" not in found
    assert "+sorted" in found and "+courier" not in found
    assert display("-helpful") == "helpful (negated)"
    assert display("+sorted") == "sorted (at the end)"


def _stories():
    return [
        ("a", words("They never rang back. I gave up."), "bad", "phone"),
        ("b", words("Nobody rang back, so I gave up on them."), "bad", "phone"),
        ("a", words("The driver carried it upstairs for free."), "wow", "delivery"),
        ("b", words("The driver fixed the gate for free."), "wow", "delivery"),
        (
            "a",
            words("A parcel only one writer mentions, twice: zebra."),
            "good",
            "delivery",
        ),
        ("a", words("zebra again"), "meh", "delivery"),
    ]


def test_only_words_of_two_stories_from_two_folders_are_kept():
    table = WordCounts.count(_stories(), TOUCHPOINTS)
    assert "gave up" in table.counts and "for free" in table.counts
    assert "zebra" not in table.counts  # two stories, one folder
    assert "upstairs" not in table.counts  # one story
    # wow good meh bad, then phone delivery
    assert table.counts["gave up"] == [0, 0, 0, 2, 2, 0]
    assert table.totals == {
        "wow": 2, "good": 1, "meh": 1, "bad": 2, "phone": 2, "delivery": 4
    }  # fmt: skip


def test_a_new_story_leans_the_way_its_words_lean():
    table = WordCounts.count(_stories(), TOUCHPOINTS)
    failed = table.verdict_features(words("They never rang back and I gave up."))
    kind = table.verdict_features(words("The driver brought it for free."))
    assert failed["words_bad"] > 0 > kind["words_bad"]
    assert kind["words_wow"] > 0 > failed["words_wow"]
    assert table.verdict_features(words("Unknown words only.")) == dict.fromkeys(
        failed, 0.0
    )
    places = table.touchpoint_scores(words("Nobody rang back."))
    assert places["phone"] > places["delivery"]
    assert "gave up" in table.telling(words("I gave up."), "bad")
    assert table.telling(words("I gave up."), "kitchen") == []


def test_the_table_survives_the_model_file():
    table = WordCounts.count(_stories(), TOUCHPOINTS)
    document = json.loads(json.dumps(table.as_document()))
    again = WordCounts.from_document(document)
    assert again.counts == table.counts and again.totals == table.totals
    story = words("The driver never rang back.")
    assert again.verdict_features(story) == table.verdict_features(story)


def test_a_touchpoint_named_like_a_verdict_level_is_refused():
    with pytest.raises(ValueError, match="rename the touchpoint"):
        WordCounts.count(_stories(), ("phone", "good"))
