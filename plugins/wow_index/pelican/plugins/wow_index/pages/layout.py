"""Which page layout the WoW pages extend, for any theme.

The fallback templates fill two blocks, ``title`` and ``content``, of the
template named by ``wow_base``. Themes name their blocks differently, so the
layout is chosen by reading the theme's base template (following its
``{% extends %}`` chain):

- the blocks are there under those names: extend the theme's template;
- they are there under other names (``WOW_TITLE_BLOCK`` /
  ``WOW_CONTENT_BLOCK``): extend a small generated adapter that places our
  ``title`` and ``content`` blocks inside the theme's;
- there is no content block: use the plugin's standalone page, and say which
  setting would bring the theme back, rather than render an empty page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, nodes

from ..settings import SettingsError

__all__ = ["ADAPTER", "STANDALONE", "Layout", "block_names", "choose_layout"]

STANDALONE = "wow/standalone.html"
ADAPTER = "wow/_theme_base.html"


@dataclass(frozen=True)
class Layout:
    """What ``wow_base`` names, templates to add, and what to tell the user."""

    base: str
    templates: Mapping[str, str] = field(default_factory=dict)
    warning: str | None = None


def block_names(env: Environment, name: str, depth: int = 0) -> set[str]:
    """Blocks a template defines, following ``{% extends %}`` upwards.

    Raises :class:`jinja2.TemplateNotFound` when ``name`` itself is missing;
    a parent that cannot be read or parsed adds no blocks.
    """
    if depth > 8 or env.loader is None:
        return set()
    source, _, _ = env.loader.get_source(env, name)
    try:
        ast = env.parse(source)
    except TemplateSyntaxError:
        return set()
    blocks = {block.name for block in ast.find_all(nodes.Block)}
    for extends in ast.find_all(nodes.Extends):
        if isinstance(extends.template, nodes.Const):
            with contextlib.suppress(TemplateNotFound):
                blocks |= block_names(env, extends.template.value, depth + 1)
    return blocks


def _adapter(base: str, title_block: str | None, content_block: str) -> str:
    parts = [f"{{% extends {base!r} %}}"]
    if title_block and title_block != "title":
        parts.append(f"{{% block {title_block} %}}{{% block title %}}{{% endblock %}}")
        parts.append("{% endblock %}")
    if content_block != "content":
        parts.append(f"{{% block {content_block} %}}{{% block content %}}")
        parts.append("{% endblock %}{% endblock %}")
    return "".join(parts) + "\n"


def choose_layout(env: Environment, settings: Mapping[str, Any]) -> Layout:
    """Pick the layout for the WoW pages from ``WOW_BASE_TEMPLATE`` and the
    block settings. Raises :class:`SettingsError` when a base template was
    asked for and the theme has none of that name."""
    base = settings["WOW_BASE_TEMPLATE"]
    title_block = settings["WOW_TITLE_BLOCK"]
    content_block = settings["WOW_CONTENT_BLOCK"]
    if not base:
        return Layout(STANDALONE)
    try:
        blocks = block_names(env, base)
    except TemplateNotFound:
        raise SettingsError(
            f"WOW_BASE_TEMPLATE = {base!r}: the theme has no such template; "
            "name one of its templates, or set it to None for the plugin's layout"
        ) from None
    have = ", ".join(sorted(blocks)) or "none"
    if content_block not in blocks:
        return Layout(
            STANDALONE,
            warning=(
                f"the theme's {base} has no {content_block!r} block (its blocks: "
                f"{have}); WoW pages use the plugin's standalone layout. Set "
                "WOW_CONTENT_BLOCK (and WOW_TITLE_BLOCK) to the theme's names "
                "to use its layout"
            ),
        )
    warning = None
    if title_block not in blocks:
        warning = (
            f"the theme's {base} has no {title_block!r} block (its blocks: {have}); "
            "WoW pages keep the theme's default title. Set WOW_TITLE_BLOCK to "
            "the block that holds the page title"
        )
        title_block = None
    if title_block in (None, "title") and content_block == "content":
        return Layout(base, warning=warning)
    return Layout(
        ADAPTER, {ADAPTER: _adapter(base, title_block, content_block)}, warning
    )
