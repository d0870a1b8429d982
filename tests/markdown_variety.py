"""Markdown sources that use everything the site's Markdown settings offer.

The parallel reading tests need many files (the process pool only starts
above a threshold) that exercise the Markdown features whose output could
differ between a worker and Pelican's own reader: footnotes, tables of
contents, tables, fenced code, attribute lists, abbreviations, formatted
metadata (``Summary``) over several lines, a field given twice, a byte
order mark; plus a file that is not UTF-8 and one with no header.
"""

from __future__ import annotations

from pathlib import Path

from pelican.settings import get_settings_from_file

from sitebuild import ROOT

# The site's Markdown settings.
MARKDOWN = get_settings_from_file(str(ROOT / "pelicanconf.py"))["MARKDOWN"]

_SHAPES = (
    "A note[^1] on the counter, and a second one[^two].\n\n"
    "[^1]: Left by the morning shift.\n[^two]: Nobody signed it.\n",
    "[TOC]\n\n## Arriving {n}\n\nThe door was open.\n\n## Arriving {n}\n\n"
    "The same heading twice gets two anchors.\n",
    "| Step | Minutes |\n|------|--------:|\n| Queue | {n} |\n| Desk | 4 |\n",
    "```python\nwait = {n}  # minutes\nprint('still waiting')\n```\n",
    "A quiet reply.\n{{: .aside #reply-{n} }}\n\nThe *HTML* form worked.\n\n"
    "*[HTML]: the web page format\n",
    '<div markdown="1">\n**Inside** a block, story {n}.\n</div>\n',
)

# Enough text that converting a story takes a few milliseconds, as a real
# one does (the pool only helps when there is work to share).
_FILLER = (
    "We waited by the *second* window, where a [notice](https://example.org/q) "
    "said the queue moved `quickly`; it did not, and a man with a clipboard "
    "asked each of us **twice** what we had come for.\n\n"
    "- the form, again\n- a number to call\n- a pen that worked\n\n"
    "> Come back tomorrow, she said, kindly enough.\n\n"
)


def story_text(n: int) -> str:
    """Story ``n``: a header (sometimes a long Summary, sometimes a field
    given twice) and one of the shapes above."""
    lines = [
        f"Title: Visit number {n}",
        f"Date: 2026-01-{n % 28 + 1:02d} 10:{n % 60:02d}",
    ]
    if n % 3 == 0:
        lines += [
            f"Summary: The *short* version of visit {n},",
            "    told over two lines[^s].",
        ]
    if n % 7 == 0:
        lines.append("Date: 2025-12-31")  # Pelican warns and keeps the first
    if n % 5 == 0:
        lines.append(f"Tags: queue, visit {n % 4}")
    body = _SHAPES[n % len(_SHAPES)].format(n=n) + "\n" + _FILLER * (n % 9 + 4)
    return "\n".join(lines) + "\n\n" + body + f"\nStory {n} ends here.\n"


def write_variety(content: Path, stories: int) -> list[Path]:
    """Write ``stories`` stories, two pages and the odd files into
    ``content``; return the paths of the stories."""
    folder = content / "stories"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(stories):
        path = folder / f"visit-{n:04d}.md"
        data = story_text(n).encode("utf-8")
        if n % 50 == 1:
            data = b"\xef\xbb\xbf" + data  # a byte order mark
        path.write_bytes(data)
        paths.append(path)
    (folder / "latin-1.md").write_bytes(
        b"Title: Caf\xe9 visit\nDate: 2026-02-01\n\nThe caf\xe9 was shut.\n"
    )
    (folder / "no-header.md").write_text("Just a line, no title.\n", encoding="utf-8")
    pages = content / "pages"
    pages.mkdir(exist_ok=True)
    (pages / "about.md").write_text(
        "Title: About\nSummary: Who *writes* here.\n\n[TOC]\n\n## Us\n\nWe do.\n",
        encoding="utf-8",
    )
    (pages / "contact.md").write_text(
        "Title: Contact\n\nWrite to us[^1].\n\n[^1]: By post.\n", encoding="utf-8"
    )
    return paths
