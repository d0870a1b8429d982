"""Reading content source files the way Pelican's readers will, line by line.

``check``, ``stats`` and ``suggest`` work on the files themselves, without a
build, so they can report what a build silently skips: an empty file, a file
that is not UTF-8, a header that stops early because one line is not
``Field: value``. Markdown headers are parsed with the same rules as
Python-Markdown's ``meta`` extension (which Pelican uses), keeping the line
of every field; reStructuredText field lists and HTML ``<meta>`` tags are read
more simply, enough to find the title, date and tags.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pelican.settings import DEFAULT_CONFIG

from .problems import Problem, display_path
from .safety.contenttree import Skipped, walk

__all__ = [
    "EXTENSIONS",
    "MAX_BYTES",
    "Source",
    "content_files",
    "content_kind",
    "read_source",
]

Kind = Literal["article", "page"]

MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
EXTENSIONS = (*MARKDOWN_EXTENSIONS, "rst", "html", "htm")
# Bigger than any story; a file this size is probably pasted data.
MAX_BYTES = 1024 * 1024

# Python-Markdown's meta extension, as Pelican runs it.
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
_BEGIN = re.compile(r"^-{3}(\s.*)?")
_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# A line that was meant as a field but is not one: "Touch point: x", "Date 2026".
_LOOKS_LIKE_FIELD = re.compile(
    r"^\s*(?P<key>[A-Za-z][A-Za-z0-9 _-]{0,30}?)\s*[:=]\s*\S"
    r"|^\s*(?P<known>title|date|modified|touchpoints?|verdict|company|summary|tags|"
    r"category|slug|status|author|authors|lang)\b\s+\S",
    re.IGNORECASE,
)
_RST_FIELD = re.compile(r"^:(?P<key>[A-Za-z0-9_ -]+):\s*(?P<value>.*)$")
_RST_UNDERLINE = re.compile(r"^([=\-`:'\"~^_*+#<>])\1{2,}\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Source:
    """One content file, read: its header fields (with lines), body and the
    problems found while reading it."""

    path: Path
    kind: Kind = "article"
    text: str | None = None
    fields: dict[str, list[str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)

    @property
    def display(self) -> str:
        return display_path(self.path)

    @property
    def is_markdown(self) -> bool:
        return self.path.suffix.lower().lstrip(".") in MARKDOWN_EXTENSIONS

    def get(self, name: str) -> str | None:
        """The first value of a field (any case), or None."""
        values = self.fields.get(name.lower())
        return values[0] if values else None

    def metadata(self) -> dict[str, Any]:
        """The header as Pelican would pass it on: a string per field, a list
        for a field given more than once; keys as the writer typed them."""
        return {
            self.names[key]: values[0] if len(values) == 1 else list(values)
            for key, values in self.fields.items()
        }

    def line_of(self, name: str) -> int | None:
        return self.lines.get(name.lower())

    def problem(
        self,
        field_name: str,
        message: str,
        *,
        line: int | None = None,
        suggestion: str | None = None,
        severity: Literal["error", "warning"] = "error",
    ) -> Problem:
        return Problem(
            path=self.display,
            field=field_name,
            message=message,
            line=line if line is not None else self.line_of(field_name),
            suggestion=suggestion,
            severity=severity,
        )


def content_kind(
    relative: str, article_paths: Iterable[str], page_paths: Iterable[str]
) -> Kind | None:
    """``page``, ``article`` or None (not content) for a path relative to the
    content folder, by Pelican's PAGE_PATHS and ARTICLE_PATHS."""

    def under(paths: Iterable[str]) -> bool:
        for base in paths:
            base = str(base).strip("/")
            if not base or relative == base or relative.startswith(base + "/"):
                return True
        return False

    if under(page_paths):
        return "page"
    if under(article_paths):
        return "article"
    return None


