"""Which of a writer's static files may be published as they are.

Pelican copies every file under ``STATIC_PATHS`` (and every file a story
links with ``{static}`` or ``{attach}``) to the site unchanged. Most are
images. But a browser runs an ``.html``, ``.xhtml`` or ``.svg`` file opened
on its own as a document of the site, scripts and all, and an ``.js`` file
there is same-origin script any page could load. So, with
``WOW_SANITIZE_HTML`` on:

* a file that a browser runs as a document or script (:data:`ACTIVE`) is
  not published unless ``WOW_STATIC_ACTIVE_FILES`` lists it;
* an SVG is published only if it holds nothing that runs or reaches
  outside it (:func:`svg_findings`): no script, no event attribute, no
  ``foreignObject`` or embedded document, no link, image, stylesheet or
  font from anywhere but the file itself. Rewriting an SVG could silently
  break a drawing, so a hostile one is refused, naming what to remove.

The checks are pure functions of a file's path and bytes; ``check`` and
the build use the same ones.
"""

from __future__ import annotations

import fnmatch
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..problems import Problem, display_path

__all__ = [
    "ACTIVE",
    "refused_static_files",
    "static_problem",
    "svg_findings",
]

# Files a browser runs as a page or a script of the site.
ACTIVE = frozenset(
    {".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".cjs", ".svgz"}
)
_SVG_ELEMENTS_REFUSED = frozenset(
    {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
)
_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform"})
_LINK_ATTRIBUTES = frozenset({"href", "src"})
# An embedded raster image is not a reference to anything outside the file.
_EMBEDDED_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);", re.I)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.I)


def _local(name: str) -> str:
    """An element or attribute name without its namespace, lower-cased."""
    return name.rsplit("}", 1)[-1].lower()


def _external_in_css(text: str) -> str | None:
    if "@import" in text.lower():
        return "an @import"
    for match in _CSS_URL.finditer(text):
        if not match.group(1).startswith("#"):
            return f"url({match.group(1)[:40]})"
    return None


def svg_findings(data: bytes) -> list[str]:
    """What in an SVG file would run or reach outside it, described for a
    writer (``<script>``, ``onload=``, ``a link to https://…``); empty when
    the drawing is safe to publish as it is."""
    found: list[str] = []

    def note(item: str) -> None:
        if item not in found:
            found.append(item)

    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        # Entities can stand for any markup and expand without end.
        note("a DOCTYPE or ENTITY declaration")
    if b"<?xml-stylesheet" in data.lower():
        note("an xml-stylesheet instruction")
    if found:
        return found
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return [f"XML that does not parse ({error})"]
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _local(element.tag)
        if name in _SVG_ELEMENTS_REFUSED:
            note(f"<{name}>")
        if "xhtml" in element.tag:
            note(f"an HTML element <{name}>")
        for attribute, value in element.attrib.items():
            key = _local(attribute)
            if key.startswith("on"):
                note(f"{key}=")
            elif key in _LINK_ATTRIBUTES:
                target = "".join(ch for ch in value if ch > " ")
                if not target.startswith("#") and not _EMBEDDED_IMAGE.match(target):
                    note(f"a reference to {value[:60]!r} in {key}=")
            elif key == "style":
                css = _external_in_css(value)
                if css:
                    note(f"{css} in style=")
            changed = value.lower()
            if (
                name in _ANIMATIONS
                and key == "attributename"
                and (changed.endswith("href") or changed.startswith("on"))
            ):
                note(f"<{name}> that changes {value}")
        if name == "style":
            css = _external_in_css("".join(element.itertext()))
            if css:
                note(f"{css} in <style>")
    return found


def _listed(relative: str, allowed: Iterable[str]) -> bool:
    return any(
        relative == pattern or fnmatch.fnmatchcase(relative, pattern)
        for pattern in (str(p).strip("/") for p in allowed)
    )


def static_problem(
    relative: str, source: str, allowed: Sequence[str], *, data: bytes | None = None
) -> Problem | None:
    """Why the static file ``relative`` (its path in the content folder; read
    from ``source``) must not be published, or None when it may be."""
    relative = PurePosixPath(relative.replace(os.sep, "/")).as_posix()
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix in ACTIVE and not _listed(relative, allowed):
        return Problem(
            path=display_path(source),
            field="file",
            message=(
                f"not published: a browser runs a {suffix} file as a page or "
                "script of the site; add it to WOW_STATIC_ACTIVE_FILES if you "
                "wrote it and mean it to run, or remove it"
            ),
        )
    if suffix != ".svg":
        return None
    if data is None:
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as error:
            return Problem(
                path=display_path(source),
                field="file",
                message=f"cannot be read ({error})",
            )
    findings = svg_findings(data)
    if not findings:
        return None
    return Problem(
        path=display_path(source),
        field="file",
        message=(
            f"SVG not published: it holds {', '.join(findings)}, which would run "
            "or load from elsewhere when the image is opened; export it again "
            "as a plain drawing (or as PNG)"
        ),
    )


def refused_static_files(
    files: Iterable[tuple[str, str]], allowed: Sequence[str]
) -> list[tuple[str, Problem]]:
    """Of ``(relative path, source path)`` pairs, the ones not to publish,
    each with its problem, in the order given."""
    refused: list[tuple[str, Problem]] = []
    for relative, source in files:
        problem = static_problem(relative, source, allowed)
        if problem is not None:
            refused.append((relative, problem))
    return refused


def withhold_refused(generator: Any) -> list[Problem]:
    """Take the refused static files out of what Pelican's static generator
    copies and links to; return their problems, in path order."""
    settings = generator.settings
    files = [
        (static.relative_source_path, static.source_path)
        for static in generator.staticfiles
    ]
    refused = refused_static_files(files, settings.get("WOW_STATIC_ACTIVE_FILES") or [])
    refused.sort(key=lambda item: item[0])
    names = {relative for relative, _ in refused}
    if names:
        generator.staticfiles[:] = [
            s for s in generator.staticfiles if s.relative_source_path not in names
        ]
        static_content = generator.context.get("static_content", {})
        for name in names:
            static_content.pop(name, None)
    return [problem for _, problem in refused]
