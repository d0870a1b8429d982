"""Company names from a story's words, without the command line: what counts
as a firm's name and which of several firms a story is about."""

from __future__ import annotations

import pytest
from pelican.plugins.wow_index.suggest.companies import find_company
from pelican.plugins.wow_index.suggest.suggestion import load_model
from pelican.plugins.wow_index.suggest.wordcounts import WordCounts


@pytest.fixture(scope="module")
def common():
    """The everyday words the shipped model knows, as the Suggester passes
    them: a capitalised everyday word is weak evidence of a name."""
    return WordCounts.from_document(load_model()["words"]).counts


CASES = [
    # a domain no name spells stands for the firm, as written
    ("I ordered a lamp from brightnook.co.nz and waited.", "brightnook.co.nz"),
    ("I wrote to orders@quillpost.shop at night.", "quillpost.shop"),
    # a name the story spells beats the domain
    ("Tarnwell Bank let me open a pot on tarnwellbank.com.", "Tarnwell Bank"),
    # a department after a name is no part of it
    (
        "From: Marlow Energy Billing <billing@marlowenergy.com>\n\nCorrect.",
        "Marlow Energy",
    ),
    ("Kind regards,\nThe Larkspur Books Returns Team", "Larkspur Books"),
    # a brand in capitals, but not shouting
    ("My ZENTARA cooker works. ZENTARA's help page fixed it.", "ZENTARA"),
    ("It took ABSOLUTELY FOREVER and then it was fine.", None),
    # an initial is kept for a firm and marks a person otherwise
    ("We tried J. Whitcombe & Co next.\n\nYours,\nR. T. Abney", "J. Whitcombe & Co"),
    # the firm dealt with, not the brand, a bot or a firm left
    (
        "I bought a Frennix toaster from Holmby Stores and rang Holmby Stores.",
        "Holmby Stores",
    ),
    # two firms, neither clearly the one dealt with: no guess
    (
        "After four years with Brightmere Gas, I switched. I walked into the "
        "Solvane shop and Solvane's app had my reading.",
        None,
    ),
    (
        "I've been with Glasswick Telecom for years. The chat opens with Pimm, "
        "the bot. Pimm asked again. Pimm offered a call.",
        "Glasswick Telecom",
    ),
    # a menu, a numbered point, a mail provider: no firm
    ("The page is no longer under Documents & Settings.", None),
    ("Sanjay texts us from his gmail.com address.", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_company_a_story_names(text, expected, common):
    guess = find_company("A story", text, common=common)
    assert (guess.name if guess else None) == expected


def test_the_only_name_after_a_word_of_dealing_is_enough():
    guess = find_company("Charges", "I have a contract with Orbexa, cancelled.")
    assert guess is not None and guess.name == "Orbexa"
    assert any("dealt with" in reason for reason in guess.reasons)


def test_a_title_cuts_a_name_at_the_trade_word(common):
    # A name only in the title, with nothing else pointing to it, is too
    # weak to suggest; one with a trade word is not.
    assert (
        find_company("Moving House with Rollick", "The van was clean.", common=common)
        is None
    )
    guess = find_company(
        "Lark Air Lost My Seat, Then Found One", "A fine flight.", common=common
    )
    assert guess is not None and guess.name == "Lark Air"
