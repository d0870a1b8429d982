"""The search page, driven in Chromium the way a reader uses it: ticking
filters, arriving from the WoW index pre-filtered, typing words, clearing.
Expected results come from wow/index.json, not from the search index."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from chromium import Browser
from site_pages import open_page, wait_for_search

pytestmark = pytest.mark.browser


# Read in one script call: the list may be re-rendered between finding an
# element and reading it, which a reader never notices but a driver does.
def result_titles(browser: Browser) -> list[str]:
    return browser.driver.execute_script(
        "return [...document.querySelectorAll('#search-results h3 a')]"
        ".map(a => a.innerText.trim());"
    )


def result_paths(browser: Browser, site_url: str) -> set[str]:
    hrefs = browser.driver.execute_script(
        "return [...document.querySelectorAll('#search-results h3 a')]"
        ".map(a => a.href);"
    )
    return {href.removeprefix(site_url) for href in hrefs}


def tick(browser: Browser, facet: str, value: str) -> None:
    box = browser.driver.find_element(By.ID, f"f-{facet}-{value}")
    browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    wait_for_search(browser)


def count_shown(browser: Browser, facet: str, value: str) -> int:
    label = browser.driver.find_element(
        By.CSS_SELECTOR, f'label[for="f-{facet}-{value}"]'
    )
    return int(label.find_element(By.CSS_SELECTOR, ".count").text)


def stories(site_data: dict, **tags: str) -> list[dict]:
    """Stories whose verdict, touchpoints (any) and company match ``tags``."""
    found = []
    for story in site_data["stories"]:
        if "verdict" in tags and story["verdict"] != tags["verdict"]:
            continue
        if "touchpoint" in tags and tags["touchpoint"] not in story["touchpoints"]:
            continue
        if "company" in tags and story["company"] != tags["company"]:
            continue
        found.append(story)
    return found


def test_ticking_bad_and_phone_shows_exactly_those_stories(
    browser, site_url, site_data
):
    expected = stories(site_data, verdict="bad", touchpoint="phone")
    assert len(expected) >= 2
    browser.console_problems()
    open_page(browser, site_url + "search/")
    assert result_titles(browser) == []
    tick(browser, "verdict", "bad")
    assert len(result_titles(browser)) == len(stories(site_data, verdict="bad"))
    tick(browser, "touchpoint", "phone")

    assert sorted(result_titles(browser)) == sorted(s["title"] for s in expected)
    assert result_paths(browser, site_url) == {s["url"] for s in expected}
    # Newest first when browsing without words.
    assert result_titles(browser) == [s["title"] for s in expected]
    status = browser.driver.find_element(By.ID, "search-status").text
    assert status.startswith(f"{len(expected)} stories found")
    # Each box counts what ticking it would give, the other group kept.
    assert count_shown(browser, "verdict", "bad") == len(expected)
    assert count_shown(browser, "touchpoint", "phone") == len(expected)
    assert count_shown(browser, "verdict", "wow") == len(
        stories(site_data, verdict="wow", touchpoint="phone")
    )
    # The address says what is ticked, so the view can be shared.
    query = parse_qs(urlparse(browser.driver.current_url).query)
    assert query == {"verdict": ["bad"], "touchpoint": ["phone"]}
    assert browser.console_problems() == []


def test_the_wow_index_links_straight_into_a_filtered_search(
    browser, site_url, site_data
):
    open_page(browser, site_url + "wow/")
    link = browser.driver.find_element(
        By.CSS_SELECTOR, 'a.search-link[href*="verdict=bad"][href*="touchpoint=phone"]'
    )
    browser.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'})", link
    )
    link.click()
    wait_for_search(browser)
    expected = stories(site_data, verdict="bad", touchpoint="phone")
    assert sorted(result_titles(browser)) == sorted(s["title"] for s in expected)
    for facet, value in [("verdict", "bad"), ("touchpoint", "phone")]:
        assert browser.driver.find_element(By.ID, f"f-{facet}-{value}").is_selected()
    assert not browser.driver.find_element(By.ID, "f-verdict-wow").is_selected()


def test_filters_alone_browse_a_company_and_clear_all_empties_the_page(
    browser, site_url, site_data
):
    company_story = next(s for s in site_data["stories"] if s["company"])
    open_page(browser, site_url + "search/")
    boxes = browser.driver.find_elements(By.CSS_SELECTOR, 'input[name="company"]')
    label_of = {
        box.get_attribute("value"): browser.driver.find_element(
            By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"] .name'
        ).text
        for box in boxes
    }
    slug = next(s for s, name in label_of.items() if name == company_story["company"])
    tick(browser, "company", slug)
    expected = stories(site_data, company=company_story["company"])
    assert sorted(result_titles(browser)) == sorted(s["title"] for s in expected)

    browser.driver.find_element(By.CSS_SELECTOR, 'button[type="reset"]').click()
    wait_for_search(browser)
    # The reset is handled after the click returns: wait for what it shows.
    WebDriverWait(browser.driver, 10).until(lambda d: result_titles(browser) == [])
    assert urlparse(browser.driver.current_url).query == ""
    assert count_shown(browser, "verdict", "bad") == len(
        stories(site_data, verdict="bad")
    )


def test_words_and_filters_combine(browser, site_url, site_data):
    story = next(
        s
        for s in site_data["stories"]
        if s["url"].endswith("three-promised-call-backs/")
    )
    open_page(browser, site_url + "search/?q=promised")
    titles = result_titles(browser)
    assert story["title"] in titles
    marks = browser.driver.find_elements(By.CSS_SELECTOR, "#search-results mark")
    assert marks and all(
        "promis" in m.get_attribute("textContent").lower() for m in marks
    )
    # A verdict the story does not have removes it; its own keeps it.
    open_page(browser, site_url + "search/?q=promised&verdict=wow")
    assert story["title"] not in result_titles(browser)
    open_page(browser, site_url + f"search/?q=promised&verdict={story['verdict']}")
    assert story["title"] in result_titles(browser)


def test_typing_in_the_box_searches_as_you_type(browser, site_url):
    open_page(browser, site_url + "search/")
    box = browser.driver.find_element(By.ID, "q")
    box.send_keys("blister")
    wait_for_search(browser)
    assert any("blister" in t.lower() for t in result_titles(browser))
    assert parse_qs(urlparse(browser.driver.current_url).query) == {"q": ["blister"]}


def test_more_than_a_page_of_results_loads_on_request(browser, site_url, site_data):
    every_verdict = "&".join(f"verdict={v['slug']}" for v in site_data["verdicts"])
    open_page(browser, site_url + "search/?" + every_verdict)
    total = len(site_data["stories"])
    assert total > 20
    assert len(result_titles(browser)) == 20
    more = browser.driver.find_element(By.ID, "search-more")
    browser.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'})", more
    )
    more.click()
    WebDriverWait(browser.driver, 10).until(
        lambda d: len(result_titles(browser)) == total
    )
    assert not more.is_displayed()
