"""Pelican's tag, category and author lists with constant-time ``in``."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.plugins.wow_index.speedups.membership import StoryList, index_story_lists


class Story:
    """Compares by identity, as Pelican's content objects do."""


class Named:
    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Named) and other.name == self.name

    __hash__ = None  # type: ignore[assignment]


def test_in_answers_as_a_list_would():
    stories = [Story() for _ in range(5)]
    listed = StoryList(stories[:3])
    assert [s in listed for s in stories] == [True, True, True, False, False]
    listed.append(stories[3])
    assert stories[3] in listed
    listed[0] = stories[4]
    assert stories[4] in listed and stories[0] not in listed
    listed.remove(stories[4])
    assert stories[4] not in listed
    # Items that compare by value are looked for by value, as in a list.
    assert Named("a") in StoryList([Named("a")])
    assert "x" in StoryList(["x"]) and 1.0 in StoryList([1])


def test_the_lists_are_replaced_everywhere_with_the_same_stories():
    a, b, c = Story(), Story(), Story()
    tags = {"t1": [a, b], "t2": [c]}
    categories = [("cat", [a, c])]
    authors = [("me", [b])]
    context = {"tags": list(tags.items()), "categories": categories}
    generator = SimpleNamespace(
        tags=tags, categories=categories, authors=authors, context=context
    )
    index_story_lists([generator, SimpleNamespace(context={})])
    assert all(type(v) is StoryList for v in tags.values())
    assert tags == {"t1": [a, b], "t2": [c]}
    assert categories == [("cat", [a, c])] and type(categories[0][1]) is StoryList
    assert authors == [("me", [b])] and type(authors[0][1]) is StoryList
    # The context and the generator share one list per tag, as before.
    assert [v for _, v in context["tags"]] == list(tags.values())
    assert all(x is y for (_, x), y in zip(context["tags"], tags.values(), strict=True))
    assert context["categories"] is categories
