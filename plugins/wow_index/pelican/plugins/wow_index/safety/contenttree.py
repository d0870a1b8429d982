"""Walking the content folder once, whatever links it holds.

Pelican lists content with ``os.walk(followlinks=True)``: a link to ``.``
makes it walk forever, a link to ``/`` reads the whole disk, a link to a
folder already read publishes its stories twice, and a link to a file
outside ``content/`` publishes that file. :func:`walk` lists a folder
following only links that stay inside the content folder, lead to nothing
read already and are no loop; every link it does not follow, and every
entry that is not a regular file or folder (a FIFO would block reading),
is returned as a :class:`Skipped` with its path and why.

:func:`guard_generator` gives each of Pelican's generators a ``get_files``
that walks this way (on the instance: Pelican's class is left alone); it is
the one place the plugin stands in for a Pelican method, and it leaves the
generator as it is when that method is not what it expects.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..pelican_compat import can_include_path, include_path
from ..problems import Problem, display_path

__all__ = [
    "SKIPPED_KEY",
    "Skipped",
    "guard_generator",
    "safe_get_files",
    "skipped_problems",
    "walk",
]

logger = logging.getLogger(__name__)

# Where the generators' walks leave what they skipped, in the build's shared
# context (path -> Problem), for the WoW generator to count in strict mode.
SKIPPED_KEY = "wow_skipped_content"


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry of the content folder that is not read, and why."""

    path: str
    reason: str

    def problem(self) -> Problem:
        field = "link" if os.path.islink(self.path) else "file"
        return Problem(display_path(self.path), field, self.reason)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def walk(
    top: str,
    root: str | None = None,
    skipped: list[Skipped] | None = None,
    read: Iterable[str] = (),
) -> Iterator[tuple[str, list[str], list[str]]]:
    """Like ``os.walk(top, topdown=True)`` (sorted; the caller may prune the
    folder list), following a link only when its target is inside ``root``
    (the content folder; ``top`` when not given), outside ``top`` and the
    other folders the build ``read``s (else it would be read twice) and not
    a folder already walked. What is not followed is added to ``skipped``."""
    skipped = skipped if skipped is not None else []
    root_real = os.path.realpath(root or top)
    top_real = os.path.realpath(top)
    read_real = tuple({top_real, *(os.path.realpath(r) for r in read)})
    seen = {top_real}
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            skipped.append(Skipped(folder, f"cannot be read ({error.strerror})"))
            continue
        dirs: list[str] = []
        files: list[str] = []
        for entry in entries:
            kind = _entry_kind(entry, root_real, read_real, seen, skipped)
            if kind == "dir":
                dirs.append(entry.name)
            elif kind == "file":
                files.append(entry.name)
        yield folder, dirs, files
        for name in reversed(dirs):
            path = os.path.join(folder, name)
            seen.add(os.path.realpath(path))
            stack.append(path)


def _entry_kind(
    entry: os.DirEntry[str],
    root_real: str,
    read_real: tuple[str, ...],
    seen: set[str],
    skipped: list[Skipped],
) -> str | None:
    """'dir', 'file' or None (skipped, with the reason added)."""
    path = entry.path
    try:
        # The entry's type comes with the folder listing: no system call
        # per file, as with os.walk, except for links.
        if not entry.is_symlink():
            if entry.is_dir(follow_symlinks=False):
                return "dir"
            if entry.is_file(follow_symlinks=False):
                return "file"
            skipped.append(
                Skipped(
                    path,
                    "is not a regular file (a pipe, a device); not read: delete it",
                )
            )
            return None
        mode = os.stat(path).st_mode
    except OSError:
        skipped.append(Skipped(path, "is a broken link; not read: delete it"))
        return None
    target = os.path.realpath(path)
    shown = display_path(target)
    if not _inside(target, root_real):
        skipped.append(
            Skipped(
                path,
                f"is a link to {shown}, outside the content folder; not "
                "followed: copy the file into content/ instead",
            )
        )
        return None
    if stat.S_ISDIR(mode):
        if target in seen or any(_inside(r, target) for r in read_real):
            skipped.append(
                Skipped(
                    path,
                    f"is a link to {shown}, a folder read anyway or one holding "
                    "the link itself (a loop); not followed: delete the link",
                )
            )
            return None
        if any(_inside(target, r) for r in read_real):
            skipped.append(
                Skipped(
                    path,
                    f"is a link to {shown}, which is read anyway; not "
                    "followed, so its stories are published once: delete the link",
                )
            )
            return None
        return "dir"
    if not stat.S_ISREG(mode):
        skipped.append(
            Skipped(path, "links to something that is not a regular file; not read")
        )
        return None
    if any(_inside(target, r) for r in read_real):
        skipped.append(
            Skipped(
                path,
                f"is a link to {shown}, which is read anyway; not read again, "
                "so the story is published once: delete the link",
            )
        )
        return None
    return "file"


