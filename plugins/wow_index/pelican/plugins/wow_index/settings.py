"""The plugin's settings: one typed schema, one validation loop.

Every setting has a name, a default, the types it accepts and, for URL
patterns, the placeholders it may use. :func:`load_settings` checks a
Pelican settings dict against the schema, fills in defaults and fails fast
with a message naming the setting and what would fix it.
"""

from __future__ import annotations

import difflib
import itertools
import keyword
import string
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .index.vocabulary import Vocabulary, VocabularyError, default_vocabulary_data
from .state import STATE_KEY

__all__ = [
    "SCHEMA",
    "Setting",
    "SettingsError",
    "WowSettings",
    "load_settings",
    "verdict_ratings",
]

_NONE = type(None)


class SettingsError(ValueError):
    """A WOW_* setting has the wrong type or value."""


@dataclass(frozen=True)
class Setting:
    """One documented setting.

    ``placeholders`` are the ``{fields}`` a pattern may use; ``check``, when
    given, looks at a value of the right type and returns what is wrong with
    it (or None), so every rule lives next to the setting it is about.
    """

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    placeholders: frozenset[str] | None = None
    check: Callable[[Any], str | None] | None = None


def _fields(pattern: str) -> set[str]:
    """The placeholder names a ``str.format`` pattern uses."""
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(pattern)
        if name is not None
    }


def _needs(*fields: str, every: bool) -> Callable[[Any], str | None]:
    """A pattern that makes one file per term must tell the terms apart."""

    def check(value: Any) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        used = _fields(value) & set(fields)
        if (used == set(fields)) if every else used:
            return None
        wanted = (" and " if every else " or ").join("{" + f + "}" for f in fields)
        return f"= {value!r} must use {wanted}, or every page would get one address"

    return check


def _url(
    name: str,
    default: str | None,
    doc: str,
    *fields: str,
    every: bool = False,
) -> Setting:
    check = _needs(*fields, every=every) if fields else None
    return Setting(name, default, (str, _NONE, bool), doc, frozenset(fields), check)


def _strings(value: Any) -> str | None:
    if all(isinstance(item, str) for item in value):
        return None
    return "must be a list of strings"


def _block_name(value: Any) -> str | None:
    if value.isidentifier() and not keyword.iskeyword(value):
        return None
    return f"= {value!r} is not a Jinja block name (letters, digits, underscores)"


def _wrapper(value: Any) -> str | None:
    """Opening tags of boxes only (see article_frame.frame_from_markup)."""
    if value in (None, "", "auto"):
        return None
    from .pages.article_frame import frame_from_markup  # it reads SettingsError

    try:
        frame_from_markup(value)
    except SettingsError as error:
        return str(error).removeprefix("WOW_CONTENT_WRAPPER ").split("; ")[0]
    return None


def _period(value: Any) -> str | None:
    if value in ("year", "quarter", "month"):
        return None
    return f"= {value!r} is not a period; use 'year', 'quarter' or 'month'"


def _ratings(value: Any) -> str | None:
    if value is None:
        return None
    if all(isinstance(r, int) and not isinstance(r, bool) for r in value.values()):
        return None
    return "must map each verdict slug to a whole number, e.g. {'wow': 4, 'bad': 1}"


_DEFAULTS = default_vocabulary_data()
_TERM = ("slug", "name")
_CELL = ("touchpoint", "verdict")

