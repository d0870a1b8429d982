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
    _compared: list[tuple[str, list[int], list[int], float, float]] = field(
        default_factory=list, repr=False
    )

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
        clash = sorted(set(LEVELS) & set(touchpoints))
        if clash:
            raise ValueError(
                f"touchpoint {clash[0]!r} has the name of a verdict level; "
                "rename the touchpoint to train on it"
            )
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
    def _contrasts(self) -> list[tuple[str, list[int], list[int], float, float]]:
        """Every contrast a story is scored on, as column numbers: the
        verdict contrasts, then each level and each touchpoint against the
        others of its kind."""
        if not self._compared:
            where = {name: i for i, name in enumerate(self.columns)}
            pairs = [(name, sorted(up), sorted(down)) for name, up, down in CONTRASTS]
            for group in (LEVELS, self.touchpoints):
                pairs += [(c, [c], [o for o in group if o != c]) for c in group]
            for name, up, down in pairs:
                self._compared.append(
                    (
                        name,
                        [where[c] for c in up],
                        [where[c] for c in down],
                        sum(self.totals[c] for c in up) + 2 * _SMOOTHING,
                        sum(self.totals[c] for c in down) + 2 * _SMOOTHING,
                    )
                )
        return self._compared

    def ratios(self, word: str) -> dict[str, float] | None:
        """A known word's log-count ratio for every contrast, or None."""
        if word not in self._ratios:
            row = self.counts.get(word)
            if row is None:
                return None
            a = _SMOOTHING
            self._ratios[word] = {
                name: math.log((sum(row[i] for i in up) + a) / n_up)
                - math.log((sum(row[i] for i in down) + a) / n_down)
                for name, up, down, n_up, n_down in self._contrasts()
            }
        return self._ratios[word]

    def _scores(self, found: frozenset[str], names: Sequence[str]) -> list[float]:
        """Ratios summed over the known words, over the root of their number."""
        known = [r for r in map(self.ratios, sorted(found)) if r is not None]
        if not known:
            return [0.0] * len(names)
        root = math.sqrt(len(known))
        return [sum(r[name] for r in known) / root for name in names]

    def verdict_features(self, found: frozenset[str]) -> dict[str, float]:
        """One score per contrast of :data:`WORD_FEATURES`."""
        return dict(zip(WORD_FEATURES, self._scores(found, WORD_FEATURES), strict=True))

    def touchpoint_scores(self, found: frozenset[str]) -> dict[str, float]:
        """Each touchpoint against the others; touchpoints the labelled
        stories never used score nothing."""
        scores = self._scores(found, self.touchpoints)
        return dict(zip(self.touchpoints, scores, strict=True))

    def telling(self, found: frozenset[str], column: str, limit: int = 5) -> list[str]:
        """The story's words that speak most for one level or touchpoint
        (none for a touchpoint the labelled stories never used)."""
        group = LEVELS if column in LEVELS else self.touchpoints
        if column not in group:
            return []
        weighed = {w: r[column] for w in found if (r := self.ratios(w)) is not None}
        ranked = sorted(
            (w for w, ratio in weighed.items() if ratio > 0.5),
            key=lambda w: (-weighed[w], w),
        )
        return [display(w) for w in ranked[:limit]]
