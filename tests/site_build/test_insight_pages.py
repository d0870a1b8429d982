"""The trends, company comparison and journeys pages: in the site's theme
and in Pelican's own themes, their numbers the ones in ``wow/index.json``,
their links alive, and gone (with every link to them) when turned off."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from sitebuild import FIXTURES, ROOT, broken_links, build_site, html_files

CONTENT = FIXTURES / "site" / "content"
INSIGHTS = [
    "wow/trends/index.html",
    "wow/company/index.html",
    "wow/journeys/index.html",
]


def data(build) -> dict:
    """The build's ``wow/index.json``, checked against the README's schema."""
    document = json.loads(build.read("wow/index.json"))
    readme = (ROOT / "plugins/wow_index/README.md").read_text(encoding="utf-8")
    schema = re.search(
        r"<!-- example: json-schema -->\n```json\n(.*?)\n```", readme, re.S
    ).group(1)
    jsonschema.Draft202012Validator(json.loads(schema)).validate(document)
    assert document["schema_version"] == 2
    return document


def cells(row) -> list[str]:
    return [c.get_text(" ", strip=True) for c in row.find_all(["th", "td"])]


def assert_charts_are_accessible(page, path):
    charts = page.select("svg.wow-svg")
    assert charts, path
    for svg in charts:
        assert svg["role"] == "img"
        title = page.find(id=svg["aria-labelledby"])
        desc = page.find(id=svg["aria-describedby"])
        assert title.name == "title" and title.get_text(strip=True), path
        assert desc.name == "desc" and desc.get_text(strip=True).endswith("."), path
        # The same numbers in a table: beside the chart, or in the page.
        assert page.find("table"), path
    assert not page.find("script") or all(
        s.get("type") == "application/ld+json" or s.get("src")
        for s in page.find_all("script")
    )


# The site's theme -----------------------------------------------------------------
def test_the_index_links_to_each_insight_page(reader_site):
    page = reader_site.soup("wow/index.html")
    links = {a["href"] for a in page.select("nav.insights a")}
    assert links == {"../wow/trends/", "../wow/company/", "../wow/journeys/"}


@pytest.mark.parametrize("path", INSIGHTS)
def test_insight_pages_in_the_site_theme(reader_site, path):
    page = reader_site.soup(path)
    assert_charts_are_accessible(page, path)
    assert broken_links(reader_site.output, [reader_site.output / path]) == []


def test_the_trend_tables_hold_the_json_counts(reader_site):
    trends = data(reader_site)["trends"]
    page = reader_site.soup("wow/trends/index.html")
    verdicts = [v["slug"] for v in data(reader_site)["verdicts"]]
    overall = page.find("svg", attrs={"aria-labelledby": "trend-all-title"})
    table = overall.find_parent(class_="wow-chart").find("table")
    rows = [cells(tr) for tr in table.tbody.find_all("tr")]
    assert [r[0] for r in rows] == trends["periods"]
    for row, period in zip(rows, trends["periods"], strict=True):
        counts = [trends["all"][period][v] for v in verdicts]
        assert [int(x) for x in row[1:-1]] == counts
        assert int(row[-1].split()[0]) == sum(counts)
        assert row[-1].endswith("*") == (0 < sum(counts) < 5)
    # One chart per touchpoint with dated, rated stories, under its stage.
    charted = {
        tp for tp, series in trends["touchpoints"].items()
        if any(sum(c.values()) for c in series.values())
    }  # fmt: skip
    ids = {svg["aria-labelledby"] for svg in page.select("svg.wow-svg")}
    assert ids == {"trend-all-title"} | {f"trend-{tp}-title" for tp in charted}
    low = page.select("g.wow-low-n")
    assert low and all(g.find("rect", attrs={"stroke-dasharray": True}) for g in low)


def test_the_company_comparison_follows_the_json(reader_site):
    index = data(reader_site)
    page = reader_site.soup("wow/company/index.html")
    rows = [cells(tr) for tr in page.select("table.companies tbody tr")]
    scored = rows[: len(index["companies"])]
    assert [r[0] for r in scored] == [c["name"] for c in index["companies"]]
    for row, company in zip(scored, index["companies"], strict=True):
        assert row[-3:] == [
            str(company["n"]),
            f"{company['score']:.2f}",
            f"{company['low']:.2f}–{company['high']:.2f}",
        ]
    chart = page.select("svg.wow-interval-chart g.wow-row")
    assert len(chart) == len(index["companies"])
    first = chart[0].select("text")[1].get_text()
    assert (
        first
        == f"{index['companies'][0]['score']:.2f} · N {index['companies'][0]['n']}"
    )


def test_each_company_page_shows_its_score_and_interval(reader_site):
    for company in data(reader_site)["companies"]:
        page = reader_site.soup(company["url"] + "index.html")
        line = page.select_one(".score-line").get_text(" ", strip=True)
        assert f"Score {company['score']:.2f}" in line
        assert f"{company['low']:.2f}–{company['high']:.2f}" in line
        assert f"from {company['n']} rated" in line


def test_journey_tables_link_to_the_moment_where_it_turned(reader_site):
    index = data(reader_site)
    journeys = index["journeys"]
    page = reader_site.soup("wow/journeys/index.html")
    better, worse = {"wow", "good"}, {"meh", "bad"}
    for heading, frm, to in (("turn-bad", better, worse), ("recover", worse, better)):
        expected = [
            t for t in journeys["transitions"]
            if t["from_verdict"] in frm and t["to_verdict"] in to
        ]  # fmt: skip
        table = page.find(id=heading).find_next("table")
        if not expected:
            assert table is None or table.find_previous("h2")["id"] != heading
            continue
        rows = table.tbody.find_all("tr")
        assert [int(r.find_all("td")[2].get_text()) for r in rows] == [
            t["count"] for t in expected
        ]
        for row, transition in zip(rows, expected, strict=True):
            links = [a["href"] for a in row.find_all("a")]
            assert [link.split("#")[0] for link in links] == [
                "../../" + url for url in transition["stories"]
            ]
            for link in links:
                target, anchor = link.split("#")
                story = (reader_site.output / "wow/journeys" / target).resolve()
                if story.is_dir():
                    story = story / "index.html"
                assert f'id="{anchor}"' in story.read_text(encoding="utf-8")
    flow = page.select_one("svg.wow-flow-chart")
    total = sum(sum(row.values()) for row in journeys["verdict_flow"].values())
    assert len(flow.select("path.wow-band")) == sum(
        1 for row in journeys["verdict_flow"].values() for n in row.values() if n
    )
    assert str(total) in page.select_one("svg.wow-flow-chart desc").get_text()


# Pelican's own themes -------------------------------------------------------------
@pytest.mark.parametrize("theme", ["notmyidea", "simple"])
def test_insight_pages_in_pelicans_themes(tmp_path, theme):
    build = build_site(CONTENT, tmp_path / "out", THEME=theme)
    assert build.returncode == 0, build.log
    for path in INSIGHTS:
        page = build.soup(path)
        assert page.find("h1"), path
        assert_charts_are_accessible(page, path)
    index = build.soup("wow/index.html")
    assert {a["href"] for a in index.select(".wow-insights a")} == {
        "../wow/trends/", "../wow/company/", "../wow/journeys/",
    }  # fmt: skip
    assert broken_links(build.output) == []
    companies = data(build)["companies"]
    table = build.soup("wow/company/index.html").select("table.wow-company-table tr")
    assert [cells(tr)[0] for tr in table[1 : len(companies) + 1]] == [
        c["name"] for c in companies
    ]


def test_an_empty_save_path_turns_a_page_off_and_nothing_links_to_it(tmp_path):
    build = build_site(
        CONTENT,
        tmp_path / "out",
        WOW_TRENDS_SAVE_AS="",
        WOW_JOURNEYS_SAVE_AS=None,
        WOW_COMPANIES_SAVE_AS="",
    )
    assert build.returncode == 0, build.log
    for path in INSIGHTS:
        assert not (build.output / path).exists()
    for page in html_files(build.output):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*wow/(trends|journeys|company)/"', text), page
    # The data stays in the JSON.
    assert data(build)["trends"]["periods"]
    company = build.soup("wow/company/quickfix-service-centre/index.html")
    assert "Compare every company" not in company.get_text()


def test_other_urls_and_a_custom_vocabulary(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    stories = [
        ("2026-01-10", "table", "loved", "Bistro Nord", "{: .booking .fine }"),
        ("2026-03-02", "bill", "never-again", "Bistro Nord", "{: .table .loved }"),
        ("2025-11-20", "table", "fine", "Cafe Sud", ""),
    ]
    for number, (date, tp, verdict, company, moment) in enumerate(stories):
        (content / f"s{number}.md").write_text(
            f"Title: Dinner {number}\nDate: {date}\nTouchpoint: {tp}\n"
            f"Verdict: {verdict}\nCompany: {company}\n\n## Booked {moment}\n\nA.\n\n"
            f"## Ate {{: .bill .never-again }}\n\nB.\n",
            encoding="utf-8",
        )
    build = build_site(
        content,
        tmp_path / "out",
        WOW_TOUCHPOINTS={
            "booking": {"label": "Booking", "stage": "before"},
            "table": {"label": "At the table", "stage": "meal"},
            "bill": {"label": "The bill", "stage": "after"},
        },
        WOW_VERDICTS={"loved": {"label": "Loved it"}, "fine": {"label": "Fine"},
                      "never-again": {"label": "Never again"}},
        WOW_STAGES=["before", "meal", "after"],
        WOW_TREND_PERIOD="month",
        WOW_COMPANY_PRIOR_WEIGHT=1,
        WOW_TRENDS_URL="dining/trends/",
        WOW_TRENDS_SAVE_AS="dining/trends/index.html",
        WOW_JOURNEYS_URL="dining/journeys.html",
        WOW_JOURNEYS_SAVE_AS="dining/journeys.html",
        MARKDOWN={"extension_configs": {"markdown.extensions.extra": {},
                                        "markdown.extensions.toc": {}}},
    )  # fmt: skip
    assert build.returncode == 0, build.log
    index = data(build)
    assert index["trends"]["periods"] == ["2025-11", "2025-12", "2026-01", "2026-02",
                                          "2026-03"]  # fmt: skip
    assert index["company_prior"]["weight"] == 1
    # Ratings 3, 1 and 2 (mean 2): both score 2.0, and more stories rank first.
    assert [(c["name"], c["score"]) for c in index["companies"]] == [
        ("Bistro Nord", 2.0),
        ("Cafe Sud", 2.0),
    ]
    trends = build.soup("dining/trends/index.html")
    assert len(trends.select("svg.wow-trend-chart")) == 3  # all, table, bill
    header = cells(trends.select_one("table.wow-numbers thead tr"))
    assert header == ["Period", "★ Loved it", "○ Fine", "✗ Never again", "N"]
    journeys = build.soup("dining/journeys.html")
    turned = journeys.find(id="turn-bad").find_next("table")
    assert cells(turned.tbody.tr)[:3] == ["At the table, ★ Loved it",
                                          "The bill, ✗ Never again", "1"]  # fmt: skip
    links = {a["href"] for a in build.soup("wow/index.html").select(".wow-insights a")}
    assert links == {"../dining/trends/", "../wow/company/", "../dining/journeys.html"}
    assert broken_links(build.output) == []


def test_no_dates_no_moments_no_companies(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "one.md").write_text(
        "Title: One\nDate: 2026-02-01\nTouchpoint: phone\n\nNo verdict.\n",
        encoding="utf-8",
    )
    build = build_site(content, tmp_path / "out")
    assert build.returncode == 0, build.log
    index = data(build)
    assert index["trends"]["periods"] == [] and index["companies"] == []
    assert index["journeys"]["stories"] == 0
    assert "no trend to show" in build.soup("wow/trends/index.html").get_text()
    assert "no journeys to show" in build.soup("wow/journeys/index.html").get_text()
    assert not build.soup("wow/company/index.html").find("svg")


def test_names_cannot_inject_markup_into_the_charts(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "x.md").write_text(
        "Title: X\nDate: 2026-02-01\nTouchpoint: phone\nVerdict: bad\n"
        'Company: <script>alert(1)</script> & "Co"\n\nText.\n',
        encoding="utf-8",
    )
    build = build_site(content, tmp_path / "out")
    assert build.returncode == 0, build.log
    text = build.read("wow/company/index.html")
    assert "<script>alert" not in text
    svg = build.soup("wow/company/index.html").select_one("svg.wow-interval-chart")
    assert "<script>alert(1)</script>" in svg.select_one("text.wow-label").get_text()
