"""The WoW generator: Pelican's two phases, for every taxonomy at once.

``generate_context`` tags every article, groups the tagged ones and puts the
``wow`` view in the shared context (so any template, article pages included,
can use it). ``generate_output`` writes the JSON data, the index, one page
per term of each taxonomy (paginated, with a feed where configured) and the
cell pages, all through the site's Writer, in that order; with Pelican's own
Writer a forked copy of the build renders pages ahead (see ``ahead.py``).
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, FileSystemLoader, FunctionLoader
from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import Generator
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..checking import check_files, story_problems
from ..index.company_scores import score_companies
from ..index.export import dumps, index_document, pieces
from ..index.grouping import Tagged, WowIndex, build_index, company_key
from ..index.journeys import build_journeys
from ..index.taxonomy import (
    INSIGHT_PAGES,
    TAXONOMIES,
    Cell,
    Company,
    Taxonomy,
    Touchpoint,
    Verdict,
    WowTerm,
)
from ..index.trends import build_trends
from ..notices import build_lines
from ..pelican_compat import open_for_writing, speedups_enabled, template_search_path
from ..problems import Problem, WowContentError, plugin_failed_on
from ..safety.contenttree import skipped_problems
from ..safety.outputpaths import Outputs
from ..safety.recovery import explain_dropped, resolve_collisions
from ..safety.safewrites import failed_writes
from ..safety.siteoutputs import site_outputs
from ..safety.templatecheck import missing_templates
from ..settings import WowSettings, load_settings
from ..sources import content_files
from ..speedups.ahead import PagesAhead, renders_without_side_effects
from ..speedups.memos import RenderedSummaries, no_new_memos
from ..state import build_state
from .article_frame import (
    FRAMED,
    choose_frame,
    extends_wow_base,
    frame_loader_source,
    title_joiner,
    with_heading_class,
)
from .charts import (
    FlowChart,
    IntervalChart,
    TrendChart,
    flow_chart,
    interval_chart,
    trend_chart,
    verdict_colours,
    verdict_symbols,
)
from .fragments import FragmentCache
from .i18n import install_translations
from .layout import STANDALONE, choose_layout

__all__ = ["WowGenerator", "WowView", "tag_articles"]

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent.parent / "templates"
STYLESHEET = Path(__file__).parent.parent / "static" / "wow.css"


@dataclass(frozen=True, slots=True)
class StoryMoment:
    """A moment as templates see it: with its touchpoint and verdict terms."""

    position: int
    title: str
    anchor: str | None
    touchpoint: Touchpoint | None
    verdict: Verdict | None


@dataclass(frozen=True, slots=True)
class _Page:
    """One ``Writer.write_file`` call: a page, or a paginated list of pages
    (``pages`` of them, as the Writer will split it)."""

    save_as: str
    template: Any
    context: dict[str, Any]
    relative_urls: bool
    variables: dict[str, Any]
    pages: int

    def __call__(self, writer: Any, template: Any = None) -> None:
        writer.write_file(
            self.save_as,
            self.template if template is None else template,
            self.context,
            relative_urls=self.relative_urls,
            **self.variables,
        )


class WowView:
    """What templates see as ``wow``: terms with their stories, the matrix.

    Built once per build from a :class:`WowIndex` of slugs; every list is in
    vocabulary order and every term carries ``url``, ``articles``, ``count``
    and ``split``.
    """

    def __init__(
        self, index: WowIndex[Any], wow_settings: WowSettings, settings: dict[str, Any]
    ) -> None:
        self.index = index
        self.settings = settings
        self.touchpoints = [Touchpoint(t, settings) for t in wow_settings.touchpoints]
        self.verdicts = [
            Verdict(v, settings, wow_settings.ratings[v.slug])
            for v in wow_settings.verdicts
        ]
        self._tp = {t.slug: t for t in self.touchpoints}
        self._vd = {v.slug: v for v in self.verdicts}
        self.companies = [
            Company(index.company_names[key], settings) for key in index.by_company
        ]
        self._co = {company_key(c.name): c for c in self.companies}

        stories = {
            tp: [e.story for e in entries]
            for tp, entries in index.by_touchpoint.items()
        }
        for term in self.touchpoints:
            term.articles = stories.get(term.slug, [])
        for term in self.verdicts:
            term.articles = [e.story for e in index.by_verdict.get(term.slug, [])]
        for term in self.companies:
            term.articles = [e.story for e in index.by_company[company_key(term.name)]]

        self.cells: dict[tuple[str, str], Cell] = {}
        for tp in self.touchpoints:
            for vd in self.verdicts:
                cell = Cell(tp, vd, settings)
                cell.articles = [
                    e.story for e in index.cells.get((tp.slug, vd.slug), [])
                ]
                cell.moments = index.moment_cells[(tp.slug, vd.slug)]
                self.cells[(tp.slug, vd.slug)] = cell
        for tp in self.touchpoints:
            tp.split = [
                (
                    vd,
                    self.cells[(tp.slug, vd.slug)].count,
                    self.cells[(tp.slug, vd.slug)],
                )
                for vd in self.verdicts
            ]
        for vd in self.verdicts:
            vd.split = [
                (
                    tp,
                    self.cells[(tp.slug, vd.slug)].count,
                    self.cells[(tp.slug, vd.slug)],
                )
                for tp in self.touchpoints
            ]
        for co in self.companies:
            counts = dict(index.company_verdict_split(company_key(co.name)))
            co.split = [(vd, counts[vd.slug], None) for vd in self.verdicts]

        self.stories = [e.story for e in index.stories]
        self.untagged = list(index.untagged)
        self.latest = self.stories[: wow_settings["WOW_LATEST"]]
        self.stages = [
            (stage, [self._tp[t.slug] for t in terms])
            for stage, terms in wow_settings.touchpoints.stages(wow_settings.stages)
        ]
        self.max_count = index.max_count

        # The insights: trends, company scores, journeys (see their modules).
        touchpoint_slugs = wow_settings.touchpoints.slugs
        verdict_slugs = wow_settings.verdicts.slugs
        self.trends = build_trends(
            index.stories,
            touchpoint_slugs,
            verdict_slugs,
            wow_settings["WOW_TREND_PERIOD"],
        )
        self.company_prior, self.company_scores = score_companies(
            index.stories,
            verdict_slugs,
            wow_settings.ratings,
            wow_settings["WOW_COMPANY_PRIOR_WEIGHT"],
            index.company_names,
        )
        scored = {s.key: s for s in self.company_scores}
        for co in self.companies:
            co.score = scored.get(company_key(co.name))
        #: (score, company term) in score order: the comparison's rows.
        self.ranked = [(s, self._co[s.key]) for s in self.company_scores]
        self.unrated = [co for co in self.companies if co.score is None]
        self.journeys = build_journeys(index.stories, touchpoint_slugs, verdict_slugs)
        self.colours = verdict_colours(verdict_slugs)
        self.symbols = verdict_symbols(verdict_slugs)

    def trend_chart(self, touchpoint: Any = None) -> TrendChart:
        """The trend of one touchpoint (a term or slug), or of every story."""
        slug = str(getattr(touchpoint, "slug", touchpoint))
        series = (
            self.trends.all
            if touchpoint is None
            else self.trends.touchpoints.get(slug, {})
        )
        return trend_chart(self.trends.periods, series, self.trends.verdicts)

    def trend_stages(self) -> list[tuple[str, list[tuple[Touchpoint, TrendChart]]]]:
        """Per journey stage, each touchpoint with rated, dated stories and
        its chart: the small multiples of the trends page."""
        stages = []
        for stage, touchpoints in self.stages:
            charts = [(tp, self.trend_chart(tp)) for tp in touchpoints]
            charted = [(tp, chart) for tp, chart in charts if chart.total]
            if charted:
                stages.append((stage, charted))
        return stages

    def company_chart(self) -> IntervalChart:
        """Every rated company's score and interval, in score order."""
        prior = self.company_prior
        return interval_chart(
            [(s.name, s.n, s.score, s.low, s.high) for s in self.company_scores],
            prior.worst,
            prior.best,
            prior.mean_rating,
        )

    def flow_chart(self) -> FlowChart:
        """Verdict to verdict between consecutive moments."""
        return flow_chart(self.journeys.verdict_flow, self.trends.verdicts)

    # Rows of the touchpoint x verdict matrix, for templates.
    @property
    def matrix(self) -> list[tuple[Touchpoint, list[Cell]]]:
        return [
            (tp, [self.cells[(tp.slug, vd.slug)] for vd in self.verdicts])
            for tp in self.touchpoints
        ]

    def cell(self, touchpoint: str, verdict: str) -> Cell:
        return self.cells[
            (
                str(getattr(touchpoint, "slug", touchpoint)),
                str(getattr(verdict, "slug", verdict)),
            )
        ]

    def touchpoint(self, slug: str) -> Touchpoint | None:
        return self._tp.get(slug)

    def verdict(self, slug: str) -> Verdict | None:
        return self._vd.get(slug)

    def company(self, name: str) -> Company | None:
        return self._co.get(company_key(name))

    def terms(self, kind: str) -> list[WowTerm]:
        return {
            "touchpoint": self.touchpoints,
            "verdict": self.verdicts,
            "company": self.companies,
        }[kind]

    @property
    def total(self) -> int:
        return len(self.stories)

    @property
    def url(self) -> str:
        return (
            self.settings["WOW_INDEX_URL"] if self.settings["WOW_INDEX_SAVE_AS"] else ""
        )

    @property
    def companies_url(self) -> str:
        return (
            self.settings["WOW_COMPANIES_URL"]
            if self.settings["WOW_COMPANIES_SAVE_AS"]
            else ""
        )

    @property
    def trends_url(self) -> str:
        return (
            self.settings["WOW_TRENDS_URL"]
            if self.settings["WOW_TRENDS_SAVE_AS"]
            else ""
        )

    @property
    def journeys_url(self) -> str:
        return (
            self.settings["WOW_JOURNEYS_URL"]
            if self.settings["WOW_JOURNEYS_SAVE_AS"]
            else ""
        )

    @property
    def json_url(self) -> str:
        return self.settings["WOW_JSON_SAVE_AS"] or ""

    @property
    def css_url(self) -> str:
        """The plugin's stylesheet, which the fallback pages link."""
        return self.settings["WOW_CSS_SAVE_AS"] or ""

    @property
    def best_rating(self) -> int:
        """The highest verdict rating (schema.org's ``bestRating``)."""
        return max(v.rating for v in self.verdicts)

    @property
    def worst_rating(self) -> int:
        """The lowest verdict rating (schema.org's ``worstRating``)."""
        return min(v.rating for v in self.verdicts)

    @property
    def title(self) -> str | None:
        """``WOW_INDEX_TITLE``; None lets templates use their translated default."""
        return self.settings.get("WOW_INDEX_TITLE")


