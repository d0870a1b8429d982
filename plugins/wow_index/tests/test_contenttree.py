"""Walking the content folder: links followed only inside it, never twice,
never in a loop. Each walk runs in a subprocess with a timeout, so a walk
that loops fails the test instead of hanging it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WALK = """
import json, sys
from pelican.plugins.wow_index.safety.contenttree import walk
skipped = []
files = []
top, root = sys.argv[1], sys.argv[2]
read = sys.argv[3:]
for folder, dirs, names in walk(top, root, skipped, read):
    files += [f"{folder}/{name}"[len(root) + 1:] for name in names]
print(json.dumps({"files": sorted(files),
                  "skipped": {s.path[len(root) + 1:]: s.reason for s in skipped}}))
"""


def walk(top: Path, root: Path, *read: Path) -> dict:
    command = [sys.executable, "-c", WALK, str(top), str(root), *map(str, read)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    (root / "stories" / "2026").mkdir(parents=True)
    (root / "pages").mkdir()
    (root / "shared").mkdir()
    (root / "stories" / "a.md").write_text("a")
    (root / "stories" / "2026" / "b.md").write_text("b")
    (root / "pages" / "about.md").write_text("about")
    (root / "shared" / "c.md").write_text("c")
    (tmp_path / "outside.md").write_text("secret")
    return root


def test_a_plain_tree_is_walked_like_os_walk(content):
    found = walk(content / "stories", content)
    assert found == {"files": ["stories/2026/b.md", "stories/a.md"], "skipped": {}}


def test_loops_and_links_out_are_not_followed_and_each_is_named(content):
    stories = content / "stories"
    (stories / "loop1").symlink_to(".")
    (stories / "2026" / "up").symlink_to("..")
    (stories / "root").symlink_to("/")
    (stories / "outside.md").symlink_to(content.parent / "outside.md")
    (stories / "twice.md").symlink_to("a.md")
    (stories / "pages").symlink_to(content / "pages")
    (stories / "broken.md").symlink_to("nowhere.md")
    os.mkfifo(stories / "pipe.md")
    found = walk(stories, content, content / "stories", content / "pages")
    assert found["files"] == ["stories/2026/b.md", "stories/a.md"]
    skipped = found["skipped"]
    assert sorted(skipped) == [
        "stories/2026/up",
        "stories/broken.md",
        "stories/loop1",
        "stories/outside.md",
        "stories/pages",
        "stories/pipe.md",
        "stories/root",
        "stories/twice.md",
    ]
    assert "(a loop)" in skipped["stories/loop1"]
    assert "(a loop)" in skipped["stories/2026/up"]
    assert "outside the content folder" in skipped["stories/root"]
    assert "outside the content folder" in skipped["stories/outside.md"]
    assert "published once" in skipped["stories/twice.md"]
    assert "broken link" in skipped["stories/broken.md"]
    assert "not a regular file" in skipped["stories/pipe.md"]


def test_a_link_to_a_folder_inside_content_not_read_otherwise_is_followed(content):
    (content / "stories" / "shared").symlink_to(content / "shared")
    found = walk(content / "stories", content, content / "stories")
    assert "stories/shared/c.md" in found["files"]
    assert found["skipped"] == {}
