"""Moments: the steps of a longer story, read from its rendered HTML.

A writer marks a heading as a moment with Markdown's ``attr_list``::

    ## Called for an update {: .phone .bad }

Classes that are touchpoint or verdict slugs make the heading a moment. The
HTML is only parsed when a heading carries a class at all, so stories
without moments cost a regular-expression scan and nothing more; and then
only the headings that carry a class are handed to BeautifulSoup (with lxml),
not the whole story, which keeps the parse to a few hundred bytes. Results
are remembered by HTML and vocabulary slugs, so a process that builds again
(``invoke serve``) parses only the stories that changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import Vocabulary

__all__ = ["Moment", "extract_moments", "html_parser"]

_HEADING_WITH_CLASS = re.compile(r"<h[1-6]\b[^>]*\bclass\s*=", re.IGNORECASE)
# A whole heading element with a class attribute. Headings cannot nest, so the
# first closing tag of the same level ends it.
_CLASSED_HEADING = re.compile(
    r"<(h[1-6])\b[^>]*\bclass\s*=[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
# (html, touchpoint slugs, verdict slugs) -> result; the keys are strings the
# articles already hold, so this costs little beyond the results themselves.
_REMEMBERED: dict[
    tuple[str, tuple[str, ...], tuple[str, ...]],
    tuple[tuple[Moment, ...], tuple[MomentIssue, ...]],
] = {}
_REMEMBER_AT_MOST = 50_000


def html_parser() -> str:
    """The fastest parser BeautifulSoup can use here (lxml when installed)."""
    try:
        import lxml  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        return "html.parser"
    return "lxml"


@dataclass(frozen=True)
class Moment:
    """One step of a story's journey."""

    position: int
    title: str
    touchpoint: str | None
    verdict: str | None
    anchor: str | None = None


@dataclass(frozen=True)
class MomentIssue:
    """A heading class that looks like a mistyped vocabulary slug."""

    heading: str
    css_class: str
    suggestion: str | None
    message: str


def extract_moments(
    html: str, touchpoints: Vocabulary, verdicts: Vocabulary
) -> tuple[list[Moment], list[MomentIssue]]:
    """Return the moments marked in ``html``, in document order, and issues.

    A heading is a moment when one of its classes is a touchpoint or verdict
    slug. Within a moment heading, a class that is close to a slug (``.phnoe``)
    is reported with a did-you-mean; other classes are styling and ignored.
    """
    if not html or not _HEADING_WITH_CLASS.search(html):
        return [], []
    key = (html, touchpoints.slugs, verdicts.slugs)
    known = _REMEMBERED.get(key)
    if known is not None:
        return list(known[0]), list(known[1])
    moments, issues = _parse_moments(html, touchpoints, verdicts)
    if len(_REMEMBERED) >= _REMEMBER_AT_MOST:
        _REMEMBERED.clear()
    _REMEMBERED[key] = (tuple(moments), tuple(issues))
    return moments, issues


def _parse_moments(
    html: str, touchpoints: Vocabulary, verdicts: Vocabulary
) -> tuple[list[Moment], list[MomentIssue]]:
    headings = "".join(m.group(0) for m in _CLASSED_HEADING.finditer(html))
    # Imported here: a site whose stories have no moments never loads it.
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(headings or html, html_parser())
    moments: list[Moment] = []
    issues: list[MomentIssue] = []
    for heading in soup.find_all(_HEADINGS, class_=True):
        classes = heading.get("class") or []
        tp = [c for c in classes if c in touchpoints]
        vd = [c for c in classes if c in verdicts]
        title = heading.get_text(" ", strip=True)
        if not tp and not vd:
            # Not a moment, unless every class was mistyped: say so.
            issues.extend(_near_misses(title, classes, touchpoints, verdicts))
            continue
        issues.extend(_near_misses(title, classes, touchpoints, verdicts))
        if len(tp) > 1 or len(vd) > 1:
            issues.append(
                MomentIssue(
                    title,
                    " ".join(tp + vd),
                    None,
                    "a moment takes one touchpoint and one verdict class",
                )
            )
        if not tp or not vd:
            missing = "touchpoint" if not tp else "verdict"
            issues.append(
                MomentIssue(title, " ".join(tp + vd), None, f"no {missing} class")
            )
        moments.append(
            Moment(
                position=len(moments) + 1,
                title=title,
                touchpoint=tp[0] if tp else None,
                verdict=vd[0] if vd else None,
                anchor=heading.get("id"),
            )
        )
    return moments, issues


def _near_misses(
    title: str, classes: list[str], touchpoints: Vocabulary, verdicts: Vocabulary
) -> list[MomentIssue]:
    """Classes close to a slug (``.phnoe``): mistyped, with a did-you-mean.
    Other classes are styling and left alone."""
    issues = []
    for css_class in classes:
        if css_class in touchpoints or css_class in verdicts:
            continue
        hint = touchpoints.suggest(css_class, slugs_only=True) or verdicts.suggest(
            css_class, slugs_only=True
        )
        if hint:
            issues.append(
                MomentIssue(title, css_class, hint, f"unknown class .{css_class}")
            )
    return issues
