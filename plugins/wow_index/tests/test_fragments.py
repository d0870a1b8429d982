"""The fragment cache behind ``wow_once``: a listing entry renders once per
set of inputs, and different stories never share an entry."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment
from pelican.plugins.wow_index.pages.fragments import FragmentCache

TEMPLATE = (
    "{% for a in articles %}"
    '{% call wow_once("item", a, SITEURL) %}<li>{{ a.title }} {{ SITEURL }}</li>'
    "{% endcall %}{% endfor %}"
)


def render(cache, articles, siteurl, autoescape=True):
    env = Environment(autoescape=autoescape)
    env.globals["wow_once"] = cache
    return env.from_string(TEMPLATE).render(articles=articles, SITEURL=siteurl)


def test_an_entry_renders_once_per_story_and_depth():
    calls = []
    cache = FragmentCache()

    def caller():
        calls.append(1)
        return "x"

    story = SimpleNamespace(title="A")
    assert cache("item", story, "..", caller=caller) == "x"
    assert cache("item", story, "..", caller=caller) == "x"
    assert len(calls) == 1
    cache("item", story, "../..", caller=caller)
    cache("item", SimpleNamespace(title="A"), "..", caller=caller)
    assert len(calls) == 3 and len(cache) == 3


def test_replayed_entries_are_the_same_html_and_stay_escaped():
    a, b = SimpleNamespace(title="<b>A</b>"), SimpleNamespace(title="B")
    cache = FragmentCache()
    first = render(cache, [a, b], "..")
    again = render(cache, [b, a], "..")
    assert first == "<li>&lt;b&gt;A&lt;/b&gt; ..</li><li>B ..</li>"
    assert again == "<li>B ..</li><li>&lt;b&gt;A&lt;/b&gt; ..</li>"
    # Another depth is another entry, with its own links.
    assert render(cache, [a], "../..") == "<li>&lt;b&gt;A&lt;/b&gt; ../..</li>"


def test_without_autoescape_the_entry_is_not_escaped_twice():
    a = SimpleNamespace(title="Tom &amp; Jo")
    cache = FragmentCache()
    assert render(cache, [a, a], "", autoescape=False) == (
        "<li>Tom &amp; Jo </li><li>Tom &amp; Jo </li>"
    )


def test_a_replayed_entry_keeps_its_type_and_text():
    from markupsafe import Markup

    cache = FragmentCache()
    story = SimpleNamespace(title="A")
    text = Markup("<li>caf\u00e9 \u2026 \U0001f600</li>")
    assert cache("item", story, caller=lambda: text) is text
    again = cache("item", story, caller=lambda: "never")
    assert again == text and isinstance(again, Markup)
    plain = cache("plain", story, caller=lambda: "<li>x</li>")
    assert cache("plain", story, caller=lambda: "never") == plain
    assert not isinstance(cache("plain", story, caller=lambda: ""), Markup)
