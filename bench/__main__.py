"""``python -m bench`` (``invoke bench``, ``make bench``): measure, write the
results. Nothing here asserts a time: numbers go to a file and a table.

For each corpus size, in one run:

1. cold builds with and without the plugin (same content, same theme:
   Pelican's default, ``notmyidea``, unless ``--theme`` says otherwise, since
   the site's own theme needs the plugin), and of the same posts as a Hugo
   site (``bench/hugo.py``, unless ``--no-hugo``), the order rotating from
   run to run so load from other work falls on all of them;
2. warm-cache rebuilds (Pelican's content cache) with no change, and with one
   story edited, with and without the plugin, alternating too;
3. the serve loop (``python -m devserver``): time from writing a story's body
   to its page being updated on disk and to the browser's reload signal, and
   the same for a title edit (which re-renders every page);
4. peak memory of each build process and of the serve process.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from .corpus import CORPUS_ROOT, ensure_corpus, story_path
from .hugo import hugo_build, hugo_site, hugo_version
from .measure import ServeLoop, edited, fresh, pelican_build
from .report import machine, markdown, summarise, update_readme

BENCH = Path(__file__).resolve().parent
README = BENCH.parent / "plugins" / "wow_index" / "docs" / "performance.md"
TITLE = re.compile(r"(?m)^Title: (.*)$")


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--stories",
        default="100,1000,5000",
        help="corpus sizes, comma-separated (default: 100,1000,5000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure")
    parser.add_argument(
        "--repeat-large",
        type=int,
        default=None,
        help="runs per figure for corpora of 5,000 stories or more",
    )
    parser.add_argument("--edits", type=int, default=5, help="serve-loop body edits")
    parser.add_argument(
        "--theme",
        default="notmyidea",
        help="theme of the with/without-plugin builds (default: Pelican's "
        "notmyidea; the serve loop always uses the site's settings and theme)",
    )
    parser.add_argument(
        "--plugin-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the builds with the plugin, VALUE in JSON "
        "(e.g. WOW_PARALLEL_MARKDOWN=false); repeatable",
    )
    parser.add_argument("--out", default=str(BENCH / "results.json"))
    parser.add_argument("--no-serve", action="store_true", help="skip the serve loop")
    parser.add_argument(
        "--no-hugo",
        action="store_true",
        help="skip the cold builds of the same posts with Hugo",
    )
    parser.add_argument(
        "--update-readme",
        action="store_true",
        help="put the table in the plugin's docs/performance.md",
    )
    return parser.parse_args(argv)


def _order(run: int) -> tuple[bool, ...]:
    """A/B on even runs, B/A on odd ones."""
    return (True, False) if run % 2 == 0 else (False, True)


def _name(plugin: bool) -> str:
    return "plugin" if plugin else "plain"


def _cold_order(run: int, hugo: bool) -> tuple[str, ...]:
    """The cold builds of one run: A/B, B/A without Hugo; with it, the three
    rotate (plugin, plain, Hugo; plain, Hugo, plugin; ...) so each build
    takes each place in turn."""
    if not hugo:
        return tuple(_name(plugin) for plugin in _order(run))
    builds = ("plugin", "plain", "hugo")
    shift = run % len(builds)
    return builds[shift:] + builds[:shift]


def measure_size(
    stories: int,
    repeat: int,
    edits: int,
    serve: bool,
    theme: str,
    say,
    plugin_settings: tuple[str, ...] = (),
    hugo: bool = True,
) -> dict[str, Any]:
    corpus = ensure_corpus(stories)
    site = hugo_site(corpus) if hugo else None
    work = CORPUS_ROOT / "work" / str(stories)
    samples: dict[str, list[float]] = defaultdict(list)

    for run in range(repeat):
        for name in _cold_order(run, hugo):
            if name == "hugo":
                assert site is not None
                result = hugo_build(site, work / "cold-hugo")
            else:
                plugin = name == "plugin"
                result = pelican_build(
                    corpus.content,
                    fresh(work / f"cold-{name}"),
                    plugin=plugin,
                    theme=theme,
                    settings=plugin_settings if plugin else (),
                )
            samples[f"cold_{name}"].append(result.wall)
            samples[f"cold_{name}_cpu"].append(result.cpu)
            samples[f"peak_{name}"].append(result.peak_mb)
            say(f"{stories}: cold {name} {result.wall:.2f} s, {result.peak_mb:.0f} MB")

    caches = {p: fresh(work / f"cache-{_name(p)}") for p in (True, False)}
    for plugin in (True, False):  # prime the caches
        pelican_build(
            corpus.content,
            fresh(work / f"warm-{_name(plugin)}"),
            plugin=plugin,
            theme=theme,
            cache=caches[plugin],
            settings=plugin_settings if plugin else (),
        )
    story = story_path(corpus, stories // 2)
    for kind in ("warm", "warm_edit"):
        for run in range(repeat):
            for plugin in _order(run):
                name = _name(plugin)
                original = story.read_text(encoding="utf-8")
                if kind == "warm_edit":
                    story.write_text(edited(original, f"Edit {run}."), "utf-8")
                try:
                    result = pelican_build(
                        corpus.content,
                        work / f"warm-{name}",
                        plugin=plugin,
                        theme=theme,
                        cache=caches[plugin],
                        settings=plugin_settings if plugin else (),
                    )
                finally:
                    story.write_text(original, encoding="utf-8")
                samples[f"{kind}_{name}"].append(result.wall)
                say(f"{stories}: {kind} {name} {result.wall:.2f} s")

    if serve:
        loop = ServeLoop(corpus.content, fresh(work / "serve"), work / "serve.log")
        try:
            samples["serve_start"].append(loop.startup)
            say(f"{stories}: serve started in {loop.startup:.2f} s")
            for number in range(edits):
                index = (number * 7919 + 13) % stories
                marker = f"Benchmark edit number {number}."
                page = work / "serve" / "stories" / f"story-{index:05d}" / "index.html"
                written, reloaded = loop.edit(
                    story_path(corpus, index),
                    page,
                    lambda text, m=marker: edited(text, m),
                    marker,
                )
                samples["serve_edit_page"].append(written)
                samples["serve_edit_reload"].append(reloaded)
                say(f"{stories}: serve edit {written:.3f} s, reload {reloaded:.3f} s")
            index = stories // 3
            page = work / "serve" / "stories" / f"story-{index:05d}" / "index.html"
            written, _ = loop.edit(
                story_path(corpus, index),
                page,
                lambda text: re.sub(
                    r"(?m)^Title: (.*)$", r"Title: \1 (retitled)", text
                ),
                "(retitled)",
            )
            samples["serve_title_edit"].append(written)
            say(f"{stories}: serve title edit {written:.3f} s")
            samples["serve_peak"].append(loop.peak_mb())
        finally:
            loop.stop()

    metrics = {name: summarise(values) for name, values in samples.items()}

    def ratio(a: str, b: str) -> float | None:
        if a in metrics and b in metrics and metrics[b]["median"]:
            return round(metrics[a]["median"] / metrics[b]["median"], 3)
        return None

    def per_round(a: str, b: str) -> list[float]:
        """A/B within each round: both built one after the other, so a host
        whose speed drifts between rounds weighs on both alike."""
        return [
            round(x / y, 3) for x, y in zip(samples[a], samples[b], strict=True) if y
        ]

    rounds = {
        "plugin_wall": per_round("cold_plugin", "cold_plain"),
        "plugin_cpu": per_round("cold_plugin_cpu", "cold_plain_cpu"),
    }
    return {
        "stories": stories,
        "metrics": metrics,
        "rounds": rounds,
        "ratios": {
            "plugin_wall_rounds": _median(rounds["plugin_wall"]),
            "plugin_cpu_rounds": _median(rounds["plugin_cpu"]),
            "plugin_wall": ratio("cold_plugin", "cold_plain"),
            "plugin_cpu": ratio("cold_plugin_cpu", "cold_plain_cpu"),
            "plugin_peak_memory": ratio("peak_plugin", "peak_plain"),
            "warm_plugin_wall": ratio("warm_plugin", "warm_plain"),
            "warm_edit_over_serve_edit": ratio("warm_edit_plugin", "serve_edit_page"),
            "plain_over_hugo": ratio("cold_plain", "cold_hugo"),
            "plugin_over_hugo": ratio("cold_plugin", "cold_hugo"),
        },
    }


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 3) if values else None


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    sizes = [int(s) for s in args.stories.split(",") if s.strip()]

    def say(text: str) -> None:
        print(text, flush=True)

    command = (
        f"invoke bench --stories {args.stories} --repeat {args.repeat} "
        f"--edits {args.edits}"
        + (f" --theme {args.theme}" if args.theme != "notmyidea" else "")
        + (f" --repeat-large {args.repeat_large}" if args.repeat_large else "")
        + (" --no-serve" if args.no_serve else "")
        + (" --no-hugo" if args.no_hugo else "")
        + "".join(f" --plugin-setting {s}" for s in args.plugin_setting)
    )
    results: dict[str, Any] = {
        "command": command,
        "repeat": args.repeat,
        "theme": args.theme,
        "machine": machine(),
        "pelican": importlib.metadata.version("pelican"),
        "hugo": None if args.no_hugo else hugo_version(),
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "sizes": {},
    }
    for stories in sizes:
        repeat = args.repeat
        if stories >= 5000 and args.repeat_large:
            repeat = args.repeat_large
        results["sizes"][str(stories)] = measure_size(
            stories,
            repeat,
            args.edits,
            not args.no_serve,
            args.theme,
            say,
            tuple(args.plugin_setting),
            hugo=not args.no_hugo,
        )
    results["load_after"] = [round(x, 2) for x in os.getloadavg()]
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        m_small = results["sizes"][str(small)]["metrics"]
        m_large = results["sizes"][str(large)]["metrics"]
        results["scaling"] = {
            "from": small,
            "to": large,
            "cold_plugin": round(
                statistics.median(m_large["cold_plugin"]["samples"])
                / statistics.median(m_small["cold_plugin"]["samples"]),
                2,
            ),
            "peak_plugin": round(
                m_large["peak_plugin"]["median"] / m_small["peak_plugin"]["median"], 2
            ),
        }

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    out.with_suffix(".md").write_text(table, encoding="utf-8")
    say(table)
    if args.update_readme and not update_readme(README, table):
        say(f"No bench markers in {README}; the table is in {out.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