SCHEMA: tuple[Setting, ...] = (
    Setting("WOW_STRICT", False, (bool,), "Fail the build on any content problem."),
    Setting(
        "WOW_SANITIZE_HTML",
        False,
        (bool,),
        "Clean the HTML of every article and page (summaries included): "
        "scripts, styles, frames, forms, event handlers, data- attributes and "
        "links other than http(s), mailto and tel are removed and reported; "
        "unclosed tags are closed; link placeholders are rewritten safely and "
        "the final HTML cleaned; static pages, scripts and unsafe SVGs are not "
        "published.",
    ),
    Setting(
        "WOW_STATIC_ACTIVE_FILES",
        [],
        (list, tuple),
        "With WOW_SANITIZE_HTML: static files (paths in the content folder, "
        "or patterns such as 'demos/*.html') that may be published although a "
        "browser runs them as a page or script (.html, .htm, .xhtml, .js, "
        ".mjs …); any other such file is not published.",
        check=_strings,
    ),
    Setting(
        "WOW_REMEMBER_FILES",
        False,
        (bool,),
        "Keep each source file's check results and moments, and the list of "
        "content files, from one build to the next in the same process (a "
        "dev server that rebuilds on save reads again only what changed); "
        "about 1 KB a file. False: every build starts afresh, in less memory.",
    ),
    Setting(
        "WOW_SPEEDUPS",
        False,
        (bool,),
        "Turn on the speed-ups for big sites: Markdown converted in worker "
        "processes, the WoW pages rendered by a forked copy (the two "
        "WOW_PARALLEL_* settings), and Pelican's memos and lists kept "
        "smaller. They start processes and use Pelican's private code, "
        "checked against the running Pelican (a mismatch turns them off "
        "with one warning); the output is the same, byte for byte. False: "
        "the plugin starts no process and patches nothing in Pelican.",
    ),
    Setting(
        "WOW_PARALLEL_MARKDOWN",
        True,
        (bool,),
        "With WOW_SPEEDUPS: convert Markdown sources in worker processes "
        "when a build reads at least 200 of them and may use two CPUs or "
        "more; the output is the same, byte for byte. False reads them one "
        "at a time, as Pelican does.",
    ),
    Setting(
        "WOW_PARALLEL_PAGES",
        True,
        (bool,),
        "With WOW_SPEEDUPS: render the WoW pages in two processes (a forked"
        " copy renders them from the last page back, from before Pelican "
        "writes its own pages when no other plugin can change them "
        "meanwhile, else while the build renders from the first) on Linux, "
        "with two CPUs or more and Pelican's own Writer, when there are at "
        "least 100 of them; every page is still written by the build, byte "
        "for byte the same. False renders them in the build's process.",
    ),
    Setting(
        "WOW_TOUCHPOINTS",
        _DEFAULTS["touchpoints"],
        (dict,),
        "Touchpoint vocabulary: {slug: {label, stage, aliases, description}}.",
    ),
    Setting(
        "WOW_VERDICTS",
        _DEFAULTS["verdicts"],
        (dict,),
        "Verdict vocabulary, best first: {slug: {label, aliases, description}}.",
    ),
    Setting(
        "WOW_STAGES",
        _DEFAULTS["stages"],
        (list, tuple),
        "Journey stages, in the order the index shows them.",
        check=_strings,
    ),
    Setting(
        "WOW_VERDICT_RATINGS",
        None,
        (dict, _NONE),
        "Rating of each verdict, {slug: int}, best first; None rates them "
        "len(WOW_VERDICTS) (best) down to 1.",
        check=_ratings,
    ),
    Setting(
        "WOW_INDEX_TITLE",
        None,
        (str, _NONE),
        "Heading of the index page; None for 'WoW index' in the site's language.",
    ),
    _url("WOW_INDEX_URL", "wow/", "URL of the WoW index page."),
    _url("WOW_INDEX_SAVE_AS", "wow/index.html", "Where the WoW index is written."),
    _url(
        "WOW_TOUCHPOINT_URL", "wow/touchpoint/{slug}/", "Touchpoint page URL.", *_TERM
    ),
    _url(
        "WOW_TOUCHPOINT_SAVE_AS",
        "wow/touchpoint/{slug}/index.html",
        "Touchpoint page file; empty to build none.",
        *_TERM,
    ),
    _url("WOW_VERDICT_URL", "wow/verdict/{slug}/", "Verdict page URL.", *_TERM),
    _url(
        "WOW_VERDICT_SAVE_AS",
        "wow/verdict/{slug}/index.html",
        "Verdict page file; empty to build none.",
        *_TERM,
    ),
    _url("WOW_COMPANY_URL", "wow/company/{slug}/", "Company page URL.", *_TERM),
    _url(
        "WOW_COMPANY_SAVE_AS",
        "wow/company/{slug}/index.html",
        "Company page file; empty to build none.",
        *_TERM,
    ),
    _url("WOW_COMPANIES_URL", "wow/company/", "URL of the list of companies."),
    _url(
        "WOW_COMPANIES_SAVE_AS",
        "wow/company/index.html",
        "File of the list of companies; empty to build none.",
    ),
    _url(
        "WOW_CELL_URL",
        "wow/touchpoint/{touchpoint}/{verdict}/",
        "Cell page URL (one touchpoint, one verdict).",
        *_CELL,
        every=True,
    ),
    _url(
        "WOW_CELL_SAVE_AS",
        "wow/touchpoint/{touchpoint}/{verdict}/index.html",
        "Cell page file; empty to build none.",
        *_CELL,
        every=True,
    ),
    _url("WOW_TRENDS_URL", "wow/trends/", "URL of the trends page."),
    _url(
        "WOW_TRENDS_SAVE_AS",
        "wow/trends/index.html",
        "File of the trends page (verdict mix per period); empty to build none.",
    ),
    _url("WOW_JOURNEYS_URL", "wow/journeys/", "URL of the journeys page."),
    _url(
        "WOW_JOURNEYS_SAVE_AS",
        "wow/journeys/index.html",
        "File of the journeys page (how verdicts change between moments); "
        "empty to build none.",
    ),
    _url("WOW_JSON_SAVE_AS", "wow/index.json", "Data file; empty to build none."),
    _url(
        "WOW_CSS_SAVE_AS",
        "wow/wow.css",
        "Stylesheet the fallback WoW pages link (wide tables scroll, row "
        "headings align; no colours or fonts); empty for none.",
    ),
    _url(
        "WOW_TOUCHPOINT_FEED_ATOM",
        "wow/touchpoint/{slug}/atom.xml",
        "Atom feed per touchpoint; empty for none.",
        *_TERM,
    ),
    _url(
        "WOW_TOUCHPOINT_FEED_ATOM_URL",
        None,
        "Public URL of that feed, when it differs from its path.",
        *_TERM,
    ),
    _url(
        "WOW_VERDICT_FEED_ATOM",
        "wow/verdict/{slug}/atom.xml",
        "Atom feed per verdict; empty for none.",
        *_TERM,
    ),
    _url(
        "WOW_VERDICT_FEED_ATOM_URL",
        None,
        "Public URL of that feed, when it differs from its path.",
        *_TERM,
    ),
    _url(
        "WOW_COMPANY_FEED_ATOM",
        None,
        "Atom feed per company, e.g. 'wow/company/{slug}/atom.xml'; None for none.",
        *_TERM,
    ),
    _url(
        "WOW_COMPANY_FEED_ATOM_URL",
        None,
        "Public URL of that feed, when it differs from its path.",
        *_TERM,
    ),
    Setting(
        "WOW_PAGINATION",
        None,
        (int, _NONE),
        "Stories per listing page; None uses DEFAULT_PAGINATION.",
    ),
    Setting("WOW_LATEST", 10, (int,), "How many latest stories the index shows."),
    Setting(
        "WOW_TREND_PERIOD",
        "quarter",
        (str,),
        "Length of a period on the trends page and in index.json: 'year', "
        "'quarter' or 'month'.",
        check=_period,
    ),
    Setting(
        "WOW_COMPANY_PRIOR_WEIGHT",
        3,
        (int,),
        "How many stories the site's mean rating counts as in every "
        "company's score (pulls the scores of companies with few stories "
        "toward the mean).",
    ),
    Setting(
        "WOW_BASE_TEMPLATE",
        "base.html",
        (str, _NONE),
        "Theme template the WoW pages extend; None for the plugin's own layout.",
    ),
    Setting(
        "WOW_TITLE_BLOCK",
        "title",
        (str,),
        "Block of WOW_BASE_TEMPLATE that holds the page title.",
        check=_block_name,
    ),
    Setting(
        "WOW_CONTENT_BLOCK",
        "content",
        (str,),
        "Block of WOW_BASE_TEMPLATE that holds the page's main content.",
        check=_block_name,
    ),
    Setting(
        "WOW_CONTENT_WRAPPER",
        "auto",
        (str, _NONE),
        "Elements around the WoW pages' content, as the theme's article "
        "template puts them around an article's: 'auto' reads them from it, "
        "a string of opening tags names them, None for none.",
        check=_wrapper,
    ),
    Setting(
        "WOW_LOCALE_DIRS",
        [],
        (list, tuple),
        "Folders of message catalogues (LANG/LC_MESSAGES/pelican_wow_index.mo) "
        "tried before the plugin's own.",
        check=_strings,
    ),
)

