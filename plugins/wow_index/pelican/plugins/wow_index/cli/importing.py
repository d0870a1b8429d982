"""Importing old posts: HTML pages, Blogger exports, WordPress exports.

Each post becomes a Markdown story with its title, date, author and original
URL. BeautifulSoup reads the source; markdownify turns the post's HTML into
Markdown. Tags are only *suggested* (``Suggested-Touchpoint:`` and friends),
for the writer to confirm: the plugin does not read them as tags, and
``check`` reminds the writer until they are confirmed.

Nothing is dropped silently. What Markdown cannot hold (scripts, embedded
players, forms) is listed in the report, with a link kept where there was a
source; images become links to where they are now; entries that are not
posts (comments, pages, attachments, settings) are counted.

Imported HTML is untrusted: text is escaped so it cannot become markup in
the story, and only http(s), mailto and relative links are kept.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Comment, Tag
from markdownify import MarkdownConverter

from ..index.tagging import clean_text

__all__ = ["ImportReport", "Post", "read_posts", "to_markdown"]

_EMBEDS = ("iframe", "video", "audio", "embed", "object", "source")
_DROPPED = (
    "script",
    "style",
    "noscript",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "canvas",
    "svg",
    "template",
)
_CHROME = ("nav", "header", "footer", "aside")
_SAFE_SCHEMES = ("http", "https", "mailto", "")
_SHORTCODE = re.compile(r"\[(/?)([a-z_][\w-]*)([^\]]*)\]")
_BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|ul|ol|table|blockquote|pre)\b", re.I)


@dataclass
class Post:
    """One post read from a source, before it is written as a story."""

    title: str
    html: str
    source: str
    date: dt.datetime | None = None
    author: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    draft: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import did: stories written, things not converted, skipped."""

    written: list[dict[str, Any]] = field(default_factory=list)
    not_converted: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {
            "written": self.written,
            "not_converted": self.not_converted,
            "skipped": dict(sorted(self.skipped.items())),
        }


# Reading sources ------------------------------------------------------------


def _date(text: str | None) -> dt.datetime | None:
    if not text or not text.strip():
        return None
    from pelican.utils import get_date

    try:
        return get_date(text.strip())
    except ValueError:
        return None


def _text(tag: Any) -> str:
    return clean_text(tag.get_text(" ", strip=True)) if tag else ""


def _find(parent: Tag, name: str) -> Tag | None:
    """A child element by local name, whatever its namespace prefix."""
    for child in parent.find_all(True, recursive=False):
        if child.name == name or child.name.split(":")[-1] == name:
            return child
    return None


def _find_all(parent: Tag, name: str) -> list[Tag]:
    return [
        c
        for c in parent.find_all(True, recursive=False)
        if c.name == name or c.name.split(":")[-1] == name
    ]


def read_posts(path: Path, report: ImportReport) -> list[Post]:
    """Every post in one source file, whatever its kind."""
    raw = path.read_bytes()
    head = raw[:4096].decode("utf-8", "replace").lower()
    if "<rss" in head and "wordpress.org/export" in head:
        return _wordpress(raw, str(path), report)
    if "<feed" in head:
        return _blogger(raw, str(path), report)
    return [_html_page(raw, str(path))]


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find(
            "meta", attrs={"name": name}
        )
        if tag and tag.get("content", "").strip():
            return clean_text(tag["content"])
    return None


def _html_page(raw: bytes, source: str) -> Post:
    soup = BeautifulSoup(raw, "lxml")
    root = (
        soup.find("article")
        or soup.find("main")
        or soup.find(attrs={"itemprop": "articleBody"})
        or soup.find(class_=re.compile(r"\b(post-body|entry-content|post-content)\b"))
        or soup.body
        or soup
    )
    notes = []
    if root is not soup.body and root is not soup and isinstance(root, Tag):
        notes.append(f"kept only the page's <{root.name}> element, the post itself")
    chrome = [t for t in root.find_all(_CHROME)]
    if chrome:
        notes.append(
            f"left out the page's {', '.join(sorted({t.name for t in chrome}))} "
            "(site navigation, not the post)"
        )
        for tag in chrome:
            tag.decompose()
    heading = root.find("h1")
    title = _meta(soup, "og:title") or _text(heading) or _text(soup.title)
    if heading and _text(heading) == title:
        heading.decompose()
    time = root.find("time", attrs={"datetime": True}) or soup.find(
        "time", attrs={"datetime": True}
    )
    date = _date(
        _meta(soup, "article:published_time", "date", "dc.date", "DC.date")
        or (time["datetime"] if time else None)
    )
    author_link = soup.find(attrs={"rel": "author"})
    author = _meta(soup, "author", "article:author") or _text(author_link) or None
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = (canonical.get("href") if canonical else None) or _meta(soup, "og:url")
    return Post(
        title=title or Path(source).stem,
        html=root.decode_contents() if isinstance(root, Tag) else str(root),
        source=source,
        date=date,
        author=author,
        url=url or source,
        notes=notes,
    )


