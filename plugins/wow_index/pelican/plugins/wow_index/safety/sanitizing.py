"""Cleaning the HTML a writer's Markdown became, before it is published.

Markdown lets raw HTML through, so a story (or its summary) could carry a
``<script>``, an ``onerror=`` handler or a ``javascript:`` link into every
page and feed that shows it. With ``WOW_SANITIZE_HTML`` on, the rendered
text and summary of every article and page go through an allowlist
sanitiser (nh3, the Python binding of the Rust crate ammonia): ordinary
formatting, tables, footnotes, images, heading ids and classes (which mark
moments) stay; scripts, styles, frames, forms, event handlers and unsafe URL
schemes go; unclosed tags are closed so one story cannot break the page
around it. What was removed is reported, so a writer is never surprised.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import nh3

from ..pelican_compat import (
    content_html,
    set_content_html,
    set_summary_html,
    summary_html,
)
from ..problems import Problem, display_path, locate_field

__all__ = [
    "ALLOWED_TAGS",
    "clean_html",
    "removed_markup",
    "sanitize_content",
    "scheme_of",
    "unclosed_tags",
]

ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS) - {"area", "map", "center", "acronym"}
_GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()
}
ALLOWED_ATTRIBUTES["*"] = _GLOBAL_ATTRIBUTES
for _cell in ("th", "td"):  # Markdown tables align columns with a style.
    ALLOWED_ATTRIBUTES[_cell] = ALLOWED_ATTRIBUTES[_cell] | {"style"}
ALLOWED_ATTRIBUTES["time"] = {"datetime"}
ALLOWED_ATTRIBUTES["a"] = ALLOWED_ATTRIBUTES["a"] | {"rel"}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
STYLE_PROPERTIES = frozenset({"text-align"})
_URL_ATTRIBUTES = ("href", "src", "cite", "action", "formaction", "poster")


def _cleaner() -> Any:
    """The allowlist, configured once: nh3's ``Cleaner`` (nh3 0.3) keeps
    it on the Rust side, where ``nh3.clean`` converts every argument again on
    each call, most of the time of cleaning a summary."""
    options = {
        "tags": set(ALLOWED_TAGS),
        "attributes": ALLOWED_ATTRIBUTES,
        "url_schemes": set(URL_SCHEMES),
        "link_rel": None,
        "filter_style_properties": set(STYLE_PROPERTIES),
    }
    if hasattr(nh3, "Cleaner"):
        return nh3.Cleaner(**options).clean
    return lambda html: nh3.clean(html, **options)


# A constant: the same allowlist for every build.
_CLEAN = _cleaner()


def clean_html(html: str) -> str:
    """``html`` with only allowed tags, attributes and URL schemes, balanced.

    Relative URLs (including Pelican's ``{filename}`` and ``{static}`` links)
    pass through unchanged.
    """
    if not html:
        return html
    return str(_CLEAN(html))


def scheme_of(url: str) -> str | None:
    """The scheme of ``url`` as a browser would read it (ignoring the white
    space and control characters browsers skip), or None for a relative URL."""
    squeezed = "".join(ch for ch in url if ch > " ").lower()
    head, colon, _ = squeezed.partition(":")
    if not colon or "/" in head or "?" in head or "#" in head or "{" in head:
        return None
    return head


def removed_markup(html: str) -> list[str]:
    """What :func:`clean_html` takes out of ``html``, described for a writer:
    ``<script>``, ``onclick=``, ``javascript: URL``; each once, in order."""
    # Imported here: only a story that had markup removed is read again, and
    # BeautifulSoup's import costs every build several megabytes.
    from bs4 import BeautifulSoup

    found: list[str] = []

    def note(item: str) -> None:
        if item not in found:
            found.append(item)

    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        name = element.name.lower()
        if name not in ALLOWED_TAGS:
            note(f"<{name}>")
            continue
        allowed = ALLOWED_ATTRIBUTES.get(name, set()) | _GLOBAL_ATTRIBUTES
        for attribute, value in element.attrs.items():
            attribute = attribute.lower()
            if attribute not in allowed:
                note(f"{attribute}=")
            elif attribute in _URL_ATTRIBUTES:
                scheme = scheme_of(value if isinstance(value, str) else " ".join(value))
                if scheme is not None and scheme not in URL_SCHEMES:
                    note(f"{scheme}: URL")
    return found


class _OpenTags(HTMLParser):
    """Elements a fragment opens and never closes, outermost first."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in _VOID and tag not in _SELF_CLOSING_OK:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass


_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
# Elements whose end tag HTML lets a writer leave out.
_SELF_CLOSING_OK = frozenset(
    ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option"]
)


def unclosed_tags(html: str) -> list[str]:
    """Elements ``html`` leaves open, which would swallow the page after it."""
    parser = _OpenTags()
    parser.feed(html)
    parser.close()
    return list(dict.fromkeys(parser.stack))


def _report(content: Any, field: str, original: str) -> Problem | None:
    removed = removed_markup(original)
    unclosed = unclosed_tags(original)
    if removed:
        message = (
            f"removed {', '.join(removed)}: scripts, styles, frames, forms, "
            "event handlers, data- attributes (search filters come from the "
            "theme) and links other than http(s), mailto and tel are not "
            "published; write the story as text and ordinary Markdown"
        )
    elif unclosed:
        tags = ", ".join(f"<{t}>" for t in unclosed)
        message = f"closed {tags}: left open in the HTML; close them in the file"
    else:
        return None
    path = getattr(content, "source_path", None)
    return Problem(
        path=display_path(path),
        line=locate_field(path, field) if field == "Summary" else None,
        field=field,
        message=message,
    )


def sanitize_content(content: Any) -> list[Problem]:
    """Clean a Pelican article or page in place: its rendered text and its
    summary. Returns one problem per field from which markup was removed."""
    problems: list[Problem] = []
    text = content_html(content)
    if text:
        cleaned = clean_html(text)
        if cleaned != text:
            set_content_html(content, cleaned)
            problems.append(_report(content, "text", text))
    summary = summary_html(content)
    if summary:
        cleaned = clean_html(str(summary))
        if cleaned != summary:
            set_summary_html(content, cleaned)
            if "summary" in content.metadata:
                content.metadata["summary"] = cleaned
            problems.append(_report(content, "Summary", str(summary)))
    return [p for p in problems if p is not None]
