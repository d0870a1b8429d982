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


@task
def publish(c):
    """Build for production with publishconf.py (absolute URLs, feeds)."""
    _pelican(c, "publishconf.py")
