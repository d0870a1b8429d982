"""Writer's commands for Outside In. Run ``invoke --list`` to see them all
and ``invoke <command> --help`` for the options of one.

The work is done by the plugin (``pelican.plugins.wow_index``): its command
line checks, suggests, imports and counts any Pelican site's content, so
these tasks only pass this site's settings and folders to it.
"""

from __future__ import annotations

import copy
import datetime as dt
import glob
import os
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from invoke import Task, task
from invoke.exceptions import Exit
from invoke.parser import Argument

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
STORIES = ROOT / "content" / "stories"
SETTINGS = str(ROOT / "pelicanconf.py")
PELICAN = f"{shlex.quote(sys.executable)} -m pelican"
PAGEFIND = f"{shlex.quote(sys.executable)} -m pagefind"


def _pelican(c, settings: str, *extra: str, output: Path = OUTPUT) -> None:
    args = " ".join(shlex.quote(a) for a in extra)
    with c.cd(str(ROOT)):
        c.run(
            f"{PELICAN} content -s {settings} -o {shlex.quote(str(output))} {args}",
            pty=False,
        )


def _stage_pid(folder: str, name: str) -> int | None:
    """The process id in a staging folder's name (``.output-new-<pid>-…``)."""
    rest = folder[len(f".{name}-new-") :]
    head = rest.split("-", 1)[0]
    return int(head) if head.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but not ours
        return True
    return True


def stale_stages(output: Path) -> list[Path]:
    """Staging folders a killed or failed build left beside ``output``: those
    of processes no longer running (and any without a process id)."""
    found = []
    for path in sorted(output.parent.glob(f".{output.name}-new-*")):
        pid = _stage_pid(path.name, output.name)
        if pid is not None and (pid == os.getpid() or _alive(pid)):
            continue  # a build running now
        found.append(path)
    old = output.with_name(f".{output.name}-old")
    return [*found, old] if old.exists() else found


@contextmanager
def staged(output: Path) -> Iterator[Path]:
    """Build into a fresh folder next to ``output``; swap it in only when the
    whole build succeeded, so ``output`` is never left half-written.

    On any failure the new folder is removed and the old site stays as it
    was. The swap is two renames on the same file system. Folders a killed
    build left behind are removed first (see ``stale_stages``).
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    for stale in stale_stages(output):
        print(f"Removing {stale.name}, left by an earlier build that stopped")
        shutil.rmtree(stale, ignore_errors=True)
    stage = Path(
        tempfile.mkdtemp(prefix=f".{output.name}-new-{os.getpid()}-", dir=output.parent)
    )
    try:
        yield stage
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    stage.chmod(0o755)
    old = output.with_name(f".{output.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    stage.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def _search_index(c, output: Path = OUTPUT) -> None:
    """Index the built site for the search page (Pagefind, after Pelican).
    When Pagefind fails, say which page it may have choked on; the staged
    build is then dropped and the last good site stays."""
    result = c.run(
        f"{PAGEFIND} --site {shlex.quote(str(output))} --silent", pty=False, warn=True
    )
    if result.ok:
        return
    from pelican.plugins.wow_index.cli.searchcheck import pagefind_suspects

    suspects = pagefind_suspects(output)
    hint = "; ".join(suspects[:5]) if suspects else "no page looks wrong to us"
    raise Exit(
        f"Pagefind could not index the new site (exit {result.exited}): {hint}. "
        "Nothing was published: the output folder still holds the last good site. "
        "Run with Pagefind's --verbose to see more.",
        code=1,
    )


def _build(c, settings: str, *, strict: bool = False, output: Path = OUTPUT) -> None:
    """The one build both ``build`` and ``publish`` run: Pelican writes the
    pages, then Pagefind indexes them for the search page; all in a staging
    folder swapped in only on success (see ``staged``)."""
    extra = ["-e", "WOW_STRICT=true"] if strict else []
    with staged(output) as stage:
        _pelican(c, settings, *extra, output=stage)
        _search_index(c, stage)


def _plugin(*args: str) -> None:
    """Run the plugin's command line in this process; fail with its code."""
    from pelican.plugins.wow_index.cli import main

    code = main(list(args))
    if code:
        raise Exit(code=code)


