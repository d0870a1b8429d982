"""Suggesting tags for an untagged story: a lexicon, a few rules and a
small linear model whose weights ship with the plugin.

Everything is offline and explainable. :mod:`.features` reads a story into
a handful of numbers, each backed by the words that produced it (the cue
words of a touchpoint; the praise, failure, shrug and resolution phrases of
a verdict; sarcasm and negation already resolved). The weights in
``suggestion_model.json`` turn those numbers into scores:

* touchpoint: every touchpoint of the vocabulary gets ``w · features`` with
  one weight vector shared by all of them (title, opening, closing, the whole
  story, where the decisive event happened), so a blog's own vocabulary
  works too; a softmax gives the confidence, and runners-up close to the
  winner are offered as ``also``;
* verdict: a multinomial logistic regression over the verdict features on
  the scale wow, good, meh, bad, mapped onto the vocabulary's own verdicts
  (best first) when a blog uses others.

Both models also weigh the story's everyday words against the word table of
:mod:`.wordcounts` (how many labelled stories of each verdict and touchpoint
used each word), which ships in the same file as the weights.

The company is the one the story names: :mod:`.companies` finds the
candidate names and measures each, and the company ranker of the same file
(fitted by :mod:`.ranking`) gives each a probability, leaving the field
empty below the threshold it ships with; the companies of the site's other
stories (``companies``) are the best evidence and come first.

A suggestion carries its evidence (the words and the features that weighed
most) and a confidence; below the threshold the field is left empty (None)
rather than guessed. The weights are fitted by :mod:`.training` on
hand-labelled stories (``python -m pelican.plugins.wow_index train``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..index.vocabulary import Vocabulary
from .companies import FEATURES as COMPANY_FEATURES
from .companies import find_company
from .features import (
    TOUCHPOINT_FEATURES,
    VERDICT_FEATURES,
    TouchpointCues,
    VerdictFeatures,
    paragraphs,
    plain_text,
    read,
    sentences,
    verdict_features,
)
from .wordcounts import WORD_FEATURES, WordCounts, words

__all__ = [
    "DEFAULT_THRESHOLD",
    "MODEL_FILE",
    "TOUCHPOINT_INPUTS",
    "VERDICT_INPUTS",
    "Suggester",
    "Suggestion",
    "load_model",
    "paragraphs",
    "plain_text",
    "sentences",
]

DEFAULT_THRESHOLD = 0.3
MODEL_FILE = "suggestion_model.json"
SCALE = ("wow", "good", "meh", "bad")
_ALSO_SHARE = 0.4  # a runner-up at least this likely, relative to the winner
VERDICT_INPUTS = (*VERDICT_FEATURES, *WORD_FEATURES)
"""What the verdict weights weigh: the lexicon's features, then the words'."""
TOUCHPOINT_INPUTS = (*TOUCHPOINT_FEATURES, "words")
"""What the touchpoint weights weigh, per touchpoint."""


@dataclass(frozen=True)
class Suggestion:
    """Tags proposed for one story; None where the evidence was too weak."""

    path: str
    touchpoint: str | None
    touchpoint_confidence: float
    also: list[str]
    verdict: str | None
    verdict_confidence: float
    company: str | None
    evidence: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_model(path: Path | None = None) -> dict[str, Any]:
    """The model document: the shipped one, or one written by ``train``."""
    if path is not None:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    return _shipped_model()


@lru_cache(maxsize=1)
def _shipped_model() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text("utf-8")
    return json.loads(text)


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exps = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(exps.values())
    return {k: v / total for k, v in exps.items()}


def _check(model: dict[str, Any]) -> None:
    if (
        tuple(model["verdict"]["features"]) != VERDICT_INPUTS
        or tuple(model["touchpoint"]["features"]) != TOUCHPOINT_INPUTS
        or "words" not in model
        or tuple(model.get("company", {}).get("features", ())) != COMPANY_FEATURES
    ):
        raise ValueError(
            "the suggestion model was trained on other features than this "
            "version measures; retrain it with the 'train' command"
        )


class Suggester:
    """Suggests tags with the words of :mod:`.lexicon`, a vocabulary and the
    weights of the suggestion model."""

    def __init__(
        self,
        touchpoints: Vocabulary,
        verdicts: Vocabulary,
        threshold: float = DEFAULT_THRESHOLD,
        model: dict[str, Any] | None = None,
        companies: Iterable[str] = (),
    ) -> None:
        self.touchpoints = touchpoints
        self.verdicts = verdicts
        self.threshold = threshold
        self.model = model or load_model()
        _check(self.model)
        self.cues = TouchpointCues(touchpoints)
        self.words = WordCounts.from_document(self.model["words"])
        self.companies = sorted(set(companies))

    # Touchpoints -----------------------------------------------------------
    def touchpoint_scores(
        self, features: dict[str, dict[str, float]]
    ) -> dict[str, float]:
        """A score per touchpoint: the shared weights times its features."""
        weights = self.model["touchpoint"]["weights"]
        return {
            slug: sum(
                w * values[name]
                for w, name in zip(weights, TOUCHPOINT_INPUTS, strict=True)
            )
            for slug, values in features.items()
        }

    # Verdicts --------------------------------------------------------------
    def verdict_contributions(
        self, measured: VerdictFeatures
    ) -> dict[str, dict[str, float]]:
        """How much each feature adds to each level of the scale."""
        part = self.model["verdict"]
        scaled = [
            (measured.values[name] - mean) / scale
            for name, mean, scale in zip(
                VERDICT_INPUTS, part["mean"], part["scale"], strict=True
            )
        ]
        return {
            level: {
                name: w * x
                for name, w, x in zip(
                    VERDICT_INPUTS, part["weights"][level], scaled, strict=True
                )
            }
            for level in part["classes"]
        }

    def verdict_scores(self, measured: VerdictFeatures) -> dict[str, float]:
        """Scores on the four-step scale (best first)."""
        bias = self.model["verdict"]["bias"]
        return {
            level: bias[level] + sum(parts.values())
            for level, parts in self.verdict_contributions(measured).items()
        }

    # Putting it together ---------------------------------------------------
    def suggest(
        self,
        text: str,
        title: str = "",
        *,
        path: str = "",
        company: str | None = None,
    ) -> Suggestion:
        """Suggest tags for one story: ``text`` is its Markdown body."""
        reading = read(text, title)
        evidence: list[str] = []
        measured = verdict_features(reading)  # also gives sentences polarity
        per_touchpoint, cue_words = self.cues.features(reading)
        # Without a single cue or verdict phrase the word table alone would
        # be a guess: those fields are left empty.
        lexical = any(measured.values.values())
        found = words("\n".join([reading.title, *reading.parts]))
        measured.values.update(self.words.verdict_features(found))
        scored = self.words.touchpoint_scores(found)
        for slug, values in per_touchpoint.items():
            values["words"] = scored.get(slug, 0.0)

        touchpoint, tp_conf, also = None, 0.0, []
        if any(cue_words.values()):
            probs = _softmax(self.touchpoint_scores(per_touchpoint))
            ranked = sorted(probs, key=lambda s: (-probs[s], self.touchpoints.index(s)))
            top = ranked[0]
            tp_conf = round(probs[top], 2)
            if tp_conf >= self.threshold:
                touchpoint = top
                also = [
                    s
                    for s in ranked[1:3]
                    if probs[s] >= _ALSO_SHARE * probs[top] and cue_words[s]
                ]
            told = [*cue_words[top][:5], *self.words.telling(found, top, 3)]
            said = ", ".join(map(repr, dict.fromkeys(told)))
            evidence.append(f"touchpoint {top}: {said}")

        if company is None:
            guess = find_company(
                title,
                text,
                self.companies,
                self.words.counts,
                self.model["company"],
            )
            if guess:
                company = guess.name
                evidence.append(f"company {company!r}: " + "; ".join(guess.reasons))

        verdict, vd_conf = None, 0.0
        if lexical:
            contributions = self.verdict_contributions(measured)
            probs = _softmax(self.verdict_scores(measured))
            best = max(probs, key=lambda k: (probs[k], -SCALE.index(k)))
            vd_conf = round(probs[best], 2)
            if vd_conf >= self.threshold:
                verdict = self._on_scale(best)
            explained = _explain(contributions[best], measured)
            evidence.append(f"verdict {self._on_scale(best)}: {explained}")
            telling = self.words.telling(found, best)
            if telling:
                evidence.append(
                    f"words of {best} stories: " + ", ".join(map(repr, telling))
                )
        else:
            # Nothing for or against: the model's prior alone would be a guess.
            evidence.append("verdict: no words of praise, trouble or outcome found")
        kinds = ("sarcasm", "wow", "praise", "bad", "meh", "resolved", "proper", "care")
        for kind in kinds:
            found = measured.evidence.get(kind)
            if found:
                evidence.append(f"{kind}: " + ", ".join(dict.fromkeys(found[:4])))
        return Suggestion(
            path=path,
            touchpoint=touchpoint,
            touchpoint_confidence=tp_conf,
            also=also,
            verdict=verdict,
            verdict_confidence=vd_conf,
            company=company,
            evidence=evidence,
        )

    def _on_scale(self, level: str) -> str:
        """A level of the four-step scale as a verdict of the vocabulary."""
        if level in self.verdicts:
            return level
        slugs = self.verdicts.slugs
        position = SCALE.index(level) / (len(SCALE) - 1)
        return slugs[round(position * (len(slugs) - 1))]


def _explain(parts: dict[str, float], measured: VerdictFeatures) -> str:
    """The features that weighed most for a verdict, strongest first."""
    ranked = sorted(parts.items(), key=lambda kv: -abs(kv[1]))[:4]
    said = [
        f"{name} {measured.values[name]:+.2f} ({'for' if weight > 0 else 'against'})"
        for name, weight in ranked
        if abs(weight) >= 0.05
    ]
    return ", ".join(said) or "no strong signal"


def _quote(sentence: str, width: int = 60) -> str:
    sentence = " ".join(sentence.split())
    return repr(sentence if len(sentence) <= width else sentence[: width - 1] + "…")
