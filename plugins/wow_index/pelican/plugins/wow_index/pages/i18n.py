"""Translations of the WoW pages' own text, the way Pelican themes do it.

The fallback templates mark their text with ``_()`` and ``{% trans %}``
(Jinja's ``jinja2.ext.i18n``), with English as the source language. On the
WoW generator's environment only:

- the extension is added when the site has not enabled it already;
- a site that installed translations (e.g. with the i18n_subsites plugin,
  which does so for every generator) keeps them;
- otherwise the catalogue for ``DEFAULT_LANG`` is installed, from the folders
  in ``WOW_LOCALE_DIRS`` first and then the plugin's own ``locale/``; a
  language with no catalogue gets null translations, i.e. English.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment
from jinja2.ext import InternationalizationExtension

__all__ = ["DOMAIN", "LOCALE_DIR", "catalogue", "install_translations"]

DOMAIN = "pelican_wow_index"
LOCALE_DIR = Path(__file__).parent.parent / "locale"


def catalogue(
    lang: str | None, dirs: Sequence[str | Path] = ()
) -> gettext.NullTranslations:
    """The translations for ``lang``: each folder's catalogue falls back on
    the next one's, and the last on English."""
    chain = gettext.NullTranslations()
    if not lang:
        return chain
    language = lang.replace("-", "_")
    found: list[gettext.NullTranslations] = []
    for folder in [*dirs, LOCALE_DIR]:
        try:
            found.append(gettext.translation(DOMAIN, str(folder), [language]))
        except OSError:
            continue
    for translations in reversed(found):
        translations.add_fallback(chain)
        chain = translations
    return chain


def install_translations(
    env: Environment, lang: str | None, dirs: Sequence[str | Path] = ()
) -> bool:
    """Make ``_``, ``gettext`` and ``{% trans %}`` work in ``env``.

    Returns False when the site had already installed translations, which
    are then left as they are.
    """
    if not any(
        isinstance(ext, InternationalizationExtension)
        for ext in env.extensions.values()
    ):
        env.add_extension("jinja2.ext.i18n")
    if "gettext" in env.globals:
        return False
    env.install_gettext_translations(catalogue(lang, dirs), newstyle=True)  # type: ignore[attr-defined]
    return True
