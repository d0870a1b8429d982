"""Which catalogue the WoW pages get, without running Pelican."""

from jinja2 import Environment
from pelican.plugins.wow_index.pages.i18n import DOMAIN, catalogue, install_translations

from otherblog import write_catalogue


def test_english_and_unknown_languages_get_the_source_text():
    for lang in (None, "", "en", "pt-br"):
        assert catalogue(lang).gettext("Latest stories") == "Latest stories"


def test_the_plugin_ships_french():
    assert catalogue("fr").gettext("Latest stories") == "Derniers récits"
    assert catalogue("fr_CA").gettext("Stories") == "Récits"


def test_site_folders_come_first_then_the_plugin_then_english(tmp_path):
    site = write_catalogue(tmp_path, "fr", DOMAIN, {"Latest stories": "Nos nouveautés"})
    chain = catalogue("fr", [site])
    assert chain.gettext("Latest stories") == "Nos nouveautés"
    assert chain.gettext("Stories") == "Récits"
    assert chain.gettext("Not a message") == "Not a message"


def test_install_adds_the_extension_and_keeps_a_sites_translations():
    env = Environment()
    assert install_translations(env, "fr") is True
    page = env.from_string('{{ _("Stories") }}')
    assert page.render() == "Récits"

    site = Environment(extensions=["jinja2.ext.i18n"])
    site.install_gettext_translations(catalogue("en"), newstyle=True)
    assert install_translations(site, "fr") is False
    assert site.from_string('{{ _("Stories") }}').render() == "Stories"
