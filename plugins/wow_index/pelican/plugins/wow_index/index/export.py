"""``wow/index.json``: every tagged story with its tags and moments.

The document is built from plain data and serialised with a fixed key order
and no timestamps of its own, so two builds of the same content give the
same bytes. Text fields are plain text (markup stripped), never HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..settings import verdict_ratings
from .company_scores import CompanyPrior, CompanyScore, score_companies
from .grouping import Tagged, WowIndex
from .journeys import Journeys, build_journeys
from .tagging import clean_text
from .trends import Trends, build_trends
from .vocabulary import Vocabulary

__all__ = [
    "SCHEMA_VERSION",
    "dumps",
    "index_document",
    "pieces",
    "plain_text",
    "story_record",
]

SCHEMA_VERSION = 2

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _plain_slug(name: str) -> str:
    return _NOT_SLUG.sub("-", name.casefold()).strip("-")


def _no_page(name: str) -> tuple[str, str]:
    """(slug, url) of a company when no site says otherwise: no page."""
    return _plain_slug(name), ""


# Titles and summaries are small, well-formed fragments that Markdown wrote:
# dropping tags (and what scripts, styles and comments hold) and decoding
# entities gives the same text as an HTML parser, without building a tree
# for every story. An inline tag goes without a trace ("with <em>emphasis</em>."
# reads "with emphasis."); a block or a line break parts words, as on a page.
_HIDDEN = re.compile(
    r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)?[^>]*>")
_PARTING = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "script",
        "section",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)


def _tag_text(match: re.Match[str]) -> str:
    name = match.group(1)
    return " " if name and name.lower() in _PARTING else ""


def _hidden_text(match: re.Match[str]) -> str:
    return " " if match.group(1) else ""


def plain_text(fragment: Any) -> str:
    """Text of an HTML fragment, white space collapsed."""
    if not fragment:
        return ""
    text = str(fragment)
    if "<" in text:
        text = _TAG.sub(_tag_text, _HIDDEN.sub(_hidden_text, text))
    if "&" in text:
        text = html.unescape(text)
    return clean_text(text)


def story_record(
    entry: Tagged[Any],
    verdicts: Vocabulary,
    ratings: Mapping[str, int] | None = None,
    *,
    summary: Callable[[Any], str] | None = None,
) -> dict[str, Any]:
    """One story as JSON-ready data. ``entry.story`` is a Pelican article
    (or anything with ``title``, ``url``, ``date`` and ``summary``);
    ``summary``, given, stands in for reading the story's summary HTML."""
    ratings = ratings or verdict_ratings(verdicts)
    story = entry.story
    tags = entry.tags
    date = getattr(story, "date", None)
    author = getattr(story, "author", None)
    return {
        "title": plain_text(getattr(story, "title", "")),
        "url": getattr(story, "url", ""),
        "date": date.isoformat() if date else None,
        "author": clean_text(author) if author else None,
        "summary": plain_text(
            summary(story) if summary else getattr(story, "summary", "")
        ),
        "touchpoints": list(tags.touchpoints),
        "primary_touchpoint": tags.primary,
        "verdict": tags.verdict,
        "rating": ratings[tags.verdict] if tags.verdict else None,
        "company": tags.company,
        "moments": [
            {
                "position": m.position,
                "title": m.title,
                "touchpoint": m.touchpoint,
                "verdict": m.verdict,
                "anchor": m.anchor,
            }
            for m in entry.moments
        ],
    }


