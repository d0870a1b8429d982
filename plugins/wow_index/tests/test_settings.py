import pytest
from pelican.plugins.wow_index.settings import SCHEMA, SettingsError, load_settings


def test_defaults_are_filled_in_place():
    settings = {}
    wow = load_settings(settings)
    assert settings["WOW_INDEX_URL"] == "wow/"
    assert settings["WOW_TOUCHPOINT_SAVE_AS"] == "wow/touchpoint/{slug}/index.html"
    assert wow.touchpoints.slugs[0] == "store"
    assert wow.strict is False


def test_every_setting_is_documented():
    assert all(s.doc for s in SCHEMA)
    assert len({s.name for s in SCHEMA}) == len(SCHEMA)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"WOW_STRICT": "yes"}, "WOW_STRICT must be bool"),
        ({"WOW_LATEST": 0}, "WOW_LATEST must be at least 1"),
        ({"WOW_TOUCHPOINT_URL": "t/{slg}/"}, r"unknown placeholder\(s\) \{slg\}"),
        ({"WOW_CELL_URL": "c/{slug}/"}, r"allowed: \{touchpoint\}, \{verdict\}"),
        ({"WOW_TOUCHPOINTS": ["phone"]}, "WOW_TOUCHPOINTS must be dict"),
        ({"WOW_VERDICTS": {"Good!": {}}}, "not a valid slug"),
        ({"WOW_STAGES": [1, 2]}, "WOW_STAGES must be a list of strings"),
        ({"WOW_STRIKT": True}, 'did you mean "WOW_STRICT"'),
        ({"WOW_TREND_PERIOD": "week"}, "'week' is not a period; use 'year', 'quarter'"),
        ({"WOW_COMPANY_PRIOR_WEIGHT": 0}, "PRIOR_WEIGHT must be at least 1"),
        ({"WOW_COMPANY_PRIOR_WEIGHT": 2.5}, "WOW_COMPANY_PRIOR_WEIGHT must be int"),
        ({"WOW_TRENDS_URL": "t/{slug}/"}, r"unknown placeholder\(s\) \{slug\}"),
        ({"WOW_VERDICTS": {"phone": {"label": "Phone"}}}, "share the slug"),
        ({"WOW_INDEX_SAVE_AS": True}, "path pattern"),
        ({"WOW_TOUCHPOINT_SAVE_AS": "tp.html"}, r"must use \{slug\} or \{name\}"),
        ({"WOW_COMPANY_FEED_ATOM": "c.xml"}, r"WOW_COMPANY_FEED_ATOM .* \{slug\}"),
        ({"WOW_CELL_URL": "c/{touchpoint}/"}, r"\{touchpoint\} and \{verdict\}"),
        ({"WOW_VERDICT_RATINGS": {"wow": 4}}, "must rate exactly the verdicts"),
        ({"WOW_VERDICT_RATINGS": {"wow": "4"}}, "WOW_VERDICT_RATINGS must map"),
        (
            {"WOW_VERDICT_RATINGS": {"wow": 1, "good": 2, "meh": 3, "bad": 4}},
            "must fall from best to worst",
        ),
        ({"WOW_CONTENT_BLOCK": "main-content"}, "not a Jinja block name"),
        ({"WOW_TITLE_BLOCK": None}, "WOW_TITLE_BLOCK must be str"),
        ({"WOW_LOCALE_DIRS": "locale"}, "WOW_LOCALE_DIRS must be list or tuple"),
        ({"WOW_LOCALE_DIRS": [1]}, "WOW_LOCALE_DIRS must be a list of strings"),
        ({"WOW_INDEX_TITLE": 3}, "WOW_INDEX_TITLE must be str or None"),
    ],
)
def test_invalid_settings_fail_fast_naming_the_setting(settings, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(settings)


def test_pages_can_be_turned_off():
    settings = {"WOW_COMPANY_SAVE_AS": "", "WOW_JSON_SAVE_AS": None}
    load_settings(settings)
    assert settings["WOW_COMPANY_SAVE_AS"] == ""


def test_verdict_ratings_default_to_the_order_and_may_be_set():
    assert dict(load_settings({}).ratings) == {"wow": 4, "good": 3, "meh": 2, "bad": 1}
    ratings = {"wow": 10, "good": 7, "meh": 3, "bad": 0}
    assert dict(load_settings({"WOW_VERDICT_RATINGS": ratings}).ratings) == ratings
