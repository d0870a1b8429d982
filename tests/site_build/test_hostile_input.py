"""Nothing a writer types becomes markup, script or template code.

The hostile fixture puts markup, ``<script>``, ``javascript:`` URLs,
attribute-breaking quotes, ``</script>`` and template syntax into titles,
companies, summaries, authors, tags, moment headings and a page, and the
settings put them into touchpoint and verdict labels, descriptions and
stages. Every built file is walked (see ``hostile.findings``); the same
text must still be shown to readers, as text.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from hostile import (
    CONTENT,
    HOSTILE_VOCABULARY,
    findings,
    html_findings,
    terminal_findings,
)
from sitebuild import Build, build_like_the_site, build_site

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"
COMPANY = (
    '<img src=x onerror=hostile("c")> " onmouseover="hostile(1)" x=" '
    "' onfocus='hostile(2)' </script><x-hostile>{{ 6007*7 }}"
)
PHONE = HOSTILE_VOCABULARY["WOW_TOUCHPOINTS"]["phone"]["label"]


def heading(page: BeautifulSoup) -> str:
    """The page's own heading (not the site name), as a reader reads it."""
    return page.select_one("section.wow-term h1, main h1").get_text()


def company_page(site: Build) -> BeautifulSoup:
    """The page of the hostile company (the other one is Lantern's)."""
    [page] = [
        p for p in site.output.glob("wow/company/*/index.html")
        if "lantern" not in str(p)
    ]  # fmt: skip
    return site.soup(str(page.relative_to(site.output)))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp("hostile") / "output"
    result = build_like_the_site(CONTENT, out, **HOSTILE_VOCABULARY)
    assert result.returncode == 0, result.log
    # The search index, as make build makes it after Pelican.
    search = [sys.executable, "-m", "pagefind", "--site", str(out), "--silent"]
    indexed = subprocess.run(search, capture_output=True, text=True)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    result.log += indexed.stdout + indexed.stderr
    return result


def test_the_walk_finds_what_it_looks_for():
    page = (
        '<p><x-hostile></x-hostile><a href=" java\tscript:x()">a</a>'
        '<img src=x onerror="x()"><script>hostile()</script>'
        '<script type="application/ld+json">{"a": "</script>"}</script></p>'
    )
    found = list(html_findings(page, "page"))
    # The first </script> ends the JSON-LD early, as it would in a browser.
    assert [f.split(": ")[1][:12] for f in found] == [
        "a <x-hostile",
        "a script fro",
        "JSON-LD that",
        "a javascript",
        "an event han",
    ], found
    assert list(html_findings("<p>&lt;x-hostile&gt; text</p>", "page")) == []


def test_no_built_file_carries_live_markup_script_or_template_code(site):
    assert len(list(site.output.rglob("*.html"))) > 20
    assert len(list(site.output.glob("pagefind/fragment/*"))) >= 3
    assert findings(site.output) == []


def test_the_build_output_carries_no_escape_sequences(site):
    assert terminal_findings(site.log) == []


def test_hostile_text_is_shown_as_text_where_readers_see_it(site):
    assert heading(company_page(site)) == COMPANY
    assert heading(site.soup("wow/touchpoint/phone/index.html")) == PHONE
    [path] = site.output.glob("stories/hostiletitle-*/index.html")
    story = site.soup(str(path.relative_to(site.output)))
    assert 'hostile("title") "double" \'single\'' in heading(story)
    journey = [li.a.get_text() for li in story.select("nav.journey li")]
    assert len(journey) == 2
    assert journey[0].startswith('Rang "the"') and "onmouseover='x" in journey[0]
    assert journey[1].startswith("Waited for the")
    assert "{{ 6007*7 }} {% if true %}" in story.select_one(".story-body").get_text()


def test_json_and_feeds_keep_the_text_as_data(site):
    raw = site.read("wow/index.json")
    assert "<" not in raw
    data = json.loads(raw)
    [hostile] = [s for s in data["stories"] if "hostile" in (s["company"] or "")]
    assert hostile["company"] == COMPANY
    assert data["touchpoints"][0]["label"] == PHONE
    feed = ET.parse(site.output / "wow/touchpoint/phone/atom.xml").getroot()
    # Pelican strips tags from feed titles; the rest stays, as text.
    assert 'Phone " onmouseover="hostile(12)"' in feed.find(f"{ATOM}title").text


def test_writers_are_told_what_was_removed(site):
    assert "hostile.md:6: Summary: removed <script>, javascript: URL" in site.log
    assert "hostile.md: text: removed" in site.log


@pytest.mark.parametrize(
    ("theme", "autoescape", "sanitize"),
    [("notmyidea", False, True), ("simple", True, False)],
)
def test_the_plugins_own_templates_escape_with_any_theme(
    theme, autoescape, sanitize, tmp_path
):
    # The theme's own templates show page titles unescaped (with autoescape
    # off): that is the theme's business, so the hostile page stays out.
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("pages"))
    result = build_site(
        content,
        tmp_path / "output",
        THEME=theme,
        JINJA_ENVIRONMENT={"autoescape": autoescape},
        WOW_SANITIZE_HTML=sanitize,
        **HOSTILE_VOCABULARY,
    )
    assert result.returncode == 0, result.log
    # Only what the plugin writes: the theme's own pages are the theme's, and
    # feeds carry the story's own HTML unless WOW_SANITIZE_HTML cleans it.
    assert findings(result.output, "wow/**/*.html") == []
    assert findings(result.output, "wow/**/*.json") == []
    if sanitize:
        assert findings(result.output, "**/*.xml") == []
    assert len(list(result.output.glob("wow/**/*.html"))) >= 6
    assert heading(company_page(result)) == COMPANY
    assert terminal_findings(result.log) == []


def test_the_search_index_holds_the_text_readers_see(site):
    fragments = [
        json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        for path in site.output.glob("pagefind/fragment/*")
    ]
    [story] = [f for f in fragments if f["url"].startswith("/stories/hostiletitle")]
    [path] = site.output.glob("stories/hostiletitle-*/index.html")
    assert story["meta"]["title"] == heading(
        site.soup(str(path.relative_to(site.output)))
    )
    assert "hostile(9)" not in story["content"]  # the removed handler is gone
