"""Checking content: every rule a story must pass, as pure functions.

Two layers, so a build never reports the same thing twice:

* :func:`story_problems`: tags and moments of one story, from the metadata
  Pelican read and the HTML it rendered. The generator runs it on every
  article of a build; ``check`` runs it on the files.
* :func:`file_problems` (and :func:`check_sources` over many files): what
  only the source file shows: encoding, an empty file, a header that ends
  too early, a missing title or date, a date that does not parse, duplicate
  slugs, pending suggestions. Pelican skips such files or reads them
  silently wrong, so the generator runs these too, with ``tags=False``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from .index.moments import (
    Moment,
    MomentIssue,
    extract_moments,
    unclosed_attribute_lists,
)
from .index.tagging import StoryTags, parse_story_tags
from .problems import Problem, display_path
from .safety.outputpaths import Outputs
from .safety.pathcheck import check_outputs, default_paths, path_problems
from .settings import WowSettings
from .sources import Source, read_source

__all__ = [
    "SUGGESTED_PREFIX",
    "SlugClaim",
    "check_files",
    "check_sources",
    "company_problems",
    "duplicate_slugs",
    "file_problems",
    "markdown_renderer",
    "moment_problems",
    "slug_claim",
    "story_problems",
]

STATUSES = ("published", "draft", "hidden", "skip")
SUGGESTED_PREFIX = "suggested-"
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>?")
_PLAIN_FIELDS = ("title", "company", "author")


def moment_problems(issues: Iterable[MomentIssue], path: str | None) -> list[Problem]:
    """Moment issues as problems, each with the line of its heading."""
    return [
        Problem(
            path=display_path(path),
            line=_heading_line(path, issue.heading),
            field="moment",
            message=f"{issue.message} in heading {issue.heading!r}",
            suggestion=issue.suggestion,
        )
        for issue in issues
    ]


def _heading_line(path: str | None, heading: str) -> int | None:
    """Line of the heading whose text starts like ``heading`` in the source."""
    if not path or not heading:
        return None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            probe = heading[:40]
            for number, line in enumerate(handle, start=1):
                if probe in line:
                    return number
    except OSError:
        return None
    return None


def story_problems(
    metadata: Mapping[str, Any],
    html: str,
    wow: WowSettings,
    path: str | None = None,
) -> tuple[StoryTags, list[Moment], list[Problem]]:
    """Tags and moments of one story, and what is wrong with them."""
    tags, problems = parse_story_tags(metadata, wow.touchpoints, wow.verdicts, path)
    moments, issues = extract_moments(
        html or "",
        wow.touchpoints,
        wow.verdicts,
        remember=bool(wow["WOW_REMEMBER_FILES"]),
    )
    issues += unclosed_attribute_lists(html or "")
    return tags, moments, problems + moment_problems(issues, path)


def markdown_renderer(settings: Mapping[str, Any]) -> Any:
    """A Markdown converter configured like Pelican's MarkdownReader, so
    headings get the same classes (``attr_list``) as in a build."""
    from markdown import Markdown

    config = dict(settings.get("MARKDOWN") or {})
    extension_configs = dict(config.get("extension_configs") or {})
    extensions = list(config.get("extensions") or [])
    for name in extension_configs:
        if name not in extensions:
            extensions.append(name)
    if "markdown.extensions.meta" not in extensions:
        extensions.append("markdown.extensions.meta")
    config.update(extensions=extensions, extension_configs=extension_configs)
    return Markdown(**config)


def _has_date_default(settings: Mapping[str, Any]) -> bool:
    return bool(settings.get("DEFAULT_DATE"))


# The dates writers type most; ``datetime.fromisoformat`` checks these in a
# microsecond, where Pelican's ``get_date`` (dateutil) takes some 150.
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")


def _is_date(value: str) -> bool:
    """Whether Pelican reads ``value`` as a date."""
    if _PLAIN_DATE.fullmatch(value.strip()):
        try:
            datetime.fromisoformat(value.strip())
            return True
        except ValueError:
            pass  # e.g. 2024-02-30: let Pelican's parser have the last word
    from pelican.utils import get_date

    try:
        get_date(value)
    except ValueError:
        return False
    return True


def file_problems(
    source: Source,
    settings: Mapping[str, Any],
    wow: WowSettings,
    *,
    tags: bool = True,
    renderer: Any = None,
    terms: Mapping[str, set[str]] | None = None,
    outputs: Outputs | None = None,
    defaults: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every problem of one file read with :func:`read_source`.

    With ``tags`` the story's tags and moments are checked too (moments need
    the Markdown rendered: ``renderer`` is reused across files when given),
    and with ``WOW_SANITIZE_HTML`` the markup and links a build would not
    publish (``terms``: the site's tags, categories and authors).
    """
    problems = list(source.problems)
    if source.text is None or not source.text.strip():
        return problems
    status = (source.get("status") or "published").strip().lower()
    problems += _header_problems(source, settings, status)
    problems += _markup_in_plain_fields(source)
    problems += company_problems(source, settings)
    title = source.get("title")
    if tags:  # in a build, the build itself repairs and reports these
        slug = _slug(source, settings) if title else None
        problems += path_problems(source, settings, outputs, slug, defaults)
    problems += _suggested_fields(source)
    if tags:
        problems += _rendered_problems(source, settings, wow, renderer, terms)
    return problems


