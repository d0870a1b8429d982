"""Reading a story's tags from its metadata.

Pure functions: they take the metadata Pelican read (or any mapping) and
return the normalised tags plus the problems found. Nothing here touches
Pelican, so every rule is tested directly.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..problems import Problem, display_path, locate_field
from .vocabulary import Vocabulary

__all__ = ["StoryTags", "clean_text", "parse_story_tags", "split_values"]

_LIST_SEPARATORS = re.compile(r"[,;|]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_COMPANY_LENGTH = 120
# More unknown values than this are one problem, not one line each.
MAX_UNKNOWN_REPORTED = 3
TAG_FIELDS = ("touchpoint", "verdict", "company")


@dataclass(frozen=True, slots=True)
class StoryTags:
    """The normalised tags of one story. Empty tags mean "untagged"."""

    touchpoints: tuple[str, ...] = ()
    verdict: str | None = None
    company: str | None = None

    @property
    def primary(self) -> str | None:
        """The first touchpoint: where the story mostly happened."""
        return self.touchpoints[0] if self.touchpoints else None

    @property
    def is_tagged(self) -> bool:
        """A story belongs in the index once it has a touchpoint or a verdict."""
        return bool(self.touchpoints or self.verdict)


def clean_text(value: Any) -> str:
    """Plain one-line text from a metadata value: no control characters,
    white space collapsed. Escaping is left to the output format."""
    text = _CONTROL.sub("", str(value))
    return " ".join(text.split())


def split_values(value: Any) -> list[str]:
    """A metadata value as a list of non-empty items.

    Accepts a comma (or ``;``/``|``) separated string, or the list Pelican
    makes when a key is repeated.
    """
    items = value if isinstance(value, list | tuple) else [value]
    values: list[str] = []
    for item in items:
        if item is None:
            continue
        values.extend(
            part for part in (clean_text(p) for p in _LIST_SEPARATORS.split(str(item)))
        )
    return [v for v in values if v]


def _choices(vocabulary: Vocabulary) -> str:
    return ", ".join(vocabulary.slugs)


class _Collector:
    """Collects problems for one story, finding each field's line lazily."""

    def __init__(self, path: str | None) -> None:
        self._source = path
        self.problems: list[Problem] = []

    def add(self, field: str, message: str, suggestion: str | None = None) -> None:
        self.problems.append(
            Problem(
                path=display_path(self._source),
                line=locate_field(self._source, field),
                field=field,
                message=message,
                suggestion=suggestion,
            )
        )


