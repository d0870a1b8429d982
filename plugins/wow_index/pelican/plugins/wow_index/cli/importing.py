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
import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Comment, Tag
from markdownify import MarkdownConverter

from ..index.tagging import clean_text
from .wpautop import autop, is_block_content

__all__ = ["ImportReport", "Note", "Post", "read_posts", "to_markdown"]

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
# [caption …]<a …><img …></a> Text[/caption], as WordPress reads it: the
# image (in its link, if any), then the caption text.
_CAPTION = re.compile(r"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", re.S | re.I)
_CAPTION_PARTS = re.compile(
    r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.S | re.I
)
_CAPTION_ATTR = re.compile(r"""caption=(["'])(.*?)\1""", re.S)
# WordPress writes a never-set date as zeros, and an RSS date of it as the
# year -0001 or the Unix epoch.
_ZERO_DATE = re.compile(r"^0000-00-00|\s-0*1\s|^\s*$")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_UNCATEGORIZED = "uncategorized"


class Note(NamedTuple):
    """Something not converted as it was: ``kind`` groups like notes in the
    report (\"image kept as a link\"), ``text`` is the full line."""

    kind: str
    text: str


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
    category: str | None = None
    draft: bool = False
    notes: list[Note] = field(default_factory=list)
    key: str = ""

    def note(self, kind: str, text: str | None = None) -> None:
        """Add a note: its ``kind`` groups it, ``text`` (default the kind)
        says it in full."""
        self.notes.append(Note(kind, text or kind))


@dataclass
class ImportReport:
    """What an import did: stories written, things not converted, skipped."""

    written: list[dict[str, Any]] = field(default_factory=list)
    not_converted: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[tuple[str, Note]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "written": self.written,
            "not_converted": self.not_converted
            + [f"{path}: {note.text}" for path, note in self.notes],
            "skipped": dict(sorted(self.skipped.items())),
        }


# Reading sources ------------------------------------------------------------


def _date(text: str | None) -> dt.datetime | None:
    """A date the source really gives, or None: WordPress's placeholders for
    "never set" (zeros, the year -0001, the Unix epoch) are no dates."""
    if not text or _ZERO_DATE.search(text):
        return None
    from pelican.utils import get_date

    try:
        date = get_date(text.strip())
    except (ValueError, OverflowError):
        return None
    if date.tzinfo is not None and date == _EPOCH:
        return None
    return date


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
        notes.append(
            Note(
                "kept only the post's own element",
                f"kept only the page's <{root.name}> element, the post itself",
            )
        )
    chrome = [t for t in root.find_all(_CHROME)]
    if chrome:
        notes.append(
            Note(
                "left out the page's navigation",
                f"left out the page's {', '.join(sorted({t.name for t in chrome}))} "
                "(site navigation, not the post)",
            )
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
    # The page's own address, as it says; the file's local path is none.
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = _web_address(canonical.get("href") if canonical else None) or _web_address(
        _meta(soup, "og:url")
    )
    return Post(
        title=title or Path(source).stem,
        html=root.decode_contents() if isinstance(root, Tag) else str(root),
        source=source,
        date=date,
        author=author,
        url=url,
        notes=notes,
        key=url or source,
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
                title=_text(_find(entry, "title")),
                html=content.get_text() if content else "",
                source=source,
                date=_date(_text(_find(entry, "published")))
                or _date(_text(_find(entry, "updated"))),
                author=_text(_find(author, "name")) if author else None,
                url=links[0] if links else None,
                tags=_unique(
                    clean_text(c.get("term", ""))
                    for c in _find_all(entry, "category")
                    if not c.get("scheme", "").endswith("#kind") and c.get("term")
                ),
                key=_text(_find(entry, "id")) or (links[0] if links else ""),
                draft=(draft_tag is not None and _text(draft_tag) == "yes")
                or (status_tag is not None and _text(status_tag).upper() == "DRAFT"),
            )
        )
    return posts


def _unique(names: Any) -> list[str]:
    """``names`` without blanks and without repeats that differ only in
    case; the first spelling is kept."""
    seen: set[str] = set()
    kept = []
    for name in names:
        folded = name.casefold()
        if name and folded not in seen:
            seen.add(folded)
            kept.append(name)
    return kept


