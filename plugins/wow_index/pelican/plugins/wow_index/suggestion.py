"""Suggesting tags for an untagged story: a lexicon and a few rules.

Everything is offline and explainable. A suggestion carries the words and
sentences that decided it, and a confidence; below the threshold the field is
left empty (None) rather than guessed.

Touchpoint: cue words of :mod:`.lexicon` plus the vocabulary's own slugs,
labels and aliases are counted, the title weighing most and the opening
paragraph more than the rest. The highest score is the primary touchpoint;
others close to it are offered as ``also``.

Verdict: each sentence is scored with polarity words, then four rules adjust
what plain sentiment gets wrong:

* negation: "not bad", "couldn't fault", "never failed" turn a word around;
* sarcasm and ironic "wow": short bursts of praise ("Brilliant.", "What a
  treat", "Wow.") in a story that is otherwise negative count against it;
* turnaround: later sentences weigh more, the last paragraph most, so a bad
  start with a happy ending reads as the ending;
* exceptional and failed experiences: phrases such as "without my asking"
  (``wow``) or "gave up" (``bad``) separate the ends of the scale from
  ordinary satisfaction or friction (``meh`` has its own shrugging phrases).

The verdict scale comes from the vocabulary, best first, so a blog with its
own verdicts gets the closest of them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from . import lexicon
from .vocabulary import Vocabulary

__all__ = ["DEFAULT_THRESHOLD", "Features", "Suggester", "Suggestion"]

DEFAULT_THRESHOLD = 0.3
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")
_MARKDOWN_NOISE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"\{:[^}]*\}"), ""),  # attribute lists
    (re.compile(r"<[^>]+>"), " "),  # inline HTML
    (re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+", re.M), ""),
    (re.compile(r"[*_`~]{1,3}"), ""),
]


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


@dataclass
class Features:
    """What the verdict rules measured in one story (for explanations)."""

    positive: float = 0.0
    negative: float = 0.0
    ending: float = 0.0
    wow: float = 0.0
    bad: float = 0.0
    meh: float = 0.0
    sarcasm: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def balance(self) -> float:
        """-1 (all negative) … +1 (all positive), damped for short stories."""
        return (self.positive - self.negative) / (self.positive + self.negative + 2)


def _compile(patterns: Mapping[str, float]) -> list[tuple[re.Pattern[str], float]]:
    return [
        (re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE), w)
        for p, w in patterns.items()
    ]


@lru_cache(maxsize=1)
def _verdict_patterns() -> dict[str, list[tuple[re.Pattern[str], float]]]:
    return {
        "positive": _compile(lexicon.POSITIVE),
        "negative": _compile(lexicon.NEGATIVE),
        "problem": _compile(lexicon.PROBLEM),
        "wow": _compile(lexicon.WOW_MARKERS),
        "bad": _compile(lexicon.BAD_MARKERS),
        "meh": _compile(lexicon.MEH_MARKERS),
    }


# A negator up to two words before, within the same clause.
_NEGATED = re.compile(
    rf"(?:(?<![\w])(?:{lexicon.NEGATORS})(?![\w])|n't)"
    r"(?:[^\w,.;:!?]+[\w'-]+){0,2}[^\w,.;:!?]*$",
    re.IGNORECASE,
)
_EXPECTATION = re.compile(rf"\b(?:{lexicon.EXPECTATION})\b", re.IGNORECASE)
_SELF_NEGATING = {"never", "nothing", "nobody", "no one", "none"}
_QUOTED = re.compile(r"[\"“][^\"“”]{1,200}[\"”]")
_BURST = re.compile(rf"(?<![\w])(?:{lexicon.PRAISE_BURSTS})(?![\w])", re.IGNORECASE)
_BURST_OPENER = re.compile(
    r"^\W*(?:wow|oh|what an?|truly|simply|honestly|great|brilliant|fantastic"
    r"|marvell?ous|amazing|wonderful|lovely|perfect|splendid)\b",
    re.IGNORECASE,
)


def plain_text(markdown: str) -> str:
    """The words of a Markdown story, without its markup."""
    text = markdown
    for pattern, replacement in _MARKDOWN_NOISE:
        text = pattern.sub(replacement, text)
    return text


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s and s.strip()]


def _hits(
    patterns: list[tuple[re.Pattern[str], float]], text: str
) -> list[tuple[re.Match[str], float]]:
    return [(m, w) for pattern, w in patterns for m in pattern.finditer(text)]


def _negated(text: str, start: int) -> bool:
    return bool(_NEGATED.search(text[max(0, start - 30) : start]))


def _is_burst(sentence: str) -> bool:
    """Short exclamations of praise: the form sarcasm takes."""
    if not _BURST.search(sentence):
        return False
    words = len(_WORD.findall(sentence))
    return (
        words <= 8
        or bool(_BURST_OPENER.match(sentence))
        or "what a" in (sentence.lower())
    )


class Suggester:
    """Suggests tags with the words of :mod:`.lexicon` and a vocabulary."""

    def __init__(
        self,
        touchpoints: Vocabulary,
        verdicts: Vocabulary,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.touchpoints = touchpoints
        self.verdicts = verdicts
        self.threshold = threshold
        self._cues: dict[str, list[tuple[re.Pattern[str], float]]] = {}
        for term in touchpoints:
            cues = dict(lexicon.TOUCHPOINT_CUES.get(term.slug, {}))
            for word in (term.slug, term.label, *term.aliases):
                if len(word) > 2:
                    cues.setdefault(re.escape(word.lower()), 2)
            self._cues[term.slug] = _compile(cues)

    # Touchpoints -----------------------------------------------------------
    def touchpoint_scores(
        self, title: str, parts: list[str]
    ) -> tuple[dict[str, float], dict[str, list[str]]]:
        """Score of every touchpoint and the cue words that gave it."""
        scores = dict.fromkeys(self._cues, 0.0)
        words: dict[str, list[str]] = {slug: [] for slug in self._cues}
        weighted = [(title, 3.0)] + [
            (part, 1.5 if i == 0 else 1.0) for i, part in enumerate(parts)
        ]
        for slug, cues in self._cues.items():
            counts: dict[str, float] = {}
            for text, weight in weighted:
                for match, cue_weight in _hits(cues, text):
                    key = match.group().lower()
                    counts[key] = counts.get(key, 0.0) + weight * cue_weight
            # Repeating a word adds less each time: sqrt of its total.
            scores[slug] = sum(math.sqrt(v) * 1.5 for v in counts.values())
            words[slug] = sorted(counts, key=lambda k: -counts[k])
        return scores, words

    # Verdicts --------------------------------------------------------------
    def verdict_features(self, title: str, parts: list[str]) -> Features:
        patterns = _verdict_patterns()
        features = Features()
        units: list[tuple[str, float, bool]] = [(title, 0.8, False)]
        flat = [(s, p) for p, part in enumerate(parts) for s in sentences(part)]
        count = max(len(flat) - 1, 1)
        first_paragraph = sum(1 for _, p in flat if p == 0)
        for i, (sentence, p) in enumerate(flat):
            weight = 0.7 + 0.6 * i / count
            last = p == len(parts) - 1 and len(parts) > 1
            # What the company said, in quotes, is not the writer's judgement.
            units.append(
                (_QUOTED.sub(" ", sentence), weight * (1.4 if last else 1), last)
            )

        scored: list[tuple[str, float, float, float, bool, bool]] = []
        for number, (sentence, weight, last) in enumerate(units):
            pos = neg = 0.0
            # "I have never had …" is praise: its "never" is not a complaint.
            praised = [m.span() for m, _ in _hits(patterns["wow"], sentence)]
            # Trouble told in the opening sets the scene; later it judges.
            problem_weight = 0.25 if number <= first_paragraph else 0.5
            # What the customer expected is not what the company did.
            expectation = bool(_EXPECTATION.search(sentence))
            if expectation:
                problem_weight = 0.1
            for match, strength in _hits(patterns["positive"], sentence):
                if _negated(sentence, match.start()):
                    neg += strength * 0.8
                else:
                    pos += strength
            for kind, factor in (("negative", 1.0), ("problem", problem_weight)):
                for match, strength in _hits(patterns[kind], sentence):
                    if any(a <= match.start() < b for a, b in praised):
                        continue
                    if match.group().lower() not in _SELF_NEGATING and _negated(
                        sentence, match.start()
                    ):
                        pos += strength * 0.5
                    else:
                        neg += strength * factor * (0.3 if expectation else 1.0)
            scored.append((sentence, weight, pos, neg, _is_burst(sentence), last))

        context = sum(w * (p - n) for _, w, p, n, burst, _ in scored if not burst)
        ironic = context < 0
        for sentence, weight, pos, neg, burst, last in scored:
            if burst and ironic:
                features.sarcasm += 1
                pos, neg = 0.0, neg + pos + 1.0
                features.notes.append(f"read as sarcasm: {_quote(sentence)}")
            features.positive += weight * pos
            features.negative += weight * neg
            if last:
                features.ending += weight * (pos - neg)

        for sentence, weight, _, _, burst, _ in scored:
            for kind in ("wow", "bad", "meh"):
                if kind == "wow" and burst and ironic:
                    continue
                for match, strength in _hits(patterns[kind], sentence):
                    target = kind
                    if kind == "bad" and _EXPECTATION.search(sentence):
                        continue
                    if kind != "meh" and _negated(sentence, match.start()):
                        # "not a disaster" is a shrug; "never had" is its own phrase.
                        if kind == "wow":
                            continue
                        target = "meh"
                    setattr(
                        features, target, getattr(features, target) + strength * weight
                    )
                    features.notes.append(f"{target}: {match.group()!r}")
        return features

    def verdict_scores(self, features: Features) -> dict[str, float]:
        """Scores on a four-step scale (best first), from the features."""
        overall = 0.5 * features.balance + 0.5 * math.tanh(features.ending / 3)
        wow, bad, meh = features.wow, features.bad, features.meh
        sarcasm = features.sarcasm
        return {
            "wow": 0.8 * wow - 0.8 * bad - 0.6 * meh + 1.5 * overall - 1.5 - sarcasm,
            "good": 2.0 * overall + 0.3 - 0.25 * max(wow - 1.5, 0) - 0.4 * bad,
            "meh": -1.8 * abs(overall - 0.05) + 0.8 * meh - 0.1,
            "bad": -2.4 * overall + 0.6 * (bad + 0.6 * sarcasm) - 0.8,
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
        parts = paragraphs(plain_text(text))
        title = plain_text(title)
        evidence: list[str] = []

        scores, words = self.touchpoint_scores(title, parts)
        ranked = sorted(scores, key=lambda s: (-scores[s], self.touchpoints.index(s)))
        top = ranked[0] if ranked else None
        tp_conf = 0.0
        touchpoint = None
        also: list[str] = []
        if top and scores[top] > 0:
            second = scores[ranked[1]] if len(ranked) > 1 else 0.0
            margin = (scores[top] - second) / scores[top]
            strength = 1 - math.exp(-scores[top] / 6)
            tp_conf = round(min(1.0, 0.35 + 0.65 * margin) * strength, 2)
            if tp_conf >= self.threshold:
                touchpoint = top
                also = [
                    s
                    for s in ranked[1:3]
                    if scores[s] >= 0.6 * scores[top] and scores[s] >= 8
                ]
            evidence.append(
                f"touchpoint {top}: " + ", ".join(repr(w) for w in words[top][:5])
            )

        if company is None:
            company = guess_company(title, parts)
            if company:
                evidence.append(f"company {company!r}: a name the story repeats")
        features = self.verdict_features(title, parts)
        scale = self.verdict_scores(features)
        ordered = sorted(scale, key=lambda k: -scale[k])
        exps = {k: math.exp(v) for k, v in scale.items()}
        best = ordered[0]
        vd_conf = round(exps[best] / sum(exps.values()), 2)
        verdict = self._on_scale(best) if vd_conf >= self.threshold else None
        evidence.append(
            f"verdict {self._on_scale(best)}: positive {features.positive:.1f}, "
            f"negative {features.negative:.1f}, ending {features.ending:+.1f}"
        )
        evidence.extend(features.notes[:6])
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
        steps = ("wow", "good", "meh", "bad")
        if level in self.verdicts:
            return level
        slugs = self.verdicts.slugs
        position = steps.index(level) / (len(steps) - 1)
        return slugs[round(position * (len(slugs) - 1))]


_NAME = re.compile(
    r"(?<![\w’'])((?:[A-Z][\w’'.-]*|&)(?:\s+(?:[A-Z][\w’'.-]*|&|and|of|de|du|la|le|del|di))*"
    r"(?:\s+[A-Z][\w’'.-]*)?)"
)
_BEFORE_NAME = re.compile(
    r"(?:\bat|\bfrom|\bwith|\bto|\bby|\bcalled|\bfor|\bon|\binto)\s+$"
)
_NOT_NAMES = {
    "i",
    "i'm",
    "i'd",
    "i've",
    "i'll",
    "the",
    "a",
    "an",
    "my",
    "our",
    "we",
    "they",
    "he",
    "she",
    "it",
    "his",
    "her",
    "their",
    "this",
    "that",
    "then",
    "when",
    "so",
    "but",
    "and",
    "on",
    "in",
    "at",
    "after",
    "before",
    "by",
    "for",
    "if",
    "not",
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "what",
    "why",
    "how",
    "there",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "christmas",
    "mum",
    "dad",
    "ok",
    "okay",
    "wow",
    "yes",
    "instead",
    "since",
    "still",
    "as",
    "all",
    "every",
    "some",
    "each",
    "nothing",
    "nobody",
    "anyway",
    "later",
    "now",
    "even",
    "just",
    "again",
    "also",
    "once",
    "while",
    "within",
    "about",
}
_PERSON_BEFORE = re.compile(
    r"(?:called|named|manager|owner|adviser|driver)\s*,?\s*$", re.I
)


def guess_company(title: str, parts: list[str]) -> str | None:
    """The company a story names, or None: a capitalised name that looks like
    a firm (ends in a word such as "Bank" or "Energy", has an ampersand, or
    follows "at"/"from"/"with") and, failing that, appears at least twice."""
    scores: dict[str, float] = {}
    for text in [title, *parts]:
        for sentence in sentences(text):
            for match in _NAME.finditer(sentence):
                name = match.group(1).strip(" .-’'")
                name = re.sub(r"(?:['’]s)$", "", name)
                words = name.split()
                while words and words[0].lower() in _NOT_NAMES:
                    words = words[1:]
                while words and words[-1].lower() in ("and", "of", "de", "&"):
                    words = words[:-1]
                if not words or all(w.lower() in _NOT_NAMES for w in words):
                    continue
                name = " ".join(words)
                before = sentence[: match.start()]
                if _PERSON_BEFORE.search(before):
                    continue
                score = 1.0
                if words[-1].strip(".") in lexicon.COMPANY_WORDS or "&" in words:
                    score += 3
                if _BEFORE_NAME.search(before):
                    score += 1
                if match.start() == 0 and len(words) == 1:
                    score -= 1
                scores[name] = scores.get(name, 0) + score
    # A shorter form of a longer name counts for the longer one.
    for name in sorted(scores, key=len):
        for longer in scores:
            if longer != name and longer.startswith(name + " "):
                scores[longer] += scores[name]
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    if ranked and ranked[0][1] >= 3.5:
        return ranked[0][0]
    return None


def _quote(sentence: str, width: int = 60) -> str:
    sentence = " ".join(sentence.split())
    return repr(sentence if len(sentence) <= width else sentence[: width - 1] + "…")
