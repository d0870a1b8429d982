"""Throwaway virtualenvs with the plugin installed from its wheel.

The packaging tests install the wheel the way a user does; ``make compat``
(``python tests/venvs.py``) runs the plugin's tests against the oldest and
the newest Pelican it supports. Every virtualenv is new, cannot see the
system's site-packages, and gets its packages from the package index.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "plugins" / "wow_index"
# The plugin's tests: its functions, its command line (also as the writer's
# commands run it), builds of fixture sites, other blogs' use of it. Left out:
# the builds of the Outside In site itself.
PLUGIN_TESTS = (
    "plugins/wow_index/tests",
    "tests/unit",
    "tests/cli",
    "tests/plugin",
    "tests/site_build/test_fixture_site.py",
)
# The suite's own run with the oldest Pelican stays quick: the plugin's tests
# without the command line's.
QUICK_TESTS = (
    "plugins/wow_index/tests",
    "tests/unit",
    "tests/plugin",
    "tests/site_build/test_fixture_site.py",
)


class CommandError(RuntimeError):
    """A command run for a throwaway environment failed."""


def run(command: list[str | Path], **kwargs: object) -> str:
    """Run ``command``; return its output, or raise with the output's end."""
    result = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise CommandError(
            f"{' '.join(map(str, command))} exited {result.returncode}:\n"
            f"{output[-4000:]}"
        )
    return output


@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path


def build_dist(out: Path) -> Dist:
    """``python -m build`` the plugin: an sdist, then a wheel built from it."""
    run([sys.executable, "-m", "build", "--outdir", out, PLUGIN])
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return Dist(wheel, sdist)


def lowest_pelican() -> str:
    """The lower bound of the plugin's ``pelican>=`` dependency."""
    project = tomllib.loads((PLUGIN / "pyproject.toml").read_text("utf-8"))
    for requirement in project["project"]["dependencies"]:
        match = re.fullmatch(r"pelican\s*>=\s*([0-9.]+)", requirement)
        if match:
            return match.group(1)
    raise LookupError("plugins/wow_index/pyproject.toml has no 'pelican>=' bound")


def create(path: Path) -> Path:
    """A new virtualenv at ``path`` (no system site-packages); its python.

    It gets no pip of its own: :func:`pip_install` drives this Python's pip
    with ``--python``, which saves installing pip into every virtualenv.
    """
    venv.EnvBuilder(with_pip=False, clear=True).create(path)
    return path / "bin" / "python"


def pip_install(python: Path, *args: str | Path) -> str:
    """``pip install`` into the virtualenv of ``python``, without
    byte-compiling (Python compiles what the tests import anyway)."""
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    return run([*pip, "--disable-pip-version-check", "--no-compile", *args])


def suite_requirements(folder: Path) -> Path:
    """The suite's requirements without the site's Pelican pin."""
    lines = []
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text("utf-8").splitlines():
            if not re.match(r"\s*pelican\s*[=<>~!]", line):
                lines.append(line)
    target = folder / "requirements-compat.txt"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def install_for_tests(python: Path, wheel: Path, pelican: str) -> str:
    """Install the wheel, Pelican (a requirement such as ``pelican==4.9``)
    and what the tests need; return the Pelican version installed."""
    pip_install(python, wheel, pelican, "-r", suite_requirements(python.parent.parent))
    return pelican_version(python)


def pelican_version(python: Path) -> str:
    code = "from importlib.metadata import version; print(version('pelican'))"
    return run([python, "-c", code]).strip()


def run_plugin_tests(
    python: Path, tests: tuple[str, ...] = PLUGIN_TESTS
) -> subprocess.CompletedProcess[str]:
    """``tests`` with ``python``, leaving out those that make venvs."""
    pytest = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    return subprocess.run(
        [*pytest, "-m", "not venv", *tests],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def compat(pelicans: list[str]) -> int:
    """Run the plugin's tests once per Pelican requirement; print a table."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="wow-compat-") as tmp:
        dist = build_dist(Path(tmp) / "dist")
        for number, pelican in enumerate(pelicans):
            start = time.monotonic()
            python = create(Path(tmp) / f"venv{number}")
            version = install_for_tests(python, dist.wheel, pelican)
            result = run_plugin_tests(python)
            summary = (result.stdout.strip().splitlines() or ["no output"])[-1]
            rows.append((version, result.returncode, summary, time.monotonic() - start))
            if result.returncode != 0:
                print(result.stdout[-6000:], result.stderr[-2000:], sep="\n")
    for version, code, summary, seconds in rows:
        state = "ok" if code == 0 else "FAILED"
        print(f"Pelican {version:<8} {state:<6} {seconds:5.0f}s  {summary}")
    return max(code for _, code, _, _ in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=compat.__doc__)
    parser.add_argument(
        "pelican",
        nargs="*",
        help="Pelican requirements, e.g. 'pelican==4.10.2' (default: the "
        "oldest supported and the newest released)",
    )
    args = parser.parse_args(argv)
    return compat(args.pelican or [f"pelican=={lowest_pelican()}", "pelican"])


if __name__ == "__main__":
    sys.exit(main())
