"""``invoke new``: a story from the template, never over an existing one."""

from __future__ import annotations

from conftest import invoke, plugin

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
