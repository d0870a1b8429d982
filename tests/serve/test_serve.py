"""``invoke serve``: a save shows in the browser, errors keep the last good
build, and the served site always equals a clean build of the same content."""

from __future__ import annotations

import queue
import re
import threading
import urllib.request
from pathlib import Path

import pytest

from servesite import clean_build, differences, wait_until
from sitebuild import metadata_of

pytestmark = pytest.mark.slow


def stories(site) -> list[Path]:
    return sorted((site.content / "stories").glob("*.md"))


def page_of(story: Path) -> str:
    return f"stories/{metadata_of(story)['slug']}/"


def first_paragraph(text: str) -> str:
    """The first body line of a Markdown story (after the metadata)."""
    body = text.split("\n\n", 1)[1]
    return next(line for line in body.splitlines() if line.strip())


def edit_body(story: Path, marker: str) -> None:
    text = story.read_text(encoding="utf-8")
    paragraph = first_paragraph(text)
    story.write_text(text.replace(paragraph, f"{marker} {paragraph}", 1), "utf-8")


def set_field(story: Path, field: str, value: str) -> None:
    text = story.read_text(encoding="utf-8")
    text, count = re.subn(rf"(?m)^{field}:.*$", f"{field}: {value}", text, count=1)
    assert count == 1, f"{story} has no {field}"
    story.write_text(text, encoding="utf-8")


class EventStream:
    """Reads the reload signal (Server-Sent Events) in the background."""

    def __init__(self, url: str) -> None:
        self.events: queue.Queue[str] = queue.Queue()
        self.response = urllib.request.urlopen(url, timeout=30)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            for line in self.response:
                text = line.decode().strip()
                if text.startswith("data:"):
                    self.events.put(text[5:].strip())
        except (OSError, ValueError):
            return

    def next(self, timeout: float = 60) -> str:
        return self.events.get(timeout=timeout)

    def close(self) -> None:
        self.response.close()


def test_a_saved_story_shows_in_the_browser_with_a_reload_signal(served_site):
    site = served_site
    story = stories(site)[0]
    code, html = site.get(page_of(story))
    assert code == 200
    assert 'src="/__devserver/reload.js"' in html
    on_disk = (site.output / page_of(story) / "index.html").read_text("utf-8")
    assert "__devserver" not in on_disk  # the script is added when served only
    code, script = site.get("__devserver/reload.js")
    assert code == 200 and "EventSource" in script

    events = EventStream(site.url("__devserver/events"))
    try:
        first = int(events.next())
        builds = site.builds()
        edit_body(story, "Freshly edited sentence.")
        site.settle(builds)
        code, html = site.get(page_of(story))
        assert code == 200 and "Freshly edited sentence." in html
        assert int(events.next()) > first  # open pages reload themselves
    finally:
        events.close()
    assert story.relative_to(site.content).as_posix() in site.log


def test_a_broken_story_is_reported_and_the_last_good_build_stays(served_site):
    site = served_site
    story = stories(site)[1]
    _, before = site.get(page_of(story))
    title = metadata_of(story)["title"]
    assert title in before

    builds = site.builds()
    set_field(story, "Date", "the day after tomorrow")
    status = site.settle(builds)
    name = story.relative_to(site.content).as_posix()
    assert status["ok"] is False
    assert any(name in error and "date" in error for error in status["errors"])
    assert "Not published" in site.log and name in site.log
    code, html = site.get(page_of(story))
    assert code == 200 and html == before  # the last good page is still served

    builds = site.builds()
    set_field(story, "Date", "2024-05-06 07:08")
    edit_body(story, "Fixed and back.")
    status = site.settle(builds)
    assert status["ok"] is True
    assert "Fixed and back." in site.get(page_of(story))[1]


def test_served_output_equals_a_clean_build_after_every_change(served_site, tmp_path):
    site = served_site
    files = stories(site)
    theme_base = site.root / "theme" / "templates" / "base.html"
    new_story = site.content / "stories" / "a-new-story-about-a-kettle.md"
    renamed = site.content / "stories" / "renamed-story.md"

    def add_story() -> None:
        new_story.write_text(
            "Title: A kettle that switched itself off\nDate: 2026-01-02 10:00\n"
            "Touchpoint: product\nVerdict: wow\nCompany: Kettle & Co\n\n"
            "It boiled, it clicked, it stopped.\n\n"
            "## Unboxed it {: .packaging .good }\n\nPlain box.\n\n"
            "## Used it {: .product .wow }\n\nQuiet and quick.\n",
            encoding="utf-8",
        )

    steps = [
        ("a body edit", lambda: edit_body(files[0], "A new first sentence.")),
        ("a title edit", lambda: set_field(files[1], "Title", "A retitled story")),
        ("a verdict change", lambda: set_field(files[2], "Verdict", "wow")),
        ("a new story with moments", add_story),
        ("a deleted story", lambda: files[3].unlink()),
        ("a renamed file", lambda: files[4].rename(renamed)),
        ("a changed slug", lambda: set_field(renamed, "Slug", "a-brand-new-slug")),
        ("a page edit", lambda: edit_body(site.content / "pages" / "about.md", "Hi.")),
        ("a second body edit", lambda: edit_body(new_story, "Later:")),
        (
            "a template edit",
            lambda: theme_base.write_text(
                theme_base.read_text("utf-8").replace("</footer>", "</footer>\n"),
                "utf-8",
            ),
        ),
    ]
    for number, (what, change) in enumerate(steps):
        builds = site.builds()
        change()
        status = site.settle(builds)
        assert status["ok"], f"after {what}: {status['errors']}"
        clean = clean_build(site.root, tmp_path / f"clean-{number}")
        assert differences(site.output, clean) == [], f"after {what}"


def test_the_served_site_answers_like_pelicans_server(served_site):
    site = served_site
    assert site.get("wow/")[0] == 200
    assert site.get("wow/index.json")[0] == 200
    code, _ = site.get("no/such/page/")
    assert code == 404
    wait_until(lambda: site.status()["ok"], timeout=5, what="a good status")
