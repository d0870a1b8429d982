import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import Build, build_real_site


@pytest.fixture(scope="session")
def reader_site(tmp_path_factory) -> Build:
    """This site as `make build` builds it (Pelican, then Pagefind), once for
    every test that reads or browses it."""
    build = build_real_site(tmp_path_factory.mktemp("reader") / "output")
    assert build.returncode == 0, build.log
    return build
