"""Any theme: built-in themes, a third-party style theme, and overrides."""

from __future__ import annotations

import re

import pytest

from otherblog import BLOG, BLOG_SETTINGS, THIRD_PARTY_THEME
from sitebuild import ROOT, broken_links, build_site

README = (ROOT / "plugins" / "wow_index" / "README.md").read_text(encoding="utf-8")
WOW_PAGES = [
    "wow/index.html",
    "wow/touchpoint/store/index.html",
    "wow/verdict/bad/index.html",
    "wow/company/corner-bakery/index.html",
    "wow/company/index.html",
    "wow/touchpoint/store/wow/index.html",
    "wow/trends/index.html",
    "wow/journeys/index.html",
]


def build(tmp_path, theme=THIRD_PARTY_THEME, **settings):
    result = build_site(
        BLOG, tmp_path / "out", theme=theme, **BLOG_SETTINGS, **settings
    )
    assert result.returncode == 0, result.log
    return result


def test_a_theme_without_a_content_block_gets_the_standalone_layout(tmp_path):
    result = build(tmp_path)
    log = " ".join(result.log.split())
    assert "base.html has no 'content' block (its blocks: footer, main," in log
    assert "Set WOW_CONTENT_BLOCK (and WOW_TITLE_BLOCK)" in log
    for path in WOW_PAGES:
        page = result.soup(path)
        assert page.find("main", id="content").find("h1"), path
        assert page.find("nav", class_="thirdparty-nav") is None, path
        assert page.title.get_text().endswith("Neighbours' notes"), path
    assert result.soup("wow/index.html").find("table", class_="wow-matrix")
    # The theme's own pages still use the theme.
    assert result.soup("baker-remembered.html").find("nav", class_="thirdparty-nav")
    pages = sorted((result.output / "wow").rglob("*.html"))
    assert broken_links(result.output, pages) == []


def test_block_settings_put_the_wow_pages_inside_the_theme(tmp_path):
    result = build(tmp_path, WOW_TITLE_BLOCK="page_title", WOW_CONTENT_BLOCK="main")
    assert "pelican-wow-index" not in result.log
    for path in WOW_PAGES:
        page = result.soup(path)
        main = page.find("main", class_="thirdparty-main")
        assert main is not None and main.find("h1"), path
        assert page.find("nav", class_="thirdparty-nav"), path
        assert page.find("footer", class_="thirdparty-footer"), path
        assert page.title.get_text().endswith(" – Neighbours' notes"), path
    index = result.soup("wow/index.html")
    assert index.title.get_text() == "WoW index – Neighbours' notes"
    assert index.find("main").find("table", class_="wow-matrix")


def test_a_missing_title_block_keeps_the_theme_and_its_default_title(tmp_path):
    result = build(tmp_path, WOW_CONTENT_BLOCK="main")
    assert "has no 'title' block" in " ".join(result.log.split())
    index = result.soup("wow/index.html")
    assert index.title.get_text() == "Neighbours' notes"
    assert index.find("main", class_="thirdparty-main").find("table")


@pytest.mark.parametrize("theme", ["notmyidea", "simple"])
def test_pelican_themes_are_extended_without_a_warning(tmp_path, theme):
    result = build(tmp_path, theme=None, THEME=theme)
    assert "pelican-wow-index" not in result.log
    index = result.soup("wow/index.html")
    assert index.title.get_text() == "WoW index – Neighbours' notes"
    assert index.find("main", id="content") is None  # not the standalone page
    assert index.find("table", class_="wow-matrix")


def test_base_template_none_always_uses_the_plugin_layout(tmp_path):
    result = build(tmp_path, theme=None, THEME="simple", WOW_BASE_TEMPLATE=None)
    assert result.soup("wow/index.html").find("main", id="content").find("table")


def test_an_unknown_base_template_fails_naming_the_setting(tmp_path):
    result = build_site(
        BLOG, tmp_path / "out", **BLOG_SETTINGS, WOW_BASE_TEMPLATE="layout.html"
    )
    assert result.returncode != 0
    assert "WOW_BASE_TEMPLATE = 'layout.html': the theme has no such template" in (
        " ".join(result.log.split())
    )


def documented_variables() -> dict[str, list[str]]:
    """The README's template table: template name -> documented variables."""
    rows = re.findall(r"^\| `(wow/[a-z_]+\.html)` \| [^|]+ \| ([^|]+) \|", README, re.M)
    assert rows, "no template table in the README"
    return {name: re.findall(r"`([a-z_]+)`", names) for name, names in rows}


