"""Results: medians and spreads, ratios, the Markdown table, the README.

``bench/results.json`` holds every sample; the table shows medians with the
spread (max - min) / median in brackets, so a reader sees how noisy a figure
was.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
from pathlib import Path
from typing import Any

__all__ = ["machine", "markdown", "summarise", "update_readme"]

README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


def summarise(samples: list[float]) -> dict[str, Any]:
    median = statistics.median(samples)
    spread = (max(samples) - min(samples)) / median if median else 0.0
    return {
        "samples": [round(s, 4) for s in samples],
        "median": round(median, 4),
        "min": round(min(samples), 4),
        "max": round(max(samples), 4),
        "spread": round(spread, 3),
    }


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = 0.0
    try:
        with open("/proc/meminfo") as handle:
            memory = int(handle.readline().split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def _cell(metric: dict[str, Any] | None, unit: str = "s") -> str:
    if not metric:
        return "–"
    value = metric["median"]
    text = f"{value:.0f} MB" if unit == "MB" else f"{value:.2f} s"
    if len(metric["samples"]) > 1:
        text += f" (±{metric['spread'] * 50:.0f} %)"
    return text


def _ratio(value: float | None) -> str:
    return f"{value:.2f}" if value else "–"


def _per_round(entry: dict[str, Any], name: str) -> str:
    """The median of one round's ratios, with their range if they differ;
    results without rounds give the ratio of the medians."""
    rounds = entry.get("rounds", {}).get(name)
    if not rounds:
        return _ratio(entry["ratios"].get(name))
    text = _ratio(statistics.median(rounds))
    if len(rounds) > 1:
        text += f" ({min(rounds):.2f}–{max(rounds):.2f})"
    return text


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown: one row per corpus size."""
    rows = [
        "| stories | cold, no plugin | cold, plugin | plugin ÷ no plugin, "
        "per round (wall / CPU) | warm, no change | warm, one story edited | "
        "serve: edit → page | serve: edit → reload | serve: title edit | "
        "peak memory (no plugin / plugin / serve) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, entry in sorted(results["sizes"].items(), key=lambda kv: int(kv[0])):
        m = entry["metrics"]
        rows.append(
            f"| {int(size):,} | {_cell(m.get('cold_plain'))} "
            f"| {_cell(m.get('cold_plugin'))} "
            f"| {_per_round(entry, 'plugin_wall')} / {_per_round(entry, 'plugin_cpu')} "
            f"| {_cell(m.get('warm_plugin'))} | {_cell(m.get('warm_edit_plugin'))} "
            f"| {_cell(m.get('serve_edit_page'))} "
            f"| {_cell(m.get('serve_edit_reload'))} "
            f"| {_cell(m.get('serve_title_edit'))} "
            f"| {_cell(m.get('peak_plain'), 'MB')} "
            f"/ {_cell(m.get('peak_plugin'), 'MB')} "
            f"/ {_cell(m.get('serve_peak'), 'MB')} |"
        )
    rows += _against_hugo(results)
    info = results["machine"]
    notes = [
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, "
        f"Python {info['python']}, Pelican {results.get('pelican', '?')}. "
        f"Load average before / after: {results['load_before']} / "
        f"{results['load_after']}.",
        f"Builds with and without the plugin use the `{results.get('theme', '?')}` "
        "theme (the plugin's own templates for its pages); the serve loop runs "
        "the site as `invoke serve` does, with its theme.",
        f"Command: `{results['command']}` ({results['repeat']} alternating runs "
        "per figure unless the samples in results.json say otherwise; ± is half "
        "the spread between the fastest and slowest run). Each round builds "
        "with and without the plugin one after the other (the order alternates); "
        "plugin ÷ no plugin is the median of the rounds' ratios, their range in "
        "brackets.",
    ]
    if results.get("hugo"):
        notes.append(
            f"Hugo: Hugo {results['hugo']} builds the same posts, cold (fresh "
            "output and cache), in the same runs: the same Markdown bodies, "
            "front matter from the Pelican metadata, minimal layouts that write "
            "the pages the Pelican builds write, paginated alike, and one feed "
            "of the whole site (`bench/hugo.py`)."
        )
    scaling = results.get("scaling")
    if scaling:
        notes.append(
            f"Scaling {scaling['from']:,} → {scaling['to']:,} stories "
            f"(×{scaling['to'] / scaling['from']:.0f}): cold build with plugin "
            f"×{scaling['cold_plugin']:.1f}, peak memory ×{scaling['peak_plugin']:.1f}."
        )
    return "\n".join(rows + notes) + "\n"


def _against_hugo(results: dict[str, Any]) -> list[str]:
    """A second, small table: the cold builds against Hugo's, when measured."""
    sizes = sorted(results["sizes"].items(), key=lambda kv: int(kv[0]))
    if not any("cold_hugo" in entry["metrics"] for _, entry in sizes):
        return []
    rows = [
        "",
        "Against Hugo (the same posts, cold builds, same runs):",
        "",
        "| stories | Hugo, cold | Hugo, CPU | no plugin ÷ Hugo | plugin ÷ Hugo "
        "| Hugo peak memory |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, entry in sizes:
        m, r = entry["metrics"], entry["ratios"]
        if "cold_hugo" not in m:
            continue
        rows.append(
            f"| {int(size):,} | {_cell(m['cold_hugo'])} "
            f"| {_cell(m.get('cold_hugo_cpu'))} "
            f"| {_ratio(r.get('plain_over_hugo'))} "
            f"| {_ratio(r.get('plugin_over_hugo'))} "
            f"| {_cell(m.get('peak_hugo'), 'MB')} |"
        )
    return rows


def update_readme(readme: Path, table: str) -> bool:
    """Put ``table`` between the bench markers of ``readme``."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(
        re.escape(README_START) + ".*?" + re.escape(README_END), re.DOTALL
    )
    if not pattern.search(text):
        return False
    block = f"{README_START}\n{table}{README_END}"
    readme.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")
    return True
