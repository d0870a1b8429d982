"""``WOW_REMEMBER_FILES``: a one-shot build keeps nothing of its source
checks; a long-lived process keeps each file's result until the file changes."""

from __future__ import annotations

import os

from pelican.plugins.wow_index import checking
from pelican.plugins.wow_index.index import moments
from pelican.plugins.wow_index.settings import load_settings
from pelican.settings import DEFAULT_CONFIG

STORY = "Title: A story\nDate: 2024-01-05\nTouchpoint: phone\nVerdict: bad\n\nBody.\n"
MOMENT = '<h2 class="phone bad" id="m">Called</h2><p>text</p>'


def settings_for(tmp_path, remember):
    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path), WOW_REMEMBER_FILES=remember)
    return settings, load_settings(settings)


def test_a_one_shot_build_keeps_nothing(tmp_path):
    story = tmp_path / "a.md"
    story.write_text(STORY, encoding="utf-8")
    settings, wow = settings_for(tmp_path, False)
    remembered = {}
    files = [(str(story), "article")]
    assert checking.check_files(files, settings, wow, remembered) == []
    assert remembered == {}
    found, _ = moments.extract_moments(MOMENT, wow.touchpoints, wow.verdicts)
    assert [m.anchor for m in found] == ["m"] and moments._REMEMBERED == {}


def test_a_long_lived_process_rereads_only_changed_files(tmp_path):
    story = tmp_path / "a.md"
    story.write_text(STORY, encoding="utf-8")
    settings, wow = settings_for(tmp_path, True)
    files = [(str(story), "article")]
    remembered = {}
    assert checking.check_files(files, settings, wow, remembered) == []
    assert (str(story), "article") in remembered
    story.write_text(STORY.replace("2024-01-05", "someday"), encoding="utf-8")
    stat = story.stat()
    os.utime(story, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    problems = checking.check_files(files, settings, wow, remembered)
    assert [p.field for p in problems] == ["Date"]
    found, _ = moments.extract_moments(
        MOMENT, wow.touchpoints, wow.verdicts, remember=True
    )
    assert [m.anchor for m in found] == ["m"] and len(moments._REMEMBERED) == 1
    # Back to a one-shot build: what was kept is let go.
    settings, wow = settings_for(tmp_path, False)
    checking.check_files(files, settings, wow, remembered)
    moments.extract_moments(MOMENT, wow.touchpoints, wow.verdicts)
    assert remembered == {} and moments._REMEMBERED == {}
