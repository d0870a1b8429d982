"""Writing stories: a new file from the template, tags into a header.

Used by ``new``, ``suggest --apply`` and ``import``. Files are never
overwritten by accident (:func:`create` refuses an existing path) and editing
a header changes only the lines it must, so the rest of a story stays
byte for byte as the writer left it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..index.tagging import clean_text

__all__ = ["FileExists", "create", "set_fields", "slug_for", "story_text"]

_HEADER_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):")
_CONTINUATION = re.compile(r"^[ ]{4,}\S")


class FileExists(FileExistsError):
    """The story's file is already there; nothing was written."""


def slug_for(title: str, settings: Mapping[str, object] | None = None) -> str:
    """A file name stem from a title, the way Pelican makes slugs."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    settings = settings or {}
    subs = (
        settings.get("SLUG_REGEX_SUBSTITUTIONS")
        or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    )
    slug = slugify(clean_text(title), regex_subs=subs)  # type: ignore[arg-type]
    return slug or "untitled"


def field_value(value: object) -> str:
    """A header value on one line, control characters removed."""
    return clean_text(value)


def story_text(
    title: str,
    *,
    date: dt.datetime | dt.date | str | None = None,
    touchpoints: Iterable[str] = (),
    verdict: str | None = None,
    company: str | None = None,
    summary: str | None = None,
    extra: Mapping[str, object] | None = None,
    body: str | None = None,
) -> str:
    """A Markdown story: header fields, a blank line, the body.

    Empty tags are written as empty-valued placeholders only in the template
    body's comments, never as fields, so an unfinished story is not tagged
    wrongly; ``extra`` adds fields such as ``Author`` or ``Original-URL``.
    """
    if date is None:
        date = dt.datetime.now()
    if isinstance(date, dt.datetime):
        date_text = date.strftime("%Y-%m-%d %H:%M")
    elif isinstance(date, dt.date):
        date_text = date.isoformat()
    else:
        date_text = str(date)
    fields: list[tuple[str, object]] = [("Title", title), ("Date", date_text)]
    tps = [t for t in touchpoints if t]
    if tps:
        fields.append(("Touchpoint", ", ".join(tps)))
    if verdict:
        fields.append(("Verdict", verdict))
    if company:
        fields.append(("Company", company))
    if summary:
        fields.append(("Summary", summary))
    fields.extend((extra or {}).items())
    header = "\n".join(
        f"{name}: {field_value(value)}" for name, value in fields if value
    )
    if body is None:
        body = (
            "What happened, in your own words: where you met the company, what you\n"
            "expected, what they did, how it ended.\n\n"
            "<!-- A longer story can mark each step as a moment:\n"
            "## What happened first {: .store .good }\n"
            "## What happened next {: .phone .bad }\n-->\n"
        )
    return f"{header}\n\n{body.rstrip()}\n"


def create(path: str | Path, text: str) -> Path:
    """Write a new file; raise :class:`FileExists` rather than replace one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise FileExists(f"{path} already exists; nothing was written") from None
    return path


def set_fields(
    text: str, fields: Mapping[str, str | None], *, drop_prefix: str | None = None
) -> str:
    """``text`` with header ``fields`` set (None removes a field) and, with
    ``drop_prefix``, every field whose name starts with it removed.

    A field already in the header is replaced where it stands; a new one is
    added at the end of the header. Lines outside the header are untouched.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    end = 0
    while end < len(lines) and lines[end].strip():
        end += 1
    header, rest = lines[:end], lines[end:]
    wanted = {k.lower(): (k, v) for k, v in fields.items()}
    done: set[str] = set()
    kept: list[str] = []
    skipping = False
    for line in header:
        match = _HEADER_LINE.match(line)
        if not match:
            if not (skipping and _CONTINUATION.match(line)):
                kept.append(line)
            continue
        key = match.group(1).lower()
        skipping = False
        if (drop_prefix and key.startswith(drop_prefix.lower())) or (
            key in wanted and (key in done or wanted[key][1] is None)
        ):
            skipping = True
            continue
        if key in wanted:
            name, value = wanted[key]
            kept.append(f"{match.group(1)}: {field_value(value)}")
            done.add(key)
            skipping = True  # drop the old value's continuation lines
            continue
        kept.append(line)
    for key, (name, value) in wanted.items():
        if key not in done and value is not None:
            kept.append(f"{name}: {field_value(value)}")
    return newline.join(kept + rest)
