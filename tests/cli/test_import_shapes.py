"""``import`` on the shapes real exports have: classic and block-editor
WordPress content, drafts with zero GMT dates, captions, untitled posts,
several exports into one folder, protected posts, tags differing in case,
categories, saved HTML pages with and without an address."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from markdown import Markdown

from commands import invoke, plugin, write
from sitebuild import FIXTURES, metadata_of, write_settings

SHAPES = FIXTURES / "import-shapes"


def body_html(path):
    text = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
    return Markdown(extensions=["extra"]).convert(text)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    into = tmp_path_factory.mktemp("shapes") / "content"
    result = invoke("import", str(SHAPES), "--into", str(into))
    assert result.code == 0, result.err
    return into, result


def test_each_post_keeps_its_own_date_and_none_is_invented(imported):
    into, result = imported
    dates = {p.name: metadata_of(p)["date"] for p in into.glob("*.md")}
    # wp:post_date, the blog's own time, even when post_date_gmt is zero
    # and pubDate is WordPress's -0001 or the Unix epoch.
    assert dates["the-pelican-on-the-quay.md"] == "2015-06-01 08:00"
    assert dates["a-queue-that-moved.md"] == "2014-02-11 19:05"
    assert dates["twenty-minutes-at-the-returns-desk-2015-03-04.md"] == (
        "2015-03-04 10:20"
    )
    assert dates["twenty-minutes-at-the-returns-desk.md"] == "2019-04-02 09:45"
    # Blogger: published, else updated.
    assert dates["the-ticket-machine.md"] == "2013-06-02 18:00"
    assert not [d for d in dates.values() if d.startswith(("1970", "2001-11-30"))]
    # A post with no date at all: today's date, and the report says so.
    today = dt.date.today().isoformat()
    assert dates["notes-for-a-post-about-the-gym.md"].startswith(today)
    assert (
        "notes-for-a-post-about-the-gym.md: no date in the source; the import "
        "date written, correct it" in result.out
    )
    assert metadata_of(into / "the-pelican-on-the-quay.md")["status"] == "draft"


def test_classic_content_gets_wordpress_paragraphs(imported):
    into, _ = imported
    html = body_html(into / "twenty-minutes-at-the-returns-desk-2015-03-04.md")
    paragraphs = re.findall(r"<p>(.*?)</p>", html, re.S)
    assert len(paragraphs) == 6, html  # one is the quote's
    assert paragraphs[0].startswith("I brought the toaster back")
    assert "looked at the crumbs and then at me.<br />" in paragraphs[1]
    assert "<blockquote>\n<p>We cannot take back used appliances" in html
    assert "<li>First he offered a voucher.</li>" in html
    assert (
        paragraphs[-1] == "I will shop there again, but I will keep the box next time."
    )


def test_block_editor_content_keeps_its_paragraphs_without_comment_notes(imported):
    into, result = imported
    html = body_html(into / "twenty-minutes-at-the-returns-desk.md")
    assert len(re.findall(r"<p>", html)) >= 4
    assert "wp:paragraph" not in html
    assert "an HTML comment removed" not in result.out


def test_captions_are_kept_under_their_image(imported):
    into, _ = imported
    quay = (into / "the-pelican-on-the-quay.md").read_text(encoding="utf-8")
    assert (
        "[Image: image](https://countertalk.example.org/wp-content/uploads/2015/06/"
        "pelican.jpg)\n\n*A pelican on the quay, waiting like the rest of us*"
    ) in quay
    assert "[caption" not in quay
    # A link left open around the image ends with the image.
    assert (
        "[[Image: A gull](https://countertalk.example.org/gull-small.jpg)]"
        "(https://countertalk.example.org/gull.jpg)\n\n"
        "*And a gull, with its link left open*"
    ) in quay
    # WordPress's older caption="" attribute, around a linked image.
    queue = (into / "a-queue-that-moved.md").read_text(encoding="utf-8")
    assert "queue-small.jpg)](https://countertalk.example.org/queue.jpg)" in queue
    assert "*The queue at noon*" in queue
    # A block-editor figure's figcaption.
    block = (into / "twenty-minutes-at-the-returns-desk.md").read_text("utf-8")
    assert "*The tree, two weeks in*" in block


def test_untitled_and_same_titled_posts_each_get_their_own_file(imported):
    into, result = imported
    untitled = sorted(p.name for p in into.glob("untitled-*.md"))
    assert len(untitled) == 4, untitled
    dated = r"untitled-(2014-08-09|2014-08-10|2013-05-20)-[0-9a-f]{6}\.md"
    assert all(re.fullmatch(dated, n) for n in untitled)
    slugs = {metadata_of(into / n)["slug"] for n in untitled}
    assert slugs == {n[:-3] for n in untitled}
    bodies = {body_html(into / n) for n in untitled}
    assert len(bodies) == 4
    assert "had no title: 4 times in 4 files (" in result.out
    # Two blogs' posts with one title: both kept, the second with its date.
    second = metadata_of(into / "twenty-minutes-at-the-returns-desk-2015-03-04.md")
    assert second["slug"] == "twenty-minutes-at-the-returns-desk-2015-03-04"
    assert plugin("check", str(into)).code == 0


def test_importing_the_same_exports_again_finds_the_same_names(imported, tmp_path):
    into, _ = imported
    before = {p.name: p.read_bytes() for p in into.glob("*.md")}
    again = plugin("import", str(SHAPES), "--into", str(into), "--json")
    report = json.loads(again.out)
    assert again.code == 1 and report["written"] == []
    assert {p.name: p.read_bytes() for p in into.glob("*.md")} == before
    # Into a fresh folder, the same names as the first time.
    fresh = plugin("import", str(SHAPES), "--into", str(tmp_path / "c"), "--json")
    assert sorted(p.name for p in (tmp_path / "c").glob("*.md")) == sorted(before)
    assert fresh.code == 0


def test_protected_posts_are_drafts_with_a_note(imported):
    into, result = imported
    meta = metadata_of(into / "what-the-landlord-said.md")
    assert meta["status"] == "draft"
    assert (
        "what-the-landlord-said.md: password-protected on the old blog: imported "
        "as a draft" in result.out
    )


def test_first_category_is_the_category_and_tags_are_merged_by_case(imported):
    into, _ = imported
    meta = metadata_of(into / "twenty-minutes-at-the-returns-desk-2015-03-04.md")
    assert meta["category"] == "Shops"
    assert meta["tags"] == "Retail, refunds, returns"
    block = metadata_of(into / "twenty-minutes-at-the-returns-desk.md")
    assert block["category"] == "Garden" and block["tags"] == "Receipts"
    # Blogger labels are tags, merged by case too.
    (train,) = into.glob("untitled-2013-05-20-*.md")
    assert metadata_of(train)["tags"] == "Trains, refunds"
    # WordPress's default category is no category.
    assert "category" not in metadata_of(into / "the-pelican-on-the-quay.md")


def test_a_page_records_its_own_address_or_none(imported):
    into, _ = imported
    plumber = metadata_of(into / "the-plumber-who-came-back.md")
    assert (
        plumber["original-url"] == "https://pipes.example.net/posts/plumber-came-back"
    )
    assert "original-url" not in metadata_of(into / "a-saved-page-with-no-address.md")


def export_with_images(posts: int) -> str:
    items = "".join(
        f"""<item><title>Visit {n}</title>