def _blogger(raw: bytes, source: str, report: ImportReport) -> list[Post]:
    soup = BeautifulSoup(raw, "xml")
    posts = []
    for entry in soup.find_all("entry"):
        kinds = [
            c.get("term", "")
            for c in _find_all(entry, "category")
            if c.get("scheme", "").endswith("#kind")
        ]
        kind_tag = _find(entry, "type")
        kind = (
            kinds[0].rsplit("#", 1)[-1]
            if kinds
            else (_text(kind_tag).lower() if kind_tag else "post")
        )
        if kind != "post":
            report.skipped[f"blogger {kind}"] += 1
            continue
        content = _find(entry, "content")
        links = [
            link.get("href")
            for link in _find_all(entry, "link")
            if link.get("rel") == "alternate"
        ]
        author = _find(entry, "author")
        draft_tag = entry.find(["draft", "app:draft"])
        status_tag = _find(entry, "status")
        posts.append(
            Post(
                title=_text(_find(entry, "title")) or "Untitled",
                html=content.get_text() if content else "",
                source=source,
                date=_date(_text(_find(entry, "published"))),
                author=_text(_find(author, "name")) if author else None,
                url=links[0] if links else None,
                tags=[
                    clean_text(c.get("term", ""))
                    for c in _find_all(entry, "category")
                    if not c.get("scheme", "").endswith("#kind") and c.get("term")
                ],
                draft=(draft_tag is not None and _text(draft_tag) == "yes")
                or (status_tag is not None and _text(status_tag).upper() == "DRAFT"),
            )
        )
    return posts


def _autop(text: str) -> str:
    """WordPress stores paragraphs as blank lines; make them HTML ones."""
    if _BLOCK_TAG.search(text):
        return text
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    return "\n".join(f"<p>{b.replace(chr(10), '<br>')}</p>" for b in blocks)


def _wordpress(raw: bytes, source: str, report: ImportReport) -> list[Post]:
    soup = BeautifulSoup(raw, "xml")
    posts = []
    for item in soup.find_all("item"):
        kind = _text(_find(item, "post_type")) or "post"
        status = _text(_find(item, "status")) or "publish"
        comments = len(_find_all(item, "comment"))
        if kind != "post" or status == "trash":
            report.skipped[
                f"wordpress {kind if kind != 'post' else 'trashed post'}"
            ] += 1
            continue
        if comments:
            report.skipped["wordpress comment"] += comments
        content = _find(item, "encoded")
        date_gmt = _text(_find(item, "post_date_gmt"))
        date = (
            _date(date_gmt + " +0000")
            if date_gmt and not date_gmt.startswith("0000")
            else _date(_text(_find(item, "pubDate")))
        )
        posts.append(
            Post(
                title=_text(_find(item, "title")) or "Untitled",
                html=_autop(content.get_text() if content else ""),
                source=source,
                date=date,
                author=_text(_find(item, "creator")) or None,
                url=_text(_find(item, "link")) or None,
                tags=[
                    _text(c)
                    for c in _find_all(item, "category")
                    if c.get("domain") in ("category", "post_tag") and _text(c)
                ],
                draft=status in ("draft", "pending", "private", "future"),
            )
        )
    return posts


# Converting -----------------------------------------------------------------


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    scheme = urlparse(url).scheme.lower()
    return url if scheme in _SAFE_SCHEMES and "\n" not in url else None


