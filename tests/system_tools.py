"""System programs some tests need (Java for the Nu validator, Chromium for
the browser tests), which pip cannot install.

On a developer's machine a missing program skips those tests with the command
that installs it. Under CI (``CI=true``) it fails them: `.ci/run` installs
both, so a missing one there is a broken set-up, not a reason to pass.
"""

from __future__ import annotations

import os

import pytest

INSTALL = (
    "run `make browser-deps` "
    "(apt-get install chromium chromium-driver default-jre-headless)"
)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(found: object, what: str) -> None:
    """Skip (or, under CI, fail) the calling test unless ``found`` is truthy."""
    if found:
        return
    message = f"{what}: not installed; {INSTALL}"
    if in_ci():
        pytest.fail(message)
    pytest.skip(message)
