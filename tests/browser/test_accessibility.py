"""axe-core in headless Chromium: no serious or critical violation on the
pages readers use most, in light and in dark mode; and no console error
(a refused script or style under the CSP would show there)."""

from __future__ import annotations

import json

import pytest
from selenium_axe_python import Axe

from site_pages import open_page

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")
# Dark and light backgrounds from style.css, as the browser computes them.
BACKGROUNDS = {"light": "rgb(251, 250, 247)", "dark": "rgb(19, 19, 22)"}


def pages(reader_site, site_data: dict) -> dict[str, str]:
    """Home, a story with a journey, the index, a touchpoint, a cell, a
    company, the insight pages (trends, the company comparison, journeys)
    and search (with filters ticked, so results are on screen)."""
    story = next(s for s in site_data["stories"] if len(s["moments"]) >= 2)
    companies = reader_site.output / "wow" / "company"
    slug = sorted(p.name for p in companies.iterdir() if p.is_dir())[0]
    return {
        "home": "",
        "article": story["url"],
        "index": "wow/",
        "touchpoint": "wow/touchpoint/phone/",
        "cell": "wow/touchpoint/phone/bad/",
        "company": f"wow/company/{slug}/",
        "trends": "wow/trends/",
        "companies": "wow/company/",
        "journeys": "wow/journeys/",
        "search": "search/?verdict=bad&touchpoint=phone",
    }


def run_axe(browser) -> dict:
    axe = Axe(browser.driver)
    axe.inject()
    return browser.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, JSON.parse(arguments[0])).then(done);",
        json.dumps({"resultTypes": ["violations", "passes"]}),
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "name",
    [
        "home",
        "article",
        "index",
        "touchpoint",
        "cell",
        "company",
        "trends",
        "companies",
        "journeys",
        "search",
    ],
)
def test_no_serious_accessibility_violations(
    browser, reader_site, site_url, site_data, name, scheme
):
    browser.color_scheme(scheme)
    browser.viewport(1280, 900)
    browser.console_problems()  # start from a clean log
    open_page(browser, site_url + pages(reader_site, site_data)[name])
    assert "404" not in browser.driver.title and "not found" not in browser.driver.title
    background = browser.driver.execute_script(
        "return getComputedStyle(document.body).backgroundColor"
    )
    assert background == BACKGROUNDS[scheme]  # the colour scheme really applies

    results = run_axe(browser)
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], Axe.report(blocking)
    passed = {rule["id"] for rule in results["passes"]}
    assert {"color-contrast", "landmark-one-main", "html-has-lang"} <= passed
    assert browser.console_problems() == []


def test_axe_reports_a_contrast_failure_when_there_is_one(browser, site_url):
    """The check above can fail: grey on grey text is caught."""
    browser.color_scheme("light")
    open_page(browser, site_url)
    browser.driver.execute_script(
        "const p = document.createElement('p');"
        "p.textContent = 'Hard to read';"
        "p.setAttribute('class', 'card');"
        "p.style.color = '#bbbbbb'; p.style.background = '#cccccc';"
        "document.querySelector('main').append(p);"
    )
    results = run_axe(browser)
    ids = {v["id"] for v in results["violations"] if v["impact"] in BLOCKING}
    assert "color-contrast" in ids
