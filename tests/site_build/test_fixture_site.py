"""Pelican builds of a small fixture site, checked the way a reader sees them."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from sitebuild import FIXTURES, broken_links, build_site

CONTENT = FIXTURES / "site" / "content"

# What the fixture's stories say, tag by tag (aliases and case included).
EXPECTED_CELLS = {
    ("phone", "bad"): {"Three call-backs that never came", "Not our department"},
    ("repair", "bad"): {"Three call-backs that never came"},
    ("packaging", "wow"): {"Days of the week on a blister pack"},
    ("returns", "good"): {"Returned, no questions asked"},
}
TAGGED_TITLES = set().union(*EXPECTED_CELLS.values())
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=["notmyidea", "simple"])
def site(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param) / "output"
    result = build_site(CONTENT, out, THEME=request.param)
    assert result.returncode == 0, result.log
    return result


def matrix_counts(site) -> dict[tuple[str, str], int]:
    """Read the matrix table as a reader would: row and column headers."""
    table = site.soup("wow/index.html").find("table")
    verdicts = [th.get_text(strip=True) for th in table.thead.find_all("th")][1:-1]
    labels = {"WoW": "wow", "Good": "good", "Meh": "meh", "Bad": "bad"}
    slugs = {
        "In store": "store",
        "Phone & call centre": "phone",
        "Repair & service": "repair",
        "Packaging": "packaging",
        "Returns & refunds": "returns",
    }
    counts = {}
    for row in table.tbody.find_all("tr"):
        label = row.th.get_text(strip=True)
        cells = [td.get_text(strip=True) for td in row.find_all("td")][:-1]
        for verdict, value in zip(verdicts, cells, strict=True):
            if int(value) and label in slugs:
                counts[(slugs[label], labels[verdict])] = int(value)
    return counts


def test_matrix_counts_equal_the_stories_tagged(site):
    assert matrix_counts(site) == {cell: len(t) for cell, t in EXPECTED_CELLS.items()}


def test_cell_pages_list_exactly_the_stories_of_the_cell(site):
    for (touchpoint, verdict), titles in EXPECTED_CELLS.items():
        page = site.soup(f"wow/touchpoint/{touchpoint}/{verdict}/index.html")
        links = {a.get_text(strip=True) for a in page.select(".wow-story > a")}
        assert links == titles


def test_touchpoint_verdict_and_company_pages_exist(site):
    for path in [
        "wow/touchpoint/phone/index.html",
        "wow/verdict/bad/index.html",
        "wow/company/index.html",
        "wow/company/quickfix-service-centre/index.html",
        "wow/company/steady-pharma/index.html",
    ]:
        assert (site.output / path).is_file(), path
    # The two spellings of QuickFix are one company with two stories.
    page = site.soup("wow/company/quickfix-service-centre/index.html")
    assert len(page.select(".wow-story")) == 2
    assert not (site.output / "wow/touchpoint/store/index.html").exists()


def test_every_link_in_the_wow_pages_resolves(site):
    pages = sorted((site.output / "wow").rglob("*.html"))
    assert len(pages) >= 10
    assert broken_links(site.output, pages) == []


def test_json_matches_the_content(site):
    data = json.loads(site.read("wow/index.json"))
    assert {s["title"] for s in data["stories"]} == TAGGED_TITLES
    by_title = {s["title"]: s for s in data["stories"]}
    callbacks = by_title["Three call-backs that never came"]
    assert callbacks["touchpoints"] == ["repair", "phone"]
    assert callbacks["verdict"] == "bad"
    assert callbacks["company"] == "QuickFix Service Centre"
    assert [(m["touchpoint"], m["verdict"]) for m in callbacks["moments"]] == [
        ("repair", "meh"),
        ("phone", "bad"),
    ]
    for (touchpoint, verdict), titles in EXPECTED_CELLS.items():
        assert data["matrix"][touchpoint][verdict] == len(titles)
    for story in data["stories"]:
        assert (site.output / story["url"]).exists()


def test_feeds_per_touchpoint_and_verdict(site):
    feed = ET.fromstring(site.read("wow/touchpoint/phone/atom.xml"))
    titles = {e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")}
    assert titles == EXPECTED_CELLS[("phone", "bad")]
    assert (site.output / "wow/verdict/wow/atom.xml").is_file()


def test_bad_tags_warn_with_file_line_and_did_you_mean_and_story_stays(site):
    assert "typo.md:3: Touchpoint: unknown touchpoint 'delivry'" in site.log
    assert 'did you mean "delivery"?' in site.log
    assert "typo.md:4: Verdict: unknown verdict 'baad'" in site.log
    assert (site.output / "a-story-with-typos.html").is_file()


def test_strict_mode_fails_the_build_naming_the_file(tmp_path):
    result = build_site(CONTENT, tmp_path / "out", WOW_STRICT=True)
    assert result.returncode != 0
    assert "WowContentError" in result.log
    assert "typo.md:4: Verdict: unknown verdict 'baad'" in result.log


def test_strict_mode_passes_on_clean_content(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "typo.md").unlink()
    result = build_site(content, tmp_path / "out", WOW_STRICT=True)
    assert result.returncode == 0, result.log


def test_pagination_and_custom_urls(tmp_path):
    result = build_site(
        CONTENT,
        tmp_path / "out",
        THEME="simple",
        WOW_PAGINATION=1,
        WOW_TOUCHPOINT_URL="experience/{slug}/",
        WOW_TOUCHPOINT_SAVE_AS="experience/{slug}/index.html",
        WOW_COMPANY_SAVE_AS="",
        WOW_COMPANIES_SAVE_AS="",
    )
    assert result.returncode == 0, result.log
    out = result.output
    assert (out / "experience/phone/index.html").is_file()
    assert (out / "experience/phone/index2.html").is_file()
    assert not (out / "wow/company").exists()
    page = result.soup("experience/phone/index.html")
    assert page.find("a", rel="next")
    assert broken_links(out, sorted(out.rglob("*.html"))) == []


def test_invalid_setting_fails_fast_naming_the_setting(tmp_path):
    result = build_site(CONTENT, tmp_path / "out", WOW_TOUCHPOINT_URL="t/{slg}/")
    assert result.returncode != 0
    assert "WOW_TOUCHPOINT_URL" in result.log and "{slg}" in result.log


def test_the_index_is_the_same_through_any_writer(tmp_path):
    """Pelican's own Writer gets the JSON piece by piece (never held whole);
    a site's own Writer renders it whole, as a page. Same bytes, and
    plugins hear of the file either way."""
    written = {}
    for route, own in (("streamed", False), ("rendered", True)):
        log = tmp_path / f"{route}.log"
        result = build_site(
            CONTENT,
            tmp_path / route,
            THEME="simple",
            PLUGIN_PATHS=[str(FIXTURES / "plugins")],
            PLUGINS=["pelican.plugins.wow_index", "own_writer"],
            TEST_OWN_WRITER=own,
            TEST_WRITTEN_LOG=str(log),
        )
        assert result.returncode == 0, result.log
        written[route] = (tmp_path / route / "wow" / "index.json").read_bytes()
        said = log.read_text(encoding="utf-8").splitlines()
        assert str(tmp_path / route / "wow" / "index.json") in said
        assert said.count(str(tmp_path / route / "wow" / "index.html")) == 1
    assert written["streamed"] == written["rendered"]
    assert json.loads(written["streamed"])["stories"]
