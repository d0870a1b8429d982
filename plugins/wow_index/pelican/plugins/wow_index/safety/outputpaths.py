"""Where a story may be written: output paths a writer's file cannot abuse.

A story's ``Save_as`` and ``Url`` (and the paths its ``Slug`` and ``Lang``
produce) come from the writer's file, and Pelican writes wherever they say:
``./index.html`` replaces the home page, ``../wow`` lands on the WoW index,
a 300-character slug makes a file name the file system refuses. The pure
functions here decide, before anything is written, whether a path is one a
story may take:

* :func:`normalise_output_path`: one spelling per path, or why it is refused
  (absolute, leaving the output folder, a name too long for a file system).
* :class:`Outputs` and :func:`clash`: the files and folders the build
  writes itself, and whether a story's path equals or overlaps one of them.
* :func:`clean_slug` and :func:`shorten_slug`: slugs without bidi or control
  characters, and short enough for every file system, deterministically.
* :func:`is_language_tag`: a ``Lang`` shaped like a BCP 47 tag.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = [
    "HOST_CONFIGURATION",
    "MAX_COMPONENT_BYTES",
    "MAX_PATH_BYTES",
    "MAX_SLUG_BYTES",
    "Outputs",
    "clash",
    "clean_slug",
    "comparable",
    "is_language_tag",
    "normalise_output_path",
    "shorten_slug",
]

# The longest file or folder name ext4, APFS, NTFS and most others take.
MAX_COMPONENT_BYTES = 255
# A whole path below the output folder: well inside PATH_MAX (4096) wherever
# the output folder itself is.
MAX_PATH_BYTES = 1024
# A slug longer than this is cut (with a hash, so two long titles that start
# alike still get two pages); room is left for "-lang", ".html", pagination.
MAX_SLUG_BYTES = 120
_HASH_LENGTH = 8

# Bidi overrides and isolates, zero-width and other invisible format
# characters, C0 and C1 controls: they make a URL read differently from
# what it is (``abc\u202etxt.exe`` shows as ``abcexe.txt``).
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb]"
)
# Language tag shape (RFC 5646, simplified): a 2-8 letter language, then
# subtags of 1-8 letters or digits. At most 20 characters: the tags sites
# use are shorter ("zh-Hant-TW", "es-419"), and Pagefind, which names its
# index files after the page's language, panics on tags of 31 or more.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
_MAX_LANGUAGE_TAG = 20
_DRIVE = re.compile(r"^[A-Za-z]:")
# Files static hosts read as configuration, not pages (Netlify and Cloudflare
# Pages' _redirects and _headers, IIS's web.config, GitHub Pages' CNAME …):
# a story written there could redirect or re-header the whole site.
HOST_CONFIGURATION = frozenset(
    {
        "_redirects",
        "_headers",
        "_routes.json",
        "_config.yml",
        "cname",
        "netlify.toml",
        "vercel.json",
        "staticwebapp.config.json",
        "web.config",
        "firebase.json",
    }
)
# A path with nothing to normalise: ASCII names, no leading "/" or ".".
_PLAIN = re.compile(
    r"[A-Za-z0-9_-][A-Za-z0-9_.,~+=@-]*(?:/[A-Za-z0-9_,~+=@-][A-Za-z0-9_.,~+=@-]*)*/?"
)


def clean_slug(slug: str) -> str:
    """``slug`` without invisible, bidi and control characters."""
    return _INVISIBLE.sub("", slug)


def shorten_slug(slug: str, limit: int = MAX_SLUG_BYTES) -> str:
    """``slug`` itself when it fits in ``limit`` UTF-8 bytes; else cut at a
    word boundary (``-``) with a short hash of the whole slug added, so the
    same slug always gives the same result and two long slugs that start
    alike stay apart."""
    encoded = slug.encode("utf-8")
    if len(encoded) <= limit:
        return slug
    digest = hashlib.sha256(encoded).hexdigest()[:_HASH_LENGTH]
    room = max(1, limit - _HASH_LENGTH - 1)
    cut = encoded[:room].decode("utf-8", "ignore")
    boundary = cut.rfind("-")
    if boundary >= room // 2:
        cut = cut[:boundary]
    cut = cut.strip("-")
    return f"{cut}-{digest}" if cut else digest


def is_language_tag(value: object) -> bool:
    """Whether ``value`` looks like a language tag (``en``, ``pt-BR``,
    ``zh-Hant-TW``): letters, digits and hyphens in BCP 47's shape."""
    return (
        isinstance(value, str)
        and len(value) <= _MAX_LANGUAGE_TAG
        and _LANGUAGE_TAG.fullmatch(value) is not None
    )


