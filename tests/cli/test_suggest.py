"""``suggest``: JSON for machines, a table for writers, --apply after asking,
and accuracy on hand-labelled stories that stays above a floor."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from commands import invoke, plugin, write
from sitebuild import ROOT

DATA = ROOT / "tests" / "data"
KEYS = {
    "path", "touchpoint", "touchpoint_confidence", "also", "verdict",
    "verdict_confidence", "company", "evidence",
}  # fmt: skip

# Measured (see plugins/wow_index/README.md): the floors sit a little below,
# so a change that makes suggestions worse fails here. The model is trained on
# suggest_train, the odd half of suggest, suggest_check, suggest_blind,
# suggest_more, suggest_blind2, suggest_more2 and suggest_more3; its word table
# counts their words, so those sets score close to 1 and only guard against
# breakage. The even half of suggest and suggest_extra are held out: their
# floors are the ones that measure anything.
FLOORS = {
    ("suggest", "odd"): (0.97, 0.97),  # trained on
    ("suggest", "even"): (0.94, 0.77),  # held out
    ("suggest", "all"): (0.95, 0.87),
    ("suggest_extra", "all"): (0.96, 0.82),  # held out
    ("suggest_train", "all"): (0.96, 0.96),  # trained on
    ("suggest_check", "all"): (0.96, 0.93),  # trained on
    ("suggest_blind", "all"): (0.97, 0.97),  # trained on (was blind once)
    ("suggest_more", "all"): (0.97, 0.97),  # trained on
    ("suggest_blind2", "all"): (0.97, 0.97),  # trained on (was blind once)
    ("suggest_more2", "all"): (0.97, 0.97),  # trained on
    ("suggest_more3", "all"): (0.96, 0.97),  # trained on
    ("suggest_blind3", "all"): (0.85, 0.88),  # blind: scored once, never fitted
    ("suggest_blind4", "all"): (0.89, 0.70),  # blind: scored once, never fitted
    # blind: scored once, never fitted (0.767 touchpoint, 0.717 verdict)
    ("suggest_blind5", "all"): (0.74, 0.69),
    # blind: scored once, never fitted (0.900 touchpoint, 0.817 verdict)
    ("suggest_blind6", "all"): (0.87, 0.79),
}
# Companies, measured from the story's words (evaluate withholds a story's own
# Company field; the companies of the other stories and of the site are
# known): (least share right of the stories that name one, most share of all
# stories given a wrong name). A short form of the labelled name ("Tilbury"
# for "Tilbury Keys & Locks") is neither right nor wrong. The company ranker
# is fitted on the company labels of every set below but suggest_extra (held
# out, never fitted), so these rows only show that nothing is broken; its
# honest estimates are leave-one-set-out (plugin README, "Company accuracy").
COMPANY_FLOORS = {
    "suggest": (0.80, 0.02),  # trained on (odd half)
    "suggest_check": (0.78, 0.02),  # trained on
    "suggest_train": (0.62, 0.02),  # trained on
    "suggest_blind3": (0.82, 0.02),  # trained on
    "suggest_company": (0.76, 0.02),  # trained on
    "suggest_company2": (0.90, 0.02),  # trained on
    "suggest_more3": (0.79, 0.05),  # trained on
    "suggest_extra": (0.72, 0.02),  # held out: never fitted (0.750, 0.000)
    "suggest_blind4": (0.75, 0.06),  # trained on (blind in round 1)
    "suggest_blind5": (0.59, 0.07),  # trained on (blind in round 2)
    # blind: scored once, never fitted (0.738 right, 0.083 wrong when scored;
    # the round-2 rules scored 0.810 and 0.117 on it)
    "suggest_blind6": (0.71, 0.10),
}
MODEL = (
    ROOT / "plugins/wow_index/pelican/plugins/wow_index/suggest/suggestion_model.json"
)
TRAINED_ON = [
    "tests/data/suggest_train",
    "tests/data/suggest:odd",
    "tests/data/suggest_check",
    "tests/data/suggest_blind",
    "tests/data/suggest_more",
    "tests/data/suggest_blind2",
    "tests/data/suggest_more2",
    "tests/data/suggest_more3",
]
# Sets whose company labels (only) also train the company ranker.
COMPANIES_TRAINED_ON = [
    "tests/data/suggest_blind3",
    "tests/data/suggest_company",
    "tests/data/suggest_company2",
    "tests/data/suggest_blind4",
    "tests/data/suggest_blind5",
]


@pytest.fixture(scope="module")
def evaluation():
    reports = {}
    for folder in sorted({folder for folder, _ in FLOORS} | set(COMPANY_FLOORS)):
        splits = ["odd", "even", "all"] if folder == "suggest" else ["all"]
        args = [a for s in splits for a in ("--split", s)]
        result = plugin("evaluate", str(DATA / folder), "--json", *args)
        assert result.code == 0, result.err
        for report in json.loads(result.out):
            reports[(folder, report["split"])] = report
    return reports


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_accuracy_stays_above_the_floor(evaluation, key):
    touchpoint_floor, verdict_floor = FLOORS[key]
    report = evaluation[key]
    assert report["touchpoint"]["accuracy"] >= touchpoint_floor, report
    assert report["verdict"]["accuracy"] >= verdict_floor, report


@pytest.mark.parametrize("folder", sorted(COMPANY_FLOORS))
def test_company_accuracy_stays_above_the_floor(evaluation, folder):
    least_right, most_wrong = COMPANY_FLOORS[folder]
    company = evaluation[(folder, "all")]["company"]
    assert company["accuracy"] >= least_right, company
    assert company["wrong_rate"] <= most_wrong, company
    assert (
        company["right"] + company["short"] + company["wrong"] + company["abstained"]
        == company["named"]
    )


def test_evaluate_tells_right_wrong_and_left_empty_companies():
    result = plugin("evaluate", str(DATA / "suggest_company"))
    assert result.code == 0, result.err
    line = next(x for x in result.out.splitlines() if x.startswith("company (all)"))
    assert re.fullmatch(
        r"company \(all\): of 17 stories naming one, \d+ right, \d+ a short form, "
        r"\d+ wrong, \d+ left empty; of 7 naming none, \d+ given a name",
        line,
    ), line


def _companies(folder, stories, cwd=ROOT):
    for name, text in stories.items():
        write(folder / name, text)
    result = plugin("suggest", "--json", *(str(folder / n) for n in stories), cwd=cwd)
    assert result.code == 0, result.err
    return {
        item["path"].rsplit("/", 1)[-1]: item["company"]
        for item in json.loads(result.out)
    }


def test_a_company_of_the_site_comes_back_in_the_sites_spelling(tmp_path):
    write(tmp_path / "pelicanconf.py", 'PATH = "content"\nTIMEZONE = "UTC"\n')
    write(
        tmp_path / "content" / "known.md",
        "Title: Known\nDate: 2026-01-01\nTouchpoint: store\nVerdict: good\n"
        "Company: Kettle & Co\n\nFine.\n",
    )
    write(
        tmp_path / "content" / "known2.md",
        "Title: Known too\nDate: 2026-01-01\nTouchpoint: phone\nVerdict: bad\n"
        "Company: Brightline Telecom\n\nSlow.\n",
    )
    got = _companies(
        tmp_path / "content",
        {
            "lower.md": "Title: The lid\nDate: 2026-01-02\n\nI took the kettle "
            "back to kettle and co on Saturday and they fitted a new lid.\n",
            "short.md": "Title: The bill\nDate: 2026-01-02\n\nI rang Brightline "
            "about the bill and waited forty minutes.\n",
        },
        cwd=tmp_path,
    )
    assert got == {"lower.md": "Kettle & Co", "short.md": "Brightline Telecom"}


def test_companies_from_headers_signatures_addresses_and_possessives(tmp_path):
    got = _companies(
        tmp_path,
        {
            "header.md": "Title: Sorry\nDate: 2026-01-01\n\nTheir reply:\n\n"
            "From: Brambleway Outdoor <hello@brambleway.co.uk>\nSubject: Sorry\n\n"
            "Your boots are on the way.\n",
            "signature.md": "Title: A letter\nDate: 2026-01-01\n\nThe answer came "
            "in a day:\n\nThe fitter will ring first.\n\nBest wishes,\n"
            "Gareth Pryce\nTideway Utilities\n",
            "address.md": "Title: A strap\nDate: 2026-01-01\n\nI ordered it at "
            "lunchtime and orders@strapsmith.com sent a tracking link. Strapsmith "
            "have a customer for life.\n",
            "possessive.md": "Title: Bookings\nDate: 2026-01-01\n\nI booked "
            "through Kerbside's app and the Kerbside team refunded me.\n",
        },
    )
    assert got == {
        "header.md": "Brambleway Outdoor",
        "signature.md": "Tideway Utilities",
        "address.md": "Strapsmith",
        "possessive.md": "Kerbside",
    }


def test_domains_capitals_departments_and_initials(tmp_path):
    got = _companies(
        tmp_path,
        {
            "domain.md": "Title: A lamp\nDate: 2026-01-01\n\nI ordered a desk "
            "lamp from brightnook.co.nz and it took three weeks.\n",
            "mail.md": "Title: Menus\nDate: 2026-01-01\n\nI wrote to "
            "orders@quillpost.shop late at night and had a proof by nine.\n",
            "spelt.md": "Title: Savings\nDate: 2026-01-01\n\nTarnwell Bank let "
            "me open a second pot on tarnwellbank.com in four minutes.\n",
            "capitals.md": "Title: A cooker\nDate: 2026-01-01\n\nMy ZENTARA rice "
            "cooker remembers the last setting. ZENTARA's help page fixed the "
            "valve.\n",
            "department.md": "Title: A bill\nDate: 2026-01-01\n\nTheir reply:\n\n"
            "From: Marlow Energy Billing <billing@marlowenergy.com>\n"
            "Subject: Your query\n\nYour bill is correct.\n",
            "initial.md": "Title: A valve\nDate: 2026-01-01\n\nThe fourth firm we "
            "tried was J. Whitcombe & Co. Mr Whitcombe found the part in a "
            "drawer.\n\nYours,\nR. T. Abney\n",
        },
    )
    assert got == {
        "domain.md": "brightnook.co.nz",
        "mail.md": "quillpost.shop",
        "spelt.md": "Tarnwell Bank",
        "capitals.md": "ZENTARA",
        "department.md": "Marlow Energy",
        "initial.md": "J. Whitcombe & Co",
    }


def test_the_company_dealt_with_over_a_brand_a_bot_or_one_left(tmp_path):
    got = _companies(
        tmp_path,
        {
            "shop.md": "Title: A toaster\nDate: 2026-01-01\n\nI bought a Frennix "
            "toaster from Holmby Stores. When it failed I took it back and "
            "rang Holmby Stores; they swapped it.\n",
            "bot.md": "Title: Three evenings\nDate: 2026-01-01\n\nI've been with "
            "Glasswick Telecom for years. Their chat opens with Pimm, the bot. "
            "Pimm asked me to restart the router. Pimm asked again. Pimm "
            "offered a call.\n",
            "left.md": "Title: Switching\nDate: 2026-01-01\n\nAfter four years "
            "with Brightmere Gas, I switched. I walked into the Solvane shop "
            "and Solvane's app had my meter reading in a minute.\n",
            "title.md": "Title: Moving House with Rollick\nDate: 2026-01-01\n\n"
            "The depot had the keys ready and the van was clean.\n",
        },
    )
    # The firm the writer left and a name given only in the title are not
    # suggested: the ranker is not sure enough of Solvane (a story of two
    # firms) or of a name nothing but the title gives, and leaves them empty.
    assert got == {
        "shop.md": "Holmby Stores",
        "bot.md": "Glasswick Telecom",
        "left.md": None,
        "title.md": None,
    }


def test_handles_lower_case_brands_and_any_domain_ending(tmp_path):
    got = _companies(
        tmp_path,
        {
            "handle.md": "Title: A thread\nDate: 2026-01-01\n\nMy flight was "
            "cancelled so I tagged @SkyloftAir on a Sunday night. @SkyloftAir "
            "replied within the hour and rebooked me.\n",
            "lower.md": "Title: The card\nDate: 2026-01-01\n\nI have been with "
            "kestrl for four years and this was the first time I needed their "
            "chat. kestrl unblocked the card in minutes.\n",
            "domain.md": "Title: Films\nDate: 2026-01-01\n\nI pay for "
            "orbitstream.tv every month. When I downgraded, orbitstream.tv still "
            "charged the old price until I wrote to them.\n",
            "file.md": "Title: Notes\nDate: 2026-01-01\n\nThe manual came as "
            "notes.pdf and the photo as front.jpg. Nobody else was involved.\n",
        },
    )
    assert got == {
        "handle.md": "SkyloftAir",
        "lower.md": "kestrl",
        "domain.md": "orbitstream.tv",
        "file.md": None,
    }


def test_a_suggested_company_says_why_and_how_likely(tmp_path):
    write(
        tmp_path / "story.md",
        "Title: Bookings\nDate: 2026-01-01\n\nI booked through Kerbside's app "
        "and the Kerbside team refunded me.\n",
    )
    result = plugin("suggest", "--json", str(tmp_path / "story.md"))
    assert result.code == 0, result.err
    (item,) = json.loads(result.out)
    line = next(e for e in item["evidence"] if e.startswith("company "))
    assert line.startswith("company 'Kerbside': ")
    assert "a possessive before app/site/shop" in line
    assert re.search(r"probability 0\.\d\d$", line), line


def test_words_that_are_not_companies_are_not_suggested(tmp_path):
    got = _companies(
        tmp_path,
        {
            "blog.md": "Title: Blog Post: Why We Use HTML5\nDate: 2026-01-01\n\n"
            "Who we are: a small bakery. This Blog Post says why our HTML5 order "
            "page exists. Who Answers The Phone? Nobody, so we built it.\n",
            "tier.md": "Title: The Pro Max screen\nDate: 2026-01-01\n\nMy Pro Max "
            "cracked. The Pro Max screens come in batches, they said. Pro Max "
            "owners know.\n",
            "people.md": "Title: Dennis and Priya\nDate: 2026-01-01\n\nDennis "
            "mixed the paint on Monday. Priya, from the counter, carried it out. "
            "A man called Bernard rang me from Leeds. Mr Bernard was kind.\n",
            "tech.md": "Title: The Wi-Fi guide, a PDF\nDate: 2026-01-01\n\nThe "
            "Wi-Fi guide was a PDF. The PDF had forty pages. Wi-Fi works now, "
            "over Bluetooth too, on my iPhone.\n",
            "shouting.md": "Title: NEVER AGAIN, I said\nDate: 2026-01-01\n\n"
            "The queue took ABSOLUTELY FOREVER. Then I went back and it was "
            "short.\n",
            "menu.md": "Title: Statements\nDate: 2026-01-01\n\nThe statements "
            "page is no longer buried under Documents & Settings. I found it "
            "at Kilometre Six of my patience, near Hexley Junction.\n",
            "mailhost.md": "Title: The corner shop\nDate: 2026-01-01\n\nSanjay "
            "texts us from his gmail.com address when a parcel comes.\n",
        },
    )
    assert got == dict.fromkeys(
        [
            "blog.md",
            "tier.md",
            "people.md",
            "tech.md",
            "shouting.md",
            "menu.md",
            "mailhost.md",
        ]
    )


def test_json_has_one_object_per_file_with_the_documented_keys():
    files = sorted((DATA / "suggest").glob("00[1-3]-*.md"))
    result = plugin("suggest", "--json", *map(str, files))
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [d["path"] for d in data] == [str(f.relative_to(ROOT)) for f in files]
    for item in data:
        assert set(item) == KEYS
        assert 0 <= item["touchpoint_confidence"] <= 1
        assert item["evidence"] and all(isinstance(e, str) for e in item["evidence"])


def test_hard_cases_sarcasm_negation_turnaround(tmp_path):
    stories = {
        "sarcasm.md": "Title: On hold\nDate: 2026-01-01\n\nGreat, another forty "
        "minutes on hold. Brilliant. The line went dead twice and nobody rang "
        "back, so I gave up and cancelled the contract.\n",
        "turnaround.md": "Title: Wrong size\nDate: 2026-01-01\n\nThe courier "
        "left the parcel in the rain and the box was soaked.\n\nBut the driver "
        "came back the same afternoon, apologised, and swapped it for a dry one. "
        "I was pleased and thanked him.\n",
        "negation.md": "Title: Not bad at all\nDate: 2026-01-01\n\nThe app was "
        "not bad at all: booking took two taps, nothing went wrong and I could "
        "not fault it. It was easy and quick.\n",
    }
    for name, text in stories.items():
        write(tmp_path / name, text)
    result = plugin("suggest", "--json", *(str(tmp_path / n) for n in stories))
    got = {item["path"].rsplit("/", 1)[-1]: item for item in json.loads(result.out)}
    assert got["sarcasm.md"]["touchpoint"] == "phone"
    assert got["sarcasm.md"]["verdict"] == "bad"
    assert any("sarcasm" in e for e in got["sarcasm.md"]["evidence"])
    assert got["turnaround.md"]["touchpoint"] == "delivery"
    assert got["turnaround.md"]["verdict"] in ("good", "wow")
    assert got["negation.md"]["touchpoint"] == "app"
    assert got["negation.md"]["verdict"] in ("good", "wow")


def test_it_abstains_when_the_story_gives_nothing_to_go_on(tmp_path):
    write(
        tmp_path / "essay.md", "Title: Thoughts\nDate: 2026-01-01\n\nSome thoughts.\n"
    )
    (item,) = json.loads(plugin("suggest", "--json", str(tmp_path / "essay.md")).out)
    assert item["touchpoint"] is None and item["also"] == []
    assert item["verdict"] is None and item["verdict_confidence"] == 0


@pytest.fixture
def untagged(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    source = DATA / "suggest" / "061-the-dishwasher-part-that-never-rang.md"
    shutil.copy(source, folder / "a.md")
    write(
        folder / "b.md",
        "Title: Tagged\nDate: 2026-01-01\nTouchpoint: web\nVerdict: good\n\nx\n",
    )
    return folder


def test_invoke_suggest_shows_a_table_of_untagged_stories(untagged):
    result = invoke("suggest", "--path", str(untagged))
    assert result.code == 0, result.err
    assert "touchpoint" in result.out and "verdict" in result.out
    assert "a.md" in result.out and "b.md" not in result.out


def test_apply_asks_and_writes_only_what_was_accepted(untagged):
    story = untagged / "a.md"
    before = story.read_text(encoding="utf-8")
    declined = invoke("suggest", "--path", str(untagged), "--apply", stdin="n\n")
    assert declined.code == 0
    assert "left as it was" in declined.out
    assert story.read_text(encoding="utf-8") == before

    accepted = invoke("suggest", "--path", str(untagged), "--apply", stdin="y\n")
    assert accepted.code == 0, accepted.err
    text = story.read_text(encoding="utf-8")
    header = text.split("\n\n", 1)[0]
    assert "Touchpoint: repair" in header and "Verdict: bad" in header
    assert text.split("\n\n", 1)[1] == before.split("\n\n", 1)[1]
    # Now tagged: nothing left to suggest, and the file checks clean.
    assert "no stories to suggest" in invoke("suggest", "--path", str(untagged)).out
    assert plugin("check", str(untagged)).code == 0


def test_apply_without_an_answer_writes_nothing(untagged):
    story = untagged / "a.md"
    before = story.read_text(encoding="utf-8")
    result = plugin("suggest", "--untagged", "--apply", str(untagged), stdin="")
    assert result.code == 0
    assert story.read_text(encoding="utf-8") == before


def test_training_again_gives_the_shipped_weights(tmp_path):
    """The documented command rebuilds suggestion_model.json byte for byte."""
    output = tmp_path / "model.json"
    result = plugin(
        "train",
        *TRAINED_ON,
        "--output",
        str(output),
        "--companies",
        *COMPANIES_TRAINED_ON,
    )
    assert result.code == 0, result.err
    assert "549 stories; company ranker: 483 stories, threshold 0.65" in result.err
    assert output.read_text(encoding="utf-8") == MODEL.read_text(encoding="utf-8")


def test_the_readme_gives_the_training_command_of_the_shipped_weights():
    readme = (ROOT / "plugins/wow_index/README.md").read_text(encoding="utf-8")
    command = re.search(
        r"wow_index train (tests/.*?)--output \S+ \\\s+--companies (.*?)\n```",
        readme,
        re.S,
    )
    assert command, "no train command in the README"
    assert command.group(1).replace("\\", " ").split() == TRAINED_ON
    assert command.group(2).replace("\\", " ").split() == COMPANIES_TRAINED_ON


def test_train_fits_the_company_ranker_and_its_threshold(tmp_path):
    """The ranker's threshold is chosen by leaving each set out in turn; it
    ships with one weight per feature it names, and the sets it came from."""
    output = tmp_path / "model.json"
    result = plugin(
        "train",
        "tests/data/suggest:odd",
        "-o",
        str(output),
        "--companies",
        "tests/data/suggest_company",
        "tests/data/suggest_company2",
    )
    assert result.code == 0, result.err
    document = json.loads(output.read_text(encoding="utf-8"))
    ranker = document["company"]
    assert document["companies_trained_on"] == [
        "tests/data/suggest_company",
        "tests/data/suggest_company2",
    ]
    assert ranker["stories"] == 35 + 24 + 22
    assert len(ranker["weights"]) == len(ranker["features"]) > 30
    assert 0.2 <= ranker["threshold"] <= 0.9
    assert f"company ranker: 81 stories, threshold {ranker['threshold']}" in (
        result.err
    )
    shipped = json.loads(MODEL.read_text(encoding="utf-8"))["company"]
    assert ranker["weights"] != shipped["weights"]


def test_train_without_company_labels_keeps_the_shipped_ranker(tmp_path):
    output = tmp_path / "model.json"
    result = plugin("train", "tests/data/suggest_blind", "-o", str(output))
    assert result.code == 0, result.err
    assert "no company labels: the shipped company ranker is kept" in result.err
    document = json.loads(output.read_text(encoding="utf-8"))
    shipped = json.loads(MODEL.read_text(encoding="utf-8"))
    assert document["company"] == shipped["company"]


def test_evaluate_refuses_a_company_ranker_of_other_features(tmp_path):
    stale = json.loads(MODEL.read_text(encoding="utf-8"))
    stale["company"]["features"] = stale["company"]["features"][:-1]
    model = tmp_path / "old.json"
    model.write_text(json.dumps(stale), encoding="utf-8")
    result = plugin("evaluate", "tests/data/suggest_extra", "--model", str(model))
    assert result.code == 2
    assert "old.json" in result.err and "retrain it with the 'train' command" in (
        result.err
    )
    assert "Traceback" not in result.err


def test_evaluate_takes_a_model_written_by_train(tmp_path):
    output = tmp_path / "odd-only.json"
    assert plugin("train", "tests/data/suggest:odd", "-o", str(output)).code == 0
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["stories"] == 35
    assert document["trained_on"] == ["tests/data/suggest:odd"]
    result = plugin(
        "evaluate", "tests/data/suggest", "--split", "even", "--model", str(output)
    )
    assert result.code == 0, result.err
    assert "verdict" in result.out


def test_evaluate_refuses_weights_from_an_older_version(tmp_path):
    stale = json.loads(MODEL.read_text(encoding="utf-8"))
    del stale["words"]
    model = tmp_path / "old.json"
    model.write_text(json.dumps(stale), encoding="utf-8")
    result = plugin("evaluate", "tests/data/suggest_extra", "--model", str(model))
    assert result.code == 2
    assert "old.json" in result.err and "retrain it with the 'train' command" in (
        result.err
    )
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tests/data/suggest:third"], "split must be one of"),
        (["tests/data"], "no labels.json"),
    ],
)
def test_train_explains_bad_folders(args, message):
    result = plugin("train", *args)
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err


def test_evaluate_names_a_missing_model():
    result = plugin("evaluate", "tests/data/suggest", "--model", "nowhere.json")
    assert result.code == 2
    assert "nowhere.json" in result.err and "train" in result.err