def _fields(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """Each field's value by its lower-case name (the first spelling wins):
    one pass, however many fields are looked up."""
    fields: dict[str, Any] = {}
    for key, value in metadata.items():
        if isinstance(key, str):
            fields.setdefault(key.lower(), value)
    return fields


def _misspelt_fields(
    metadata: Mapping[str, Any], present: Mapping[str, Any], report: _Collector
) -> None:
    """A field name close to a tag field (``Tuchpoint``, ``Verdicts``) would
    quietly turn a story into an essay: report it with a did-you-mean."""
    for key in metadata:
        if not isinstance(key, str) or key.lower() in TAG_FIELDS:
            continue
        close = _close_tag_field(key.lower())
        if close and close not in present:
            report.add(
                key,
                "is not a field the WoW index reads, so the story is not tagged by it",
                close.capitalize(),
            )


@functools.lru_cache(maxsize=1024)
def _close_tag_field(name: str) -> str | None:
    """The tag field ``name`` is a near miss of, if any. Remembered: a site
    has a handful of field names and thousands of stories."""
    folded = re.sub(r"[\s_-]+", "", name)
    close = difflib.get_close_matches(folded, TAG_FIELDS, n=1, cutoff=0.75)
    return close[0] if close else None


def parse_story_tags(
    metadata: Mapping[str, Any],
    touchpoints: Vocabulary,
    verdicts: Vocabulary,
    path: str | None = None,
) -> tuple[StoryTags, list[Problem]]:
    """Normalise ``Touchpoint``, ``Verdict`` and ``Company`` metadata.

    Unknown values are dropped (the story stays published, untagged for that
    field) and reported with a did-you-mean. A story with neither touchpoint
    nor verdict is an essay and is not an error.
    """
    report = _Collector(path)
    fields = _fields(metadata)
    tp_value, v_value = fields.get("touchpoint"), fields.get("verdict")
    found = _touchpoints(tp_value, touchpoints, report)
    verdict = _verdict(v_value, verdicts, report)
    company = _company(fields.get("company"), report)
    _misspelt_fields(metadata, fields, report)
    if tp_value is not None and v_value is None:
        report.add(
            "Verdict",
            f"missing while Touchpoint is set; add 'Verdict: ' with one of: "
            f"{_choices(verdicts)}",
        )
    if v_value is not None and tp_value is None:
        report.add(
            "Touchpoint",
            f"missing while Verdict is set; add 'Touchpoint: ' with one of: "
            f"{_choices(touchpoints)}",
        )

    return StoryTags(tuple(found), verdict, company), report.problems


def _touchpoints(value: Any, touchpoints: Vocabulary, report: _Collector) -> list[str]:
    """The touchpoint slugs of a ``Touchpoint`` value, first (primary) first;
    unknown ones reported (a long list of them in one line)."""
    found: list[str] = []
    if value is None:
        return found
    raw = split_values(value)
    if not raw:
        report.add(
            "Touchpoint",
            f"is empty; write one or more of: {_choices(touchpoints)}, "
            "or remove the line for an essay",
        )
    unknown: list[str] = []
    for item in raw:
        slug = touchpoints.resolve(item)
        if slug is None:
            unknown.append(item)
        elif slug not in found:
            found.append(slug)
    if len(unknown) > MAX_UNKNOWN_REPORTED:
        shown = ", ".join(repr(u) for u in unknown[:MAX_UNKNOWN_REPORTED])
        report.add(
            "Touchpoint",
            f"{len(unknown)} unknown touchpoints ({shown} and "
            f"{len(unknown) - MAX_UNKNOWN_REPORTED} more); use one or more "
            f"of: {_choices(touchpoints)}",
        )
    else:
        for item in unknown:
            report.add(
                "Touchpoint",
                f"unknown touchpoint {item!r}; use one of: {_choices(touchpoints)}",
                touchpoints.suggest(item),
            )
    return found


def _verdict(value: Any, verdicts: Vocabulary, report: _Collector) -> str | None:
    """The verdict slug of a ``Verdict`` value: exactly one known value."""
    if value is None:
        return None
    raw = split_values(value)
    if not raw:
        report.add("Verdict", f"is empty; write one of: {_choices(verdicts)}")
        return None
    if len(raw) > 1:
        report.add(
            "Verdict",
            f"takes one value, got {len(raw)} ({', '.join(raw)}); "
            f"keep one of: {_choices(verdicts)}",
        )
        return None
    verdict = verdicts.resolve(raw[0])
    if verdict is None:
        report.add(
            "Verdict",
            f"unknown verdict {raw[0]!r}; use one of: {_choices(verdicts)}",
            verdicts.suggest(raw[0]),
        )
    return verdict


def _company(value: Any, report: _Collector) -> str | None:
    """The company named by a ``Company`` value, as plain text: the first
    one if given several times, cut to ``MAX_COMPANY_LENGTH``."""
    if value is None:
        return None
    values = value if isinstance(value, list | tuple) else [value]
    names = [name for name in (clean_text(v) for v in values) if name]
    if len(names) > 1:
        report.add("Company", f"given {len(names)} times; keep one Company line")
    if not names:
        return None
    company = names[0]
    if len(company) > MAX_COMPANY_LENGTH:
        report.add(
            "Company",
            f"is {len(company)} characters long; shorten it to at most "
            f"{MAX_COMPANY_LENGTH}",
        )
        company = company[:MAX_COMPANY_LENGTH].rstrip()
    return company
