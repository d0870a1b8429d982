"""What labelled stories say in their own words: for every word and pair of
words, how many stories of each verdict and each touchpoint use it.

The lexicon (:mod:`.lexicon`) holds phrase families a person chose; it
cannot list every way a writer says "the courier" or "I'm done with them".
The labelled stories can: a table of word counts learnt from them adds the
everyday words the lexicon lacks. A story is scored against a contrast
("wow against the rest", "good against meh") by the naive-Bayes log-count
ratio of each word it uses, summed and divided by the square root of the
number of known words, so long stories do not shout. The scores are a few
more features for the linear models of :mod:`.suggestion`, whose weights say
how far to trust them next to the lexicon.

Only words used in at least two stories from at least two labelled folders
(in practice, two writers) are kept: a word only one writer uses tells the
model about that writer, not about the next one. The table ships inside
``suggestion_model.json`` as plain counts, so anyone can read why a word
weighs what it does.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["LEVELS", "WORD_FEATURES", "WordCounts", "display", "words"]

LEVELS = ("wow", "good", "meh", "bad")
# Each level against the rest, the top half against the bottom, and the
# neighbours the lexicon confuses most.
CONTRASTS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = tuple(
    (name, frozenset(up), frozenset(down))
    for name, up, down in (
        ("words_wow", {"wow"}, {"good", "meh", "bad"}),
        ("words_up", {"wow", "good"}, {"meh", "bad"}),
        ("words_bad", {"bad"}, {"wow", "good", "meh"}),
        ("words_meh", {"meh"}, {"wow", "good", "bad"}),
        ("words_wow_good", {"wow"}, {"good"}),
        ("words_meh_bad", {"meh"}, {"bad"}),
        ("words_good_meh", {"good"}, {"meh"}),
    )
)
WORD_FEATURES = tuple(name for name, _, _ in CONTRASTS)
"""The verdict features the word table adds, in the order the weights use."""
MIN_STORIES = 2
MIN_FOLDERS = 2
_SMOOTHING = 1.0

_WORD = re.compile(r"[a-z][a-z']*")
_CLAUSE = re.compile(r"[.,;:!?\n]+")
_NEGATOR = re.compile(r"^(?:not|no|never|nothing|nobody|without|hardly|barely|\w+n't)$")
NEGATED = "-"
"""Prefix of a word inside a negation's clause: "-helpful" in "not very helpful"."""
ENDING = "+"
"""Prefix of a word in the last third of a story, where the writer sums up."""


def words(text: str) -> frozenset[str]:
    """The distinct words and neighbouring pairs of a story's plain text.

    A word after a negator in the same clause is marked (``-helpful``), so
    "not helpful" and "helpful" count apart; pairs ("no reply", "gave up")
    keep the word order that single words lose; and the words of the last
    third count once more, marked (``+refund``), because how a story ends
    says more about the verdict than the trouble that started it.
    """
    found: set[str] = set()
    clauses = _CLAUSE.split(text.lower())
    for number, clause in enumerate(clauses):
        negated, previous = False, ""
        ending = number >= len(clauses) * 2 / 3
        for word in _WORD.findall(clause):
            found.add(NEGATED + word if negated else word)
            if ending:
                found.add(ENDING + word)
            if previous:
                found.add(f"{previous} {word}")
            negated = negated or bool(_NEGATOR.match(word))
            previous = word
    return frozenset(found)


def display(word: str) -> str:
    """A word of the table as a writer would read it."""
    if word.startswith(NEGATED):
        return f"{word[1:]} (negated)"
    if word.startswith(ENDING):
        return f"{word[1:]} (at the end)"
    return word


