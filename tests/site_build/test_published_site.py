"""The published build (`invoke publish`: publishconf.py, absolute URLs) as
machines read it: schema.org Review data, Open Graph and Twitter cards,
sitemap.xml, robots.txt and Atom feeds; and nothing a writer types can break
out of the JSON-LD block or into markup."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, build_real_site, html_files

SITEURL = "https://outside-in.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("published") / "output"
    build = build_real_site(out, "publishconf.py", env={"SITEURL": SITEURL})
    assert build.returncode == 0, build.log
    return build


def structured_data(page: BeautifulSoup) -> dict:
    blocks = page.select('script[type="application/ld+json"]')
    assert len(blocks) == 1
    return json.loads(blocks[0].string)


def meta(page: BeautifulSoup, key: str) -> str:
    tag = page.find("meta", attrs={"property": key}) or page.find(
        "meta", attrs={"name": key}
    )
    assert tag is not None, key
    return tag["content"]


def test_every_story_is_a_schema_org_review_of_its_company(published):
    data = json.loads(published.read("wow/index.json"))
    labels = {t["slug"]: t["label"] for t in data["touchpoints"]}
    verdicts = {v["slug"]: v for v in data["verdicts"]}
    for story in data["stories"]:
        page = published.soup(story["url"] + "index.html")
        review = structured_data(page)
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "Review"
        assert review["name"] == review["headline"] == story["title"]
        assert review["url"] == f"{SITEURL}/{story['url']}"
        assert review["datePublished"] == story["date"]
        assert review["author"] == {"@type": "Person", "name": story["author"]}
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (
            rating["ratingValue"]
            == story["rating"]
            == verdicts[story["verdict"]]["rating"]
        )
        assert (rating["worstRating"], rating["bestRating"]) == (1, len(verdicts))
        assert review["reviewAspect"] == [labels[t] for t in story["touchpoints"]]
        if story["company"]:
            assert review["itemReviewed"] == {
                "@type": "Organization",
                "name": story["company"],
            }
        else:
            assert review["itemReviewed"]["@type"] == "Service"
            assert review["itemReviewed"]["name"] == labels[story["primary_touchpoint"]]


def test_essays_are_blog_postings_not_reviews(published):
    for essay in sorted((ROOT / "content" / "essays").glob("*.md")):
        slug = re.search(r"^Slug: (.+)$", essay.read_text(), re.M).group(1)
        data = structured_data(published.soup(f"stories/{slug}/index.html"))
        assert data["@type"] == "BlogPosting"
        assert "reviewRating" not in data


def test_stories_carry_open_graph_and_twitter_cards(published):
    page = published.soup("stories/three-promised-call-backs/index.html")
    url = f"{SITEURL}/stories/three-promised-call-backs/"
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "Three promised call-backs, none came"
    assert meta(page, "og:url") == url
    assert page.select_one('link[rel="canonical"]')["href"] == url
    assert meta(page, "og:description").startswith("A faulty laptop screen")
    assert meta(page, "og:site_name") == "Outside In"
    assert meta(page, "twitter:card") == "summary"
    assert meta(page, "article:published_time") == "2026-03-02T09:15:00+00:00"
    index = published.soup("wow/index.html")
    assert meta(index, "og:url") == f"{SITEURL}/wow/"
    assert meta(index, "og:type") == "website"


def test_sitemap_has_an_absolute_url_for_every_page(published):
    root = ET.fromstring(published.read("sitemap.xml"))
    assert root.tag == f"{SITEMAP}urlset"
    locs = [url.findtext(f"{SITEMAP}loc") for url in root]
    for url in root:
        lastmod = url.findtext(f"{SITEMAP}lastmod")
        if lastmod:
            datetime.strptime(lastmod, "%Y-%m-%d")
    assert all(loc.startswith(SITEURL + "/") for loc in locs)
    paths = {loc.removeprefix(SITEURL + "/") for loc in locs}
    for path in paths:
        assert (published.output / path / "index.html").is_file(), path
    assert {"", "wow/", "search/", "stories/three-promised-call-backs/"} <= paths


def test_robots_txt_points_at_the_sitemap(published):
    robots = published.read("robots.txt")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_every_atom_feed_is_well_formed_with_absolute_links(published):
    feeds = sorted(published.output.rglob("*.atom.xml")) + sorted(
        published.output.rglob("atom.xml")
    )
    assert len(feeds) > 10
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed", feed
        for element in [root, *root.findall(f"{ATOM}entry")]:
            assert element.findtext(f"{ATOM}id"), feed
            assert element.findtext(f"{ATOM}title"), feed
            datetime.fromisoformat(element.findtext(f"{ATOM}updated"))
        links = [link.get("href") for link in root.iter(f"{ATOM}link")]
        assert links and all(urlparse(h).scheme == "https" for h in links), feed
        assert root.findall(f"{ATOM}entry"), feed


HOSTILE = """Title: Fine </script><script>alert("title")</script> & done
Date: 2026-01-01 10:00
Slug: hostile
Touchpoint: phone
Verdict: bad
Company: <img src=x onerror=alert(1)> & Sons
Summary: Summary with </script><b>markup</b> & more.

A story whose writer typed markup where it does not belong.
"""


def test_nothing_a_writer_types_escapes_into_markup_or_the_json_ld(tmp_path):
    content = tmp_path / "content"
    (content / "stories").mkdir(parents=True)
    (content / "stories" / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    build = build_real_site(tmp_path / "output", "publishconf.py", content=content,
                            strict=False, env={"SITEURL": SITEURL})  # fmt: skip
    assert build.returncode == 0, build.log
    for page in html_files(build.output):
        if "pagefind" in page.parts:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.find("img") is None, page
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json"
    soup = build.soup("stories/hostile/index.html")
    data = structured_data(soup)
    assert data["itemReviewed"]["name"] == "<img src=x onerror=alert(1)> & Sons"
    assert (
        "</script>" not in soup.select_one('script[type="application/ld+json"]').string
    )
    assert "alert" in soup.h1.get_text() and soup.h1.find("script") is None
    assert soup.find("a", string=re.compile("onerror")) is not None  # shown as text
    # Attributes keep what was typed, quotes and all, inside their own value.
    assert meta(soup, "og:title") == 'Fine alert("title") & done'
    assert meta(soup, "description") == "Summary with markup & more."
    allowed = {
        "name",
        "property",
        "content",
        "charset",
        "http-equiv",
        "data-pagefind-meta",
    }
    for tag in soup.find_all("meta"):
        assert set(tag.attrs) <= allowed, tag


def test_published_pages_use_absolute_urls_only(published):
    for path in ["index.html", "wow/index.html", "search/index.html"]:
        page = published.soup(path)
        for tag in page.select("a[href], link[href], script[src]"):
            link = tag.get("href") or tag.get("src")
            if link.startswith("#"):
                continue
            assert link.startswith((SITEURL, "/")), (path, link)
    assert Path(published.output / "pagefind" / "pagefind.js").is_file()
