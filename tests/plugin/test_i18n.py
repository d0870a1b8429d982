"""The WoW pages' own text is translatable, the way Pelican themes do it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from otherblog import BLOG, BLOG_SETTINGS, write_catalogue
from sitebuild import FIXTURES, ROOT, build_site

PLUGIN = ROOT / "plugins" / "wow_index"
LOCALE = PLUGIN / "pelican" / "plugins" / "wow_index" / "locale"
POT = LOCALE / "pelican_wow_index.pot"
FRENCH = LOCALE / "fr" / "LC_MESSAGES" / "pelican_wow_index.po"


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def ids(catalog: Catalog) -> set:
    return {message.id for message in catalog if message.id}


def test_the_template_catalogue_has_every_message_of_the_templates():
    """Fails when a template's text changed without ``make messages``."""
    with (PLUGIN / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    extracted = {
        message
        for _, _, message, _, _ in extract_from_dir(PLUGIN, method_map, options_map)
    }
    assert len(extracted) > 15
    assert ids(read_catalog(POT)) == extracted


def test_the_french_catalogue_is_complete_checked_and_compiled():
    template, french = read_catalog(POT), read_catalog(FRENCH)
    assert ids(french) == ids(template)
    for message in french:
        if not message.id:
            continue
        strings = message.string if message.pluralizable else (message.string,)
        assert all(strings) and not message.fuzzy, message.id
        assert not list(message.check(french)), message.id  # same placeholders
    compiled = io.BytesIO()
    write_mo(compiled, french)
    assert FRENCH.with_suffix(".mo").read_bytes() == compiled.getvalue()


@pytest.mark.parametrize("autoescape", [True, False])
def test_a_french_site_gets_french_wow_pages(tmp_path, autoescape):
    result = build_site(
        BLOG,
        tmp_path / "out",
        THEME="simple",
        **{**BLOG_SETTINGS, "DEFAULT_LANG": "fr"},
        JINJA_ENVIRONMENT={"autoescape": autoescape},
    )
    assert result.returncode == 0, result.log
    index = result.soup("wow/index.html")
    assert index.select_one(".wow-index h1").get_text() == "Index WoW"
    assert index.find("caption").get_text() == (
        "Récits par point de contact et par verdict"
    )
    assert "Étapes du parcours" in index.get_text()
    cell = result.soup("wow/touchpoint/store/wow/index.html")
    sentence = cell.find("section").p
    assert sentence.get_text() == "1 récit dans l’Index WoW."
    assert sentence.a["href"] == "../../../../wow/"  # markup kept, not escaped
    term = result.soup("wow/touchpoint/returns/index.html")
    assert term.find("caption").get_text() == "Récits par verdict"


@pytest.mark.parametrize("newstyle", [True, False])
def test_translations_the_site_installed_are_kept(tmp_path, newstyle):
    """A site that installs its own catalogue (as i18n_subsites does) keeps
    it on the WoW pages: its text replaces the plugin's French."""
    locale = write_catalogue(
        tmp_path / "locale", "fr", "messages", {"Latest stories": "Nos nouveautés"}
    )
    result = build_site(
        BLOG,
        tmp_path / "out",
        THEME="simple",
        **{**BLOG_SETTINGS, "DEFAULT_LANG": "fr"},
        PLUGINS=["site_translations", "pelican.plugins.wow_index"],
        PLUGIN_PATHS=[str(FIXTURES / "plugins")],
        JINJA_ENVIRONMENT={"extensions": ["jinja2.ext.i18n"]},
        TEST_LOCALEDIR=str(locale),
        TEST_GETTEXT_DOMAIN="messages",
        TEST_GETTEXT_NEWSTYLE=newstyle,
    )
    assert result.returncode == 0, result.log
    text = result.soup("wow/index.html").get_text()
    assert "Nos nouveautés" in text
    assert "Journey stages" in text and "Étapes du parcours" not in text
    cell = result.soup("wow/touchpoint/store/wow/index.html")
    assert cell.find("section").p.get_text() == "1 story in the WoW index."


def test_site_catalogues_come_first_and_fall_back_on_the_plugins(tmp_path):
    locale = write_catalogue(
        tmp_path / "locale",
        "fr",
        "pelican_wow_index",
        {"Latest stories": "Nos nouveautés"},
    )
    result = build_site(
        BLOG,
        tmp_path / "out",
        THEME="simple",
        **{**BLOG_SETTINGS, "DEFAULT_LANG": "fr"},
        WOW_LOCALE_DIRS=[str(locale)],
    )
    assert result.returncode == 0, result.log
    text = result.soup("wow/index.html").get_text()
    assert "Nos nouveautés" in text and "Étapes du parcours" in text


def test_a_language_without_a_catalogue_gets_english(tmp_path):
    result = build_site(
        BLOG, tmp_path / "out", **{**BLOG_SETTINGS, "DEFAULT_LANG": "pt-br"}
    )
    assert result.returncode == 0, result.log
    index = result.soup("wow/index.html")
    assert index.select_one(".wow-index h1").get_text() == "WoW index"
    assert "Journey stages" in index.get_text()


def test_the_index_title_setting_replaces_the_translated_default(tmp_path):
    result = build_site(
        BLOG,
        tmp_path / "out",
        **{**BLOG_SETTINGS, "DEFAULT_LANG": "fr"},
        WOW_INDEX_TITLE="Le <b>palmarès</b>",
    )
    assert result.returncode == 0, result.log
    index = result.soup("wow/index.html")
    assert (
        index.select_one(".wow-index h1").get_text() == "Le <b>palmarès</b>"
    )  # text, never markup
    cell = result.soup("wow/touchpoint/store/wow/index.html")
    assert cell.find("section").p.a.get_text() == "Le <b>palmarès</b>"
