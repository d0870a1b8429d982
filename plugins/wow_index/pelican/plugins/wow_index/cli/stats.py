"""The WoW index in numbers, from the source files, for a terminal or JSON.

It reads tags the way a build does (:func:`.tagging.parse_story_tags`) and
groups them with the build's own :func:`.grouping.build_index`, so the counts
are the ones the site will show; it only skips the rendering. Drafts, hidden
posts and pages are left out, as on the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..index.grouping import Tagged, WowIndex, build_index, company_key
from ..index.tagging import clean_text, parse_story_tags
from ..settings import WowSettings
from ..sources import read_source
from .terminal import table

__all__ = ["StoryRef", "collect", "render", "stats_document"]

TOP_COMPANIES = 10


@dataclass(frozen=True)
class StoryRef:
    """A story as the statistics list it."""

    path: str
    title: str


def collect(files: Iterable[tuple[Path, str]], wow: WowSettings) -> WowIndex[StoryRef]:
    """Group the published stories among ``files`` into a WoW index."""
    entries: list[Tagged[StoryRef]] = []
    for path, kind in files:
        source = read_source(path, kind)  # type: ignore[arg-type]
        status = (source.get("status") or "published").strip().lower()
        if kind != "article" or source.text is None or status != "published":
            continue
        tags, _ = parse_story_tags(source.metadata(), wow.touchpoints, wow.verdicts)
        title = clean_text(source.get("title") or "") or source.path.stem
        entries.append(Tagged(StoryRef(source.display, title), tags))
    return build_index(entries, wow.touchpoints.slugs, wow.verdicts.slugs)


def stats_document(index: WowIndex[StoryRef], wow: WowSettings) -> dict[str, Any]:
    """Everything ``stats`` shows, as plain data (the ``--json`` output)."""
    verdicts = wow.verdicts.slugs
    companies = sorted(index.by_company.items(), key=lambda kv: (-len(kv[1]), kv[0]))[
        :TOP_COMPANIES
    ]
    return {
        "stories": len(index.stories),
        "verdicts": list(verdicts),
        "matrix": {
            tp: {vd: index.count(tp, vd) for vd in verdicts} for tp in index.touchpoints
        },
        "touchpoints": [
            {
                "slug": term.slug,
                "label": term.label,
                "stories": len(index.by_touchpoint.get(term.slug, [])),
                "primary": sum(1 for e in index.stories if e.tags.primary == term.slug),
                "split": dict(index.verdict_split(term.slug)),
            }
            for term in wow.touchpoints
        ],
        "companies": [
            {
                "name": index.company_names[key],
                "stories": len(entries),
                "split": dict(index.company_verdict_split(company_key(key))),
            }
            for key, entries in companies
        ],
        "untagged": [{"path": s.path, "title": s.title} for s in index.untagged],
    }


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "-"


def render(document: dict[str, Any], wow: WowSettings) -> str:
    """The statistics as text tables (every cell made safe for a terminal)."""
    verdicts = document["verdicts"]
    labels = {t.slug: t.label for t in wow.touchpoints}
    rows = []
    totals = dict.fromkeys(verdicts, 0)
    for tp, counts in document["matrix"].items():
        for vd in verdicts:
            totals[vd] += counts[vd]
        rows.append(
            [
                labels.get(tp, tp),
                *(counts[vd] or "." for vd in verdicts),
                sum(counts.values()),
            ]
        )
    rows.append(["all touchpoints", *(totals[vd] for vd in verdicts), ""])
    numeric = range(1, len(verdicts) + 2)
    parts = [
        f"WoW index: {document['stories']} tagged stories "
        f"({len(document['untagged'])} untagged)",
        "",
        "Stories by touchpoint and verdict (a story counts under each of its "
        "touchpoints)",
        table(["touchpoint", *verdicts, "total"], rows, numeric=numeric),
        "",
        "Verdict split per touchpoint",
        table(
            ["touchpoint", "N", *verdicts],
            [
                [
                    t["label"],
                    t["stories"],
                    *(_percent(t["split"][vd], t["stories"]) for vd in verdicts),
                ]
                for t in document["touchpoints"]
                if t["stories"]
            ],
            numeric=range(1, len(verdicts) + 2),
        ),
    ]
    if document["companies"]:
        parts += [
            "",
            "Most-mentioned companies",
            table(
                ["company", "stories", *verdicts],
                [
                    [c["name"], c["stories"], *(c["split"][vd] for vd in verdicts)]
                    for c in document["companies"]
                ],
                numeric=range(1, len(verdicts) + 2),
            ),
        ]
    parts += ["", "Untagged stories (essays, or stories waiting for tags)"]
    if document["untagged"]:
        parts.append(
            table(
                ["file", "title"],
                [[s["path"], s["title"]] for s in document["untagged"]],
                paths=(0,),
                max_width=60,
            )
        )
    else:
        parts.append("none")
    return "\n".join(parts)