def _module(c, module: str, *args: object) -> None:
    """Run ``python -m module args`` from the project folder."""
    with c.cd(str(ROOT)):
        words = (sys.executable, "-m", module, *args)
        c.run(" ".join(shlex.quote(str(word)) for word in words), pty=False)


def _with_settings(command: str, *args: str) -> list[str]:
    return [command, "--settings", SETTINGS, *args]


HELP_WORDS = ("-h", "--help")


def _wrapping_up() -> bool:
    """Whether invoke's parser is making its end-of-task check that every
    positional argument was given (``complete_context``)."""
    frame = sys._getframe(1)
    for _ in range(6):
        if frame is None:
            return False
        if frame.f_code.co_name == "complete_context":
            return True
        frame = frame.f_back
    return False


class _OptionalPositional(Argument):
    """A positional argument that may be left out.

    Invoke requires every positional argument, so ``invoke new`` alone
    would stop before the task could ask for the title. This one still
    takes the first bare word (``invoke new "Title"``) but answers the
    parser's final "was it given?" check with an empty value; the task
    itself then sees None and asks, or says what is missing.
    """

    @property
    def value(self):  # type: ignore[override]
        if self._value is None and self.default is None and _wrapping_up():
            return ""
        return Argument.value.fget(self)  # type: ignore[attr-defined]

    @value.setter
    def value(self, arg):  # type: ignore[override]
        Argument.value.fset(self, arg)  # type: ignore[attr-defined]


class OptionalPositionalTask(Task):
    """A task whose positional arguments may be left out (see above)."""

    def get_arguments(self, ignore_unknown_help=None):
        arguments = super().get_arguments(ignore_unknown_help)
        for index, argument in enumerate(arguments):
            if argument.positional:
                optional = copy.copy(argument)
                optional.__class__ = _OptionalPositional
                arguments[index] = optional
        return arguments


def _show_help(c, name: str) -> None:
    """Print invoke's help for the task ``name`` (as ``invoke --help name``).

    A task with a positional argument receives ``--help`` or ``-h`` typed
    after its name as that argument's value; it shows its help instead."""
    with c.cd(str(ROOT)):
        c.run(
            f"{shlex.quote(sys.executable)} -m invoke --help {shlex.quote(name)}",
            pty=False,
        )


@task(
    help={
        "strict": "Fail on any content problem (WOW_STRICT).",
        "output": "Folder to build into (default output/).",
    }
)
def build(c, strict=False, output=str(OUTPUT)):
    """Build output/ with the development settings, and its search index."""
    _build(c, "pelicanconf.py", strict=strict, output=Path(output))


@task(help={"port": "Port to serve on (default 8000).", "bind": "Address to bind."})
def serve(c, port=8000, bind="127.0.0.1"):
    """Preview: serve on localhost:8000, rebuild and reload on every save.

    One Pelican process stays alive and re-renders only what a change
    affects (see devserver/); a build with errors is not published."""
    _module(
        c,
        "devserver",
        *("-s", "pelicanconf.py", "--content", "content", "-o", OUTPUT),
        *("--port", int(port), "--bind", bind),
    )


@task(
    help={
        "stories": "Corpus sizes, comma-separated (default 100,1000,5000).",
        "repeat": "Alternating runs per figure (default 3).",
        "repeat_large": "Runs per figure at 5,000 stories or more.",
        "edits": "Story edits timed through the serve loop (default 5).",
        "out": "Where to write results.json (a .md table goes beside it).",
        "update_readme": "Put the table in the plugin's docs/performance.md.",
        "theme": "Theme of the with/without-plugin builds (default notmyidea).",
        "plugin_setting": "NAME=VALUE (JSON) for the builds with the plugin; "
        "repeatable, e.g. WOW_PARALLEL_MARKDOWN=false.",
        "no_serve": "Skip the serve loop.",
        "no_hugo": "Skip the cold builds of the same posts with Hugo.",
    },
    iterable=["plugin_setting"],
)
def bench(
    c,
    stories="100,1000,5000",
    repeat=3,
    repeat_large=0,
    edits=5,
    out="bench/results.json",
    update_readme=False,
    theme="notmyidea",
    plugin_setting=None,
    no_serve=False,
    no_hugo=False,
):
    """Benchmarks: builds with and without the plugin, and the edit loop.

    Generates corpora under bench/corpus/, times cold and warm builds (and
    cold Hugo builds of the same posts) and the serve loop, and writes
    bench/results.json and bench/results.md."""
    extra = ["--repeat-large", int(repeat_large)] if int(repeat_large) else []
    extra += ["--update-readme"] if update_readme else []
    extra += ["--no-serve"] if no_serve else []
    extra += ["--no-hugo"] if no_hugo else []
    for setting in plugin_setting or []:
        extra += ["--plugin-setting", setting]
    _module(
        c,
        "bench",
        *("--stories", stories, "--repeat", int(repeat), "--edits", int(edits)),
        *("--out", out, "--theme", theme, *extra),
    )


