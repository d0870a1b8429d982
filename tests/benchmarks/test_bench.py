"""The benchmark harness works: a deterministic corpus and a results file.

Benchmarks are not tests: nothing here looks at how long anything took, only
that ``invoke bench`` runs through its real entry point and writes results of
the documented shape.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import ensure_corpus, story_text
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
    }  # fmt: skip
    assert expected <= size["metrics"].keys()
    for metric in size["metrics"].values():
        assert len(metric["samples"]) >= 1
        assert metric["min"] <= metric["median"] <= metric["max"]
    assert {"plugin_wall", "plugin_cpu", "plugin_peak_memory"} <= size["ratios"].keys()
    table = out.with_suffix(".md").read_text(encoding="utf-8")
    assert table.startswith("| stories |")
    assert "\n| 20 |" in table and "Machine:" in table
