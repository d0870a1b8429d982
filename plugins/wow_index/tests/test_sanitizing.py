"""Cleaning writers' HTML, without running Pelican."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.plugins.wow_index.safety.sanitizing import (
    clean_html,
    removed_markup,
    sanitize_content,
    unclosed_tags,
)

MARKDOWN_OUTPUT = (
    '<h2 class="phone bad" id="called">Called</h2>\n'
    '<p><a href="{filename}/stories/x.md">x</a> <img alt="a" src="{static}/a.png">'
    '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>\n'
    "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>"
)


def test_what_markdown_makes_passes_unchanged():
    assert clean_html(MARKDOWN_OUTPUT) == MARKDOWN_OUTPUT


def test_table_alignment_is_kept_and_nothing_reported():
    html = '<table><tbody><tr><td style="text-align: right; color: red">1</td>'
    html += "</tr></tbody></table>"
    cleaned = clean_html(html)
    assert 'style="text-align:right"' in cleaned
    assert removed_markup(html) == [] and unclosed_tags(html) == []


def test_script_handlers_and_unsafe_urls_are_removed_and_named():
    html = (
        '<p onclick="x()">a<script>alert(1)</script>'
        '<a href=" JaVa\tscript:alert(1)">b</a><iframe src="x"></iframe></p>'
    )
    cleaned = clean_html(html)
    assert "script" not in cleaned.lower() and "onclick" not in cleaned
    assert "<iframe" not in cleaned
    assert removed_markup(html) == [
        "onclick=",
        "<script>",
        "javascript: URL",
        "<iframe>",
    ]


def test_unclosed_tags_are_closed_and_named():
    html = "<div><table><tr><td>cell<p>text"
    assert unclosed_tags(html) == ["div", "table"]
    cleaned = clean_html(html)
    assert cleaned.endswith("</table></div>")
    assert unclosed_tags("<ul><li>a<li>b</ul><br>") == []


def test_an_article_is_cleaned_in_place_with_one_problem_per_field():
    story = SimpleNamespace(
        source_path="s.md",
        metadata={"summary": "<b>ok</b><script>x</script>"},
        _summary="<b>ok</b><script>x</script>",
        _content="<p>fine</p>",
    )
    [problem] = sanitize_content(story)
    assert story._summary == story.metadata["summary"] == "<b>ok</b>"
    assert story._content == "<p>fine</p>"
    assert problem.field == "Summary" and "removed <script>" in problem.message
