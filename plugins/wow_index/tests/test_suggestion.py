"""Suggestion without the command line: what the features measure, how the
model is fitted, and vocabularies other than the default."""

from __future__ import annotations

import re

import pytest
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)
from pelican.plugins.wow_index.suggest.features import read, verdict_features
from pelican.plugins.wow_index.suggest.suggestion import Suggester, load_model
from pelican.plugins.wow_index.suggest.training import fit_logistic, fit_touchpoint

DATA = default_vocabulary_data()
TOUCHPOINTS = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VERDICTS = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])


def measure(text: str, title: str = "") -> dict[str, float]:
    return verdict_features(read(text, title)).values


def test_negated_praise_and_negated_failure_turn_around():
    cold = measure("It was not good at all, and the staff were not helpful.")
    assert cold["balance"] < 0
    calm = measure("The app was not bad at all and I could not fault it.")
    assert calm["balance"] > 0 and calm["bad"] == 0


def test_praise_bursts_in_a_failed_story_are_sarcasm():
    angry = verdict_features(
        read(
            "Forty minutes on hold, then the line went dead. Brilliant.\n\n"
            "Nobody rang back and I gave up. Truly wonderful service."
        )
    )
    assert angry.values["sarcasm"] > 0 and angry.values["praise"] == 0
    assert any("Brilliant" in note for note in angry.evidence["sarcasm"])
    sincere = measure(
        "The engineer came early, fixed it without my asking and charged "
        "nothing.\n\nBrilliant. Best service I've ever had."
    )
    assert sincere["sarcasm"] == 0 and sincere["praise"] > 0


def test_the_closing_paragraph_is_measured_on_its_own():
    turned = measure(
        "The parcel was late and the box was soaked.\n\n"
        "The courier came back the same day with a dry one, apologised and "
        "sorted it. I was pleased."
    )
    assert turned["ending"] > 0 and turned["closing_resolved"] > 0
    failed = measure(
        "The order looked fine at first.\n\nIt never arrived, nobody replied, "
        "and I won't be ordering again."
    )
    assert failed["ending"] < 0 and failed["closing_down"] > 0


def test_intensified_and_softened_praise_are_told_apart():
    warm = measure("The staff were incredibly helpful and really kind.")
    lukewarm = measure("The staff were fairly helpful and quite polite.")
    assert warm["intensified"] > 0 and warm["softened"] == 0
    assert lukewarm["softened"] > 0 and lukewarm["intensified"] == 0


def test_what_the_company_said_in_quotes_is_not_the_writers_judgement():
    quoted = measure('Their letter said "we are delighted to help, amazing offer".')
    assert quoted["praise"] == 0


def test_fitting_is_deterministic_and_learns_a_separable_rule():
    rows = [[x / 10, 1.0] for x in range(-10, 11) if x]
    labels = ["up" if row[0] > 0 else "down" for row in rows]
    first = fit_logistic(rows, labels, ["up", "down"], l2=0.1)
    assert first == fit_logistic(rows, labels, ["up", "down"], l2=0.1)
    assert first["weights"]["up"][0] > 0 > first["weights"]["down"][0]
    # Features are scaled, never centred: zero stays "nothing found".
    assert first["mean"] == [0.0, 0.0]


def test_touchpoint_weights_are_shared_by_every_touchpoint():
    # Two touchpoints, two features: the labelled one always leads on the first.
    candidates = [
        {"a": [2.0, 0.0], "b": [0.0, 1.0]},
        {"a": [0.0, 1.0], "b": [3.0, 0.0]},
        {"a": [1.0, 0.0], "b": [0.0, 2.0]},
    ]
    weights = fit_touchpoint(candidates, ["a", "b", "a"], l2=0.1)["weights"]
    assert weights[0] > 0 and weights[0] > weights[1]


def test_a_blog_with_its_own_vocabularies_gets_its_own_tags():
    touchpoints = Vocabulary.from_mapping(
        "WOW_TOUCHPOINTS",
        {
            "table": {"label": "At the table", "aliases": ["waiter", "waitress"]},
            "kitchen": {"label": "Kitchen", "aliases": ["chef", "the food"]},
        },
    )
    verdicts = Vocabulary.from_mapping(
        "WOW_VERDICTS",
        {"love": {"label": "Loved it"}, "fine": {"label": "Fine"}, "never": {}},
    )
    suggester = Suggester(touchpoints, verdicts)
    got = suggester.suggest(
        "The waiter ignored us for forty minutes and then the waiter brought "
        "the wrong order. Nobody apologised and we walked out. Never again.",
        "Cold shoulder",
    )
    assert got.touchpoint == "table"
    assert got.verdict == "never"


def test_a_model_trained_on_other_features_is_refused():
    model = load_model()
    stale = {**model, "verdict": {**model["verdict"], "features": ["old"]}}
    with pytest.raises(ValueError, match="retrain"):
        Suggester(TOUCHPOINTS, VERDICTS, model=stale)


def test_evidence_names_the_words_that_decided():
    title, body = (
        "Three calls",
        "I rang the helpline three times. Nobody called back, the refund "
        "never came, and I gave up and switched provider.",
    )
    story = f"{title}. {body}"
    got = Suggester(TOUCHPOINTS, VERDICTS).suggest(body, title)
    assert got.touchpoint == "phone" and got.verdict == "bad"
    assert got.evidence[0].startswith("touchpoint phone:")
    assert any(line.startswith("verdict bad:") for line in got.evidence)
    assert any("gave up" in line for line in got.evidence)
    # Words the labelled stories of that verdict use, quoted from this one.
    (line,) = [e for e in got.evidence if e.startswith("words of bad stories: ")]
    quoted = re.findall(r"'([^']+)'", line)
    assert quoted
    for word in quoted:
        word = word.removesuffix(" (at the end)").removesuffix(" (negated)")
        assert word in story.lower(), word


def test_service_as_it_should_be_is_measured_apart_from_a_shrug():
    plain = measure(
        "They swapped the boots and refunded the difference. Nothing "
        "extraordinary, just people doing their jobs properly."
    )
    assert plain["proper"] > 0
    # "Nothing extraordinary" is not negated praise, so not a shrug either.
    assert plain["meh"] == 0
    shrug = measure("Nothing special. It does the job, I suppose.")
    assert shrug["proper"] == 0 and shrug["meh"] > 0
