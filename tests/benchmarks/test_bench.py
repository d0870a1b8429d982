"""The benchmark harness works: a deterministic corpus and a results file.

Benchmarks are not tests: nothing here looks at how long anything took, only
that ``invoke bench`` runs through its real entry point and writes results of
the documented shape.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomllib

from bench.corpus import ensure_corpus, story_text
from bench.hugo import hugo_build, hugo_site, story_count
from bench.report import markdown
from sitebuild import ROOT, metadata_of

INVOKE = Path(sys.executable).parent / "invoke"


def body_words(text: str) -> int:
    return len(text.split("\n\n", 1)[1].split())


def test_stories_are_deterministic_realistic_and_tagged():
    texts = [story_text(i)[1] for i in range(300)]
    assert texts == [story_text(i)[1] for i in range(300)]
    assert all(400 <= body_words(t) <= 900 for t in texts)
    assert sum("{: ." in t for t in texts) > 50  # a third have moments
    assert sum("\nCompany: " in t for t in texts) > 200
    assert sum("\nTags: " in t for t in texts) > 60
    assert all("\nTouchpoint: " in t and "\nVerdict: " in t for t in texts)


def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path):
    small = ensure_corpus(12, root=tmp_path)
    large = ensure_corpus(30, root=tmp_path)
    small_files = small.story_files()
    assert len(small_files) == 12 and len(large.story_files()) == 30
    for path in small_files:
        assert path.read_bytes() == (large.content / "stories" / path.name).read_bytes()
    meta = metadata_of(small_files[0])
    assert meta["slug"] == small_files[0].stem
    assert (small.content / "pages" / "about.md").is_file()
    assert list((small.content / "essays").glob("*.md"))


@pytest.mark.slow
def test_invoke_bench_writes_results_and_a_table(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [
            *(str(INVOKE), "bench", "--stories", "20"),
            *("--repeat", "1", "--edits", "1", "--out", str(out)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["command"].startswith("invoke bench --stories 20")
    assert {"cpu", "cores", "python"} <= data["machine"].keys()
    assert len(data["load_before"]) == 3 and len(data["load_after"]) == 3
    size = data["sizes"]["20"]
    expected = {
        "cold_plain", "cold_plugin", "cold_plain_cpu", "cold_plugin_cpu",
        "peak_plain", "peak_plugin", "warm_plain", "warm_plugin",
        "warm_edit_plain", "warm_edit_plugin", "serve_start", "serve_edit_page",
        "serve_edit_reload", "serve_title_edit", "serve_peak",
        "cold_hugo", "cold_hugo_cpu", "peak_hugo",
    }  # fmt: skip
    assert expected <= size["metrics"].keys()
    for metric in size["metrics"].values():
        assert len(metric["samples"]) >= 1
        assert metric["min"] <= metric["median"] <= metric["max"]
    assert {"plugin_wall", "plugin_cpu", "plugin_peak_memory"} <= size["ratios"].keys()
    plugin, plain = size["metrics"]["cold_plugin"], size["metrics"]["cold_plain"]
    # The samples are written rounded; the round's ratio is of the times
    # measured, so the two agree to the last written digit.
    one_round = plugin["samples"][0] / plain["samples"][0]
    (written,) = size["rounds"]["plugin_wall"]
    assert written == pytest.approx(one_round, abs=0.002)
    assert size["ratios"]["plugin_wall_rounds"] == written
    assert size["ratios"]["plain_over_hugo"] > 0
    assert size["ratios"]["plugin_over_hugo"] > 0
    assert data["hugo"].startswith("0.")
    table = out.with_suffix(".md").read_text(encoding="utf-8")
    assert table.startswith("| stories |")
    assert "\n| 20 |" in table and "Machine:" in table
    assert "Against Hugo" in table and table.count("\n| 20 |") == 2


def test_the_table_gives_the_median_of_each_rounds_ratio():
    # Three rounds on a drifting host: the ratio of the medians (30 / 20) is
    # not what any round saw.
    walls = {"cold_plain": [20.0, 30.0, 40.0], "cold_plugin": [19.0, 30.0, 44.0]}
    metrics = {
        name: {"samples": values, "median": values[1], "spread": 0.5}
        for name, values in walls.items()
    }
    results = {
        "sizes": {
            "5000": {
                "metrics": metrics,
                "rounds": {"plugin_wall": [0.95, 1.0, 1.1], "plugin_cpu": [1.4]},
                "ratios": {"plugin_wall": 1.0, "plugin_cpu": 1.4},
            }
        },
        "machine": {"cpu": "test", "cores": 2, "memory_gb": 1, "python": "3"},
        "load_before": [0, 0, 0],
        "load_after": [0, 0, 0],
        "command": "invoke bench",
        "repeat": 3,
    }
    row = next(line for line in markdown(results).splitlines() if "| 5,000 |" in line)
    assert "| 1.00 (0.95–1.10) / 1.40 |" in row
    results["sizes"]["5000"].pop("rounds")  # results of an older harness
    row = next(line for line in markdown(results).splitlines() if "| 5,000 |" in line)
    assert "| 1.00 / 1.40 |" in row


def front_matter_and_body(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("+++\n", 2)
    return tomllib.loads(front), body


def test_the_hugo_site_keeps_every_story_its_metadata_and_its_body(tmp_path):
    corpus = ensure_corpus(30, root=tmp_path)
    site = hugo_site(corpus)
    assert site == corpus.root / "hugo"
    posts = sorted((site / "content" / "posts").glob("*.md"))
    assert len(posts) == story_count(site) == 30
    assert [p.name for p in posts] == [p.name for p in corpus.story_files()]
    assert any((site / "content" / "essays").glob("*.md"))
    assert (site / "content" / "about.md").is_file()
    assert (site / "hugo.toml").is_file()

    source = next(p for p in corpus.story_files() if "\nTags: " in p.read_text())
    meta = metadata_of(source)
    front, body = front_matter_and_body(site / "content" / "posts" / source.name)
    assert front["title"] == meta["title"]
    assert front["slug"] == meta["slug"]
    assert f"{front['date']:%Y-%m-%d %H:%M}" == meta["date"]
    assert front["tags"] == [t.strip() for t in meta["tags"].split(",")]
    assert front["categories"] == ["stories"]
    assert front["authors"] == [meta["author"]]
    assert front["verdict"] == meta["verdict"]
    assert front["touchpoint"] == meta["touchpoint"]
    assert body.encode() == source.read_bytes().split(b"\n\n", 1)[1]

    # Unchanged corpus: the site is reused, not written again.
    stamp = (site / ".generated").stat().st_mtime_ns
    assert hugo_site(corpus) == site
    assert (site / ".generated").stat().st_mtime_ns == stamp


@pytest.mark.slow
def test_hugo_builds_a_page_per_story_with_its_title_and_body(tmp_path):
    corpus = ensure_corpus(20, root=tmp_path)
    output = tmp_path / "hugo-output"
    run = hugo_build(hugo_site(corpus), output)
    assert run.wall > 0 and run.peak_mb > 0
    pages = sorted((output / "stories").glob("story-*/index.html"))
    assert len(pages) == 20
    # A story whose title and first sentence no typography or escaping changes.
    plain = re.compile(r"[\w ,.]+")
    meta, sentence = next(
        (meta, sentence)
        for path in corpus.story_files()
        for meta in [metadata_of(path)]
        for sentence in [path.read_text("utf-8").split("\n\n")[1].split(". ")[0]]
        if plain.fullmatch(meta["title"]) and plain.fullmatch(sentence)
    )
    page = (output / "stories" / meta["slug"] / "index.html").read_text("utf-8")
    assert f"<title>{meta['title']} - Outside In</title>" in page
    assert sentence in page
    assert (output / "index.xml").is_file()
    assert (output / "page" / "2" / "index.html").is_file()  # paginated by 10


@pytest.mark.slow
def test_hugo_build_refuses_a_site_that_loses_stories(tmp_path):
    corpus = ensure_corpus(12, root=tmp_path)
    site = hugo_site(corpus)
    story = site / "content" / "posts" / "story-00004.md"
    story.write_text(story.read_text().replace("+++\n", "+++\ndraft = true\n", 1))
    with pytest.raises(RuntimeError, match="11 of 12 story pages"):
        hugo_build(site, tmp_path / "hugo-output")
