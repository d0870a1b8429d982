"""Measuring a story for tag suggestions: numbers a model weighs, and the
words behind each number.

A story is read into sentences that know where they stand (title, opening,
middle, last paragraph). The words of :mod:`.lexicon` are then counted in a
few transparent ways:

* **verdict features**, one set per story: how positive and negative the
  writer is overall, in the opening and at the end (the final state of the
  encounter and the closing judgement), the deeds and feelings of an
  exceptional experience (``wow``), outcomes that failed the customer
  (``bad``), the shrugs and friction of ``meh``, trouble that was resolved,
  and sarcasm; and the same phrases counted in the last paragraph alone,
  because the writer's last word outweighs the trouble told before it.
  Deeds and outcomes also count in the polarity of their sentence, and
  praise is counted apart when intensified ("very helpful") or softened
  ("fairly helpful").
  Negation ("not bad", "couldn't fault"), quoted words of the company, and
  what the customer merely expected are handled here, so the model only
  weighs the results. VADER's compound tone of the story, its ending and its
  lowest and highest sentence adds a second, general-purpose opinion with a
  far larger vocabulary of feeling than the lexicon.
* **touchpoint features**, one set per touchpoint: how strongly its cue words
  occur in the title, the opening, the whole story and the closing, whether
  the vocabulary names it outright, and whether it is where the decisive
  event happened (the sentences that carry the verdict), and how much of it
  comes from strong cues (weight 2.5 or more) rather than shared hints.

Every feature is a plain float, and every hit is remembered as evidence, so
a suggestion can say which words decided it. :mod:`.suggestion` turns the
features into scores with the weights in ``suggestion_model.json``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ..index.vocabulary import Vocabulary
from . import lexicon

__all__ = [
    "TOUCHPOINT_FEATURES",
    "VERDICT_FEATURES",
    "Reading",
    "Sentence",
    "TouchpointCues",
    "paragraphs",
    "plain_text",
    "read",
    "sentences",
    "verdict_features",
]

Patterns = list[tuple[re.Pattern[str], float]]

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


def plain_text(markdown: str) -> str:
    """The words of a Markdown story, without its markup."""
    text = markdown.replace("’", "'").replace("‘", "'")
    for pattern, replacement in _MARKDOWN_NOISE:
        text = pattern.sub(replacement, text)
    return text


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s and s.strip()]


def compile_patterns(patterns: Mapping[str, float]) -> Patterns:
    return [
        (re.compile(rf"(?<![\w-])(?:{p})(?![\w])", re.IGNORECASE), w)
        for p, w in patterns.items()
    ]


def hits(patterns: Patterns, text: str) -> list[tuple[re.Match[str], float]]:
    return [(m, w) for pattern, w in patterns for m in pattern.finditer(text)]


@lru_cache(maxsize=1)
def _tone_analyser() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def tone(text: str) -> float:
    """VADER's compound score of one sentence, from -1 to 1: a second,
    general-purpose opinion on how the writer feels, with its own handling of
    negation, intensifiers, "but" and capitals, and a far larger lexicon of
    everyday feeling words than :mod:`.lexicon`."""
    return _tone_analyser().polarity_scores(text)["compound"]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Patterns]:
    return {
        "positive": compile_patterns(lexicon.POSITIVE),
        "negative": compile_patterns(lexicon.NEGATIVE),
        "problem": compile_patterns(lexicon.PROBLEM),
        "wow": compile_patterns(lexicon.WOW_MARKERS),
        "care": compile_patterns(lexicon.CARE_MARKERS),
        "praise": compile_patterns(lexicon.STRONG_PRAISE),
        "bad": compile_patterns(lexicon.BAD_MARKERS),
        "meh": compile_patterns(lexicon.MEH_MARKERS),
        "resolved": compile_patterns(lexicon.RESOLUTION),
        "proper": compile_patterns(lexicon.PROPER_SERVICE),
    }


# A negator up to two words before, within the same clause.
_NEGATED = re.compile(
    rf"(?:(?<![\w])(?:{lexicon.NEGATORS})(?![\w])|n't)"
    r"(?:[^\w,.;:!?]+[\w'-]+){0,2}[^\w,.;:!?]*$",
    re.IGNORECASE,
)
_EXPECTATION = re.compile(rf"\b(?:{lexicon.EXPECTATION})\b", re.IGNORECASE)
_SELF_NEGATING = {"never", "nothing", "nobody", "no one", "none"}
# "very helpful" against "fairly helpful": how strongly praise is meant.
_INTENSIFIED = re.compile(rf"\b(?:{lexicon.INTENSIFIERS})\s+$", re.IGNORECASE)
_SOFTENED = re.compile(rf"\b(?:{lexicon.SOFTENERS})\s+$", re.IGNORECASE)
_SARCASM_CUE = re.compile(rf"(?<![\w])(?:{lexicon.SARCASM_CUES})", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]{1,200}[\"”]")
_BURST = re.compile(rf"(?<![\w])(?:{lexicon.PRAISE_BURSTS})(?![\w])", re.IGNORECASE)
_BURST_OPENER = re.compile(
    r"^\W*(?:wow|oh|what an?|truly|simply|honestly|great|brilliant|fantastic"
    r"|marvell?ous|amazing|wonderful|lovely|perfect|splendid|such an?|how very"
    r"|really lovely|absolutely|excellent)\b",
    re.IGNORECASE,
)


def negated(text: str, start: int) -> bool:
    return bool(_NEGATED.search(text[max(0, start - 30) : start]))


def is_burst(sentence: str) -> bool:
    """Short exclamations of praise: the form sarcasm takes."""
    if not _BURST.search(sentence):
        return False
    words = len(_WORD.findall(sentence))
    return words <= 8 or bool(_BURST_OPENER.match(sentence))


@dataclass
class Sentence:
    """One sentence of a story and where it stands."""

    text: str
    paragraph: int  # -1 for the title
    weight: float  # later sentences weigh more
    opening: bool = False
    closing: bool = False  # in the last paragraph
    final: bool = False  # one of the last two sentences
    positive: float = 0.0
    negative: float = 0.0
    burst: bool = False
    praising: bool = False
    sarcastic: bool = False
    intensified: int = 0
    softened: int = 0

    @property
    def polarity(self) -> float:
        return self.positive - self.negative


@dataclass
class Reading:
    """A story split into sentences, with the title first."""

    title: str
    parts: list[str]
    sentences: list[Sentence]


def read(markdown: str, title: str = "") -> Reading:
    parts = paragraphs(plain_text(markdown))
    title = plain_text(title).strip()
    flat = [(s, p) for p, part in enumerate(parts) for s in sentences(part)]
    count = max(len(flat) - 1, 1)
    units = [Sentence(title, -1, 0.8)] if title else []
    for i, (text, p) in enumerate(flat):
        units.append(
            Sentence(
                text,
                p,
                0.7 + 0.6 * i / count,
                opening=p == 0 and len(parts) > 1,
                closing=p == len(parts) - 1 and len(parts) > 1,
                final=i >= len(flat) - 2,
            )
        )
    return Reading(title, parts, units)


# Verdicts -------------------------------------------------------------------

VERDICT_FEATURES = (
    "balance",
    "opening",
    "ending",
    "final",
    "title",
    "wow",
    "care",
    "praise",
    "bad",
    "meh",
    "resolved",
    "proper",
    "sarcasm",
    "closing_up",
    "closing_down",
    "closing_shrug",
    "closing_resolved",
    "intensified",
    "softened",
    "tone",
    "tone_end",
    "tone_low",
    "tone_high",
)
"""The verdict features, in the order the model's weights use."""


