"""Nothing in a writer's files runs script or replaces a page after cleaning.

The red-team corpus (``tests/red_team_markup.py``) is built with the site's
own settings, with relative URLs (``make build``) and absolute ones
(``invoke publish``), and indexed by Pagefind. Each case is looked for in
its story page, the listings that show its summary, every Atom feed,
``wow/index.json`` and the search index; the writer is told about every
link that was not made and every file that was not published, in the build
and by ``check`` before any build. Headless Chromium opens the pages in
``tests/browser/test_red_team_in_chromium.py``.
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
from red_team_markup import (
    ABSOLUTE,
    ALLOWED,
    CASES,
    CONTENT,
    STATIC,
    STORIES,
    Case,
    build_red_team,
)

from hostile import findings, html_findings
from sitebuild import ROOT, Build, build_like_the_site

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module", params=["relative", "absolute"])
def site(request, tmp_path_factory) -> Build:
    out = tmp_path_factory.mktemp(f"red-team-{request.param}") / "output"
    settings = ABSOLUTE if request.param == "absolute" else {}
    result = build_red_team(out, **settings)
    assert result.returncode == 0, result.log
    search = [sys.executable, "-m", "pagefind", "--site", str(out), "--silent"]
    indexed = subprocess.run(search, capture_output=True, text=True)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    return result


def _where(case: Case) -> str:
    source = str(CONTENT / case.source)
    return f"{source}:{case.line}:" if case.line else f"{source}:"


def _body(site: Build, case: Case) -> BeautifulSoup:
    page = BeautifulSoup(site.read(f"{case.page}index.html"), "html.parser")
    body = page.select_one(".story-body, article.page")
    assert body is not None, case.page
    return body


def test_the_corpus_has_a_case_for_every_class():
    assert len(CASES) >= 30
    assert {p.name for p in (CONTENT / "stories").iterdir()} >= {
        "target & co.md",
        'say "hi".md',
        "it's here.md",
        "less<more.md",
    }


def test_no_built_file_carries_live_markup_or_script(site):
    assert len(list(site.output.glob("pagefind/fragment/*"))) >= len(STORIES)
    assert findings(site.output) == []


@pytest.mark.parametrize("case", STORIES, ids=lambda case: case.name)
def test_each_story_is_published_with_its_text_and_nothing_live(site, case):
    body = _body(site, case)
    assert list(html_findings(str(body), case.page)) == []
    assert case.text in " ".join(body.get_text().split())
    # Search filters, metadata and sort keys come from the theme alone.
    for element in body.find_all(True):
        assert not [a for a in element.attrs if a.startswith("data-")], element
    for link in body.find_all(["a", "img"]):
        url = link.get("href") or link.get("src") or ""
        assert "{" not in url and "|" not in url, url  # no placeholder left


@pytest.mark.parametrize("case", STORIES, ids=lambda case: case.name)
def test_the_writer_is_told_about_each_link_not_made(site, case):
    if case.either:
        return
    if case.message is None:
        assert f"{CONTENT / case.source}:" not in site.log
    else:
        lines = [line for line in site.log.splitlines() if _where(case) in line]
        assert lines, site.log
        assert case.message in " ".join(site.log.split()), site.log


def test_links_that_resolve_are_made_and_keep_their_escaped_tail(site):
    base = "https://blog.example/" if "blog.example" in site.read("index.html") else ""
    case = next(c for c in STORIES if c.name == "filename-ampersand-query-redirect")
    [link] = _body(site, case).select("a")
    assert link["href"].startswith(f"{base or '../../'}stories/target-and-co/?")
    tail = '"><meta http-equiv="refresh" content="0;url=https://hostile.example/">'
    assert link["href"].endswith(tail)
    about = next(c for c in STORIES if c.name == "page-link-to-a-missing-file")
    made, missing = _body(site, about).select("a")
    assert made["href"].endswith("stories/target-and-co/")
    assert missing.get("href") is None and missing.get_text() == "nothing"


@pytest.mark.parametrize("case", STATIC, ids=lambda case: case.name)
def test_static_files_a_browser_would_run_are_not_published(site, case):
    assert not (site.output / case.source).exists()
    lines = [line for line in site.log.splitlines() if _where(case) in line]
    assert lines, site.log
    assert case.message in " ".join(site.log.split())


def test_harmless_and_listed_static_files_are_published_as_they_are(site):
    for name in ("images/chart.svg", "images/box & co.png", "images/allowed-demo.html"):
        assert (site.output / name).read_bytes() == (CONTENT / name).read_bytes()
    attached = "stories/attached-image-with-a-handler/label & co.png"
    assert (site.output / attached).read_bytes() == (
        CONTENT / "images/label & co.png"
    ).read_bytes()


def test_summaries_in_listings_and_feeds_are_the_cleaned_final_html(site):
    feeds = sorted(site.output.rglob("*.xml"))
    carried = 0
    for feed in feeds:
        if feed.name == "sitemap.xml":
            continue
        root = ET.parse(feed).getroot()
        for entry in root.iter(f"{ATOM}entry"):
            for part in ("summary", "content"):
                element = entry.find(f"{ATOM}{part}")
                if element is None or not element.text:
                    continue
                carried += "hostile" in element.text
                found = list(html_findings(element.text, f"{feed.name} {part}"))
                assert found == []
                assert "<meta" not in element.text.replace("&lt;meta", "")
    assert carried >= 10
    listing = site.read("index.html") + site.read("wow/index.html")
    assert "The tracking page" in listing or "tracking page" in site.read(
        "archives/index.html"
    )


def test_index_json_and_search_index_hold_no_injected_filter(site):
    data = json.loads(site.read("wow/index.json"))
    assert all(
        "hostile" not in json.dumps(story["verdict"]) for story in data["stories"]
    )
    filters = set()
    for path in site.output.glob("pagefind/fragment/*"):
        fragment = json.loads(
            gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :]
        )
        for name, values in fragment.get("filters", {}).items():
            filters |= {f"{name}:{value}" for value in values}
        # Pagefind's own meta (the first image is its own pick) and the
        # theme's: none named by content.
        meta = fragment.get("meta", {})
        assert set(meta) <= {"title", "date", "summary", "image", "image_alt"}
        assert "hostile" not in meta.get("title", "") + meta.get("summary", "")
        assert "2099" not in json.dumps(fragment.get("sort", {}))
    assert filters, "the theme's own filters are indexed"
    assert not [f for f in filters if "hostile" in f], filters


def test_check_reports_every_case_before_a_build(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"THEME = {str(ROOT / 'theme')!r}\n"
        f"PATH = {str(content)!r}\nWOW_STATIC_ACTIVE_FILES = {ALLOWED!r}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican.plugins.wow_index",
            "check",
            "-s",
            str(settings),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    for case in CASES:
        if case.message is None:
            continue
        where = (
            f"content/{case.source}:{case.line}:"
            if case.line
            else f"content/{case.source}:"
        )
        assert where in out, (case.name, out)
    assert "allowed-demo.html" not in out
    assert "chart.svg" not in out
    assert "box & co.png" not in out


def test_strict_mode_fails_the_build_naming_the_cases(tmp_path):
    # Without the two stories whose markup is removed (they fail a strict
    # build at the tags' turn, before the links and files are known).
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "stories/meta-refresh.md").unlink()
    (content / "stories/pagefind-attributes.md").unlink()
    output = tmp_path / "output"
    result = build_like_the_site(
        content, output, WOW_STRICT=True, WOW_STATIC_ACTIVE_FILES=ALLOWED
    )
    assert result.returncode != 0
    assert not output.exists() or not list(output.rglob("*.html"))
    log = " ".join(result.log.split())
    assert "problems in tagged content (WOW_STRICT is on)" in log
    for case in CASES:
        if case.message and case.source not in (
            "stories/meta-refresh.md",
            "stories/pagefind-attributes.md",
        ):
            assert f"content/{case.source}" in log, case.name
