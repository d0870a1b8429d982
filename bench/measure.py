"""Measurements: Pelican builds in a subprocess, and the serve edit loop.

Every build runs as ``python -m pelican`` in its own process, the way a
writer runs it; wall time is taken around the process, CPU time and peak
memory come from the kernel's accounting of that one child (``os.wait4``), so
the other engineers' work on a shared machine shows in wall time but hardly
in CPU time.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "pelican.plugins.wow_index"
PELICAN_DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives"]

__all__ = [
    "BuildRun",
    "ServeLoop",
    "pelican_build",
    "stop_process_group",
    "timed_build",
]


@dataclass
class BuildRun:
    """One measured build: seconds of wall and CPU time, peak memory in MB."""

    wall: float
    cpu: float
    peak_mb: float


def pelican_build(
    content: Path,
    output: Path,
    *,
    plugin: bool,
    theme: str,
    cache: Path | None = None,
    settings: tuple[str, ...] = (),
) -> BuildRun:
    """One ``pelican`` build of ``content`` with the site's settings and
    ``theme`` (a folder, or the name of one of Pelican's themes); each of
    ``settings`` is ``NAME=VALUE``, VALUE in JSON, as ``pelican -e`` takes."""
    overrides = [
        f"THEME={json.dumps(theme)}",
        # The site's search page is a template of its own theme only.
        f"DIRECT_TEMPLATES={json.dumps(PELICAN_DIRECT_TEMPLATES)}",
        f"PLUGINS={json.dumps([PLUGIN] if plugin else [])}",
        f"CACHE_CONTENT={json.dumps(cache is not None)}",
        f"LOAD_CONTENT_CACHE={json.dumps(cache is not None)}",
    ]
    if cache is not None:
        overrides.append(f"CACHE_PATH={json.dumps(str(cache))}")
    overrides += settings
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        "pelicanconf.py",
        "-o",
        str(output),
        "-q",
        "-e",
        *overrides,
    ]
    return timed_build(command, "pelican")


def timed_build(command: list[str], name: str) -> BuildRun:
    """Run ``command`` from the project's root and measure it the one way
    every build in the bench is measured, so figures of different tools
    compare: wall time around the process, CPU time and peak memory from the
    kernel's accounting of that child (``os.wait4``)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{name} failed: {errors.decode(errors='replace')}")
    return BuildRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def first_paragraph(text: str) -> str:
    body = text.split("\n\n", 1)[1]
    return next(line for line in body.split("\n\n") if line.strip())


def edited(text: str, marker: str) -> str:
    """The story with ``marker`` at the start of its body."""
    paragraph = first_paragraph(text)
    return text.replace(paragraph, f"{marker} {paragraph}", 1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _poll(predicate, timeout: float, interval: float = 0.005):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError("the serve loop did not answer in time")


class ServeLoop:
    """``python -m devserver`` on a corpus, with edits timed from the write of
    a story to the update of its page on disk, and to the reload signal."""

    def __init__(self, content: Path, output: Path, log: Path) -> None:
        self.content, self.output = content, output
        self.port = _free_port()
        self._log = open(log, "w")  # noqa: SIM115 (closed in stop)
        start = time.perf_counter()
        self.process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "devserver", "-s", "pelicanconf.py"),
                *("--content", str(content), "-o", str(output)),
                *("--port", str(self.port)),
            ],
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        _poll(lambda: self.builds() >= 1, timeout=3600, interval=0.2)
        self.startup = time.perf_counter() - start
        self.events: queue.Queue[float] = queue.Queue()
        self._stream = urllib.request.urlopen(self._url("events"), timeout=3600)
        threading.Thread(target=self._listen, daemon=True).start()
        self.events.get(timeout=30)  # the current generation, sent on connect

    def _url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/__devserver/{name}"

    def _listen(self) -> None:
        try:
            for line in self._stream:
                if line.startswith(b"data:"):
                    self.events.put(time.perf_counter())
        except (OSError, ValueError):
            return

    def status(self) -> dict:
        if self.process.poll() is not None:
            raise RuntimeError("devserver stopped; see its log")
        try:
            with urllib.request.urlopen(self._url("status"), timeout=30) as answer:
                return json.loads(answer.read())
        except OSError:
            return {}

    def builds(self) -> int:
        return self.status().get("builds", 0)

    def _settle(self, builds: int) -> None:
        _poll(lambda: self.builds() > builds, timeout=3600, interval=0.02)
        count, since = self.builds(), time.perf_counter()
        while time.perf_counter() - since < 0.5:
            time.sleep(0.05)
            if (now := self.builds()) != count:
                count, since = now, time.perf_counter()
        while not self.events.empty():
            self.events.get_nowait()

    def edit(self, story: Path, page: Path, change, expect: str) -> tuple[float, float]:
        """Apply ``change`` to ``story``; seconds until ``page`` holds
        ``expect``, and until the browser is told to reload. Then undo."""
        original = story.read_text(encoding="utf-8")
        builds = self.builds()
        start = time.perf_counter()
        story.write_text(change(original), encoding="utf-8")
        _poll(lambda: expect in _read(page), timeout=3600)
        written = time.perf_counter() - start
        reloaded = self.events.get(timeout=3600) - start
        self._settle(builds)
        builds = self.builds()
        story.write_text(original, encoding="utf-8")
        self._settle(builds)
        return written, reloaded

    def peak_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self._stream.close()
        stop_process_group(self.process, timeout=30)
        self._log.close()


def stop_process_group(process: subprocess.Popen[Any], timeout: float) -> None:
    """End a process started in a session of its own (``start_new_session``)
    and everything it started: SIGTERM to the group, SIGKILL if it has not
    ended within ``timeout`` seconds."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    return folder
