"""Repeated notices told once: counts, first files, and --verbose."""

from __future__ import annotations

from pelican.plugins.wow_index.notices import build_lines, group_lines, problem_lines
from pelican.plugins.wow_index.problems import Problem


def test_a_rare_kind_is_listed_and_a_common_one_grouped_in_order():
    notes = [(f"{n}.md", "image kept", f"{n}.md: image kept as x{n}") for n in range(5)]
    notes.insert(1, ("a.md", "no date", "a.md: no date in the source"))
    assert group_lines(notes) == [
        "image kept: 5 times in 5 files (0.md, 1.md, 2.md and 2 more; "
        "--verbose lists each)",
        "a.md: no date in the source",
    ]
    assert len(group_lines(notes, verbose=True)) == 6


def test_repeats_in_one_file_count_as_times_not_files():
    notes = [("a.md", "comment", "a.md: comment")] * 4
    assert group_lines(notes) == [
        "comment: 4 times in 1 file (a.md; --verbose lists each)"
    ]


def suggestion(path: str) -> Problem:
    return Problem(path, "Suggested-Verdict", "is a suggestion", 4, None, "warning")


def test_a_build_says_pending_suggestions_once_beyond_three_stories():
    error = Problem("x.md", "Date", "'someday' is not a date", 2)
    few = [error, suggestion("a.md"), suggestion("b.md")]
    assert build_lines(few) == [p.format() for p in few]
    many = [error] + [suggestion(f"{n}.md") for n in range(5)]
    lines = build_lines(many)
    assert lines[0] == error.format()
    assert lines[1].startswith("5 stories carry suggested tags to confirm")
    assert lines[1].endswith("(0.md, 1.md, 2.md and 2 more)")
    assert len(lines) == 2


def test_check_prints_errors_first():
    error = Problem("z.md", "Date", "'someday' is not a date", 2)
    problems = [suggestion(f"{n}.md") for n in range(4)] + [error]
    lines = problem_lines(problems)
    assert lines[0] == error.format()
    assert lines[1].endswith("[warning]") and len(lines) == 2
    assert len(problem_lines(problems, verbose=True)) == 5
