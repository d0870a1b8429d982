"""Fixtures for tests that drive headless Chromium: one static server for
the shared build, one browser per test module."""

from __future__ import annotations

import json

import pytest

from chromium import Browser, find_browser, serve
from system_tools import require


@pytest.fixture(scope="session")
def site_url(reader_site):
    """Base URL of the built site, served on 127.0.0.1."""
    with serve(reader_site.output) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    require(find_browser(), "Chromium and its driver")
    chromium = Browser()
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def site_data(reader_site) -> dict:
    return json.loads(reader_site.read("wow/index.json"))
