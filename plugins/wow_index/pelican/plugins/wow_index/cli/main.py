"""The plugin's command line: ``python -m pelican.plugins.wow_index …``.

It works on content files without building the site, so any Pelican blog
can use it (and a site's own task runner can wrap it)::

    python -m pelican.plugins.wow_index check [PATH…] [--json] [--strict]
    python -m pelican.plugins.wow_index suggest [--json] [--apply] FILE…
    python -m pelican.plugins.wow_index stats [PATH…] [--json]
    python -m pelican.plugins.wow_index import SOURCE… --into DIR
    python -m pelican.plugins.wow_index evaluate DIR [--split odd|even|all]
    python -m pelican.plugins.wow_index train DIR[:odd|even]… [--output FILE]
        [--companies DIR[:odd|even]…]

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

from ..problems import Problem, display_path
from ..safety.contenttree import Skipped
from ..settings import SettingsError, WowSettings, load_settings
from ..sources import EXTENSIONS, Kind, content_files, content_kind
from .arguments import PROG, parser
from .terminal import safe

__all__ = ["main"]


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


def unread_folder(
    path: Path, settings: dict[str, Any], *, outside: bool = True
) -> str | None:
    """Why Pelican would not read stories in the folder ``path``, and what
    to change; None when it reads them.

    A folder inside the site's content folder (PATH) is read when it is
    under ARTICLE_PATHS or PAGE_PATHS and not excluded; with ``outside``, a
    folder outside PATH is reported too (the site never reads it).
    """
    root = Path(settings.get("PATH") or ".").resolve()
    resolved = path.resolve()
    articles = [str(p).strip("/") for p in settings.get("ARTICLE_PATHS") or [""]]
    pages = [str(p).strip("/") for p in settings.get("PAGE_PATHS") or []]
    shown = ", ".join(p or "(all of it)" for p in articles)
    where = f"{root.name}/{articles[0]}" if articles[0] else root.name
    if resolved != root and root not in resolved.parents:
        if not outside:
            return None
        return (
            f"is outside the site's content folder ({display_path(root)}), so "
            f"the site will not publish these stories; import into {where} "
            "instead, or move the files there"
        )
    relative = resolved.relative_to(root).as_posix()
    relative = "" if relative == "." else relative

    def below(folder: str, base: str) -> bool:
        return not base or folder == base or folder.startswith(base + "/")

    def reads(bases: list[str], setting: str) -> bool:
        excludes = [str(e).strip("/") for e in settings.get(setting) or []]
        if any(e and below(relative, e) for e in excludes):
            return False
        return any(below(relative, b) or below(b, relative) for b in bases)

    read = reads(articles, "ARTICLE_EXCLUDES") or reads(pages, "PAGE_EXCLUDES")
    if read:
        return None
    return (
        f"is not in the site's ARTICLE_PATHS ({shown}) or PAGE_PATHS, so the "
        f"build, check, suggest and stats skip its stories; move them into "
        f"{where}, or add {relative!r} to ARTICLE_PATHS in the settings"
    )


def unread_story_folders(settings: dict[str, Any]) -> list[str]:
    """Folders right inside the content folder that hold content files the
    site does not read (not static files): what a whole-site check names,
    so stories imported into the wrong folder are not skipped unsaid."""
    from ..sources import EXTENSIONS

    root = Path(settings.get("PATH") or ".")
    if not root.is_dir():
        return []
    static = [str(p).strip("/") for p in settings.get("STATIC_PATHS") or []]
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name.startswith(".") or folder.name in static:
            continue
        if unread_folder(folder, settings, outside=False) is None:
            continue
        if any(
            f.suffix.lower().lstrip(".") in EXTENSIONS
            for f in folder.rglob("*")
            if f.is_file()
        ):
            found.append(display_path(folder))
    return found


def warn_unread(paths: Sequence[str], settings: dict[str, Any], err: TextIO) -> None:
    """A warning for each of ``paths`` inside the content folder that the
    site does not read (see :func:`unread_folder`)."""
    for name in paths:
        message = unread_folder(Path(name), settings, outside=False)
        if message:
            err.write(f"warning: {safe(name)} {safe(message)}\n")


def _dump(data: Any, out: TextIO) -> None:
    # ensure_ascii: control characters from content reach no terminal raw.
    out.write(json.dumps(data, indent=2, ensure_ascii=True) + "\n")


# check ----------------------------------------------------------------------


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..checking import check_sources
    from ..notices import problem_lines

    settings, wow = load_site(args.settings)
    skipped: list[Skipped] = []
    files = site_files(args.paths, settings, skipped)
    folders = args.paths or unread_story_folders(settings)
    problems_before = [
        Problem(path=name, field="path", message=message, severity="warning")
        for name in folders
        for message in [unread_folder(Path(name), settings, outside=False)]
        if message
    ]
    _, problems = check_sources(files, settings, wow, tags=True)
    walked = [item.problem() for item in skipped if _is_content(item.path)]
    problems = walked + problems_before + problems
    if not args.paths:  # the whole content folder: its static files too
        from ..safety.publish_checks import static_file_problems

        problems.extend(static_file_problems(settings))
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
        for line in problem_lines(problems, verbose=args.verbose):
            out.write(safe(line) + "\n")
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
    from ..sources import read_source
    from ..suggest.suggestion import Suggester

    settings, wow = load_site(args.settings)
    warn_unread(args.paths, settings, err)
    files = site_files(args.paths, settings)
    suggester = Suggester(
        wow.touchpoints,
        wow.verdicts,
        threshold=args.threshold,
        companies=known_companies(
            args.settings, settings, [p for p, _ in files]
        ).values(),
    )
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


def known_companies(
    settings_file: str | None, settings: dict[str, Any], more: Sequence[Path] = ()
) -> dict[Path, str]:
    """The Company of every story of the site (when there is a settings file
    to say where it is) and of the files ``more``, by resolved path: a story
    that names one gets it in the site's spelling."""
    from ..sources import read_source

    paths = list(more)
    if settings_file or Path("pelicanconf.py").is_file():
        root = Path(settings.get("PATH") or ".")
        if root.is_dir():
            paths += [path for path, _ in site_files([], settings)]
    found = {}
    for path in dict.fromkeys(p.resolve() for p in paths):
        company = read_source(path).get("company")
        if isinstance(company, str) and company.strip():
            found[path] = " ".join(company.split())
    return found


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
    from ..checking import SUGGESTED_PREFIX
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
    warn_unread(args.paths, settings, err)
    document = stats_document(collect(site_files(args.paths, settings), wow), wow)
    if args.json:
        _dump(document, out)
    else:
        out.write(render(document, wow) + "\n")
    return 0


