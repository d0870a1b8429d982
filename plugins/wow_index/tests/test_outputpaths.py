"""Where a story may be written: the pure rules (``outputpaths``), the
site's own outputs (``siteoutputs``) and one story's repair (``storypaths``)."""

from __future__ import annotations

import datetime

import pytest
from pelican.contents import Article
from pelican.plugins.wow_index.safety.outputpaths import (
    MAX_SLUG_BYTES,
    Outputs,
    clash,
    clean_slug,
    is_language_tag,
    normalise_output_path,
    shorten_slug,
)
from pelican.plugins.wow_index.safety.recovery import resolve_collisions
from pelican.plugins.wow_index.safety.siteoutputs import site_outputs
from pelican.plugins.wow_index.safety.storypaths import secure_paths
from pelican.settings import DEFAULT_CONFIG


@pytest.mark.parametrize(
    ("path", "normal"),
    [
        ("./index.html", "index.html"),
        ("search//index.html", "search/index.html"),
        ("stories/../wow/index.html", "wow/index.html"),
        ("stories/a/", "stories/a/"),
        ("a/./b.html", "a/b.html"),
    ],
)
def test_paths_are_spelt_one_way(path, normal):
    assert normalise_output_path(path) == (normal, None)


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/etc/passwd", "is absolute"),
        ("C:/x.html", "is absolute"),
        ("https://elsewhere.example/", "is absolute"),
        ("../x.html", "leaves the output folder"),
        ("a/../../x.html", "leaves the output folder"),
        ("a\\b.html", "backslash"),
        ("a\u202eb.html", "control or invisible"),
        ("x" * 256 + ".html", "file systems take 255 at most"),
        ("/".join(["folder"] * 200), "longer than 1024 bytes"),
        ("./", "the output folder itself"),
        (".htaccess", "hidden file or folder"),
        ("stories/.well-known/x.html", "hidden file or folder"),
        ("_redirects", "web hosts read as their configuration"),
        ("docs/Web.config", "web hosts read as their configuration"),
        ("", "is empty"),
    ],
)
def test_paths_no_story_may_take_are_refused_with_a_reason(path, why):
    normal, reason = normalise_output_path(path)
    assert normal == "" and reason is not None and why in reason


def test_a_clash_is_the_same_file_or_an_overlap():
    outputs = Outputs()
    outputs.add_file("wow/index.json", "WOW_JSON_SAVE_AS")
    outputs.add_file("wow/index.html", "the WoW index")
    outputs.add_folder("pagefind", "the search index")
    assert clash("wow/index.json", outputs) == "WOW_JSON_SAVE_AS"
    assert clash("wow/index.json/index.html", outputs) == "WOW_JSON_SAVE_AS"
    assert clash("wow", outputs) == "WOW_JSON_SAVE_AS"  # a file where a folder goes
    assert clash("pagefind/pagefind.js", outputs) == "the search index"
    assert clash("pagefind", outputs) == "the search index"
    assert clash("stories/wow/index.html", outputs) is None
    assert clash("wow-2/index.html", outputs) is None
    # As file systems that ignore case see it.
    assert clash("WOW/Index.JSON", outputs) == "WOW_JSON_SAVE_AS"


def test_long_slugs_are_cut_at_a_word_with_a_stable_hash():
    slug = "-".join(["waited"] * 60)
    short = shorten_slug(slug)
    assert short == shorten_slug(slug)  # deterministic
    assert len(short.encode()) <= MAX_SLUG_BYTES
    head, digest = short.rsplit("-", 1)
    assert len(digest) == 8 and set(head.split("-")) == {"waited"}
    other = shorten_slug("-".join(["waited"] * 61))
    assert other != short  # two long titles alike at the start stay apart
    assert shorten_slug("short-slug") == "short-slug"
    multibyte = shorten_slug("é" * 200)
    assert len(multibyte.encode()) <= MAX_SLUG_BYTES
    multibyte.encode("utf-8")  # no character cut in half


