"""Moments: the steps of a longer story, read from its rendered HTML.

A writer marks a heading as a moment with Markdown's ``attr_list``::

    ## Called for an update {: .phone .bad }

Classes that are touchpoint or verdict slugs make the heading a moment. The
HTML is only parsed when a heading carries a class at all, so stories
without moments cost a regular-expression scan and nothing more; and then
only the headings that carry a class are parsed, not the whole story, which
keeps the parse to a few hundred bytes. They are parsed with the standard
library's ``HTMLParser``: for a few headings it is faster than BeautifulSoup
with lxml, and it spares every build that has moments BeautifulSoup's import
(about 100 ms and 8 MB, most of it the CSS selector engine). The text and
classes read are the ones BeautifulSoup would give (a test compares them).
Results are remembered by HTML and vocabulary slugs, so a process that
builds again (``invoke serve``) parses only the stories that changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from .vocabulary import Vocabulary

__all__ = ["Moment", "extract_moments", "unclosed_attribute_lists"]

_HEADING_WITH_CLASS = re.compile(r"<h[1-6]\b[^>]*\bclass\s*=", re.IGNORECASE)
# A whole heading element with a class attribute. Headings cannot nest, so the
# first closing tag of the same level ends it.
_CLASSED_HEADING = re.compile(
    r"<(h[1-6])\b[^>]*\bclass\s*=[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose text is not a heading's text (BeautifulSoup's get_text
# leaves them out too).
_NOT_TEXT = frozenset({"script", "style", "template"})
# Block elements that end a heading a writer forgot to close.
_BLOCKS = frozenset(
    {"p", "div", "ul", "ol", "dl", "table", "pre", "blockquote", "hr", "section"}
)
# (html, touchpoint slugs, verdict slugs) -> result; the keys are strings the
# articles already hold, so this costs little beyond the results themselves.
_REMEMBERED: dict[
    tuple[str, tuple[str, ...], tuple[str, ...]],
    tuple[tuple[Moment, ...], tuple[MomentIssue, ...]],
] = {}
_REMEMBER_AT_MOST = 50_000


@dataclass(frozen=True, slots=True)
class Moment:
    """One step of a story's journey."""

    position: int
    title: str
    touchpoint: str | None
    verdict: str | None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class MomentIssue:
    """A heading class that looks like a mistyped vocabulary slug."""

    heading: str
    css_class: str
    suggestion: str | None
    message: str


# A heading whose text ends in an attribute list that was never closed
# (``## Waited on hold {: .phone .meh``): Markdown leaves it as text.
_HEADING_TEXT = re.compile(
    r"<h[1-6]\b[^>]*>(.*?)</h[1-6]\s*>", re.IGNORECASE | re.DOTALL
)
_UNCLOSED = re.compile(r"\{:?[ \t]*[.#][^{}]*$")
_TAG = re.compile(r"<[^>]*>")


def unclosed_attribute_lists(html: str) -> list[MomentIssue]:
    """Headings that end in ``{: .class …`` with no ``}``: meant as moments,
    published as plain headings with the braces in their text."""
    if "{" not in html:
        return []
    issues = []
    for match in _HEADING_TEXT.finditer(html):
        text = unescape(_TAG.sub("", match.group(1))).strip()
        unclosed = _UNCLOSED.search(text)
        if unclosed:
            issues.append(
                MomentIssue(
                    text,
                    unclosed.group().lstrip("{: \t"),
                    None,
                    "the attribute list is not closed (no '}'), so this "
                    "heading is not a moment; end the line with ' }', e.g. "
                    f"'{text.rstrip()} }}'",
                )
            )
    return issues


def extract_moments(
    html: str,
    touchpoints: Vocabulary,
    verdicts: Vocabulary,
    *,
    remember: bool = False,
) -> tuple[list[Moment], list[MomentIssue]]:
    """Return the moments marked in ``html``, in document order, and issues.

    A heading is a moment when one of its classes is a touchpoint or verdict
    slug. Within a moment heading, a class that is close to a slug (``.phnoe``)
    is reported with a did-you-mean; other classes are styling and ignored.
    With ``remember`` the result is kept by HTML, for a process that builds
    again and again (``WOW_REMEMBER_FILES``).
    """
    if not html or not _HEADING_WITH_CLASS.search(html):
        return [], []
    if not remember:
        _REMEMBERED.clear()
        return _parse_moments(html, touchpoints, verdicts)
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
    reader = _HeadingReader()
    reader.feed(headings or html)
    reader.close()
    moments: list[Moment] = []
    issues: list[MomentIssue] = []
    for heading in reader.headings:
        classes = heading.classes
        tp = [c for c in classes if c in touchpoints]
        vd = [c for c in classes if c in verdicts]
        title = heading.title
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
                anchor=heading.anchor,
            )
        )
    return moments, issues


@dataclass(slots=True)
class _Heading:
    classes: list[str]
    anchor: str | None
    texts: list[str]

    @property
    def title(self) -> str:
        """The text, each piece stripped, joined by single spaces."""
        return " ".join(piece for text in self.texts if (piece := text.strip()))


class _HeadingReader(HTMLParser):
    """The headings that carry a class attribute, with their text, ids and
    classes; character references resolved, tags and comments left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[_Heading] = []
        self._open: tuple[str, _Heading] | None = None
        self._skipping: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HEADINGS or tag in _BLOCKS:
            self._open = None  # a heading does not hold either
        if tag in _NOT_TEXT and self._open is not None:
            self._skipping = self._skipping or tag
        if tag not in _HEADINGS:
            return
        values: dict[str, str] = {}
        for name, value in attrs:
            values.setdefault(name, value or "")  # the first one counts
        if "class" in values:
            heading = _Heading(values["class"].split(), values.get("id"), [])
            self.headings.append(heading)
            self._open = (tag, heading)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._skipping:
            self._skipping = None
        elif self._open is not None and tag == self._open[0]:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None and self._skipping is None:
            self._open[1].texts.append(data)


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
