"""Two clean builds of the same content give byte-identical output trees.

Built the way a writer builds (``invoke build`` and ``invoke publish``, so
every step those commands gain, such as the search index, is covered), into
two fresh folders, with different hash seeds so that nothing may depend on
set or dict order that varies between runs.

Pagefind (1.5) is the one exception it cannot help: it writes each filter's
values in hash-map order, so its filter files, and the files named after
their hashes (``*.pf_meta``, ``pagefind-entry.json``), differ from run to
run even over identical pages. Those few files are compared by what they
hold instead (decoded, with the order and hash names taken out); every other
file, Pagefind's index and fragments included, must be the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import cbor2
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


# Pagefind files whose bytes and names follow a hash map's order.
UNORDERED = ("pagefind/filter/*.pf_filter", "pagefind/*.pf_meta")
ENTRY = "pagefind/pagefind-entry.json"


def unordered(output: Path) -> set[Path]:
    found = {p for pattern in UNORDERED for p in output.glob(pattern)}
    return found | ({output / ENTRY} if (output / ENTRY).exists() else set())


def tree(output: Path) -> dict[str, str]:
    """Every file below ``output`` (but the unordered Pagefind ones), by
    relative path, with its SHA-256."""
    skip = unordered(output)
    return {
        str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(output.rglob("*"))
        if path.is_file() and path not in skip
    }


def _decode(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(b"pagefind_dcd")
    return cbor2.loads(data[len(b"pagefind_dcd") :])


def pagefind_contents(output: Path) -> Any:
    """What the unordered Pagefind files hold, in a fixed order and with
    the names of filter files replaced by their contents."""
    filters = {}
    for path in output.glob(UNORDERED[0]):
        name, values = _decode(path)
        filters[path.stem] = (name, sorted((v, tuple(pages)) for v, pages in values))
    metas = []
    for path in output.glob(UNORDERED[1]):
        meta = _decode(path)
        for i, part in enumerate(meta):
            if (
                isinstance(part, list)
                and part
                and all(
                    isinstance(p, list) and len(p) == 2 and str(p[1]) in filters
                    for p in part
                )
            ):
                meta[i] = sorted(filters[file] for _, file in part)
        metas.append(meta)
    entry = {}
    if (output / ENTRY).exists():
        entry = json.loads((output / ENTRY).read_text(encoding="utf-8"))
        for language in entry.get("languages", {}).values():
            language.pop("hash", None)
    return sorted(filters.values()), metas, entry


@pytest.mark.parametrize("command", ["build", "publish"])
def test_two_clean_builds_are_byte_identical(command, tmp_path):
    invoke(command, tmp_path / "first", seed="1")
    invoke(command, tmp_path / "second", seed="2")
    first, second = tree(tmp_path / "first"), tree(tmp_path / "second")
    assert len(first) > 60
    assert sorted(first) == sorted(second)
    differ = [path for path in first if first[path] != second[path]]
    assert differ == []
    assert pagefind_contents(tmp_path / "first") == pagefind_contents(
        tmp_path / "second"
    )


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
