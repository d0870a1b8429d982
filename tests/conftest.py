import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import venvs  # found through the path above


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> venvs.Dist:
    """The plugin's wheel and sdist, built once (tests/plugin)."""
    return venvs.build_dist(tmp_path_factory.mktemp("dist"))
