from pathlib import Path

import pytest
from pelican.plugins.wow_index.index.tagging import parse_story_tags, split_values
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)
from pelican.plugins.wow_index.problems import Problem, locate_field

DATA = default_vocabulary_data()
TP = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VD = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])


def parse(**metadata):
    return parse_story_tags(metadata, TP, VD, path="story.md")


def test_several_touchpoints_first_is_primary():
    tags, problems = parse(touchpoint="repair, Phone, call centre", verdict="bad")
    assert tags.touchpoints == ("repair", "phone")  # duplicates via alias collapse
    assert tags.primary == "repair"
    assert tags.verdict == "bad"
    assert problems == []


def test_repeated_metadata_key_is_a_list():
    tags, problems = parse(touchpoint=["phone", "email"], verdict="good")
    assert tags.touchpoints == ("phone", "email")
    assert not problems


def test_unknown_touchpoint_is_dropped_with_a_did_you_mean():
    tags, problems = parse(touchpoint="phnoe, store", verdict="meh")
    assert tags.touchpoints == ("store",)
    [problem] = problems
    assert problem.field == "Touchpoint"
    assert problem.suggestion == "phone"
    assert "'phnoe'" in problem.message
    assert problem.format().startswith("story.md: Touchpoint: unknown touchpoint")
    assert problem.format().endswith('(did you mean "phone"?)')


def test_unknown_verdict_leaves_the_story_untagged_for_that_field():
    tags, problems = parse(touchpoint="store", verdict="baad")
    assert tags.verdict is None
    assert tags.touchpoints == ("store",)
    assert problems[0].field == "Verdict" and problems[0].suggestion == "bad"


def test_two_verdicts_are_refused():
    tags, problems = parse(touchpoint="store", verdict="good, bad")
    assert tags.verdict is None
    assert "one value" in problems[0].message


def test_empty_values_are_reported():
    _, problems = parse(touchpoint="  ", verdict="")
    assert {p.field for p in problems} == {"Touchpoint", "Verdict"}
    assert all("empty" in p.message for p in problems)


def test_an_essay_has_no_tags_and_no_problems():
    tags, problems = parse(title="Outside in", summary="An essay")
    assert not tags.is_tagged
    assert problems == []


def test_half_tagged_story_is_reported():
    tags, problems = parse(touchpoint="phone")
    assert tags.is_tagged
    assert problems[0].field == "Verdict" and "missing" in problems[0].message


def test_company_is_cleaned_but_not_escaped():
    tags, _ = parse(touchpoint="web", verdict="good", company="  Kettle &\tCo <b> ")
    assert tags.company == "Kettle & Co <b>"


def test_overlong_company_is_cut_and_reported():
    tags, problems = parse(touchpoint="web", verdict="good", company="x" * 500)
    assert len(tags.company) == 120
    assert problems[0].field == "Company"


def test_field_names_are_case_insensitive():
    tags, _ = parse_story_tags({"Touchpoint": "web", "VERDICT": "wow"}, TP, VD)
    assert tags.touchpoints == ("web",) and tags.verdict == "wow"


@pytest.mark.parametrize(
    ("value", "items"),
    [
        ("a, b;c | d", ["a", "b", "c", "d"]),
        (["a, b", "c"], ["a", "b", "c"]),
        (None, []),
    ],
)
def test_split_values(value, items):
    assert split_values(value) == items


def test_problem_names_the_line(tmp_path: Path):
    story = tmp_path / "s.md"
    story.write_text("Title: T\nDate: 2026-01-01\nVerdict: baad\n\nBody\n")
    _, problems = parse_story_tags({"verdict": "baad"}, TP, VD, path=str(story))
    verdict_problem = next(p for p in problems if p.field == "Verdict")
    assert verdict_problem.line == 3
    assert f"{story}:3: Verdict:" in verdict_problem.format() or ":3: Verdict:" in str(
        verdict_problem
    )


def test_locate_field_in_rst(tmp_path: Path):
    story = tmp_path / "s.rst"
    story.write_text("Title\n#####\n\n:date: 2026-01-01\n:touchpoint: phone\n")
    assert locate_field(story, "touchpoint") == 5
    assert locate_field(tmp_path / "missing.md", "touchpoint") is None


def test_problem_as_dict_round_trips():
    problem = Problem("a.md", "Verdict", "unknown", line=2, suggestion="bad")
    assert problem.as_dict()["line"] == 2
