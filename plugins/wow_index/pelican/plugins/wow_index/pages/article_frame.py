"""The elements a theme puts around an article's content, for the WoW pages.

A theme's base template gives every page its header, navigation and footer,
but the box that holds the text (notmyidea's ``<section id="content"
class="body"><article><div class="entry-content">``, Flex's ``<article
class="single"><div>``) is written by its ``article.html``, inside the
content block. WoW pages fill the same block; without that box their tables
and lists would run outside the theme's content area, unstyled.

So the frame is read from the theme's article template: the open elements
(``div``, ``section``, ``article``, ``main``; their static ``id`` and
``class``) at the place where the block writes ``article.content``. Every
WoW page whose template extends ``wow_base`` is then rendered through a small
generated child that puts its content block inside the same elements. A
theme whose article template cannot be read this way gets no frame (the page
is as before); ``WOW_CONTENT_WRAPPER`` names the elements by hand.

Two smaller things are read the same way, so a WoW page reads like a post:
the fixed classes of the heading that holds ``article.title`` (given to the
page's own ``<h1>``), and whether the base template writes the site name in
``<title>`` ahead of the title block (then the page gives only its own part).
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from jinja2 import Environment, TemplateNotFound, TemplateSyntaxError, nodes
from markupsafe import Markup

from ..settings import SettingsError

__all__ = [
    "FRAMED",
    "Frame",
    "choose_frame",
    "extends_wow_base",
    "frame_from_markup",
    "frame_loader_source",
    "frame_of_article",
    "framed_source",
    "title_joiner",
    "with_heading_class",
]

# Generated children are named FRAMED + the page template's name.
FRAMED = "wow/_framed/"

# Elements a frame may have: boxes, not text. Anything else met on the way
# to the content (a <p>, a <td>) ends the frame there.
_BOXES = frozenset({"div", "section", "article", "main"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"source", "track", "wbr", "param", "keygen"}
)
# Filters after which ``article.content`` is no longer the content itself.
_NOT_CONTENT = frozenset(
    {"wordcount", "length", "count", "striptags", "truncate", "truncatewords"}
    | {"int", "float", "round", "string", "list", "first", "last", "trim"}
)
# Stands in for a Jinja expression inside the theme's markup.
_DYNAMIC = "\ue000"


@dataclass(frozen=True)
class Frame:
    """Elements, outermost first, as ``(tag, id, classes)``; ``source`` says
    where they were read from."""

    elements: tuple[tuple[str, str | None, tuple[str, ...]], ...]
    source: str
    # Classes of the heading that holds an article's title (notmyidea's
    # "entry-title"), for the WoW page's own <h1>.
    heading: tuple[str, ...] = ()

    @property
    def open(self) -> str:
        """The opening tags, attribute values escaped."""
        parts = []
        for tag, ident, classes in self.elements:
            attributes = ""
            if ident:
                attributes += f' id="{_attribute(ident)}"'
            if classes:
                attributes += f' class="{_attribute(" ".join(classes))}"'
            parts.append(f"<{tag}{attributes}>")
        return "".join(parts)

    @property
    def close(self) -> str:
        return "".join(f"</{tag}>" for tag, _, _ in reversed(self.elements))


def _attribute(value: str) -> str:
    # Escaped for HTML, and braces too, so the text is inert in a template.
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")


class _Opened(HTMLParser):
    """Which elements are open, as markup is fed to it piece by piece."""

    def __init__(self) -> None:
        # Text is reported as soon as it is fed (not held until the next tag).
        super().__init__(convert_charrefs=False)
        self.stack: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.title_text: list[str] = []

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "title":
            self.title_text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def frame(self) -> tuple[tuple[str, str | None, tuple[str, ...]], ...]:
        elements = []
        for tag, attrs in self.stack:
            if tag not in _BOXES:
                break
            values = dict(attrs)
            ident = values.get("id") or None
            if ident and (_DYNAMIC in ident or ident.split() != [ident]):
                ident = None
            classes = tuple(
                c for c in (values.get("class") or "").split() if _DYNAMIC not in c
            )
            elements.append((tag, ident, classes))
        return tuple(elements)


class _Found(Exception):
    """The walk reached the article's content."""


