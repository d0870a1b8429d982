"""Pelican's quadratic steps, timed on the benchmark corpus's stories.

``python -m bench.quadratic [--stories 5000] [--repeat 5]`` makes one Pelican
``Article`` per story of :mod:`bench.corpus` (its header only: title, date,
author, tags; no Markdown is converted), then times, on the same objects,
Pelican's own code and the linear code this project uses in its place:

- the period archives (``ArticlesGenerator._build_period_archives``) against
  :func:`devserver.linear.linear_period_archives`, with the site's yearly
  archives and with yearly, monthly and daily archives;
- ``utils.process_translations`` against
  :func:`devserver.linear.linear_translations`;
- the stories of every tag, category and author page, picked as
  ``generate_tags``/``generate_categories``/``generate_authors`` pick them
  (``[a for a in self.dates if a in articles]``), from Pelican's lists,
  from the plugin's
  :class:`~pelican.plugins.wow_index.speedups.membership.StoryList`, and
  with a set of ids (:func:`in_order_of`, the upstream patch's helper).

With ``PYTHONPATH`` pointing at a Pelican with the patch of
``docs/pelican-upstream.md`` applied, the "Pelican" column of the first three
rows times the patched code.

Each pair must give the same result (checked) before it is timed; the best
of ``--repeat`` runs is printed, in seconds. ``docs/pelican-upstream.md``
reports the numbers.
"""

from __future__ import annotations

import argparse
import copy
import platform
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import pelican
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.plugins.wow_index.speedups.membership import StoryList
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag
from pelican.utils import get_date, process_translations

from devserver.linear import linear_period_archives, linear_translations

from .corpus import story_text


def stories(count: int, settings: dict[str, Any]) -> list[Article]:
    """One Article per corpus story, from its header, in file order."""
    category = Category("stories", settings)
    made = []
    for index in range(count):
        name, text = story_text(index)
        header = dict(
            line.split(": ", 1) for line in text.split("\n\n", 1)[0].splitlines()
        )
        metadata: dict[str, Any] = {
            "title": header["Title"],
            "date": get_date(header["Date"]),
            "slug": header["Slug"],
            "category": category,
            "author": Author(header["Author"], settings),
            "tags": [Tag(t, settings) for t in header.get("Tags", "").split(", ") if t],
        }
        metadata["authors"] = [metadata["author"]]
        made.append(
            Article(
                "<p>Body.</p>",
                metadata,
                settings=settings,
                source_path=f"/content/stories/{name}",
            )
        )
    return made


def best(repeat: int, run: Callable[[], Any]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def by_identity(archives: dict[str, list[dict[str, Any]]]) -> list[Any]:
    """Archives with stories as ids (Articles compare by identity anyway)."""
    return [
        [
            (a["period"], [id(s) for s in a["dates"]], [id(s) for s in a["articles"]])
            for a in periods
        ]
        for _, periods in sorted(archives.items())
    ]


def time_archives(
    articles: list[Article], settings: dict[str, Any], repeat: int
) -> tuple[float, float]:
    pelicans = ArticlesGenerator.__dict__["_build_period_archives"]
    linear = linear_period_archives(pelicans)
    dates = sorted(articles, key=lambda a: a.date, reverse=True)
    expected = pelicans(None, dates, articles, settings)
    assert by_identity(linear(None, dates, articles, settings)) == by_identity(expected)
    return (
        best(repeat, lambda: pelicans(None, dates, articles, settings)),
        best(repeat, lambda: linear(None, dates, articles, settings)),
    )


def time_translations(articles: list[Article], repeat: int) -> tuple[float, float]:
    linear = linear_translations(process_translations)
    ours = linear(list(articles), "slug")
    theirs = process_translations(list(articles), "slug")
    assert [list(map(id, part)) for part in ours] == [
        list(map(id, part)) for part in theirs
    ]
    return (
        best(repeat, lambda: process_translations(list(articles), "slug")),
        best(repeat, lambda: linear(list(articles), "slug")),
    )


def taxonomy_lists(articles: list[Article]) -> list[list[Article]]:
    """The story list of every tag, category and author, as Pelican makes
    them (each in the order of ``self.articles``)."""
    lists: dict[Any, list[Article]] = defaultdict(list)
    for article in articles:
        for tag in article.tags:
            lists[("tag", tag)].append(article)
        lists[("category", article.category)].append(article)
        for author in article.authors:
            lists[("author", author)].append(article)
    return list(lists.values())


def in_order_of(ordered: list[Any], items: list[Any]) -> list[Any]:
    """The members of ``items`` in the order of ``ordered`` (the patch's
    ``pelican.generators._in_order_of``)."""
    ids = {id(item) for item in items}
    return [item for item in ordered if id(item) in ids]


def time_pages(articles: list[Article], repeat: int) -> tuple[int, list[float]]:
    """How many lists, and the time to pick every page's stories: Pelican's
    way, with StoryList, with the patch's helper."""
    dates = sorted(articles, key=lambda a: a.date, reverse=True)
    plain = taxonomy_lists(articles)
    indexed = [StoryList(stories) for stories in plain]

    def pick(lists: list[Any]) -> list[list[Article]]:
        return [[a for a in dates if a in stories] for stories in lists]

    def patched() -> list[list[Article]]:
        return [in_order_of(dates, stories) for stories in plain]

    assert pick(indexed) == pick(plain) == patched()
    runs = (lambda: pick(plain), lambda: pick(indexed), patched)
    return len(plain), [best(repeat, run) for run in runs]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    settings = copy.deepcopy(DEFAULT_CONFIG)
    articles = stories(args.stories, settings)
    print(
        f"Pelican {pelican.__version__}, Python {platform.python_version()}, "
        f"{args.stories} stories, best of {args.repeat}"
    )
    print(f"{'step':<64} {'Pelican':>9} {'linear':>9}")

    yearly = dict(settings, YEAR_ARCHIVE_SAVE_AS="archives/{date:%Y}/index.html")
    every = dict(
        yearly,
        MONTH_ARCHIVE_SAVE_AS="archives/{date:%Y}/{date:%m}/index.html",
        DAY_ARCHIVE_SAVE_AS="archives/{date:%Y}/{date:%m}/{date:%d}/index.html",
    )
    rows = [
        (
            "period archives, yearly (the site's settings)",
            time_archives(articles, yearly, args.repeat),
        ),
        (
            "period archives, yearly + monthly + daily",
            time_archives(articles, every, args.repeat),
        ),
        (
            "process_translations (translation id: slug)",
            time_translations(articles, args.repeat),
        ),
    ]
    count, (pelicans, indexed, patched) = time_pages(articles, args.repeat)
    pages = f"tag, category, author pages' stories ({count} lists)"
    rows.append((f"{pages}, StoryList", (pelicans, indexed)))
    rows.append((f"{pages}, the patch", (pelicans, patched)))
    for what, (theirs, ours) in rows:
        print(f"{what:<64} {theirs:>8.3f}s {ours:>8.3f}s")


if __name__ == "__main__":
    main()
