"""Matcher ``name-v2``: ``name-v1``'s weighted token alignment, with (so far) v1's rules.

Work in progress: v2 starts as v1 and gains its changes one by one.
"""

from __future__ import annotations

from clearance.match import keys
from clearance.match.name_v1 import LAMBDA, SPECIFIC_WEIGHT, NameScore, quick_score, score_names
from clearance.match.normalize import NormalName
from clearance.match.normalize import name_variants as v1_variants
from clearance.match.tokens import token_similarity as v1_similarity

NAME = "name-v2"

__all__ = ["LAMBDA", "NAME", "SPECIFIC_WEIGHT", "NameScore", "quick_score", "score_names"]


def name_variants(name: str) -> tuple[NormalName, ...]:
    return v1_variants(name)


def token_similarity(a: str, b: str) -> float:
    return v1_similarity(a, b)


def token_keys(token: str) -> set[str]:
    return keys.token_keys(token)


def vocab_keys(token: str) -> set[str]:
    return keys.vocab_keys(token)
