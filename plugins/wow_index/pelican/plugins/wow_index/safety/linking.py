"""Pelican's link placeholders, rewritten so no target can become markup.

Pelican replaces ``{filename}``, ``{static}``, ``{attach}``, ``{tag}``,
``{category}``, ``{author}`` and ``{index}`` in links when a page or a feed
is rendered, with a regular expression over the serialised HTML. Its
replacement splices the target into the page unescaped (after unescaping a
name with ``&`` in it), keeps the scheme of a target such as
``javascript:alert(1)``, and also rewrites text inside other attributes.
Cleaning the HTML when it is read cannot help: the markup appears after.

With ``WOW_SANITIZE_HTML`` on, every article and page does that rewrite
here instead (:class:`SafeLinks`), on the cleaned HTML:

* only real ``href``/``src``/… attributes are rewritten, and their new
  value is escaped as an attribute value, so the markup around it is the
  markup that was cleaned;
* a target must be a path of this site: one with a scheme or a host, one
  that names no file, tag, category or author, or one whose URL would have
  a scheme other than http(s), is not resolved. Its attribute is dropped:
  the link's text stays, as text. :func:`link_problems` reports each one
  (file, line, what to fix) before anything is written;
* HTML that a rewrite changed is cleaned again, so what a reader receives
  is always the sanitiser's own output for the final HTML. HTML with no
  placeholder is the cleaned text itself and is not cleaned twice.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator
from html import unescape
from typing import Any, NamedTuple
from urllib.parse import unquote, urljoin, urlparse, urlunparse

from pelican.contents import Article, Author, Category, Page, Tag

from ..pelican_compat import content_context, content_html, set_content_html
from ..problems import Problem, display_path
from .sanitizing import URL_SCHEMES, clean_html, scheme_of

__all__ = [
    "KINDS",
    "LinkTarget",
    "SafeArticle",
    "SafeLinks",
    "SafePage",
    "escape_attribute",
    "link_problems",
    "placeholder_line",
    "placeholder_links",
    "rewrite_links",
    "use_safe_links",
]

KINDS = frozenset(
    {"filename", "static", "attach", "tag", "category", "author", "index"}
)
# The attributes Pelican rewrites (its INTRASITE_LINK_REGEX's list).
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "poster", "data", "cite", "formaction", "action", "content"}
)
# One start tag as the sanitiser writes it: attribute values always in
# double quotes, with '"', '&', '<' and '>' escaped.
_TAG = re.compile(r"<[A-Za-z][^\s/>]*(?:\s+[^\s\"'>/=]+(?:=\"[^\"]*\")?)*\s*/?>")
_ATTRIBUTE = re.compile(r"(\s+)([^\s\"'>/=]+)=\"([^\"]*)\"")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Cheap test for "is there a placeholder at all": an attribute value that
# starts like one.
_MAYBE = re.compile(r"=\"[{|]")


class LinkTarget(NamedTuple):
    """One placeholder link: its kind (``filename`` …), its target text as
    the writer wrote it, and the whole attribute value."""

    what: str
    target: str
    value: str


def _scheme(url: str) -> str | None:
    """The scheme a browser reads in ``url`` (white space and controls
    skipped, as browsers do), lower-cased; None for a relative URL."""
    found = _SCHEME.match("".join(ch for ch in url if ch > " "))
    return found.group(1).lower() if found else None


def _unsafe_scheme(url: str) -> str | None:
    scheme = _scheme(url)
    return scheme if scheme is not None and scheme not in URL_SCHEMES else None


def _pattern(settings: Any) -> re.Pattern[str]:
    regex = settings.get("INTRASITE_LINK_REGEX", "[{|](?P<what>.*?)[|}]")
    return re.compile(rf"{regex}(?P<value>.*)", re.S)


def escape_attribute(value: str) -> str:
    """``value`` escaped for a double-quoted attribute, as the sanitiser's
    serialiser writes it (so cleaning the result again changes nothing)."""
    return (
        value.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("\xa0", "&nbsp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def _placeholders(
    html: str, pattern: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], re.Match[str], LinkTarget]]:
    """Each URL attribute of ``html`` whose value is a placeholder link."""
    for tag in _TAG.finditer(html):
        for attribute in _ATTRIBUTE.finditer(tag.group()):
            if attribute.group(2).lower() not in _URL_ATTRIBUTES:
                continue
            value = unescape(attribute.group(3))
            found = pattern.fullmatch(value)
            if found:
                target = LinkTarget(found.group("what"), found.group("value"), value)
                yield tag, attribute, target


def placeholder_links(html: str, settings: Any) -> list[LinkTarget]:
    """The placeholder links of cleaned ``html``, in order."""
    if not html or not _MAYBE.search(html):
        return []
    return [target for _, _, target in _placeholders(html, _pattern(settings))]


def rewrite_links(
    html: str, settings: Any, resolve: Callable[[LinkTarget], str | None]
) -> str:
    """``html`` (cleaned) with each placeholder link's attribute set to the
    escaped URL ``resolve`` gives, or dropped where it gives None. Returns
    ``html`` itself (the same object) when it has no placeholder."""
    if not html or not _MAYBE.search(html):
        return html
    pieces: list[str] = []
    done = 0
    for tag, attribute, target in _placeholders(html, _pattern(settings)):
        url = resolve(target)
        if url is not None and scheme_of(url) not in (None, *URL_SCHEMES):
            url = None  # a scheme the sanitiser would remove: no link
        start = tag.start() + attribute.start()
        pieces.append(html[done:start])
        if url is not None:
            name = attribute.group(2)
            pieces.append(f'{attribute.group(1)}{name}="{escape_attribute(url)}"')
        done = tag.start() + attribute.end()
    if not pieces:
        return html
    pieces.append(html[done:])
    return "".join(pieces)


# Resolving a target, as Pelican's Content._link_replacer does -------------


def _linked_content(content: Any, key: str, path: str) -> Any:
    context = content_context(content)
    candidates = [path, unquote(path)]
    for candidate in candidates:
        if candidate.startswith("/"):
            candidate = candidate[1:]
        else:
            candidate = content.get_relative_source_path(
                os.path.join(content.relative_dir, candidate)
            )
        found = context.get(key, {}).get(candidate)
        if found is not None:
            return found
    return None


def _known_term(content: Any, kind: str, wrapper: Any) -> bool:
    """Whether the site has the tag, category or author ``wrapper``."""
    plural = {"tag": "tags", "category": "categories", "author": "authors"}[kind]
    known = content_context(content).get(plural)
    if known is None:  # not known yet: nothing to compare with
        return True
    slugs = {
        (term[0] if isinstance(term, tuple) else term).slug
        for term in (known.items() if hasattr(known, "items") else known)
    }
    return wrapper.slug in slugs


def resolve_target(
    content: Any, target: LinkTarget, siteurl: str, *, look_only: bool = False
) -> tuple[str | None, str]:
    """The URL a placeholder link stands for, or None and why not.

    ``look_only`` checks that the target exists and changes nothing: an
    ``{attach}`` link moves the file it names next to the story, which
    Pelican does when the link is written.
    """
    settings = content.settings
    parsed = urlparse(target.target)
    if target.what not in KINDS:
        return None, (
            f"unknown link kind {{{target.what}}}; use {{filename}}, {{static}}, "
            "{attach}, {tag}, {category}, {author} or {index}"
        )
    if parsed.scheme or parsed.netloc:
        return None, "the target is not a path in this site; link to the URL itself"
    path = parsed.path
    linked: Any = None
    if target.what in ("filename", "static", "attach"):
        key = "generated_content" if target.what == "filename" else "static_content"
        linked = _linked_content(content, key, path)
        if linked is None and target.what == "filename":
            linked = _linked_content(content, "static_content", path)
        if linked is None:
            return None, (
                "no such file in the site (or it is not published); correct "
                "the path, relative to this file or starting with / for the "
                "content folder"
            )
        if look_only and target.what != "filename":
            # Reading a static file's URL fixes where it is written, which
            # an {attach} link written later must still be able to change.
            return "", ""
        if target.what == "attach":
            linked.attach_to(content)
        location = str(linked.url)
    elif target.what == "index":
        location = settings["INDEX_SAVE_AS"]
    else:
        wrapper = {"tag": Tag, "category": Category, "author": Author}[target.what]
        term = wrapper(unquote(path), settings)
        if not _known_term(content, target.what, term):
            return None, f"no {target.what} {path!r} in the site; correct the name"
        location = term.url
    # Checked before joining: joined to a relative SITEURL, a scheme would
    # look like a path here and like a scheme with another SITEURL.
    scheme = _unsafe_scheme(location)
    if scheme:
        return None, f"it would be a {scheme}: URL; link to a page of this site"
    if settings["RELATIVE_URLS"]:
        origin = os.path.join(siteurl, location)
    else:
        origin = urljoin(siteurl if siteurl.endswith("/") else siteurl + "/", location)
    origin = origin.replace("\\", "/")
    url = urlunparse(("", "", origin, parsed.params, parsed.query, parsed.fragment))
    scheme = _unsafe_scheme(url)
    if scheme:
        return None, f"it would be a {scheme}: URL; link to a page of this site"
    return url, ""


def placeholder_line(path: str | None, target: LinkTarget) -> int | None:
    """Line of the source that holds the placeholder (its start)."""
    if not path:
        return None
    probes = [
        target.value[:60],
        f"{{{target.what}}}{target.target}"[:60],
        f"{{{target.what}}}",
        f"|{target.what}|",
    ]
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    for probe in probes:
        for number, line in enumerate(lines, start=1):
            if probe in line or unescape(probe) in line:
                return number
    return None


def link_problems(content: Any) -> list[Problem]:
    """Every placeholder link of ``content`` (text and summary) that does
    not resolve, for a writer: file, line, what to fix. Looks only, so it
    may run once everything is read and before anything is written."""
    settings = content.settings
    problems: list[Problem] = []
    seen: set[LinkTarget] = set()
    for field, html in (
        ("text", content_html(content)),
        ("Summary", content.metadata.get("summary")),
    ):
        for target in placeholder_links(str(html or ""), settings):
            if target in seen:
                continue
            seen.add(target)
            url, why = resolve_target(content, target, "", look_only=True)
            if url is None:
                problems.append(
                    Problem(
                        path=display_path(content.source_path),
                        line=placeholder_line(content.source_path, target),
                        field=field,
                        message=(
                            f"link {target.value!r} not made: {why}; its text "
                            "is published without the link"
                        ),
                    )
                )
    return problems


@functools.lru_cache(maxsize=8192)
def _clean_summary(summary: str) -> str:
    """A summary, cleaned as the final HTML; the same summary text (asked
    for on every listing, feed and WoW page) is cleaned once."""
    return clean_html(summary)


class CleanHTML(str):
    """HTML already cleaned when it was read: it needs no second cleaning.

    A mark on the text itself, not an attribute of the story: a tool that
    compares stories' attributes (a dev server deciding what an edit
    changed) sees the text only as the body. Text that anything else puts
    in its place is a plain ``str`` and is cleaned."""

    __slots__ = ()


class SafeLinks:
    """Mixin for Pelican's content classes: the placeholder rewrite above,
    then the sanitiser, in place of Pelican's ``_update_content``."""

    def _update_content(self, content: str, siteurl: str) -> str:
        if not content:
            return content
        if not isinstance(content, CleanHTML):
            content = clean_html(content)
        settings: Any = self.settings  # type: ignore[attr-defined]

        def resolve(target: LinkTarget) -> str | None:
            return resolve_target(self, target, siteurl)[0]

        rewritten = rewrite_links(content, settings, resolve)
        return content if rewritten is content else clean_html(rewritten)

    def get_summary(self, siteurl: str) -> str:
        """Pelican's summary (memoized by Pelican, or by whatever tool
        wraps it, such as a dev server that records what pages read),
        cleaned: a summary cut from the text is made after the rewrite."""
        summary = super().get_summary(siteurl)  # type: ignore[misc]
        return _clean_summary(summary) if summary else summary

    def get_static_links(self) -> set[str]:
        """The static files this content links to (Pelican publishes them
        even outside STATIC_PATHS), read from the attribute values
        themselves: a name with ``&`` in it is then found."""
        links: set[str] = set()
        settings: Any = self.settings  # type: ignore[attr-defined]
        for target in placeholder_links(content_html(self) or "", settings):
            if target.what not in ("static", "attach"):
                continue
            path = unquote(urlparse(target.target).path)
            if path.startswith("/"):
                path = path[1:]
            else:
                path = self.get_relative_source_path(  # type: ignore[attr-defined]
                    os.path.join(self.relative_dir, path)  # type: ignore[attr-defined]
                )
            links.add(path)
        return links


class SafeArticle(SafeLinks, Article):
    """An article whose links and HTML are made safe (see the module)."""


class SafePage(SafeLinks, Page):
    """A page whose links and HTML are made safe (see the module)."""


# Pelican names a content's URL settings after its class (ARTICLE_SAVE_AS):
# the classes keep the names of those they stand in for. (Pickling, for
# Pelican's content cache, goes by the qualified name, which is their own.)
SafeArticle.__name__ = "Article"
SafePage.__name__ = "Page"
_SAFE: dict[type, type] = {Article: SafeArticle, Page: SafePage}


def use_safe_links(content: Any) -> bool:
    """Make ``content`` (a Pelican Article or Page, already cleaned) rewrite
    its links safely; False for a content class this does not know."""
    safe = _SAFE.get(type(content))
    if safe is None:
        return False
    content.__class__ = safe
    text = content_html(content)
    if isinstance(text, str) and not isinstance(text, CleanHTML):
        set_content_html(content, CleanHTML(text))
    return True
