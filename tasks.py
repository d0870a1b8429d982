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
PAGEFIND = f"{shlex.quote(sys.executable)} -m pagefind"


def _pelican(c, settings: str, *extra: str) -> None:
    args = " ".join(shlex.quote(a) for a in extra)
    c.run(
        f"{PELICAN} content -s {settings} -o {shlex.quote(str(OUTPUT))} {args}",
        pty=False,
    )


def _search_index(c) -> None:
    """Index the built site for the search page (Pagefind, after Pelican)."""
    c.run(f"{PAGEFIND} --site {shlex.quote(str(OUTPUT))} --silent", pty=False)


@task(help={"strict": "Fail on any content problem (WOW_STRICT)."})
def build(c, strict=False):
    """Build output/ with the development settings, and its search index.

    Pelican writes the pages, then Pagefind indexes them for the search page."""
    extra = ["-e", "WOW_STRICT=true"] if strict else []
    _pelican(c, "pelicanconf.py", *extra)
    _search_index(c)


@task(help={"port": "Port to serve on (default 8000).", "bind": "Address to bind."})
def serve(c, port=8000, bind="127.0.0.1"):
    """Build, serve on http://localhost:8000 and rebuild on every save."""
    _pelican(
        c,
        "pelicanconf.py",
        "--autoreload",
        "--listen",
        "--port",
        str(port),
        "--bind",
        bind,
    )


@task
def publish(c):
    """Build for production with publishconf.py, and its search index.

    Absolute URLs and feeds; Pagefind indexes the pages after Pelican."""
    _pelican(c, "publishconf.py")
    _search_index(c)


@task(help={"skip_build": "Use output/ as it is instead of building first."})
def screenshots(c, skip_build=False):
    """Screenshots of home, WoW index and a story into output/_screenshots/.

    390 and 1280 pixels wide, light and dark; needs Chromium
    (`make browser-deps`)."""
    if not skip_build:
        build(c)
    script = ROOT / "tests" / "browser" / "screenshots.py"
    c.run(
        f"{shlex.quote(sys.executable)} {shlex.quote(str(script))} "
        f"{shlex.quote(str(OUTPUT))}",
        pty=False,
    )
