"""Repeated notices told once: a count and the first few files.

An import of a few hundred posts, or a check of a site just imported, can
say the same thing hundreds of times (an image kept as a link, a field that
is only a suggestion). One line per kind, with how many times, in how many
files and the first few of them, leaves the one real problem visible;
``--verbose`` asks for every line. Pure functions over plain tuples, so
``import``, ``check`` and the build share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .problems import Problem

__all__ = [
    "SUGGESTED_SUMMARY",
    "build_lines",
    "group_lines",
    "is_suggestion",
    "problem_lines",
]

# Kinds seen this many times or fewer are listed one line each.
LIMIT = 3
# How many files a grouped line names.
SHOWN = 3
SUGGESTED_SUMMARY = (
    "{count} stories carry suggested tags to confirm: invoke suggest --apply "
    "(the plugin's 'suggest --apply'), or rename each Suggested-* field"
)


def _files(paths: Sequence[str]) -> str:
    shown = ", ".join(paths[:SHOWN])
    more = len(paths) - SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def group_lines(
    notes: Iterable[tuple[str, str, str]], *, verbose: bool = False
) -> list[str]:
    """``(path, kind, line)`` notes as lines: each ``line`` in full when its
    kind is rare or ``verbose``, else one line per kind (how many times, in
    how many files, the first few), in the order kinds first appear."""
    kinds: dict[str, list[tuple[str, str]]] = {}
    for path, kind, line in notes:
        kinds.setdefault(kind, []).append((path, line))
    lines: list[str] = []
    for kind, found in kinds.items():
        if verbose or len(found) <= LIMIT:
            lines.extend(line for _, line in found)
            continue
        paths = list(dict.fromkeys(path for path, _ in found))
        lines.append(
            f"{kind}: {len(found)} times in {len(paths)} "
            f"file{'s' if len(paths) != 1 else ''} ({_files(paths)}; "
            "--verbose lists each)"
        )
    return lines


def is_suggestion(problem: Problem) -> bool:
    """A ``Suggested-*`` field waiting to be confirmed."""
    return problem.field.lower().startswith("suggested-")


def _suggested_summary(problems: Sequence[Problem]) -> str | None:
    """One line for the pending suggestions of more than a few stories;
    None when there are few (then each is told in full)."""
    paths = list(dict.fromkeys(p.path for p in problems if is_suggestion(p)))
    if len(paths) <= LIMIT:
        return None
    return SUGGESTED_SUMMARY.format(count=len(paths)) + f" ({_files(paths)})"


def build_lines(problems: Sequence[Problem]) -> list[str]:
    """A build's log lines: every problem in full, except pending
    suggestions in more than a few stories, which are one summary line for
    the whole build."""
    summary = _suggested_summary(problems)
    lines = [p.format() for p in problems if not (summary and is_suggestion(p))]
    return lines + ([summary] if summary else [])


def problem_lines(problems: Sequence[Problem], *, verbose: bool = False) -> list[str]:
    """``check``'s lines: errors first, each in full; then warnings, a kind
    seen more than a few times grouped, pending suggestions as one line
    (``verbose``: every warning in full)."""
    errors = [p.format() for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    if verbose:
        return errors + [f"{p.format()} [warning]" for p in warnings]
    summary = _suggested_summary(warnings)
    others = [
        (p.path, f"{p.field}: {p.message}", p.format())
        for p in warnings
        if not (summary and is_suggestion(p))
    ]
    lines = [f"{line} [warning]" for line in group_lines(others)]
    return errors + lines + ([f"{summary} [warning]"] if summary else [])