# train ----------------------------------------------------------------------


def run_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..suggest.evaluation import SPLITS
    from ..suggest.ranking import company_examples, fit_ranker
    from ..suggest.suggestion import load_model
    from ..suggest.training import examples, fit
    from ..suggest.wordcounts import WordCounts

    _, wow = load_site(args.settings)
    sources, more = [], []
    for specs, into in ((args.folders, sources), (args.companies, more)):
        for spec in specs:
            folder, _, split = spec.partition(":")
            split = split or "all"
            if split not in SPLITS:
                raise UsageError(f"{spec}: split must be one of {', '.join(SPLITS)}")
            if not (Path(folder) / "labels.json").is_file():
                raise UsageError(f"{folder}: no labels.json in this folder")
            into.append((Path(folder), split))
    found = examples(sources, wow.touchpoints)
    unknown = sorted({e.touchpoint for e in found} - set(wow.touchpoints.slugs))
    if unknown:
        raise UsageError(
            f"labels use touchpoints not in the vocabulary: {', '.join(unknown)}"
        )
    from ..suggest.training import SCALE

    odd_verdicts = sorted({e.verdict for e in found} - set(SCALE))
    if odd_verdicts:
        raise UsageError(
            f"labels use verdicts off the scale {', '.join(SCALE)}: "
            + ", ".join(odd_verdicts)
        )
    try:
        fitted = fit(found, wow.touchpoints.slugs)
        # Everyday words are those of the word table just counted.
        common = WordCounts.from_document(fitted["words"]).counts
        named = company_examples(sources + more, common)
        if named:
            fitted["company"] = fit_ranker(named)
        else:
            err.write("no company labels: the shipped company ranker is kept\n")
            fitted["company"] = load_model()["company"]
    except ValueError as error:
        raise UsageError(str(error)) from None
    document = {
        "trained_on": list(args.folders),
        "companies_trained_on": list(args.companies),
        **fitted,
    }
    text = json.dumps(document, indent=1) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        err.write(
            f"wrote {args.output} ({len(found)} stories; company ranker: "
            f"{len(named)} stories, threshold {fitted['company']['threshold']})\n"
        )
    else:
        out.write(text)
    return 0


# evaluate -------------------------------------------------------------------


