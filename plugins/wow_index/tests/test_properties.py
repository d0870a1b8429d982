"""Property tests: rules that hold for any input, not just the examples."""

from __future__ import annotations

import os
from collections import Counter

from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.wow_index.index.grouping import Tagged, build_index
from pelican.plugins.wow_index.index.moments import Moment, extract_moments
from pelican.plugins.wow_index.index.tagging import StoryTags, parse_story_tags
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)
from pelican.plugins.wow_index.problems import Problem
from pelican.plugins.wow_index.safety.sanitizing import clean_html, removed_markup

# In CI the examples are the same on every run, so a red build is
# reproducible; elsewhere each run explores new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

DATA = default_vocabulary_data()
TP = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VD = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])

# Writers' text: anything, with the vocabulary's words and separators mixed
# in often enough that the parser's interesting paths are taken.
WORDS = st.sampled_from(
    [*TP.slugs, *VD.slugs, "call centre", "Hotline", "baad", "phnoe", ",", ";", "|"]
)
TEXT = st.one_of(
    st.text(), st.lists(st.one_of(WORDS, st.text()), max_size=8).map(" ".join)
)
VALUE = st.one_of(
    TEXT, st.lists(TEXT, max_size=4), st.none(), st.integers(), st.floats()
)
KEYS = st.one_of(
    st.sampled_from(["touchpoint", "Verdict", "COMPANY", "tuchpoint", "verdicts"]),
    st.text(max_size=12),
)


@given(st.dictionaries(KEYS, VALUE, max_size=6))
@settings(max_examples=300, deadline=None)
def test_any_metadata_parses_without_crashing(metadata):
    tags, problems = parse_story_tags(metadata, TP, VD, path="story.md")
    assert isinstance(tags, StoryTags)
    assert set(tags.touchpoints) <= set(TP.slugs)
    assert len(set(tags.touchpoints)) == len(tags.touchpoints)
    assert tags.verdict is None or tags.verdict in VD.slugs
    for problem in problems:
        assert isinstance(problem, Problem)
        line = problem.format()
        assert line.startswith("story.md") and "\n" not in line


STORY_TAGS = st.builds(
    StoryTags,
    touchpoints=st.lists(st.sampled_from(TP.slugs), unique=True, max_size=4).map(tuple),
    verdict=st.one_of(st.none(), st.sampled_from(VD.slugs)),
    company=st.one_of(
        st.none(), st.sampled_from(["Kettle & Co", "kettle & co ", "QuickFix"])
    ),
)


@st.composite
def stories(draw):
    tags = draw(st.lists(STORY_TAGS, max_size=25))
    entries = []
    for number, story_tags in enumerate(tags):
        moments = draw(
            st.lists(
                st.builds(
                    Moment,
                    position=st.integers(1, 9),
                    title=st.just("m"),
                    touchpoint=st.sampled_from(TP.slugs),
                    verdict=st.sampled_from(VD.slugs),
                ),
                max_size=3,
            )
        )
        entries.append(Tagged(f"story-{number}", story_tags, tuple(moments)))
    return entries


def counts(index):
    return (
        {cell: len(entries) for cell, entries in index.cells.items()},
        {tp: len(e) for tp, e in index.by_touchpoint.items()},
        {vd: len(e) for vd, e in index.by_verdict.items()},
        {key: len(e) for key, e in index.by_company.items()},
        Counter(index.primary_cells),
        Counter(index.moment_cells),
        len(index.stories),
        sorted(index.untagged),
    )


@given(stories(), st.randoms())
@settings(max_examples=200, deadline=None)
def test_grouping_counts_do_not_depend_on_story_order(entries, random):
    shuffled = list(entries)
    random.shuffle(shuffled)
    assert counts(build_index(entries, TP.slugs, VD.slugs)) == counts(
        build_index(shuffled, TP.slugs, VD.slugs)
    )


@given(stories())
@settings(max_examples=200, deadline=None)
def test_every_story_is_in_exactly_the_cells_of_its_tags(entries):
    index = build_index(entries, TP.slugs, VD.slugs)
    for entry in entries:
        found = {cell for cell, members in index.cells.items() if entry in members}
        tags = entry.tags
        expected = (
            {(tp, tags.verdict) for tp in tags.touchpoints} if tags.verdict else set()
        )
        assert found == expected
        for members in index.cells.values():
            assert members.count(entry) <= 1
    total = sum(index.count(t, v) for t in TP.slugs for v in VD.slugs)
    assert total == sum(len(e.tags.touchpoints) for e in entries if e.tags.verdict)


HTML = st.lists(
    st.one_of(
        st.text(),
        st.sampled_from(
            [
                "<h2 class='phone bad'>", "</h2>", "<h3 class='phnoe wow'>", "<script>",
                "</script>", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>",
                "<!--", "-->", "<div>", "<table><tr><td>", "<svg onload=x>", "&lt;",
            ]
        ),
    ),
    max_size=12,
).map("".join)  # fmt: skip


@given(HTML)
@settings(max_examples=150, deadline=None)
def test_moments_are_read_from_any_html_without_crashing(html):
    moments, _ = extract_moments(html, TP, VD)
    assert [m.position for m in moments] == list(range(1, len(moments) + 1))
    for moment in moments:
        assert moment.touchpoint in (None, *TP.slugs)
        assert moment.verdict in (None, *VD.slugs)


@given(HTML)
@settings(max_examples=150, deadline=None)
def test_cleaned_html_carries_nothing_unsafe(html):
    cleaned = clean_html(html)
    soup = BeautifulSoup(cleaned, "html.parser")
    assert not soup.find_all(["script", "svg", "iframe", "style"])
    for element in soup.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs)
        href = element.get("href", "")
        assert not href.replace(" ", "").lower().startswith("javascript:")
    # Nothing left that a second cleaning would still have to remove.
    assert removed_markup(cleaned) == []
