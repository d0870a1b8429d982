"""Keeping a build whole when some content is broken.

Pelican drops a file it cannot read with only "Could not process <file>",
reads a title given twice as a Python list, crashes the whole build on a
control character in a feed, and stops half-way through writing when two
pages share a file name. Each function here turns one of those into a
:class:`Problem` naming the file, line, field and fix, and (where it can)
repairs what Pelican read so every other story is still published:

* :func:`explain_dropped`: why a source file was dropped.
* :func:`repair_content`: a repeated title, control characters.
* :func:`resolve_collisions`: pages that would be written to the same file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..pelican_compat import (
    clear_output_override,
    content_html,
    has_output_override,
    output_override,
    override_output_path,
    set_content_html,
    set_summary_html,
)
from ..problems import Problem, display_path, locate_field
from .outputpaths import Outputs, clash, comparable, normalise_output_path

__all__ = [
    "CONTROL_CHARACTERS",
    "explain_dropped",
    "repair_content",
    "resolve_collisions",
]

# Characters XML 1.0 forbids (they crash Atom feeds) and terminal controls
# (ESC, the C1 set): never part of a story.
CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]"
)
_DATE_VALUE = re.compile(r"^(?P<value>'.*'|\".*\") is not a valid date$", re.S)
_BINARY_SAMPLE = 4096


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _decode_problem(where: str, error: UnicodeDecodeError) -> Problem:
    data = error.object if isinstance(error.object, bytes) else b""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(
            where,
            "file",
            "is saved as UTF-16; save it again as UTF-8 (in most editors: "
            "Save As, Encoding: UTF-8)",
            line=1,
        )
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample or _mostly_binary(sample):
        return Problem(
            where,
            "file",
            "is not a text file (binary data); remove it from the content "
            "folder, or put it under a static path if it is an image",
        )
    line = _line_of_offset(data, error.start)
    byte = data[error.start] if error.start < len(data) else 0
    start = data.rfind(b"\n", 0, error.start) + 1
    column = error.start - start + 1
    return Problem(
        where,
        "file",
        f"is not UTF-8 (byte 0x{byte:02x} at line {line}, column {column}); "
        "save the file with the UTF-8 encoding",
        line=line,
    )


def _mostly_binary(sample: bytes) -> bool:
    if not sample:
        return False
    text_like = sum(1 for b in sample if b in b"\t\n\r" or 32 <= b < 127 or b >= 0xC0)
    return text_like / len(sample) < 0.7


def _deepest_line(data: bytes) -> int | None:
    """The line nested deepest (indentation, quote markers), for a message."""
    best, best_line = -1, None
    for number, raw in enumerate(data.split(b"\n"), start=1):
        stripped = raw.lstrip(b" \t>")
        depth = len(raw) - len(stripped)
        if stripped and depth > best:
            best, best_line = depth, number
    return best_line


def explain_dropped(
    path: str, error: BaseException | None, content: Any = None
) -> Problem:
    """Why Pelican dropped the source file ``path``.

    ``error`` is what reading it raised; when reading worked, ``content`` is
    what was read, which Pelican then found invalid (a mandatory field
    missing, an unknown status).
    """
    where = display_path(path)
    data = _read_bytes(path)
    if data is not None and not data.strip():
        what = "is empty" if not data else "has only white space"
        return Problem(
            where,
            "file",
            f"{what}; write a 'Title:' line, a 'Date:' line and the story, "
            "or delete the file",
        )
    if isinstance(error, UnicodeDecodeError):
        return _decode_problem(where, error)
    if isinstance(error, RecursionError):
        return Problem(
            where,
            "file",
            "is nested too deeply to read (lists or quotes inside each other "
            "hundreds of levels deep); flatten it",
            line=_deepest_line(data or b""),
        )
    if isinstance(error, ValueError):
        match = _DATE_VALUE.match(str(error))
        if match:
            value = match.group("value")[1:-1]
            field = _date_field(path, value)
            return Problem(
                where,
                field,
                f"{value!r} is not a date; write it as YYYY-MM-DD or "
                "YYYY-MM-DD HH:MM (e.g. 2026-03-02 09:15)",
                line=locate_field(path, field.lower()),
            )
    missing = [
        name
        for name in getattr(content, "mandatory_properties", ())
        if not hasattr(content, name)
    ]
    statuses = getattr(content, "allowed_statuses", None)
    status = getattr(content, "status", None)
    if error is None and missing:
        field = missing[0].capitalize()
        example = "Title: …" if field == "Title" else f"{field}: YYYY-MM-DD"
        return Problem(
            where,
            field,
            f"missing; add a '{example}' line to the header at the top of "
            "the file (Pelican skips a file without one)",
            line=1,
        )
    if error is None and statuses and status not in statuses:
        return Problem(
            where,
            "Status",
            f"unknown status {status!r}; use one of: {', '.join(statuses)} "
            "(Pelican skips the file otherwise)",
            line=locate_field(path, "status"),
        )
    reason = f"{type(error).__name__}: {error}" if error else "unknown reason"
    return Problem(
        where,
        "file",
        f"could not be read ({reason}); run pelican with --debug to see where",
    )


def _date_field(path: str, value: str) -> str:
    """Which of Date and Modified holds the unreadable ``value``."""
    data = _read_bytes(path) or b""
    for raw in data.decode("utf-8", "replace").splitlines()[:200]:
        key, colon, rest = raw.partition(":")
        if colon and value in rest and key.strip().lower() == "modified":
            return "Modified"
    return "Date"


def _first_line(path: str | None, pattern: re.Pattern[str]) -> int | None:
    data = _read_bytes(path) if path else None
    if data is None:
        return None
    for number, line in enumerate(data.decode("utf-8", "replace").split("\n"), 1):
        if pattern.search(line):
            return number
    return None


def _strip_controls(value: str) -> tuple[str, list[str]]:
    found = sorted({f"U+{ord(ch):04X}" for ch in CONTROL_CHARACTERS.findall(value)})
    return (CONTROL_CHARACTERS.sub("", value), found) if found else (value, [])


def _clean_value(value: Any) -> tuple[Any, list[str]]:
    """``value`` without control characters: text, a name (author, tag,
    category), or a list of them; and the characters found."""
    if isinstance(value, str):
        return _strip_controls(value)
    if isinstance(value, list | tuple):
        found: list[str] = []
        items = []
        for item in value:
            cleaned, item_found = _clean_value(item)
            items.append(cleaned)
            found += item_found
        return (type(value)(items) if found else value), sorted(set(found))
    name = getattr(value, "name", None)
    if isinstance(name, str):
        cleaned, found = _strip_controls(name)
        if found:
            value.name = cleaned
        return value, found
    return value, []


def repair_content(content: Any) -> list[Problem]:
    """Repair what Pelican read wrongly from one article or page, in place.

    A ``Title`` given twice becomes a list (and would be published as
    ``['A', 'B']``): the first one is kept. Control characters are removed
    from the title, summary, text and other text metadata, because they
    crash feeds and can rewrite a terminal.
    """
    path = getattr(content, "source_path", None)
    where = display_path(path)
    problems: list[Problem] = []
    metadata = getattr(content, "metadata", {})

    title = metadata.get("title")
    if isinstance(title, list | tuple):
        first = str(title[0]) if title else ""
        content.title = metadata["title"] = first
        problems.append(
            Problem(
                where,
                "Title",
                f"given {len(title)} times; published with the first, "
                f"{first!r}: keep one Title line",
                line=locate_field(path, "title"),
            )
        )

    controls: set[str] = set()
    fields: list[str] = []
    for key, value in list(metadata.items()):
        cleaned, found = _clean_value(value)
        if found:
            metadata[key] = cleaned
            if key == "summary":
                set_summary_html(content, cleaned)
            elif getattr(content, key, None) is value:
                setattr(content, key, cleaned)
            controls.update(found)
            fields.append(key.capitalize())
    text = content_html(content)
    if isinstance(text, str):
        cleaned, found = _strip_controls(text)
        if found:
            set_content_html(content, cleaned)
            controls.update(found)
            fields.append("text")
    if controls:
        problems.append(
            Problem(
                where,
                "file",
                f"contains control characters ({', '.join(sorted(controls))}) in "
                f"{', '.join(fields)}; they were left out: delete them from the file",
                line=_first_line(path, CONTROL_CHARACTERS),
            )
        )
    return problems


def resolve_collisions(
    contents: Iterable[Any], reserved: Mapping[str, str] | Outputs | None = None
) -> list[Problem]:
    """Give every page its own output file.

    Two stories with the same slug, or a page whose path is one the site
    writes itself (``reserved``: path -> what writes it, or the
    :class:`Outputs` of the build), would make Pelican stop half-way or
    replace a page of the site. Paths are compared as written to disk
    (``./index.html`` is ``index.html``). A ``Save_as`` that takes the
    site's own output is dropped, so the story goes to its default path;
    otherwise the first by source path keeps the file, and each later one
    gets ``slug-2`` (``-3``…); each time with a problem naming both.
    """
    outputs = reserved if isinstance(reserved, Outputs) else Outputs()
    if not isinstance(reserved, Outputs):
        outputs.add_files((reserved or {}).items())
    # output path -> the source path of the story or page written there; a
    # source path is shown only in a problem (working out how to show it
    # costs a relpath, for every page of every build).
    taken: dict[str, str] = {}
    problems: list[Problem] = []

    def owner_of(save_as: str) -> str | None:
        key = _output_key(save_as)
        owner = taken.get(key)
        return clash(key, outputs) if owner is None else display_path(owner)

    # Pages at their default paths first: a Save_as from a file never takes
    # a path another page has by default, whatever the file names.
    def order(content: Any) -> tuple[bool, str]:
        return has_output_override(content), str(content.source_path)

    for content in sorted(contents, key=order):
        save_as = content.save_as
        if not save_as:
            continue
        owner = owner_of(save_as)
        if owner is None:
            taken[_output_key(save_as)] = str(content.source_path)
            continue
        source = display_path(content.source_path)
        if has_output_override(content):
            clear_output_override(content)
            if owner_of(content.save_as) is None:
                taken[_output_key(content.save_as)] = str(content.source_path)
                problems.append(
                    Problem(
                        source,
                        "Save_as",
                        f"{save_as!r} would replace {owner}; published at its "
                        f"default path {content.save_as!r}: delete the Save_as "
                        "line or give the story a path of its own",
                        line=locate_field(content.source_path, "save_as"),
                    )
                )
                continue
        old_slug = getattr(content, "slug", None)
        if has_output_override(content):
            base, ext = os.path.splitext(save_as)
            number = 2
            while owner_of(f"{base}-{number}{ext}") is not None:
                number += 1
            url = None
            if hasattr(content, "override_url"):
                url_base, url_ext = os.path.splitext(content.override_url)
                url = f"{url_base}-{number}{url_ext}"
            override_output_path(content, f"{base}-{number}{ext}", url)
            field, now = "Save_as", output_override(content, "save_as")
        else:
            number = 2
            while True:
                content.slug = f"{old_slug}-{number}"
                if owner_of(content.save_as) is None:
                    break
                number += 1
            field = "Slug" if "slug" in content.metadata else "Title"
            now = content.slug
        taken[_output_key(content.save_as)] = str(content.source_path)
        _untangle_translations(content)
        problems.append(
            Problem(
                source,
                field,
                f"would be written to {save_as}, like {owner}; published as "
                f"{now!r} for now: change the title or add a 'Slug: …' line",
                line=locate_field(content.source_path, field.lower()),
            )
        )
    return problems


def _output_key(save_as: str) -> str:
    """A path as written to disk, to compare with others."""
    normal, why = normalise_output_path(save_as)
    return comparable(normal.rstrip("/")) if why is None else save_as


def _untangle_translations(content: Any) -> None:
    """Pelican takes two stories with one slug and language for translations
    of each other; once apart they are not."""
    lang = getattr(content, "lang", None)
    for other in list(getattr(content, "translations", [])):
        if getattr(other, "lang", None) == lang:
            content.translations.remove(other)
            if content in getattr(other, "translations", []):
                other.translations.remove(content)
