"""The plugin's command line: ``python -m pelican.plugins.wow_index …``.

It works on content files without building the site, so any Pelican blog
can use it (and a site's own task runner can wrap it)::

    python -m pelican.plugins.wow_index check [PATH…] [--json] [--strict]
    python -m pelican.plugins.wow_index suggest [--json] [--apply] FILE…
    python -m pelican.plugins.wow_index stats [PATH…] [--json]
    python -m pelican.plugins.wow_index import SOURCE… --into DIR
    python -m pelican.plugins.wow_index evaluate DIR [--split odd|even|all]
    python -m pelican.plugins.wow_index train DIR[:odd|even]… [--output FILE]

Settings come from ``-s FILE`` or, like ``pelican`` itself, from
``pelicanconf.py`` in the working directory when there is one. Exit codes:
0 all well, 1 problems found, 2 the command could not run (bad arguments,
settings or paths).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from .contenttree import Skipped
from .problems import Problem
from .settings import SettingsError, WowSettings, load_settings
from .sources import EXTENSIONS, Kind, content_files, content_kind
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


def _is_content(path: str) -> bool:
    """Whether a skipped entry matters to ``check``: a folder link, or a
    file with a content file's extension."""
    suffix = os.path.splitext(path)[1].lower().lstrip(".")
    return os.path.isdir(path) or suffix in EXTENSIONS or not suffix


