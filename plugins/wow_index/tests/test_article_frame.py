"""Reading the box a theme's article template puts around an article's text."""

import pytest
from jinja2 import DictLoader, Environment
from pelican.plugins.wow_index.pages.article_frame import (
    FRAMED,
    Frame,
    choose_frame,
    extends_wow_base,
    frame_from_markup,
    frame_loader_source,
    frame_of_article,
    title_joiner,
    with_heading_class,
)
from pelican.plugins.wow_index.settings import SettingsError, load_settings

BASE = "<body>{% block content %}{% endblock %}</body>"


def env(**templates: str) -> Environment:
    return Environment(
        loader=DictLoader({"base.html": BASE, **templates}),
        extensions=["jinja2.ext.i18n"],
    )


def frame(article: str, block: str = "content", **templates: str) -> str | None:
    found = frame_of_article(
        env(**{"article.html": article}, **templates), "article.html", block
    )
    return found.open if found else None


def test_the_open_boxes_at_the_content_with_their_fixed_id_and_class():
    assert (
        frame(
            '{% extends "base.html" %}{% block content %}'
            '<section id="content" class="body"><article><header>'
            '<h1 class="entry-title">{{ article.title }}</h1></header>'
            '<div class="entry-content">{% include "infos.html" %}'
            "{{ article.content }}</div></article></section>{% endblock %}"
        )
        == '<section id="content" class="body"><article><div class="entry-content">'
    )


def test_computed_ids_and_classes_are_left_out():
    assert frame(
        '{% block content %}<article id="{{ article.slug }}" '
        'class="single {{ article.category }} post">'
        "<div>{{ article.content|safe }}</div></article>{% endblock %}"
    ) == ('<article class="single post"><div>')


def test_the_branch_that_writes_the_content_is_followed():
    assert (
        frame(
            "{% block content %}<main>"
            '{% if ads %}<div class="ad"><ins></ins></div>{% endif %}'
            '{% if article.series %}<div class="series">{{ article.series }}</div>'
            '{% else %}<div class="text">{{ article.content }}</div>{% endif %}'
            "</main>{% endblock %}"
        )
        == '<main><div class="text">'
    )


def test_a_nested_block_is_read_from_the_template_that_fills_it():
    layout = (
        '{% block content %}<article class="post">{% block body %}{% endblock %}'
        "</article>{% endblock %}"
    )
    assert (
        frame(
            '{% extends "layout.html" %}{% block body %}<div class="post-body">'
            "{{ article.content }}</div>{% endblock %}",
            **{"layout.html": layout},
        )
        == '<article class="post"><div class="post-body">'
    )


def test_a_count_of_the_content_is_not_the_content():
    assert (
        frame(
            "{% block content %}<article><header><p>{{ article.content|wordcount }}"
            ' words</p></header><div class="body">{{ article.content }}</div>'
            "</article>{% endblock %}"
        )
        == '<article><div class="body">'
    )


def test_inline_elements_end_the_box_and_void_ones_are_skipped():
    assert (
        frame(
            '{% block content %}<div class="a"><hr><img src=x><p>'
            "{{ article.content }}</p></div>{% endblock %}"
        )
        == '<div class="a">'
    )


def test_the_block_the_theme_names():
    assert (
        frame(
            "{% block main %}<article>{{ article.content }}</article>{% endblock %}",
            block="main",
        )
        == "<article>"
    )


@pytest.mark.parametrize(
    "article",
    [
        "{% block content %}{{ article.content }}{% endblock %}",
        "{% block content %}<div>{% include 'body.html' %}</div>{% endblock %}",
        "{% block other %}<div>{{ article.content }}</div>{% endblock %}",
        "{% block content %}<div>{{ article.summary }}</div>{% endblock %}",
    ],
)
def test_no_box_when_the_content_is_not_found_in_one(article):
    assert frame(article) is None