def index_document(
    index: WowIndex[Any],
    touchpoints: Vocabulary,
    verdicts: Vocabulary,
    site_url: str = "",
    stages: Sequence[str] = (),
    ratings: Mapping[str, int] | None = None,
    *,
    lazy: bool = False,
    stories: Iterable[Tagged[Any]] | None = None,
    summary: Callable[[Any], str] | None = None,
    trend_period: str = "quarter",
    prior_weight: int = 3,
    trends: Trends | None = None,
    companies: tuple[CompanyPrior, list[CompanyScore]] | None = None,
    journeys: Journeys[Any] | None = None,
    company_link: Callable[[str], tuple[str, str]] = _no_page,
) -> dict[str, Any]:
    """The whole index as a JSON-ready dict (see the README for the schema).

    With ``lazy`` the stories are an iterator that :func:`dumps` consumes
    one record at a time, so a build never holds every record at once.
    ``stories`` stands in for ``index.stories`` (the same entries, in the
    same order), e.g. an iterator that frees what each record needed;
    ``summary`` is passed to :func:`story_record`.

    The aggregates (``trends``, ``companies``, ``journeys``) are worked out
    from ``index`` unless given (a build has them already, for its pages);
    ``company_link`` gives a company's slug and page URL from its name.
    """
    ratings = ratings or verdict_ratings(verdicts)
    if trends is None:
        trends = build_trends(
            index.stories, touchpoints.slugs, verdicts.slugs, trend_period
        )
    if companies is None:
        companies = score_companies(
            index.stories,
            verdicts.slugs,
            ratings,
            prior_weight,
            index.company_names,
        )
    if journeys is None:
        journeys = build_journeys(index.stories, touchpoints.slugs, verdicts.slugs)
    prior, scores = companies
    entries = index.stories if stories is None else stories
    records = (
        story_record(entry, verdicts, ratings, summary=summary) for entry in entries
    )
    return {
        "schema_version": SCHEMA_VERSION,
        "site_url": site_url,
        "stages": list(stages),
        "touchpoints": [
            {"slug": t.slug, "label": t.label, "stage": t.stage} for t in touchpoints
        ],
        "verdicts": [
            {
                "slug": v.slug,
                "label": v.label,
                "rating": ratings[v.slug],
                "description": v.description,
            }
            for v in verdicts
        ],
        "matrix": {
            t.slug: {v.slug: index.count(t.slug, v.slug) for v in verdicts}
            for t in touchpoints
        },
        "moment_matrix": {
            t.slug: {v.slug: index.moment_cells[(t.slug, v.slug)] for v in verdicts}
            for t in touchpoints
        },
        "trends": trends.as_json(),
        "company_prior": prior.as_json(),
        "companies": [_company_record(s, company_link) for s in scores],
        "journeys": {
            "stories": journeys.stories,
            "verdict_flow": journeys.verdict_flow,
            "transitions": [
                t.as_json(lambda story: getattr(story, "url", ""))
                for t in journeys.transitions
            ],
        },
        "stories": records if lazy else list(records),
    }


def _company_record(
    score: CompanyScore, link: Callable[[str], tuple[str, str]]
) -> dict[str, Any]:
    slug, url = link(score.name)
    return {
        "name": score.name,
        "slug": slug,
        "url": url,
        "n": score.n,
        "verdicts": score.verdicts,
        "mean_rating": score.mean_rating,
        "score": score.score,
        "low": score.low,
        "high": score.high,
    }


# ASCII only: characters beyond it are written as \uXXXX escapes, so the text
# of a big index is held at one byte per character while it is written (one
# "…" in a summary would otherwise make Python hold all of it at two).
_ENCODE = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": ")).encode


def dumps(document: dict[str, Any]) -> str:
    """Serialise deterministically: one top-level key per line and one story
    per line (readable, diffable, and written by the C encoder, which an
    indented dump cannot use). ``<``, ``>`` and ``&`` are escaped as
    ``\\u003c`` etc. so the JSON can also be embedded in a page safely.

    The pieces are joined once, at the end: a big index is never copied
    whole to escape or indent it, and, given an iterator of stories, never
    held whole as records either.
    """
    return "".join(pieces(document))


def pieces(document: dict[str, Any]) -> Iterator[str]:
    """The text of :func:`dumps`, in pieces: a story's record is serialised
    when the previous piece has been taken, so a writer can write the index
    without ever holding all of it."""
    yield "{\n"
    for number, (key, value) in enumerate(document.items()):
        yield (",\n" if number else "") + f"  {_ENCODE(key)}: "
        if key == "stories":
            empty = True
            for item in value:
                yield "[\n    " if empty else ",\n    "
                yield _escaped(item)
                empty = False
            yield "[]" if empty else "\n  ]"
        else:
            yield _escaped(value)
    yield "\n}\n"


def _escaped(value: Any) -> str:
    text = _ENCODE(value)
    if "<" in text or ">" in text or "&" in text:
        text = (
            text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        )
    return text