def _wordpress_date(item: Tag) -> dt.datetime | None:
    """The post's own date: ``post_date`` (the blog's local time, set for
    drafts too), else ``post_date_gmt``, else the feed's ``pubDate``."""
    local = _date(_text(_find(item, "post_date")))
    if local is not None:
        return local
    gmt = _text(_find(item, "post_date_gmt"))
    if gmt and not _ZERO_DATE.search(gmt):
        return _date(gmt + " +0000")
    return _date(_text(_find(item, "pubDate")))


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
        text = content.get_text() if content else ""
        terms = [
            (c.get("domain"), _text(c))
            for c in _find_all(item, "category")
            if c.get("domain") in ("category", "post_tag") and _text(c)
        ]
        categories = [
            name
            for domain, name in terms
            if domain == "category" and name.casefold() != _UNCATEGORIZED
        ]
        category = categories[0] if categories else None
        post = Post(
            title=_text(_find(item, "title")),
            html=text if is_block_content(text) else autop(text),
            source=source,
            date=_wordpress_date(item),
            author=_text(_find(item, "creator")) or None,
            url=_web_address(_text(_find(item, "link"))),
            category=category,
            tags=[
                name
                for name in _unique(
                    name
                    for domain, name in terms
                    if not (domain == "category" and name.casefold() == _UNCATEGORIZED)
                )
                if category is None or name.casefold() != category.casefold()
            ],
            draft=status in ("draft", "pending", "private", "future", "auto-draft"),
            key=_text(_find(item, "guid"))
            or _text(_find(item, "post_id"))
            or _text(_find(item, "link")),
        )
        if _text(_find(item, "post_password")):
            post.draft = True
            post.note(
                "password-protected on the old blog: imported as a draft; "
                "publish it only if it may now be read by anyone"
            )
        posts.append(post)
    return posts


# Converting -----------------------------------------------------------------


def _safe_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    scheme = urlparse(url).scheme.lower()
    return url if scheme in _SAFE_SCHEMES and "\n" not in url else None