@task(
    help={
        "strict": "Fail on any content problem (WOW_STRICT).",
        "output": "Folder to build into (default output/).",
    }
)
def publish(c, strict=False, output=str(OUTPUT)):
    """Build for production with publishconf.py, ready for any static host.

    Absolute URLs (set SITEURL to the site's address), feeds, the output
    folder emptied first, and the search index."""
    _build(c, "publishconf.py", strict=strict, output=Path(output))


def _ask(question: str, default: str = "") -> str:
    try:
        answer = input(f"{question}{f' [{default}]' if default else ''}: ").strip()
    except EOFError:
        return default
    return answer or default


@task(
    klass=OptionalPositionalTask,
    positional=["title"],
    help={
        "title": "The story's title (asked when missing and a terminal is "
        "attached); a title starting with '-' goes after --, as in "
        "invoke new -- '-20 degrees and no heating'.",
        "touchpoint": "Where it happened, e.g. 'phone' or 'repair, phone'.",
        "verdict": "How it felt: wow, good, meh or bad.",
        "company": "Who you dealt with (optional).",
        "summary": "One sentence for listings (optional).",
        "date": "Date and time (default: now), e.g. 2026-05-14 or '2026-05-14 09:30'.",
        "into": "Folder for the file (default content/stories).",
    },
)
def new(
    c,
    title=None,
    touchpoint="",
    verdict="",
    company="",
    summary="",
    date="",
    into=str(STORIES),
):
    """Write a new story from the template, ready to fill in.

    Without a title it asks for one (and for the tags) when a terminal is
    attached; a title starting with '-' goes last, after --."""
    from pelican.plugins.wow_index.cli.main import load_site
    from pelican.plugins.wow_index.cli.writing import (
        FileExists,
        create,
        slug_for,
        story_text,
    )
    from pelican.plugins.wow_index.index.tagging import parse_story_tags

    if title in HELP_WORDS:
        _show_help(c, "new")
        return
    if title and title.startswith("-"):
        raise Exit(
            f"new: {title!r} is not an option of new, and a title cannot start "
            "with '-' unless it comes after --, e.g. invoke new -- "
            f"{shlex.quote(title)}; see invoke new --help",
            2,
        )
    if not title and c.remainder:
        title = c.remainder
    interactive = sys.stdin.isatty()
    _, wow = load_site(SETTINGS)
    if interactive:
        title = title or _ask("Title")
        if not touchpoint:
            touchpoint = _ask(f"Touchpoint ({', '.join(wow.touchpoints.slugs)})")
        if not verdict:
            verdict = _ask(f"Verdict ({', '.join(wow.verdicts.slugs)})")
        company = company or _ask("Company (optional)")
    title = title or ""
    if not title.strip():
        raise Exit('new: give the story a title, e.g. invoke new "Three call-backs"', 2)
    metadata = {
        k: v for k, v in (("touchpoint", touchpoint), ("verdict", verdict)) if v
    }
    tags, problems = parse_story_tags(metadata, wow.touchpoints, wow.verdicts)
    if any(p.message.startswith("unknown") for p in problems):
        raise Exit("\n".join(f"new: {p.format()}" for p in problems), 2)
    when = dt.datetime.now().replace(second=0, microsecond=0)
    if date:
        from pelican.utils import get_date

        try:
            when = get_date(date)
        except ValueError:
            raise Exit(
                f"new: --date {date!r} is not a date; use YYYY-MM-DD", 2
            ) from None
    path = Path(into) / f"{slug_for(title)}.md"
    text = story_text(
        title,
        date=when,
        touchpoints=tags.touchpoints,
        verdict=tags.verdict,
        company=company or None,
        summary=summary or None,
    )
    try:
        create(path, text)
    except FileExists as error:
        raise Exit(f"new: {error}; choose another title", 1) from None
    print(f"Wrote {path}")
    if not (tags.touchpoints and tags.verdict):
        print("Tags to finish: add Touchpoint and Verdict, or run invoke suggest.")


