"""Run Pelican the way a user does, and read what it wrote.

Builds run in a subprocess (``python -m pelican``) so each test sees the exit
code and messages a writer would, and no plugin state leaks between builds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Build:
    returncode: int
    output: Path
    log: str

    def read(self, path: str) -> str:
        return (self.output / path).read_text(encoding="utf-8")

    def soup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.read(path), "html.parser")


def write_settings(path: Path, **settings: object) -> Path:
    """A Pelican settings file with ``settings`` as Python literals."""
    lines = [f"{key} = {value!r}" for key, value in settings.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fixture_settings(plugins: bool = True, **settings: object) -> dict[str, object]:
    """The settings of a fixture site build: quiet feeds, no cache, the
    plugin (unless ``plugins`` is false); ``settings`` override."""
    base: dict[str, object] = {
        "SITENAME": "Fixture site",
        "SITEURL": "",
        "TIMEZONE": "UTC",
        "DEFAULT_LANG": "en",
        "RELATIVE_URLS": True,
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "PLUGINS": ["pelican.plugins.wow_index"] if plugins else [],
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
    }
    base.update(settings)
    return base


def build_site(
    content: Path,
    output: Path,
    *,
    theme: str | Path | None = None,
    plugins: bool = True,
    **settings: object,
) -> Build:
    """Build ``content`` into ``output`` and return what happened."""
    base = fixture_settings(plugins, **settings)
    conf = write_settings(output.parent / f"{output.name}-conf.py", **base)
    return run_pelican(content, conf, output, theme=theme)


def run_pelican(
    content: Path,
    conf: Path,
    output: Path,
    *,
    theme: str | Path | None = None,
    timeout: float | None = None,
) -> Build:
    """``python -m pelican`` in a subprocess, as a writer runs it (``timeout``
    for content that could make a broken build hang)."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(conf)]
    command += ["-o", str(output)]
    if theme is not None:
        command += ["-t", str(theme)]
    env = dict(os.environ, COLUMNS="400", TERM="dumb", NO_COLOR="1")
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        cwd=output.parent,
        timeout=timeout,
    )
    return Build(result.returncode, output, result.stdout + result.stderr)


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def internal_links(page: Path, output: Path) -> list[tuple[str, Path]]:
    """Every same-site href/src on ``page``, resolved to a file in ``output``."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found: list[tuple[str, Path]] = []
    for tag in soup.find_all(href=True) + soup.find_all(src=True):
        link = tag.get("href") or tag.get("src")
        parsed = urlparse(link)
        if parsed.scheme or parsed.netloc or link.startswith(("#", "mailto:")):
            continue
        path = unquote(parsed.path)
        if not path:
            continue
        target = (
            (output / path.lstrip("/"))
            if path.startswith("/")
            else (page.parent / path)
        )
        target = target.resolve()
        if target.is_dir() or path.endswith("/"):
            target = target / "index.html"
        found.append((link, target))
    return found


def broken_links(output: Path, pages: list[Path] | None = None) -> list[str]:
    """Links that point at no file, as ``page -> link`` lines."""
    problems = []
    for page in pages if pages is not None else html_files(output):
        for link, target in internal_links(page, output):
            if not target.exists():
                problems.append(f"{page.relative_to(output)} -> {link}")
    return problems


def metadata_of(path: Path) -> dict[str, str]:
    """The ``Key: value`` header of a Markdown story, keys lower-cased."""
    meta: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        match = re.match(r"^([A-Za-z_-]+):\s*(.*)$", line)
        if match:
            meta[match.group(1).lower()] = match.group(2).strip()
    return meta


def build_like_the_site(
    content: Path, output: Path, *, timeout: float | None = None, **settings: object
) -> Build:
    """Build ``content`` with the site's own pelicanconf.py and theme, so a
    test sees what ``make build`` would make of it. ``settings`` override."""
    conf = output.parent / f"{output.name}-site-conf.py"
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from pelicanconf import *  # noqa: F403",
        f"THEME = {str(ROOT / 'theme')!r}",
        "CACHE_CONTENT = False",
        "LOAD_CONTENT_CACHE = False",
    ]
    lines += [f"{key} = {value!r}" for key, value in settings.items()]
    conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_pelican(content, conf, output, timeout=timeout)


def build_real_site(
    output: Path,
    settings: str = "pelicanconf.py",
    *,
    content: Path | None = None,
    strict: bool = True,
    env: dict[str, str] | None = None,
) -> Build:
    """Build this site as ``make build`` and ``invoke publish`` do: Pelican
    with the site's ``settings`` and theme, then Pagefind over the output.
    ``content`` replaces ``content/`` (it needs the same stories/ layout)."""
    environ = dict(os.environ, COLUMNS="400", TERM="dumb", NO_COLOR="1", **(env or {}))
    source = str(content or ROOT / "content")
    pelican = [sys.executable, "-m", "pelican", source, "-s", settings]
    pelican += ["-o", str(output), "-e", f"WOW_STRICT={str(strict).lower()}"]
    pelican += ["CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]
    steps = [pelican, [sys.executable, "-m", "pagefind", "--site", str(output)]]
    log = ""
    for command in steps:
        result = subprocess.run(
            command, capture_output=True, text=True, env=environ, cwd=ROOT
        )
        log += result.stdout + result.stderr
        if result.returncode:
            return Build(result.returncode, output, log)
    return Build(0, output, log)


def page_weight(output: Path, page: str) -> dict[str, int]:
    """Bytes a first visit to ``page`` downloads, images and search assets
    aside: the HTML, its stylesheets and its scripts, file by file (the sizes
    of the built files, before any compression a server may add)."""
    path = output / page
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    files = {page: path.stat().st_size}
    assets = [tag["href"] for tag in soup.select('link[rel~="stylesheet"][href]')]
    assets += [tag["src"] for tag in soup.select("script[src]")]
    for link in assets:
        parsed = urlparse(link)
        if parsed.scheme or parsed.netloc:
            continue
        target = (path.parent / unquote(parsed.path)).resolve()
        files[str(target.relative_to(output.resolve()))] = target.stat().st_size
    return files


_TIME = re.compile(r"^\[\d\d:\d\d:\d\d\]")


def running_in(session: int) -> list[str]:
    """Processes of ``session`` still running (not exited), as ``pid
    command`` lines. multiprocessing's resource tracker ends shortly after
    the build, so a moment is allowed for it."""
    deadline = time.monotonic() + 10
    while True:
        alive = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if os.getsid(int(entry.name)) == session and state != "Z":
                    command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
                    alive.append(f"{entry.name} {command.decode(errors='replace')}")
            except (OSError, IndexError):
                continue
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def problems(log: str) -> list[str]:
    """The log without INFO lines and times: warnings, errors, tracebacks."""
    lines = [_TIME.sub("", line).strip() for line in log.splitlines()]
    return [
        line
        for line in lines
        if line and not line.startswith(("INFO", "Done: Processed", "pages and "))
    ]


def tree(output: Path) -> dict[str, bytes]:
    """Every file below ``output``, by relative path, with its bytes."""
    return {
        p.relative_to(output).as_posix(): p.read_bytes()
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


def differing_files(one: Path, other: Path) -> list[str]:
    """Files two builds wrote differently, or only one of them wrote."""
    first, second = tree(one), tree(other)
    return sorted(
        name
        for name in first.keys() | second.keys()
        if first.get(name) != second.get(name)
    )


def build_apart(
    content: Path, output: Path, **settings: object
) -> tuple[int, str, list[str]]:
    """Build ``content`` with the fixture settings and ``settings``,
    verbosely, in a session of its own; return the exit code, the log and
    the processes of the session still running after the build."""
    conf = write_settings(
        output.parent / f"{output.name}.py", **fixture_settings(**settings)
    )
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(conf)]
    process = subprocess.Popen(
        [*command, "-o", str(output), "-v"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # One hash seed: Pelican reads files in set order, and so logs in it.
        env=dict(
            os.environ, COLUMNS="400", TERM="dumb", NO_COLOR="1", PYTHONHASHSEED="1"
        ),
        start_new_session=True,
    )
    log, _ = process.communicate(timeout=600)
    return process.returncode, log, running_in(process.pid)