def run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..sources import read_source
    from ..suggest.evaluation import evaluate
    from ..suggest.suggestion import Suggester, load_model
    from .terminal import table

    settings, wow = load_site(args.settings)
    model = None
    if args.model:
        if not Path(args.model).is_file():
            raise UsageError(
                f"{args.model}: no such model file; write one with 'train'"
            )
        model = load_model(Path(args.model))
    folder = Path(args.folder)
    labels = Path(args.labels) if args.labels else folder / "labels.json"
    if not labels.is_file():
        raise UsageError(f"{labels}: no labels file; pass --labels")
    known = known_companies(args.settings, settings, sorted(folder.glob("*.md")))
    try:
        suggester = Suggester(
            wow.touchpoints, wow.verdicts, threshold=args.threshold, model=model
        )
    except ValueError as error:
        raise UsageError(f"{args.model}: {error}") from None

    def suggest(path: Path) -> Any:
        # The company is measured from the story's words, as for a story
        # without a Company field: its own field would give the answer away,
        # so the known companies are those of the other stories.
        source = read_source(path)
        others = {name for at, name in known.items() if at != path.resolve()}
        suggester.companies = sorted(others)
        return suggester.suggest(source.body, source.get("title") or "")

    reports = [evaluate(folder, suggest, split, labels) for split in args.split]
    if args.json:
        _dump([r.as_dict() for r in reports], out)
        return 0
    rows = []
    for report in reports:
        for name in ("touchpoint", "verdict"):
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
    for report in reports:
        company = report.company
        out.write(
            f"company ({report.split}): of {company.named} stories naming one, "
            f"{company.right} right, {company.short} a short form, "
            f"{company.wrong} wrong, {company.abstained} left empty; "
            f"of {company.unnamed} naming none, {company.wrongly_named} given a name\n"
        )
    return 0


# import ---------------------------------------------------------------------


# Stories an import lists by name without --verbose.
LISTED = 10


def run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ..notices import group_lines
    from ..suggest.suggestion import Suggester
    from .importing import ImportReport, import_all

    settings, wow = load_site(args.settings)
    sources = [Path(p) for p in args.sources]
    missing = [str(p) for p in sources if not p.exists()]
    if missing:
        raise UsageError(f"{', '.join(missing)}: no such file or folder")
    into = Path(args.into)
    has_site = Path(args.settings or "pelicanconf.py").is_file()
    unread = unread_folder(into, settings) if has_site else None
    # A post that names a company of the site gets it in the site's spelling.
    companies = known_companies(args.settings, settings).values()
    suggester = Suggester(wow.touchpoints, wow.verdicts, companies=companies)
    report = import_all(sources, into, suggester, ImportReport())
    if args.json:
        _dump(report.as_dict(), out)
    else:
        written = report.written
        out.write(f"{_count(len(written), 'story', 'stories')} written:\n")
        listed = written if args.verbose else written[:LISTED]
        for story in listed:
            tags = "/".join(str(story[k] or "?") for k in ("touchpoint", "verdict"))
            out.write(f"  {safe(story['path'])}  (suggested: {safe(tags)})\n")
            if args.verbose:
                out.write(f"      from {safe(story['source'])}\n")
        if len(written) > len(listed):
            out.write(
                f"  and {len(written) - len(listed)} more (--verbose lists each)\n"
            )
        notes = [(line, line, line) for line in report.not_converted] + [
            (path, note.kind, f"{path}: {note.text}") for path, note in report.notes
        ]
        if notes:
            out.write("Not converted as it was (check these by hand):\n")
            for line in group_lines(notes, verbose=args.verbose):
                out.write(f"  {safe(line)}\n")
        if report.skipped:
            out.write("Skipped, not posts:\n")
            for kind, number in sorted(report.skipped.items()):
                out.write(f"  {number} {safe(kind)}\n")
        if written:
            out.write(
                "Suggested-* fields are suggestions: confirm them with "
                "'suggest --apply' or by renaming the fields.\n"
            )
    if unread:
        err.write(f"warning: {safe(display_path(into))} {safe(unread)}\n")
    return 0 if report.written or not sources else 1


# The parser -----------------------------------------------------------------


Runner = Callable[[argparse.Namespace, TextIO, TextIO], int]
RUNNERS: dict[str, Runner] = {
    "check": run_check,
    "suggest": run_suggest,
    "stats": run_stats,
    "evaluate": run_evaluate,
    "train": run_train,
    "import": run_import,
}


def main(argv: Iterable[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; return its exit code."""
    out = out or sys.stdout
    err = sys.stderr
    args = parser().parse_args(list(argv) if argv is not None else None)
    run: Runner = RUNNERS[args.command]
    if args.command == "evaluate" and not args.split:
        args.split = ["all"]
    try:
        return run(args, out, err)
    except UsageError as error:
        err.write(f"{PROG} {args.command}: {safe(error)}\n")
        return 2
