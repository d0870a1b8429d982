"""Which built page Pagefind may have failed on.

Pagefind indexes the built site after Pelican; when it stops (it panicked
on a 300-character ``lang``, for one) it does not say which page it was
reading. The build already keeps such values out of pages (``Lang`` must be
a language tag); this looks through a built site for what Pagefind is
known to trip over, so the message can name the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..safety.outputpaths import MAX_COMPONENT_BYTES, is_language_tag

__all__ = ["pagefind_suspects"]

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)


def pagefind_suspects(output: Path) -> list[str]:
    """Pages of ``output`` Pagefind may not take, each as
    ``path: what is wrong``, in path order."""
    found: list[str] = []
    for page in sorted(Path(output).rglob("*.html")):
        relative = page.relative_to(output).as_posix()
        if any(len(p.encode()) > MAX_COMPONENT_BYTES for p in page.parts):
            found.append(f"{relative}: a file name too long")
            continue
        try:
            head = page.read_bytes()[:4096].decode("utf-8")
        except (OSError, UnicodeDecodeError):
            found.append(f"{relative}: not readable as UTF-8")
            continue
        match = _HTML_LANG.search(head)
        if match and not is_language_tag(match.group(1)):
            shown = match.group(1)[:40]
            found.append(f"{relative}: <html lang={shown!r}> is not a language tag")
    return found
