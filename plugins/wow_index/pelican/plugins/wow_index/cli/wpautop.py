"""WordPress's paragraph rule (``wpautop``) for classic post content.

A WordPress post written before the block editor is stored as the writer
typed it: blank lines between paragraphs, single line breaks inside them,
and any HTML tags mixed in. WordPress decides the paragraphs only when it
shows the post, with ``wpautop`` in ``wp-includes/formatting.php``; an
export therefore holds text, not paragraphs. This module applies the same
rules, step by step in the same order, so an imported post has the
paragraphs its readers saw:

* ``<pre>`` blocks are set aside untouched;
* two ``<br>`` in a row are a paragraph break;
* block-level tags (``div``, ``ul``, ``table``, ``blockquote``, ``h1``…)
  stand apart from the paragraphs around them, never inside a ``<p>``;
* newlines inside a tag (between its attributes) are not breaks;
* the text is cut at blank lines and each piece becomes a ``<p>``;
* a single newline left inside a paragraph becomes ``<br />``, except
  inside ``<script>`` and ``<style>`` and next to block tags.

Block-editor content (``<!-- wp:paragraph -->`` and friends) already holds
its paragraphs as HTML; WordPress does not run ``wpautop`` on it, and
neither should a caller (see :func:`is_block_content`).
"""

from __future__ import annotations

import re

__all__ = ["autop", "is_block_content"]

_BLOCKS = (
    "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li"
    "|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend"
    "|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details"
    "|menu|summary)"
)
# An HTML comment (to its end, or to the end of the text), a CDATA section,
# or any other tag: the pieces WordPress's wp_html_split cuts out of text.
_HTML_PIECE = re.compile(
    r"(<(?:!--(?:-(?!->)|[^-])*(?:-->)?|!\[CDATA\[(?:\](?!\]>)|[^\]])*(?:\]\]>)?"
    r"|[^>]*>?))",
    re.S,
)
_NEWLINE_MARK = " <!-- wpnl --> "
_KEEP_NEWLINE = "<WPPreserveNewline />"


def is_block_content(text: str) -> bool:
    """Whether ``text`` was written in the block editor (its paragraphs are
    already HTML), as WordPress's ``has_blocks`` tells."""
    return "<!-- wp:" in text


def _newlines_in_tags(text: str) -> str:
    """Mark newlines that stand inside a tag, so they are not breaks."""
    parts = _HTML_PIECE.split(text)
    for index in range(1, len(parts), 2):
        parts[index] = parts[index].replace("\n", _NEWLINE_MARK)
    return "".join(parts)


def _set_aside_pre(text: str) -> tuple[str, dict[str, str]]:
    """``<pre>`` blocks replaced by placeholders, and the blocks."""
    kept: dict[str, str] = {}
    if "<pre" not in text:
        return text, kept
    parts = text.split("</pre>")
    last = parts.pop()
    out = []
    for part in parts:
        start = part.find("<pre")
        if start < 0:  # a stray closing tag: left as it is
            out.append(part)
            continue
        name = f"<pre wp-pre-tag-{len(kept)}></pre>"
        kept[name] = part[start:] + "</pre>"
        out.append(part[:start] + name)
    return "".join(out) + last, kept


def autop(text: str, br: bool = True) -> str:
    """``text`` with its blank-line paragraphs as ``<p>`` elements and, with
    ``br``, its other line breaks as ``<br />``, as WordPress shows it."""
    if not text.strip():
        return ""
    text = text + "\n"
    text, pre_tags = _set_aside_pre(text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{_BLOCKS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{_BLOCKS}>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _newlines_in_tags(text)
    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text)
        text = re.sub(r"</option>\s*", "</option>", text)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text)
        text = re.sub(r"\s*</object>", "</object>", text)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    pieces = [p for p in re.split(r"\n\s*\n", text) if p]
    text = "".join(f"<p>{piece.strip(chr(10))}</p>\n" for piece in pieces)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(
            r"<(script|style).*?</\1>",
            lambda m: m.group(0).replace("\n", _KEEP_NEWLINE),
            text,
            flags=re.S,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace(_KEEP_NEWLINE, "\n")
    text = re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(
        r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text
    )
    text = re.sub(r"\n</p>$", "</p>", text)
    for name, block in pre_tags.items():
        text = text.replace(name, block)
    if "<!-- wpnl -->" in text:
        text = text.replace(_NEWLINE_MARK, "\n").replace("<!-- wpnl -->", "\n")
    return text
