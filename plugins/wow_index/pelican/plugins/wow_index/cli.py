"""The plugin's command line: ``python -m pelican.plugins.wow_index …``.

It works on content files without building the site, so any Pelican blog
can use it (and a site's own task runner can wrap it)::

    python -m pelican.plugins.wow_index check [PATH…] [--json] [--strict]
    python -m pelican.plugins.wow_index suggest [--json] FILE…
    python -m pelican.plugins.wow_index stats [PATH] [--json]
    python -m pelican.plugins.wow_index evaluate DIR [--split odd|even|all]

Settings come from ``-s FILE`` or, like ``pelican`` itself, from
``pelicanconf.py`` in the working directory when there is one. Exit codes:
0 all well, 1 problems found, 2 the command could not run (bad arguments,
settings or paths).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from .problems import Problem
from .settings import SettingsError, WowSettings, load_settings
from .sources import Kind, content_files, content_kind
from .terminal import safe

__all__ = ["main"]

PROG = "python -m pelican.plugins.wow_index"


class UsageError(Exception):
    """The command cannot run; the message says why and what to do."""


# Settings and files ---------------------------------------------------------


def load_site(settings_file: str | None) -> tuple[dict[str, Any], WowSettings]:
    """Pelican settings (from ``settings_file``, ./pelicanconf.py, or Pelican's
    defaults) and the plugin's validated settings."""
    import logging

    from pelican.settings import read_settings

    path = settings_file
    if path is None and Path("pelicanconf.py").is_file():
        path = "pelicanconf.py"
    if path is not None and not Path(path).is_file():
        raise UsageError(f"settings file {path!r} not found; pass -s with a path")
    # Pelican's settings reader warns about feeds without SITEURL, which is
    # noise for a content check.
    logging.getLogger("pelican.settings").setLevel(logging.ERROR)
    try:
        settings = read_settings(path)
        wow = load_settings(settings)
    except SettingsError as error:
        raise UsageError(str(error)) from None
    except Exception as error:  # a settings file is Python: anything goes
        raise UsageError(f"cannot read settings {path!r}: {error}") from None
    return settings, wow


def site_files(
    paths: Sequence[str], settings: dict[str, Any]
) -> list[tuple[Path, Kind]]:
    """Content files named by ``paths`` (files or folders), or the whole
    content folder when none is given.

    A folder inside the site's content folder follows the site's
    ARTICLE_PATHS/PAGE_PATHS; any other folder is read as a content folder
    of its own with Pelican's defaults (``pages/`` holds pages).
    """
    root = Path(settings.get("PATH") or ".").resolve()
    defaults = {"ARTICLE_PATHS": [""], "PAGE_PATHS": ["pages"]}
    found: list[tuple[Path, Kind]] = []
    for name in paths or [str(root)]:
        path = Path(name)
        if not path.exists():
            raise UsageError(f"{name}: no such file or folder")
        resolved = path.resolve()
        inside = resolved == root or root in resolved.parents
        if path.is_dir():
            if inside:
                found.extend(content_files(root, settings, under=path))
            else:
                found.extend(content_files(path, defaults))
        else:
            kind: Kind | None = "article"
            if inside:
                relative = resolved.relative_to(root).as_posix()
                kind = content_kind(
                    relative,
                    settings.get("ARTICLE_PATHS") or [""],
                    settings.get("PAGE_PATHS") or [],
                )
            found.append((path, kind or "article"))
    return found


def _dump(data: Any, out: TextIO) -> None:
    # ensure_ascii: control characters from content reach no terminal raw.
    out.write(json.dumps(data, indent=2, ensure_ascii=True) + "\n")


# check ----------------------------------------------------------------------


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .checking import check_sources

    settings, wow = load_site(args.settings)
    files = site_files(args.paths, settings)
    _, problems = check_sources(files, settings, wow, tags=True)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    failed = bool(errors or (args.strict and warnings))
    if args.json:
        _dump(
            {
                "files": len(files),
                "errors": len(errors),
                "warnings": len(warnings),
                "ok": not failed,
                "problems": [p.as_dict() for p in problems],
            },
            out,
        )
    else:
        for problem in problems:
            out.write(format_problem(problem) + "\n")
        err.write(
            f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
            f"{_count(len(errors), 'error')}, {_count(len(warnings), 'warning')}\n"
        )
    return 1 if failed else 0


def format_problem(problem: Problem) -> str:
    """One line for a terminal: the problem's own format, made safe."""
    suffix = " [warning]" if problem.severity == "warning" else ""
    return safe(problem.format()) + suffix


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' if number != 1 else ''}"


# The parser -----------------------------------------------------------------


Runner = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check content, suggest tags and summarise a WoW index "
        "without building the site.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def settings_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "-s",
            "--settings",
            metavar="FILE",
            help="Pelican settings file (default: ./pelicanconf.py if present)",
        )

    check = commands.add_parser(
        "check",
        help="validate content files: metadata, dates, tags, moments, slugs",
        description="Validate content files and print one line per problem as "
        "path:line: field: message. Exit 1 when there is any error.",
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: PATH)"
    )
    settings_option(check)
    check.add_argument("--json", action="store_true", help="print JSON")
    check.add_argument(
        "--strict", action="store_true", help="fail on warnings too (like WOW_STRICT)"
    )
    check.set_defaults(run=run_check)
    return parser


def main(argv: Iterable[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; return its exit code."""
    out = out or sys.stdout
    err = sys.stderr
    parser = _parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    run: Runner = args.run
    try:
        return run(args, out, err)
    except UsageError as error:
        err.write(f"{PROG} {args.command}: {safe(error)}\n")
        return 2
