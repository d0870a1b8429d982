"""``invoke stats`` and ``invoke publish`` through their real entry points."""

from __future__ import annotations

import json
import os

from commands import BIN, invoke, plugin, run, write
from sitebuild import FIXTURES, build_site

CONTENT = FIXTURES / "site" / "content"


def test_stats_counts_what_the_build_counts(tmp_path):
    result = plugin("stats", "--json", str(CONTENT))
    assert result.code == 0, result.err
    stats = json.loads(result.out)
    build = build_site(CONTENT, tmp_path / "output")
    built = json.loads((tmp_path / "output" / "wow" / "index.json").read_text())
    assert stats["matrix"] == built["matrix"]
    assert stats["stories"] == len(built["stories"])
    untagged = {s["title"] for s in stats["untagged"]}
    assert "A story with typos" in untagged
    assert build.returncode == 0
    # The trend and the scores are the ones the site's pages show.
    trends = built["trends"]
    assert list(stats["trend"]["periods"]) == trends["periods"][-6:]
    for period, counts in stats["trend"]["periods"].items():
        assert counts == trends["all"][period]
    assert stats["company_prior"] == built["company_prior"]
    shown = [(c["name"], c["n"], c["score"], c["low"], c["high"])
             for c in built["companies"]]  # fmt: skip
    top = [tuple(c.values()) for c in stats["top_companies"]]
    bottom = [tuple(c.values()) for c in stats["bottom_companies"]]
    assert top == shown[: len(top)]
    assert bottom == shown[len(top) :][::-1]


def test_invoke_stats_prints_readable_tables():
    result = invoke("stats")
    assert result.code == 0, result.err
    out = result.out
    for heading in (
        "Stories by touchpoint and verdict",
        "Verdict split per touchpoint",
        "Most-mentioned companies",
        "Trend: every story's verdict by quarter (the last 6)",
        "Companies with the highest scores",
        "Companies with the lowest scores (lowest first)",
        "Untagged stories",
    ):
        assert heading in out
    row = next(line for line in out.splitlines() if line.startswith("Phone & call"))
    assert row.split()[-1].isdigit()
    assert "Do you really know your customers?" in out  # an essay, untagged


def test_stats_never_prints_control_characters(tmp_path):
    write(tmp_path / "x.md", "Title: Bell\x07 \x1b[31mred\nDate: 2026-01-01\n\nx\n")
    result = plugin("stats", str(tmp_path))
    assert result.code == 0
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "Bell [31mred" in result.out


def test_publish_builds_with_absolute_urls_into_a_folder(tmp_path):
    output = tmp_path / "public"
    env_url = "https://stories.example.test"
    result = run(
        [str(BIN / "invoke"), "publish", "--output", str(output)],
        env={"SITEURL": env_url},
    )
    assert result.code == 0, result.err
    home = (output / "index.html").read_text(encoding="utf-8")
    assert f'href="{env_url}/wow/"' in home
    assert (output / "feeds" / "all.atom.xml").exists()
    assert (output / "wow" / "index.json").exists()
    assert os.listdir(output)
