"""Measuring suggestions against stories a person has labelled.

A labelled set is a folder of untagged stories and a ``labels.json`` mapping
each file name to ``{"touchpoint", "also", "verdict", "company"}``. Accuracy
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

__all__ = ["FieldScore", "Report", "evaluate", "load_labels", "select"]

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
class Report:
    split: str
    touchpoint: FieldScore
    verdict: FieldScore
    company: FieldScore
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


def _same_company(guess: str | None, expected: str | None) -> Any:
    """Company names match ignoring case and spacing; both empty matches."""
    if expected is None:
        return "none" if guess is None else guess
    if guess is None:
        return None
    return expected if guess.casefold().split() == expected.casefold().split() else ""


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
        expected_company = label.get("company")
        cos.append(
            (
                _same_company(got.company, expected_company),
                expected_company if expected_company is not None else "none",
            )
        )
        if got.touchpoint != label["touchpoint"] or got.verdict != label["verdict"]:
            misses.append(
                {
                    "file": name,
                    "expected": [label["touchpoint"], label["verdict"]],
                    "got": [got.touchpoint, got.verdict],
                    "confidence": [got.touchpoint_confidence, got.verdict_confidence],
                }
            )
    return Report(split, _score(tps), _score(vds), _score(cos), misses)