def normalise_output_path(path: str) -> tuple[str, str | None]:
    """``path`` (a ``save_as`` or ``url``, relative to the output folder)
    spelt one way: no ``.`` or empty segments, ``..`` resolved; a trailing
    ``/`` kept (a URL's folder). Returns ``(path, None)``, or ``("", why)``
    when no story may take it; ``why`` completes "the path … ".
    """
    if not isinstance(path, str) or not path.strip():
        return "", "is empty"
    if (
        len(path) <= MAX_COMPONENT_BYTES
        and _PLAIN.fullmatch(path)
        and "//" not in path
        and "/." not in path
        and path.rstrip("/").rsplit("/", 1)[-1].lower() not in HOST_CONFIGURATION
    ):
        return path, None  # most paths: already as plain as they get
    if _INVISIBLE.search(path):
        return "", "contains control or invisible characters"
    if "\\" in path:
        return "", "contains a backslash (write folders with '/')"
    if path.startswith("/") or _DRIVE.match(path) or "://" in path:
        return "", "is absolute (it must be relative to the output folder)"
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part.startswith(".") and part != "..":
            return "", (
                f"names a hidden file or folder ({part!r}); some web servers "
                "read those as their configuration (.htaccess)"
            )
        if part.lower() in HOST_CONFIGURATION:
            return "", (
                f"names {part!r}, a file web hosts read as their configuration "
                "(redirects, headers)"
            )
        if part == "..":
            if not parts:
                return "", "leaves the output folder"
            parts.pop()
            continue
        if len(part.encode("utf-8")) > MAX_COMPONENT_BYTES:
            return "", (
                f"has a name of {len(part.encode('utf-8'))} bytes; file "
                f"systems take {MAX_COMPONENT_BYTES} at most"
            )
        parts.append(part)
    if not parts:
        return "", "is the output folder itself"
    normal = "/".join(parts) + ("/" if path.endswith("/") else "")
    if len(normal.encode("utf-8")) > MAX_PATH_BYTES:
        return "", f"is longer than {MAX_PATH_BYTES} bytes"
    return normal, None


@dataclass
class Outputs:
    """What the build writes besides stories and pages: ``files`` (path ->
    what writes it) and ``folders`` it owns whole (``pagefind``, the theme's
    files, static folders, a term's page folder): path -> owner."""

    files: dict[str, str] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)
    _parents: dict[str, str] | None = field(default=None, repr=False)

    def add_file(self, path: str, owner: str) -> None:
        normal, why = normalise_output_path(path)
        if why is None and not normal.endswith("/"):
            self.files.setdefault(comparable(normal), owner)
            self._parents = None

    def add_folder(self, path: str, owner: str) -> None:
        normal, why = normalise_output_path(path)
        if why is None:
            self.folders.setdefault(comparable(normal.rstrip("/")), owner)

    def add_files(self, paths: Iterable[tuple[str, str]]) -> None:
        for path, owner in paths:
            self.add_file(path, owner)

    def parents(self) -> dict[str, str]:
        """Every folder some file needs: folder -> the file's owner."""
        if self._parents is None:
            found: dict[str, str] = {}
            for path, owner in self.files.items():
                parts = path.split("/")[:-1]
                for end in range(1, len(parts) + 1):
                    found.setdefault("/".join(parts[:end]), owner)
            self._parents = found
        return self._parents


def comparable(path: str) -> str:
    """A normalised path as file systems that ignore case see it (macOS and
    Windows by default): ``Index.html`` there is ``index.html``."""
    return path.lower()


def _ancestors(path: str) -> Iterator[str]:
    """``a``, ``a/b`` of ``a/b/c``."""
    end = path.find("/")
    while end > 0:
        yield path[:end]
        end = path.find("/", end + 1)


def clash(path: str, outputs: Outputs) -> str | None:
    """What ``path`` (normalised) would replace or get in the way of in
    ``outputs``: the owner's description, or None when the path is free.

    A clash is the same file, a folder the build owns (``pagefind/x.html``),
    a file where the build needs a folder (``wow`` beside ``wow/index.html``)
    or a folder where it writes a file (``wow/index.json/index.html``).
    """
    path = comparable(path.rstrip("/"))
    owner = outputs.files.get(path) or outputs.folders.get(path)
    if owner:
        return owner
    for ancestor in _ancestors(path):
        owner = outputs.files.get(ancestor) or outputs.folders.get(ancestor)
        if owner:
            return owner
    return outputs.parents().get(path)