@dataclass
class VerdictFeatures:
    values: dict[str, float]
    evidence: dict[str, list[str]] = field(default_factory=dict)

    def note(self, name: str, text: str) -> None:
        self.evidence.setdefault(name, []).append(text)


def _score_sentence(sentence: Sentence, patterns: dict[str, Patterns]) -> None:
    """Positive and negative weight of one sentence, negation handled."""
    text = _QUOTED.sub(" ", sentence.text)
    pos = neg = 0.0
    # "I have never had …" is praise: its "never" is not a complaint.
    praised = [m.span() for m, _ in hits(patterns["wow"], text)]
    # Trouble told in the opening sets the scene; later it judges.
    problem_weight = 0.25 if sentence.paragraph <= 0 else 0.5
    # What the customer expected is not what the company did.
    expectation = bool(_EXPECTATION.search(text))
    if expectation:
        problem_weight = 0.1
    for match, strength in hits(patterns["positive"], text):
        if negated(text, match.start()):
            neg += strength * 0.8
        else:
            pos += strength
            before = text[max(0, match.start() - 20) : match.start()]
            if _INTENSIFIED.search(before):
                sentence.intensified += 1
            elif _SOFTENED.search(before):
                sentence.softened += 1
    for kind, factor in (("negative", 1.0), ("problem", problem_weight)):
        for match, strength in hits(patterns[kind], text):
            if any(a <= match.start() < b for a, b in praised):
                continue
            if match.group().lower() not in _SELF_NEGATING and negated(
                text, match.start()
            ):
                pos += strength * 0.5
            else:
                neg += strength * factor * (0.3 if expectation else 1.0)
    sentence.positive, sentence.negative = pos, neg
    sentence.burst = is_burst(sentence.text)
    # Praise at full strength, outside quotes: sincere, or sarcasm.
    sentence.praising = sentence.burst or any(
        not negated(text, m.start()) for m, _ in hits(patterns["praise"], text)
    )