<link>https://many.example.org/{n}/</link>
<content:encoded><![CDATA[<!-- wp:paragraph -->
<p>Visit {n} to the shop.</p>
<!-- /wp:paragraph --><!-- a note -->
<img src="https://many.example.org/{n}.jpg" alt="Shop {n}">]]></content:encoded>
<wp:post_date>2018-01-{n + 10} 10:00:00</wp:post_date>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"""
        for n in range(1, posts + 1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Many</title>{items}
</channel></rss>"""


def test_repeated_notes_are_one_line_with_a_count_and_verbose_lists_each(tmp_path):
    source = write(tmp_path / "many.xml", export_with_images(12))
    result = invoke("import", str(source), "--into", str(tmp_path / "a"))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    grouped = [
        line for line in lines if line.strip().startswith("image kept as a link:")
    ]
    assert len(grouped) == 1
    assert "12 times in 12 files (" in grouped[0]
    assert "--verbose lists each" in grouped[0]
    assert "an HTML comment removed: 12 times in 12 files" in result.out
    assert "and 2 more (--verbose lists each)" in result.out
    assert len(lines) < 25
    verbose = invoke("import", str(source), "--into", str(tmp_path / "b"), "--verbose")
    assert verbose.out.count("image kept as a link to https://many.example.org/") == 12
    assert verbose.out.count("      from https://many.example.org/") == 12


def site_settings(tmp_path):
    content = tmp_path / "site" / "content"
    (content / "stories").mkdir(parents=True)
    return content, write_settings(
        tmp_path / "site" / "conf.py",
        PATH=str(content),
        ARTICLE_PATHS=["stories"],
        PAGE_PATHS=["pages"],
    )


def test_import_warns_when_the_folder_is_not_read_by_the_site(tmp_path):
    content, conf = site_settings(tmp_path)
    page = str(SHAPES / "og-url.html")
    outside = plugin(
        "import", page, "--into", str(content / "imported"), "-s", str(conf)
    )
    assert outside.code == 0
    assert "imported is not in the site's ARTICLE_PATHS (stories)" in outside.err
    assert "add 'imported' to ARTICLE_PATHS" in outside.err
    check = plugin("check", str(content / "imported"), "-s", str(conf))
    assert "path: is not in the site's ARTICLE_PATHS" in check.out
    inside = plugin("import", page, "--into", str(content / "stories"), "-s", str(conf))
    assert inside.code == 0 and "warning" not in inside.err
    away = plugin(
        "import", page, "--into", str(tmp_path / "elsewhere"), "-s", str(conf)
    )
    assert "is outside the site's content folder" in away.err


def test_import_suggests_a_company_of_the_site_in_its_spelling(tmp_path):
    content, conf = site_settings(tmp_path)
    write(
        content / "stories" / "known.md",
        "Title: Known\nDate: 2026-01-01\nTouchpoint: store\nVerdict: good\n"
        "Company: Kettle & Co\n\nFine.\n",
    )
    page = write(
        tmp_path / "lid.html",
        "<html><head><title>The lid</title></head><body><p>I took the teapot "
        "back to kettle and co on Saturday and they fitted a new lid while I "
        "waited.</p></body></html>",
    )
    into = content / "stories" / "imported"
    result = plugin("import", str(page), "--into", str(into), "-s", str(conf))
    assert result.code == 0, result.err
    (story,) = into.glob("*.md")
    assert "Suggested-Company: Kettle & Co\n" in story.read_text(encoding="utf-8")
