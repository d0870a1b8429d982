"""The plugin README's examples, run: its settings build sites, its stories
are tagged as it says, its JSON is what the plugin writes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from pelican.plugins.wow_index.index.vocabulary import (
    Vocabulary,
    default_vocabulary_data,
)
from pelican.plugins.wow_index.settings import verdict_ratings

from otherblog import THIRD_PARTY_THEME
from sitebuild import (
    FIXTURES,
    ROOT,
    broken_links,
    build_site,
    fixture_settings,
    write_settings,
)

README = (ROOT / "plugins" / "wow_index" / "README.md").read_text(encoding="utf-8")
EXAMPLE = re.compile(
    r"<!-- example: (?P<kind>[a-z-]+)(?: (?P<arg>\S+))? -->\n"
    r"```(?P<lang>\S*)\n(?P<body>.*?)\n```",
    re.S,
)
EXAMPLES = [m.groupdict() for m in EXAMPLE.finditer(README)]


def examples(kind: str, arg: str | None = None) -> list[dict[str, str]]:
    found = [e for e in EXAMPLES if e["kind"] == kind and arg in (None, e["arg"])]
    assert found, f"no '{kind} {arg or ''}' example in the README"
    return found


def settings(name: str) -> dict[str, object]:
    """Run the README's Python blocks marked ``settings NAME``, in order."""
    namespace: dict[str, object] = {}
    for example in examples("settings", name):
        assert example["lang"] == "python"
        exec(example["body"], namespace)  # the README's own code
    return {k: v for k, v in namespace.items() if k.isupper()}


def example_json(kind: str) -> dict:
    (example,) = examples(kind)
    return json.loads(example["body"])


