"""Fitting the company ranker: which of the names a story gives is the
company it is about, or none of them.

Every story is a choice among its candidate names (:func:`.companies.candidates`)
and "none of them", which has a score of its own. The model is a
conditional logit: one weight per candidate feature, shared by every name, so
a name's score is ``w · features`` and the names and "none" compete in a
softmax. A story whose labelled company is not among its candidates (or that
names none) teaches "none": the ranker learns to abstain where the
candidates do not hold the answer.

The probability below which a name is not suggested is chosen by
leave-one-set-out cross-validation: the ranker is fitted on every labelled
set but one and scores the one left out, for each set in turn (the sets are
different writers); the threshold kept is the one that gets the most stories
right, pooled over the left-out sets, while giving a wrong name to at most
:data:`MOST_WRONG` of the stories of any one of them. Everything is
deterministic, so ``train`` writes the same weights byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .companies import FEATURES, candidates, rank
from .evaluation import load_labels, same_company, select
from .training import _newton

__all__ = [
    "MOST_WRONG",
    "CompanyExample",
    "company_examples",
    "cross_validate",
    "fit_company",
    "fit_ranker",
]

L2_COMPANY = 10.0
MOST_WRONG = 1 / 12
"""The most stories of any one left-out set (one writer) the chosen
threshold may give a wrong name in cross-validation: the aim for a writer
the suggester has not seen."""
DEFAULT_THRESHOLD = 0.8
"""The threshold of a ranker fitted on one set, which cannot be
cross-validated (the shipped ranker's, chosen on nine sets)."""
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(15))


@dataclass(frozen=True)
class CompanyExample:
    """A labelled story's candidate names and which of them is right."""

    name: str
    folder: str
    company: str | None
    options: list[tuple[str, dict[str, float]]]
    target: int | None  # index into options, None: none of them


def _short(guess: str, whole: str) -> bool:
    a, b = guess.casefold().split(), whole.casefold().split()
    return 0 < len(a) < len(b) and b[: len(a)] == a


def company_examples(
    sources: Iterable[tuple[Path, str]], common: Container[str]
) -> list[CompanyExample]:
    """The stories of ``(folder, split)`` pairs that carry a company label."""
    from ..sources import read_source

    found = []
    for folder, split in sources:
        labels = load_labels(folder)
        for name in select(labels, split):
            if "company" not in labels[name]:
                continue
            company = labels[name]["company"]
            source = read_source(folder / name)
            measured = candidates(source.get("title") or "", source.body or "", common)
            options = [(c.name, c.features) for c in measured]
            target = None
            if company:
                exact = [
                    i for i, (n, _) in enumerate(options) if same_company(n, company)
                ]
                short = [i for i, (n, _) in enumerate(options) if _short(n, company)]
                target = (exact or short or [None])[0]
            found.append(
                CompanyExample(
                    f"{folder.name}/{name}",
                    f"{folder}:{split}",
                    company,
                    options,
                    target,
                )
            )
    return found


def _vectors(example: CompanyExample) -> list[list[tuple[int, float]]]:
    """Sparse feature vectors of each option; "none" is the last feature."""
    index = {name: i for i, name in enumerate(FEATURES)}
    rows = [
        [
            (index[k], v)
            for k, v in sorted(features.items(), key=lambda kv: index[kv[0]])
        ]
        for _, features in example.options
    ]
    return [*rows, [(len(FEATURES), 1.0)]]


