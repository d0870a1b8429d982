"""Two clean builds of the same content give byte-identical output trees.

Built the way a writer builds (``invoke build`` and ``invoke publish``, so
every step those commands gain, such as a search index, is covered), into
two fresh folders, with different hash seeds so that nothing may depend on
set or dict order that varies between runs.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitebuild import ROOT

pytestmark = pytest.mark.slow


def invoke(command: str, output: Path, seed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=seed, COLUMNS="400", TERM="dumb")
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "-r", str(ROOT), command, "-o", str(output)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def tree(output: Path) -> dict[str, str]:
    """Every file below ``output``, by relative path, with its SHA-256."""
    return {
        str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("command", ["build", "publish"])
def test_two_clean_builds_are_byte_identical(command, tmp_path):
    invoke(command, tmp_path / "first", seed="1")
    invoke(command, tmp_path / "second", seed="2")
    first, second = tree(tmp_path / "first"), tree(tmp_path / "second")
    assert len(first) > 60
    assert sorted(first) == sorted(second)
    differ = [path for path in first if first[path] != second[path]]
    assert differ == []


def test_feed_dates_come_from_the_content(tmp_path):
    """Feed timestamps are the stories' dates, never the time of the build."""
    invoke("publish", tmp_path / "site", seed="0")
    feed = ET.parse(tmp_path / "site" / "feeds" / "all.atom.xml").getroot()
    dates = {e.text[:10] for e in feed.iter("{http://www.w3.org/2005/Atom}updated")}
    written = {
        line.split(":", 1)[1].strip()[:10]
        for path in (ROOT / "content").rglob("*.md")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lower().startswith(("date:", "modified:"))
    }
    assert len(dates) > 10
    assert dates <= written
