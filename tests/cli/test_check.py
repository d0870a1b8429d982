"""``check``: every content problem, one line each, through the real commands."""

from __future__ import annotations

import json

from commands import GOOD_STORY, invoke, plugin, write


def test_the_sample_site_passes_invoke_check():
    result = invoke("check")
    assert result.code == 0, result.out + result.err
    assert result.out == ""
    assert "0 errors" in result.err


def test_a_clean_folder_passes(content):
    write(content / "good.md", GOOD_STORY)
    result = plugin("check", str(content))
    assert result.code == 0
    assert "1 file checked: 0 errors, 0 warnings" in result.err


def test_each_kind_of_bad_input_gets_one_line_naming_file_line_and_field(content):
    write(content / "good.md", GOOD_STORY)
    write(content / "empty.md", "")
    write(
        content / "latin1.md",
        "Title: Caf\xe9\nDate: 2026-01-01\n\nx\n".encode("latin-1"),
    )
    write(content / "baddate.md", "Title: When\nDate: 2026-02-30\n\nx\n")
    write(content / "notitle.md", "Date: 2026-01-01\n\nx\n")
    write(
        content / "broken.md",
        "Title: Broken\nDate: 2026-01-01\nTouch point: phone\nVerdict: bad\n\nx\n",
    )
    write(
        content / "typo.md",
        "Title: Typo\nDate: 2026-01-01\nTouchpoint: delivry\nVerdict: baad\n\nx\n",
    )
    write(
        content / "moments.md",
        "Title: Moments\nDate: 2026-01-01\nTouchpoint: repair\nVerdict: bad\n\n"
        "Intro.\n\n## Dropped it off {: .repair .meh }\n\n"
        "## Called twice {: .phnoe .baad }\n\nText.\n",
    )
    write(content / "zz-again.md", GOOD_STORY)
    result = plugin("check", str(content))
    assert result.code == 1
    lines = result.out.splitlines()
    expected = [
        "empty.md: file: is empty",
        "latin1.md:1: file: is not UTF-8",
        "baddate.md:2: Date: '2026-02-30' is not a date",
        "notitle.md:1: Title: missing",
        "broken.md:3: metadata: line 'Touch point: phone' is not 'Field: value'",
        "typo.md:3: Touchpoint: unknown touchpoint 'delivry'",
        "typo.md:4: Verdict: unknown verdict 'baad'",
        "moments.md:10: moment: unknown class .phnoe in heading 'Called twice'",
        "zz-again.md:1: Title: gives the slug 'a-good-story', already used by",
    ]
    for start in expected:
        matching = [line for line in lines if start in line]
        assert len(matching) == 1, (start, lines)
    assert any(line.endswith('(did you mean "delivery"?)') for line in lines)
    assert any(line.endswith('(did you mean "phone"?)') for line in lines)
    assert "the fields below it (Verdict)" in next(x for x in lines if "broken.md" in x)
    assert not any(line.split(":")[0].endswith("/good.md") for line in lines)


def test_json_output_for_machines(content):
    write(
        content / "typo.md",
        "Title: Typo\nDate: 2026-01-01\nTouchpoint: phone\nVerdict: baad\n\nx\n",
    )
    result = plugin("check", "--json", str(content))
    assert result.code == 1
    data = json.loads(result.out)
    assert data["errors"] == 1 and data["ok"] is False and data["files"] == 1
    (problem,) = data["problems"]
    assert problem["field"] == "Verdict" and problem["line"] == 4
    assert problem["suggestion"] == "bad" and problem["severity"] == "error"


def test_warnings_pass_unless_strict(content):
    write(
        content / "pending.md",
        "Title: Imported\nDate: 2026-01-01\nSuggested-Verdict: bad\n\nx\n",
    )
    relaxed = plugin("check", str(content))
    assert relaxed.code == 0
    assert "pending.md:3: Suggested-Verdict: is a suggestion" in relaxed.out
    assert relaxed.out.rstrip().endswith("[warning]")
    assert plugin("check", "--strict", str(content)).code == 1


def test_a_title_cannot_inject_terminal_control_sequences(content):
    write(
        content / "evil.md",
        "Title: \x1b[2J\x1b]0;pwned\x07<script>x</script>\nDate: 2026-01-01\n\nx\n",
    )
    result = plugin("check", str(content))
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "evil.md:1: file: contains the control character U+001B" in result.out
    assert "Title: contains markup '<script>'" in result.out


def test_missing_path_is_a_usage_error(tmp_path):
    result = plugin("check", str(tmp_path / "nowhere"))
    assert result.code == 2
    assert "no such file or folder" in result.err


def test_invoke_check_json_on_a_single_file():
    result = invoke("check", "--path", "content/stories/left-in-the-rain.md", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["files"] == 1


def test_repeated_warnings_are_grouped_after_the_errors(content):
    for n in range(6):
        write(
            content / f"pending-{n}.md",
            f"Title: Pending {n} <b>now</b>\nDate: 2026-01-0{n + 1}\n"
            "Suggested-Touchpoint: phone\nSuggested-Verdict: bad\n\nText.\n",
        )
    write(content / "broken.md", "Title: Broken\nDate: someday\n\nx\n")
    result = plugin("check", str(content))
    assert result.code == 1
    lines = result.out.splitlines()
    assert "broken.md:2: Date: 'someday' is not a date" in lines[0]
    assert len(lines) == 3, lines
    assert "Title: contains markup '<b>'" in lines[1]
    assert "6 times in 6 files (" in lines[1] and "and 3 more" in lines[1]
    assert lines[2].startswith("6 stories carry suggested tags to confirm: invoke")
    assert "7 files checked: 1 error, 18 warnings" in result.err
    verbose = invoke("check", "--path", str(content), "--verbose")
    assert verbose.out.count("is a suggestion, not yet your own tag") == 12
    assert verbose.out.count("contains markup '<b>'") == 6


def test_a_folder_the_site_does_not_read_is_named(tmp_path):
    from servesite import copy_site

    site = copy_site(tmp_path / "site")
    folder = site / "content" / "imported"
    write(folder / "a.md", "Title: A\nDate: 2026-01-01\n\nx\n")
    result = invoke("check", "--path", "content/imported", cwd=site)
    assert "content/imported: path: is not in the site's ARTICLE_PATHS" in result.out
    assert "add 'imported' to ARTICLE_PATHS" in result.out
    assert "[warning]" in result.out
    # A check of the whole site names the folder too.
    whole = invoke("check", cwd=site)
    assert "content/imported: path: is not in the site's ARTICLE_PATHS" in whole.out
    stats = invoke("suggest", "--path", "content/imported", cwd=site)
    assert "warning: content/imported is not in the site's ARTICLE_PATHS" in stats.err
