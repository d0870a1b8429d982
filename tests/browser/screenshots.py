"""Screenshots of a built site for people to look at: the home page, the WoW
index and a story with a journey, 390 and 1280 pixels wide, light and dark.

    python tests/browser/screenshots.py [OUTPUT_DIR]   # what `invoke screenshots` runs

PNGs go to OUTPUT_DIR/_screenshots/ (not committed; `make clean` removes them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chromium import Browser, serve

WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")


def pages_to_shoot(output: Path) -> dict[str, str]:
    """Name -> path of each page to photograph, relative to the site root."""
    stories = json.loads((output / "wow" / "index.json").read_text(encoding="utf-8"))
    journeys = [s for s in stories["stories"] if len(s["moments"]) >= 2]
    article = (journeys or stories["stories"])[0]["url"]
    return {"home": "", "index": "wow/", "article": article}


def take_screenshots(
    output: Path,
    dest: Path | None = None,
    browser: Browser | None = None,
    schemes: tuple[str, ...] = SCHEMES,
) -> list[Path]:
    """Write every screenshot to ``dest`` (default ``output/_screenshots``);
    return the paths."""
    dest = dest or output / "_screenshots"
    own = browser is None
    browser = browser or Browser()
    written: list[Path] = []
    try:
        with serve(output) as base:
            for scheme in schemes:
                browser.color_scheme(scheme)
                for name, path in pages_to_shoot(output).items():
                    for width in WIDTHS:
                        browser.viewport(width, 900, mobile=width < 600)
                        browser.driver.get(base + path)
                        suffix = "" if scheme == "light" else "-dark"
                        png = dest / f"{name}-{width}{suffix}.png"
                        browser.full_page_png(png, width)
                        written.append(png)
    finally:
        if own:
            browser.close()
    return written


def main(argv: list[str]) -> int:
    output = Path(argv[1] if len(argv) > 1 else "output").resolve()
    if not (output / "index.html").is_file():
        print(f"{output}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    for path in take_screenshots(output):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