_BY_NAME = {s.name: s for s in SCHEMA}


def _type_names(types: tuple[type, ...]) -> str:
    return " or ".join("None" if t is _NONE else t.__name__ for t in types)


def _check(setting: Setting, value: Any) -> Any:
    if isinstance(value, PurePath):
        value = str(value)
    if not isinstance(value, setting.types) or (
        isinstance(value, bool) and bool not in setting.types
    ):
        raise SettingsError(
            f"{setting.name} must be {_type_names(setting.types)}, "
            f"got {type(value).__name__} {value!r}. {setting.doc}"
        )
    if value is True and setting.placeholders is not None:
        raise SettingsError(
            f"{setting.name} must be a path pattern, or empty to turn it off; got True"
        )
    if isinstance(value, list | tuple):
        value = [str(v) if isinstance(v, PurePath) else v for v in value]
    if setting.placeholders is not None and isinstance(value, str):
        try:
            used = _fields(value)
        except ValueError as error:
            raise SettingsError(
                f"{setting.name} = {value!r} is not a valid pattern: {error}"
            ) from None
        extra = used - setting.placeholders
        if extra:
            allowed = ", ".join("{" + p + "}" for p in sorted(setting.placeholders))
            raise SettingsError(
                f"{setting.name} = {value!r} uses unknown placeholder(s) "
                f"{', '.join('{' + e + '}' for e in sorted(extra))}; "
                f"allowed: {allowed or 'none'}"
            )
    if isinstance(value, int) and not isinstance(value, bool) and value < 1:
        raise SettingsError(f"{setting.name} must be at least 1, got {value}")
    problem = setting.check(value) if setting.check else None
    if problem:
        raise SettingsError(f"{setting.name} {problem}. {setting.doc}")
    return value


