"""The command line's arguments: one small function per command.

Which function runs a command is :mod:`.main`'s business; this module only
says what each command takes, so ``--help`` and the parsing live in one place.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["PROG", "parser"]

PROG = "python -m pelican.plugins.wow_index"

Commands = argparse._SubParsersAction  # the object add_subparsers() returns


def parser() -> argparse.ArgumentParser:
    """The parser of every command; ``args.command`` names the one given."""
    top = argparse.ArgumentParser(
        prog=PROG,
        description="Check content, suggest tags and summarise a WoW index "
        "without building the site.",
    )
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for add in COMMANDS:
        add(commands)
    return top


def _settings(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "-s",
        "--settings",
        metavar="FILE",
        help="Pelican settings file (default: ./pelicanconf.py if present)",
    )


def _json(sub: argparse.ArgumentParser, help: str = "print JSON") -> None:
    sub.add_argument("--json", action="store_true", help=help)


def _verbose(sub: argparse.ArgumentParser, help: str) -> None:
    sub.add_argument("-v", "--verbose", action="store_true", help=help)


def _threshold(sub: argparse.ArgumentParser, help: str | None = None) -> None:
    from ..suggest.suggestion import DEFAULT_THRESHOLD

    sub.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=help and help.format(DEFAULT_THRESHOLD),
    )


def add_check(commands: Commands) -> None:
    check = commands.add_parser(
        "check",
        help="validate content files: metadata, dates, tags, moments, slugs",
        description="Validate content files and print one line per problem as "
        "path:line: field: message. Exit 1 when there is any error.",
    )
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: PATH)"
    )
    _settings(check)
    _json(check)
    check.add_argument(
        "--strict", action="store_true", help="fail on warnings too (like WOW_STRICT)"
    )
    _verbose(
        check,
        "print every warning (default: a warning seen more than three times "
        "is one line with a count and the first files)",
    )


def add_suggest(commands: Commands) -> None:
    suggest = commands.add_parser(
        "suggest",
        help="suggest touchpoint, verdict and company for stories",
        description="Suggest tags for stories, with a confidence and the evidence. "
        "A field is null when the confidence is below the threshold.",
    )
    suggest.add_argument("paths", nargs="*", metavar="FILE", help="files or folders")
    _settings(suggest)
    _json(suggest, "print a JSON array")
    _threshold(suggest, "least confidence to suggest a field (default {})")
    suggest.add_argument(
        "--untagged",
        action="store_true",
        help="only stories without Touchpoint and Verdict",
    )
    suggest.add_argument(
        "--explain", action="store_true", help="show the evidence under the table"
    )
    suggest.add_argument(
        "--apply",
        action="store_true",
        help="write the suggested tags into each file after asking",
    )
    suggest.add_argument(
        "--yes", action="store_true", help="with --apply: do not ask, write them all"
    )


def add_stats(commands: Commands) -> None:
    stats = commands.add_parser(
        "stats",
        help="the WoW index as tables: matrix, splits, companies, untagged",
        description="Count tagged stories by touchpoint and verdict, from the files.",
    )
    stats.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    _settings(stats)
    _json(stats)


def add_evaluate(commands: Commands) -> None:
    evaluate = commands.add_parser(
        "evaluate",
        help="measure suggestions against hand-labelled stories",
        description="Run suggest on a folder of labelled stories (labels.json) "
        "and print accuracy, coverage and accuracy on answered, per field.",
    )
    evaluate.add_argument("folder", metavar="DIR")
    evaluate.add_argument("--labels", metavar="FILE", help="default: DIR/labels.json")
    evaluate.add_argument(
        "--split",
        action="append",
        choices=("all", "odd", "even"),
        help="files by number: odd, even or all (repeatable; default all)",
    )
    _threshold(evaluate)
    evaluate.add_argument(
        "--model", metavar="FILE", help="weights written by 'train' (default: shipped)"
    )
    _settings(evaluate)
    _json(evaluate)


def add_train(commands: Commands) -> None:
    train = commands.add_parser(
        "train",
        help="fit the suggestion model's weights to hand-labelled stories",
        description="Fit the weights of suggest to folders of labelled stories "
        "(labels.json), each optionally limited to its odd- or even-numbered "
        "files as DIR:odd or DIR:even, and write them as JSON. The same "
        "stories always give the same weights.",
    )
    train.add_argument("folders", nargs="+", metavar="DIR[:SPLIT]")
    train.add_argument(
        "-o", "--output", metavar="FILE", help="write here (default: print)"
    )
    train.add_argument(
        "--companies",
        nargs="+",
        default=[],
        metavar="DIR[:SPLIT]",
        help="more labelled folders whose company labels (only) train the "
        "company ranker, with those of the folders above",
    )
    _settings(train)


def add_import(commands: Commands) -> None:
    importer = commands.add_parser(
        "import",
        help="turn HTML pages, Blogger or WordPress exports into Markdown stories",
        description="Write one Markdown story per post, with suggested tags for "
        "you to confirm, and list what could not be converted.",
    )
    importer.add_argument("sources", nargs="+", metavar="SOURCE")
    importer.add_argument(
        "--into", required=True, metavar="DIR", help="folder for the new stories"
    )
    _settings(importer)
    _json(importer, "print the report as JSON")
    _verbose(
        importer,
        "list every story written and every note (default: the first ten "
        "stories, and a note seen more than three times as one line)",
    )


COMMANDS: tuple[Callable[[Commands], None], ...] = (
    add_check,
    add_suggest,
    add_stats,
    add_evaluate,
    add_train,
    add_import,
)