def test_no_article_template_means_no_box():
    settings = {"WOW_CONTENT_WRAPPER": "auto", "TEMPLATE_EXTENSIONS": [".html"]}
    assert choose_frame(env(), settings, standalone=False) is None


def test_the_setting_chooses():
    themed = env(
        **{
            "article.html": "{% block content %}<article>{{ article.content }}"
            "</article>{% endblock %}"
        }
    )
    auto = {"WOW_CONTENT_WRAPPER": "auto", "TEMPLATE_EXTENSIONS": [".html"]}
    assert choose_frame(themed, auto, standalone=False).open == "<article>"
    assert choose_frame(themed, auto, standalone=True) is None
    assert choose_frame(themed, {"WOW_CONTENT_WRAPPER": None}, False) is None
    named = {"WOW_CONTENT_WRAPPER": '<div class="post">'}
    assert choose_frame(themed, named, standalone=True).open == '<div class="post">'


def test_named_markup_round_trips_and_is_escaped():
    given = frame_from_markup('<main>\n  <div id="x" class="a  b">')
    assert (given.open, given.close) == (
        '<main><div id="x" class="a b">',
        "</div></main>",
    )


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ('<div class="post">text', "has 'text'"),
        ("<div></div>", "has '</div>'"),
        ("<p>", "may only open <article>, <div>, <main>, <section> elements"),
        ("", "may only open"),
        ('<div class="{{ x }}">', "has template code or braces"),
    ],
)
def test_named_markup_that_is_not_opening_boxes_is_refused(markup, problem):
    with pytest.raises(SettingsError) as error:
        frame_from_markup(markup)
    message = str(error.value)
    assert message.startswith(f"WOW_CONTENT_WRAPPER = {markup!r} {problem}")
    assert "'auto'" in message and "None" in message


def test_which_templates_extend_wow_base():
    templates = env(
        **{
            "wow/page.html": "{% extends wow_base %}{% block content %}x{% endblock %}",
            "wow/child.html": '{% extends "wow/page.html" %}',
            "wow/own.html": '{% extends "base.html" %}',
            "wow/alone.html": "<p>alone</p>",
        }
    )
    assert extends_wow_base(templates, "wow/page.html")
    assert extends_wow_base(templates, "wow/child.html")
    assert not extends_wow_base(templates, "wow/own.html")
    assert not extends_wow_base(templates, "wow/alone.html")
    assert not extends_wow_base(templates, "wow/missing.html")


def test_the_framed_child_wraps_the_page_and_nothing_else():
    box = frame_from_markup('<article class="single"><div>')
    templates = env(
        **{
            "wow/page.html": "{% extends wow_base %}{% block title %}T{% endblock %}"
            '{% block content %}<section class="wow-x">{{ text|e }}</section>'
            "{% endblock %}",
            "layout.html": "<title>{% block title %}{% endblock %}</title>"
            "<main>{% block content %}{% endblock %}</main>",
        }
    )
    templates.loader.mapping[FRAMED + "wow/page.html"] = frame_loader_source(
        FRAMED + "wow/page.html", box
    )
    assert frame_loader_source("wow/page.html", box) is None
    page = templates.get_template(FRAMED + "wow/page.html").render(
        wow_base="layout.html",
        wow={"css_url": "wow/wow.css"},
        SITEURL="..",
        text="<b>",
    )
    assert page == (
        '<title>T</title><main><article class="single"><div>'
        '<link rel="stylesheet" href="../wow/wow.css"><div class="wow-page">'
        '<section class="wow-x">&lt;b&gt;</section></div></div></article></main>'
    )