def _header_problems(
    source: Source, settings: Mapping[str, Any], status: str
) -> list[Problem]:
    """Title, Status, Date and Modified: what Pelican needs to publish it."""
    problems: list[Problem] = []
    title = source.get("title")
    if title is None:
        problems.append(
            source.problem(
                "Title",
                "missing; add a 'Title: …' line at the top of the header "
                "(Pelican skips a file without one)",
                line=1,
            )
        )
    elif not title.strip():
        problems.append(source.problem("Title", "is empty; write the story's title"))
    if status not in STATUSES:
        problems.append(
            source.problem(
                "Status",
                f"unknown status {status!r}; use one of: {', '.join(STATUSES)} "
                "(Pelican skips the file otherwise)",
            )
        )
    for name in ("date", "modified"):
        value = source.get(name)
        if value is not None and not _is_date(value):
            problems.append(
                source.problem(
                    name.capitalize(),
                    f"{value!r} is not a date; write it as YYYY-MM-DD "
                    "or YYYY-MM-DD HH:MM",
                )
            )
    if (
        source.kind == "article"
        and source.get("date") is None
        and status != "draft"
        and not _has_date_default(settings)
    ):
        problems.append(
            source.problem(
                "Date",
                "missing; add a 'Date: YYYY-MM-DD' line to the header "
                "(Pelican skips a story without one)",
                line=1,
            )
        )
    return problems


def _markup_in_plain_fields(source: Source) -> list[Problem]:
    """Markup typed into a field shown as plain text (one per field)."""
    problems: list[Problem] = []
    for name in _PLAIN_FIELDS:
        for value in source.fields.get(name, []):
            markup = _MARKUP.search(value)
            if markup:
                problems.append(
                    source.problem(
                        source.names[name],
                        f"contains markup {markup.group()!r}; it is shown as "
                        "plain text, so write plain text",
                        severity="warning",
                    )
                )
                break
    return problems


def _suggested_fields(source: Source) -> list[Problem]:
    """``Suggested-*`` fields still waiting for the writer's decision."""
    return [
        source.problem(
            name,
            f"is a suggestion, not yet your own tag; rename it to "
            f"'{name[len(SUGGESTED_PREFIX) :]}:' if you agree, or delete the line",
            severity="warning",
        )
        for key, name in source.names.items()
        if key.startswith(SUGGESTED_PREFIX)
    ]


def _rendered_problems(
    source: Source,
    settings: Mapping[str, Any],
    wow: WowSettings,
    renderer: Any,
    terms: Mapping[str, set[str]] | None,
) -> list[Problem]:
    """What only the rendered text shows: a story's tags and moments, and
    (with ``WOW_SANITIZE_HTML``) the markup and links a build would not
    publish."""
    problems: list[Problem] = []
    html = ""
    if source.is_markdown:
        renderer = renderer or markdown_renderer(settings)
        renderer.reset()
        html = renderer.convert(source.text)
    elif source.path.suffix.lower() in (".html", ".htm"):
        html = source.body
    if source.kind == "article":
        _, _, found = story_problems(
            source.metadata(), html, wow, path=str(source.path)
        )
        problems.extend(found)
    if settings.get("WOW_SANITIZE_HTML"):
        from .safety.publish_checks import markup_problems

        summary = source.get("summary")
        if summary and source.is_markdown:
            # Rendered as Pelican renders a formatted field.
            renderer = renderer or markdown_renderer(settings)
            renderer.reset()
            summary = renderer.convert(summary)
        problems.extend(markup_problems(source.path, html, summary, settings, terms))
    return problems


def company_problems(source: Source, settings: Mapping[str, Any]) -> list[Problem]:
    """A company named only with punctuation ("!!!"): no name at all, so its
    page gets a made-up address. A name of letters or symbols Pelican cannot
    put in a URL ("株式会社", "☕☕") gets one too, and is a name: no word."""
    from .index.taxonomy import company_slug, fallback_company_slug

    company = (source.get("company") or "").strip()
    if not company or not all(unicodedata.category(c)[0] in "PZC" for c in company):
        return []
    if company_slug(company, settings):  # punctuation a site's rules keep
        return []
    return [
        source.problem(
            source.names.get("company", "Company"),
            f"{company!r} is only punctuation, no name; its page is "
            f"{fallback_company_slug(company)!r} for now: write the company's name",
            severity="warning",
        )
    ]


