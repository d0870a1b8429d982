"""Red team: output paths, names and the content tree (issue 17, §3-6).

Every case is a story a writer with access to ``content/`` could write to
replace a page of the site, write outside the output folder, crash the
build with a name the file system refuses, hang it with a link, or be lost
without a word. All of them are built together with the bad-input control
content, the way ``make build`` builds the site (Pelican with the site's
settings and theme, then Pagefind), and each is checked in what was written
and what was said; then in strict mode, and with ``check``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus import CONTROL
from sitebuild import FIXTURES, ROOT, Build, build_like_the_site

pytestmark = pytest.mark.slow
CORPUS = FIXTURES / "red_team_paths"
ATOM = "{http://www.w3.org/2005/Atom}"
HEADER = "Date: 2026-03-01 09:00\nTouchpoint: phone\nVerdict: bad\n"
LONG_TITLE = " ".join(["waited"] * 37)  # 258 characters
HUGE_TITLE = " ".join(f"call{n}" for n in range(900))  # over 5,000 characters


@dataclass(frozen=True)
class Case:
    """A story file, the message the build must print about it (after
    ``stories/<name>.md:<line>: ``) and where it must be published."""

    name: str
    line: int
    message: str
    published: str | None  # a path below output/, or a pattern with {slug}
    text: str | None = None  # made by the test; None: from the fixture folder


def story(title: str, extra: str = "") -> str:
    return f"Title: {title}\n{HEADER}{extra}\nA story written to break the site.\n"


CASES = [
    Case(
        "saveas-home",
        5,
        r"Save_as: 'index\.html' would replace the index page; published at "
        r"its default path 'stories/save-as-the-home-page/index\.html'",
        "stories/save-as-the-home-page/index.html",
    ),
    Case(
        "saveas-search",
        5,
        r"Save_as: 'search/index\.html' would replace the search page",
        "stories/save-as-the-search-page/index.html",
    ),
    Case(
        "saveas-json",
        5,
        r"Save_as: 'wow/index\.json' would replace WOW_JSON_SAVE_AS",
        "stories/save-as-the-index-data/index.html",
    ),
    Case(
        "saveas-feed",
        5,
        r"Save_as: 'feeds/all\.atom\.xml' would replace the feed FEED_ALL_ATOM",
        "stories/save-as-the-site-feed/index.html",
    ),
    Case(
        "saveas-company",
        5,
        r"Save_as: 'wow/company/lantern-broadband/index\.html' would replace "
        r"the company page 'Lantern Broadband'",
        "stories/save-as-a-company-page/index.html",
    ),
    Case(
        "saveas-pagefind",
        5,
        r"Save_as: 'pagefind/pagefind\.js' would replace the search index",
        "stories/save-into-the-search-index/index.html",
    ),
    Case(
        "saveas-theme",
        5,
        r"Save_as: 'theme/css/main\.css' would replace the theme's files",
        "stories/save-over-the-stylesheet/index.html",
    ),
    Case(
        "saveas-inside-json",
        5,
        r"Save_as: 'wow/index\.json/index\.html' would replace WOW_JSON_SAVE_AS",
        "stories/save-under-the-index-data/index.html",
    ),
    Case(
        "a-an-earlier-name",
        5,
        r"Save_as: 'stories/a-parcel-in-the-hedge/index\.html' would replace "
        r"\S*stories/a-parcel-in-the-hedge\.md; published at its default path "
        r"'stories/taking-another-storys-place/index\.html'",
        "stories/taking-another-storys-place/index.html",
    ),
    Case(
        "saveas-redirects",
        5,
        r"Save_as: the path '_redirects' names '_redirects', a file web hosts "
        r"read as their configuration",
        "stories/save-as-the-hosts-redirects/index.html",
    ),
    Case(
        "saveas-htaccess",
        5,
        r"Save_as: the path 'stories/\.htaccess' names a hidden file or folder",
        "stories/save-as-a-server-configuration/index.html",
    ),
    Case(
        "slug-htaccess",
        5,
        r"Slug: the slug '\.htaccess' is not a safe path .*published as 'htaccess'",
        "stories/htaccess/index.html",
    ),
    Case(
        "saveas-case",
        5,
        r"Save_as: 'INDEX\.html' would replace the index page",
        "stories/save-as-the-home-page-in-capitals/index.html",
    ),
    Case(
        "saveas-absolute",
        5,
        r"Save_as: the path '/tmp/red-team-absolute\.html' is absolute",
        "stories/save-to-an-absolute-path/index.html",
    ),
    Case(
        "saveas-leaves",
        5,
        r"Save_as: the path '\.\./\.\./red-team-outside\.html' leaves the "
        r"output folder",
        "stories/save-outside-the-output-folder/index.html",
    ),
    Case(
        "url-elsewhere",
        5,
        r"Url: the path 'https://elsewhere\.example/' is absolute",
        "stories/a-link-to-another-site/index.html",
    ),
    Case(
        "slug-wow",
        5,
        r"Slug: the slug '\.\./wow' is not a safe path .*published as 'wow'",
        "stories/wow/index.html",
    ),
    Case(
        "slug-leaves",
        5,
        r"Slug: the slug '\.\./\.\./\.\./\.\./tmp/red-team-escape' is not a "
        r"safe path",
        "stories/tmpred-team-escape/index.html",
    ),
    Case(
        "lang-path",
        5,
        r"Lang: 'x/\.\./index' is not a language tag; published in the site's "
        r"language \('en'\)",
        "stories/a-language-that-is-a-path/index.html",
    ),
    Case(
        "template-missing",
        5,
        r"Template: the theme has no template 'no-such-template'; published "
        r"with the default one, 'article'",
        "stories/a-template-that-does-not-exist/index.html",
    ),
    Case(
        "company-bang",
        5,
        r"Company: '!!!' is only punctuation, no name; its page is "
        r"'company-[0-9a-f]{8}'",
        "stories/a-company-of-punctuation/index.html",
    ),
    Case(
        "moment-unclosed",
        8,
        r"moment: the attribute list is not closed \(no '\}'\), so this "
        r"heading is not a moment; end the line with ' \}'",
        "stories/an-attribute-list-left-open/index.html",
    ),
    Case(
        "title-long",
        1,
        r"Title: the slug 'waited-waited.*' was longer than 120 bytes \(cut, "
        r"with a hash\)",
        "stories/waited-*-????????/index.html",
        story(LONG_TITLE),
    ),
    Case(
        "title-huge",
        1,
        r"Title: the slug 'call0-call1-.*' was longer than 120 bytes",
        "stories/call0-call1-*-????????/index.html",
        story(HUGE_TITLE),
    ),
    Case(
        "slug-long",
        5,
        r"Slug: the slug 'aaaa.*' was longer than 120 bytes",
        "stories/aaaa*-????????/index.html",
        story("A slug of three hundred letters", f"Slug: {'a' * 300}\n"),
    ),
    Case(
        "lang-long",
        5,
        r"Lang: 'en-abcdefgh-abcdefgh.*' is not a language tag",
        "stories/a-language-tag-of-three-hundred-characters/index.html",
        story(
            "A language tag of three hundred characters",
            "Lang: en" + "-abcdefgh" * 33 + "\n",
        ),
    ),
    Case(
        "slug-bidi",
        5,
        r"Slug: the slug 'invoice\\u202egpj\.exe' had invisible or bidi "
        r"control characters \(removed\); published as 'invoicegpj\.exe'",
        "stories/invoicegpj.exe/index.html",
        story("A slug with a bidi override", "Slug: invoice\u202egpj.exe\n"),
    ),
    Case(
        "category-long",
        5,
        r"Category: '(Long ){10}.*' gives a page name longer than 120 bytes",
        "stories/a-category-of-three-hundred-characters/index.html",
        story(
            "A category of three hundred characters",
            "Category: " + "Long " * 60 + "\n",
        ),
    ),
]
TAGGED_CONTROL = 2  # the control stories with tags (the essay has none)


def content_with_cases(folder: Path) -> Path:
    shutil.copytree(CONTROL, folder)
    shutil.copytree(CORPUS / "stories", folder / "stories", dirs_exist_ok=True)
    for case in CASES:
        if case.text is not None:
            (folder / "stories" / f"{case.name}.md").write_text(
                case.text, encoding="utf-8"
            )
    return folder


def with_search_index(result: Build) -> Build:
    """Pagefind over the output, as ``make build`` runs it after Pelican."""
    command = [sys.executable, "-m", "pagefind", "--site", str(result.output)]
    indexed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    result.log += indexed.stdout + indexed.stderr
    result.returncode = result.returncode or indexed.returncode
    return result


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Build:
    folder = tmp_path_factory.mktemp("red-team")
    content = content_with_cases(folder / "content")
    return with_search_index(build_like_the_site(content, folder / "output"))


def test_the_build_succeeds_without_a_traceback(site):
    assert site.returncode == 0, site.log
    assert "Traceback" not in site.log
    assert "unknown reason" not in site.log


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_case_is_named_with_file_line_and_field(site, case):
    where = rf"content/stories/{re.escape(case.name)}\.md:{case.line}: "
    assert re.search(where + case.message, site.log), site.log


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_story_is_published_once_at_a_safe_path(site, case):
    found = sorted(site.output.glob(case.published))
    assert len(found) == 1, (case.published, found)
    page = BeautifulSoup(found[0].read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article.story h1") is not None


def test_a_story_keeps_its_path_against_a_save_as_that_sorts_first(site):
    page = site.soup("stories/a-parcel-in-the-hedge/index.html")
    assert page.select_one("article.story h1").get_text() == "A parcel in the hedge"


def test_the_site_pages_are_its_own(site):
    home = site.soup("index.html")
    assert home.select_one("article.story") is None  # a listing, not a story
    assert "break the site" not in site.read("search/index.html")
    assert site.soup("search/index.html").select_one("article.story") is None
    wow = site.soup("wow/index.html")
    assert wow.select_one("article.story") is None
    company = site.soup("wow/company/lantern-broadband/index.html")
    assert "A reply within the hour" in company.get_text()
    assert company.select_one("article.story") is None
    css = ROOT / "theme" / "static" / "css" / "main.css"
    if css.exists():
        assert site.read("theme/css/main.css") == css.read_text(encoding="utf-8")
    assert (
        not (site.output / "pagefind" / "pagefind.js")
        .read_text(encoding="utf-8")
        .lstrip()
        .startswith("<")
    )


def test_the_data_and_feed_are_whole_and_carry_every_story(site):
    data = json.loads(site.read("wow/index.json"))
    titles = [s["title"] for s in data["stories"]]
    assert len(titles) == TAGGED_CONTROL + len(CASES)
    assert len(set(titles)) == len(titles)
    feed = ET.parse(site.output / "feeds" / "all.atom.xml").getroot()
    entries = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert len(entries) == len(set(entries)) > 0


def test_nothing_is_written_outside_the_output_folder(site):
    assert not Path("/tmp/red-team-absolute.html").exists()
    assert not (site.output.parent / "red-team-outside.html").exists()
    assert not Path("/tmp/red-team-escape").exists()


def test_every_name_fits_every_file_system(site):
    for path in site.output.rglob("*"):
        relative = path.relative_to(site.output)
        assert all(len(p.encode()) <= 255 for p in relative.parts), relative
        assert len(str(relative).encode()) <= 1024, relative
        assert "\u202e" not in str(relative)
        assert not any(p.startswith(".") for p in relative.parts), relative
    assert not (site.output / "_redirects").exists()
    assert not (site.output / "INDEX.html").exists()


def test_a_strict_build_fails_with_the_same_messages_and_no_traceback(tmp_path):
    content = content_with_cases(tmp_path / "content")
    result = build_like_the_site(content, tmp_path / "output", WOW_STRICT=True)
    assert result.returncode != 0
    assert "Traceback" not in result.log
    assert "WowContentError" in result.log
    for case in CASES:
        assert f"content/stories/{case.name}.md:{case.line}: " in result.log, case
    assert not (tmp_path / "output" / "index.html").exists()


def test_check_reports_every_case_before_a_build(tmp_path):
    content = content_with_cases(tmp_path / "content")
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        f"PATH = {str(content)!r}\nTHEME = {str(ROOT / 'theme')!r}\n",
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "pelican.plugins.wow_index", "check"]
    command += ["--settings", str(settings), str(content)]
    env = dict(os.environ, COLUMNS="400", TERM="dumb", NO_COLOR="1")
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for case in CASES:
        assert re.search(
            rf"stories/{re.escape(case.name)}\.md:{case.line}: ", result.stdout
        ), (case.name, result.stdout)


# The content tree -------------------------------------------------------------
# Links are made at test time (none is kept in the repository); every build
# runs with a timeout, so a walk that loops fails the test instead of hanging.
LINKS = {
    "loop-one": r"link: is a link to \S*content/stories, a folder read anyway "
    r"or one holding the link itself \(a loop\); not followed",
    "loop-two": r"link: is a link to \S*content/stories, a folder read anyway",
    "whole-disk": r"link: is a link to /, outside the content folder; not followed",
    "elsewhere.md": r"link: is a link to \S*elsewhere\.md, outside the content "
    r"folder; not followed",
    "elsewhere-folder": r"link: is a link to \S*outside, outside the content folder",
    "twice.md": r"link: is a link to \S*a-parcel-in-the-hedge\.md, which is read "
    r"anyway; not read again, so the story is published once",
    "pipe.md": r"file: is not a regular file \(a pipe, a device\); not read",
}


def content_with_links(folder: Path) -> Path:
    content = folder / "content"
    shutil.copytree(CONTROL, content)
    stories = content / "stories"
    outside = folder / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(story("A secret from outside"), "utf-8")
    (folder / "elsewhere.md").write_text(story("A file from elsewhere"), "utf-8")
    (stories / "loop-one").symlink_to(".")
    (stories / "loop-two").symlink_to(".")
    (stories / "whole-disk").symlink_to("/")
    (stories / "elsewhere.md").symlink_to(folder / "elsewhere.md")
    (stories / "elsewhere-folder").symlink_to(outside)
    (stories / "twice.md").symlink_to("a-parcel-in-the-hedge.md")
    os.mkfifo(stories / "pipe.md")
    return content


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Build:
    folder = tmp_path_factory.mktemp("links")
    content = content_with_links(folder)
    return build_like_the_site(content, folder / "output", timeout=120)


def test_links_in_content_are_walked_once_and_each_is_named(linked):
    assert linked.returncode == 0, linked.log
    assert "Traceback" not in linked.log
    for name, message in LINKS.items():
        assert re.search(
            rf"content/stories/{re.escape(name)}: {message}", linked.log
        ), (
            name,
            linked.log,
        )


def test_links_publish_nothing_twice_and_nothing_from_outside(linked):
    data = json.loads(linked.read("wow/index.json"))
    titles = sorted(s["title"] for s in data["stories"])
    assert titles == ["A parcel in the hedge", "A reply within the hour"]
    stories = sorted(p.parent.name for p in linked.output.glob("stories/*/index.html"))
    assert stories == ["a-parcel-in-the-hedge", "a-reply-within-the-hour", "on-waiting"]
    everything = "".join(
        p.read_text(encoding="utf-8") for p in linked.output.rglob("*.html")
    )
    assert "A secret from outside" not in everything
    assert "A file from elsewhere" not in everything


def test_a_strict_build_fails_on_links_without_a_traceback(tmp_path):
    content = content_with_links(tmp_path)
    result = build_like_the_site(
        content, tmp_path / "output", timeout=120, WOW_STRICT=True
    )
    assert result.returncode != 0
    assert "Traceback" not in result.log
    assert "content/stories/loop-one: link:" in result.log


def test_check_names_each_link_before_a_build(tmp_path):
    content = content_with_links(tmp_path)
    command = [sys.executable, "-m", "pelican.plugins.wow_index", "check"]
    command += ["--settings", str(ROOT / "pelicanconf.py"), str(content)]
    result = subprocess.run(
        command, capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert result.returncode == 1, result.stdout + result.stderr
    for name, message in LINKS.items():
        assert re.search(rf"stories/{re.escape(name)}: {message}", result.stdout), (
            name,
            result.stdout,
        )


# A story whose page fails to render ------------------------------------------
FRAGILE = CORPUS / "templates"


def test_a_story_whose_page_fails_is_left_out_and_the_rest_is_written(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTROL, content)
    stories = content / "stories"
    (stories / "fragile-none.md").write_text(
        story("Calls that never came", "Template: fragile\nCalls: none\n"), "utf-8"
    )
    (stories / "fragile-four.md").write_text(
        story("Four calls a day", "Template: fragile\nCalls: 4\n"), "utf-8"
    )
    overrides = {"THEME_TEMPLATES_OVERRIDES": [str(FRAGILE)]}
    result = build_like_the_site(content, tmp_path / "output", timeout=120, **overrides)
    assert result.returncode == 0, result.log
    assert "Traceback" not in result.log
    assert re.search(
        r"content/stories/fragile-none\.md: file: its page could not be written "
        r"\(ZeroDivisionError: integer division or modulo by zero\); it was left "
        r"out and the rest of the\s+site written",
        result.log,
    ), result.log
    assert "Calls a day: 3" in result.read("stories/four-calls-a-day/index.html")
    assert not (result.output / "stories" / "calls-that-never-came").exists()
    for control in ("a-parcel-in-the-hedge", "a-reply-within-the-hour", "on-waiting"):
        assert (result.output / "stories" / control / "index.html").is_file()
    assert (result.output / "wow" / "index.json").is_file()
    assert (result.output / "index.html").is_file()

    strict = build_like_the_site(
        content, tmp_path / "strict", timeout=120, WOW_STRICT=True, **overrides
    )
    assert strict.returncode != 0
    assert "Traceback" not in strict.log
    assert "WowContentError: 1 problem" in strict.log
    assert "content/stories/fragile-none.md: file: its page could not be" in strict.log
