"""Fixtures of the command-line tests; the helpers are in tests/commands.py."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty content folder outside any site (Pelican's default layout)."""
    folder = tmp_path / "content"
    folder.mkdir()
    return folder
