"""Which static files may be published, without a build."""

from __future__ import annotations

import pytest
from pelican.plugins.wow_index.safety.static_files import static_problem, svg_findings

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">{}</svg>'


def test_a_plain_drawing_is_safe():
    drawing = (
        '<defs><linearGradient id="g"/></defs><title>t</title>'
        '<rect fill="url(#g)" style="fill: #fff"/><use href="#g"/>'
        '<image href="data:image/png;base64,AAAA"/>'
    )
    assert svg_findings(SVG.format(drawing).encode()) == []


@pytest.mark.parametrize(
    ("inside", "found"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<rect onclick="x()"/>', "onclick="),
        ('<image x:href="https://elsewhere.example/t.png"/>', "a reference to"),
        ('<a href=" java\tscript:x()"><rect/></a>', "a reference to"),
        ('<rect style="fill: url(https://elsewhere.example/f)"/>', "url(https"),
        ("<style>@import 'https://elsewhere.example/x.css';</style>", "an @import"),
        ("<foreignObject><p>x</p></foreignObject>", "<foreignobject>"),
        ('<a><set attributeName="href" to="javascript:x()"/></a>', "<set> that"),
        ('<image href="data:image/svg+xml;base64,AAAA"/>', "a reference to"),
    ],
)
def test_what_runs_or_reaches_outside_is_named(inside, found):
    findings = svg_findings(SVG.format(inside).encode())
    assert any(f.startswith(found) for f in findings), findings


def test_entities_and_broken_xml_are_refused_without_expanding():
    bomb = (
        b'<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><svg>&b;</svg>'
    )
    assert svg_findings(bomb) == ["a DOCTYPE or ENTITY declaration"]
    assert svg_findings(b"<svg><rect></svg>")[0].startswith("XML that does not parse")


@pytest.mark.parametrize("name", ["a.html", "b/c.HTM", "d.js", "e.mjs", "f.xhtml"])
def test_pages_and_scripts_are_refused_unless_listed(name, tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    problem = static_problem(name, str(path), [])
    assert problem is not None and "WOW_STATIC_ACTIVE_FILES" in problem.message
    assert static_problem(name, str(path), [name]) is None
    assert static_problem(name, str(path), ["*"]) is None


def test_other_files_are_published(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG")
    assert static_problem("images/photo.png", str(path), []) is None
