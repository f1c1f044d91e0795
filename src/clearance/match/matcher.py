"""The matchers, by name: everything the index and the scorer need of one matcher version.

A matcher is frozen once released; a change in behaviour is a new version beside it, so a
past screening result (which names its matcher) can be replayed with the code that made
it. :data:`DEFAULT` is what screening uses unless told otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clearance.errors import InputError
from clearance.match import (
    inserted,
    keys,
    name_v1,
    name_v2,
    normalize,
    tokens,
    v2_evidence,
    v2_similarity,
)
from clearance.match.name_v1 import NameScore
from clearance.match.normalize import NormalName


@dataclass(frozen=True)
class Matcher:
    """One matcher version: name forms, token similarity, retrieval keys and the score.

    ``score`` never exceeds the bound the index computes from ``similarity``, ``lam`` and
    ``specific_weight`` (the coverage x specificity formula of :mod:`name_v1`), the
    query's unmatched weight counted at ``insert_weight(original, tokens, legal)`` of it
    for a name that is an ``insert_target`` (a listed person's) meeting the query's first
    or last word with every word of its own (:mod:`inserted`: words inserted between both
    ends, or added at one), so the index's pruning stays exact for every matcher.
    """

    name: str
    variants: Callable[[str], tuple[NormalName, ...]]
    similarity: Callable[[str, str], float]
    query_keys: Callable[[str], set[str]]
    vocab_keys: Callable[[str], set[str]]
    query_heads: Callable[[str], list[str]]
    score_names: Callable[[NormalName, NormalName], NameScore]
    quick_score: Callable[[NormalName, NormalName], float]
    lam: float
    specific_weight: float
    initial_similarity: float
    insert_weight: Callable[[str, tuple[str, ...], tuple[str, ...]], float]
    insert_target: Callable[[NormalName], bool]
    # for a query whose vowels were guessed (normalize.vowels_guessed): its token similarity
    # and the extra keys reaching it, filed for every token
    abjad_similarity: Callable[[str, str], float]
    abjad_keys: Callable[[str], set[str]]
    # abjad_similarity of a pair that shares none of query_keys' keys nor a query head
    # (``similarity`` relates no such pair): the index scores words only abjad keys reach
    # with it
    consonant_similarity: Callable[[str, str], float]
    # for such a query too: adjacent words may stand for one word of the other name
    # (:mod:`compound`); the index then searches runs of words joined
    compounds: bool
    # whether a name of one-letter words alone (``P. V.``) may match a name written
    # otherwise; where not, the index looks up only names written the same for it
    bare_initials: bool


NAME_V1 = Matcher(
    name=name_v1.NAME,
    variants=normalize.name_variants,
    similarity=tokens.token_similarity,
    query_keys=keys.token_keys,
    vocab_keys=keys.vocab_keys,
    query_heads=keys.query_heads,
    score_names=name_v1.score_names,
    quick_score=name_v1.quick_score,
    lam=name_v1.LAMBDA,
    specific_weight=name_v1.SPECIFIC_WEIGHT,
    initial_similarity=tokens.INITIAL_SIMILARITY,
    insert_weight=lambda original, tokens, legal: 1.0,
    insert_target=lambda name: False,
    abjad_similarity=tokens.token_similarity,
    abjad_keys=lambda token: set(),
    consonant_similarity=lambda a, b: 0.0,
    compounds=False,
    bare_initials=True,
)

NAME_V2 = Matcher(
    name=name_v2.NAME,
    variants=name_v2.name_variants,
    similarity=name_v2.token_similarity,
    query_keys=name_v2.token_keys,
    vocab_keys=name_v2.vocab_keys,
    query_heads=keys.query_heads,
    score_names=name_v2.score_names,
    quick_score=name_v2.quick_score,
    lam=name_v2.LAMBDA,
    specific_weight=name_v2.SPECIFIC_WEIGHT,
    initial_similarity=tokens.INITIAL_SIMILARITY,
    insert_weight=inserted.insert_weight,
    insert_target=v2_evidence.person_like,
    abjad_similarity=v2_similarity.abjad_similarity,
    abjad_keys=v2_similarity.abjad_keys,
    consonant_similarity=v2_similarity.consonant_similarity,
    compounds=True,
    bare_initials=False,
)

MATCHERS = {m.name: m for m in (NAME_V1, NAME_V2)}
DEFAULT = NAME_V2


def get_matcher(name: str | None = None) -> Matcher:
    """The matcher called ``name`` (the default one for ``None``)."""
    if name is None:
        return DEFAULT
    try:
        return MATCHERS[name]
    except KeyError:
        known = ", ".join(sorted(MATCHERS))
        raise InputError(f"unknown matcher {name!r}: known matchers are {known}") from None
