"""With JavaScript off, readers browse by the index pages: every story is a
few links away, and the search page says so instead of showing a dead form."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from chromium import Browser, find_browser
from system_tools import require

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def no_js_browser():
    require(find_browser(), "Chromium and its driver")
    chromium = Browser(javascript=False)
    yield chromium
    chromium.close()


def test_search_page_explains_and_links_to_the_index_pages(no_js_browser, site_url):
    driver = no_js_browser.driver
    driver.get(site_url + "search/?verdict=bad")
    notice = driver.find_element(By.CSS_SELECTOR, "main .notice")
    assert notice.is_displayed()
    assert "Search needs JavaScript" in notice.text
    assert not driver.find_element(By.ID, "search").is_displayed()
    assert driver.find_element(By.ID, "search-results").text == ""
    links = [a.get_attribute("href") for a in notice.find_elements(By.TAG_NAME, "a")]
    assert site_url + "wow/" in links and site_url + "archives/" in links


def test_every_story_is_reachable_from_the_index_by_links(
    no_js_browser, site_url, site_data
):
    """Follow the matrix's cell links, as a reader without scripts would."""
    driver = no_js_browser.driver
    # WebDriver's own scripts still run; the page's would not.
    hrefs = "return [...document.querySelectorAll(arguments[0])].map(a => a.href)"
    driver.get(site_url + "wow/")
    cells = driver.execute_script(hrefs, "table.matrix td a")
    assert cells
    reached: set[str] = set()
    for cell in cells:
        driver.get(cell)
        reached |= {
            href.removeprefix(site_url)
            for href in driver.execute_script(hrefs, ".card-title a")
        }
    assert reached == {s["url"] for s in site_data["stories"]}
