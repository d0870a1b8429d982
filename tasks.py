"""Writer's commands for Outside In. Run ``invoke --list`` to see them all
and ``invoke <command> --help`` for the options of one."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
PELICAN = f"{shlex.quote(sys.executable)} -m pelican"


def _pelican(c, settings: str, *extra: str) -> None:
    args = " ".join(shlex.quote(a) for a in extra)
    c.run(
        f"{PELICAN} content -s {settings} -o {shlex.quote(str(OUTPUT))} {args}",
        pty=False,
    )


@task(help={"strict": "Fail on any content problem (WOW_STRICT)."})
def build(c, strict=False):
    """Build the site into output/ with the development settings."""
    extra = ["-e", "WOW_STRICT=true"] if strict else []
    _pelican(c, "pelicanconf.py", *extra)


@task(help={"port": "Port to serve on (default 8000).", "bind": "Address to bind."})
def serve(c, port=8000, bind="127.0.0.1"):
    """Build, serve on http://localhost:8000, rebuild on every save and reload
    the browser. Only what a change affects is rebuilt (see devserver/)."""
    with c.cd(str(ROOT)):
        c.run(
            f"{shlex.quote(sys.executable)} -m devserver -s pelicanconf.py "
            f"--content content -o {shlex.quote(str(OUTPUT))} "
            f"--port {int(port)} --bind {shlex.quote(bind)}",
            pty=False,
        )


@task(
    help={
        "stories": "Corpus sizes, comma-separated (default 100,1000,5000).",
        "repeat": "Alternating runs per figure (default 3).",
        "repeat_large": "Runs per figure at 5,000 stories or more.",
        "edits": "Story edits timed through the serve loop (default 5).",
        "out": "Where to write results.json (a .md table goes beside it).",
        "update_readme": "Put the table in the plugin README.",
    }
)
def bench(
    c,
    stories="100,1000,5000",
    repeat=3,
    repeat_large=0,
    edits=5,
    out="bench/results.json",
    update_readme=False,
):
    """Benchmark builds with and without the plugin, warm rebuilds and the
    serve edit loop on generated corpora; write bench/results.json."""
    extra = f" --repeat-large {int(repeat_large)}" if int(repeat_large) else ""
    extra += " --update-readme" if update_readme else ""
    with c.cd(str(ROOT)):
        c.run(
            f"{shlex.quote(sys.executable)} -m bench --stories {shlex.quote(stories)} "
            f"--repeat {int(repeat)} --edits {int(edits)} "
            f"--out {shlex.quote(out)}{extra}",
            pty=False,
        )


@task
def publish(c):
    """Build for production with publishconf.py (absolute URLs, feeds)."""
    _pelican(c, "publishconf.py")