def fit_company(found: Sequence[CompanyExample], l2: float = L2_COMPANY) -> list[float]:
    """The weights of the features and, last, the score of "none"."""
    d = len(FEATURES) + 1
    data = [
        (_vectors(e), len(e.options) if e.target is None else e.target) for e in found
    ]

    # The weights are pulled towards zero; the score of "none", which plays
    # the part of an intercept, only barely.
    penalty = [l2] * (d - 1) + [1e-3]

    def gradient(theta: list[float]) -> tuple[float, list[float], list[list[float]]]:
        loss = sum(penalty[i] * t * t / 2 for i, t in enumerate(theta))
        grad = [penalty[i] * t for i, t in enumerate(theta)]
        hess = [[penalty[i] * (i == j) for j in range(d)] for i in range(d)]
        for rows, target in data:
            scores = [sum(theta[j] * x for j, x in row) for row in rows]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            probs = [e / total for e in exps]
            loss -= math.log(max(probs[target], 1e-300))
            mean = [0.0] * d
            for p, row in zip(probs, rows, strict=True):
                for j, x in row:
                    mean[j] += p * x
                    for j2, x2 in row:
                        hess[j][j2] += p * x * x2
            for j, x in rows[target]:
                grad[j] -= x
            nonzero = [j for j in range(d) if mean[j]]
            for j in nonzero:
                grad[j] += mean[j]
                row = hess[j]
                for j2 in nonzero:
                    row[j2] -= mean[j] * mean[j2]
        return loss, grad, hess

    return _newton([0.0] * d, gradient)


def _document(theta: list[float], threshold: float) -> dict[str, Any]:
    return {
        "features": list(FEATURES),
        "weights": [round(w, 6) for w in theta[:-1]],
        "none": round(theta[-1], 6),
        "threshold": threshold,
    }


@dataclass(frozen=True)
class Outcome:
    """One left-out story: the best name's probability and how it fares."""

    folder: str
    named: bool  # the story names a company
    probability: float
    verdict: str  # right, short, wrong (a name, wrongly) or none (no candidate)


def _outcome(example: CompanyExample, ranker: dict[str, Any]) -> Outcome:
    from .companies import Candidate

    found = [Candidate(n, f) for n, f in example.options]
    ranked = rank(found, ranker)
    if not ranked:
        return Outcome(example.folder, example.company is not None, 0.0, "none")
    probability, best = ranked[0]
    company = example.company
    if company and same_company(best.name, company):
        verdict = "right"
    elif company and _short(best.name, company):
        verdict = "short"
    else:
        verdict = "wrong"
    return Outcome(example.folder, company is not None, probability, verdict)


def cross_validate(found: Sequence[CompanyExample]) -> list[Outcome]:
    """Each story scored by a ranker fitted on the other sets."""
    rankers = {
        folder: _document(fit_company([e for e in found if e.folder != folder]), 0.0)
        for folder in sorted({e.folder for e in found})
    }
    return [_outcome(e, rankers[e.folder]) for e in found]


def tally(outcomes: Sequence[Outcome], threshold: float) -> dict[str, int]:
    """Right, short, wrong and abstained at a threshold, and the stories
    naming none that got a name anyway."""
    counts = dict.fromkeys(("named", "right", "short", "wrong", "abstained"), 0)
    counts.update(unnamed=0, wrongly_named=0)
    for o in outcomes:
        answered = o.verdict != "none" and o.probability >= threshold
        if not o.named:
            counts["unnamed"] += 1
            counts["wrongly_named"] += answered
            continue
        counts["named"] += 1
        counts[o.verdict if answered else "abstained"] += 1
    return counts


def choose_threshold(outcomes: Sequence[Outcome]) -> float:
    """The threshold that gets the most stories right, pooled, while no
    left-out set (no writer) has more than :data:`MOST_WRONG` of its stories
    given a wrong name."""
    folders = sorted({o.folder for o in outcomes})
    best, best_right = THRESHOLDS[-1], -1
    for threshold in THRESHOLDS:
        worst = 0.0
        for folder in folders:
            mine = [o for o in outcomes if o.folder == folder]
            t = tally(mine, threshold)
            worst = max(worst, (t["wrong"] + t["wrongly_named"]) / len(mine))
        right = tally(outcomes, threshold)["right"]
        if worst <= MOST_WRONG and right > best_right:
            best, best_right = threshold, right
    return best


def fit_ranker(found: Sequence[CompanyExample]) -> dict[str, Any]:
    """The ``company`` part of the model document: weights fitted on every
    story, the threshold chosen by leave-one-set-out cross-validation."""
    if len({e.folder for e in found}) > 1:
        threshold = choose_threshold(cross_validate(found))
    else:  # one set: nothing to leave out, the usual threshold
        threshold = DEFAULT_THRESHOLD
    document = _document(fit_company(found), threshold)
    document["stories"] = len(found)
    return document
