"""Trends, company scores and journeys: hand-worked examples, and the
property that every aggregate in ``wow/index.json`` is what a recount of
the file's own ``stories`` gives."""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.wow_index.index.company_scores import Z, score_companies
from pelican.plugins.wow_index.index.export import dumps, index_document
from pelican.plugins.wow_index.index.grouping import Tagged, build_index, company_key
from pelican.plugins.wow_index.index.journeys import build_journeys, sides
from pelican.plugins.wow_index.index.moments import Moment
from pelican.plugins.wow_index.index.tagging import StoryTags
from pelican.plugins.wow_index.index.trends import (
    build_trends,
    period_label,
    periods_between,
)
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)
from pelican.plugins.wow_index.pages.charts import (
    flow_chart,
    interval_chart,
    trend_chart,
    verdict_colours,
    verdict_symbols,
)
from pelican.plugins.wow_index.settings import verdict_ratings

DATA = default_vocabulary_data()
TP = Vocabulary.from_mapping("WOW_TOUCHPOINTS", DATA["touchpoints"])
VD = Vocabulary.from_mapping("WOW_VERDICTS", DATA["verdicts"])
RATINGS = verdict_ratings(VD)
ZERO = {"wow": 0, "good": 0, "meh": 0, "bad": 0}


def story(title, date=None, touchpoints=(), verdict=None, company=None, moments=()):
    article = SimpleNamespace(
        title=title, url=f"{title}.html", date=date, summary="", author=None
    )
    steps = tuple(
        Moment(n + 1, f"step {n + 1}", tp, vd, f"step-{n + 1}")
        for n, (tp, vd) in enumerate(moments)
    )
    return Tagged(article, StoryTags(tuple(touchpoints), verdict, company), steps)


# Trends ------------------------------------------------------------------------
def test_no_dated_story_gives_no_periods():
    entries = [story("a", None, ["phone"], "bad"), story("b", datetime(2025, 1, 1))]
    trends = build_trends(entries, TP.slugs, VD.slugs, "quarter")
    assert trends.periods == ()
    assert trends.all == {}
    assert trends.touchpoints["phone"] == {}


def test_one_story_is_one_period():
    entries = [story("a", datetime(2025, 5, 10), ["phone", "email"], "good")]
    trends = build_trends(entries, TP.slugs, VD.slugs, "quarter")
    assert trends.periods == ("2025-Q2",)
    assert trends.all == {"2025-Q2": {**ZERO, "good": 1}}
    assert trends.touchpoints["phone"] == {"2025-Q2": {**ZERO, "good": 1}}
    assert trends.touchpoints["email"] == {"2025-Q2": {**ZERO, "good": 1}}
    assert trends.touchpoints["store"] == {"2025-Q2": ZERO}


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("year", ("2024", "2025")),
        ("quarter", ("2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")),
        (
            "month",
            tuple(f"2024-{m}" for m in ("11", "12"))
            + tuple(f"2025-{m:02d}" for m in range(1, 12)),
        ),
    ],
)
def test_every_period_between_the_first_and_the_last_is_listed(period, expected):
    entries = [
        story("late", datetime(2025, 11, 30), ["web"], "bad"),
        story("early", datetime(2024, 11, 2), ["web"], "wow"),
    ]
    trends = build_trends(entries, TP.slugs, VD.slugs, period)
    assert trends.periods == expected
    assert sum(sum(c.values()) for c in trends.all.values()) == 2
    empty = [p for p in expected if not sum(trends.all[p].values())]
    assert len(empty) == len(expected) - 2


