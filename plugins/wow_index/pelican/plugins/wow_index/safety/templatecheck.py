"""A story's ``Template`` must name a template the theme has.

Pelican looks a story's template up only when it writes the story, and a
name it cannot find stops the whole build (``PelicanTemplateNotFound``)
half-way through writing. The build checks every story's template before
anything is written and falls back to the default one (``article``,
``page``) with a message; ``check`` does the same from the settings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    TemplateNotFound,
)

from ..problems import Problem, display_path, locate_field

__all__ = ["has_template", "missing_templates", "theme_loader"]


def has_template(loader: BaseLoader, name: str, extensions: Iterable[str]) -> bool:
    """Whether ``loader`` finds ``name`` with one of Pelican's
    TEMPLATE_EXTENSIONS (as ``Generator.get_template`` looks it up)."""
    if not isinstance(name, str) or not name or "\x00" in name:
        return False
    environment = Environment(loader=loader)
    for extension in extensions:
        candidate = name if name.endswith(extension) else name + extension
        try:
            loader.get_source(environment, candidate)
        except (TemplateNotFound, OSError, ValueError):
            continue
        return True
    return False


def theme_loader(settings: Mapping[str, Any]) -> BaseLoader:
    """The templates Pelican's generators would find: the overrides, the
    theme's, then Pelican's ``simple`` theme."""
    import pelican

    simple = os.path.join(
        os.path.dirname(pelican.__file__), "themes", "simple", "templates"
    )
    paths = [str(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or []]
    theme = settings.get("THEME")
    if theme:
        paths.append(os.path.join(str(theme), "templates"))
    return ChoiceLoader([FileSystemLoader(paths), FileSystemLoader(simple)])


def missing_templates(
    contents: Iterable[Any], loader: BaseLoader, settings: Mapping[str, Any]
) -> list[Problem]:
    """Give each story or page whose ``Template`` does not exist its default
    template again, in place; one problem per story."""
    extensions = list(settings.get("TEMPLATE_EXTENSIONS") or [".html"])
    known: dict[str, bool] = {}
    problems = []
    for content in contents:
        name = getattr(content, "template", None)
        default = getattr(content, "default_template", None)
        if (
            not name
            or name == default
            or "template" not in getattr(content, "metadata", {})
        ):
            continue
        if name not in known:
            known[name] = has_template(loader, name, extensions)
        if known[name]:
            continue
        content.template = default
        path = getattr(content, "source_path", None)
        shown = name if len(name) <= 60 else name[:59] + "…"
        problems.append(
            Problem(
                display_path(path),
                "Template",
                f"the theme has no template {shown!r}; published with the "
                f"default one, {default!r}: name a template of the theme or "
                "delete the line",
                line=locate_field(path, "template"),
            )
        )
    return problems
