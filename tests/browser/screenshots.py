"""Screenshots of a built site for people to look at, from one list of pages.

    python tests/browser/screenshots.py [OUTPUT_DIR]   # what `invoke screenshots` runs

Two sets come from :data:`SHOTS`:

- for review, every page 390 and 1280 pixels wide, light and dark, in
  OUTPUT_DIR/_screenshots/ (not committed; `make clean` removes them);
- for the README, the pages marked for it, light mode, 1280 pixels wide, in
  docs/screenshots/ (committed), and the README's screenshots section
  (between ``<!-- screenshots -->`` and ``<!-- /screenshots -->``) rewritten to
  show exactly those.

A page the build did not make (say a WoW page turned off, or not there yet)
is skipped with a note, and left out of the README until a run finds it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chromium import Browser, serve

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "screenshots"
README = ROOT / "README.md"
WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
README_WIDTH = 1280
README_SCHEME = "light"
SECTION = re.compile(r"(<!-- screenshots -->\n).*?(<!-- /screenshots -->)", re.DOTALL)


def _story_with_moments(output: Path) -> str | None:
    """A story with a journey (two moments or more), else any story."""
    data = output / "wow" / "index.json"
    if not data.is_file():
        return None
    stories = json.loads(data.read_text(encoding="utf-8"))["stories"]
    journeys = [s for s in stories if len(s["moments"]) >= 2]
    return (journeys or stories or [{"url": None}])[0]["url"]


@dataclass(frozen=True)
class Shot:
    """One page to photograph: its name (the PNG's), its path in the site
    (or how to find it), and its caption when the README shows it."""

    name: str
    path: str | Callable[[Path], str | None]
    readme: str | None = None

    def find(self, output: Path) -> str | None:
        """The page's path, or None when the build has no such page."""
        path = self.path(output) if callable(self.path) else self.path
        if path is None:
            return None
        page = output / path
        if path.endswith("/") or not path:
            page = page / "index.html"
        return path if page.is_file() else None


# The one list: every page `invoke screenshots` takes, in the README's order.
SHOTS = (
    Shot("home", ""),
    Shot("index", "wow/", "The WoW index: every story by touchpoint and verdict"),
    Shot(
        "article",
        _story_with_moments,
        "A story with moments: its verdict, touchpoints and journey",
    ),
    Shot("trends", "wow/trends/", "Trends: the verdict mix per period"),
    Shot(
        "companies",
        "wow/company/",
        "Companies compared: scores pulled toward the mean, with N and interval",
    ),
    Shot("journeys", "wow/journeys/", "Journeys: where they turn bad, and recover"),
)


def pages_to_shoot(output: Path) -> tuple[dict[str, str], list[str]]:
    """Name -> path of each page there is to photograph, relative to the site
    root; and a note for each page the build did not make."""
    found: dict[str, str] = {}
    skipped: list[str] = []
    for shot in SHOTS:
        path = shot.find(output)
        if path is None:
            where = shot.path if isinstance(shot.path, str) else "a story"
            skipped.append(f"skipped {shot.name} ({where}): not in this build")
        else:
            found[shot.name] = path
    return found, skipped


def take_screenshots(
    output: Path,
    dest: Path | None = None,
    browser: Browser | None = None,
    schemes: tuple[str, ...] = SCHEMES,
    widths: tuple[int, ...] = WIDTHS,
    names: tuple[str, ...] | None = None,
    suffixes: bool = True,
) -> list[Path]:
    """Write the screenshots (of ``names``, default all there are) to ``dest``
    (default ``output/_screenshots``); return the paths. With ``suffixes``
    each file is NAME-WIDTH[-dark].png, else NAME.png."""
    dest = dest or output / "_screenshots"
    own = browser is None
    browser = browser or Browser()
    pages, _ = pages_to_shoot(output)
    written: list[Path] = []
    try:
        with serve(output) as base:
            for scheme in schemes:
                browser.color_scheme(scheme)
                for name, path in pages.items():
                    if names is not None and name not in names:
                        continue
                    for width in widths:
                        browser.viewport(width, 900, mobile=width < 600)
                        browser.driver.get(base + path)
                        suffix = "" if scheme == "light" else "-dark"
                        png = dest / (
                            f"{name}-{width}{suffix}.png" if suffixes else f"{name}.png"
                        )
                        browser.full_page_png(png, width)
                        written.append(png)
    finally:
        if own:
            browser.close()
    return written


def readme_section(shown: list[str], docs: Path = DOCS, readme: Path = README) -> str:
    """The README's screenshots section for the pages in ``shown``: each
    caption, then its picture."""
    shots = {shot.name: shot for shot in SHOTS}
    blocks = []
    for name in shown:
        caption = shots[name].readme or name
        title = caption.split(":")[0]
        image = (docs / f"{name}.png").relative_to(readme.parent).as_posix()
        blocks.append(f"{caption}.\n\n![Screenshot: {title}]({image})\n")
    return "\n".join(blocks)


def readme_shots(
    output: Path,
    docs: Path = DOCS,
    readme: Path = README,
    browser: Browser | None = None,
) -> list[Path]:
    """Photograph the README's pages into ``docs`` (light, 1280 pixels; a
    page no longer built loses its file) and rewrite the README's section."""
    pages, _ = pages_to_shoot(output)
    shown = [s.name for s in SHOTS if s.readme and s.name in pages]
    written = take_screenshots(
        output,
        docs,
        browser,
        (README_SCHEME,),
        (README_WIDTH,),
        tuple(shown),
        suffixes=False,
    )
    for shot in SHOTS:
        stale = docs / f"{shot.name}.png"
        if shot.readme and shot.name not in shown and stale.is_file():
            stale.unlink()
    text = readme.read_text(encoding="utf-8")
    if not SECTION.search(text):
        raise SystemExit(f"{readme}: no <!-- screenshots --> section to fill")
    section = readme_section(shown, docs, readme)
    updated = SECTION.sub(lambda m: m.group(1) + section + m.group(2), text)
    if updated != text:
        readme.write_text(updated, encoding="utf-8")
    return written


def main(argv: list[str]) -> int:
    output = Path(argv[1] if len(argv) > 1 else "output").resolve()
    if not (output / "index.html").is_file():
        print(f"{output}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    _, skipped = pages_to_shoot(output)
    for note in skipped:
        print(note, file=sys.stderr)
    browser = Browser()
    try:
        for path in take_screenshots(output, browser=browser):
            print(path)
        for path in readme_shots(output, browser=browser):
            print(path)
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