def tag_articles(
    articles: Iterable[Any], wow_settings: WowSettings
) -> tuple[list[Tagged[Any]], list[Problem]]:
    """Parse tags and moments of every article; return entries and problems.

    A story the plugin fails on is told (file and what to do) and left out
    of the index; it is still published as an ordinary post, and the rest
    of the site is written (in strict mode the build fails on it)."""
    entries: list[Tagged[Any]] = []
    problems: list[Problem] = []
    for article in articles:
        path = getattr(article, "source_path", None)
        try:
            tags, moments, found = story_problems(
                getattr(article, "metadata", {}),
                getattr(article, "_content", "") or "",
                wow_settings,
                path=path,
            )
        except Exception as error:  # a bug, or input no check foresaw
            problems.append(plugin_failed_on(path, error))
            continue
        problems.extend(found)
        entries.append(Tagged(article, tags, tuple(moments)))
    return entries, problems


class WowGenerator(Generator):
    """Builds the WoW pages; registered through ``get_generators``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Fallback templates come last: the theme (and THEME_TEMPLATES_OVERRIDES)
        # may override any of them by name.
        self.env.loader = ChoiceLoader(
            [self.env.loader, FileSystemLoader(str(TEMPLATES))]
        )
        template_search_path(self).append(str(TEMPLATES))
        self.wow_settings = load_settings(self.settings)
        # WOW_SPEEDUPS, and what they rely on present in this Pelican.
        self.speedups = speedups_enabled(self.settings)
        self.layout = choose_layout(self.env, self.settings)
        self.env.loader.loaders.append(DictLoader(dict(self.layout.templates)))
        # The theme's box around an article's content, for the WoW pages'.
        self.frame = choose_frame(
            self.env, self.settings, self.layout.base == STANDALONE
        )
        self.env.globals["wow_heading"] = with_heading_class
        self._page_templates: dict[str, Any] = {}
        joiner = None
        if self.layout.base != STANDALONE:
            joiner = title_joiner(self.env, self.layout.base)
        self.env.loader.loaders.append(
            FunctionLoader(
                partial(frame_loader_source, frame=self.frame, joiner=joiner)
            )
        )
        if self.layout.warning:
            logger.warning("pelican-wow-index: %s", self.layout.warning)
        install_translations(
            self.env,
            self.settings.get("DEFAULT_LANG"),
            self.wow_settings["WOW_LOCALE_DIRS"],
        )
        # Templates are read once per build (a new generator each build), so
        # Jinja need not check every template file's time on every render.
        self.env.auto_reload = False
        self.fragments = FragmentCache(
            drop_memos=self.speedups,
            observers=build_state(self.settings).fragment_observers,
        )
        self.env.globals["wow_once"] = self.fragments
        self.summaries = RenderedSummaries(self.speedups)
        self.env.globals["wow_summary_text"] = self.summaries.text
        self.view: WowView | None = None
        self.problems: list[Problem] = []
        # The output steps and the copy rendering pages ahead, when the copy
        # starts before this generator's turn (see render_ahead).
        self._steps: list[Callable[[Any], None]] | None = None
        self._ahead: PagesAhead | None = None

    # Phase 1 -----------------------------------------------------------------
    def generate_context(self) -> None:
        articles = list(self.context.get("articles", []))
        others: list[Any] = []
        for article in articles:
            others.extend(getattr(article, "translations", []))
        for key in ("hidden_articles", "drafts"):
            others.extend(self.context.get(key, []))
        entries, problems = tag_articles(articles, self.wow_settings)
        extra_entries, extra_problems = tag_articles(others, self.wow_settings)
        index = build_index(
            sorted(entries, key=_story_order, reverse=True),
            self.wow_settings.touchpoints.slugs,
            self.wow_settings.verdicts.slugs,
        )
        self.view = WowView(index, self.wow_settings, self.settings)
        # Before any story's URL is used: the view holds stories, not URLs.
        recovered = self._recover(self.view)
        # What the build repaired or explains from what it read is told
        # once, in place of the file check's word for the same file and field.
        checked = self._file_problems()
        self.problems = problems + extra_problems + recovered
        self.problems += _unreported(checked, recovered)
        self.problems.sort(key=lambda p: (p.path, p.line or 0))

        for entry in entries + extra_entries:
            self._decorate(entry)
        self.context["wow"] = self.view
        self.context["wow_base"] = self.layout.base

        # Pending Suggested-* fields are one line for the whole build.
        for line in build_lines(self.problems):
            logger.warning("%s", line)
        # Links in the content folder not followed: told as they were found.
        self.problems += skipped_problems(self.context)
        if self.problems and self.wow_settings.strict:
            raise WowContentError(self.problems)

    def _recover(self, view: WowView) -> list[Problem]:
        """Problems with the site's content as a whole, and their repairs:
        files Pelican dropped, what it read wrongly (see ``prepare_content``
        in __init__.py), templates that do not exist, pages that would
        overwrite each other or the site's own pages."""
        read = self.context.get("generated_content", {})
        contents = [read[path] for path in sorted(read) if read[path] is not None]
        problems = [
            p for content in contents for p in getattr(content, "wow_problems", ())
        ]
        problems += missing_templates(contents, self._pelicans_loader(), self.settings)
        problems += resolve_collisions(contents, self._reserved_paths(view))
        problems += [self._explain(path) for path in sorted(read) if not read[path]]
        return problems

    def _pelicans_loader(self) -> Any:
        """The template loader Pelican's own generators use (this one's,
        before the WoW fallback templates were put after it)."""
        loader = self.env.loader
        return loader.loaders[0] if isinstance(loader, ChoiceLoader) else loader

    def _explain(self, relative: str) -> Problem:
        """Read a dropped file again to learn why Pelican dropped it."""
        pages = [str(p).strip("/") for p in self.settings.get("PAGE_PATHS", [])]
        is_page = any(relative == p or relative.startswith(p + "/") for p in pages)
        kind = Page if is_page else Article
        path = os.path.join(self.path, relative)
        try:
            content = self.readers.read_file(
                base_path=self.path, path=relative, content_class=kind
            )
        except Exception as error:
            return explain_dropped(path, error)
        return explain_dropped(path, None, content)

    def _reserved_paths(self, view: WowView) -> Outputs:
        """Files and folders the site writes itself, which no story or page
        may take (see ``siteoutputs``); the WoW pages' terms are the view's."""
        terms: list[Any] = [*view.touchpoints, *view.verdicts, *view.companies]
        terms += view.cells.values()
        return site_outputs(self.settings, self.context, terms)

    def _file_problems(self) -> list[Problem]:
        """What only the source files show (encoding, broken headers, dates,
        duplicate slugs); tags were checked above, so they are left out."""
        state = build_state(self.settings)
        files = _listed_content_files(
            self.path,
            self.settings,
            state.listed,
            bool(self.wow_settings["WOW_REMEMBER_FILES"]),
        )
        return check_files(files, self.settings, self.wow_settings, state.checked)

    def _decorate(self, entry: Tagged[Any]) -> None:
        """Give an article its tags as template variables."""
        assert self.view is not None
        article, tags = entry.story, entry.tags
        article.touchpoints = [self.view.touchpoint(t) for t in tags.touchpoints]
        article.touchpoint = article.touchpoints[0] if article.touchpoints else None
        article.verdict = self.view.verdict(tags.verdict) if tags.verdict else None
        company = self.view.company(tags.company) if tags.company else None
        article.company = company or (
            Company(tags.company, self.settings) if tags.company else None
        )
        article.moments = [
            StoryMoment(
                m.position,
                m.title,
                m.anchor,
                self.view.touchpoint(m.touchpoint) if m.touchpoint else None,
                self.view.verdict(m.verdict) if m.verdict else None,
            )
            for m in entry.moments
        ]

    # Phase 2 -----------------------------------------------------------------
    def render_ahead(self) -> None:
        """Start the copy that renders the WoW pages now, while Pelican writes
        its own (``get_writer``, when :func:`ahead.may_start_early` allows)."""
        if self.view is None or not self._parallel_pages():
            return
        try:
            steps = list(self._outputs())  # loads the templates
        except Exception:  # e.g. a broken template: said at this generator's
            return  # turn, after Pelican's own pages, as in a serial build
        self._steps = steps
        self._ahead = self._start_ahead(steps, early=True)
        if self._ahead is not None:
            # Stopped even if a generator before this one fails the build.
            weakref.finalize(self, self._ahead.close)

    def _start_ahead(
        self, steps: list[Callable[[Any], None]], *, early: bool = False
    ) -> PagesAhead | None:
        return PagesAhead.start(
            [step for step in steps if isinstance(step, _Page)],
            partial(Writer, settings=self.settings),
            early=early,
        )

    def generate_output(self, writer: Any) -> None:
        # Pelican's generators wrote the stories before: any that failed
        # fails a strict build here, before the WoW pages.
        failed = failed_writes(self.context)
        if failed and self.wow_settings.strict:
            if self._ahead is not None:  # the copy rendering ahead stops too
                self._ahead.close()
                self._ahead = None
            raise WowContentError(failed)
        if self.view is None:
            return
        steps = self._steps if self._steps is not None else list(self._outputs())
        ahead, self._steps, self._ahead = self._ahead, None, None
        pelicans = self.speedups and _is_pelicans_writer(writer)
        if ahead is not None and not pelicans:  # not the writer foreseen
            ahead.close()
            ahead = None
        if ahead is None and pelicans and self._parallel_pages():
            ahead = self._start_ahead(steps)
        try:
            for step in steps:
                if ahead is not None and isinstance(step, _Page):
                    ahead.write(step, writer)
                else:
                    step(writer)
        finally:
            if ahead is not None:
                ahead.close()
        self.fragments.clear()
        self.summaries.forget()

    def _outputs(self) -> Iterator[Callable[[Any], None]]:
        """Everything the WoW pages write, in order: the JSON, the index, each
        taxonomy's pages and feeds, the cells."""
        assert self.view is not None
        view = self.view
        # The JSON first: its text is the biggest thing the plugin makes at
        # once, and here it does not coincide with the rendered fragments.
        if self.settings["WOW_JSON_SAVE_AS"]:
            yield partial(self._write_json, save_as=self.settings["WOW_JSON_SAVE_AS"])
        if self.settings["WOW_CSS_SAVE_AS"]:
            yield partial(self._write_css, save_as=self.settings["WOW_CSS_SAVE_AS"])
        if self.settings["WOW_INDEX_SAVE_AS"]:
            yield self._page(
                self.settings["WOW_INDEX_SAVE_AS"],
                "wow/index",
                url=view.url,
                page_name=view.url,
            )
        for insight in INSIGHT_PAGES:
            save_as = self.settings[f"{insight.setting}_SAVE_AS"]
            if save_as:
                url = self.settings[f"{insight.setting}_URL"]
                yield self._page(save_as, insight.template, url=url, page_name=url)
        for taxonomy in TAXONOMIES:
            yield from self._taxonomy_outputs(taxonomy)
        # Term pages share one folder depth; cells sit one deeper, so the
        # entries rendered so far would not be replayed again.
        yield lambda writer: self.fragments.clear()
        for cell in view.cells.values():
            if cell.articles and cell.save_as:
                yield self._page(
                    cell.save_as,
                    "wow/cell",
                    paginated={"articles": cell.articles},
                    template_name="wow/cell",
                    url=cell.url,
                    page_name=cell.page_name,
                    cell=cell,
                    touchpoint=cell.touchpoint,
                    verdict=cell.verdict,
                    articles=cell.articles,
                )

    def _taxonomy_outputs(self, taxonomy: Taxonomy) -> Iterator[Callable[[Any], None]]:
        """The one engine: a page and a feed per term, and the list page."""
        assert self.view is not None
        terms = [t for t in self.view.terms(taxonomy.kind) if t.articles]
        for term in terms:
            if term.save_as:
                yield self._page(
                    term.save_as,
                    taxonomy.template,
                    paginated={"articles": term.articles},
                    template_name=taxonomy.template,
                    url=term.url,
                    page_name=term.page_name,
                    term=term,
                    taxonomy=taxonomy,
                    articles=term.articles,
                    **{taxonomy.kind: term},
                )
            if term.feed_save_as:
                yield partial(self._write_feed, term)
        list_setting = taxonomy.list_setting
        if taxonomy.list_template and self.settings.get(f"{list_setting}_SAVE_AS"):
            yield self._page(
                self.settings[f"{list_setting}_SAVE_AS"],
                taxonomy.list_template,
                url=self.settings[f"{list_setting}_URL"],
                page_name=self.settings[f"{list_setting}_URL"],
                terms=terms,
                taxonomy=taxonomy,
            )

    def _page(self, save_as: str, template: str, **variables: Any) -> _Page:
        """One ``Writer.write_file`` call of a WoW template."""
        assert self.view is not None
        pages = 1
        paginated = variables.get("paginated")
        name = variables.get("template_name")
        if paginated and name in self.settings["PAGINATED_TEMPLATES"]:
            per_page = (
                self.settings["PAGINATED_TEMPLATES"][name]
                or self.settings["DEFAULT_PAGINATION"]
            )
            listed = len(next(iter(paginated.values())))
            # No per-page number (DEFAULT_PAGINATION = False): one page.
            pages = max(1, -(-listed // per_page)) if per_page else 1
        variables.update(wow=self.view, wow_base=self.context["wow_base"])
        return _Page(
            save_as,
            self._page_template(template),
            self.context,
            self.settings["RELATIVE_URLS"],
            variables,
            pages,
        )

    def _parallel_pages(self) -> bool:
        return (
            self.speedups
            and bool(self.wow_settings["WOW_PARALLEL_PAGES"])
            and renders_without_side_effects(self.env)
        )

    def _page_template(self, name: str) -> Any:
        """Template ``name``, through its framed child (the theme's box
        around content and the plugin's stylesheet, see article_frame) when
        it extends ``wow_base``; a theme's own WoW template as it is."""
        # Asked once per page written: the answer is kept per template.
        if name not in self._page_templates:
            template = self.get_template(name)
            if extends_wow_base(self.env, template.name):
                template = self.env.get_template(FRAMED + template.name)
            self._page_templates[name] = template
        return self._page_templates[name]

    def _write_css(self, writer: Any, *, save_as: str) -> None:
        """The plugin's stylesheet, through the Writer like the JSON (so a
        writer that keeps track of outputs, as ``invoke serve``'s, has it)."""
        text = STYLESHEET.read_text(encoding="utf-8")
        writer.write_file(
            save_as, _Document(save_as, lambda: text), self.context, url=save_as
        )

    def _write_feed(self, term: WowTerm, writer: Any) -> None:
        with no_new_memos(self.speedups):
            writer.write_feed(
                term.articles,
                self.context,
                term.feed_save_as,
                term.feed_url,
                feed_title=term.name,
            )

    def _write_json(self, writer: Any, *, save_as: str) -> None:
        """Through the Writer, like a page: a writer that skips outputs whose
        inputs did not change (``invoke serve``) skips it too. Pelican's own
        Writer gets it in pieces (see :func:`_write_pieces`)."""
        assert self.view is not None
        view = self.view

        def document() -> dict[str, Any]:
            return index_document(
                view.index,
                self.wow_settings.touchpoints,
                self.wow_settings.verdicts,
                site_url=self.settings.get("SITEURL", ""),
                stages=self.wow_settings.stages,
                ratings=self.wow_settings.ratings,
                lazy=True,
                stories=_one_by_one(view.index.stories, self.speedups),
                summary=self.summaries.html,
                trends=view.trends,
                companies=(view.company_prior, view.company_scores),
                journeys=view.journeys,
                company_link=self._company_link,
            )

        if self.speedups and _is_pelicans_writer(writer):
            _write_pieces(writer, save_as, pieces(document()), self.context)
        else:
            writer.write_file(
                save_as,
                _Document(save_as, lambda: dumps(document())),
                self.context,
                url=save_as,
            )

    def _company_link(self, name: str) -> tuple[str, str]:
        """A company's slug and page URL (empty without a page)."""
        assert self.view is not None
        term = self.view.company(name) or Company(name, self.settings)
        return term.slug, term.url


def _is_pelicans_writer(writer: Any) -> bool:
    """Pelican's own Writer, not another (``invoke serve``'s, a plugin's):
    the index in pieces and the pages rendered ahead rely on what it does
    in ``write_file`` and ``_open_w``, which a subclass may change."""
    return type(writer) is Writer and hasattr(writer, "_open_w")


def _write_pieces(
    writer: Writer, save_as: str, text: Iterable[str], context: dict[str, Any]
) -> None:
    """What Pelican's ``Writer.write_file`` does with a page that needs no
    template, but writing the text piece by piece as it is made: rendered
    whole first, a big index would be held twice at once (the text, then its
    UTF-8 bytes), the biggest thing in memory at the end of a build."""
    path = sanitised_join(writer.output_path, save_as)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # _open_w keeps Pelican's check that no two outputs share a file.
    with open_for_writing(writer, path) as handle:
        handle.writelines(text)
    logger.info('Writing "%s"', path)
    signals.content_written.send(
        path, context={**context, "output_file": save_as, "url": save_as}
    )


def _one_by_one(
    entries: Iterable[Tagged[Any]], drop_memos: bool
) -> Iterator[Tagged[Any]]:
    """The entries, each story's memoised HTML dropped once the next is
    asked for (with the speed-ups): a record's summary of a story without
    a ``Summary`` reads the whole body, which need not stay in memory for
    every story."""
    for entry in entries:
        with no_new_memos(drop_memos):
            yield entry


class _Document:
    """A non-HTML output that Pelican's Writer renders like a template."""

    def __init__(self, name: str, render: Callable[[], str]) -> None:
        self.name = name  # as a Jinja template has, for plugins that log it
        self._render = render

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self._render()


def _listed_content_files(
    root: str,
    settings: dict[str, Any],
    listed: dict[Any, Any],
    remember: bool = False,
) -> list[Any]:
    """``content_files()``; with ``remember`` (``WOW_REMEMBER_FILES``) listed
    again only when a folder changed (adding, removing or renaming a file
    changes its folder's modification time), so a process that builds again
    and again does not redo it for every save."""
    if not remember:
        listed.clear()
        return [(str(path), kind) for path, kind in content_files(root, settings)]
    stamp = tuple(
        (folder, os.stat(folder).st_mtime_ns) for folder, _, _ in os.walk(root)
    )
    key = str(root)
    known = listed.get(key)
    if known is not None and known[0] == stamp:
        return known[1]
    # Strings, not Paths: a Path costs several times its text, for every file.
    files = [(str(path), kind) for path, kind in content_files(root, settings)]
    listed[key] = (stamp, files)
    return files


def _unreported(fallbacks: list[Problem], problems: list[Problem]) -> list[Problem]:
    """``fallbacks`` less those ``problems`` already tell (same file and
    field), so each problem is told once."""
    seen = {(p.path, p.field) for p in problems}
    return [p for p in fallbacks if (p.path, p.field) not in seen]


def _story_order(entry: Tagged[Any]) -> tuple[Any, str]:
    """Newest first; ties broken by source path so builds are deterministic."""
    story = entry.story
    return (getattr(story, "date", None) or 0, str(getattr(story, "source_path", "")))
