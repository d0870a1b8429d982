"""Problems found in content, reported the same way everywhere.

Every problem names the file, the line where there is one, the field, what
is wrong and what would fix it, so a writer can go straight to it. The same
objects feed the build log, ``check`` and its JSON output.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "Problem",
    "WowContentError",
    "display_path",
    "locate_field",
    "plugin_failed_on",
]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one story."""

    path: str
    field: str
    message: str
    line: int | None = None
    suggestion: str | None = None
    severity: Severity = "error"

    def format(self) -> str:
        """``path:line: field: message (did you mean "x"?)``, one line."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f' (did you mean "{self.suggestion}"?)' if self.suggestion else ""
        return f"{where}: {self.field}: {self.message}{hint}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return self.format()


class WowContentError(Exception):
    """Raised in strict mode: the content has problems that fail the build."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(p.format() for p in problems)
        count = len(problems)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''} in tagged content "
            f"(WOW_STRICT is on):\n{lines}"
        )


def plugin_failed_on(path: str | Path | None, error: BaseException) -> Problem:
    """The plugin failed on one story (input no check foresaw, or a bug):
    one error naming the story and what to do, instead of a traceback."""
    return Problem(
        display_path(path),
        "text",
        f"pelican-wow-index failed on this story ({type(error).__name__}: "
        f"{error}); it is published without its tags and left out of the WoW "
        "index. Check its Touchpoint, Verdict, Company and moment headings; if "
        "they look right, report this message as a bug",
    )


def display_path(path: str | Path | None) -> str:
    """A path as a writer would type it: relative to the working directory
    when the file is below it, else as given."""
    if not path:
        return "<unknown>"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def locate_field(source_path: str | Path | None, field: str) -> int | None:
    """Return the 1-based line of a metadata ``field`` in a source file.

    Pelican's readers do not keep line numbers, so the line is found again in
    the file: ``Field: value`` (Markdown) or ``:field: value`` (reST).
    Only the header is searched; returns None when the file cannot be read
    or the field is not there.
    """
    if not source_path:
        return None
    pattern = re.compile(rf"^\s*:?{re.escape(field)}\s*:", re.IGNORECASE)
    try:
        with open(source_path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if pattern.match(line):
                    return number
                if number > 200:
                    break
    except OSError:
        return None
    return None