def _ignored(name: str, patterns: Iterable[str]) -> bool:
    """Whether Pelican's generators skip a file or folder called ``name``.

    Pelican matches IGNORE_FILES against names, not paths, so its default
    ``**/.*`` lets hidden files through: they are content, and checked.
    """
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def content_files(
    root: str | Path,
    settings: Mapping[str, Any],
    under: str | Path | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[tuple[Path, Kind]]:
    """Every content file below ``root`` (or only below ``under``), sorted,
    with its kind; honours ARTICLE_PATHS, PAGE_PATHS, the *_EXCLUDES and
    IGNORE_FILES like Pelican's generators. Links are followed as a build
    follows them (``contenttree.walk``); what is not followed is added to
    ``skipped``."""
    root = Path(root)
    start = Path(under) if under is not None else root
    article_paths = settings.get("ARTICLE_PATHS") or [""]
    page_paths = settings.get("PAGE_PATHS") or ["pages"]
    excludes = {
        "article": [str(e).strip("/") for e in settings.get("ARTICLE_EXCLUDES") or []],
        "page": [str(e).strip("/") for e in settings.get("PAGE_EXCLUDES") or []],
    }
    ignore = settings.get("IGNORE_FILES", DEFAULT_CONFIG["IGNORE_FILES"]) or []
    found: list[tuple[Path, Kind]] = []
    read = [root / str(folder) for folder in [*article_paths, *page_paths]]
    for folder, dirs, files in walk(str(start), str(root), skipped, map(str, read)):
        dirs[:] = sorted(d for d in dirs if not _ignored(d, ignore))
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix.lower().lstrip(".") not in EXTENSIONS:
                continue
            if _ignored(name, ignore):
                continue
            try:
                relative = path.relative_to(root).as_posix()
            except ValueError:
                relative = path.relative_to(start).as_posix()
            kind = content_kind(relative, article_paths, page_paths)
            if kind is not None and not any(
                relative == e or relative.startswith(e + "/") for e in excludes[kind]
            ):
                found.append((path, kind))
    yield from sorted(found, key=lambda item: item[0].as_posix())


def _decode(source: Source, data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        source.problems.append(
            source.problem(
                "file",
                f"is not UTF-8 (byte 0x{byte:02x} on line {line} cannot be read); "
                "save the file with the UTF-8 encoding",
                line=line,
            )
        )
        return None


def read_source(path: str | Path, kind: Kind = "article") -> Source:
    """Read one content file; never raises for bad content."""
    source = Source(Path(path), kind)
    try:
        data = source.path.read_bytes()
    except OSError as error:
        source.problems.append(
            source.problem("file", f"cannot be read ({error.strerror or error})")
        )
        return source
    if len(data) > MAX_BYTES:
        source.problems.append(
            source.problem(
                "file",
                f"is {len(data) / 1024 / 1024:.1f} MB; a story is rarely over "
                f"{MAX_BYTES // 1024 // 1024} MB, so check nothing was pasted "
                "by mistake (large data belongs in a static file)",
                severity="warning",
            )
        )
    text = _decode(source, data)
    if text is None:
        return source
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source.text = text
    if not text.strip():
        source.problems.append(
            source.problem(
                "file",
                "is empty; write a 'Title:' line, a 'Date:' line and the story, "
                "or delete the file",
            )
        )
        return source
    match = _CONTROL.search(text)
    if match:
        source.problems.append(
            source.problem(
                "file",
                f"contains the control character U+{ord(match.group()):04X}, "
                "which breaks feeds; delete it",
                line=text.count("\n", 0, match.start()) + 1,
            )
        )
    suffix = source.path.suffix.lower().lstrip(".")
    if suffix in MARKDOWN_EXTENSIONS:
        _read_markdown(source, text)
    elif suffix == "rst":
        _read_rst(source, text)
    else:
        _read_html(source, text)
    return source


def _add(source: Source, key: str, value: str, line: int) -> None:
    name = key.lower()
    source.names.setdefault(name, key)
    source.lines.setdefault(name, line)
    source.fields.setdefault(name, []).append(value)


def _read_markdown(source: Source, text: str) -> None:
    """Header fields exactly as the meta extension reads them, plus the
    problems a writer would not see: a header that ends too early."""
    lines = text.split("\n")
    index = 0
    if lines and _BEGIN.match(lines[0]):
        index = 1
    if index < len(lines) and not lines[index].strip():
        first = next(
            (i for i in range(index, len(lines)) if lines[i].strip()), len(lines)
        )
        if first < len(lines) and _META.match(lines[first]):
            source.problems.append(
                source.problem(
                    "metadata",
                    "the header must start on the first line; delete the blank "
                    "line(s) above it, or Pelican reads it as text",
                    line=first + 1,
                )
            )
    key: str | None = None
    while index < len(lines):
        line = lines[index]
        if not line.strip() or _END.match(line):
            index += 1
            break
        match = _META.match(line)
        if match:
            key = match.group("key")
            _add(source, key, match.group("value").strip(), index + 1)
        else:
            more = _META_MORE.match(line)
            if more and key:
                source.fields[key.lower()].append(more.group("value").strip())
            else:
                _broken_header(source, lines, index)
                break
        index += 1
    source.body = "\n".join(lines[index:])
    source.body_line = index + 1


def _broken_header(source: Source, lines: list[str], index: int) -> None:
    """The header stopped at ``lines[index]``: report it when that line, or
    one below it before the first blank line, was meant to be a field."""
    end = next(
        (i for i in range(index, len(lines)) if not lines[i].strip()), len(lines)
    )
    lost = [m.group("key") for m in map(_META.match, lines[index + 1 : end]) if m]
    looks = _LOOKS_LIKE_FIELD.match(lines[index])
    if not lost and not (looks and (source.fields or looks.group("known"))):
        return
    shown = lines[index].strip()
    if len(shown) > 40:
        shown = shown[:37] + "..."
    message = f"line {shown!r} is not 'Field: value'"
    if looks and looks.group("key") and " " in looks.group("key").strip():
        message += " (a field name has no spaces)"
    if lost:
        message += (
            f", so the fields below it ({', '.join(lost)}) are read as story text"
        )
    message += "; fix the line or put a blank line between the header and the story"
    source.problems.append(
        source.problem(
            "metadata",
            message,
            line=index + 1,
            # Fields were lost: an error. A story line right under the header
            # only might be a field: a warning.
            severity="error" if lost else "warning",
        )
    )


def _read_rst(source: Source, text: str) -> None:
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if (
            "title" not in source.fields
            and number < len(lines)
            and line.strip()
            and _RST_UNDERLINE.match(lines[number])
            and len(lines[number].strip()) >= len(line.strip())
        ):
            _add(source, "title", line.strip(), number)
            continue
        match = _RST_FIELD.match(line)
        if match:
            _add(source, match.group("key").strip(), match.group("value"), number)
    source.body = text


def _read_html(source: Source, text: str) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    title = soup.find("title")
    if title and title.get_text(strip=True):
        _add(source, "title", title.get_text(" ", strip=True), 1)
    for meta in soup.find_all("meta", attrs={"name": True, "content": True}):
        _add(source, str(meta["name"]), str(meta["content"]), 1)
    for key, name in list(source.names.items()):
        source.lines[key] = _line_in(text, name) or 1
    body = soup.find("body")
    source.body = body.decode_contents() if body else text


def _line_in(text: str, needle: str) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else None
