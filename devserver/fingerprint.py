"""Fingerprints of a build's inputs: what tells one rebuild from the next.

A content object has two: its *body* (the HTML its reader made) and its *card*
(everything else it carries: metadata, URL parts, attributes that plugins set,
such as the WoW tags). The *site* fingerprint covers the shared template
context (settings, lists of articles, tags, categories, the plugin's ``wow``
view...) and the template files.

Fingerprints are only compared within one process, so objects whose ``repr``
holds a memory address are fine: the same object gives the same text. A value
that differs from one build to the next without a real change only costs a
full re-render, never a stale page.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import os
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import BytecodeCache
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .pelican_compat import CONTENT_PRIVATE_ATTRIBUTES, content_body

__all__ = [
    "body_digest",
    "card_digest",
    "settings_digest",
    "site_digest",
    "templates_digest",
]

# Never part of a fingerprint: back references to the whole context or
# settings (fingerprinted once, on their own) and the body.
SKIPPED_ATTRIBUTES = frozenset({"settings", *CONTENT_PRIVATE_ATTRIBUTES})
# Per-build bookkeeping in the context that is not an input of any page.
# generated_content and static_content map every source to its object: the
# content fingerprints already cover both. The lists Pelican's own generators
# derive from the content (in its own, deterministic code) change only when a
# card or the set of contents does, which the content fingerprints cover too.
# So is the WoW plugin's view (``wow``): it is made, in the plugin's own
# deterministic code, from the stories' cards (tags, company, moments, all
# attributes of the story) and the settings, each fingerprinted. Other
# context that plugins add is fingerprinted.
SKIPPED_CONTEXT_KEYS = frozenset(
    {
        "wow",
        "localsiteurl",
        "generated_content",
        "static_content",
        "articles",
        "translations",
        "hidden_articles",
        "hidden_translations",
        "drafts",
        "drafts_translations",
        "dates",
        "tags",
        "categories",
        "authors",
        "period_archives",
        "related_posts",
        "pages",
        "hidden_pages",
        "draft_pages",
    }
)


def _hash(text: str) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _attributes(value: Any) -> dict[str, Any]:
    """An object's attributes, less back references and our own caches."""
    return {
        k: v
        for k, v in vars(value).items()
        if k not in SKIPPED_ATTRIBUTES and not k.startswith("_devserver")
    }


_SCALARS = frozenset({str, int, float, bool, type(None), bytes})
_FIELDS: dict[type, list[str]] = {}


class _Serializer:
    """Writes a value as text: equal values, equal text.

    Content objects are written as references (their source path): each has
    its own card fingerprint. Categories, tags, authors and other URL wrappers
    are written by type, name and slug, which is all a page can show of them
    apart from their lists of articles, and those lists are in the context.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._seen: dict[int, int] = {}
        self._alive: list[Any] = []  # keeps ids unique while we write

    def text(self) -> str:
        return "".join(self.parts)

    def write(self, value: Any, depth: int = 0) -> None:
        out = self.parts.append
        if type(value) in _SCALARS:
            out(repr(value))
            return
        if value is None or isinstance(value, (str, int, float, bool, bytes)):
            out(repr(value))
            return
        if isinstance(value, datetime.date | datetime.time):
            out(f"{type(value).__name__}({value.isoformat()}|{value.tzinfo!r})")
            return
        if isinstance(value, Content):
            out(f"<{type(value).__name__} {value.source_path!r}>")
            return
        if isinstance(value, URLWrapper):
            out(f"<{type(value).__name__} {value.name!r} {value.slug!r}>")
            return
        if isinstance(value, BytecodeCache):
            out("<bytecode cache>")
            return
        if depth > 12:
            out("<deep>")
            return
        key = id(value)
        if key in self._seen:
            out(f"@{self._seen[key]}")
            return
        self._seen[key] = len(self._seen)
        self._alive.append(value)
        if isinstance(value, Mapping):
            out("{")
            items = sorted(value.items(), key=lambda kv: repr(kv[0]))
            for k, v in items:
                out(repr(k))
                out(":")
                self.write(v, depth + 1)
                out(",")
            out("}")
        elif isinstance(value, (set, frozenset)):
            out("set(")
            for item in sorted(repr(v) for v in value):
                out(item)
                out(",")
            out(")")
        elif isinstance(value, Iterable) and isinstance(value, (list, tuple)):
            out("[")
            for item in value:
                self.write(item, depth + 1)
                out(",")
            out("]")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            out(type(value).__name__)
            names = _FIELDS.get(type(value))
            if names is None:
                names = _FIELDS[type(value)] = [
                    f.name for f in dataclasses.fields(value)
                ]
            out("(")
            for name in names:
                self.write(getattr(value, name), depth + 1)
                out(",")
            out(")")
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            out(type(value).__qualname__)
            self.write(
                _attributes(value),
                depth + 1,
            )
        else:
            out(repr(value))


def card_digest(content: Content) -> str:
    """Everything a content object shows except its body.

    Most attribute values (strings, dates, URL wrappers, the plugin's tags and
    moments) have a ``repr`` that is their value, which is much faster to
    write than walking them; other content objects (translations) become
    references. Anything whose ``repr`` is only an address is written out
    attribute by attribute instead.
    """
    items = []
    for key, value in sorted(vars(content).items()):
        if key in SKIPPED_ATTRIBUTES or key.startswith("_devserver"):
            continue
        if key == "translations":
            value = [getattr(item, "source_path", item) for item in value]
        items.append((key, value))
    text = f"{type(content).__name__}{items!r}"
    if " at 0x" in text:
        writer = _Serializer()
        writer.write(type(content).__name__)
        writer.write(_attributes(content))
        text = writer.text()
    return _hash(text)


_BODIES: dict[int, tuple[str, str]] = {}


def body_digest(content: Content) -> str:
    """The body a reader made, hashed once per string."""
    body = content_body(content)
    cached = _BODIES.get(id(body))
    if cached is not None and cached[0] is body:
        return cached[1]
    digest = _hash(body)
    if len(_BODIES) > 100_000:
        _BODIES.clear()
    _BODIES[id(body)] = (body, digest)
    return digest


def site_digest(
    context: Mapping[str, Any], settings: Mapping[str, Any] | None = None
) -> str:
    """The shared template context, content objects by reference.

    Values that are the very objects of ``settings`` are left out: the caller
    fingerprints the settings once (see :func:`settings_digest`).
    """
    settings = settings or {}
    writer = _Serializer()
    writer.write(
        {
            k: v
            for k, v in context.items()
            if k not in SKIPPED_CONTEXT_KEYS
            and not (k in settings and settings[k] is v)
        }
    )
    return _hash(writer.text())


def settings_digest(settings: Mapping[str, Any]) -> str:
    """The settings, written out once per session."""
    writer = _Serializer()
    writer.write(dict(settings))
    return _hash(writer.text())


def templates_digest(folders: Iterable[str]) -> str:
    """Name, size and modification time of every file under ``folders``."""
    entries: list[str] = []
    for folder in sorted(set(folders)):
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                try:
                    stat = os.stat(os.path.join(root, name))
                except OSError:
                    continue
                entries.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return _hash("\n".join(entries))