def test_slugs_lose_bidi_and_control_characters():
    assert clean_slug("invoice\u202egpj.exe") == "invoicegpj.exe"
    assert clean_slug("a\u200bb\x1bc\u2066d") == "abcd"
    assert clean_slug("plain-slug") == "plain-slug"


@pytest.mark.parametrize("tag", ["en", "pt-BR", "zh-Hant-TW", "es-419", "de-CH-1996"])
def test_language_tags(tag):
    assert is_language_tag(tag)


@pytest.mark.parametrize(
    "tag", ["x/../index", "e", "en_GB", "en-", "en" + "-abcdefgh" * 3, "", None]
)
def test_not_language_tags(tag):
    assert not is_language_tag(tag)


def settings(tmp_path, **extra):
    return dict(
        DEFAULT_CONFIG, PATH=str(tmp_path), OUTPUT_PATH=str(tmp_path / "o"), **extra
    )


def article(tmp_path, **metadata):
    meta = {"title": "A story", "date": datetime.datetime(2026, 1, 5)}
    meta.update(metadata)
    path = tmp_path / "a.md"
    path.write_text("".join(f"{k}: {v}\n" for k, v in meta.items()) + "\nx\n")
    return Article(
        "<p>x</p>",
        metadata=meta,
        settings=settings(tmp_path),
        source_path=str(path),
        context={},
    )


def test_a_story_with_a_bad_save_as_goes_to_its_default_path(tmp_path):
    story = article(tmp_path, save_as="/etc/x.html", url="/etc/x.html")
    [problem] = secure_paths(story)
    assert story.save_as == "a-story.html" and story.url == "a-story.html"
    assert (problem.field, problem.line) == ("Save_as", 3)
    assert "is absolute" in problem.message


def test_a_save_as_is_kept_spelt_one_way(tmp_path):
    story = article(tmp_path, save_as="./x//y.html")
    assert secure_paths(story) == []
    assert story.save_as == "x/y.html"


def test_a_slug_that_is_a_path_is_made_a_slug(tmp_path):
    story = article(tmp_path, slug="../wow")
    [problem] = secure_paths(story)
    assert story.slug == "wow" and problem.field == "Slug"


def test_a_lang_that_is_no_tag_becomes_the_sites(tmp_path):
    story = article(tmp_path, lang="x/../index")
    [problem] = secure_paths(story)
    assert story.lang == "en" and story.in_default_lang
    assert story.save_as == "a-story.html"
    assert problem.field == "Lang"


def test_a_normal_story_is_left_alone(tmp_path):
    story = article(tmp_path, slug="a-story", lang="en")
    before = (story.slug, story.save_as, story.url, story.lang)
    assert secure_paths(story) == []
    assert (story.slug, story.save_as, story.url, story.lang) == before


def test_a_save_as_over_a_site_page_is_dropped_for_the_default(tmp_path):
    story = article(tmp_path, save_as="./index.html")
    assert secure_paths(story) == []
    outputs = site_outputs(settings(tmp_path), {"articles": [story]})
    [problem] = resolve_collisions([story], outputs)
    assert story.save_as == "a-story.html"
    assert problem.field == "Save_as"
    assert "'index.html' would replace the index page" in problem.message


def test_the_site_outputs_include_pagination_feeds_and_folders(tmp_path):
    stories = [object()] * 25
    outputs = site_outputs(
        settings(
            tmp_path,
            DEFAULT_PAGINATION=10,
            FEED_ALL_ATOM="feeds/all.atom.xml",
            STATIC_PATHS=["images"],
            WOW_JSON_SAVE_AS="wow/index.json",
        ),
        {"articles": stories},
    )
    assert {"index.html", "index2.html", "index3.html"} <= set(outputs.files)
    assert "index4.html" not in outputs.files
    assert "feeds/all.atom.xml" in outputs.files
    assert "wow/index.json" in outputs.files
    assert {"pagefind", "theme", "images"} <= set(outputs.folders)
