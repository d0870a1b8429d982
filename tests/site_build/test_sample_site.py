"""The real site: content/ with theme/ and pelicanconf.py."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)

from sitebuild import ROOT, broken_links, html_files, metadata_of

DATA = default_vocabulary_data()
TP = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VD = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])
STORIES = sorted((ROOT / "content" / "stories").glob("*.md"))


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "output"
    build = ["pelican", "content", "-s", "pelicanconf.py", "-o", str(out)]
    fresh = ["-e", "WOW_STRICT=true", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
    result = subprocess.run(
        [sys.executable, "-m", *build, *fresh],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def expected_cells() -> Counter:
    cells: Counter = Counter()
    for path in STORIES:
        meta = metadata_of(path)
        verdict = VD.resolve(meta["verdict"])
        for item in meta["touchpoint"].split(","):
            cells[(TP.resolve(item), verdict)] += 1
    return cells


def test_the_content_covers_every_touchpoint_and_verdict():
    assert len(STORIES) >= 24
    primaries = {
        TP.resolve(metadata_of(p)["touchpoint"].split(",")[0]) for p in STORIES
    }
    verdicts = {VD.resolve(metadata_of(p)["verdict"]) for p in STORIES}
    assert primaries == set(TP.slugs)
    assert verdicts == set(VD.slugs)


def test_index_json_counts_match_the_stories(output):
    data = json.loads((output / "wow/index.json").read_text())
    assert len(data["stories"]) == len(STORIES)
    counts = {
        (t, v): n for t, row in data["matrix"].items() for v, n in row.items() if n
    }
    assert counts == dict(expected_cells())


def test_matrix_links_to_a_cell_page_for_every_nonzero_count(output):
    for (touchpoint, verdict), count in expected_cells().items():
        page = output / "wow/touchpoint" / touchpoint / verdict / "index.html"
        assert page.is_file()
        cards = BeautifulSoup(page.read_text(), "html.parser").select("article.card")
        assert len(cards) == count


def test_every_touchpoint_and_verdict_has_its_page(output):
    for slug in TP.slugs:
        assert (output / f"wow/touchpoint/{slug}/index.html").is_file()
    for slug in VD.slugs:
        assert (output / f"wow/verdict/{slug}/index.html").is_file()


def test_no_broken_internal_links_anywhere(output):
    assert broken_links(output) == []
    assert len(html_files(output)) > 60


def test_essays_are_published_but_not_indexed(output):
    essays = sorted((ROOT / "content" / "essays").glob("*.md"))
    assert len(essays) >= 2
    data = json.loads((output / "wow/index.json").read_text())
    indexed = {s["url"] for s in data["stories"]}
    for essay in essays:
        slug = metadata_of(essay)["slug"]
        assert (output / "stories" / slug / "index.html").is_file()
        assert f"stories/{slug}/" not in indexed


def test_article_page_shows_verdict_touchpoints_and_journey(output):
    page = (output / "stories/three-promised-call-backs/index.html").read_text()
    assert "Verdict: </span>Bad" in page
    assert 'class="journey"' in page
    assert 'href="#' in page
