"""``invoke new``: a story from the template, never over an existing one."""

from __future__ import annotations

from commands import invoke, plugin
from sitebuild import metadata_of


def test_new_writes_a_tagged_story_that_checks_clean(tmp_path):
    result = invoke(
        "new", "Three promised call-backs", "--touchpoint", "service centre, hotline",
        "--verdict", "Bad", "--company", "QuickFix", "--date", "2026-03-02 09:15",
        "--into", str(tmp_path),
    )  # fmt: skip
    assert result.code == 0, result.err
    path = tmp_path / "three-promised-call-backs.md"
    assert f"Wrote {path}" in result.out
    meta = metadata_of(path)
    assert meta["title"] == "Three promised call-backs"
    assert meta["date"] == "2026-03-02 09:15"
    assert meta["touchpoint"] == "repair, phone"
    assert meta["verdict"] == "bad"
    assert meta["company"] == "QuickFix"
    assert plugin("check", str(tmp_path)).code == 0


def test_new_refuses_to_overwrite(tmp_path):
    assert invoke("new", "Same title", "--into", str(tmp_path)).code == 0
    path = tmp_path / "same-title.md"
    path.write_text(
        "Title: Same title\nDate: 2026-01-01\n\nMy words.\n", encoding="utf-8"
    )
    again = invoke("new", "Same title", "--into", str(tmp_path))
    assert again.code == 1
    assert "already exists" in again.err
    assert "My words." in path.read_text(encoding="utf-8")


def test_new_rejects_an_unknown_tag_with_a_suggestion(tmp_path):
    result = invoke("new", "Typo", "--verdict", "baad", "--touchpoint", "phone",
                    "--into", str(tmp_path))  # fmt: skip
    assert result.code == 2
    assert 'did you mean "bad"?' in result.err
    assert not list(tmp_path.iterdir())


def test_new_without_tags_says_what_is_left(tmp_path):
    result = invoke("new", "Draft", "--into", str(tmp_path))
    assert result.code == 0
    assert "add Touchpoint and Verdict" in result.out
    assert "touchpoint" not in metadata_of(tmp_path / "draft.md")


def test_help_and_h_show_the_help_and_write_nothing(tmp_path):
    for flag in ("--help", "-h"):
        result = invoke("new", flag, "--into", str(tmp_path))
        assert result.code == 0, result.err
        assert "Usage: inv[oke] [--core-opts] new" in result.out
        assert "--touchpoint" in result.out
    assert not list(tmp_path.iterdir())
    imported = invoke("import", "--help")
    assert imported.code == 0
    assert "Usage: inv[oke] [--core-opts] import" in imported.out
    assert "--verbose" in imported.out and "--into" in imported.out


def test_a_title_starting_with_a_dash_needs_double_dash(tmp_path):
    refused = invoke("new", "-x", "--into", str(tmp_path))
    assert refused.code == 2
    assert "a title cannot start with '-' unless it comes after --" in refused.err
    assert not list(tmp_path.iterdir())
    given = invoke("new", "--into", str(tmp_path), "--", "-20 degrees and no heating")
    assert given.code == 0, given.err
    path = tmp_path / "-20-degrees-and-no-heating.md"
    assert metadata_of(path)["title"] == "-20 degrees and no heating"


def test_without_a_title_and_no_terminal_it_says_what_to_do(tmp_path):
    result = invoke("new", "--into", str(tmp_path))
    assert result.code == 2
    assert 'give the story a title, e.g. invoke new "Three call-backs"' in result.err
    assert not list(tmp_path.iterdir())


def test_without_a_title_at_a_terminal_it_asks(tmp_path):
    """``invoke new`` with a terminal attached asks for the title and tags."""
    import os
    import pty
    import subprocess
    import time

    from commands import BIN
    from sitebuild import ROOT

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [str(BIN / "invoke"), "new", "--into", str(tmp_path)],
        cwd=ROOT,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=dict(os.environ, TERM="dumb", NO_COLOR="1"),
    )
    os.close(follower)
    seen = b""
    answers = [b"Tea in the rain\n", b"phone\n", b"good\n", b"\n"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 1024)
        except OSError:  # the process ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if answers and seen.rstrip().endswith(b":"):
            os.write(leader, answers.pop(0))
    assert process.wait(timeout=60) == 0, seen
    os.close(leader)
    assert b"Title:" in seen
    meta = metadata_of(tmp_path / "tea-in-the-rain.md")
    assert meta["title"] == "Tea in the rain"
    assert meta["touchpoint"] == "phone" and meta["verdict"] == "good"
