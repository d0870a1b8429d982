"""What a build with ``WOW_SANITIZE_HTML`` would not publish, found in the
files, so ``check`` reports it before a build does.

A build reports these from what Pelican read (``sanitizing``, ``linking``,
``static_files``); here the same rules run on the source files alone: the
markup the sanitiser would remove from a story, its link placeholders that
name nothing in the content folder, and the static files that would not be
published.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..problems import Problem, display_path
from .linking import KINDS, LinkTarget, placeholder_line, placeholder_links
from .sanitizing import clean_html, removed_markup
from .static_files import static_problem

__all__ = ["markup_problems", "site_terms", "static_file_problems"]

Terms = Mapping[str, set[str]]


def site_terms(
    sources: Iterable[Any], settings: Mapping[str, Any]
) -> dict[str, set[str]]:
    """The slugs of the tags, categories and authors ``sources`` (read with
    ``read_source``) give the site, as Pelican would make them."""
    from pelican.urlwrappers import Author, Category, Tag

    root = Path(settings.get("PATH") or ".").resolve()
    terms: dict[str, set[str]] = {"tag": set(), "category": set(), "author": set()}

    def add(kind: str, wrapper: Any, names: Iterable[str]) -> None:
        for name in names:
            if name.strip():
                terms[kind].add(wrapper(name.strip(), settings).slug)

    for source in sources:
        if source.kind != "article":
            continue
        add("tag", Tag, (source.get("tags") or "").split(","))
        authors = source.get("authors") or source.get("author") or ""
        add("author", Author, authors.split(",") or [settings.get("AUTHOR") or ""])
        category = source.get("category")
        if not category and settings.get("USE_FOLDER_AS_CATEGORY", True):
            folder = Path(source.path).resolve().parent
            category = folder.name if folder != root else None
        add("category", Category, [category or settings.get("DEFAULT_CATEGORY", "")])
    if settings.get("AUTHOR"):
        add("author", Author, [settings["AUTHOR"]])
    return terms


def _line(path: Path, probe: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines, start=1):
        if probe in line:
            return number
    return None


def _file_target(
    target: LinkTarget, source: Path, root: Path, settings: Mapping[str, Any]
) -> str | None:
    """Why a ``{filename}``/``{static}``/``{attach}`` target names no
    publishable file, or None when it does."""
    path = unquote(urlparse(target.target).path)
    base = root if path.startswith("/") else source.parent
    candidate = (base / path.lstrip("/")).resolve()
    if root.resolve() not in candidate.parents or not candidate.is_file():
        return (
            "no such file in the content folder; correct the path, relative "
            "to this file or starting with / for the content folder"
        )
    if target.what != "filename":
        relative = candidate.relative_to(root.resolve()).as_posix()
        allowed = settings.get("WOW_STATIC_ACTIVE_FILES") or []
        refused = static_problem(relative, str(candidate), allowed)
        if refused is not None:
            return f"{relative} is not published ({refused.message})"
    return None


def _why_not(
    target: LinkTarget,
    source: Path,
    root: Path,
    settings: Mapping[str, Any],
    terms: Terms | None,
) -> str | None:
    if target.what not in KINDS:
        return (
            f"unknown link kind {{{target.what}}}; use {{filename}}, {{static}}, "
            "{attach}, {tag}, {category}, {author} or {index}"
        )
    parsed = urlparse(target.target)
    if parsed.scheme or parsed.netloc:
        return "the target is not a path in this site; link to the URL itself"
    if target.what in ("filename", "static", "attach"):
        return _file_target(target, source, root, settings)
    if terms is not None and target.what in terms:
        from pelican.urlwrappers import Author, Category, Tag

        wrapper = {"tag": Tag, "category": Category, "author": Author}[target.what]
        name = unquote(parsed.path)
        if wrapper(name, settings).slug not in terms[target.what]:
            return f"no {target.what} {name!r} in the site; correct the name"
    return None


def markup_problems(
    source: Path,
    html: str,
    summary: str | None,
    settings: Mapping[str, Any],
    terms: Terms | None = None,
) -> list[Problem]:
    """With ``WOW_SANITIZE_HTML``: the markup a build would remove from a
    story's rendered ``html`` and its ``summary``, and the link placeholders
    it would publish as text. ``terms`` (from :func:`site_terms`): the
    tags, categories and authors a ``{tag}`` … link may name."""
    if not settings.get("WOW_SANITIZE_HTML"):
        return []
    problems: list[Problem] = []
    root = Path(settings.get("PATH") or ".")
    for field, text in (("text", html), ("Summary", summary or "")):
        removed = removed_markup(text) if "<" in text else []
        if removed:
            problems.append(
                Problem(
                    path=display_path(source),
                    line=_line(source, "Summary:") if field == "Summary" else None,
                    field=field,
                    message=(
                        f"{', '.join(removed)} would be removed: scripts, styles, "
                        "frames, forms, event handlers, data- attributes and "
                        "links other than http(s), mailto and tel are not "
                        "published; write the story as text and ordinary Markdown"
                    ),
                    severity="warning",
                )
            )
        for target in placeholder_links(clean_html(text), settings):
            why = _why_not(target, source, root, settings, terms)
            if why:
                problems.append(
                    Problem(
                        path=display_path(source),
                        line=placeholder_line(str(source), target),
                        field=field,
                        message=(
                            f"link {target.value!r} would not be made: {why}; its "
                            "text would be published without the link"
                        ),
                    )
                )
    return problems


def _static_files(root: Path, settings: Mapping[str, Any]) -> Iterator[Path]:
    for name in settings.get("STATIC_PATHS") or []:
        top = root / name
        if top.is_file():
            yield top
        elif top.is_dir():
            for folder, dirs, files in os.walk(top):
                dirs.sort()
                for file in sorted(files):
                    yield Path(folder) / file


def static_file_problems(settings: Mapping[str, Any]) -> list[Problem]:
    """With ``WOW_SANITIZE_HTML``: every file under ``STATIC_PATHS`` that a
    build would not publish, and why."""
    if not settings.get("WOW_SANITIZE_HTML"):
        return []
    root = Path(settings.get("PATH") or ".")
    allowed = settings.get("WOW_STATIC_ACTIVE_FILES") or []
    problems: list[Problem] = []
    for path in _static_files(root, settings):
        relative = path.relative_to(root).as_posix()
        problem = static_problem(relative, str(path), allowed)
        if problem is not None:
            problems.append(problem)
    return problems
