"""The WoW index in numbers, from the source files, for a terminal or JSON.

It reads tags the way a build does (:func:`.tagging.parse_story_tags`) and
groups them with the build's own :func:`.grouping.build_index`, so the counts
are the ones the site will show; it only skips the rendering. Drafts, hidden
posts and pages are left out, as on the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..index.company_scores import LEVEL, score_companies
from ..index.grouping import Tagged, WowIndex, build_index, company_key
from ..index.tagging import clean_text, parse_story_tags
from ..index.trends import build_trends
from ..settings import WowSettings
from ..sources import read_source
from .terminal import table

__all__ = ["StoryRef", "collect", "render", "stats_document"]

TOP_COMPANIES = 10
#: How many of the latest periods the trend shows, and how many companies
#: the highest and the lowest scores each.
LAST_PERIODS = 6
SCORED = 5


@dataclass(frozen=True)
class StoryRef:
    """A story as the statistics list it."""

    path: str
    title: str
    date: datetime | None = None


def _date(value: Any) -> datetime | None:
    """The story's date as written (Pelican's own parser), or None."""
    if not value:
        return None
    from pelican.utils import get_date

    try:
        return get_date(str(value).strip())
    except (ValueError, OverflowError):
        return None


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
        date = _date(source.get("date"))
        entries.append(Tagged(StoryRef(source.display, title, date), tags))
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
        "trend": _trend(index, wow),
        **_scores(index, wow),
        "untagged": [{"path": s.path, "title": s.title} for s in index.untagged],
    }


def _trend(index: WowIndex[StoryRef], wow: WowSettings) -> dict[str, Any]:
    """The verdict mix of every story in the last periods, as the trends
    page counts it."""
    trends = build_trends(
        index.stories,
        wow.touchpoints.slugs,
        wow.verdicts.slugs,
        wow["WOW_TREND_PERIOD"],
    )
    last = trends.periods[-LAST_PERIODS:]
    return {"period": trends.period, "periods": {p: trends.all[p] for p in last}}


def _scores(index: WowIndex[StoryRef], wow: WowSettings) -> dict[str, Any]:
    """The highest and the lowest company scores (no company in both)."""
    prior, scores = score_companies(
        index.stories,
        wow.verdicts.slugs,
        wow.ratings,
        wow["WOW_COMPANY_PRIOR_WEIGHT"],
        index.company_names,
    )
    top = scores[:SCORED]
    bottom = scores[max(len(top), len(scores) - SCORED) :]

    def record(score: Any) -> dict[str, Any]:
        return {
            "name": score.name,
            "n": score.n,
            "score": score.score,
            "low": score.low,
            "high": score.high,
        }

    return {
        "company_prior": prior.as_json(),
        "top_companies": [record(s) for s in top],
        "bottom_companies": [record(s) for s in reversed(bottom)],
    }


def _level() -> str:
    return f"{round(100 * LEVEL)}% interval"


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
    trend = document["trend"]
    if trend["periods"]:
        parts += [
            "",
            f"Trend: every story's verdict by {trend['period']} "
            f"(the last {len(trend['periods'])})",
            table(
                [trend["period"], "N", *verdicts],
                [
                    [
                        period,
                        sum(counts.values()),
                        *(
                            _percent(counts[vd], sum(counts.values()))
                            for vd in verdicts
                        ),
                    ]
                    for period, counts in trend["periods"].items()
                ],
                numeric=range(1, len(verdicts) + 2),
            ),
        ]
    prior = document["company_prior"]
    for key, heading in (
        ("top_companies", "Companies with the highest scores"),
        ("bottom_companies", "Companies with the lowest scores (lowest first)"),
    ):
        if document[key]:
            parts += [
                "",
                f"{heading}: mean rating pulled toward the site's "
                f"{prior['mean_rating']:.2f} by {prior['weight']} stories",
                table(
                    ["company", "N", "score", _level()],
                    [
                        [
                            c["name"],
                            c["n"],
                            f"{c['score']:.2f}",
                            f"{c['low']:.2f}-{c['high']:.2f}",
                        ]
                        for c in document[key]
                    ],
                    numeric=range(1, 4),
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