def test_a_theme_that_writes_the_site_name_in_the_title_gets_the_page_part():
    flexlike = env(
        **{
            "base.html": "<html><head><title>{{ SITENAME }}{% block title %}"
            "{% endblock %}</title></head><body>{% block content %}{% endblock %}",
            "article.html": '{% extends "base.html" %}{% block title %} &ndash; '
            "{{ article.title }}{% endblock %}",
        }
    )
    assert title_joiner(flexlike, "base.html") == " &ndash; "
    # No article template (or one that starts its title otherwise): a dash.
    del flexlike.loader.mapping["article.html"]
    assert title_joiner(flexlike, "base.html") == " – "


@pytest.mark.parametrize(
    "base",
    [
        "<title>{% block title %}{{ SITENAME }}{% endblock %}</title>",
        "<title>\n  {% block title %}{% endblock %}</title>",
        "<title>Site</title>{% block title %}{% endblock %}",
        "{% block content %}{% endblock %}",
    ],
)
def test_a_title_block_that_holds_the_whole_title_is_left_alone(base):
    assert title_joiner(env(**{"base.html": base}), "base.html") is None


def test_the_framed_title_drops_the_site_name_the_theme_writes_already():
    templates = env(
        **{
            "wow/page.html": "{% extends wow_base %}{% block title %}Q&amp;A – "
            "{{ SITENAME|striptags|e }}{% endblock %}{% block content %}x"
            "{% endblock %}",
            "layout.html": "<title>{{ SITENAME|e }}{% block title %}{% endblock %}"
            "</title>{% block content %}{% endblock %}",
        }
    )
    name = FRAMED + "wow/page.html"
    for autoescape in (False, True):
        templates.autoescape = autoescape
        templates.loader.mapping[name] = frame_loader_source(name, None, " &ndash; ")
        templates.cache.clear()
        page = templates.get_template(name).render(
            wow_base="layout.html", wow={}, SITENAME="Tom & Co"
        )
        assert page.startswith("<title>Tom &amp; Co &ndash; Q&amp;A</title>")


def test_the_heading_of_the_article_title_lends_its_classes():
    found = frame_of_article(
        env(
            **{
                "article.html": "{% block content %}<section><header>"
                '<h1 class="entry-title {{ x }}"><a href="{{ article.url }}">'
                "{{ article.title|striptags }}</a></h1></header>"
                "<div>{{ article.content }}</div></section>{% endblock %}"
            }
        )
    )
    assert found.heading == ("entry-title",)
    assert (
        frame_of_article(
            env(
                **{
                    "article.html": "{% block content %}<article><h2>"
                    "{{ article.title }}</h2>{{ article.content }}</article>"
                    "{% endblock %}"
                }
            )
        ).heading
        == ()
    )


@pytest.mark.parametrize("autoescape", [False, True])
def test_the_framed_page_s_first_plain_h1_takes_the_heading_classes(autoescape):
    box = Frame(
        (("article", None, ()),), "article.html", heading=("entry-title", "big")
    )
    templates = env(
        **{
            "wow/page.html": "{% extends wow_base %}{% block content %}"
            "<h1>{{ name }}</h1><h1>Second</h1>{% endblock %}",
            "layout.html": "<main>{% block content %}{% endblock %}</main>",
        }
    )
    templates.autoescape = autoescape
    templates.globals["wow_heading"] = with_heading_class
    name = FRAMED + "wow/page.html"
    templates.loader.mapping[name] = frame_loader_source(name, box)
    page = templates.get_template(name).render(
        wow_base="layout.html", wow={}, name="Q&A" if autoescape else "Q&amp;A"
    )
    assert page == (
        '<main><article><div class="wow-page"><h1 class="entry-title big">'
        "Q&amp;A</h1><h1>Second</h1></div></article></main>"
    )


def test_the_setting_is_checked_with_the_other_settings():
    with pytest.raises(SettingsError, match=r"^WOW_CONTENT_WRAPPER = '<p>' may only"):
        load_settings({"WOW_CONTENT_WRAPPER": "<p>"})
    for fine in ("auto", None, "", '<main><div class="post">'):
        load_settings({"WOW_CONTENT_WRAPPER": fine})
