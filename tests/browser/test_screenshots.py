"""`invoke screenshots` works: every page there is at both widths (dark here;
the command does light as well), the README's set from the same list, and a
page the build did not make skipped with a note."""

from __future__ import annotations

import shutil
import struct

import pytest

from screenshots import (
    README_WIDTH,
    SHOTS,
    WIDTHS,
    pages_to_shoot,
    readme_section,
    readme_shots,
    take_screenshots,
)
from sitebuild import ROOT

pytestmark = pytest.mark.browser


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def built(output, name: str) -> bool:
    shot = next(s for s in SHOTS if s.name == name)
    return shot.find(output) is not None


def test_screenshots_of_every_page_there_is_at_both_widths(
    browser, reader_site, tmp_path
):
    written = take_screenshots(reader_site.output, tmp_path, browser, ("dark",))
    pages, skipped = pages_to_shoot(reader_site.output)
    assert {"home", "index", "article", "companies"} <= set(pages)
    assert set(pages) | {n.split()[1] for n in skipped} == {s.name for s in SHOTS}
    assert len(written) == len(pages) * len(WIDTHS)
    for path in written:
        width, height = png_size(path.read_bytes())
        assert width in WIDTHS and f"-{width}" in path.name
        assert height > 600  # the whole page, not the first screen
    # Nothing was written into the site itself.
    assert not (reader_site.output / "_screenshots").exists()


def test_the_readme_set_and_section_come_from_the_same_list(
    browser, reader_site, tmp_path
):
    site = tmp_path / "site"
    shutil.copytree(reader_site.output, site)
    # A page this build lacks, and a stale picture of it from an earlier run.
    shutil.rmtree(site / "wow" / "company")
    docs = tmp_path / "docs" / "screenshots"
    docs.mkdir(parents=True)
    (docs / "companies.png").write_bytes(b"old")
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Site\n\n<!-- screenshots -->\nold\n<!-- /screenshots -->\n\nMore.\n",
        encoding="utf-8",
    )
    written = readme_shots(site, docs, readme, browser)
    names = {p.stem for p in written}
    assert {"index", "article"} <= names and "home" not in names
    assert "companies" not in names and not (docs / "companies.png").exists()
    assert all(built(site, name) for name in names)
    for path in written:
        assert png_size(path.read_bytes())[0] == README_WIDTH
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# Site\n\n<!-- screenshots -->\nThe WoW index")
    assert text.endswith("<!-- /screenshots -->\n\nMore.\n")
    shown = [s.name for s in SHOTS if s.name in names]
    assert readme_section(shown, docs, readme) in text
    assert "](docs/screenshots/index.png)" in text and "old" not in text
    _, skipped = pages_to_shoot(site)
    assert "skipped companies (wow/company/): not in this build" in skipped


def test_the_committed_readme_shows_the_committed_screenshots():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = ROOT / "docs" / "screenshots"
    pictures = sorted(p.stem for p in docs.glob("*.png"))
    shown = [s.name for s in SHOTS if s.name in pictures]
    assert {"index", "article"} <= set(shown)
    assert readme_section(shown) in readme
    for name in pictures:
        width, _ = png_size((docs / f"{name}.png").read_bytes())
        assert width == README_WIDTH, name
