"""The serve process's pure parts: fingerprints, the reload signal, the
script it adds to pages. (``tests/serve`` drives the real thing.)"""

from __future__ import annotations

import copy
import threading
import time

import pytest
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.log import LimitFilter
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category
from pelican.utils import get_date, process_translations

from devserver.fingerprint import (
    body_digest,
    card_digest,
    settings_digest,
    site_digest,
    templates_digest,
)
from devserver.http import ReloadHub, inject
from devserver.linear import linear_period_archives, linear_translations


def article(title="A story", body="<p>Body.</p>", **metadata) -> Article:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    meta = {"title": title, "date": "2024-01-02", "slug": "a-story", **metadata}
    meta["category"] = Category("stories", settings)
    meta["date"] = get_date(meta["date"])
    return Article(body, meta, settings=settings, source_path="/c/stories/a.md")


def test_a_body_change_changes_the_body_digest_only():
    a, b = article(), article(body="<p>Another body.</p>")
    assert card_digest(a) == card_digest(b)
    assert body_digest(a) != body_digest(b)


def test_metadata_changes_change_the_card():
    base = card_digest(article())
    assert card_digest(article(title="Retitled")) != base
    assert card_digest(article(slug="elsewhere")) != base
    changed = article()
    changed.verdict = "bad"  # what a plugin adds counts too
    assert card_digest(changed) != base


def test_a_copy_with_a_new_context_has_the_same_card():
    a = article()
    b = copy.copy(a)
    b._context = {"anything": object()}
    assert card_digest(a) == card_digest(b)


def test_translations_are_references():
    a, other = article(), article(title="Autre", lang="fr")
    a.translations = [other]
    before = card_digest(a)
    other.title = "Changed"  # the translation's own card covers this
    assert card_digest(a) == before


def test_site_digest_ignores_bookkeeping_and_shared_settings():
    settings = {"SITENAME": "Site", "THEME_STATIC_PATHS": ["static"]}
    context = dict(settings, extra={"latest": [article()]}, localsiteurl="../..")
    digest = site_digest(context, settings)
    assert site_digest(dict(context, localsiteurl="."), settings) == digest
    # Pelican's own lists and the WoW view follow from the content
    # fingerprints ...
    assert site_digest(dict(context, articles=[article()]), settings) == digest
    assert site_digest(dict(context, wow={"latest": []}), settings) == digest
    # ... what another plugin adds is fingerprinted.
    assert site_digest(dict(context, extra={"latest": []}), settings) != digest
    assert settings_digest(settings) != settings_digest(dict(settings, SITENAME="X"))


def test_templates_digest_sees_an_edit(tmp_path):
    (tmp_path / "base.html").write_text("<html>", encoding="utf-8")
    before = templates_digest([str(tmp_path)])
    time.sleep(0.01)
    (tmp_path / "base.html").write_text("<html lang=en>", encoding="utf-8")
    assert templates_digest([str(tmp_path)]) != before


def test_the_reload_script_goes_before_the_last_body_end():
    page = b"<html><body><p>x</p></body></html>"
    served = inject(page, 7)
    assert served.endswith(b"</body></html>")
    assert b'<script src="/__devserver/reload.js" data-generation="7"' in served
    assert inject(b"<p>fragment</p>", 1).startswith(b"<p>fragment</p><script")


def test_the_hub_wakes_waiting_browsers_on_publish():
    hub = ReloadHub()
    seen: list[int] = []
    waiter = threading.Thread(target=lambda: seen.append(hub.wait(0, timeout=10)))
    waiter.start()
    hub.publish(1)
    waiter.join(timeout=10)
    assert seen == [1]
    hub.failed(["stories/x.md: bad date"])
    assert hub.status["ok"] is False and hub.status["builds"] == 2
    assert hub.status["generation"] == 1


class _Story:
    def __init__(self, number: int, date: str) -> None:
        self.number, self.date = number, get_date(date)

    def __repr__(self) -> str:
        return f"story {self.number}"


class _EqualStory(_Story):
    def __eq__(self, other: object) -> bool:  # every story "equals" every other
        return isinstance(other, _Story)

    __hash__ = object.__hash__