class _Converter(MarkdownConverter):
    """markdownify with escaped text, safe links and images as links."""

    def __init__(self, notes: list[str], **options: Any) -> None:
        super().__init__(**options)
        self.notes = notes

    def escape(self, text: str, parent_tags: Any) -> str:
        text = super().escape(text, parent_tags)
        # Markdown passes raw HTML through; as entities it stays text.
        return html.escape(text, quote=False)

    def convert_a(self, el: Tag, text: str, parent_tags: Any) -> str:
        href = el.get("href")
        if href and not _safe_url(href):
            self.notes.append(f"link {href[:60]!r} removed (not a web address)")
            el["href"] = ""
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el: Tag, text: str, parent_tags: Any) -> str:
        src = _safe_url(el.get("src"))
        alt = clean_text(el.get("alt") or "") or "image"
        if not src:
            self.notes.append(f"image {alt!r} without a usable address removed")
            return alt
        self.notes.append(f"image kept as a link to {src}")
        label = html.escape(alt.replace("[", "(").replace("]", ")"), quote=False)
        return f"[Image: {label}]({src.replace(')', '%29').replace(' ', '%20')})"


def _prepare(post: Post) -> BeautifulSoup:
    """Take out what Markdown cannot hold, noting each thing in the post."""
    text = post.html
    for match in _SHORTCODE.finditer(text):
        if not match.group(1):
            post.notes.append(f"shortcode [{match.group(2)}] removed")
    text = _SHORTCODE.sub("", text)
    soup = BeautifulSoup(text, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        post.notes.append("an HTML comment removed")
        comment.extract()
    for tag in soup.find_all(_EMBEDS):
        if tag.parent is None or tag.find_parent(_EMBEDS):
            continue
        src = _safe_url(tag.get("src") or tag.get("data"))
        if not src:
            inner = tag.find("source", src=True)
            src = _safe_url(inner.get("src")) if inner else None
        if src:
            post.notes.append(f"<{tag.name}> kept as a link to {src}")
            link = soup.new_tag("a", href=src)
            link.string = f"Embedded {tag.name}: {src}"
            paragraph = soup.new_tag("p")
            paragraph.append(link)
            tag.replace_with(paragraph)
        else:
            post.notes.append(f"<{tag.name}> without a source removed")
            tag.decompose()
    for tag in soup.find_all(_DROPPED):
        if tag.parent is not None:
            post.notes.append(f"<{tag.name}> removed (Markdown cannot hold it)")
            tag.decompose()
    return soup


def to_markdown(post: Post) -> str:
    """The post's body as Markdown."""
    soup = _prepare(post)
    converter = _Converter(
        post.notes, heading_style="ATX", bullets="-", escape_misc=False
    )
    text = converter.convert_soup(soup)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text


def iter_sources(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in (".html", ".htm", ".xml", ".atom")
            )
        else:
            yield path


def import_all(
    paths: list[Path], into: Path, suggester: Any, report: ImportReport | None = None
) -> ImportReport:
    """Read every source, write one story per post into ``into``."""
    from .writing import FileExists, create, slug_for, story_text

    report = report or ImportReport()
    for path in iter_sources(paths):
        try:
            posts = read_posts(path, report)
        except (OSError, ValueError) as error:
            report.not_converted.append(f"{path}: cannot be read ({error})")
            continue
        for post in posts:
            body = to_markdown(post)
            target = into / f"{slug_for(post.title)}.md"
            suggestion = suggester.suggest(body, post.title, path=str(target))
            extra: dict[str, object] = {}
            if post.author:
                extra["Author"] = post.author
            if post.tags:
                extra["Tags"] = ", ".join(post.tags)
            if post.draft:
                extra["Status"] = "draft"
            if post.url:
                extra["Original-URL"] = post.url
            if suggestion.touchpoint:
                extra["Suggested-Touchpoint"] = ", ".join(
                    [suggestion.touchpoint, *suggestion.also]
                )
            if suggestion.verdict:
                extra["Suggested-Verdict"] = suggestion.verdict
            if suggestion.company:
                extra["Suggested-Company"] = suggestion.company
            date = post.date
            if date is None:
                date = dt.datetime.now().replace(second=0, microsecond=0)
                post.notes.append("no date found; today's date written, correct it")
            text = story_text(post.title, date=date, extra=extra, body=body or " ")
            try:
                create(target, text)
            except FileExists:
                report.skipped["post whose story file already exists"] += 1
                report.not_converted.append(
                    f"{target}: already exists, not overwritten ({post.title!r} "
                    f"from {post.source})"
                )
                continue
            report.written.append(
                {
                    "path": str(target),
                    "title": post.title,
                    "source": post.url or post.source,
                    "touchpoint": suggestion.touchpoint,
                    "verdict": suggestion.verdict,
                    "touchpoint_confidence": suggestion.touchpoint_confidence,
                    "verdict_confidence": suggestion.verdict_confidence,
                }
            )
            report.not_converted.extend(f"{target}: {note}" for note in post.notes)
    return report