@task(
    help={
        "path": "A file or folder to check (default: all of content/).",
        "json": "Print JSON for other tools.",
        "strict": "Fail on warnings too.",
        "verbose": "Print every warning (default: repeated ones grouped).",
    }
)
def check(c, path="", json=False, strict=False, verbose=False):
    """Validate every story: metadata, dates, tags, moments, slugs, encoding."""
    args = [path] if path else []
    _plugin(
        *_with_settings(
            "check",
            *args,
            *(["--json"] if json else []),
            *(["--strict"] if strict else []),
            *(["--verbose"] if verbose else []),
        )
    )


@task(
    help={
        "path": "A story or folder (default: content/stories).",
        "json": "Print JSON.",
        "apply": "Write the suggested tags into each file after asking.",
        "yes": "With --apply: write them all without asking.",
        "all": "Suggest for tagged stories too (default: untagged only).",
        "explain": "Show the words that decided each suggestion.",
    }
)
def suggest(c, path="", json=False, apply=False, yes=False, all=False, explain=False):
    """Suggest touchpoint, verdict and company for untagged stories."""
    flags = [
        flag
        for flag, on in (
            ("--json", json),
            ("--apply", apply),
            ("--yes", yes),
            ("--untagged", not all),
            ("--explain", explain),
        )
        if on
    ]
    _plugin(*_with_settings("suggest", path or str(STORIES), *flags))


@task(
    name="import",
    help={
        "source": "An HTML page, a Blogger (.xml) or WordPress (.xml) export, a "
        "folder of them, or a quoted glob such as 'old/*.html'.",
        "into": "Folder for the new stories (default content/stories).",
        "json": "Print the report as JSON.",
        "verbose": "List every story written and every note.",
    },
)
def import_(c, source, into=str(STORIES), json=False, verbose=False):
    """Turn old posts into Markdown stories with suggested tags to confirm.

    Each post keeps its own date, paragraphs, captions, author, category and
    tags; drafts and password-protected posts become drafts. A note seen
    more than three times is one line with a count (--verbose lists each)."""
    if source in HELP_WORDS:
        _show_help(c, "import")
        return
    sources = sorted(glob.glob(source)) if glob.has_magic(source) else [source]
    if not sources:
        raise Exit(f"import: nothing matches {source!r}", 2)
    _plugin(
        *_with_settings("import", *sources, "--into", into),
        *(["--json"] if json else []),
        *(["--verbose"] if verbose else []),
    )


@task(help={"json": "Print JSON."})
def stats(c, json=False):
    """The WoW index in the terminal: matrix, splits, companies, the trend,
    company scores, untagged."""
    _plugin(*_with_settings("stats", *(["--json"] if json else [])))


@task(help={"skip_build": "Use output/ as it is instead of building first."})
def screenshots(c, skip_build=False):
    """Screenshots of the site's main pages, and the README's set in docs/.

    Every page in tests/browser/screenshots.py's list that the build made,
    390 and 1280 pixels wide, light and dark, into output/_screenshots/;
    the README's pages (WoW index, a story with moments, trends, companies,
    journeys), light, 1280 pixels, into docs/screenshots/, and the README's
    screenshots section rewritten to show them. A page not built is skipped
    with a note. Needs Chromium (`make browser-deps`)."""
    if not skip_build:
        build(c)
    script = ROOT / "tests" / "browser" / "screenshots.py"
    c.run(
        f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} "
        f"{shlex.quote(str(OUTPUT))}",
        pty=False,
    )