def site_files(
    paths: Sequence[str],
    settings: dict[str, Any],
    skipped: list[Skipped] | None = None,
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
                found.extend(content_files(root, settings, under=path, skipped=skipped))
            else:
                found.extend(content_files(path, defaults, skipped=skipped))
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
    skipped: list[Skipped] = []
    files = site_files(args.paths, settings, skipped)
    _, problems = check_sources(files, settings, wow, tags=True)
    problems = [item.problem() for item in skipped if _is_content(item.path)] + problems
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


def _count(number: int, word: str, plural: str | None = None) -> str:
    return f"{number} {word if number == 1 else plural or word + 's'}"


# suggest --------------------------------------------------------------------


def untagged(source: Any) -> bool:
    """No Touchpoint and no Verdict of the writer's own (suggestions aside)."""
    return source.get("touchpoint") is None and source.get("verdict") is None


def run_suggest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .sources import read_source
    from .suggestion import Suggester

    settings, wow = load_site(args.settings)
    suggester = Suggester(wow.touchpoints, wow.verdicts, threshold=args.threshold)
    files = site_files(args.paths, settings)
    results = []
    failed = 0
    for path, kind in files:
        source = read_source(path, kind)
        if source.text is None:
            failed += 1
            for problem in source.problems:
                err.write(format_problem(problem) + "\n")
            continue
        if args.untagged and (kind != "article" or not untagged(source)):
            continue
        results.append(
            (
                source,
                suggester.suggest(
                    source.body,
                    source.get("title") or "",
                    path=source.display,
                    company=source.get("company"),
                ),
            )
        )
    if args.json:
        _dump([s.as_dict() for _, s in results], out)
    else:
        out.write(suggestion_table([s for _, s in results]) + "\n")
        for _, suggestion in results if args.explain else []:
            out.write(f"\n{safe(suggestion.path)}\n")
            for line in suggestion.evidence:
                out.write(f"  {safe(line)}\n")
    if args.apply:
        apply_suggestions(results, yes=args.yes, out=out, err=err)
    return 1 if failed else 0


def suggestion_table(suggestions: Sequence[Any]) -> str:
    from .terminal import table

    if not suggestions:
        return "no stories to suggest tags for"
    rows = [
        [
            s.path,
            ", ".join([s.touchpoint, *s.also]) if s.touchpoint else "?",
            f"{s.touchpoint_confidence:.2f}",
            s.verdict or "?",
            f"{s.verdict_confidence:.2f}",
            s.company or "",
        ]
        for s in suggestions
    ]
    return (
        table(
            ["file", "touchpoint", "conf", "verdict", "conf", "company"],
            rows,
            numeric=(2, 4),
            paths=(0,),
        )
        + "\n(? = not confident enough to suggest; --explain shows the evidence)"
    )


def apply_suggestions(
    results: Sequence[tuple[Any, Any]], *, yes: bool, out: TextIO, err: TextIO
) -> int:
    """Write accepted suggestions into their files; return how many."""
    from .checking import SUGGESTED_PREFIX
    from .writing import set_fields

    written = 0
    for source, suggestion in results:
        if not (suggestion.touchpoint and suggestion.verdict):
            err.write(
                f"{safe(source.display)}: skipped, not confident enough; "
                "tag it by hand\n"
            )
            continue
        fields = {
            "Touchpoint": ", ".join([suggestion.touchpoint, *suggestion.also]),
            "Verdict": suggestion.verdict,
        }
        if suggestion.company and not source.get("company"):
            fields["Company"] = suggestion.company
        shown = "; ".join(f"{k}: {v}" for k, v in fields.items())
        if not yes:
            out.write(f"Write {safe(shown)} to {safe(source.display)}? [y/N] ")
            out.flush()
            answer = sys.stdin.readline()
            if answer.strip().lower() not in ("y", "yes"):
                out.write("\n" if not answer else "")
                out.write(f"{safe(source.display)}: left as it was\n")
                continue
        text = source.path.read_text(encoding="utf-8")
        source.path.write_text(
            set_fields(text, fields, drop_prefix=SUGGESTED_PREFIX), encoding="utf-8"
        )
        out.write(f"{safe(source.display)}: wrote {safe(shown)}\n")
        written += 1
    return written


# stats ----------------------------------------------------------------------


def run_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .stats import collect, render, stats_document

    settings, wow = load_site(args.settings)
    document = stats_document(collect(site_files(args.paths, settings), wow), wow)
    if args.json:
        _dump(document, out)
    else:
        out.write(render(document, wow) + "\n")
    return 0


# train ----------------------------------------------------------------------


def run_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .evaluation import SPLITS
    from .training import examples, fit

    _, wow = load_site(args.settings)
    sources = []
    for spec in args.folders:
        folder, _, split = spec.partition(":")
        split = split or "all"
        if split not in SPLITS:
            raise UsageError(f"{spec}: split must be one of {', '.join(SPLITS)}")
        if not (Path(folder) / "labels.json").is_file():
            raise UsageError(f"{folder}: no labels.json in this folder")
        sources.append((Path(folder), split))
    found = examples(sources, wow.touchpoints)
    unknown = sorted({e.touchpoint for e in found} - set(wow.touchpoints.slugs))
    if unknown:
        raise UsageError(
            f"labels use touchpoints not in the vocabulary: {', '.join(unknown)}"
        )
    from .training import SCALE

    odd_verdicts = sorted({e.verdict for e in found} - set(SCALE))
    if odd_verdicts:
        raise UsageError(
            f"labels use verdicts off the scale {', '.join(SCALE)}: "
            + ", ".join(odd_verdicts)
        )
    try:
        fitted = fit(found, wow.touchpoints.slugs)
    except ValueError as error:
        raise UsageError(str(error)) from None
    document = {"trained_on": list(args.folders), **fitted}
    text = json.dumps(document, indent=1) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        err.write(f"wrote {args.output} ({len(found)} stories)\n")
    else:
        out.write(text)
    return 0


# evaluate -------------------------------------------------------------------


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .evaluation import evaluate
    from .sources import read_source
    from .suggestion import Suggester, load_model
    from .terminal import table

    _, wow = load_site(args.settings)
    model = None
    if args.model:
        if not Path(args.model).is_file():
            raise UsageError(
                f"{args.model}: no such model file; write one with 'train'"
            )
        model = load_model(Path(args.model))
    try:
        suggester = Suggester(
            wow.touchpoints, wow.verdicts, threshold=args.threshold, model=model
        )
    except ValueError as error:
        raise UsageError(f"{args.model}: {error}") from None
    folder = Path(args.folder)
    labels = Path(args.labels) if args.labels else folder / "labels.json"
    if not labels.is_file():
        raise UsageError(f"{labels}: no labels file; pass --labels")

    def suggest(path: Path) -> Any:
        source = read_source(path)
        return suggester.suggest(
            source.body, source.get("title") or "", company=source.get("company")
        )

    reports = [evaluate(folder, suggest, split, labels) for split in args.split]
    if args.json:
        _dump([r.as_dict() for r in reports], out)
        return 0
    rows = []
    for report in reports:
        for name in ("touchpoint", "verdict", "company"):
            score = getattr(report, name)
            rows.append(
                [
                    report.split,
                    score.total,
                    name,
                    f"{score.accuracy:.3f}",
                    f"{score.coverage:.3f}",
                    f"{score.accuracy_answered:.3f}",
                ]
            )
    out.write(
        table(
            ["split", "stories", "field", "accuracy", "coverage", "on answered"],
            rows,
            numeric=(1, 3, 4, 5),
        )
        + "\n"
    )
    return 0


# import ---------------------------------------------------------------------


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .importing import ImportReport, import_all
    from .suggestion import Suggester

    _, wow = load_site(args.settings)
    sources = [Path(p) for p in args.sources]
    missing = [str(p) for p in sources if not p.exists()]
    if missing:
        raise UsageError(f"{', '.join(missing)}: no such file or folder")
    suggester = Suggester(wow.touchpoints, wow.verdicts)
    report = import_all(sources, Path(args.into), suggester, ImportReport())
    if args.json:
        _dump(report.as_dict(), out)
    else:
        out.write(f"{_count(len(report.written), 'story', 'stories')} written:\n")
        for story in report.written:
            tags = "/".join(str(story[k] or "?") for k in ("touchpoint", "verdict"))
            out.write(
                f"  {safe(story['path'])}  (suggested: {safe(tags)})\n"
                f"      from {safe(story['source'])}\n"
            )
        if report.not_converted:
            out.write("Not converted as it was (check these by hand):\n")
            for line in report.not_converted:
                out.write(f"  {safe(line)}\n")
        if report.skipped:
            out.write("Skipped, not posts:\n")
            for kind, number in sorted(report.skipped.items()):
                out.write(f"  {number} {safe(kind)}\n")
        if report.written:
            out.write(
                "Suggested-* fields are suggestions: confirm them with "
                "'suggest --apply' or by renaming the fields.\n"
            )
    return 0 if report.written or not sources else 1


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

    from .suggestion import DEFAULT_THRESHOLD

    suggest = commands.add_parser(
        "suggest",
        help="suggest touchpoint, verdict and company for stories",
        description="Suggest tags for stories, with a confidence and the evidence. "
        "A field is null when the confidence is below the threshold.",
    )
    suggest.add_argument("paths", nargs="*", metavar="FILE", help="files or folders")
    settings_option(suggest)
    suggest.add_argument("--json", action="store_true", help="print a JSON array")
    suggest.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"least confidence to suggest a field (default {DEFAULT_THRESHOLD})",
    )
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
    suggest.set_defaults(run=run_suggest)

    stats = commands.add_parser(
        "stats",
        help="the WoW index as tables: matrix, splits, companies, untagged",
        description="Count tagged stories by touchpoint and verdict, from the files.",
    )
    stats.add_argument("paths", nargs="*", metavar="PATH", help="files or folders")
    settings_option(stats)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(run=run_stats)

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
    evaluate.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    evaluate.add_argument(
        "--model", metavar="FILE", help="weights written by 'train' (default: shipped)"
    )
    settings_option(evaluate)
    evaluate.add_argument("--json", action="store_true", help="print JSON")
    evaluate.set_defaults(run=run_evaluate)

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
    settings_option(train)
    train.set_defaults(run=run_train)

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
    settings_option(importer)
    importer.add_argument(
        "--json", action="store_true", help="print the report as JSON"
    )
    importer.set_defaults(run=run_import)
    return parser


def main(argv: Iterable[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; return its exit code."""
    out = out or sys.stdout
    err = sys.stderr
    parser = _parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    run: Runner = args.run
    if args.command == "evaluate" and not args.split:
        args.split = ["all"]
    try:
        return run(args, out, err)
    except UsageError as error:
        err.write(f"{PROG} {args.command}: {safe(error)}\n")
        return 2
