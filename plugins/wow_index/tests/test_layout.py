"""Choosing the layout the WoW pages extend, without running Pelican."""

import pytest
from jinja2 import DictLoader, Environment
from pelican.plugins.wow_index.pages.layout import (
    ADAPTER,
    STANDALONE,
    block_names,
    choose_layout,
)
from pelican.plugins.wow_index.settings import SettingsError, load_settings

THEMES = {
    "usual/base.html": "<title>{% block title %}{% endblock %}</title>"
    "{% block content %}{% endblock %}",
    "child/base.html": '{% extends "usual/base.html" %}{% block extra %}{% endblock %}',
    "other/base.html": "<title>{% block page_title %}Site{% endblock %}</title>"
    "<main>{% block main %}{% endblock %}</main>",
    "broken/base.html": "{% block content %}{% if %}",
}


def env(**templates: str) -> Environment:
    return Environment(loader=DictLoader({**THEMES, **templates}))


def settings(**values: object) -> dict:
    config = dict(values)
    load_settings(config)
    return config


def test_blocks_are_found_through_extends():
    assert block_names(env(), "child/base.html") == {"title", "content", "extra"}


def test_a_theme_with_title_and_content_is_extended_as_it_is():
    layout = choose_layout(env(), settings(WOW_BASE_TEMPLATE="child/base.html"))
    assert (layout.base, layout.warning, dict(layout.templates)) == (
        "child/base.html",
        None,
        {},
    )


def test_other_block_names_get_an_adapter_that_renders_inside_the_theme():
    layout = choose_layout(
        env(),
        settings(
            WOW_BASE_TEMPLATE="other/base.html",
            WOW_TITLE_BLOCK="page_title",
            WOW_CONTENT_BLOCK="main",
        ),
    )
    assert layout.base == ADAPTER and layout.warning is None
    page = "{% extends wow_base %}{% block title %}T{% endblock %}"
    page += "{% block content %}<p>matrix</p>{% endblock %}"
    environment = env(**layout.templates, page=page)
    html = environment.get_template("page").render(wow_base=layout.base)
    assert html == "<title>T</title><main><p>matrix</p></main>"


def test_no_content_block_means_the_standalone_layout_and_a_hint():
    layout = choose_layout(env(), settings(WOW_BASE_TEMPLATE="other/base.html"))
    assert layout.base == STANDALONE
    assert "no 'content' block (its blocks: main, page_title)" in layout.warning
    assert "WOW_CONTENT_BLOCK" in layout.warning


def test_a_base_that_does_not_parse_has_no_blocks():
    layout = choose_layout(env(), settings(WOW_BASE_TEMPLATE="broken/base.html"))
    assert layout.base == STANDALONE


def test_a_missing_title_block_keeps_the_theme():
    layout = choose_layout(
        env(), settings(WOW_BASE_TEMPLATE="other/base.html", WOW_CONTENT_BLOCK="main")
    )
    assert layout.base == ADAPTER
    assert "no 'title' block" in layout.warning
    assert "{% block title %}" not in layout.templates[ADAPTER]


def test_none_means_the_standalone_layout():
    assert choose_layout(env(), settings(WOW_BASE_TEMPLATE=None)).base == STANDALONE


def test_a_missing_base_template_names_the_setting():
    with pytest.raises(SettingsError, match=r"WOW_BASE_TEMPLATE = 'nope\.html'"):
        choose_layout(env(), settings(WOW_BASE_TEMPLATE="nope.html"))
