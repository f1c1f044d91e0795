"""Matcher ``name-v1``: weighted token alignment of two normalised names.

Frozen once released: a change in behaviour becomes ``name-v2`` beside it, so every past
score can be reproduced. The score of a query name Q against a list name C is

    coverage = sum(w(q) * sim(q, c) for aligned pairs) / (W(Q) + LAMBDA * min(extra(C), W(Q)))
    score    = coverage * specificity

where ``w`` is the token weight (IDF over a frozen reference corpus; an aligned pair weighs
what its lighter token weighs), ``sim`` the token
similarity of :mod:`clearance.match.tokens`, pairs are aligned one-to-one greedily, best
first (so word order never matters), ``extra(C)`` is the weight of list-name tokens left
unmatched (a list name longer than the query costs a little, never more than LAMBDA), and
``specificity = min(1, sqrt(matched weight / SPECIFIC_WEIGHT))`` keeps a query made only of
common words ("Technology Company") from matching everything that contains them. Legal
forms count for little and only when both sides state one. Identical normalised names
score 1.0. Names equal once their words are joined (``vanderbilt`` = ``van der bilt``,
``xijinping`` = ``xi jinping``) score 0.95.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mypy_extensions import mypyc_attr

from clearance.match.normalize import NormalName
from clearance.match.tokens import strict_similarity, token_similarity
from clearance.match.weights import GENERIC_WEIGHT

NAME = "name-v1"
LAMBDA = 0.15
SPECIFIC_WEIGHT = 5.0
JOINED_SCORE = 0.95
LEGAL_MISMATCH = 0.02
DERIVED_PENALTY = 0.03
# A query stating a legal form is an organisation: a person, vessel or aircraft named
# like it is another entity.
TYPE_CONFLICT = 0.25
# A person's name matched on one of its parts only ("Simon" for "Simon Du", "Diaz LLC"
# for "DIAZ, Manuel") is weak evidence.
PARTIAL_PERSON = 0.8
PERSON_FILLERS = frozenset(
    """al el bin ibn bint ben abu ould mr mrs ms miss dr prof sir jr sr mullah sheikh sheik
    shaikh haji hajji imam general""".split()  # noqa: SIM905
)


Similarity = Callable[[str, str], float]
# score, aligned (query position, list position, similarity), coverage, specificity, method
ScoreResult = tuple[float, list[tuple[int, int, float]], float, float, str]


@mypyc_attr(native_class=False)  # pickled (Spark, worker processes): see scripts/compile.py
@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    pairs: tuple[tuple[str, str, float], ...]
    unmatched_query: tuple[str, ...]
    unmatched_candidate: tuple[str, ...]
    coverage: float
    specificity: float
    method: str

    def explain(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "pairs": [
                {"query": q, "candidate": c, "similarity": round(s, 3)} for q, c, s in self.pairs
            ],
            "unmatched_query": list(self.unmatched_query),
            "unmatched_candidate": list(self.unmatched_candidate),
            "coverage": round(self.coverage, 4),
            "specificity": round(self.specificity, 4),
        }


def align(q: tuple[str, ...], c: tuple[str, ...], strict: int = -1) -> list[tuple[int, int, float]]:
    """One-to-one alignment of token positions, best similarity first.

    The query token at position ``strict`` (if any) is compared by ``strict_similarity``.
    """
    return align_by(q, c, lambda i: strict_similarity if i == strict else token_similarity)


def align_by(
    q: tuple[str, ...], c: tuple[str, ...], similarity_for: Callable[[int], Similarity]
) -> list[tuple[int, int, float]]:
    """One-to-one alignment, best first, comparing query token ``i`` by ``similarity_for(i)``."""
    scored = []
    for i, a in enumerate(q):
        similarity = similarity_for(i)
        for j, b in enumerate(c):
            sim = similarity(a, b)
            if sim > 0.0:
                scored.append((-sim, i, j))
    scored.sort()
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for neg, i, j in scored:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            pairs.append((i, j, -neg))
    return pairs


def score_names(q: NormalName, c: NormalName) -> NameScore:
    """Score one query name form against one list name form, with the full detail."""
    return detail(q, c, _score(q, c))


def detail(q: NormalName, c: NormalName, result: ScoreResult) -> NameScore:
    """The explanation of a score: aligned pairs, unmatched tokens, its two factors."""
    score, pairs, coverage, specificity, method = result
    matched_q = {i for i, _, _ in pairs}
    matched_c = {j for _, j, _ in pairs}
    return NameScore(
        score=score,
        pairs=tuple((q.tokens[i], c.tokens[j], s) for i, j, s in pairs),
        unmatched_query=tuple(t for i, t in enumerate(q.tokens) if i not in matched_q),
        unmatched_candidate=tuple(t for j, t in enumerate(c.tokens) if j not in matched_c),
        coverage=coverage,
        specificity=specificity,
        method=method,
    )


def quick_score(q: NormalName, c: NormalName) -> float:
    """The same score as :func:`score_names`, without building the explanation."""
    return _score(q, c)[0]


def penalty(q: NormalName, c: NormalName) -> float:
    """What is taken off a score: a derived form, legal forms that differ, a legal form
    stated for what the list names as a person, vessel or aircraft."""
    taken = DERIVED_PENALTY if (q.derived or c.derived) else 0.0
    if q.legal and c.legal and set(q.legal) != set(c.legal):
        taken += LEGAL_MISMATCH
    if q.legal and not c.legal and c.kind in ("person", "object"):
        taken += TYPE_CONFLICT
    return taken


def _score(q: NormalName, c: NormalName) -> ScoreResult:
    taken = penalty(q, c)
    if q.tokens == c.tokens or sorted(q.tokens) == sorted(c.tokens):
        same = [(i, j, 1.0) for i, j in enumerate(_positions(q.tokens, c.tokens))]
        return max(0.0, 1.0 - taken), same, 1.0, 1.0, "exact"
    # A query resting on one distinctive token gets no phonetic or prefix allowance for
    # it, unless transliterated from a script whose vowels are guesses.
    distinctive = [i for i, w in enumerate(q.weights) if w > GENERIC_WEIGHT]
    strict = distinctive[0] if len(distinctive) == 1 and not q.script else -1
    pairs = align(q.tokens, c.tokens, strict)
    coverage, specificity, _ = weigh(q, c, pairs)
    score, method = coverage * specificity, "token_alignment"
    if c.kind == "person" and _partial_person(c.tokens, {j for _, j, _ in pairs}):
        score, method = score * PARTIAL_PERSON, "partial_person"
    if score < JOINED_SCORE and "".join(q.tokens) == "".join(c.tokens):
        score, method = JOINED_SCORE, "joined"
    return min(1.0, max(0.0, score - taken)), pairs, coverage, specificity, method


def weigh(
    q: NormalName, c: NormalName, pairs: list[tuple[int, int, float]], unmatched_share: float = 1.0
) -> tuple[float, float, list[float]]:
    """Coverage and specificity of an alignment, and the weights of the list name's
    tokens left unmatched (0.0 for matched ones).

    An aligned pair weighs what the lighter of its two tokens weighs, so a misspelt common
    word (unknown to the frequency table) does not count as a rare one. The query's
    unmatched tokens count ``unmatched_share`` of their weight (all of it here; name-v2's
    inserted names count less).
    """
    matched = denominator = 0.0
    unmatched_q = list(q.weights)
    unmatched_c = list(c.weights)
    for i, j, sim in pairs:
        weight = min(q.weights[i], c.weights[j])
        matched += weight * sim
        denominator += weight
        unmatched_q[i] = unmatched_c[j] = 0.0
    denominator += unmatched_share * sum(unmatched_q)
    extra = sum(unmatched_c)
    coverage = matched / (denominator + LAMBDA * min(extra, denominator)) if denominator else 0.0
    specificity = min(1.0, math.sqrt(matched / SPECIFIC_WEIGHT)) if matched else 0.0
    return coverage, specificity, unmatched_c


def _partial_person(tokens: tuple[str, ...], matched: set[int]) -> bool:
    """A person's name of two parts or more of which the query matched at most one."""
    parts = [j for j, t in enumerate(tokens) if len(t) >= 2 and t not in PERSON_FILLERS]
    return len(parts) >= 2 and sum(1 for j in parts if j in matched) <= 1


def _positions(q: tuple[str, ...], c: tuple[str, ...]) -> list[int]:
    """For equal token multisets: the position in ``c`` of each token of ``q``."""
    free: dict[str, list[int]] = {}
    for j, t in enumerate(c):
        free.setdefault(t, []).append(j)
    return [free[t].pop(0) for t in q]
