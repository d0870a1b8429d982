"""`invoke screenshots` works: every page at both widths (dark here; the
command does light as well)."""

from __future__ import annotations

import struct

import pytest

from screenshots import WIDTHS, pages_to_shoot, take_screenshots

pytestmark = pytest.mark.browser


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_home_index_and_a_story_at_both_widths(
    browser, reader_site, tmp_path
):
    written = take_screenshots(reader_site.output, tmp_path, browser, ("dark",))
    pages = pages_to_shoot(reader_site.output)
    assert set(pages) == {"home", "index", "article"}
    assert len(written) == len(pages) * len(WIDTHS)
    for path in written:
        width, height = png_size(path.read_bytes())
        assert width in WIDTHS and f"-{width}" in path.name
        assert height > 600  # the whole page, not the first screen
    # Nothing was written into the site itself.
    assert not (reader_site.output / "_screenshots").exists()
