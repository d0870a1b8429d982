"""Hostile input and the walk that looks for it in a built site.

``fixtures/hostile/content`` puts markup, script, ``javascript:`` URLs,
attribute-breaking quotes, ``</script>`` and template syntax into every
field a writer types; :data:`HOSTILE_VOCABULARY` does the same for the
labels a site's settings give. :func:`findings` walks every HTML, XML, JSON
(and gzip-compressed) file of an output folder and reports each place where
any of it became live markup, script, a dangerous URL or evaluated template
code. It knows no file by name, so new outputs (JSON-LD, a search index)
are covered as soon as they are built.
"""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import FIXTURES

CONTENT = FIXTURES / "hostile" / "content"
# {{ 6007*7 }} in the content: this number appears only if a template ran it.
EVALUATED = "42049"
HOSTILE_ELEMENT = "x-hostile"
_LABEL = '<x-hostile>{}</x-hostile> " onmouseover="hostile(12)" {{{{ 6007*7 }}}}'
HOSTILE_VOCABULARY = {
    "WOW_TOUCHPOINTS": {
        "phone": {
            "label": _LABEL.format("Phone"),
            "stage": '<script>hostile("stage")</script>',
            "description": "</script><x-hostile>",
            "aliases": ["hotline"],
        },
        "delivery": {"label": _LABEL.format("Delivery"), "stage": "after"},
    },
    "WOW_VERDICTS": {
        "good": {"label": _LABEL.format("Good"), "description": "' onblur='x"},
        "meh": {"label": "Meh"},
        "bad": {"label": _LABEL.format("Bad"), "description": "<b>bad</b>"},
    },
    "WOW_STAGES": ['<script>hostile("stage")</script>', "after"],
}
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster")
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# Never in a page of this site's own making (its search form is).
_ACTIVE = ("iframe", "object", "embed", "base", "meta[http-equiv=refresh]")
_RAW_TAG = re.compile(r"<\s*/?\s*(?!mark\b)[a-z!]", re.I)
ATOM = "{http://www.w3.org/2005/Atom}"


def _squeezed(value: str) -> str:
    """A URL as browsers read its scheme: no white space or controls."""
    return "".join(ch for ch in value if ch > " ").lower()


def html_findings(html: str, where: str) -> Iterator[str]:
    """Live markup, script or dangerous URLs in one HTML document."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(HOSTILE_ELEMENT):
        yield f"{where}: a <{HOSTILE_ELEMENT}> element: {element!s:.80}"
    for script in soup.find_all("script"):
        kind = (script.get("type") or "").lower()
        if kind == "application/ld+json":
            text = script.string or ""
            try:
                json.loads(text)
            except ValueError:
                yield f"{where}: JSON-LD that is not JSON (broken out of?)"
            if re.search(r"</|<!--", text):
                yield f"{where}: JSON-LD with '</' or '<!--' in it"
        elif "hostile" in script.get_text() + str(script.get("src", "")):
            # The theme's own scripts (a file, or inline with a CSP hash) are
            # the theme's; a script that came from content says "hostile".
            yield f"{where}: a script from content: {script!s:.80}"
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                yield f"{where}: an event handler {name}= on <{element.name}>"
            if name.lower() in _URL_ATTRIBUTES:
                url = _squeezed(value if isinstance(value, str) else " ".join(value))
                if url.startswith(_BAD_SCHEMES):
                    yield f"{where}: a {url.split(':')[0]}: URL in {name}="
    for selector in _ACTIVE:
        for element in soup.select(selector):
            yield f"{where}: an active element: {element!s:.80}"


def _feed_findings(text: str, where: str) -> Iterator[str]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        yield f"{where}: not well-formed XML ({error})"
        return
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        if HOSTILE_ELEMENT in tag:
            yield f"{where}: an XML element <{tag}>"
        if element.get("type") == "html" and element.text:
            yield from html_findings(element.text, f"{where} <{tag}>")


def _data_findings(text: str, where: str, embeddable: bool) -> Iterator[str]:
    """JSON must parse; JSON files (which a page may embed) hold no raw tag
    that could end a script element. A search index holds page text as
    text, raw ``<`` included: its reader must treat it as text (the site's
    search script builds results from text nodes)."""
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=0)
    if text[start:].lstrip().startswith(("{", "[")):
        try:
            json.loads(text[start:])
        except ValueError as error:
            if not embeddable and "pagefind_dcd" in text[:start]:
                return  # a binary (CBOR) part of the index
            yield f"{where}: not valid JSON ({error})"
    match = _RAW_TAG.search(text)
    if embeddable and match and "hostile" in text:
        start = max(match.start() - 30, 0)
        yield f"{where}: a raw tag in data: {text[start : match.end() + 30]!r}"


def findings(output: Path, pattern: str = "**/*") -> list[str]:
    """Everything hostile that got through, in every file under ``output``
    matching ``pattern``; an empty list when the site is safe."""
    found: list[str] = []
    for path in sorted(output.glob(pattern)):
        if not path.is_file():
            continue
        where = str(path.relative_to(output))
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
            where += " (gzip)"
        suffix = path.suffix.lower()
        if suffix not in (".html", ".htm", ".xml", ".json") and "gzip" not in where:
            continue
        text = data.decode("utf-8", errors="replace")
        if EVALUATED in text:
            found.append(f"{where}: template code in content was evaluated")
        if suffix in (".html", ".htm"):
            found.extend(html_findings(text, where))
        elif suffix == ".xml":
            found.extend(_feed_findings(text, where))
        else:
            found.extend(_data_findings(text, where, embeddable=suffix == ".json"))
    return found


def terminal_findings(log: str) -> list[str]:
    """Control characters (escape sequences) or evaluated template code in
    what a build printed."""
    found = sorted({f"U+{ord(c):04X}" for c in log if ord(c) < 32 and c not in "\n\t"})
    problems = (
        [f"control characters in the output: {', '.join(found)}"] if found else []
    )
    if EVALUATED in log:
        problems.append("template code in content was evaluated in the output")
    return problems