def _slug(source: Source, settings: Mapping[str, Any]) -> str | None:
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    if source.get("slug"):
        return source.get("slug")
    if settings.get("SLUGIFY_SOURCE", "title") == "basename":
        text = source.path.stem
    else:
        text = source.get("title") or ""
    if not text.strip():
        return None
    return slugify(
        text,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS")
        or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


class SlugClaim(NamedTuple):
    """The page a file would be written to, and where it says so: what
    :func:`duplicate_slugs` needs of a file, small enough to keep for many."""

    key: tuple[str, str, str]  # (kind, language, slug)
    slug: str
    path: str
    field: str
    line: int | None

    @property
    def display(self) -> str:
        return display_path(self.path)


def slug_claim(
    source: Source, settings: Mapping[str, Any], path: str | None = None
) -> SlugClaim | None:
    """The slug ``source`` claims, or None when it claims no page; ``path``
    is the file's path as a string, when the caller already holds one."""
    status = (source.get("status") or "published").strip().lower()
    if source.text is None or status == "skip":
        return None
    slug = _slug(source, settings)
    if not slug:
        return None
    kind = "draft" if status == "draft" else source.kind
    lang = (source.get("lang") or settings.get("DEFAULT_LANG", "en")).strip()
    field = "Slug" if source.get("slug") else "Title"
    return SlugClaim(
        (kind, lang, slug),
        slug,
        path if path is not None else str(source.path),
        field,
        source.line_of(field),
    )


def duplicate_slugs(
    sources: Sequence[Source], settings: Mapping[str, Any]
) -> list[Problem]:
    """Two files with the same slug (and language) would be written to the
    same page, one silently replacing the other."""
    return _duplicates(slug_claim(source, settings) for source in sources)


def _duplicates(claims: Iterable[SlugClaim | None]) -> list[Problem]:
    seen: dict[tuple[str, str, str], SlugClaim] = {}
    problems: list[Problem] = []
    for claim in claims:
        if claim is None:
            continue
        first = seen.setdefault(claim.key, claim)
        if first is claim:
            continue
        problems.append(
            Problem(
                path=claim.display,
                field=claim.field,
                line=claim.line,
                message=f"gives the slug {claim.slug!r}, already used by "
                f"{first.display}; one page would replace the other, so change "
                "the title or add a 'Slug: …' line",
            )
        )
    return problems


def check_sources(
    files: Iterable[tuple[str | Any, str]],
    settings: Mapping[str, Any],
    wow: WowSettings,
    *,
    tags: bool = True,
) -> tuple[list[Source], list[Problem]]:
    """Read and check ``(path, kind)`` pairs; return the sources read and all
    problems, file by file in the order given, duplicate slugs last."""
    sources = [read_source(path, kind) for path, kind in files]  # type: ignore[arg-type]
    renderer = markdown_renderer(settings) if tags else None
    terms = None
    if tags and settings.get("WOW_SANITIZE_HTML"):
        from .safety.publish_checks import site_terms

        terms = site_terms(sources, settings)
    companies = [source.get("company") for source in sources]
    outputs = check_outputs(settings, wow, companies) if tags else None
    defaults = (
        default_paths(
            ((s, _slug(s, settings) if s.get("title") else None) for s in sources),
            settings,
        )
        if tags
        else None
    )
    problems: list[Problem] = []
    for source in sources:
        problems.extend(
            file_problems(
                source,
                settings,
                wow,
                tags=tags,
                renderer=renderer,
                terms=terms,
                outputs=outputs,
                defaults=defaults,
            )
        )
    problems.extend(duplicate_slugs(sources, settings))
    return sources, problems


def check_files(
    files: Iterable[tuple[str | Any, str]],
    settings: Mapping[str, Any],
    wow: WowSettings,
    remembered: dict[Any, Any] | None = None,
) -> list[Problem]:
    """The problems :func:`check_sources` finds without tags, for a build.

    With ``WOW_REMEMBER_FILES``, each file's result is remembered by its
    modification time and size, so a process that builds again and again
    (``invoke serve``) reads only the files that changed; what is remembered
    is the file's slug claim and its problems, a few hundred bytes, not its
    text or header, in ``remembered`` ((path, kind) -> ((mtime_ns, size),
    slug claim, problems)), the build's own.
    """
    remember = bool(wow["WOW_REMEMBER_FILES"]) and remembered is not None
    if remembered is not None and not remember:
        remembered.clear()
    known_files = remembered if remembered is not None else {}
    claims: list[SlugClaim | None] = []
    problems: list[Problem] = []
    for path, kind in files:
        key = (str(path), str(kind))
        try:
            stat = os.stat(path)
            stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        known = known_files.get(key)
        if stamp is not None and known is not None and known[0] == stamp:
            claim, found = known[1], known[2]
        else:
            source = read_source(path, kind)  # type: ignore[arg-type]
            # A tuple (the empty one is shared), and the claim keeps the
            # key's path string: a few hundred bytes a file, kept for reuse.
            found = tuple(file_problems(source, settings, wow, tags=False))
            claim = slug_claim(source, settings, key[0])
            if stamp is not None and remember:
                known_files[key] = (stamp, claim, found)
        claims.append(claim)
        problems.extend(found)
    problems.extend(_duplicates(claims))
    return problems
