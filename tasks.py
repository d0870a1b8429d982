"""Writer's commands for Outside In. Run ``invoke --list`` to see them all
and ``invoke <command> --help`` for the options of one."""

from __future__ import annotations

import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
OUTPUT = ROOT / "output"
PELICAN = f"{shlex.quote(sys.executable)} -m pelican"


def _pelican(c, settings: str, *extra: str, output: Path = OUTPUT) -> None:
    args = " ".join(shlex.quote(a) for a in extra)
    with c.cd(str(ROOT)):
        c.run(
            f"{PELICAN} content -s {settings} -o {shlex.quote(str(output))} {args}",
            pty=False,
        )


@contextmanager
def staged(output: Path) -> Iterator[Path]:
    """Build into a fresh folder next to ``output``; swap it in only when the
    whole build succeeded, so ``output`` is never left half-written.

    On any failure the new folder is removed and the old site stays as it
    was. The swap is two renames on the same file system.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
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


@task(
    help={
        "strict": "Fail on any content problem (WOW_STRICT).",
        "output": "Folder to build into (default: output/).",
    }
)
def build(c, strict=False, output=None):
    """Build the site into output/ with the development settings."""
    extra = ["-e", "WOW_STRICT=true"] if strict else []
    with staged(Path(output) if output else OUTPUT) as stage:
        _pelican(c, "pelicanconf.py", *extra, output=stage)


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


@task(help={"output": "Folder to build into (default: output/)."})
def publish(c, output=None):
    """Build for production with publishconf.py (absolute URLs, feeds)."""
    with staged(Path(output) if output else OUTPUT) as stage:
        _pelican(c, "publishconf.py", output=stage)
