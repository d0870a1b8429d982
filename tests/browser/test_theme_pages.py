"""The fallback WoW pages in other blogs' themes, in a browser: in the theme's
content column, no wider than the screen at 320 px, and no serious axe
violation in what the plugin writes, light and dark."""

from __future__ import annotations

import json

import pytest
from selenium_axe_python import Axe

from chromium import serve
from otherblog import BLOG, BLOG_SETTINGS
from sitebuild import FIXTURES, build_site

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")
THEMES = {"notmyidea": "notmyidea", "simple": "simple", "sidebar": None}
PAGES = [
    "wow/",
    "wow/touchpoint/store/",
    "wow/touchpoint/store/wow/",
    "wow/company/",
    "wow/company/corner-bakery/",
]


@pytest.fixture(scope="module", params=sorted(THEMES))
def themed_site(request, tmp_path_factory):
    theme = THEMES[request.param] or str(FIXTURES / "themes" / request.param)
    out = tmp_path_factory.mktemp(request.param) / "out"
    result = build_site(BLOG, out, theme=theme, **BLOG_SETTINGS)
    assert result.returncode == 0, result.log
    with serve(result.output) as base:
        yield base


def box(browser, selector: str) -> dict[str, float]:
    return browser.driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {left: r.left, right: r.right};",
        selector,
    )


@pytest.mark.parametrize("path", PAGES)
def test_in_the_themes_column_and_as_wide_as_the_screen(browser, themed_site, path):
    browser.color_scheme("light")
    browser.viewport(1280, 900)
    browser.driver.get(themed_site + "baker-remembered.html")
    article = box(browser, "article")
    browser.driver.get(themed_site + path)
    page = box(browser, ".wow-page")
    # The same column as an article's text, not the window's edges.
    assert article["left"] - 1 <= page["left"] and page["right"] <= article["right"] + 1
    assert page["left"] > 0 or article["left"] == 0
    browser.viewport(320, 900, mobile=True)
    browser.driver.get(themed_site + path)
    overflow = browser.driver.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth"
    )
    assert overflow <= 0, f"{path} is {overflow}px wider than a 320px screen"
    # A table wider than the column scrolls in its own region; it is not cut
    # off by the theme's box (notmyidea's hides what overflows it).
    cut = browser.driver.execute_script(
        "const right = document.querySelector('.wow-page')"
        "  .getBoundingClientRect().right;"
        "return [...document.querySelectorAll('.wow-page table')].filter(t =>"
        "  t.getBoundingClientRect().right > right + 1"
        "  && !['auto', 'scroll'].includes("
        "    getComputedStyle(t.parentElement).overflowX)"
        ").map(t => t.className);"
    )
    assert cut == [], f"{path}: {cut} cut off at 320px"


def blocking(browser, url: str, selector: str) -> dict[str, dict]:
    """Serious and critical axe violations inside ``selector``, by rule."""
    browser.driver.get(url)
    axe = Axe(browser.driver)
    axe.inject()
    results = browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run({include: [[arguments[0]]]}, JSON.parse(arguments[1])).then(done);",
        selector,
        json.dumps({"resultTypes": ["violations"]}),
    )
    return {v["id"]: v for v in results["violations"] if v["impact"] in BLOCKING}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_axe_violation_the_themes_own_article_has_not(
    browser, themed_site, path, scheme
):
    """What the WoW content adds; the theme's own colours (notmyidea's dark
    links fail contrast on its articles too) are the theme's."""
    browser.color_scheme(scheme)
    browser.viewport(1280, 900)
    theirs = blocking(browser, themed_site + "baker-remembered.html", "article")
    ours = blocking(browser, themed_site + path, ".wow-page")
    added = [v for rule, v in ours.items() if rule not in theirs]
    assert added == [], Axe.report(added)
