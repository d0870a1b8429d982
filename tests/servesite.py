"""A copy of the site served by ``invoke serve``, as a writer runs it, and
how to compare what it serves with a clean build."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.measure import stop_process_group
from sitebuild import ROOT, tree

INVOKE = Path(sys.executable).parent / "invoke"
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "output", "cache", "corpus", "__pycache__", ".*_cache", "*.egg-*"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout: float, interval: float = 0.05, what: str = ""):
    """Poll ``predicate`` until it returns something truthy, or fail."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


@dataclass
class ServedSite:
    root: Path
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}"

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", errors="replace")

    def status(self) -> dict | None:
        if self.process.poll() is not None:
            raise AssertionError(f"the server stopped:\n{self.log}")
        try:
            code, text = self.get("__devserver/status")
        except OSError:
            return None
        return json.loads(text) if code == 200 else None

    def builds(self) -> int:
        status = self.status()
        return status["builds"] if status else 0

    def settle(self, after: int, timeout: float = 60) -> dict:
        """Wait for a build after build number ``after``, then for quiet
        (an editor's save can fire more than one event)."""
        wait_until(lambda: self.builds() > after, timeout, what="a rebuild")
        count = self.builds()
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < 0.6:
            time.sleep(0.1)
            now = self.builds()
            if now != count:
                count, quiet_since = now, time.monotonic()
        return self.status()

    def stop(self) -> None:
        stop_process_group(self.process, timeout=15)


def copy_site(destination: Path) -> Path:
    shutil.copytree(ROOT, destination, ignore=COPY_IGNORE)
    return destination


@pytest.fixture
def served_site(tmp_path) -> Iterator[ServedSite]:
    root = copy_site(tmp_path / "site")
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [str(INVOKE), "serve", "--port", str(port)],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            env=dict(os.environ, COLUMNS="200", NO_COLOR="1"),
        )
    site = ServedSite(root, port, process, log_path)
    try:
        wait_until(lambda: site.builds() >= 1, timeout=120, what="the first build")
        yield site
    finally:
        site.stop()


def clean_build(root: Path, output: Path) -> Path:
    """What ``pelican`` writes for the same content, from nothing."""
    result = subprocess.run(
        [
            *(sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"),
            *("-o", str(output), "-e", "CACHE_CONTENT=false"),
            "LOAD_CONTENT_CACHE=false",
        ],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def differences(served: Path, clean: Path) -> list[str]:
    """Files that differ between two output folders, as readable lines."""
    a, b = tree(served), tree(clean)
    lines = [f"only served: {p}" for p in sorted(a.keys() - b.keys())]
    lines += [f"missing: {p}" for p in sorted(b.keys() - a.keys())]
    lines += [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]]
    return lines