def _web_address(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) address, else None."""
    if not url:
        return None
    url = url.strip()
    parsed = urlparse(url)
    ok = parsed.scheme.lower() in ("http", "https") and parsed.netloc
    return url if ok and not any(c.isspace() for c in url) else None


class _Converter(MarkdownConverter):
    """markdownify with escaped text, safe links and images as links."""

    def __init__(self, notes: list[Note], **options: Any) -> None:
        super().__init__(**options)
        self.notes = notes

    def escape(self, text: str, parent_tags: Any) -> str:
        text = super().escape(text, parent_tags)
        # Markdown passes raw HTML through; as entities it stays text.
        return html.escape(text, quote=False)

    def convert_a(self, el: Tag, text: str, parent_tags: Any) -> str:
        href = el.get("href")
        if href and not _safe_url(href):
            self.notes.append(
                Note(
                    "link removed (not a web address)",
                    f"link {href[:60]!r} removed (not a web address)",
                )
            )
            el["href"] = ""
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el: Tag, text: str, parent_tags: Any) -> str:
        src = _safe_url(el.get("src"))
        alt = clean_text(el.get("alt") or "") or "image"
        if not src:
            self.notes.append(
                Note(
                    "image without a usable address removed",
                    f"image {alt!r} without a usable address removed",
                )
            )
            return alt
        self.notes.append(
            Note("image kept as a link", f"image kept as a link to {src}")
        )
        label = html.escape(alt.replace("[", "(").replace("]", ")"), quote=False)
        return f"[Image: {label}]({src.replace(')', '%29').replace(' ', '%20')})"

    def convert_figcaption(self, el: Tag, text: str, parent_tags: Any) -> str:
        """A caption is its own paragraph, in italics, under its image."""
        text = text.strip()
        return f"\n\n*{text}*\n\n" if text else ""

    def convert_figure(self, el: Tag, text: str, parent_tags: Any) -> str:
        return f"\n\n{text.strip()}\n\n"


def _caption(match: re.Match[str]) -> str:
    """A caption shortcode as a figure: the image, then its caption (from
    the text after the image, or WordPress's older ``caption=""``)."""
    attributes, inner = match.group(2), match.group(3)
    parts = _CAPTION_PARTS.search(inner)
    image, text = (parts.group(1), parts.group(2).strip()) if parts else (inner, "")
    if re.match(r"\s*<a ", image, re.I) and "</a>" not in image.lower():
        image += "</a>"  # a link left open around the image ends with it
    if not text:
        old = _CAPTION_ATTR.search(attributes)
        text = old.group(2).strip() if old else ""
    caption = f"<figcaption>{text}</figcaption>" if text else ""
    return f"<figure>{image}{caption}</figure>"


def _prepare(post: Post) -> BeautifulSoup:
    """Take out what Markdown cannot hold, noting each thing in the post."""
    text = _CAPTION.sub(_caption, post.html)
    for match in _SHORTCODE.finditer(text):
        if not match.group(1):
            post.note("shortcode removed", f"shortcode [{match.group(2)}] removed")
    text = _SHORTCODE.sub("", text)
    soup = BeautifulSoup(text, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        # Block-editor markers (<!-- wp:paragraph -->) hold no content:
        # the blocks' HTML between them is kept.
        if not comment.strip().startswith(("wp:", "/wp:")):
            post.note("an HTML comment removed")
        comment.extract()
    for tag in soup.find_all(_EMBEDS):
        if tag.parent is None or tag.find_parent(_EMBEDS):
            continue
        src = _safe_url(tag.get("src") or tag.get("data"))
        if not src:
            inner = tag.find("source", src=True)
            src = _safe_url(inner.get("src")) if inner else None
        if src:
            post.note(
                "embedded player kept as a link",
                f"<{tag.name}> kept as a link to {src}",
            )
            link = soup.new_tag("a", href=src)
            link.string = f"Embedded {tag.name}: {src}"
            paragraph = soup.new_tag("p")
            paragraph.append(link)
            tag.replace_with(paragraph)
        else:
            post.note(
                "embedded player without a source removed",
                f"<{tag.name}> without a source removed",
            )
            tag.decompose()
    for tag in soup.find_all(_DROPPED):
        if tag.parent is not None:
            post.note(
                f"<{tag.name}> removed",
                f"<{tag.name}> removed (Markdown cannot hold it)",
            )
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


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def _same_post(path: Path, post: Post) -> bool:
    """Whether the story at ``path`` was imported from ``post`` before: the
    same Original-URL or, without one, the same title and date."""
    from ..sources import read_source

    source = read_source(path)
    if source.text is None:
        return False
    if post.url:
        return (source.get("original-url") or "").strip() == post.url
    date = post.date.strftime("%Y-%m-%d %H:%M") if post.date else None
    return (source.get("title") or "") == (post.title or "Untitled") and (
        date is None or (source.get("date") or "").strip() == date
    )


def _story_name(post: Post, into: Path, taken: set[str]) -> tuple[str, bool]:
    """The file stem for ``post`` in ``into`` and whether it differs from
    the title's slug (then the story gets a ``Slug:`` of the same name).

    Untitled posts are named by their date and a short hash of their
    identity in the export, so each gets its own file and a second import
    finds the same name. A titled post whose name is taken by another
    post gets its date added, then a number.
    """
    from .writing import slug_for

    day = post.date.strftime("%Y-%m-%d") if post.date else ""
    if not post.title:
        stem = "-".join(
            p for p in ("untitled", day, _short_hash(post.key or post.html)) if p
        )
        return stem, True
    stem = slug_for(post.title)
    second = f"{stem}-{day}" if day else f"{stem}-2"
    candidates = [stem, second, *(f"{second}-{n}" for n in range(2, 100))]
    for number, candidate in enumerate(candidates):
        path = into / f"{candidate}.md"
        if candidate in taken:
            continue
        if not path.exists() or _same_post(path, post):
            return candidate, number > 0
    return candidates[-1], True


def import_all(
    paths: list[Path], into: Path, suggester: Any, report: ImportReport | None = None
) -> ImportReport:
    """Read every source, write one story per post into ``into``."""
    from .writing import FileExists, create, story_text

    report = report or ImportReport()
    taken: set[str] = set()
    for path in iter_sources(paths):
        try:
            posts = read_posts(path, report)
        except (OSError, ValueError) as error:
            report.not_converted.append(f"{path}: cannot be read ({error})")
            continue
        for post in posts:
            body = to_markdown(post)
            stem, own_slug = _story_name(post, into, taken)
            taken.add(stem)
            target = into / f"{stem}.md"
            title = post.title or "Untitled"
            if not post.title:
                post.note(
                    "had no title",
                    f"had no title: named {stem}; give it a title (and change "
                    "or remove its Slug)",
                )
            suggestion = suggester.suggest(body, post.title, path=str(target))
            extra: dict[str, object] = {}
            if own_slug:
                extra["Slug"] = stem
            if post.author:
                extra["Author"] = post.author
            if post.category:
                extra["Category"] = post.category
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
                post.note(
                    "no date in the source",
                    "no date in the source; the import date written, correct it",
                )
            text = story_text(title, date=date, extra=extra, body=body or " ")
            try:
                create(target, text)
            except FileExists:
                report.skipped["post imported before (its story is there)"] += 1
                report.not_converted.append(
                    f"{target}: already exists, not overwritten ({title!r} "
                    f"from {post.url or post.source}, imported before)"
                )
                continue
            report.written.append(
                {
                    "path": str(target),
                    "title": title,
                    "source": post.url or post.source,
                    "date": date.isoformat(),
                    "touchpoint": suggestion.touchpoint,
                    "verdict": suggestion.verdict,
                    "touchpoint_confidence": suggestion.touchpoint_confidence,
                    "verdict_confidence": suggestion.verdict_confidence,
                }
            )
            report.notes.extend((str(target), note) for note in post.notes)
    return report