def test_a_date_counts_in_its_own_time_zone():
    # 23:30 on New Year's Eve in New York is 2026 in UTC, but 2025 as written.
    late = datetime(2025, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert period_label(late, "year") == "2025"
    assert period_label(late, "quarter") == "2025-Q4"
    assert period_label(late, "month") == "2025-12"
    assert periods_between("2025-Q3", "2026-Q1", "quarter") == (
        "2025-Q3",
        "2025-Q4",
        "2026-Q1",
    )


def test_a_custom_vocabulary_with_three_verdicts():
    verdicts = ("loved", "fine", "never-again")
    entries = [
        story("a", datetime(2026, 1, 5), ["table"], "loved"),
        story("b", datetime(2026, 3, 5), ["table", "bill"], "never-again"),
    ]
    trends = build_trends(entries, ("booking", "table", "bill"), verdicts, "month")
    assert trends.periods == ("2026-01", "2026-02", "2026-03")
    assert trends.all["2026-02"] == {"loved": 0, "fine": 0, "never-again": 0}
    assert trends.touchpoints["bill"]["2026-03"]["never-again"] == 1
    assert sides(verdicts) == (frozenset({"loved"}), frozenset({"never-again"}))


# Company scores ---------------------------------------------------------------
def test_company_scores_by_hand():
    entries = [
        story("a", touchpoints=["store"], verdict="wow", company="Able"),
        story("b1", touchpoints=["phone"], verdict="bad", company="Baker"),
        story("b2", touchpoints=["phone"], verdict="bad", company="baker "),
        story("c", touchpoints=["web"], verdict="good", company="Cole"),
        story("untagged company", touchpoints=["web"], company="Dale"),
    ]
    prior, scores = score_companies(entries, VD.slugs, RATINGS, 3)
    # Ratings 4, 1, 1, 3: mean 2.25; deviations 1.75, -1.25, -1.25, 0.75.
    sd = math.sqrt((1.75**2 + 2 * 1.25**2 + 0.75**2) / 4)
    assert (prior.mean_rating, prior.sd) == (2.25, round(sd, 2))
    assert [(s.name, s.n) for s in scores] == [("Able", 1), ("Cole", 1), ("Baker", 2)]
    able, cole, baker = scores
    assert able.score == round((4 + 3 * 2.25) / 4, 2) == 2.69
    assert cole.score == round((3 + 3 * 2.25) / 4, 2) == 2.44
    assert baker.score == (2 + 3 * 2.25) / 5 == 1.75
    assert baker.verdicts == {**ZERO, "bad": 2}
    assert (able.low, able.high) == (
        round(2.6875 - Z * sd / 2, 2),
        round(2.6875 + Z * sd / 2, 2),
    )
    assert baker.low == 1.0  # clipped to the scale
    assert baker.high == round(1.75 + Z * sd / math.sqrt(5), 2)
    assert all(s.low <= s.score <= s.high for s in scores)


def test_one_company_with_one_story_scores_its_rating():
    prior, [only] = score_companies(
        [story("a", verdict="meh", company="Solo")], VD.slugs, RATINGS, 3
    )
    assert (prior.mean_rating, prior.sd) == (2.0, 0.0)
    assert (only.n, only.score, only.low, only.high, only.mean_rating) == (
        1,
        2.0,
        2.0,
        2.0,
        2.0,
    )


def test_a_single_story_does_not_outrank_many_good_ones():
    entries = (
        [story("one", verdict="wow", company="Lucky")]
        + [
            story(f"g{n}", verdict="wow" if n % 3 == 0 else "good", company="Steady")
            for n in range(20)
        ]
        + [story(f"b{n}", verdict="bad", company="Other") for n in range(10)]
    )
    _, scores = score_companies(entries, VD.slugs, RATINGS, 3)
    assert [s.name for s in scores][:2] == ["Steady", "Lucky"]


def test_no_rated_story_gives_no_scores():
    prior, scores = score_companies(
        [story("a", touchpoints=["web"], company="X")], VD.slugs, RATINGS, 3
    )
    assert (prior.mean_rating, prior.sd, scores) == (None, None, [])


def test_five_verdicts_with_their_own_ratings():
    verdicts = ("superb", "good", "ok", "poor", "awful")
    ratings = {"superb": 10, "good": 8, "ok": 5, "poor": 3, "awful": 0}
    prior, [only] = score_companies(
        [story("a", verdict="superb", company="Q"), story("b", verdict="awful")],
        verdicts,
        ratings,
        1,
    )
    assert prior.mean_rating == 5.0 and prior.sd == 5.0
    assert only.score == (10 + 5) / 2
    assert (only.low, only.high) == (round(7.5 - Z * 5 / math.sqrt(2), 2), 10.0)
    assert sides(verdicts) == (
        frozenset({"superb", "good"}),
        frozenset({"poor", "awful"}),
    )


# Journeys ---------------------------------------------------------------------
def test_journeys_by_hand():
    entries = [
        story("no moments", touchpoints=["phone"], verdict="bad"),
        story("one moment", moments=[("phone", "bad")]),
        story(
            "callbacks",
            moments=[("repair", "meh"), ("phone", "bad"), ("phone", "good")],
        ),
        story(
            "turned", moments=[("store", "good"), ("phone", "bad"), ("phone", "good")]
        ),
        story(
            "half a moment", moments=[("store", "wow"), (None, "bad"), ("store", None)]
        ),
    ]
    journeys = build_journeys(entries, TP.slugs, VD.slugs)
    assert journeys.stories == 2
    assert journeys.steps == 4
    assert journeys.verdict_flow["meh"]["bad"] == 1
    assert journeys.verdict_flow["bad"]["good"] == 2
    assert journeys.verdict_flow["good"]["bad"] == 1
    assert sum(sum(row.values()) for row in journeys.verdict_flow.values()) == 4
    first = journeys.transitions[0]
    assert (
        first.from_touchpoint,
        first.from_verdict,
        first.to_touchpoint,
        first.to_verdict,
        first.count,
    ) == ("phone", "bad", "phone", "good", 2)
    assert [s.title for s, _ in first.stories] == ["callbacks", "turned"]
    assert [a for _, a in first.stories] == ["step-3", "step-3"]
    [bad] = journeys.turned_bad()
    assert (bad.from_touchpoint, bad.to_touchpoint) == ("store", "phone")
    assert [t.count for t in journeys.recovered()] == [2]


def test_stories_without_moments_make_no_journeys():
    journeys = build_journeys([story("a", verdict="bad")], TP.slugs, VD.slugs)
    assert (journeys.stories, journeys.steps, journeys.transitions) == (0, 0, ())
    assert journeys.verdict_flow == {v: dict(ZERO) for v in VD.slugs}
    chart = flow_chart(journeys.verdict_flow, VD.slugs)
    assert chart.steps == 0 and chart.bands == ()


# Charts -----------------------------------------------------------------------
def test_trend_columns_stack_to_the_full_height_and_mark_low_n():
    chart = trend_chart(
        ["2025-Q1", "2025-Q2", "2025-Q3"],
        {"2025-Q1": {"wow": 3, "bad": 3}, "2025-Q2": {}, "2025-Q3": {"good": 1}},
        VD.slugs,
        low_n=5,
    )
    first, empty, low = chart.columns
    assert [s.height for s in first.segments] == ["50.0", "50.0"]
    assert (first.n, first.low, empty.n, empty.segments, low.low) == (
        6,
        False,
        0,
        (),
        True,
    )
    assert (chart.better_first, chart.better_last, chart.total) == (50, 100, 7)


def test_interval_chart_places_scores_on_the_rating_scale():
    chart = interval_chart([("A", 2, 2.5, 1.0, 4.0)], 1, 4, 2.5)
    [row] = chart.rows
    assert (row.x_low, row.x_score, row.x_high) == ("12.0", "160.0", "308.0")
    assert chart.x_mean == "160.0"
    assert [r for _, r in chart.ticks] == [1, 2, 3, 4]


def test_every_verdict_has_its_own_colour_and_symbol():
    for verdicts in (VD.slugs, ("a", "b", "c"), ("a", "b", "c", "d", "e")):
        assert len(set(verdict_colours(verdicts).values())) == len(verdicts)
        assert len(set(verdict_symbols(verdicts).values())) == len(verdicts)
    assert verdict_symbols(VD.slugs) == {
        "wow": "★",
        "good": "✓",
        "meh": "~",
        "bad": "✗",
    }


# The JSON recounted ------------------------------------------------------------
COMPANIES = st.one_of(st.none(), st.sampled_from(["Kettle & Co", "kettle & co ", "Q"]))
DATES = st.one_of(
    st.none(),
    st.datetimes(datetime(2023, 1, 1), datetime(2026, 12, 31)),
    st.datetimes(
        datetime(2024, 1, 1), datetime(2025, 12, 31), timezones=st.just(timezone.utc)
    ),
)
MOMENT = st.tuples(
    st.one_of(st.none(), st.sampled_from(TP.slugs)),
    st.one_of(st.none(), st.sampled_from(VD.slugs)),
)


@st.composite
def entries(draw):
    made = []
    for number in range(draw(st.integers(0, 20))):
        made.append(
            story(
                f"s{number}",
                draw(DATES),
                draw(st.lists(st.sampled_from(TP.slugs), unique=True, max_size=3)),
                draw(st.one_of(st.none(), st.sampled_from(VD.slugs))),
                draw(COMPANIES),
                draw(st.lists(MOMENT, max_size=4)),
            )
        )
    return made


def recount(data, period):
    """The aggregates, worked out again from the file's ``stories`` alone."""
    stories = data["stories"]
    verdicts = [v["slug"] for v in data["verdicts"]]
    rating = {v["slug"]: v["rating"] for v in data["verdicts"]}
    dated = [s for s in stories if s["date"] and s["verdict"]]

    def label(text):
        year, month = int(text[:4]), int(text[5:7])
        return {
            "year": f"{year}",
            "quarter": f"{year}-Q{(month - 1) // 3 + 1}",
            "month": f"{year}-{month:02d}",
        }[period]

    by_period = Counter((label(s["date"]), s["verdict"]) for s in dated)
    by_touchpoint = Counter(
        (tp, label(s["date"]), s["verdict"]) for s in dated for tp in s["touchpoints"]
    )
    rated = [s for s in stories if s["verdict"]]
    site = [rating[s["verdict"]] for s in rated]
    mean = sum(site) / len(site) if site else None
    sd = math.sqrt(sum((r - mean) ** 2 for r in site) / len(site)) if site else None
    companies = {}
    for s in rated:
        if s["company"]:
            companies.setdefault(company_key(s["company"]), []).append(s["verdict"])
    flow = Counter()
    transitions = Counter()
    journey_stories = 0
    for s in stories:
        steps = [m for m in s["moments"] if m["touchpoint"] and m["verdict"]]
        journey_stories += len(steps) >= 2
        for a, b in itertools.pairwise(steps):
            flow[(a["verdict"], b["verdict"])] += 1
            key = (a["touchpoint"], a["verdict"], b["touchpoint"], b["verdict"])
            transitions[key] += 1
    return (
        verdicts,
        by_period,
        by_touchpoint,
        mean,
        sd,
        companies,
        rating,
        flow,
        transitions,
        journey_stories,
    )


@given(entries(), st.sampled_from(["year", "quarter", "month"]), st.integers(1, 6))
@settings(max_examples=150, deadline=None)
def test_the_json_aggregates_equal_a_recount_of_its_stories(made, period, weight):
    index = build_index(made, TP.slugs, VD.slugs)
    data = json.loads(
        dumps(index_document(index, TP, VD, trend_period=period, prior_weight=weight))
    )
    (
        verdicts,
        by_period,
        by_touchpoint,
        mean,
        sd,
        companies,
        rating,
        flow,
        transitions,
        journey_stories,
    ) = recount(data, period)

    trends = data["trends"]
    assert trends["period"] == period
    for p in trends["periods"]:
        for v in verdicts:
            assert trends["all"][p][v] == by_period[(p, v)]
            for tp in TP.slugs:
                assert trends["touchpoints"][tp][p][v] == by_touchpoint[(tp, p, v)]
    assert sum(sum(c.values()) for c in trends["all"].values()) == sum(
        by_period.values()
    )
    if by_period:
        assert {p for p, _ in by_period} <= set(trends["periods"])
        assert trends["periods"][0] in {p for p, _ in by_period}
        assert trends["periods"][-1] in {p for p, _ in by_period}
    else:
        assert trends["periods"] == []

    prior = data["company_prior"]
    assert prior["weight"] == weight
    if mean is None:
        assert prior["mean_rating"] is None and data["companies"] == []
    else:
        assert prior["mean_rating"] == round(mean, 2)
        assert prior["sd"] == round(sd, 2)
    assert len(data["companies"]) == len(companies)
    order = []
    for record in data["companies"]:
        found = companies[company_key(record["name"])]
        assert record["n"] == len(found)
        assert record["verdicts"] == {v: found.count(v) for v in verdicts}
        total = sum(rating[v] for v in found)
        score = (total + weight * mean) / (len(found) + weight)
        half = Z * sd / math.sqrt(len(found) + weight)
        assert record["mean_rating"] == round(total / len(found), 2)
        assert record["score"] == round(score, 2)
        assert record["low"] == round(max(min(rating.values()), score - half), 2)
        assert record["high"] == round(min(max(rating.values()), score + half), 2)
        assert record["low"] <= record["score"] <= record["high"]
        order.append((-record["score"], -record["n"], record["name"]))
    assert order == sorted(order)

    journeys = data["journeys"]
    assert journeys["stories"] == journey_stories
    for a in verdicts:
        for b in verdicts:
            assert journeys["verdict_flow"][a][b] == flow[(a, b)]
    listed = {
        (
            t["from_touchpoint"],
            t["from_verdict"],
            t["to_touchpoint"],
            t["to_verdict"],
        ): t["count"]
        for t in journeys["transitions"]
    }
    assert listed == dict(transitions)
    counts = [t["count"] for t in journeys["transitions"]]
    assert counts == sorted(counts, reverse=True)


def test_flow_labels_keep_apart_when_verdicts_have_no_steps():
    flow = {v: dict(ZERO) for v in VD.slugs}
    flow["bad"]["bad"] = 40
    flow["meh"]["bad"] = 1
    chart = flow_chart(flow, VD.slugs)
    for side in (chart.before, chart.after):
        middles = [float(node.middle) for node in side]
        assert all(b - a >= 18 for a, b in itertools.pairwise(middles))
    assert chart.before[-1].height == f"{160 * 40 / 41:.1f}"
    assert chart.height >= float(chart.before[-1].y) + float(chart.before[-1].height)
