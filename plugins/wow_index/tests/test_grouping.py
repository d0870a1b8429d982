from pelican.plugins.wow_index.index.grouping import Tagged, build_index
from pelican.plugins.wow_index.index.moments import Moment
from pelican.plugins.wow_index.index.tagging import StoryTags

TPS = ("store", "phone", "repair")
VDS = ("wow", "good", "meh", "bad")


def story(name, touchpoints=(), verdict=None, company=None, moments=()):
    return Tagged(name, StoryTags(tuple(touchpoints), verdict, company), moments)


STORIES = [
    story(
        "a", ["repair", "phone"], "bad", "QuickFix", [Moment(1, "m", "phone", "bad")]
    ),
    story("b", ["phone"], "bad", "quickfix "),
    story("c", ["store"], "wow", "Kettle & Co"),
    story("essay"),
    story("d", ["store"], "meh"),
]


def test_counts_per_cell_follow_every_touchpoint_of_a_story():
    index = build_index(STORIES, TPS, VDS)
    assert index.count("phone", "bad") == 2
    assert index.count("repair", "bad") == 1
    assert index.count("store", "wow") == 1
    assert index.count("store", "bad") == 0
    assert index.primary_cells[("repair", "bad")] == 1
    assert index.primary_cells[("phone", "bad")] == 1


def test_groups_keep_story_order_and_vocabulary_order():
    index = build_index(STORIES, TPS, VDS)
    assert list(index.by_touchpoint) == list(TPS)
    assert [e.story for e in index.by_touchpoint["phone"]] == ["a", "b"]
    assert [e.story for e in index.by_verdict["bad"]] == ["a", "b"]
    assert index.by_verdict["good"] == []


def test_essays_are_kept_apart():
    index = build_index(STORIES, TPS, VDS)
    assert index.untagged == ["essay"]
    assert [e.story for e in index.stories] == ["a", "b", "c", "d"]


def test_companies_differing_in_case_and_space_are_one():
    index = build_index(STORIES, TPS, VDS)
    names = [index.company_names[key] for key in index.by_company]
    assert names == ["Kettle & Co", "QuickFix"]
    [(key, entries)] = [(k, v) for k, v in index.by_company.items() if "quick" in k]
    assert [e.story for e in entries] == ["a", "b"]
    assert dict(index.company_verdict_split(key)) == {
        "wow": 0,
        "good": 0,
        "meh": 0,
        "bad": 2,
    }


def test_splits_and_moments():
    index = build_index(STORIES, TPS, VDS)
    assert index.verdict_split("store") == [
        ("wow", 1),
        ("good", 0),
        ("meh", 1),
        ("bad", 0),
    ]
    assert index.touchpoint_split("bad") == [("store", 0), ("phone", 2), ("repair", 1)]
    assert index.moment_cells[("phone", "bad")] == 1
    assert index.max_count == 2


def test_matrix_total_equals_story_touchpoint_pairs():
    index = build_index(STORIES, TPS, VDS)
    total = sum(index.count(t, v) for t in TPS for v in VDS)
    pairs = sum(len(e.tags.touchpoints) for e in STORIES if e.tags.verdict)
    assert total == pairs == 5
