"""Adding the plugin to a blog changes nothing outside the WoW paths."""

from __future__ import annotations

import difflib
import json

import pytest

from otherblog import BLOG, BLOG_SETTINGS, THIRD_PARTY_THEME, output_files
from sitebuild import build_site

WOW = "wow/"
THEMES = {"notmyidea": "notmyidea", "simple": "simple", "third-party": None}


def first_difference(name: str, before: bytes, after: bytes) -> str:
    diff = difflib.unified_diff(
        before.decode("utf-8", "replace").splitlines(),
        after.decode("utf-8", "replace").splitlines(),
        f"without/{name}",
        f"with/{name}",
        lineterm="",
    )
    return "\n".join(list(diff)[:30])


@pytest.fixture(scope="module", params=sorted(THEMES))
def builds(request, tmp_path_factory):
    """The fixture blog built without and with the plugin, same theme."""
    theme = THEMES[request.param]
    extra = {"THEME": theme} if theme else {}
    root = tmp_path_factory.mktemp(request.param)
    built = {}
    for plugins in (False, True):
        result = build_site(
            BLOG,
            root / ("with" if plugins else "without"),
            theme=None if theme else THIRD_PARTY_THEME,
            plugins=plugins,
            **BLOG_SETTINGS,
            **extra,
        )
        assert result.returncode == 0, result.log
        built[plugins] = result
    return built


def test_every_file_outside_the_wow_paths_is_byte_identical(builds):
    without = output_files(builds[False].output)
    with_plugin = output_files(builds[True].output)
    assert len(without) > 40, sorted(without)  # the blog really built
    added = sorted(set(with_plugin) - set(without))
    assert [name for name in added if not name.startswith(WOW)] == []
    assert set(without) <= set(with_plugin)
    changed = [name for name in without if without[name] != with_plugin[name]]
    assert changed == [], first_difference(
        changed[0], without[changed[0]], with_plugin[changed[0]]
    )


def test_the_blog_has_what_the_guarantee_is_about(builds):
    """Each kind of page the guarantee covers is really in the output."""
    files = output_files(builds[False].output)
    for name in [
        "category/errands.html",
        "tag/queues.html",
        "author/ben-okafor.html",
        "pages/about-this-blog.html",
        "pages/policies.html",
        "pages/old-opening-hours.html",  # hidden page
        "drafts/half-written-the-chatbot-that-understood.html",
        "drafts/pages/reading-list.html",
        "the-survey-that-came-back-to-me.html",  # hidden post
        "baker-remembered.html",
        "baker-remembered-fr.html",  # translation
        "charged-twice.html",  # reStructuredText
        "feeds/all.atom.xml",
        "feeds/all-fr.atom.xml",
        "feeds/tag-queues.atom.xml",
        "images/dot.gif",
    ]:
        assert name in files, name


def test_the_plugin_did_build_its_pages_from_markdown_and_rest(builds):
    out = builds[True].output
    data = json.loads((out / "wow/index.json").read_text(encoding="utf-8"))
    tags = {s["title"]: (s["touchpoints"], s["verdict"]) for s in data["stories"]}
    assert tags == {
        "The baker who remembered my order": (["store"], "wow"),
        "Charged twice for one invoice": (["billing", "phone"], "bad"),
        "The parcel locker that would not open": (["delivery"], "meh"),
        "A refund that arrived before I got home": (["app", "returns"], "good"),
    }
    # Drafts, hidden posts and translations are tagged without a problem
    # but not listed in the index.
    assert str(BLOG) not in builds[True].log, builds[True].log
