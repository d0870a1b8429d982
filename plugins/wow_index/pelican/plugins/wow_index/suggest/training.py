"""Fitting the suggestion model's weights to hand-labelled stories.

Two small linear models, both plain Python and deterministic (no random
start, Newton's method to convergence), so the same stories always give the
same weights:

* verdict: multinomial logistic regression over the verdict features of
  :mod:`.features` and the word scores of :mod:`.wordcounts`, four classes
  on the scale wow, good, meh, bad;
* touchpoint: a conditional logit: one weight per touchpoint feature, shared
  by every touchpoint, so the score of a touchpoint is ``w · features`` and
  the touchpoints compete in a softmax. Shared weights mean it works for any
  vocabulary, not only the one it was trained on.

The word table is counted from every labelled folder and ships with the
weights. The weights themselves are fitted on word scores that each folder's
stories get from a table counted without that folder: scored with their own
words, the stories would look far easier than a new writer's, and the model
would learn to trust the table more than it deserves.

Features are scaled but not centred: zero means "nothing found", so what a
story does not say adds nothing to any verdict. L2 regularisation keeps a
few hundred stories from giving weights that only fit them; its strength
was chosen by leave-one-set-out cross-validation over the training sets
(fit on all but one set, score the one left out, which is often another
writer's), never on held-out ones. The result is the JSON document shipped
as ``suggestion_model.json``; ``python -m pelican.plugins.wow_index train``
writes it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..index.vocabulary import Vocabulary
from .evaluation import load_labels, select
from .features import (
    TOUCHPOINT_FEATURES,
    VERDICT_FEATURES,
    TouchpointCues,
    read,
    verdict_features,
)
from .suggestion import TOUCHPOINT_INPUTS, VERDICT_INPUTS
from .wordcounts import WordCounts, words

__all__ = [
    "SCALE",
    "Example",
    "count_words",
    "examples",
    "fit",
    "fit_touchpoint",
    "fit_verdict",
]

SCALE = ("wow", "good", "meh", "bad")
L2_VERDICT = 10.0
L2_TOUCHPOINT = 1.0
STEPS = 50


@dataclass(frozen=True)
class Example:
    name: str
    verdict: str
    touchpoint: str
    verdict_features: list[float]
    touchpoint_features: dict[str, list[float]]
    folder: str = ""
    words: frozenset[str] = frozenset()


def examples(
    sources: Iterable[tuple[Path, str]], touchpoints: Vocabulary
) -> list[Example]:
    """Labelled stories of ``(folder, split)`` pairs, measured."""
    from ..sources import read_source

    cues = TouchpointCues(touchpoints)
    found = []
    for folder, split in sources:
        labels = load_labels(folder)
        for name in select(labels, split):
            source = read_source(folder / name)
            reading = read(source.body or "", source.get("title") or "")
            verdict = verdict_features(reading)
            per_touchpoint, _ = cues.features(reading)
            found.append(
                Example(
                    f"{folder.name}/{name}",
                    labels[name]["verdict"],
                    labels[name]["touchpoint"],
                    [verdict.values[k] for k in VERDICT_FEATURES],
                    {
                        slug: [values[k] for k in TOUCHPOINT_FEATURES]
                        for slug, values in per_touchpoint.items()
                    },
                    f"{folder}:{split}",
                    words("\n".join([reading.title, *reading.parts])),
                )
            )
    return found


def softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _standardise(rows: list[list[float]]) -> tuple[list[float], list[float]]:
    """Scale each feature to unit size, without moving its zero.

    Features are evidence: zero means "nothing found". Centring them would
    turn the absence of, say, failure words into evidence for every other
    verdict; scaled but not centred, what is absent adds nothing.
    """
    n = len(rows)
    means = [0.0] * len(rows[0])
    scales = [
        math.sqrt(sum(x * x for x in col) / n) or 1.0 for col in zip(*rows, strict=True)
    ]
    return means, scales


def fit_logistic(
    rows: list[list[float]],
    labels: list[str],
    classes: Sequence[str],
    l2: float = L2_VERDICT,
) -> dict[str, Any]:
    """Multinomial logistic regression on standardised features."""
    means, scales = _standardise(rows)
    xs = [
        [1.0] + [(x - m) / s for x, m, s in zip(row, means, scales, strict=True)]
        for row in rows
    ]
    ys = [classes.index(label) for label in labels]
    k, d = len(classes), len(xs[0])

    def gradient(theta: list[float]) -> tuple[float, list[float], list[list[float]]]:
        loss = sum(_penalty(i % d, l2) * t * t / 2 for i, t in enumerate(theta))
        grad = [_penalty(i % d, l2) * t for i, t in enumerate(theta)]
        hess = [[0.0] * (k * d) for _ in range(k * d)]
        for i in range(k * d):
            hess[i][i] = _penalty(i % d, l2)
        for x, y in zip(xs, ys, strict=True):
            probs = softmax([_dot(theta[c * d : c * d + d], x) for c in range(k)])
            loss -= math.log(max(probs[y], 1e-300))
            for c in range(k):
                error = probs[c] - (c == y)
                for j in range(d):
                    grad[c * d + j] += error * x[j]
                for c2 in range(k):
                    h = probs[c] * ((c == c2) - probs[c2])
                    if h == 0:
                        continue
                    for j in range(d):
                        row = hess[c * d + j]
                        for j2 in range(d):
                            row[c2 * d + j2] += h * x[j] * x[j2]
        return loss, grad, hess

    theta = _newton([0.0] * (k * d), gradient)
    rows_out = [theta[c * d : c * d + d] for c in range(k)]
    return {
        "classes": list(classes),
        "mean": [round(m, 6) for m in means],
        "scale": [round(s, 6) for s in scales],
        "weights": {
            c: [round(w, 6) for w in row[1:]]
            for c, row in zip(classes, rows_out, strict=True)
        },
        "bias": {c: round(row[0], 6) for c, row in zip(classes, rows_out, strict=True)},
    }


def fit_verdict(
    rows: list[list[float]], labels: list[str], l2: float = L2_VERDICT
) -> dict[str, Any]:
    """Multinomial logistic regression; weights per class of :data:`SCALE`."""
    return {
        "features": list(VERDICT_INPUTS),
        **fit_logistic(rows, labels, SCALE, l2),
    }


def fit_touchpoint(
    candidates: list[dict[str, list[float]]],
    labels: list[str],
    l2: float = L2_TOUCHPOINT,
) -> dict[str, Any]:
    """Conditional logit: one weight vector shared by every touchpoint."""
    d = len(next(iter(candidates[0].values())))

    def gradient(theta: list[float]) -> tuple[float, list[float], list[list[float]]]:
        loss = sum(l2 * t * t / 2 for t in theta)
        grad = [l2 * t for t in theta]
        hess = [[l2 * (i == j) for j in range(d)] for i in range(d)]
        for options, label in zip(candidates, labels, strict=True):
            xs = list(options.values())
            probs = softmax([_dot(theta, x) for x in xs])
            loss -= math.log(max(probs[list(options).index(label)], 1e-300))
            mean = [
                sum(p * x[j] for p, x in zip(probs, xs, strict=True)) for j in range(d)
            ]
            truth = options[label]
            for j in range(d):
                grad[j] += mean[j] - truth[j]
            for p, x in zip(probs, xs, strict=True):
                for i in range(d):
                    for j in range(d):
                        hess[i][j] += p * (x[i] - mean[i]) * (x[j] - mean[j])
        return loss, grad, hess

    theta = _newton([0.0] * d, gradient)
    return {
        "features": list(TOUCHPOINT_INPUTS),
        "weights": [round(w, 6) for w in theta],
    }


def _penalty(index: int, l2: float) -> float:
    """Weights are pulled towards zero; the bias (index 0) only barely."""
    return 1e-3 if index == 0 else l2


def _newton(theta: list[float], gradient: Any) -> list[float]:
    """Newton's method on a convex problem, with the step halved until the
    loss falls: a full step from far away can overshoot and diverge (weights
    in the hundreds), which is what happens on stories whose features almost
    separate the classes."""
    loss, grad, hess = gradient(theta)
    for _ in range(STEPS):
        step = _solve(hess, grad)
        size = 1.0
        for _ in range(30):
            trial = [t - size * s for t, s in zip(theta, step, strict=True)]
            trial_loss, trial_grad, trial_hess = gradient(trial)
            if trial_loss <= loss:
                break
            size /= 2
        else:
            break
        theta, loss, grad, hess = trial, trial_loss, trial_grad, trial_hess
        if max(abs(size * s) for s in step) < 1e-9:
            break
    return theta


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Solve ``matrix · x = vector`` by Gaussian elimination with pivoting."""
    n = len(vector)
    rows = [[*list(row), v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        lead = rows[col][col]
        for r in range(col + 1, n):
            factor = rows[r][col] / lead
            if factor:
                for c in range(col, n + 1):
                    rows[r][c] -= factor * rows[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (rows[r][n] - sum(rows[r][c] * x[c] for c in range(r + 1, n))) / rows[r][
            r
        ]
    return x


def count_words(found: Iterable[Example], touchpoints: Sequence[str]) -> WordCounts:
    return WordCounts.count(
        ((e.folder, e.words, e.verdict, e.touchpoint) for e in found), touchpoints
    )


def fit(found: list[Example], touchpoints: Sequence[str]) -> dict[str, Any]:
    """The model document for a list of measured, labelled stories."""
    folders = sorted({e.folder for e in found})
    # Each folder scored by the words of the others, as a new writer would be.
    apart = {
        folder: count_words((e for e in found if e.folder != folder), touchpoints)
        for folder in folders
    }
    verdict_rows, touchpoint_rows = [], []
    for e in found:
        table = apart[e.folder]
        verdict_rows.append(
            e.verdict_features + list(table.verdict_features(e.words).values())
        )
        scores = table.touchpoint_scores(e.words)
        touchpoint_rows.append(
            {
                slug: [*values, scores.get(slug, 0.0)]
                for slug, values in e.touchpoint_features.items()
            }
        )
    return {
        "verdict": fit_verdict(verdict_rows, [e.verdict for e in found]),
        "touchpoint": fit_touchpoint(touchpoint_rows, [e.touchpoint for e in found]),
        "stories": len(found),
        "words": count_words(found, touchpoints).as_document(),
    }


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))
