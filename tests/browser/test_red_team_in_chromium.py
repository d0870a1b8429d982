"""The red-team corpus in a browser: no page of it navigates, opens a dialog,
logs an error or holds an element or handler from a payload.

Payloads call ``hostile(…)``, ``alert(…)`` or set ``window.hostileRan``;
before any page script runs, the browser is given a ``hostile`` and an
``alert`` that only record their calls, so a handler that fired on load
(``onerror``, ``onfocus`` with ``autofocus``) is seen even where it would not
have shown anything. Handlers a reader must trigger (``onmouseover``) are
looked for in the DOM.
"""

from __future__ import annotations

import time

import pytest
from red_team_markup import STORIES, build_red_team
from selenium.common.exceptions import NoAlertPresentException

from chromium import serve

pytestmark = pytest.mark.browser

_RECORD = """
window.__hostileCalls = [];
window.hostile = (x) => window.__hostileCalls.push(String(x));
window.alert = (x) => window.__hostileCalls.push("alert " + String(x));
"""
_LIVE = """
const found = [];
const selector = 'x-hostile, meta[http-equiv="refresh" i], iframe, object, embed, ' +
  'script[src*="hostile"], [data-pagefind-filter*="hostile"], ' +
  '[data-pagefind-meta*="hostile"]';
for (const element of document.querySelectorAll(selector)) {
  found.push(element.outerHTML.slice(0, 80));
}
for (const element of document.querySelectorAll('*')) {
  for (const attribute of element.attributes) {
    const value = attribute.value.replace(/[\\s\\x00-\\x20]/g, '').toLowerCase();
    if (attribute.name.startsWith('on') || value.startsWith('javascript:')) {
      found.push(element.tagName + ' ' + attribute.name);
    }
  }
}
return {found, calls: window.__hostileCalls || null, ran: window.hostileRan || null};
"""
PAGES = ["", "archives/", "wow/", *(case.page for case in STORIES)]


@pytest.fixture(scope="module")
def red_team_url(tmp_path_factory):
    output = tmp_path_factory.mktemp("red-team-browser") / "output"
    result = build_red_team(output)
    assert result.returncode == 0, result.log
    with serve(output) as base:
        yield base


@pytest.fixture(scope="module")
def recording_browser(browser):
    browser.driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": _RECORD}
    )
    return browser


@pytest.mark.parametrize("page", PAGES)
def test_no_payload_runs_navigates_or_stays_in_the_page(
    recording_browser, red_team_url, page
):
    driver = recording_browser.driver
    recording_browser.console_problems()  # start from a clean log
    url = red_team_url + page
    driver.get(url)
    time.sleep(0.3)  # a refresh of 0 seconds, or an autofocus handler
    assert driver.current_url == url
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the test
    state = driver.execute_script(_LIVE)
    assert state == {"found": [], "calls": [], "ran": None}, page
    assert recording_browser.console_problems() == []


def test_a_published_svg_runs_nothing(recording_browser, red_team_url):
    driver = recording_browser.driver
    recording_browser.console_problems()
    driver.get(red_team_url + "images/chart.svg")
    time.sleep(0.3)
    assert driver.current_url == red_team_url + "images/chart.svg"
    assert driver.execute_script("return window.__hostileCalls") == []
    # An image opened on its own has no page to name the site's icon.
    problems = recording_browser.console_problems()
    assert [p for p in problems if "/favicon.ico " not in p] == []
