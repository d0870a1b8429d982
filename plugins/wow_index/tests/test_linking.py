"""Pelican's link placeholders rewritten on cleaned HTML, without a build."""

from __future__ import annotations

import nh3
from hypothesis import given
from hypothesis import strategies as st
from pelican.plugins.wow_index.safety.linking import (
    escape_attribute,
    placeholder_links,
    rewrite_links,
)
from pelican.plugins.wow_index.safety.sanitizing import clean_html

SETTINGS = {"INTRASITE_LINK_REGEX": "[{|](?P<what>.*?)[|}]"}


def test_only_url_attributes_that_start_with_a_placeholder_are_found():
    html = clean_html(
        '<p><a href="{filename}a&amp;b.md?x=&quot;y">a</a>'
        "<abbr title=\"href='{filename}c.md'\">t</abbr>"
        '<img alt="{static}x" src="|static|/i.png"> {tag}text</p>'
    )
    found = placeholder_links(html, SETTINGS)
    assert [(t.what, t.target) for t in found] == [
        ("filename", 'a&b.md?x="y'),
        ("static", "/i.png"),
    ]


def test_a_resolved_target_is_escaped_and_the_markup_around_it_kept():
    html = clean_html('<p><a href="{filename}a.md" class="x">a</a> b</p>')
    rewritten = rewrite_links(
        html, SETTINGS, lambda t: '../a/?"><script src=/x.js></script>'
    )
    assert rewritten == (
        '<p><a href="../a/?&quot;&gt;&lt;script src=/x.js&gt;&lt;/script&gt;" '
        'class="x">a</a> b</p>'
    )
    assert clean_html(rewritten) == rewritten


def test_an_unresolved_target_leaves_the_text_without_the_link():
    html = clean_html('<p><a href="{anything}javascript:x()">the text</a></p>')
    assert rewrite_links(html, SETTINGS, lambda t: None) == "<p><a>the text</a></p>"


def test_html_without_placeholders_is_returned_as_the_same_object():
    html = clean_html("<p>{filename} in text, | pipes | too</p>")
    assert rewrite_links(html, SETTINGS, lambda t: "x") is html


def test_escaping_matches_the_sanitisers_serialiser():
    value = "a&b\"c<d>e\xa0f'g"
    html = f'<a href="{escape_attribute(value)}">x</a>'
    assert nh3.clean(html, link_rel=None) == html


@given(st.text(max_size=40))
def test_whatever_a_target_resolves_to_no_element_is_added(url):
    html = clean_html('<p><a href="{filename}a.md">a</a><img src="{static}b"></p>')
    rewritten = rewrite_links(html, SETTINGS, lambda t: url)
    cleaned = clean_html(rewritten)
    # Only the attribute values changed: the same elements, no new ones.
    assert cleaned.count("<") == html.count("<")
    assert "<script" not in cleaned
    # The parser reads NUL as U+FFFD and CR as LF, hence the second cleaning.
    if not set(url) & {"\x00", "\r"}:
        assert cleaned == rewritten
