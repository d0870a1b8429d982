"""Every file and folder the build writes besides stories and pages.

A story may not take any of them (see ``outputpaths.clash``): Pelican's own
pages and their pagination, its feeds, category, tag, author and archive
pages, the WoW pages, feeds, cells, company pages and JSON, the search
index Pagefind writes afterwards, the theme's files and static folders.
Worked out from the settings and what was read, before anything is written.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from .outputpaths import Outputs

__all__ = ["site_outputs"]

_FEEDS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
)
_TERM_FEEDS = {
    "categories": ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"),
    "tags": ("TAG_FEED_ATOM", "TAG_FEED_RSS"),
    "authors": ("AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS"),
}
# Pagefind writes its index here after Pelican (see tasks.py).
SEARCH_INDEX_FOLDER = "pagefind"


def _pages(
    save_as: str, url: str, count: int, settings: Mapping[str, Any]
) -> list[str]:
    """``save_as`` and the pages a paginated list of ``count`` items adds,
    named as Pelican's Writer names them."""
    from pelican.paginator import PaginationRule, Paginator

    per_page = settings.get("DEFAULT_PAGINATION") or 0
    if not per_page or count <= per_page:
        return [save_as]
    rules = list(settings.get("PAGINATION_PATTERNS") or [])
    if not all(isinstance(rule, PaginationRule) for rule in rules):
        # Read from a settings file, Pelican turns them into rules itself.
        rules = [PaginationRule(*rule) for rule in rules]
        settings = {**settings, "PAGINATION_PATTERNS": rules}
    paginator = Paginator(save_as, url, list(range(count)), settings, per_page)
    pages = min(paginator.num_pages, math.ceil(count / per_page))
    return [save_as] + [paginator.page(n).save_as for n in range(2, pages + 1)]


def _terms(value: Any) -> Iterable[tuple[Any, list[Any]]]:
    """Pelican's category, tag and author lists: pairs or a mapping."""
    if isinstance(value, Mapping):
        return value.items()
    return [item for item in value or [] if isinstance(item, tuple)]


def _format(pattern: Any, **fields: Any) -> str:
    if not pattern or not isinstance(pattern, str):
        return ""
    try:
        return pattern.format(**fields)
    except (KeyError, IndexError, ValueError, AttributeError):
        return ""


def site_outputs(
    settings: Mapping[str, Any],
    context: Mapping[str, Any],
    wow_terms: Iterable[Any] = (),
) -> Outputs:
    """What the build writes that no story may take. ``wow_terms`` are the
    WoW pages' terms (touchpoints, verdicts, companies, cells): objects with
    ``save_as`` (and, for the first three, ``feed_save_as``)."""
    outputs = Outputs()
    articles = list(context.get("articles") or [])
    paginated = settings.get("PAGINATED_TEMPLATES") or {}
    for name in settings.get("DIRECT_TEMPLATES", []):
        save_as = settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")
        if not save_as:
            continue
        url = settings.get(f"{name.upper()}_URL", save_as)
        count = len(articles) if name in paginated else 0
        for page in _pages(save_as, url, count, settings):
            outputs.add_file(page, f"the {name} page")
    for key in _FEEDS:
        outputs.add_file(_format(settings.get(key)), f"the feed {key}")
    for key in ("TRANSLATION_FEED_ATOM", "TRANSLATION_FEED_RSS"):
        for lang in {getattr(a, "lang", "") for a in articles} | {
            settings.get("DEFAULT_LANG", "en")
        }:
            outputs.add_file(_format(settings.get(key), lang=lang), f"the feed {key}")
    for kind, feeds in _TERM_FEEDS.items():
        noun = "category" if kind == "categories" else kind[:-1]
        patterns = [settings.get(feed) for feed in feeds if settings.get(feed)]
        for term, stories in _terms(context.get(kind)):
            owner = f"the {noun} page {getattr(term, 'name', term)!r}"
            save_as = getattr(term, "save_as", "")
            if save_as.endswith("/index.html"):
                # Its further pages go in the same folder: the folder is its.
                outputs.add_file(save_as, owner)
                outputs.add_folder(save_as[: -len("/index.html")], owner)
            elif save_as:
                url = getattr(term, "url", save_as)
                for page in _pages(save_as, url, len(stories), settings):
                    outputs.add_file(page, owner)
            if patterns:
                slug = getattr(term, "slug", "")
                for pattern in patterns:
                    outputs.add_file(_format(pattern, slug=slug), owner)
    days = {getattr(a, "date", None) for a in articles} - {None}
    for period, parts in (("YEAR", 1), ("MONTH", 2), ("DAY", 3)):
        pattern = settings.get(f"{period}_ARCHIVE_SAVE_AS")
        if not pattern:
            continue
        # One date a period: archives are named by year, month or day.
        periods = {day.timetuple()[:parts]: day for day in sorted(days)}
        for date in periods.values():
            outputs.add_file(
                _format(pattern, date=date), f"the {period.lower()} archive"
            )
    for name, save_as in (settings.get("TEMPLATE_PAGES") or {}).items():
        outputs.add_file(str(save_as), f"the template page {name}")
    for name in (
        "WOW_INDEX_SAVE_AS",
        "WOW_COMPANIES_SAVE_AS",
        "WOW_TRENDS_SAVE_AS",
        "WOW_JOURNEYS_SAVE_AS",
        "WOW_JSON_SAVE_AS",
        "WOW_CSS_SAVE_AS",
    ):
        if settings.get(name):
            outputs.add_file(settings[name], name)
    for term in wow_terms:
        kind = getattr(term, "kind", "") or "cell"
        owner = f"the {kind} page {getattr(term, 'name', '')!r}".replace(" ''", "")
        save_as = getattr(term, "save_as", "")
        if save_as:
            outputs.add_file(save_as, owner)
            if save_as.endswith("/index.html"):
                # Its further pages (and cells) go in the same folder.
                outputs.add_folder(save_as.rsplit("/", 1)[0], owner)
        feed = getattr(term, "feed_save_as", "")
        if feed:
            outputs.add_file(feed, owner)
    outputs.add_folder(SEARCH_INDEX_FOLDER, "the search index (Pagefind)")
    theme_static = settings.get("THEME_STATIC_DIR", "theme")
    if theme_static:
        outputs.add_folder(theme_static, "the theme's files (THEME_STATIC_DIR)")
    content_folders = {
        str(p).strip("/")
        for p in list(settings.get("ARTICLE_PATHS") or [])
        + list(settings.get("PAGE_PATHS") or [])
    }
    for static in settings.get("STATIC_PATHS") or []:
        static = str(static).strip("/")
        if static and static not in content_folders:
            outputs.add_folder(static, f"the static folder {static}/")
    for source, extra in (settings.get("EXTRA_PATH_METADATA") or {}).items():
        if isinstance(extra, Mapping) and extra.get("save_as"):
            outputs.add_file(str(extra["save_as"]), f"the static file {source}")
    return outputs