def write_stories(root: Path) -> Path:
    """The README's stories, at the paths its examples name."""
    for example in examples("story"):
        path = root / example["arg"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(example["body"] + "\n", encoding="utf-8")
    return root / "content"


def is_subset(example: object, actual: object) -> bool:
    """``example`` shows part of ``actual``: keys of dicts, items of lists."""
    if isinstance(example, dict):
        return isinstance(actual, dict) and all(
            key in actual and is_subset(value, actual[key])
            for key, value in example.items()
        )
    if isinstance(example, list):
        return isinstance(actual, list) and all(
            any(is_subset(item, other) for other in actual) for item in example
        )
    return example == actual


def test_every_code_block_but_shell_commands_is_an_executed_example():
    lines = README.splitlines()
    unmarked = [
        f"line {number + 1}: {line}"
        for number, line in enumerate(lines)
        if re.fullmatch(r"```\S+", line)
        and line != "```sh"
        and not re.match(r"<!-- (example: .+|not run: .+) -->$", lines[number - 1])
    ]
    assert unmarked == [], (
        "README code blocks need <!-- example: KIND --> (run by this file) "
        "or <!-- not run: why --> above them"
    )
    assert len(EXAMPLES) >= 12


@pytest.fixture(scope="module")
def basic(tmp_path_factory):
    root = tmp_path_factory.mktemp("readme")
    result = build_site(write_stories(root), root / "out", **settings("basic"))
    assert result.returncode == 0, result.log
    return result


def test_the_stories_are_tagged_as_the_readme_says(basic):
    data = json.loads(basic.read("wow/index.json"))
    stories = {story["title"]: story for story in data["stories"]}
    locker = stories["The parcel locker that would not open"]
    assert (locker["touchpoints"], locker["verdict"]) == (["delivery"], "meh")
    typo = stories["A story with a typo"]
    assert (typo["touchpoints"], typo["verdict"]) == (["phone"], None)


def test_the_warning_is_the_one_the_readme_shows(basic):
    (log,) = examples("log")
    assert " ".join(log["body"].split()) in " ".join(basic.log.split())


def test_the_json_example_is_what_the_plugin_writes(basic):
    data = json.loads(basic.read("wow/index.json"))
    example = example_json("json")
    assert is_subset(example, data)
    for story in example["stories"]:  # shown whole, not shortened
        (built,) = [s for s in data["stories"] if s["title"] == story["title"]]
        assert story == built


def test_the_json_schema_describes_the_output_and_the_example(basic):
    schema = example_json("json-schema")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(json.loads(basic.read("wow/index.json")))
    validator.validate(example_json("json"))
    # The schema is strict: an unknown or a missing field is an error.
    changed = json.loads(basic.read("wow/index.json"))
    changed["stories"][0]["mood"] = "fine"
    assert not validator.is_valid(changed)
    del changed["stories"][0]["mood"], changed["stories"][0]["company"]
    assert not validator.is_valid(changed)


def test_the_restaurant_settings(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "dinner.md").write_text(
        "Title: The table that was never booked\nDate: 2026-05-01\n"
        "Touchpoint: reservation\nVerdict: awful\n\nNobody had written it down.\n",
        encoding="utf-8",
    )
    result = build_site(content, tmp_path / "out", **settings("restaurant"))
    assert result.returncode == 0, result.log
    index = result.soup("dining/index.html")
    assert index.select_one(".wow-index h1").get_text() == "Dining index"
    matrix = index.find("table", class_="wow-matrix")
    columns = [th.get_text(strip=True) for th in matrix.thead.find_all("th")]
    assert columns == ["Touchpoint", "Loved it", "Fine", "Never again", "N"]
    rows = [tr.th.get_text(strip=True) for tr in matrix.tbody.find_all("tr")]
    assert rows == ["Booking", "At the table", "The bill"]
    assert (result.output / "dining/booking/never-again/index.html").is_file()
    assert (result.output / "dining/booking/index.html").is_file()
    data = json.loads(result.read("wow/index.json"))
    assert {v["slug"]: v["rating"] for v in data["verdicts"]} == {
        "loved": 5,
        "fine": 3,
        "never-again": 1,
    }
    assert data["stories"][0]["rating"] == 1
    assert broken_links(result.output) == []


def test_the_fewer_pages_settings(tmp_path):
    content = write_stories(tmp_path)
    result = build_site(
        content, tmp_path / "out", **settings("basic"), **settings("fewer-pages")
    )
    assert result.returncode == 0, result.log
    out = result.output
    assert (out / "wow/index.html").is_file()
    assert (out / "wow/touchpoint/phone/atom.xml").is_file()
    for gone in [
        "wow/company",
        "wow/touchpoint/phone/bad",
        "wow/verdict/bad/atom.xml",
        "wow/index.json",
        "wow/trends",
        "wow/journeys",
    ]:
        assert not (out / gone).exists(), gone
    assert not result.soup("wow/index.html").select(".wow-insights")
    assert not result.soup("wow/index.html").select(".wow-matrix td a")
    assert broken_links(out) == []


def test_the_third_party_theme_settings(tmp_path):
    content = write_stories(tmp_path)
    result = build_site(
        content,
        tmp_path / "out",
        theme=THIRD_PARTY_THEME,
        **settings("basic"),
        **settings("third-party-theme"),
    )
    assert result.returncode == 0, result.log
    assert "standalone" not in result.log
    main = result.soup("wow/index.html").find("main", class_="thirdparty-main")
    assert main.find("table", class_="wow-matrix")


def test_the_content_wrapper_example(tmp_path):
    result = build_site(
        write_stories(tmp_path),
        tmp_path / "out",
        theme="notmyidea",
        **settings("basic"),
        **settings("content-wrapper"),
    )
    assert result.returncode == 0, result.log
    index = result.soup("wow/index.html")
    body = index.select_one("body > div.post > div.post-body > .wow-page")
    assert body is not None and body.find("table", class_="wow-matrix")
    assert index.select(".entry-content") == []  # not the theme's own box


def test_the_template_override_example(tmp_path):
    (example,) = examples("template")
    overrides = tmp_path / "overrides"
    target = overrides / example["arg"]
    target.parent.mkdir(parents=True)
    target.write_text(example["body"] + "\n", encoding="utf-8")
    result = build_site(
        write_stories(tmp_path),
        tmp_path / "out",
        **settings("basic"),
        THEME_TEMPLATES_OVERRIDES=[str(overrides)],
    )
    assert result.returncode == 0, result.log
    page = result.soup("wow/touchpoint/phone/bad/index.html")
    items = [
        " ".join(li.get_text().split()) for li in page.select("ol.cell-stories li")
    ]
    assert items == ["Three promised call-backs, none came (QuickFix Service Centre)"]
    assert page.h1 or page.find("h1")


def table_rows(header: str) -> list[list[str]]:
    table = README.split(header, 1)[1].split("\n\n", 1)[0]
    return [
        [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        for line in table.splitlines()[2:]  # the rest of the header, the rule
    ]


def test_the_default_vocabulary_tables():
    data = default_vocabulary_data()
    touchpoints = Vocabulary.from_mapping("WOW_TOUCHPOINTS", data["touchpoints"])
    verdicts = Vocabulary.from_mapping("WOW_VERDICTS", data["verdicts"])
    rows = table_rows("| slug | label | journey stage | some aliases |")
    assert [row[0] for row in rows] == list(touchpoints.slugs)
    for slug, label, stage, aliases in rows:
        assert (touchpoints[slug].label, touchpoints[slug].stage) == (label, stage)
        for alias in aliases.split(", "):
            assert touchpoints.resolve(alias) == slug, alias
    rows = table_rows("| slug | label | meaning | rating | some aliases |")
    assert [row[0] for row in rows] == list(verdicts.slugs)
    ratings = verdict_ratings(verdicts)
    for slug, label, meaning, rating, aliases in rows:
        term = verdicts[slug]
        assert (term.label, term.description, ratings[slug]) == (
            label,
            meaning,
            int(rating),
        )
        for alias in aliases.split(", "):
            assert verdicts.resolve(alias) == slug, alias


def test_the_fragment_observer_example(tmp_path):
    """``observe_fragments``, as the README shows it, in a build of the
    fixture site: told of every story's listing entry, on every page that
    lists it (a story is on its touchpoint, verdict and cell pages)."""
    (example,) = examples("observer")
    conf = write_settings(
        tmp_path / "pelicanconf.py",
        **fixture_settings(
            PATH=str(FIXTURES / "site" / "content"), OUTPUT_PATH=str(tmp_path / "out")
        ),
    )
    report = (
        "\nimport json\n"
        "print(json.dumps([[k[0], getattr(k[1], 'slug', None)] for k in asked]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", example["body"] + report],
        cwd=conf.parent,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    asked = json.loads(result.stdout.splitlines()[-1])
    stories = [slug for kind, slug in asked if kind == "wow-story"]
    assert stories, asked
    # Each tagged story is asked for once per page that lists it: replayed
    # fragments are told too.
    assert all(stories.count(slug) >= 3 for slug in set(stories))
    assert (tmp_path / "out" / "wow" / "index.html").is_file()
