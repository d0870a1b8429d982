import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import venvs
from sitebuild import Build, build_real_site


@pytest.fixture(scope="session")
def reader_site(tmp_path_factory) -> Build:
    """This site as `make build` builds it (Pelican, then Pagefind), once for
    every test that reads or browses it."""
    build = build_real_site(tmp_path_factory.mktemp("reader") / "output")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> venvs.Dist:
    """The plugin's wheel and sdist, built once (tests/plugin)."""
    return venvs.build_dist(tmp_path_factory.mktemp("dist"))