def _squash(value: float, scale: float = 1.0) -> float:
    return math.tanh(value / scale)


_MARKERS = ("wow", "care", "praise", "bad", "meh", "resolved", "proper")
_MARKER_POLARITY = {
    "wow": 1.0,
    "care": 0.5,
    "resolved": 0.5,
    "proper": 0.5,
    "bad": -1.0,
}
# Phrases that carry their own negation ("nothing extraordinary").
_SELF_NEGATED_MARKERS = ("meh", "proper")


def _markers(
    sentence: Sentence, patterns: dict[str, Patterns]
) -> dict[str, list[tuple[str, float]]]:
    """The marker phrases of one sentence, by kind, negation handled."""
    text = _QUOTED.sub(" ", sentence.text)
    found: dict[str, list[tuple[str, float]]] = {kind: [] for kind in _MARKERS}
    expectation = bool(_EXPECTATION.search(text))
    # "Nothing extraordinary" is praise of the right size, not a shrug.
    plain = [m.span() for m, _ in hits(patterns["proper"], text)]
    for kind in _MARKERS:
        for match, strength in hits(patterns[kind], text):
            if kind == "bad" and expectation:
                continue
            if kind not in _SELF_NEGATED_MARKERS and negated(text, match.start()):
                # "not a disaster" is a shrug; "not sorted" is no resolution.
                if kind in ("bad", "praise") and not any(
                    a <= match.start() < b for a, b in plain
                ):
                    found["meh"].append((match.group(), strength * 0.5))
                continue
            found[kind].append((match.group(), strength))
    return found


