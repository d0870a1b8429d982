"""``check``'s word on where a file would be written, before any build.

The build repairs these as it reads each story (``storypaths``, then
``recovery`` and ``templatecheck`` once everything is read); ``check``
reads the files themselves, so it tells the same things from the header:
a ``Lang`` that is not a language tag, a slug with ``..``, bidi characters
or too many bytes, a ``Save_as`` or ``Url`` that is absolute, leaves the
output folder or takes a page the site writes itself, a ``Template`` the
theme does not have. The rules are the same pure functions
(``outputpaths``), so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..problems import Problem
from ..sources import Source
from .outputpaths import (
    MAX_SLUG_BYTES,
    Outputs,
    clash,
    clean_slug,
    comparable,
    is_language_tag,
    normalise_output_path,
)
from .siteoutputs import site_outputs

__all__ = ["check_outputs", "default_paths", "path_problems"]


def check_outputs(
    settings: Mapping[str, Any], wow: Any, companies: Iterable[str | None] = ()
) -> Outputs:
    """What the site writes itself, as far as the settings and the
    ``companies`` named in the files tell (no category, tag or archive
    pages: those the build checks)."""
    from ..index.grouping import company_key
    from ..index.taxonomy import Cell, Company, Touchpoint, Verdict

    scale = len(wow.verdicts)
    touchpoints = [Touchpoint(t, settings) for t in wow.touchpoints]
    verdicts = [Verdict(v, settings, scale) for v in wow.verdicts]
    cells = [Cell(t, v, settings) for t in touchpoints for v in verdicts]
    names = {company_key(c.strip()): c.strip() for c in companies if c and c.strip()}
    firms = [Company(names[key], settings) for key in sorted(names)]
    return site_outputs(settings, {}, [*touchpoints, *verdicts, *firms, *cells])


def _shown(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def _default_save_as(
    source: Source, settings: Mapping[str, Any], slug: str, lang: str
) -> str:
    """The path Pelican's ``*_SAVE_AS`` settings give ``slug``, where it can
    be worked out from the header alone ('' otherwise)."""
    kind = "ARTICLE" if source.kind == "article" else "PAGE"
    default_lang = str(settings.get("DEFAULT_LANG", "en")).lower()
    key = f"{kind}_SAVE_AS" if lang == default_lang else f"{kind}_LANG_SAVE_AS"
    pattern = settings.get(key)
    if not isinstance(pattern, str) or not pattern:
        return ""
    try:
        return pattern.format(slug=slug, lang=lang)
    except (KeyError, IndexError, ValueError, AttributeError):
        return ""  # needs the date, category or author: the build checks it


def _term_problems(source: Source, settings: Mapping[str, Any]) -> list[Problem]:
    """A category, tag or author whose page name would be too long."""
    from pelican.utils import slugify

    problems = []
    for key, label in (
        ("category", "Category"),
        ("tags", "Tags"),
        ("author", "Author"),
    ):
        value = source.get(key)
        if not value:
            continue
        names = [n.strip() for n in value.split(",")] if key == "tags" else [value]
        for name in names:
            slug = slugify(
                name,
                regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
                preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
                use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
            )
            if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
                problems.append(
                    source.problem(
                        source.names.get(key, label),
                        f"{_shown(name)} gives a page name longer than "
                        f"{MAX_SLUG_BYTES} bytes; a build cuts it: use a "
                        "shorter name",
                    )
                )
                break
    return problems


def default_paths(
    sources: Iterable[tuple[Source, str | None]], settings: Mapping[str, Any]
) -> dict[str, str]:
    """Where each file without a ``Save_as`` is written by default (path ->
    the file, as shown), from ``(source, slug)`` pairs: what a ``Save_as``
    of another file may not take."""
    found: dict[str, str] = {}
    for source, slug in sources:
        if not slug or source.get("save_as") is not None:
            continue
        lang = source.get("lang")
        default_lang = str(settings.get("DEFAULT_LANG", "en")).lower()
        lang = lang.strip() if lang and is_language_tag(lang) else default_lang
        normal, why = normalise_output_path(
            _default_save_as(source, settings, slug, lang) or ""
        )
        if why is None:
            found.setdefault(comparable(normal), source.display)
    return found


def path_problems(
    source: Source,
    settings: Mapping[str, Any],
    outputs: Outputs | None,
    slug: str | None,
    defaults: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Problems with where ``source`` would be written; ``slug`` is the slug
    Pelican would give it, ``outputs`` what the site writes itself and
    ``defaults`` where the other files go (see :func:`default_paths`)."""
    problems: list[Problem] = []
    default_lang = str(settings.get("DEFAULT_LANG", "en")).lower()
    lang = source.get("lang")
    if lang is not None and not is_language_tag(lang):
        problems.append(
            source.problem(
                source.names.get("lang", "Lang"),
                f"{_shown(lang)} is not a language tag; a build publishes it in "
                f"the site's language ({default_lang!r}): write a tag such as "
                "'en' or 'pt-BR', or delete the line",
            )
        )
        lang = None
    lang = (lang or default_lang).strip()
    if slug:
        field = source.names.get("slug", "Slug") if source.get("slug") else "Title"
        reasons = []
        if clean_slug(slug) != slug:
            reasons.append("has invisible or bidi control characters")
        parts = slug.split("/")
        if (
            slug.startswith("/")
            or "\\" in slug
            or any(p in ("", ".", "..") or p.startswith(".") for p in parts)
        ):
            reasons.append("is not a safe path ('..', '//', a leading '/' or '.')")
        if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
            reasons.append(f"is longer than {MAX_SLUG_BYTES} bytes")
        if reasons:
            problems.append(
                source.problem(
                    field,
                    f"the slug {_shown(slug)} {' and '.join(reasons)}; a build "
                    "changes it: write a short 'Slug: …' of letters, digits "
                    "and hyphens",
                )
            )
    for name in ("save_as", "url"):
        value = source.get(name)
        if value is None or value == "":
            continue
        field = source.names.get(name, name.capitalize())
        normal, why = normalise_output_path(value)
        if why is None and outputs is not None and name == "save_as":
            owner = clash(normal, outputs) or (defaults or {}).get(
                comparable(normal.rstrip("/"))
            )
            if owner:
                why = f"would replace {owner}"
        if why is not None:
            problems.append(
                source.problem(
                    field,
                    f"the path {_shown(value)} {why}; a build publishes the "
                    "story at its default path: write a path of its own inside "
                    "the site, or delete the line",
                )
            )
    if slug and outputs is not None and source.get("save_as") is None:
        save_as = _default_save_as(source, settings, slug, lang)
        normal, why = normalise_output_path(save_as) if save_as else ("", None)
        owner = clash(normal, outputs) if normal else None
        if owner and not problems:
            field = source.names.get("slug", "Slug") if source.get("slug") else "Title"
            problems.append(
                source.problem(
                    field,
                    f"would be written to {normal}, which {owner} writes; a "
                    "build publishes it as '…-2': change the title or add a "
                    "'Slug: …' line",
                )
            )
    problems += _term_problems(source, settings)
    template = source.get("template")
    if template:
        from .templatecheck import has_template, theme_loader

        extensions = list(settings.get("TEMPLATE_EXTENSIONS") or [".html"])
        if not has_template(theme_loader(settings), template, extensions):
            problems.append(
                source.problem(
                    source.names.get("template", "Template"),
                    f"the theme has no template {_shown(template)}; a build "
                    "uses the default one: name a template of the theme or "
                    "delete the line",
                )
            )
    return problems