def _is_content(expression: nodes.Node) -> bool:
    """``article.content`` (or ``article.get_content(...)``) written as it is,
    through markup filters such as ``safe``, not counted or shortened."""
    node = expression
    while True:
        if isinstance(node, nodes.Filter):
            if node.name in _NOT_CONTENT:
                return False
            node = node.node
        elif isinstance(node, nodes.MarkSafe | nodes.MarkSafeIfAutoescape):
            node = node.expr
        elif isinstance(node, nodes.Call):
            node = node.node
            if not (isinstance(node, nodes.Getattr) and node.attr == "get_content"):
                return False
        else:
            break
    return (
        isinstance(node, nodes.Getattr)
        and node.attr in ("content", "get_content")
        and isinstance(node.node, nodes.Name)
        and node.node.name == "article"
    )


def _is_title(expression: nodes.Node) -> bool:
    """``article.title`` (through any filters)."""
    node = expression
    while isinstance(node, nodes.Filter | nodes.MarkSafe | nodes.MarkSafeIfAutoescape):
        node = node.node if isinstance(node, nodes.Filter) else node.expr
    return (
        isinstance(node, nodes.Getattr)
        and node.attr == "title"
        and isinstance(node.node, nodes.Name)
        and node.node.name == "article"
    )


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CLASS_NAME = re.compile(r"[A-Za-z_][\w-]*")


def _mentions_content(body: Iterable[nodes.Node]) -> bool:
    return any(
        _is_content(expression)
        for node in body
        for output in ([node] if isinstance(node, nodes.Output) else [])
        + list(node.find_all(nodes.Output))
        for expression in output.nodes
    )


