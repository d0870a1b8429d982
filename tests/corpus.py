"""The bad-input corpus: content and settings a site must survive.

Each content case is a folder under ``fixtures/bad_input/cases/`` laid out
like a site's ``content/`` (``stories/``, ``pages/``), or, for the three
that would be megabytes in the repository, a function that writes it. It
is always built together with the valid content in ``fixtures/bad_input/
control/``. A case says how many of its stories and pages a reader must
find on the built site and the message the build must print: a regular
expression that names the file and, where there is one, the line.

Every case with a message is a problem, so it fails a strict build; a case
without one is input the site accepts as it is.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitebuild import FIXTURES

CORPUS = FIXTURES / "bad_input"
CONTROL = CORPUS / "control"
CASES = CORPUS / "cases"
# The control content: what must be published whatever else is in the folder.
CONTROL_STORIES = ("A reply within the hour", "A parcel in the hedge", "On waiting")
CONTROL_PAGES = ("About",)


def _five_megabytes(content: Path) -> None:
    """A 5 MB story: plain paragraphs, as if a writer pasted a long log."""
    sentence = (
        "The courier rang twice, waited four seconds and left a card saying "
        "nobody was home while I stood in the hall holding the door open. "
    )
    paragraph = sentence * 8
    count = 5 * 1024 * 1024 // (len(paragraph) + 2) + 1
    body = "\n\n".join(f"{n}. {paragraph}" for n in range(count))
    (content / "stories" / "five-megabytes.md").write_text(
        "Title: Five megabytes of waiting\nDate: 2026-03-03\n"
        f"Touchpoint: delivery\nVerdict: meh\n\n{body}\n",
        encoding="utf-8",
    )


MOMENTS = 10_000


def _ten_thousand_moments(content: Path) -> None:
    steps = "".join(
        f"## Call number {n} {{: .phone .bad }}\n\nOn hold again.\n\n"
        for n in range(1, MOMENTS + 1)
    )
    (content / "stories" / "ten-thousand-moments.md").write_text(
        "Title: Ten thousand calls\nDate: 2026-03-04\nTouchpoint: phone\n"
        f"Verdict: bad\n\n{steps}",
        encoding="utf-8",
    )


def _deeply_nested(content: Path) -> None:
    """A list nested 300 levels deep: past what Python-Markdown can read."""
    items = "".join("    " * n + f"- level {n}\n" for n in range(300))
    (content / "stories" / "deeply-nested.md").write_text(
        "Title: A list inside a list\nDate: 2026-03-05\nTouchpoint: web\n"
        f"Verdict: meh\n\n{items}",
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Case:
    """One kind of bad input and what the site must make of it."""

    name: str
    stories: int = 1
    message: str | None = None
    pages: int = 0
    write: Callable[[Path], None] | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def is_problem(self) -> bool:
        return self.message is not None

    def add_to(self, content: Path) -> None:
        """Put the case's files into a site's ``content`` folder."""
        (content / "stories").mkdir(parents=True, exist_ok=True)
        if self.write is not None:
            self.write(content)
        else:
            shutil.copytree(CASES / self.name, content, dirs_exist_ok=True)

    def __str__(self) -> str:
        return self.name


def content_folder(path: Path, cases: list[Case]) -> Path:
    """A content folder with the control content and ``cases``."""
    shutil.copytree(CONTROL, path)
    for case in cases:
        case.add_to(path)
    return path


NOT_A_DATE = r"is not a date; write it as YYYY-MM-DD"

CONTENT_CASES = [
    Case(
        "unknown-touchpoint",
        message=r"stories/unknown-touchpoint\.md:3: Touchpoint: unknown "
        r"touchpoint 'teleporter'; use one of: store, phone",
    ),
    Case(
        "unknown-verdict",
        message=r"stories/unknown-verdict\.md:4: Verdict: unknown verdict "
        r"'splendid'; use one of: wow, good, meh, bad",
    ),
    Case(
        "misspelt-touchpoint",
        message=r"stories/misspelt-touchpoint\.md:3: Touchpoint: unknown "
        r"touchpoint 'delivry'.*\(did you mean \"delivery\"\?\)",
    ),
    Case(
        "misspelt-verdict",
        message=r"stories/misspelt-verdict\.md:4: Verdict: unknown verdict "
        r"'baad'.*\(did you mean \"bad\"\?\)",
    ),
    Case("wrong-case"),
    Case(
        "empty-touchpoint",
        message=r"stories/empty-touchpoint\.md:3: Touchpoint: is empty; write "
        r"one or more of",
    ),
    Case(
        "empty-verdict",
        message=r"stories/empty-verdict\.md:4: Verdict: is empty; write one of",
    ),
    Case(
        "repeated-verdict",
        message=r"stories/repeated-verdict\.md:4: Verdict: takes one value, "
        r"got 2 \(good, bad\)",
    ),
    Case(
        "repeated-title",
        message=r"stories/repeated-title\.md:1: Title: given 2 times; "
        r"published with the first, 'The first title'",
    ),
    Case(
        "month-thirteen",
        stories=0,
        message=rf"stories/month-thirteen\.md:2: Date: '2026-13-45' {NOT_A_DATE}",
    ),
    Case(
        "february-thirtieth",
        stories=0,
        message=rf"stories/february-thirtieth\.md:2: Date: '2026-02-30' "
        rf"{NOT_A_DATE}",
    ),
    Case(
        "date-in-words",
        stories=0,
        message=rf"stories/date-in-words\.md:2: Date: 'the day after the "
        rf"storm' {NOT_A_DATE}",
    ),
    Case(
        "missing-title",
        stories=0,
        message=r"stories/missing-title\.md:1: Title: missing; add a 'Title: …' "
        r"line",
    ),
    Case(
        "missing-date",
        stories=0,
        message=r"stories/missing-date\.md:1: Date: missing; add a "
        r"'Date: YYYY-MM-DD' line",
    ),
    Case(
        "empty-file",
        stories=0,
        message=r"stories/empty-file\.md: file: is empty; write a 'Title:' line",
    ),
    Case(
        "whitespace-only",
        stories=0,
        message=r"stories/whitespace-only\.md: file: has only white space",
    ),
    Case("utf8-bom"),
    Case(
        "latin-1",
        stories=0,
        message=r"stories/latin-1\.md:5: file: is not UTF-8 \(byte 0xe9 at "
        r"line 5, column 13\); save the file with the UTF-8 encoding",
    ),
    Case(
        "utf-16",
        stories=0,
        message=r"stories/utf-16\.md:1: file: is saved as UTF-16; save it "
        r"again as UTF-8",
    ),
    Case(
        "binary-junk",
        stories=0,
        message=r"stories/binary-junk\.md: file: is not a text file",
    ),
    Case(
        "unclosed-html",
        message=r"stories/unclosed-html\.md: text: closed <div>, <table>, "
        r"<b>: left open in the HTML",
    ),
    Case("colons-in-metadata"),
    Case("unicode-metadata"),
    Case("emoji-only-company"),
    Case(
        "duplicate-slugs",
        stories=2,
        message=r"stories/duplicate-slug-b\.md:1: Title: would be written to "
        r"stories/the-same-title-twice/index\.html, like "
        r"\S*stories/duplicate-slug-a\.md; published as "
        r"'the-same-title-twice-2'",
    ),
    Case(
        "two-hundred-touchpoints",
        message=r"stories/two-hundred-touchpoints\.md:3: Touchpoint: 20 unknown "
        r"touchpoints \('counter 0', 'counter 1', 'counter 2' and 17 more\)",
    ),
    Case(
        "two-verdicts",
        message=r"stories/two-verdicts\.md:4: Verdict: takes one value, got 2",
    ),
    Case(
        "half-tagged",
        message=r"stories/half-tagged\.md: Verdict: missing while Touchpoint "
        r"is set; add 'Verdict: '",
    ),
    Case(
        "misspelt-field",
        message=r"stories/misspelt-field\.md:3: tuchpoint: is not a field the "
        r"WoW index reads.*\(did you mean \"Touchpoint\"\?\)",
    ),
    Case(
        "moment-typo",
        message=r"stories/moment-typo\.md:6: moment: unknown class \.phnoe in "
        r"heading 'Rang the hotline' \(did you mean \"phone\"\?\)",
    ),
    Case(
        "overlong-company",
        message=r"stories/overlong-company\.md:5: Company: is 479 characters "
        r"long; shorten it to at most 120",
    ),
    Case(
        "control-characters",
        message=r"stories/control-characters\.md:1: file: contains control "
        r"characters \(U\+0000, U\+0007, U\+001B\) in Title, Company, text",
    ),
    Case(
        "unknown-status",
        stories=0,
        message=r"stories/unknown-status\.md:3: Status: unknown status "
        r"'pubished'; use one of: published, hidden, draft, skip",
    ),
    Case(
        "page-takes-wow-index",
        stories=0,
        pages=1,
        message=r"pages/wow\.md:2: Slug: would be written to wow/index\.html, "
        r"like WOW_INDEX_SAVE_AS; published as 'wow-2'",
    ),
    Case(
        "page-takes-archives",
        stories=0,
        pages=1,
        message=r"pages/archives\.md:2: Slug: would be written to "
        r"archives/index\.html, like the archives page; published as "
        r"'archives-2'",
    ),
    Case(
        "five-megabytes",
        write=_five_megabytes,
        message=r"stories/five-megabytes\.md: file: is 5\.0 MB; a story is "
        r"rarely over 1 MB",
    ),
    Case("ten-thousand-moments", write=_ten_thousand_moments),
    Case(
        "deeply-nested",
        stories=0,
        write=_deeply_nested,
        message=r"stories/deeply-nested\.md:305: file: is nested too deeply "
        r"to read",
    ),
]

SETTINGS_CASES = [
    Case(
        "circular-aliases",
        settings={
            "WOW_TOUCHPOINTS": {
                "phone": {"label": "Phone", "aliases": ["email"]},
                "email": {"label": "Email", "aliases": ["phone"]},
            }
        },
        message=r"WOW_TOUCHPOINTS\['phone'\]\['aliases'\]: 'email' already names "
        r"'email'; an alias may point to one term only",
    ),
    Case(
        "alias-of-another-label",
        settings={
            "WOW_TOUCHPOINTS": {
                "web": {"label": "Website"},
                "app": {"label": "App", "aliases": ["website"]},
            }
        },
        message=r"WOW_TOUCHPOINTS\['app'\]\['aliases'\]: 'website' already "
        r"names 'web'",
    ),
    Case(
        "empty-alias",
        settings={"WOW_TOUCHPOINTS": {"phone": {"label": "Phone", "aliases": ["--"]}}},
        message=r"WOW_TOUCHPOINTS\['phone'\]\['aliases'\]: '--' has no letters "
        r"or digits",
    ),
    Case(
        "aliases-not-a-list",
        settings={
            "WOW_TOUCHPOINTS": {"phone": {"label": "Phone", "aliases": "hotline"}}
        },
        message=r"WOW_TOUCHPOINTS\['phone'\]\['aliases'\]: expected a list of "
        r"strings",
    ),
    Case(
        "label-not-text",
        settings={"WOW_VERDICTS": {"good": {"label": 5}}},
        message=r"WOW_VERDICTS\['good'\]\['label'\]: expected text",
    ),
    Case(
        "bad-slug",
        settings={"WOW_TOUCHPOINTS": {"Phone Line": {"label": "Phone"}}},
        message=r"WOW_TOUCHPOINTS: 'Phone Line' is not a valid slug",
    ),
    Case(
        "slug-in-both-vocabularies",
        settings={
            "WOW_TOUCHPOINTS": {"phone": {"label": "Phone"}},
            "WOW_VERDICTS": {"phone": {"label": "Phoned"}, "bad": {"label": "Bad"}},
        },
        message=r"WOW_TOUCHPOINTS and WOW_VERDICTS share the slug\(s\) phone",
    ),
    Case(
        "touchpoints-as-a-list",
        settings={"WOW_TOUCHPOINTS": ["phone", "web"]},
        message=r"WOW_TOUCHPOINTS must be dict, got list",
    ),
    Case(
        "pagination-not-a-number",
        settings={"WOW_PAGINATION": "ten"},
        message=r"WOW_PAGINATION must be int or None, got str 'ten'",
    ),
    Case(
        "strict-not-a-bool",
        settings={"WOW_STRICT": "yes"},
        message=r"WOW_STRICT must be bool, got str 'yes'",
    ),
    Case(
        "latest-zero",
        settings={"WOW_LATEST": 0},
        message=r"WOW_LATEST must be at least 1, got 0",
    ),
    Case(
        "misspelt-setting",
        settings={"WOW_TOUCHPIONTS": {}},
        message=r"WOW_TOUCHPIONTS is not a pelican-wow-index setting \(did you "
        r"mean \"WOW_TOUCHPOINTS\"\?\)",
    ),
    Case(
        "unknown-placeholder",
        settings={"WOW_CELL_URL": "wow/{slug}/"},
        message=r"WOW_CELL_URL = 'wow/\{slug\}/' uses unknown placeholder\(s\) "
        r"\{slug\}; allowed: \{touchpoint\}, \{verdict\}",
    ),
]