def test_a_theme_overriding_each_template_gets_the_documented_variables(tmp_path):
    documented = documented_variables()
    overrides = tmp_path / "overrides"
    (overrides / "wow").mkdir(parents=True)
    for name, variables in documented.items():
        checks = "".join(
            f'<li data-name="{v}">{{{{ "ok" if {v} is defined else "MISSING" }}}}</li>'
            for v in ["wow", "wow_base", "SITENAME", *variables]
        )
        (overrides / name).write_text(
            f'<!DOCTYPE html><title>override</title><ul id="{name}">{checks}</ul>\n',
            encoding="utf-8",
        )
    result = build(tmp_path, theme=None, THEME_TEMPLATES_OVERRIDES=[str(overrides)])
    pages = {
        "wow/index.html": "wow/index.html",
        "wow/touchpoint.html": "wow/touchpoint/store/index.html",
        "wow/verdict.html": "wow/verdict/bad/index.html",
        "wow/company.html": "wow/company/corner-bakery/index.html",
        "wow/cell.html": "wow/touchpoint/store/wow/index.html",
        "wow/companies.html": "wow/company/index.html",
        "wow/trends.html": "wow/trends/index.html",
        "wow/journeys.html": "wow/journeys/index.html",
    }
    assert set(documented) == set(pages)
    for name, path in pages.items():
        listing = result.soup(path).find("ul", id=name)
        assert listing is not None, f"{path} was not rendered from the override"
        values = {li["data-name"]: li.get_text() for li in listing.find_all("li")}
        assert len(values) >= 3
        assert [v for v, state in values.items() if state != "ok"] == [], path


def documented_attributes() -> dict[str, list[str]]:
    """Attributes the README promises: Jinja expression -> attribute names."""
    wow = re.findall(r"^\| `(wow\..+?)` \|", README, re.M)
    article = re.findall(r"^\| `article\.([a-z_]+)` \|", README, re.M)
    terms = " ".join(README.split("A **term**", 1)[1].split("\n\n", 1)[0].split())
    sentence = {
        start: re.search(rf"{re.escape(start)}[^.;]*[.;]", terms).group(0)
        for start in (
            "(touchpoint",
            "Touchpoints also",
            "verdicts have",
            "**cell** has",
        )
    }

    def names(text: str) -> list[str]:
        return re.findall(r"`([a-z_]+)`", text)

    common = names(sentence["(touchpoint"])
    return {
        "wow": [
            n.split("(")[0]
            for group in wow
            for n in re.findall(r"wow\.([a-z_(]+)", group)
        ],
        "article": article,
        "wow.touchpoints[0]": common + names(sentence["Touchpoints also"]),
        "wow.verdicts[0]": common + names(sentence["verdicts have"]),
        "wow.companies[0]": common,
        "wow.matrix[0][1][0]": names(sentence["**cell** has"]),
    }


def test_the_documented_attributes_of_wow_terms_cells_and_articles(tmp_path):
    documented = documented_attributes()
    assert len(documented["wow"]) >= 15 and len(documented["article"]) == 5
    overrides = tmp_path / "overrides"
    (overrides / "wow").mkdir(parents=True)
    checks = "".join(
        f'<li data-name="{owner}.{name}">'
        f'{{{{ "ok" if {owner}.{name} is defined else "MISSING" }}}}</li>'
        for owner, names in documented.items()
        if owner != "article"
        for name in names
    )
    (overrides / "wow" / "index.html").write_text(f"<ul>{checks}</ul>\n", "utf-8")
    article_checks = "".join(
        f'<li data-name="article.{name}">'
        f'{{{{ "ok" if article.{name} is defined else "MISSING" }}}}</li>'
        for name in documented["article"]
    )
    (overrides / "article.html").write_text(f"<ul>{article_checks}</ul>\n", "utf-8")
    result = build(tmp_path, theme=None, THEME_TEMPLATES_OVERRIDES=[str(overrides)])
    for path in ["wow/index.html", "baker-remembered.html"]:
        items = result.soup(path).find_all("li")
        assert len(items) >= 5, path
        assert [li["data-name"] for li in items if li.get_text() != "ok"] == []


def test_templates_see_the_configured_rating_scale(tmp_path):
    overrides = tmp_path / "overrides"
    (overrides / "wow").mkdir(parents=True)
    (overrides / "wow" / "index.html").write_text(
        "<p>{{ wow.worst_rating }}-{{ wow.best_rating }}: "
        "{% for v in wow.verdicts %}{{ v.slug }}={{ v.rating }} {% endfor %}</p>\n",
        encoding="utf-8",
    )
    result = build(
        tmp_path,
        theme=None,
        THEME_TEMPLATES_OVERRIDES=[str(overrides)],
        WOW_VERDICT_RATINGS={"wow": 10, "good": 6, "meh": 3, "bad": 0},
    )
    assert result.soup("wow/index.html").p.get_text() == (
        "0-10: wow=10 good=6 meh=3 bad=0 "
    )
