"""The bad-input corpus, built the way ``make build`` builds the site.

For every case: the build finishes with a message naming the file (and the
line where there is one), every valid story is still published, and the
number of stories a reader finds equals the number of valid stories given.
In strict mode the same problems fail the build before anything is written.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus import (
    CONTENT_CASES,
    CONTROL_PAGES,
    CONTROL_STORIES,
    MOMENTS,
    SETTINGS_CASES,
    Case,
    content_folder,
)
from sitebuild import Build, build_like_the_site

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"
_HEADING = re.compile(
    r'<article class="(?P<kind>story|page)"[^>]*>.*?<h1[^>]*>(?P<title>.*?)</h1>', re.S
)


def published(output: Path) -> dict[str, list[str]]:
    """Titles of the story and page files a reader can open, by kind."""
    found: dict[str, list[str]] = {"story": [], "page": []}
    for page in sorted(output.rglob("*.html")):
        match = _HEADING.search(page.read_text(encoding="utf-8"))
        if match:
            found[match["kind"]].append(match["title"])
    return found


def feed_entries(output: Path) -> int:
    feed = ET.parse(output / "feeds" / "all.atom.xml").getroot()
    return len(feed.findall(f"{ATOM}entry"))


def build(tmp_path: Path, cases: list[Case], **settings: object) -> Build:
    content = content_folder(tmp_path / "content", cases)
    return build_like_the_site(content, tmp_path / "output", **settings)


def assert_nothing_lost(result: Build, cases: list[Case]) -> None:
    """Every valid story and page is published, and only those."""
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log, result.log
    found = published(result.output)
    assert set(CONTROL_STORIES) <= {
        t for t in found["story"] if t in CONTROL_STORIES
    }, found
    assert set(CONTROL_PAGES) <= set(found["page"]), found
    stories = len(CONTROL_STORIES) + sum(c.stories for c in cases)
    assert len(found["story"]) == stories, found["story"]
    assert feed_entries(result.output) == stories
    assert len(found["page"]) == len(CONTROL_PAGES) + sum(c.pages for c in cases)
    index = json.loads(result.read("wow/index.json"))
    assert {"A reply within the hour", "A parcel in the hedge"} <= {
        s["title"] for s in index["stories"]
    }


def assert_strict_failure(result: Build, cases: list[Case]) -> None:
    """The build failed naming every problem, and wrote nothing."""
    assert result.returncode != 0, result.log
    assert "WowContentError" in result.log
    report = result.log[result.log.index("WowContentError") :]
    for case in cases:
        if case.is_problem:
            assert re.search(case.message, report), (case.name, result.log)
    written = [p for p in result.output.rglob("*") if p.is_file()]
    assert written == []


@pytest.mark.parametrize("case", CONTENT_CASES, ids=str)
def test_each_case_alone_loses_nothing_and_says_where(case, tmp_path):
    result = build(tmp_path, [case])
    assert_nothing_lost(result, [case])
    if case.is_problem:
        assert re.search(case.message, result.log), result.log
    else:
        assert "content/stories/" not in result.log, result.log


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Build:
    """The control content and every content case, in one build."""
    return build(tmp_path_factory.mktemp("corpus"), CONTENT_CASES)


def test_the_whole_corpus_at_once_loses_nothing(corpus_site):
    assert_nothing_lost(corpus_site, CONTENT_CASES)
    for case in CONTENT_CASES:
        if case.is_problem:
            assert re.search(case.message, corpus_site.log), case.name


def story_page(site: Build, slug: str) -> BeautifulSoup:
    return site.soup(f"stories/{slug}/index.html")


def test_accepted_input_is_published_as_written(corpus_site):
    def title(slug: str) -> str:
        return story_page(corpus_site, slug).h1.get_text()

    assert title("saved-with-a-byte-order-mark") == "Saved with a byte order mark"
    assert title("refund-yes-reason-none-given") == "Refund: yes; reason: none given"
    assert "Ratio: Home & Garden Ltd." in story_page(
        corpus_site, "refund-yes-reason-none-given"
    ).get_text(" ")
    unicode_title = "מסעדה ליד הים 🌊 — Cafe\u0301 \u202eevil\u202c"
    unicode_pages = [
        p for p in corpus_site.output.glob("stories/*/index.html")
        if unicode_title in p.read_text(encoding="utf-8")
    ]  # fmt: skip
    assert len(unicode_pages) == 1
    assert title("the-first-title-the-second-title") == "The first title"
    assert title("bell-and-31mred0m") == "Bell and [31mred[0m"
    # The five megabytes are all there.
    huge = corpus_site.output / "stories/five-megabytes-of-waiting/index.html"
    assert huge.stat().st_size > 5 * 1024 * 1024


def test_tags_in_odd_case_are_read_and_grouped(corpus_site):
    data = json.loads(corpus_site.read("wow/index.json"))
    story = next(s for s in data["stories"] if s["title"] == "Tags in odd case")
    assert story["touchpoints"] == ["phone"] and story["verdict"] == "bad"
    company = corpus_site.soup("wow/company/lantern-broadband/index.html")
    assert len(company.select("article.card")) == 2  # with the control story


def test_ten_thousand_moments_are_all_indexed(corpus_site):
    data = json.loads(corpus_site.read("wow/index.json"))
    story = next(s for s in data["stories"] if s["title"] == "Ten thousand calls")
    assert len(story["moments"]) == MOMENTS
    assert data["moment_matrix"]["phone"]["bad"] == MOMENTS
    page = story_page(corpus_site, "ten-thousand-calls")
    assert len(page.select("nav.journey li")) == MOMENTS


def test_a_company_without_letters_gets_its_own_page(corpus_site):
    companies = corpus_site.soup("wow/company/index.html")
    links = {a.get_text(): a["href"] for a in companies.select("main a")}
    assert "☕☕" in links
    assert links["☕☕"].rstrip("/").rsplit("/", 1)[-1].startswith("company-")


def test_unclosed_html_cannot_swallow_the_page(corpus_site):
    page = story_page(corpus_site, "unclosed-html")
    footer = page.find("footer", class_="site-footer")
    assert footer is not None and footer.parent.name == "body"
    assert "The rest of the story." in page.find("div", class_="story-body").get_text()


def test_feeds_stay_valid_xml_with_control_characters(corpus_site):
    for feed in corpus_site.output.rglob("*.xml"):
        ET.parse(feed)  # raises on a character XML 1.0 forbids
    assert feed_entries(corpus_site.output) > len(CONTROL_STORIES)


def test_strict_mode_fails_on_every_problem_and_writes_nothing(tmp_path):
    result = build(tmp_path, CONTENT_CASES, WOW_STRICT=True)
    assert_strict_failure(result, CONTENT_CASES)


def test_strict_mode_accepts_the_input_that_is_not_a_problem(tmp_path):
    accepted = [c for c in CONTENT_CASES if not c.is_problem]
    assert len(accepted) >= 6
    result = build(tmp_path, accepted, WOW_STRICT=True)
    assert_nothing_lost(result, accepted)


@pytest.mark.parametrize("case", SETTINGS_CASES, ids=str)
def test_bad_settings_stop_the_build_before_anything_is_written(case, tmp_path):
    result = build(tmp_path, [], **case.settings)
    assert result.returncode != 0
    assert re.search(case.message, result.log), result.log
    assert not result.output.exists() or not any(result.output.rglob("*.html"))


def test_the_corpus_is_big_enough():
    assert len(CONTENT_CASES) + len(SETTINGS_CASES) >= 30
    assert len({c.name for c in CONTENT_CASES + SETTINGS_CASES}) == len(
        CONTENT_CASES + SETTINGS_CASES
    )


_PROBLEM = re.compile(
    r"(content/\S+?(?::\d+)?: [\w ]+: .*?)(?:\s+\w+\.py:\d+)?\s*$", re.M
)


def problems_told(log: str) -> list[str]:
    """The plugin's problem lines (``path:line: field: message``)."""
    return sorted(match[1] for match in _PROBLEM.finditer(log))


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_a_warm_build_tells_the_same_problems(layer, tmp_path):
    """Pelican's content cache keeps what the reader read, or the content
    objects themselves ("generator"): either way a build from the cache
    names every problem the first build named."""
    cases = [case for case in CONTENT_CASES if case.is_problem]
    content = content_folder(tmp_path / "content", cases)
    cache = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": layer,
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    cold = build_like_the_site(content, tmp_path / "cold", **cache)
    warm = build_like_the_site(content, tmp_path / "warm", **cache)
    assert cold.returncode == 0 and warm.returncode == 0, cold.log + warm.log
    told = problems_told(cold.log)
    assert len(told) >= len(cases) // 2, cold.log
    assert problems_told(warm.log) == told
