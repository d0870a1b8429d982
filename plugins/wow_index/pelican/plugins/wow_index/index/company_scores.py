"""Company scores: a fair comparison when some companies have one story.

A company's mean rating over one or two stories says little, so its score
is pulled toward the site's mean rating: the mean of the site's rated
stories counts as ``weight`` more stories (``WOW_COMPANY_PRIOR_WEIGHT``)::

    score = (sum of the company's ratings + weight * site mean) / (n + weight)

The interval is the 95 % credible interval of the normal-normal model whose
posterior mean is exactly that score: ratings spread as the site's ratings
do (standard deviation ``sd`` of every rated story), and the site's mean
is worth ``weight`` stories, so the score's spread is ``sd / sqrt(n +
weight)``; the interval is clipped to the rating scale. It needs no
company-level spread, so it is defined for a company with one story, it
narrows as stories accumulate, and it is symmetric, so it always holds the
score. Pure functions over tagged stories; numbers are rounded to two
decimals, and companies are sorted on the rounded score, so the JSON is
ordered by the numbers it shows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .grouping import Tagged, company_key

__all__ = ["LEVEL", "CompanyPrior", "CompanyScore", "Z", "score_companies"]

#: The interval's level and its two-sided normal quantile.
LEVEL = 0.95
Z = 1.959964


@dataclass(frozen=True, slots=True)
class CompanyPrior:
    """What every company's score is pulled toward."""

    weight: int
    mean_rating: float | None
    sd: float | None
    worst: int
    best: int

    def as_json(self) -> dict[str, Any]:
        return {
            "weight": self.weight,
            "mean_rating": self.mean_rating,
            "sd": self.sd,
            "level": LEVEL,
        }


@dataclass(frozen=True, slots=True)
class CompanyScore:
    """One company's rated stories, score and interval."""

    key: str
    name: str
    n: int
    verdicts: dict[str, int]
    mean_rating: float
    score: float
    low: float
    high: float


def _round(value: float) -> float:
    # round() of a float repr is stable across platforms; +0.0 folds -0.0.
    return round(value, 2) + 0.0


def score_companies(
    entries: Iterable[Tagged[Any]],
    verdicts: Sequence[str],
    ratings: Mapping[str, int],
    weight: int,
    names: Mapping[str, str] | None = None,
) -> tuple[CompanyPrior, list[CompanyScore]]:
    """The prior and every company with at least one rated story, sorted by
    score (high first), then n (high first), then name.

    ``names`` gives the name to show for a company key (the index's
    ``company_names``); by default the first name met.
    """
    site: list[int] = []
    rated: dict[str, list[str]] = {}
    shown: dict[str, str] = dict(names or {})
    for entry in entries:
        verdict = entry.tags.verdict
        if not verdict:
            continue
        site.append(ratings[verdict])
        if entry.tags.company:
            key = company_key(entry.tags.company)
            shown.setdefault(key, entry.tags.company)
            rated.setdefault(key, []).append(verdict)
    worst, best = min(ratings.values()), max(ratings.values())
    if not site:
        return CompanyPrior(weight, None, None, worst, best), []
    mean = sum(site) / len(site)
    sd = math.sqrt(sum((r - mean) ** 2 for r in site) / len(site))
    prior = CompanyPrior(weight, _round(mean), _round(sd), worst, best)
    scores: list[CompanyScore] = []
    for key, found in rated.items():
        n = len(found)
        total = sum(ratings[v] for v in found)
        score = (total + weight * mean) / (n + weight)
        half = Z * sd / math.sqrt(n + weight)
        scores.append(
            CompanyScore(
                key=key,
                name=shown[key],
                n=n,
                verdicts={v: found.count(v) for v in verdicts},
                mean_rating=_round(total / n),
                score=_round(score),
                low=_round(max(worst, score - half)),
                high=_round(min(best, score + half)),
            )
        )
    scores.sort(key=lambda s: (-s.score, -s.n, s.name, s.key))
    return prior, scores
