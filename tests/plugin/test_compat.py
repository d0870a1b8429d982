"""The plugin's tests pass with the oldest Pelican it supports.

The newest is what the rest of the suite runs with (requirements.txt). This
run leaves out the command line's tests to stay quick; ``make compat`` runs
all of the plugin's tests with both, each in a fresh virtualenv.
"""

from __future__ import annotations

import re

import pytest
from packaging.version import Version

import venvs

pytestmark = pytest.mark.venv


def test_the_plugin_tests_pass_with_the_oldest_supported_pelican(dist, tmp_path):
    lowest = venvs.lowest_pelican()
    python = venvs.create(tmp_path / "venv")
    installed = venvs.install_for_tests(python, dist.wheel, f"pelican=={lowest}")
    assert Version(installed) == Version(lowest)
    result = venvs.run_plugin_tests(python, venvs.QUICK_TESTS)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout else ""
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed.group(1)) > 100, summary