class _Walk:
    """Feeds a block's markup to :class:`_Opened` in output order, taking the
    branch of each ``if`` that holds the content (else the first branch)."""

    def __init__(
        self, blocks: Mapping[str, nodes.Block], until_block: str | None = None
    ) -> None:
        self.blocks = blocks
        self.until_block = until_block
        self.opened = _Opened()
        self.seen: set[str] = set()
        self.heading: tuple[str, ...] | None = None

    def _heading_classes(self) -> tuple[str, ...] | None:
        """Fixed classes of the heading the title is written in, if any."""
        for tag, attrs in reversed(self.opened.stack):
            if tag in _HEADINGS:
                value = dict(attrs).get("class") or ""
                return tuple(c for c in value.split() if _CLASS_NAME.fullmatch(c))
        return None

    def body(self, body: Iterable[nodes.Node]) -> None:
        for node in body:
            self.node(node)

    def node(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    self.opened.feed(child.data)
                elif self.until_block is None and _is_content(child):
                    raise _Found
                else:
                    if self.heading is None and _is_title(child):
                        self.heading = self._heading_classes()
                    self.opened.feed(_DYNAMIC)
        elif isinstance(node, nodes.If):
            branches = [node.body, *(b.body for b in node.elif_), node.else_]
            chosen = next((b for b in branches if _mentions_content(b)), node.body)
            self.body(chosen)
        elif isinstance(node, nodes.Block):
            if node.name == self.until_block:
                raise _Found
            if node.name not in self.seen:  # a block is written once
                self.seen.add(node.name)
                self.body(self.blocks.get(node.name, node).body)
        elif isinstance(
            node,
            nodes.For
            | nodes.With
            | nodes.FilterBlock
            | nodes.Scope
            | nodes.ScopedEvalContextModifier,
        ):
            self.body(node.body)
        # Macros, {% set %} blocks, calls and includes write nothing here
        # (or nothing this walk can see).


def _chain(env: Environment, name: str) -> list[nodes.Template]:
    """``name`` and the templates it extends, child first."""
    chain: list[nodes.Template] = []
    while name and len(chain) < 8 and env.loader is not None:
        try:
            source, _, _ = env.loader.get_source(env, name)
            ast = env.parse(source)
        except (TemplateNotFound, TemplateSyntaxError):
            break
        chain.append(ast)
        extends = next(ast.find_all(nodes.Extends), None)
        name = (
            extends.template.value
            if extends is not None and isinstance(extends.template, nodes.Const)
            else ""
        )
    return chain


def _blocks(chain: list[nodes.Template]) -> dict[str, nodes.Block]:
    """Each block as the most derived template of ``chain`` defines it."""
    blocks: dict[str, nodes.Block] = {}
    for ast in chain:
        for found in ast.find_all(nodes.Block):
            blocks.setdefault(found.name, found)
    return blocks


def title_joiner(
    env: Environment,
    base: str,
    title_block: str = "title",
    article: str = "article.html",
) -> str | None:
    """What goes before a page's own title when the theme's ``base`` writes
    the site name in ``<title>`` itself, ahead of ``title_block`` (Flex:
    ``<title>{{ SITENAME }}{% block title %}{% endblock %}</title>``): the
    text the theme's article template starts that block with (Flex's
    ``" &ndash; "``), else ``" – "``. None when the block holds the whole
    title, as in Pelican's own themes."""
    chain = _chain(env, base)
    if not chain:
        return None
    walk = _Walk(_blocks(chain), until_block=title_block)
    try:
        walk.body(chain[-1].body)
    except _Found:
        stack = walk.opened.stack
        if (
            stack
            and stack[-1][0] == "title"
            and "".join(walk.opened.title_text).strip()
        ):
            return _leading_text(env, article, title_block) or " – "
    return None


def _leading_text(env: Environment, template: str, block: str) -> str | None:
    """The fixed text ``block`` of ``template`` starts with, before its first
    expression; None when there is none (or it is more than a separator)."""
    found = _blocks(_chain(env, template)).get(block)
    first = found.body[0] if found is not None and found.body else None
    if not isinstance(first, nodes.Output) or len(first.nodes) < 2:
        return None
    text, after = first.nodes[0], first.nodes[1]
    if not isinstance(text, nodes.TemplateData) or isinstance(
        after, nodes.TemplateData
    ):
        return None
    separator = text.data
    if not separator.strip() or len(separator) > 12 or set("<>{}") & set(separator):
        return None
    return separator


def frame_of_article(
    env: Environment, template: str = "article.html", block: str = "content"
) -> Frame | None:
    """The frame around ``article.content`` in ``block`` of the theme's
    ``template``; None when the template, the block or the content is not
    there, or nothing but the block itself holds it."""
    blocks = _blocks(_chain(env, template))
    if block not in blocks:
        return None
    walk = _Walk(blocks)
    walk.seen.add(block)
    try:
        walk.body(blocks[block].body)
    except _Found:
        elements = walk.opened.frame()
        if not elements:
            return None
        return Frame(elements, f"{template}, block {block!r}", walk.heading or ())
    return None


class _Given(_Opened):
    """:class:`_Opened` that also keeps what is not an opening tag."""

    def __init__(self) -> None:
        super().__init__()
        self.stray: list[str] = []

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.stray.append(data.strip())

    def handle_endtag(self, tag: str) -> None:
        self.stray.append(f"</{tag}>")


def frame_from_markup(markup: str) -> Frame:
    """The frame a site names in ``WOW_CONTENT_WRAPPER``: opening tags only,
    e.g. ``'<div class="post"><div class="entry">'``."""
    given = _Given()
    given.feed(markup)
    given.close()
    elements = given.frame()
    problem = None
    if "{" in markup or "}" in markup:
        problem = "has template code or braces"
    elif given.stray:
        problem = f"has {given.stray[0]!r}"
    elif not elements or len(elements) != len(given.stack):
        allowed = ", ".join(f"<{t}>" for t in sorted(_BOXES))
        problem = f"may only open {allowed} elements"
    if problem:
        raise SettingsError(
            f"WOW_CONTENT_WRAPPER = {markup!r} {problem}; give only the opening "
            "tags of the elements around an article's content in your theme, "
            "e.g. '<div class=\"post\"><div class=\"entry\">', 'auto' to read "
            "them from the theme's article.html, or None for none"
        )
    return Frame(elements, "WOW_CONTENT_WRAPPER")


def extends_wow_base(env: Environment, name: str) -> bool:
    """Whether template ``name`` extends ``wow_base`` (itself or through the
    templates it extends by name), as the fallback templates do; a theme's own
    WoW template that extends its base directly is left as it is."""
    seen: set[str] = set()
    while name not in seen and len(seen) < 8 and env.loader is not None:
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name)
            ast = env.parse(source)
        except (TemplateNotFound, TemplateSyntaxError):
            return False
        extends = next(ast.find_all(nodes.Extends), None)
        if extends is None:
            return False
        if isinstance(extends.template, nodes.Name):
            return extends.template.name == "wow_base"
        if not isinstance(extends.template, nodes.Const):
            return False
        name = extends.template.value
    return False


