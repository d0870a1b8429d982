"""``import``: HTML pages, Blogger and WordPress exports become stories."""

from __future__ import annotations

import json

import pytest
from markdown import Markdown

from commands import invoke, plugin
from sitebuild import FIXTURES, build_site, metadata_of

SOURCES = FIXTURES / "import"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    into = tmp_path_factory.mktemp("import") / "content"
    result = invoke("import", str(SOURCES), "--into", str(into))
    assert result.code == 0, result.err
    return into, result


def test_every_post_becomes_a_story_with_its_fields(imported):
    into, _ = imported
    names = sorted(p.name for p in into.glob("*.md"))
    assert names == [
        "a-draft-about-a-courier.md",
        "forty-minutes-on-hold-with-my-bank.md",
        "the-kettle-i-returned-twice.md",
        "the-parcel-that-came-back-to-me.md",
    ]
    bank = metadata_of(into / "forty-minutes-on-hold-with-my-bank.md")
    assert bank["date"] == "2012-11-02 09:15+08:00" or bank["date"].startswith(
        "2012-11-02 09:15"
    )
    assert bank["author"] == "Daniel Koh"
    assert bank["original-url"].endswith("/2012/11/forty-minutes-on-hold.html")
    assert bank["tags"] == "banks"
    assert bank["suggested-touchpoint"].startswith("phone")
    assert bank["suggested-verdict"] == "bad"
    assert "touchpoint" not in bank and "verdict" not in bank
    assert metadata_of(into / "a-draft-about-a-courier.md")["status"] == "draft"
    parcel = metadata_of(into / "the-parcel-that-came-back-to-me.md")
    assert parcel["author"] == "amara" and parcel["tags"] == "parcels"
    assert parcel["category"] == "Deliveries"
    kettle = metadata_of(into / "the-kettle-i-returned-twice.md")
    assert kettle["title"] == "The kettle I returned twice"
    assert kettle["author"] == "Rosa Ferreira"
    assert kettle["date"].startswith("2019-03-07 18:30")


def test_images_are_links_and_nothing_can_inject_markup(imported):
    into, _ = imported
    text = (into / "the-kettle-i-returned-twice.md").read_text(encoding="utf-8")
    assert (
        "[Image: The kettle on the counter]"
        "(https://old-blog.example.net/images/kettle.jpg)" in text
    )
    assert "javascript:" not in text
    html = Markdown(extensions=["extra"]).convert(text.split("\n\n", 1)[1])
    assert "<script" not in html and "<iframe" not in html and "<form" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="https://video.example.net/embed/kettle-lid"' in html
    # WordPress paragraphs (blank lines, no <p>) stay paragraphs.
    parcel = (into / "the-parcel-that-came-back-to-me.md").read_text(encoding="utf-8")
    assert "\n\nAfter three emails" in parcel and "[gallery" not in parcel


def test_the_report_lists_what_was_not_converted_and_what_was_skipped(imported):
    _, result = imported
    out = result.out
    assert "4 stories written" in out
    for expected in (
        "<iframe> kept as a link to https://video.example.net/embed/kettle-lid",
        "<form> removed",
        "link 'javascript:alert(2)' removed",
        "shortcode [gallery] removed",
        "image kept as a link to https://old-blog.example.net/images/kettle.jpg",
        "an HTML comment removed",
        "1 blogger comment",
        "1 wordpress page",
        "1 wordpress attachment",
        "1 wordpress comment",
    ):
        assert expected in out, expected


def test_suggestions_are_not_published_as_tags_and_check_reminds(imported, tmp_path):
    into, _ = imported
    check = plugin("check", str(into))
    assert check.code == 0, check.out
    # One line for all pending suggestions; --verbose names each field.
    assert check.out.count("4 stories carry suggested tags to confirm") == 1
    assert "Suggested-Touchpoint: is a suggestion" not in check.out
    verbose = plugin("check", str(into), "--verbose")
    assert verbose.out.count("Suggested-Touchpoint: is a suggestion") == 4
    build = build_site(into, tmp_path / "output")
    assert build.returncode == 0, build.log
    assert build.log.count("carry suggested tags to confirm") == 1
    assert "is a suggestion" not in build.log
    data = json.loads((tmp_path / "output" / "wow" / "index.json").read_text())
    assert data["stories"] == []


def test_importing_again_never_overwrites(imported):
    into, _ = imported
    story = into / "the-kettle-i-returned-twice.md"
    story.write_text(
        story.read_text(encoding="utf-8") + "\nMy edit.\n", encoding="utf-8"
    )
    again = plugin("import", str(SOURCES / "page.html"), "--into", str(into), "--json")
    report = json.loads(again.out)
    assert report["written"] == []
    assert any("already exists" in line for line in report["not_converted"])
    assert "My edit." in story.read_text(encoding="utf-8")
    assert again.code == 1
