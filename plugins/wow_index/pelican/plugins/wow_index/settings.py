"""The plugin's settings: one typed schema, one validation loop.

Every setting has a name, a default, the types it accepts and, for URL
patterns, the placeholders it may use. :func:`load_settings` checks a
Pelican settings dict against the schema, fills in defaults and fails fast
with a message naming the setting and what would fix it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .vocabulary import Vocabulary, VocabularyError, default_vocabulary_data

__all__ = ["SCHEMA", "Setting", "SettingsError", "WowSettings", "load_settings"]

_NONE = type(None)


class SettingsError(ValueError):
    """A WOW_* setting has the wrong type or value."""


@dataclass(frozen=True)
class Setting:
    """One documented setting."""

    name: str
    default: Any
    types: tuple[type, ...]
    doc: str
    placeholders: frozenset[str] | None = None


def _url(name: str, default: str, doc: str, *fields: str) -> Setting:
    return Setting(name, default, (str, _NONE, bool), doc, frozenset(fields))


_DEFAULTS = default_vocabulary_data()
_TERM = ("slug", "name")
_CELL = ("touchpoint", "verdict")

SCHEMA: tuple[Setting, ...] = (
    Setting("WOW_STRICT", False, (bool,), "Fail the build on any content problem."),
    Setting(
        "WOW_SANITIZE_HTML",
        False,
        (bool,),
        "Clean the HTML of every article and page: no scripts, styles, frames, "
        "forms, event handlers or unsafe links; unclosed tags closed.",
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
    ),
    _url(
        "WOW_CELL_SAVE_AS",
        "wow/touchpoint/{touchpoint}/{verdict}/index.html",
        "Cell page file; empty to build none.",
        *_CELL,
    ),
    _url("WOW_JSON_SAVE_AS", "wow/index.json", "Data file; empty to build none."),
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
    if setting.placeholders is not None and isinstance(value, str):
        try:
            used = {
                name.split(".")[0].split("[")[0]
                for _, name, _, _ in string.Formatter().parse(value)
                if name is not None
            }
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
    return value


@dataclass(frozen=True)
class WowSettings:
    """Validated settings, with the vocabularies built."""

    values: Mapping[str, Any]
    touchpoints: Vocabulary
    verdicts: Vocabulary

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
        if name not in _BY_NAME:
            import difflib

            close = difflib.get_close_matches(name, _BY_NAME, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise SettingsError(f"{name} is not a pelican-wow-index setting{hint}")
    values: dict[str, Any] = {}
    for setting in SCHEMA:
        value = settings.get(setting.name, setting.default)
        values[setting.name] = _check(setting, value)
        settings[setting.name] = values[setting.name]
    stages = values["WOW_STAGES"]
    if not all(isinstance(s, str) for s in stages):
        raise SettingsError("WOW_STAGES must be a list of strings")
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
    return WowSettings(values, touchpoints, verdicts)
