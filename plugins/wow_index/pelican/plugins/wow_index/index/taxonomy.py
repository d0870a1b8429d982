"""Touchpoint, verdict and company: three descriptions, one engine.

Each taxonomy is declared once (its name, template, whether a story has one
or many, where its terms come from); the generator renders them all with the
same loop. Terms are Pelican :class:`~pelican.urlwrappers.URLWrapper`
objects, so they compare with strings, sort, slugify and format their URLs
like Pelican's own categories and tags, from ``WOW_<KIND>_URL`` and
``WOW_<KIND>_SAVE_AS`` settings.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from pelican.urlwrappers import URLWrapper

from .vocabulary import Term

__all__ = [
    "INSIGHT_PAGES",
    "TAXONOMIES",
    "Cell",
    "Company",
    "InsightPage",
    "Taxonomy",
    "Touchpoint",
    "Verdict",
    "WowTerm",
]


def _format(pattern: Any, **fields: str) -> str:
    """Format a URL pattern; an empty or disabled pattern gives ''."""
    if not pattern or not isinstance(pattern, str):
        return ""
    return pattern.format(**fields)


class WowTerm(URLWrapper):
    """A term of one taxonomy, with the stories that carry it.

    ``articles`` and ``split`` are filled in by the generator: the stories
    (newest first) and the counts along the other axis.
    """

    kind: ClassVar[str] = ""

    def __init__(
        self, name: str, settings: Mapping[str, Any], slug: str | None = None
    ) -> None:
        super().__init__(name, settings)
        if slug is not None:
            self.slug = slug
        self._urls: dict[tuple[str, bool], str] = {}
        self.articles: list[Any] = []
        self.split: list[tuple[Any, int, Cell | None]] = []

    @property
    def articles(self) -> list[Any]:
        return self._articles

    @articles.setter
    def articles(self, value: list[Any]) -> None:
        # Whether a page exists (and so the URL) depends on the stories.
        self._articles = value
        self._urls.clear()

    def _from_settings(self, key: str, get_page_name: bool = False) -> str:
        # Every story card links its terms: work the URL out once per term.
        cached = self._urls.get((key, get_page_name))
        if cached is not None:
            return cached
        value = _format(
            self.settings.get(f"WOW_{self.kind.upper()}_{key}"),
            slug=self.slug,
            name=self.name,
        )
        if key == "URL" and not (self.articles and self.save_as):
            value = ""  # no page is built for it, so nothing may link to it
        elif get_page_name and value.endswith(".html"):
            value = value.rsplit(".", 1)[0]
        self._urls[(key, get_page_name)] = value
        return value

    page_name = property(
        functools.partial(_from_settings, key="URL", get_page_name=True)
    )
    url = property(functools.partial(_from_settings, key="URL"))
    save_as = property(functools.partial(_from_settings, key="SAVE_AS"))

    @property
    def feed_save_as(self) -> str:
        return _format(
            self.settings.get(f"WOW_{self.kind.upper()}_FEED_ATOM"),
            slug=self.slug,
            name=self.name,
        )

    @property
    def feed_url(self) -> str:
        pattern = self.settings.get(f"WOW_{self.kind.upper()}_FEED_ATOM_URL")
        return _format(pattern, slug=self.slug, name=self.name) or self.feed_save_as

    @property
    def count(self) -> int:
        return len(self.articles)


class _VocabularyTerm(WowTerm):
    """A term that comes from a vocabulary: its slug is fixed, not slugified."""

    def __init__(self, term: Term, settings: Mapping[str, Any]) -> None:
        super().__init__(term.label, settings, slug=term.slug)
        self.term = term

    @property
    def label(self) -> str:
        return self.term.label

    @property
    def description(self) -> str:
        return self.term.description

    @property
    def position(self) -> int:
        return self.term.position


class Touchpoint(_VocabularyTerm):
    kind = "touchpoint"

    @property
    def stage(self) -> str | None:
        return self.term.stage


class Verdict(_VocabularyTerm):
    kind = "verdict"

    def __init__(self, term: Term, settings: Mapping[str, Any], rating: int) -> None:
        super().__init__(term, settings)
        #: From ``WOW_VERDICT_RATINGS``; by default the number of verdicts
        #: (best) down to 1 (worst), schema.org's scale.
        self.rating = rating


class Company(WowTerm):
    kind = "company"

    def __init__(
        self, name: str, settings: Mapping[str, Any], slug: str | None = None
    ) -> None:
        super().__init__(name, settings, slug)
        #: The company's ``CompanyScore`` (set by the generator), or None
        #: when none of its stories has a verdict.
        self.score: Any = None
        if slug is None:
            # Worked out here, not by Pelican (whose warning names no file:
            # the story's own problem does, see ``checking``).
            slug = company_slug(name, settings)
            self.slug = slug or fallback_company_slug(name)
        elif not slug:
            self.slug = fallback_company_slug(name)


def company_slug(name: str, settings: Mapping[str, Any]) -> str:
    """The slug Pelican would make of a company ``name`` ('' when it has
    nothing Pelican can slugify, e.g. "!!!" or "☕☕")."""
    from pelican.utils import slugify

    return str(
        slugify(
            name,
            regex_subs=settings.get(
                "COMPANY_REGEX_SUBSTITUTIONS",
                settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            ),
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        )
    )


def fallback_company_slug(name: str) -> str:
    """A stable slug for a company whose name gives none: a page of its own,
    not one written over the list of companies."""
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"company-{digest}"


class Cell:
    """One cell of the matrix: the stories with one touchpoint and verdict."""

    def __init__(
        self, touchpoint: Touchpoint, verdict: Verdict, settings: Mapping[str, Any]
    ) -> None:
        self.touchpoint = touchpoint
        self.verdict = verdict
        self.settings = settings
        self.articles: list[Any] = []
        self.moments = 0

    def _from_settings(self, key: str) -> str:
        return _format(
            self.settings.get(f"WOW_CELL_{key}"),
            touchpoint=self.touchpoint.slug,
            verdict=self.verdict.slug,
        )

    @property
    def save_as(self) -> str:
        return self._from_settings("SAVE_AS")

    @property
    def url(self) -> str:
        return self._from_settings("URL") if self.save_as and self.articles else ""

    @property
    def page_name(self) -> str:
        return self.url

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def name(self) -> str:
        return f"{self.touchpoint.name} · {self.verdict.name}"

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Cell {self.touchpoint.slug}/{self.verdict.slug}>"


@dataclass(frozen=True)
class Taxonomy:
    """How one taxonomy is published: the engine needs nothing else.

    ``other`` names the axis whose split a term page shows (a touchpoint page
    shows its verdicts, a verdict page its touchpoints, a company page its
    verdicts).
    """

    kind: str
    template: str
    many_per_story: bool
    other: str
    list_template: str | None = None
    list_setting: str | None = None


TAXONOMIES: tuple[Taxonomy, ...] = (
    Taxonomy("touchpoint", "wow/touchpoint", many_per_story=True, other="verdict"),
    Taxonomy("verdict", "wow/verdict", many_per_story=False, other="touchpoint"),
    Taxonomy(
        "company",
        "wow/company",
        many_per_story=False,
        other="verdict",
        list_template="wow/companies",
        list_setting="WOW_COMPANIES",
    ),
)


@dataclass(frozen=True)
class InsightPage:
    """A single page over every story (trends, journeys): its template and
    the ``<setting>_URL`` / ``<setting>_SAVE_AS`` pair that places it (an
    empty save path builds no page, and nothing links to it)."""

    name: str
    template: str
    setting: str


INSIGHT_PAGES: tuple[InsightPage, ...] = (
    InsightPage("trends", "wow/trends", "WOW_TRENDS"),
    InsightPage("journeys", "wow/journeys", "WOW_JOURNEYS"),
)
