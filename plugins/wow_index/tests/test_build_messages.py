"""Small pieces of the hardening: what a writer is told, and how."""

from __future__ import annotations

import logging
import sys

import markdown
from jinja2 import DictLoader
from pelican.plugins.wow_index.cli.searchcheck import pagefind_suspects
from pelican.plugins.wow_index.index.moments import unclosed_attribute_lists
from pelican.plugins.wow_index.problems import Problem, WowContentError
from pelican.plugins.wow_index.safety.templatecheck import has_template
from pelican.plugins.wow_index.safety.tracebacks import QuietTracebacks


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["markdown.extensions.extra"])


def test_an_attribute_list_left_open_is_found_and_a_closed_one_is_not():
    html = render(
        "## Waited on hold {: .phone .meh\n\n"
        "## Called back {: .phone .good }\n\n"
        "## A heading with {braces} in it\n"
    )
    [issue] = unclosed_attribute_lists(html)
    assert issue.heading == "Waited on hold {: .phone .meh"
    assert "Waited on hold {: .phone .meh }" in issue.message
    assert unclosed_attribute_lists(render("## Plain heading\n")) == []


def record(error: BaseException, level: int = logging.CRITICAL) -> logging.LogRecord:
    try:
        raise error
    except BaseException:
        info = sys.exc_info()
    return logging.LogRecord("pelican", level, __file__, 1, "%s", ("x",), info)


def test_tracebacks_are_dropped_unless_debugging():
    logger = logging.getLogger("pelican")
    saved = logger.level
    try:
        logger.setLevel(logging.WARNING)
        quiet = QuietTracebacks()
        plain = record(OSError("disk full"))
        assert quiet.filter(plain) and plain.exc_info is None
        assert "--debug" in plain.getMessage()
        strict = record(WowContentError([Problem("a.md", "Verdict", "unknown")]))
        assert quiet.filter(strict) and strict.exc_info is None
        assert "--debug" not in strict.getMessage()
        logger.setLevel(logging.DEBUG)
        debugging = record(OSError("disk full"))
        assert quiet.filter(debugging) and debugging.exc_info is not None
    finally:
        logger.setLevel(saved)


def test_a_template_is_found_with_pelicans_extensions_only():
    loader = DictLoader({"article.html": "x", "sitemap.xml": "y"})
    assert has_template(loader, "article", [".html"])
    assert has_template(loader, "sitemap", [".html", ".xml"])
    assert not has_template(loader, "no-such", [".html"])
    assert not has_template(loader, "../../etc/passwd", [".html"])
    assert not has_template(loader, "", [".html"])


def test_pagefind_suspects_name_the_page(tmp_path):
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "index.html").write_text('<html lang="en"><p>x</p>')
    (tmp_path / "bad.html").write_text('<html lang="en-aaaaaaaa-bbbbbbbb-cccccccc">')
    assert pagefind_suspects(tmp_path) == [
        "bad.html: <html lang='en-aaaaaaaa-bbbbbbbb-cccccccc'> is not a language tag"
    ]


def test_a_template_error_keeps_the_template_and_line(tmp_path):
    from jinja2 import Environment, FileSystemLoader, TemplateSyntaxError
    from pelican.plugins.wow_index.safety.tracebacks import template_location

    (tmp_path / "broken.html").write_text("line one\n{% if %}x{% endif %}\n")
    (tmp_path / "fails.html").write_text("line one\nline two\n{{ 1 // n }}\n")
    environment = Environment(loader=FileSystemLoader(str(tmp_path)))
    try:
        environment.get_template("broken.html")
    except TemplateSyntaxError as error:
        assert template_location(error).endswith("broken.html, line 2)")
    try:
        environment.get_template("fails.html").render(n=0)
    except ZeroDivisionError as error:
        assert template_location(error).endswith("fails.html, line 3)")
    assert template_location(OSError("disk full")) == ""
