import pytest
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    VocabularyError,
    default_vocabulary_data,
    normalise,
)

DATA = default_vocabulary_data()
TOUCHPOINTS = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VERDICTS = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])


def test_default_vocabularies_match_the_design():
    assert TOUCHPOINTS.slugs == (
        "store", "phone", "web", "app", "email", "chat", "social",
        "delivery", "returns", "packaging", "product", "billing", "repair",
        "information",
    )  # fmt: skip
    assert VERDICTS.slugs == ("wow", "good", "meh", "bad")
    assert TOUCHPOINTS["phone"].label == "Phone & call centre"
    assert TOUCHPOINTS["delivery"].stage == "post-purchase"
    assert TOUCHPOINTS["product"].stage == "use"


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("phone", "phone"),
        ("PHONE", "phone"),
        ("  Phone  ", "phone"),
        ("call centre", "phone"),
        ("Call-Centre", "phone"),
        ("hotline", "phone"),
        ("Phone & call centre", "phone"),
        ("phone and call centre", "phone"),
        ("service centre", "repair"),
        ("technician", "repair"),
        ("courier", "delivery"),
        ("refund", "returns"),
        ("Returns & refunds", "returns"),
        ("e-mail", "email"),
    ],
)
def test_aliases_labels_and_case_resolve(typed, slug):
    assert TOUCHPOINTS.resolve(typed) == slug


@pytest.mark.parametrize(("typed", "slug"), [("WoW", "wow"), ("Bad", "bad")])
def test_verdicts_resolve_case_insensitively(typed, slug):
    assert VERDICTS.resolve(typed) == slug


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("phnoe", "phone"), ("delivry", "delivery"), ("pakaging", "packaging")],
)
def test_did_you_mean(typo, meant):
    assert TOUCHPOINTS.resolve(typo) is None
    assert TOUCHPOINTS.suggest(typo) == meant


def test_no_suggestion_for_unrelated_words():
    assert TOUCHPOINTS.suggest("zebra crossing") is None
    assert VERDICTS.suggest("") is None


def test_normalise_folds_case_space_and_punctuation():
    assert normalise("  Call_Centre!  ") == "call centre"
    assert normalise("Returns & Refunds") == "returns and refunds"


def test_stages_group_in_configured_order():
    stages = TOUCHPOINTS.stages(DATA["stages"])
    assert [name for name, _ in stages] == DATA["stages"]
    assert [t.slug for t in dict(stages)["use"]] == ["product"]


def test_a_replacement_vocabulary_for_restaurants():
    vocab = Vocabulary.from_mapping(
        "WOW_TOUCHPOINTS",
        {
            "table": {"label": "At the table", "aliases": ["waiter"]},
            "booking": "Booking",
        },
    )
    assert vocab.resolve("Waiter") == "table"
    assert vocab.resolve("booking") == "booking"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "non-empty"),
        ({"Bad Slug": {"label": "x"}}, "not a valid slug"),
        ({"a": {"label": "A", "colour": "red"}}, "unknown key"),
        ({"a": {"label": "A", "aliases": "b"}}, "list of strings"),
        ({"a": {"label": "A", "aliases": ["b"]}, "b": {"label": "B"}}, "already names"),
        ({"a": {"label": "A", "aliases": ["x"]}, "b": {"aliases": ["x"]}}, "already"),
        ({"a": 3}, "expected a dict"),
    ],
)
def test_malformed_vocabularies_are_refused_with_the_entry_named(data, message):
    with pytest.raises(VocabularyError, match=message):
        Vocabulary.from_mapping("WOW_TOUCHPOINTS", data)
