"""One story's own output paths made safe, as Pelican reads it.

Runs on every article and page the moment Pelican makes it
(``content_object_init``), before Pelican checks where it would be written
and drops it: a ``Lang`` that is not a language tag, a slug with ``..``,
bidi characters or 300 characters, a ``Save_as`` or ``Url`` that is absolute
or leaves the output folder. Each is repaired so the story is still
published, at its default path where its own was refused, with one problem
naming the file, line and field. Whether a path clashes with another output
of the build is decided later, once everything is read (``recovery``).
"""

from __future__ import annotations

from typing import Any

from ..pelican_compat import (
    clear_output_override,
    output_override,
    set_output_override,
)
from ..problems import Problem, display_path, locate_field
from .outputpaths import (
    MAX_SLUG_BYTES,
    clean_slug,
    is_language_tag,
    normalise_output_path,
    shorten_slug,
)

__all__ = ["secure_paths"]


def _shown(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def _problem(content: Any, field: str, message: str) -> Problem:
    path = getattr(content, "source_path", None)
    return Problem(
        display_path(path), field, message, line=locate_field(path, field.lower())
    )


def _slugify(value: str, settings: Any) -> str:
    from pelican.utils import slugify

    return slugify(
        value,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def _check_lang(content: Any, settings: Any) -> list[Problem]:
    lang = getattr(content, "lang", None)
    if "lang" not in getattr(content, "metadata", {}) or is_language_tag(lang):
        return []
    default = str(settings.get("DEFAULT_LANG", "en")).lower()
    content.lang = content.metadata["lang"] = default
    content.in_default_lang = True
    return [
        _problem(
            content,
            "Lang",
            f"{_shown(str(lang))} is not a language tag; published in the "
            f"site's language ({default!r}): write a tag such as 'en' or "
            "'pt-BR', or delete the line",
        )
    ]


def _unsafe_segments(slug: str) -> bool:
    parts = slug.split("/")
    return (
        slug.startswith("/")
        or "\\" in slug
        or any(part in ("", ".", "..") or part.startswith(".") for part in parts)
    )


def _check_slug(content: Any, settings: Any) -> list[Problem]:
    slug = getattr(content, "slug", None)
    if not isinstance(slug, str) or not slug:
        return []
    field = "Slug" if "slug" in content.metadata else "Title"
    new = clean_slug(slug)
    reasons = []
    if new != slug:
        reasons.append("had invisible or bidi control characters (removed)")
    if _unsafe_segments(new):
        new = _slugify(new, settings)
        reasons.append("is not a safe path ('..', '//', a leading '/' or '.')")
    if len(new.encode("utf-8")) > MAX_SLUG_BYTES:
        new = shorten_slug(new)
        reasons.append(f"was longer than {MAX_SLUG_BYTES} bytes (cut, with a hash)")
    if new == slug:
        return []
    if not new:
        new = shorten_slug(_slugify(str(getattr(content, "title", "")), settings))
    content.slug = new
    if "slug" in content.metadata:
        content.metadata["slug"] = new
    return [
        _problem(
            content,
            field,
            f"the slug {_shown(slug)} {' and '.join(reasons)}; published as "
            f"{_shown(new)}: write a short 'Slug: …' of letters, digits and hyphens",
        )
    ]


def _may_need_cutting(name: str) -> bool:
    """Whether a name's slug could be too long or hold invisible characters.
    An ASCII name's slug is never longer than the name, so short ASCII names
    are skipped without slugifying them; any other name is slugified here
    (Pelican keeps the slug, so it is not worked out again later)."""
    return not name.isascii() or len(name) > MAX_SLUG_BYTES or clean_slug(name) != name


def _check_terms(content: Any) -> list[Problem]:
    """Category, tags and authors whose slugs make names too long to save."""
    problems = []
    for key, field in (
        ("category", "Category"),
        ("tags", "Tags"),
        ("authors", "Author"),
    ):
        value = getattr(content, key, None)
        terms = value if isinstance(value, list | tuple) else [value]
        for term in terms:
            name = getattr(term, "name", None)
            if not isinstance(name, str) or not _may_need_cutting(name):
                continue  # its slug is short and clean: not worked out here
            slug = getattr(term, "slug", None)
            if not isinstance(slug, str):
                continue
            new = shorten_slug(clean_slug(slug))
            if new == slug:
                continue
            term.slug = new
            problems.append(
                _problem(
                    content,
                    field,
                    f"{_shown(str(term))} gives a page name longer than "
                    f"{MAX_SLUG_BYTES} bytes or with control characters; its "
                    f"page is {_shown(new)}: use a shorter name",
                )
            )
    return problems


def _check_overrides(content: Any) -> list[Problem]:
    """``Save_as`` and ``Url`` from the file: spelt one way, or dropped (both,
    so the story's link and file stay together) when no story may use them."""
    problems = []
    for key, field in (("save_as", "Save_as"), ("url", "Url")):
        value = output_override(content, key)
        if value is None or value == "":  # empty: Pelican writes no file
            continue
        normal, why = normalise_output_path(str(value))
        if why is None:
            if normal != value and not (key == "url" and normal == value + "/"):
                set_output_override(content, key, normal)
            continue
        clear_output_override(content)
        problems.append(
            _problem(
                content,
                field,
                f"the path {_shown(str(value))} {why}; published at its "
                f"default path {content.save_as!r}: write a path inside the "
                "site, such as 'stories/my-story/index.html', or delete the line",
            )
        )
        break
    return problems


def secure_paths(content: Any) -> list[Problem]:
    """Repair, in place, the paths ``content`` (an article or page) would be
    written to; return what was wrong, one problem per field."""
    from pelican.contents import Static

    settings = getattr(content, "settings", None)
    # A static file's path is its source path; asking for it would also
    # stop Pelican from moving it beside the page that links it ({attach}).
    if isinstance(content, Static) or settings is None:
        return []
    if not hasattr(content, "metadata"):
        return []
    problems = _check_lang(content, settings)
    problems += _check_slug(content, settings)
    problems += _check_terms(content)
    problems += _check_overrides(content)
    # The paths the settings make of a clean slug, language and category are
    # not worked out again here (Pelican does, for every URL): a site's own
    # *_SAVE_AS settings are trusted, and what they make of a story is
    # compared with the other outputs once everything is read.
    return problems
