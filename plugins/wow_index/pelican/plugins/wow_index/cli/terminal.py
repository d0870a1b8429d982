"""Text for terminals: safe to print, laid out in columns.

Titles, company names and file names come from what writers (or imported
pages) typed. Printed as they are, an escape character in a title could
move the cursor, recolour the terminal or rewrite the line above; so every
piece of content goes through :func:`safe` before it is printed. JSON output
needs no such care: ``json.dumps`` escapes control characters itself.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["safe", "table", "truncate"]

# Bidirectional overrides and isolates reorder what is shown around them.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def safe(text: object) -> str:
    """``text`` on one line with every control character made visible as
    ``?``: no escape sequences, no bidirectional overrides, no new lines."""
    out = []
    for char in str(text):
        if char in "\t\n\r":
            out.append(" ")
        elif char in _BIDI or unicodedata.category(char) == "Cc":
            out.append("?")
        else:
            out.append(char)
    return "".join(out)


def truncate(text: str, width: int, *, keep_end: bool = False) -> str:
    """At most ``width`` characters, with an ellipsis where it was cut (at
    the start with ``keep_end``, for paths whose file name matters most)."""
    if len(text) <= width:
        return text
    if keep_end:
        return "…" + text[len(text) - width + 1 :]
    return text[: max(width - 1, 0)] + "…"


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    numeric: Sequence[int] = (),
    paths: Sequence[int] = (),
    max_width: int = 48,
) -> str:
    """A plain-text table: a header row, a rule, one line per row.

    Cells are made :func:`safe` and cut at ``max_width``; columns listed in
    ``numeric`` are aligned right; columns listed in ``paths`` are cut at
    the start, so the file name stays.
    """
    cells = [
        [truncate(safe(c), max_width, keep_end=i in paths) for i, c in enumerate(row)]
        for row in rows
    ]
    head = [truncate(safe(h), max_width) for h in headers]
    widths = [
        max([len(head[i])] + [len(row[i]) for row in cells])
        for i in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(widths[i]) if i in numeric else v.ljust(widths[i])
            for i, v in enumerate(values)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(head), rule, *(line(row) for row in cells)])
