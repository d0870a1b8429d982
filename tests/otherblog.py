"""An ordinary Pelican blog that adds the plugin: the plugin's third user.

The fixture blog (tests/fixtures/blog) has categories, tags, authors, pages,
translations, drafts, hidden posts, Markdown and reStructuredText; the
fixture theme (tests/fixtures/themes/mainblock) names its blocks the way many
third-party themes do. Tests build them with :func:`sitebuild.build_site`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from sitebuild import FIXTURES

BLOG = FIXTURES / "blog" / "content"
THIRD_PARTY_THEME = FIXTURES / "themes" / "mainblock"

# An ordinary blog's settings: feeds of every kind, pagination, translations.
BLOG_SETTINGS: dict[str, object] = {
    "SITENAME": "Neighbours' notes",
    "AUTHOR": "Ana Ruiz",
    "DEFAULT_PAGINATION": 2,
    "FEED_DOMAIN": "https://neighbours.example",
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
    "TAG_FEED_ATOM": "feeds/tag-{slug}.atom.xml",
    "AUTHOR_FEED_ATOM": "feeds/author-{slug}.atom.xml",
    "TRANSLATION_FEED_ATOM": "feeds/all-{lang}.atom.xml",
    "MENUITEMS": [("Archives", "/archives.html")],
}


def output_files(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, keyed by its path relative to ``root``."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def write_catalogue(
    folder: Path, lang: str, domain: str, messages: Mapping[str, str]
) -> Path:
    """A blog's own compiled catalogue, ``folder/LANG/LC_MESSAGES/DOMAIN.mo``;
    returns ``folder``."""
    catalog = Catalog(locale=lang)
    for source, translation in messages.items():
        catalog.add(source, translation)
    target = folder / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / f"{domain}.mo").open("wb") as handle:
        write_mo(handle, catalog)
    return folder
