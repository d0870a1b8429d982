"""Opening pages of the built site in the browser, waiting for the search
page's script to settle where there is one."""

from __future__ import annotations

from selenium.webdriver.support.ui import WebDriverWait

from chromium import Browser


def open_page(browser: Browser, url: str) -> None:
    """Load ``url``; on the search page, wait until its results are drawn."""
    browser.driver.get(url)
    if "/search/" in url:
        wait_for_search(browser)


def wait_for_search(browser: Browser) -> None:
    """Wait for the search script to finish its latest update."""
    WebDriverWait(browser.driver, 20).until(
        lambda d: d.execute_script(
            "const f = document.getElementById('search');"
            "const l = document.getElementById('search-results');"
            "return f.dataset.ready === 'true'"
            " && l.getAttribute('aria-busy') === 'false';"
        )
    )
