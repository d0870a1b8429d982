"""Measuring suggestions against stories a person has labelled.

A labelled set is a folder of untagged stories and a ``labels.json`` mapping
each file name to ``{"touchpoint", "also", "verdict", "company"}``
(``company``: the exact name, or null for a story that names none; sets
without the key are not scored on companies). Accuracy
counts an abstention (None) as a miss; ``answered`` is accuracy on the
stories where a suggestion was made, and ``coverage`` the share of those.
Splits by file number (odd, even) let one half train the suggestion model
(see :mod:`.training`) while the other half checks it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .suggestion import Suggestion

__all__ = [
    "CompanyScore",
    "FieldScore",
    "Report",
    "evaluate",
    "load_labels",
    "same_company",
    "select",
]

SPLITS = ("all", "odd", "even")


@dataclass(frozen=True)
class FieldScore:
    total: int
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def coverage(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def accuracy_answered(self) -> float:
        return self.correct / self.answered if self.answered else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "answered": self.answered,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 3),
            "coverage": round(self.coverage, 3),
            "accuracy_answered": round(self.accuracy_answered, 3),
        }


@dataclass(frozen=True)
class CompanyScore:
    """Company suggestions: on stories that name one, right, short (the
    first words of the right name: "Tilbury" for "Tilbury Keys & Locks"),
    wrong (another name) or abstained (None); on stories that name none, how
    many got a name anyway. A wrong name costs the writer more than none."""

    named: int
    right: int
    short: int
    wrong: int
    unnamed: int
    wrongly_named: int

    @property
    def abstained(self) -> int:
        return self.named - self.right - self.short - self.wrong

    @property
    def accuracy(self) -> float:
        """Right on the stories that name a company."""
        return self.right / self.named if self.named else 0.0

    @property
    def wrong_rate(self) -> float:
        """Stories given a wrong name (not counting short forms), of all."""
        total = self.named + self.unnamed
        return (self.wrong + self.wrongly_named) / total if total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "named": self.named,
            "right": self.right,
            "short": self.short,
            "wrong": self.wrong,
            "abstained": self.abstained,
            "unnamed": self.unnamed,
            "wrongly_named": self.wrongly_named,
            "accuracy": round(self.accuracy, 3),
            "wrong_rate": round(self.wrong_rate, 3),
        }


@dataclass(frozen=True)
class Report:
    split: str
    touchpoint: FieldScore
    verdict: FieldScore
    company: CompanyScore
    misses: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "split": self.split,
            "stories": self.touchpoint.total,
            "touchpoint": self.touchpoint.as_dict(),
            "verdict": self.verdict.as_dict(),
            "company": self.company.as_dict(),
            "misses": self.misses,
        }


def load_labels(folder: Path, labels: Path | None = None) -> dict[str, Any]:
    path = labels or folder / "labels.json"
    return json.loads(path.read_text(encoding="utf-8"))


def select(names: Iterable[str], split: str) -> list[str]:
    """File names of one split: by the number the name starts with."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}")
    chosen = []
    for name in sorted(names):
        match = re.match(r"\d+", name)
        number = int(match.group()) if match else 0
        if split == "all" or (number % 2 == 1) == (split == "odd"):
            chosen.append(name)
    return chosen


def _score(pairs: list[tuple[Any, Any]]) -> FieldScore:
    answered = [(g, e) for g, e in pairs if g is not None]
    return FieldScore(len(pairs), len(answered), sum(1 for g, e in answered if g == e))


def _plain(name: str) -> list[str]:
    words = re.sub(r"['’]s$", "", name.casefold().strip()).split()
    return words[1:] if len(words) > 1 and words[0] == "the" else words


def same_company(guess: str, expected: str) -> bool:
    """Company names match ignoring case, spacing, a leading "The" and a
    trailing possessive ("The Copper Kettle", "Quillby's")."""
    return _plain(guess) == _plain(expected)


def _short_form(guess: str, expected: str) -> bool:
    short, whole = _plain(guess), _plain(expected)
    return 0 < len(short) < len(whole) and whole[: len(short)] == short


def _company_score(pairs: list[tuple[str | None, str | None]]) -> CompanyScore:
    named = [(g, e) for g, e in pairs if e is not None and g is not None]
    right = sum(1 for g, e in named if same_company(g, e))
    short = sum(1 for g, e in named if _short_form(g, e))
    return CompanyScore(
        named=sum(1 for _, e in pairs if e is not None),
        right=right,
        short=short,
        wrong=len(named) - right - short,
        unnamed=sum(1 for _, e in pairs if e is None),
        wrongly_named=sum(1 for g, e in pairs if e is None and g is not None),
    )


def evaluate(
    folder: Path,
    suggest: Callable[[Path], Suggestion],
    split: str = "all",
    labels: Path | None = None,
) -> Report:
    """Run ``suggest`` on every labelled story of ``split`` and score it."""
    truth = load_labels(folder, labels)
    names = select(truth, split)
    tps, vds, cos, misses = [], [], [], []
    for name in names:
        label = truth[name]
        got = suggest(folder / name)
        tps.append((got.touchpoint, label["touchpoint"]))
        vds.append((got.verdict, label["verdict"]))
        if "company" in label:  # sets labelled before companies were
            cos.append((got.company, label["company"]))
        if got.touchpoint != label["touchpoint"] or got.verdict != label["verdict"]:
            misses.append(
                {
                    "file": name,
                    "expected": [label["touchpoint"], label["verdict"]],
                    "got": [got.touchpoint, got.verdict],
                    "confidence": [got.touchpoint_confidence, got.verdict_confidence],
                }
            )
    return Report(split, _score(tps), _score(vds), _company_score(cos), misses)
