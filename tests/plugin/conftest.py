"""The plugin's wheel and sdist, built once for the tests that need them."""

from __future__ import annotations

import pytest

import venvs


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> venvs.Dist:
    return venvs.build_dist(tmp_path_factory.mktemp("dist"))