def safe_get_files(
    generator: Any,
    paths: Iterable[str] | str,
    exclude: list[str] | None = None,
    extensions: Any = None,
) -> set[str]:
    """Pelican's ``Generator.get_files`` (same arguments and answer), over
    :func:`walk`: no link out of the content folder, no loop."""
    exclude = exclude or []
    if isinstance(paths, str):
        paths = [paths]
    base = generator.path
    exclusions: dict[str, set[str]] = {}
    for excluded in exclude:
        parent, name = os.path.split(os.path.join(base, excluded))
        exclusions.setdefault(parent, set()).add(name)
    ignores = generator.settings["IGNORE_FILES"]
    read = [
        os.path.join(base, str(folder))
        for key in ("ARTICLE_PATHS", "PAGE_PATHS", "STATIC_PATHS")
        for folder in generator.settings.get(key) or []
    ]
    skipped: list[Skipped] = []
    files: set[str] = set()
    for path in paths:
        top = os.path.join(base, path) if path else base
        if os.path.isdir(top):
            for folder, dirs, names in walk(top, base, skipped, read):
                excluded = exclusions.get(folder, ())
                dirs[:] = [
                    d
                    for d in dirs
                    if d not in excluded
                    and not any(fnmatch.fnmatch(d, i) for i in ignores)
                ]
                relative = os.path.relpath(folder, base)
                for name in names:
                    candidate = os.path.join(relative, name)
                    if include_path(generator, candidate, extensions):
                        files.add(candidate)
        elif os.path.exists(top) and include_path(generator, path, extensions):
            files.add(path)
    _report(generator.context, skipped, generator, extensions)
    return files


def _report(
    context: dict[str, Any], skipped: list[Skipped], generator: Any, extensions: Any
) -> None:
    """Tell each skipped entry once per build (several generators walk the
    same folders), leaving it in the shared context for strict mode as
    plain text (``path -> (field, message)``), which anything that copies
    or fingerprints the context takes as it is."""
    told = None
    for item in skipped:
        name = os.path.basename(item.path)
        if not os.path.isdir(item.path) and not include_path(
            generator, name, extensions
        ):
            continue  # not a file this generator would read
        told = context.setdefault(SKIPPED_KEY, {}) if told is None else told
        if item.path in told:
            continue
        problem = item.problem()
        told[item.path] = (problem.field, problem.message)
        logger.warning("%s", problem.format())


def skipped_problems(context: dict[str, Any]) -> list[Problem]:
    """What the walks of this build skipped, as problems, by path."""
    told = context.get(SKIPPED_KEY) or {}
    return [
        Problem(display_path(path), field, message)
        for path, (field, message) in sorted(told.items())
    ]


def guard_generator(generator: Any) -> None:
    """Give ``generator`` (one of Pelican's, as it is made) a ``get_files``
    that walks with :func:`walk`; left alone when Pelican's generator does
    not have the method and helper this relies on."""
    if not callable(getattr(type(generator), "get_files", None)):
        return
    if not can_include_path(generator):
        return
    if not hasattr(generator, "path") or not hasattr(generator, "context"):
        return

    def get_files(
        paths: Iterable[str] | str,
        exclude: list[str] | None = None,
        extensions: Any = None,
    ) -> set[str]:
        return safe_get_files(generator, paths, exclude, extensions)

    generator.get_files = get_files