def _period_settings() -> dict:
    settings = copy.deepcopy(DEFAULT_CONFIG)
    for period, fmt in (("YEAR", "%Y"), ("MONTH", "%Y/%m"), ("DAY", "%Y/%m/%d")):
        settings[f"{period}_ARCHIVE_SAVE_AS"] = f"{{date:{fmt}}}/index.html"
        settings[f"{period}_ARCHIVE_URL"] = f"{{date:{fmt}}}/"
    return settings


def _numbers(archives: dict) -> dict:
    """Archives with stories as numbers (== would not tell stories apart)."""
    return {
        granularity: [
            {
                key: [s.number for s in value]
                if key in {"articles", "dates"}
                else value
                for key, value in archive.items()
            }
            for archive in periods
        ]
        for granularity, periods in archives.items()
    }


def test_period_archives_in_one_pass_equal_pelicans():
    pelicans = ArticlesGenerator.__dict__["_build_period_archives"]
    pelicans = getattr(pelicans, "__wrapped__", pelicans)
    linear = linear_period_archives(pelicans)
    days = ["2021-03-04", "2021-03-04", "2021-03-09", "2021-11-30", "2023-01-01"]
    found = {}
    for cls in (_Story, _EqualStory):
        # Pelican passes the stories in their own order and sorted by date.
        stories = [cls(n, days[(n * 3) % len(days)]) for n in range(12)]
        dates = sorted(stories, key=lambda s: s.date, reverse=True)
        expected = _numbers(pelicans(None, dates, stories, _period_settings()))
        found[cls] = _numbers(linear(None, dates, stories, _period_settings()))
        assert found[cls] == expected
    plain = found[_Story]
    assert [a["articles"] for a in plain["year"]] == [
        [3, 8],
        [0, 1, 2, 4, 5, 6, 7, 9, 10, 11],
    ]
    assert [a["period"] for a in plain["month"]] == [
        (2023, "January"),
        (2021, "November"),
        (2021, "March"),
    ]
    assert plain["day"][1]["articles"] == [1, 6, 11]
    # A story class with its own == gets Pelican's code and its result.
    assert [len(a["articles"]) for a in found[_EqualStory]["day"]] == [12, 12, 12, 12]


def _translatable(slug: str, lang: str, number: int, **metadata) -> Article:
    story = article(slug=slug, lang=lang, **metadata)
    story.source_path = f"/c/{number}.md"
    return story


def test_translations_paired_group_by_group_equal_pelicans(caplog):
    pelicans = getattr(process_translations, "__wrapped__", process_translations)
    linear = linear_translations(pelicans)

    def stories() -> list[Article]:
        return [
            _translatable("b", "fr", 0),
            _translatable("a", "en", 1),
            _translatable("c", "de", 2),  # no original in the default language
            _translatable("b", "en", 3),
            _translatable("d", "en", 4, translation="true"),  # all translations
            _translatable("a", "fr", 5),
            _translatable("e", "en", 6),
            _translatable("e", "en", 7),  # two originals: Pelican warns
        ]

    def paths(contents: list[Article]) -> list[str]:
        return [c.source_path for c in contents]

    results, logs = [], []
    for process in (pelicans, linear):
        caplog.clear()
        LimitFilter._raised_messages.clear()  # Pelican says a warning once
        contents = stories()
        index, translations = process(contents, translation_id="slug")
        results.append(
            (
                paths(contents),  # sorted in place, as Pelican's does
                paths(index),
                paths(translations),
                [paths(c.translations) for c in contents],
            )
        )
        logs.append([r.getMessage() for r in caplog.records])
    assert results[0] == results[1]
    assert logs[0] == logs[1] and len(logs[0]) == 3
    assert results[1][1:3] == (
        ["/c/1.md", "/c/3.md", "/c/2.md", "/c/4.md", "/c/6.md", "/c/7.md"],
        ["/c/5.md", "/c/0.md"],
    )
    # Pelican's own messages for a translation id that cannot be used.
    with pytest.raises(AttributeError, match="as 'translation_id'"):
        linear(stories(), translation_id="no_such_field")
    assert linear(stories(), translation_id=None)[1] == []
