"""Run the writer's commands as a writer does: in a subprocess, from .venv.

A module of its own (not a conftest): test modules import it by a name no
other folder's helpers share."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sitebuild import ROOT

BIN = Path(sys.executable).parent
PLUGIN = [sys.executable, "-m", "pelican.plugins.wow_index"]


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(
    args: list[str],
    cwd: Path = ROOT,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> Run:
    env = dict(os.environ, COLUMNS="200", TERM="dumb", NO_COLOR="1", **(env or {}))
    result = subprocess.run(
        args,
        cwd=cwd,
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def plugin(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> Run:
    return run([*PLUGIN, *args], cwd=cwd, stdin=stdin)


def invoke(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> Run:
    return run([str(BIN / "invoke"), *args], cwd=cwd, stdin=stdin)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


GOOD_STORY = """Title: A good story
Date: 2026-03-02
Touchpoint: phone
Verdict: good
Company: Example Telecom

They answered quickly.
"""
