"""Controlled vocabularies: the touchpoints and verdicts a story may carry.

A vocabulary is an ordered set of terms. Each term has a slug (what goes in
URLs and CSS classes), a label (what readers see) and aliases (what writers
naturally type). Writers' input is normalised (case, spacing, hyphens,
aliases) before it is looked up, so ``Call Centre``, ``call-centre`` and
``phone`` all mean the same touchpoint. Unknown input gets a did-you-mean.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

__all__ = [
    "Term",
    "Vocabulary",
    "VocabularyError",
    "default_vocabulary_data",
    "normalise",
]

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SEPARATORS = re.compile(r"[\s_\-]+")


class VocabularyError(ValueError):
    """A vocabulary given in the settings is malformed."""


def normalise(text: str) -> str:
    """Fold what a writer typed into the form used for look-ups.

    Case, surrounding and repeated white space, hyphens, underscores and
    ``&``/``and`` are all treated as the same, so that variants of a label
    or alias find the same term.
    """
    text = text.casefold().replace("&", " and ")
    return _SEPARATORS.sub(" ", text).strip(" .!,;:")


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary."""

    slug: str
    label: str
    stage: str | None = None
    description: str = ""
    aliases: tuple[str, ...] = ()
    position: int = 0

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Vocabulary:
    """An ordered, case-insensitive set of terms with aliases."""

    name: str
    terms: tuple[Term, ...]
    _lookup: Mapping[str, str] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_mapping(cls, name: str, data: Mapping[str, Any]) -> Vocabulary:
        """Build a vocabulary from the settings form ``{slug: {label, ...}}``.

        The mapping's order is the vocabulary's order (for verdicts: best
        first). Raises :class:`VocabularyError` naming the offending entry.
        """
        if not isinstance(data, Mapping) or not data:
            raise VocabularyError(
                f"{name}: expected a non-empty dict of slug -> {{label, aliases}}"
            )
        terms: list[Term] = []
        lookup: dict[str, str] = {}
        for position, (slug, spec) in enumerate(data.items()):
            if not isinstance(slug, str) or not _SLUG_RE.match(slug):
                raise VocabularyError(
                    f"{name}: {slug!r} is not a valid slug "
                    "(use lower-case letters, digits and hyphens)"
                )
            if isinstance(spec, str):
                spec = {"label": spec}
            if not isinstance(spec, Mapping):
                raise VocabularyError(
                    f"{name}[{slug!r}]: expected a dict with 'label' (and optional "
                    f"'aliases', 'stage', 'description'), got {type(spec).__name__}"
                )
            unknown = set(spec) - {"label", "aliases", "stage", "description"}
            if unknown:
                raise VocabularyError(
                    f"{name}[{slug!r}]: unknown key(s) {', '.join(sorted(unknown))}; "
                    "allowed: label, aliases, stage, description"
                )
            label = spec.get("label", slug)
            aliases = spec.get("aliases", ())
            stage = spec.get("stage")
            description = spec.get("description", "")
            if not isinstance(label, str) or not label.strip():
                raise VocabularyError(f"{name}[{slug!r}]['label']: expected text")
            if isinstance(aliases, str) or not all(isinstance(a, str) for a in aliases):
                raise VocabularyError(
                    f"{name}[{slug!r}]['aliases']: expected a list of strings"
                )
            if stage is not None and not isinstance(stage, str):
                raise VocabularyError(f"{name}[{slug!r}]['stage']: expected text")
            term = Term(
                slug=slug,
                label=label,
                stage=stage,
                description=str(description),
                aliases=tuple(aliases),
                position=position,
            )
            terms.append(term)
            # The slug and label always win over aliases of other terms.
            # Slugs and labels are claimed before any alias is.
            for key in (slug, label):
                lookup[normalise(key)] = slug
        for term in terms:
            for alias in term.aliases:
                if not normalise(alias):
                    raise VocabularyError(
                        f"{name}[{term.slug!r}]['aliases']: {alias!r} has no "
                        "letters or digits; remove it"
                    )
                owner = lookup.setdefault(normalise(alias), term.slug)
                if owner != term.slug:
                    raise VocabularyError(
                        f"{name}[{term.slug!r}]['aliases']: {alias!r} already "
                        f"names {owner!r}; an alias may point to one term "
                        f"only, so remove it from {term.slug!r} or {owner!r}"
                    )
        return cls(name=name, terms=tuple(terms), _lookup=lookup)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, slug: object) -> bool:
        return any(t.slug == slug for t in self.terms)

    def __getitem__(self, slug: str) -> Term:
        for term in self.terms:
            if term.slug == slug:
                return term
        raise KeyError(slug)

    @property
    def slugs(self) -> tuple[str, ...]:
        # Worked out once: the moments memo keys every story by it.
        slugs = self.__dict__.get("_slugs")
        if slugs is None:
            slugs = tuple(t.slug for t in self.terms)
            object.__setattr__(self, "_slugs", slugs)
        return slugs

    def resolve(self, text: str) -> str | None:
        """Return the slug that ``text`` names (slug, label or alias), or None."""
        return self._lookup.get(normalise(text))

    def suggest(self, text: str, *, slugs_only: bool = False) -> str | None:
        """Return the slug closest to an unknown ``text``, for a did-you-mean.

        With ``slugs_only`` (CSS classes, where any styling class may
        appear) only slugs are compared, and more strictly.
        """
        key = normalise(text)
        if not key:
            return None
        if slugs_only:
            match = difflib.get_close_matches(key, self.slugs, n=1, cutoff=0.75)
            return match[0] if match else None
        match = difflib.get_close_matches(key, list(self._lookup), n=1, cutoff=0.6)
        return self._lookup[match[0]] if match else None

    def index(self, slug: str) -> int:
        return self[slug].position

    def stages(self, order: Iterable[str] = ()) -> list[tuple[str, list[Term]]]:
        """Group terms by journey stage, stages in ``order`` first."""
        groups: dict[str, list[Term]] = {s: [] for s in order}
        for term in self.terms:
            groups.setdefault(term.stage or "other", []).append(term)
        return [(stage, terms) for stage, terms in groups.items() if terms]


def default_vocabulary_data() -> dict[str, Any]:
    """The default vocabularies of DESIGN.md, shipped as package data."""
    text = resources.files(__package__).joinpath("vocabulary.json").read_text("utf-8")
    return json.loads(text)