def framed_source(
    page: str,
    frame: Frame | None,
    stylesheet: bool = True,
    joiner: str | None = None,
) -> str:
    """A child of template ``page`` that puts its content block in ``frame``,
    in a ``<div class="wow-page">`` and after a link to the plugin's
    stylesheet (``wow.css_url``) when ``stylesheet``. With a ``joiner`` (see
    :func:`title_joiner`) its title is the joiner and the page's own title,
    without the site name the theme writes already."""
    opening = frame.open if frame else ""
    closing = frame.close if frame else ""
    link = (
        '{% if wow.css_url %}<link rel="stylesheet" href="{{ SITEURL }}/'
        '{{ wow.css_url|e }}">{% endif %}'
        if stylesheet
        else ""
    )
    title = ""
    if joiner:
        # The fallback titles end in " – SITENAME": that part goes.
        title = (
            "{% block title %}{% set whole = super()|trim %}"
            '{% set tail = " – " ~ SITENAME|striptags|e %}'
            f"{{% raw %}}{joiner}{{% endraw %}}"
            "{{ (whole[: whole|length - tail|length] if whole.endswith(tail) "
            "else whole)|safe }}{% endblock %}"
        )
    body = "{{ super() }}"
    if frame and frame.heading:
        body = f"{{{{ wow_heading(super(), {' '.join(frame.heading)!r}) }}}}"
    return (
        f"{{% extends {page!r} %}}{title}{{% block content %}}"
        f"{{% raw %}}{opening}{{% endraw %}}{link}"
        f'<div class="wow-page">{body}</div>'
        f"{{% raw %}}{closing}{{% endraw %}}{{% endblock %}}\n"
    )


def with_heading_class(page: str, classes: str) -> str:
    """``page`` (rendered HTML) with ``classes`` on its first plain ``<h1>``:
    a WoW page's title, dressed as the theme dresses an article's. Markup
    stays markup."""
    # str's replace: Markup's would escape the tags it is given.
    dressed = str.replace(page, "<h1>", f'<h1 class="{html.escape(classes)}">', 1)
    return Markup(dressed) if isinstance(page, Markup) else dressed


def frame_loader_source(
    name: str, frame: Frame | None, joiner: str | None = None
) -> str | None:
    """Source of a generated framed template, for a ``FunctionLoader``."""
    if not name.startswith(FRAMED):
        return None
    return framed_source(name[len(FRAMED) :], frame, joiner=joiner)


def choose_frame(
    env: Environment, settings: Mapping[str, Any], standalone: bool
) -> Frame | None:
    """The frame for the WoW pages from ``WOW_CONTENT_WRAPPER``: read from the
    theme (``'auto'``, none for the plugin's standalone layout), given, or
    none (None or empty)."""
    wanted = settings.get("WOW_CONTENT_WRAPPER", "auto")
    if not wanted:
        return None
    if wanted != "auto":
        return frame_from_markup(wanted)
    if standalone:
        return None
    block = settings.get("WOW_CONTENT_BLOCK", "content")
    for extension in settings.get("TEMPLATE_EXTENSIONS", [".html"]):
        with contextlib.suppress(TemplateNotFound):
            if env.loader is not None:
                env.loader.get_source(env, "article" + extension)
                return frame_of_article(env, "article" + extension, block)
    return None