def verdict_features(reading: Reading) -> VerdictFeatures:
    """The verdict features of a story (see :data:`VERDICT_FEATURES`)."""
    units = reading.sentences
    found = _mark_sentences(units, _patterns())
    result = VerdictFeatures({})
    sarcasm = _mark_sarcasm(units, found, result)
    markers = _marker_totals(units, found)
    # The writer's closing judgement: markers in the last paragraph.
    closing = _marker_totals(units, found, closing_only=True)
    for sentence, marks in zip(units, found, strict=True):
        for kind, phrases in marks.items():
            if not (sentence.sarcastic and kind in ("wow", "care", "praise")):
                for phrase, _ in phrases:
                    result.note(kind, repr(phrase))
    pos = sum(s.weight * s.positive for s in units)
    neg = sum(s.weight * s.negative for s in units)
    body = [s for s in units if s.paragraph >= 0]
    result.values = {
        "balance": (pos - neg) / (pos + neg + 2),
        "opening": _squash(_polarity(s for s in body if s.opening), 2),
        "ending": _squash(_polarity(s for s in body if s.closing), 3),
        "final": _squash(_polarity(s for s in body if s.final), 2),
        "title": _squash(_polarity(s for s in units if s.paragraph < 0), 1),
        **{kind: math.log1p(markers[kind]) for kind in _MARKERS},
        "sarcasm": math.log1p(sarcasm),
        "closing_up": math.log1p(closing["wow"] + closing["praise"]),
        "closing_down": math.log1p(closing["bad"]),
        "closing_shrug": math.log1p(closing["meh"]),
        "closing_resolved": math.log1p(closing["resolved"]),
        "intensified": math.log1p(sum(s.intensified for s in units if not s.sarcastic)),
        "softened": math.log1p(sum(s.softened for s in units)),
        **_tone_values(body),
    }
    return result


Marks = dict[str, list[tuple[str, float]]]


def _mark_sentences(
    units: list[Sentence], patterns: dict[str, Patterns]
) -> list[Marks]:
    """Score each sentence's words and find its markers; deeds and outcomes
    count towards how the sentence felt, too."""
    found = []
    for sentence in units:
        _score_sentence(sentence, patterns)
        marks = _markers(sentence, patterns)
        found.append(marks)
        for kind, sign in _MARKER_POLARITY.items():
            amount = sum(w for _, w in marks[kind]) * abs(sign)
            if sign > 0:
                sentence.positive += amount
            else:
                sentence.negative += amount
    return found


def _marker_totals(
    units: list[Sentence], found: list[Marks], *, closing_only: bool = False
) -> dict[str, float]:
    """Each marker's weight over the sentences read straight (not sarcastic);
    ``closing_only``: over the last paragraph, unweighted."""
    if closing_only:
        return {
            kind: sum(
                w
                for s, marks in zip(units, found, strict=True)
                if s.closing and not s.sarcastic
                for _, w in marks[kind]
            )
            for kind in _MARKERS
        }
    return {
        kind: sum(
            s.weight * w
            for s, marks in zip(units, found, strict=True)
            if not s.sarcastic
            for _, w in marks[kind]
        )
        for kind in _MARKERS
    }


def _mark_sarcasm(
    units: list[Sentence], found: list[Marks], result: VerdictFeatures
) -> int:
    """Mark sarcastic sentences (their praise turned against) and count them.

    Praise thrown at a story that is otherwise negative is sarcasm. A short
    burst ("Brilliant.") is ironic when the rest of the story is negative; a
    longer sentence of praise only when the story tells of a failure
    (outcomes of ``bad``) rather than of deeds beyond the call (``wow``).
    """
    context = sum(s.weight * s.polarity for s in units if not s.praising)
    totals = _marker_totals(units, found)
    failed = totals["bad"] > totals["wow"] + totals["resolved"]
    sarcasm = 0
    for sentence in units:
        if _SARCASM_CUE.search(sentence.text) or (
            sentence.praising
            and ((sentence.burst and context < 0) or (failed and context < 0))
        ):
            sentence.sarcastic = True
            sarcasm += 1
            sentence.negative += sentence.positive + 1.0
            sentence.positive = 0.0
            result.note("sarcasm", _quote(sentence.text))
    return sarcasm


def _polarity(chosen: Iterable[Sentence]) -> float:
    return sum(s.weight * s.polarity for s in chosen)