@dataclass(frozen=True)
class WowSettings:
    """Validated settings, with the vocabularies built."""

    values: Mapping[str, Any]
    touchpoints: Vocabulary
    verdicts: Vocabulary
    ratings: Mapping[str, int]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def strict(self) -> bool:
        return bool(self.values["WOW_STRICT"])

    @property
    def stages(self) -> tuple[str, ...]:
        return tuple(self.values["WOW_STAGES"])


def load_settings(settings: MutableMapping[str, Any] | None = None) -> WowSettings:
    """Validate the WOW_* settings and fill in defaults, in place.

    Unknown WOW_* names are refused with a did-you-mean, so a typo in a
    setting never silently falls back to the default.
    """
    settings = settings if settings is not None else {}
    for name in sorted(k for k in settings if k.startswith("WOW_")):
        # STATE_KEY: the build's state, set before Pelican starts by a tool
        # that calls observe_fragments (a dev server).
        if name not in _BY_NAME and name != STATE_KEY:
            close = difflib.get_close_matches(name, _BY_NAME, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise SettingsError(f"{name} is not a pelican-wow-index setting{hint}")
    values: dict[str, Any] = {}
    for setting in SCHEMA:
        value = settings.get(setting.name, setting.default)
        values[setting.name] = _check(setting, value)
        settings[setting.name] = values[setting.name]
    try:
        touchpoints = Vocabulary.from_mapping(
            "WOW_TOUCHPOINTS", values["WOW_TOUCHPOINTS"]
        )
        verdicts = Vocabulary.from_mapping("WOW_VERDICTS", values["WOW_VERDICTS"])
    except VocabularyError as error:
        raise SettingsError(str(error)) from None
    clash = set(touchpoints.slugs) & set(verdicts.slugs)
    if clash:
        raise SettingsError(
            "WOW_TOUCHPOINTS and WOW_VERDICTS share the slug(s) "
            f"{', '.join(sorted(clash))}; moment headings could not tell them apart"
        )
    return WowSettings(
        values,
        touchpoints,
        verdicts,
        verdict_ratings(verdicts, values["WOW_VERDICT_RATINGS"]),
    )


def verdict_ratings(
    verdicts: Vocabulary, ratings: Mapping[str, int] | None = None
) -> dict[str, int]:
    """Each verdict's rating: as given, or from len(verdicts) (best) to 1.

    Ratings must name every verdict and fall from best to worst, so the
    order of ``WOW_VERDICTS`` and the scale always agree.
    """
    if ratings is None:
        return {v.slug: len(verdicts) - v.position for v in verdicts}
    if set(ratings) != set(verdicts.slugs):
        raise SettingsError(
            f"WOW_VERDICT_RATINGS must rate exactly the verdicts "
            f"{', '.join(verdicts.slugs)}; got {', '.join(ratings) or 'none'}"
        )
    ordered = [ratings[slug] for slug in verdicts.slugs]
    if any(better <= worse for better, worse in itertools.pairwise(ordered)):
        raise SettingsError(
            f"WOW_VERDICT_RATINGS must fall from best to worst in WOW_VERDICTS "
            f"order ({', '.join(verdicts.slugs)}); got {ordered}"
        )
    return dict(ratings)