@dataclass
class WordCounts:
    """Stories per verdict level and per touchpoint that use each word."""

    touchpoints: tuple[str, ...]
    totals: dict[str, int]
    counts: dict[str, list[int]]
    _ratios: dict[str, dict[str, float]] = field(default_factory=dict, repr=False)

    @property
    def columns(self) -> tuple[str, ...]:
        return LEVELS + self.touchpoints

    @classmethod
    def count(
        cls,
        stories: Iterable[tuple[str, frozenset[str], str, str]],
        touchpoints: Sequence[str],
    ) -> WordCounts:
        """Count ``(folder, words, verdict, touchpoint)`` stories."""
        columns = LEVELS + tuple(touchpoints)
        index = {name: i for i, name in enumerate(columns)}
        totals: Counter[str] = Counter()
        counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(columns))
        folders: dict[str, set[str]] = defaultdict(set)
        for folder, found, verdict, touchpoint in stories:
            totals[verdict] += 1
            totals[touchpoint] += 1
            for word in found:
                row = counts[word]
                row[index[verdict]] += 1
                row[index[touchpoint]] += 1
                folders[word].add(folder)
        kept = {
            word: row
            for word, row in sorted(counts.items())
            if sum(row[: len(LEVELS)]) >= MIN_STORIES
            and len(folders[word]) >= MIN_FOLDERS
        }
        return cls(tuple(touchpoints), {c: totals[c] for c in columns}, kept)

    # The document stored in suggestion_model.json ---------------------------
    def as_document(self) -> dict[str, Any]:
        """Counts as one line of numbers per word, in the order of ``columns``."""
        return {
            "columns": list(self.columns),
            "stories": [self.totals[c] for c in self.columns],
            "counts": {w: " ".join(map(str, row)) for w, row in self.counts.items()},
        }

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> WordCounts:
        columns = tuple(document["columns"])
        if columns[: len(LEVELS)] != LEVELS:
            raise ValueError(
                "the word table of the suggestion model has other verdict "
                "levels than this version; retrain it with the 'train' command"
            )
        counts = {
            word: [int(n) for n in row.split()]
            for word, row in document["counts"].items()
        }
        return cls(
            columns[len(LEVELS) :],
            dict(zip(columns, document["stories"], strict=True)),
            counts,
        )

    # Scores ------------------------------------------------------------------
    def ratios(self, up: Iterable[str], down: Iterable[str]) -> dict[str, float]:
        """Each word's log-count ratio between two groups of columns."""
        up, down = tuple(up), tuple(down)
        key = ",".join(up) + "/" + ",".join(down)
        if key not in self._ratios:
            where = {name: i for i, name in enumerate(self.columns)}
            n_up = sum(self.totals[c] for c in up)
            n_down = sum(self.totals[c] for c in down)
            a = _SMOOTHING
            self._ratios[key] = {
                word: math.log((sum(row[where[c]] for c in up) + a) / (n_up + 2 * a))
                - math.log((sum(row[where[c]] for c in down) + a) / (n_down + 2 * a))
                for word, row in self.counts.items()
            }
        return self._ratios[key]

    def score(self, found: frozenset[str], ratios: Mapping[str, float]) -> float:
        values = [ratios[w] for w in found if w in ratios]
        return sum(values) / math.sqrt(len(values)) if values else 0.0

    def verdict_features(self, found: frozenset[str]) -> dict[str, float]:
        """One score per contrast of :data:`WORD_FEATURES`."""
        return {
            name: self.score(found, self.ratios(sorted(up), sorted(down)))
            for name, up, down in CONTRASTS
        }

    def touchpoint_scores(self, found: frozenset[str]) -> dict[str, float]:
        """Each touchpoint against the others; touchpoints the labelled
        stories never used score nothing."""
        return {
            slug: self.score(
                found, self.ratios([slug], [t for t in self.touchpoints if t != slug])
            )
            for slug in self.touchpoints
        }

    def telling(self, found: frozenset[str], column: str, limit: int = 5) -> list[str]:
        """The story's words that speak most for one level or touchpoint
        (none for a touchpoint the labelled stories never used)."""
        group = LEVELS if column in LEVELS else self.touchpoints
        if column not in group:
            return []
        ratios = self.ratios([column], [c for c in group if c != column])
        ranked = sorted(
            (w for w in found if ratios.get(w, 0.0) > 0.5),
            key=lambda w: (-ratios[w], w),
        )
        return [display(w) for w in ranked[:limit]]