def _tone_values(body: list[Sentence]) -> dict[str, float]:
    """VADER's tone of the body: mean, at the end, lowest and highest.
    Sarcastic praise reads as praise to VADER too: it counts against."""
    tones = [(s, -abs(tone(s.text)) if s.sarcastic else tone(s.text)) for s in body]

    def mean_tone(chosen: list[tuple[Sentence, float]]) -> float:
        weight = sum(s.weight for s, _ in chosen)
        return sum(s.weight * t for s, t in chosen) / weight if weight else 0.0

    return {
        "tone": mean_tone(tones),
        "tone_end": mean_tone([(s, t) for s, t in tones if s.closing or s.final]),
        "tone_low": min((t for _, t in tones), default=0.0),
        "tone_high": max((t for _, t in tones), default=0.0),
    }


# Touchpoints ----------------------------------------------------------------

TOUCHPOINT_FEATURES = (
    "title",
    "opening",
    "body",
    "closing",
    "named",
    "distinct",
    "decisive",
    "share",
    "strong",
)
"""The features of one touchpoint, in the order the model's weights use."""


class TouchpointCues:
    """The cue words of every touchpoint of a vocabulary, compiled once."""

    def __init__(self, touchpoints: Vocabulary) -> None:
        self.cues: dict[str, Patterns] = {}
        self.names: dict[str, Patterns] = {}
        for term in touchpoints:
            cues = dict(lexicon.TOUCHPOINT_CUES.get(term.slug, {}))
            names = {}
            for word in (term.slug, term.label, *term.aliases):
                if len(word) > 2:
                    names[re.escape(word.lower())] = 1.0
                    cues.setdefault(re.escape(word.lower()), 2)
            self.cues[term.slug] = compile_patterns(cues)
            self.names[term.slug] = compile_patterns(names)

    def features(
        self, reading: Reading
    ) -> tuple[dict[str, dict[str, float]], dict[str, list[str]]]:
        """Features of every touchpoint, and its cue words, strongest first.

        Call after :func:`verdict_features` so sentences carry their polarity.
        """
        units = reading.sentences
        strongest = max((abs(s.polarity) for s in units), default=0.0)
        decisive = {
            id(s) for s in units if strongest and abs(s.polarity) >= 0.6 * strongest
        }
        result: dict[str, dict[str, float]] = {}
        words: dict[str, list[str]] = {}
        for slug, cues in self.cues.items():
            where = dict.fromkeys(
                ("title", "opening", "body", "closing", "decisive", "strong"), 0.0
            )
            counts: dict[str, float] = {}
            for sentence in units:
                found = hits(cues, sentence.text)
                if not found:
                    continue
                total = sum(w for _, w in found)
                for match, w in found:
                    key = match.group().lower()
                    counts[key] = counts.get(key, 0.0) + w
                if sentence.paragraph < 0:
                    where["title"] += total
                    continue
                where["body"] += total
                where["strong"] += sum(w for _, w in found if w >= 2.5)
                if sentence.opening or len(reading.parts) == 1:
                    where["opening"] += total
                if sentence.closing:
                    where["closing"] += total
                if id(sentence) in decisive:
                    where["decisive"] += total
            named = sum(
                1
                for s in units
                for pattern, _ in self.names[slug]
                if pattern.search(s.text)
            )
            result[slug] = {
                "title": math.log1p(where["title"]),
                "opening": math.log1p(where["opening"]),
                "body": math.log1p(sum(math.sqrt(v) for v in counts.values())),
                "closing": math.log1p(where["closing"]),
                "named": math.log1p(named),
                "distinct": math.log1p(len(counts)),
                "decisive": math.log1p(where["decisive"]),
                "strong": math.log1p(where["strong"]),
            }
            words[slug] = sorted(counts, key=lambda k: (-counts[k], k))
        top = max((f["body"] for f in result.values()), default=0.0)
        for values in result.values():
            values["share"] = values["body"] / top if top else 0.0
        return result, words


def _quote(sentence: str, width: int = 60) -> str:
    sentence = " ".join(sentence.split())
    return repr(sentence if len(sentence) <= width else sentence[: width - 1] + "…")
