"""The bounds of the few names a query's essential words reach (the sparse path of
:class:`clearance.match.index.NameIndex`): per name, its offers summed and both bounds of
:meth:`~clearance.match.index.NameIndex.candidates`.

A handful of names is bounded one by one from dictionaries; from :data:`VECTOR_MIN`
names on, the same sums run over numpy arrays, in the same order, so both ways give the
very same floats (``tests/core/test_pool_bounds.py``) and only their cost differs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from clearance.match.bounds import Offer, found_in, tight_bound, tight_bounds

# From this many names on, the bounds are computed over arrays (numpy's fixed cost per
# query word is about that of bounding a few dozen names one by one).
VECTOR_MIN = 32


class Initials(NamedTuple):
    """What a query initial can meet, per name id: a word beginning with the letter
    (``begins``), the letter itself as a word (``same``), and the weight of the heaviest
    word beginning with it (``heaviest``: the most list weight an initial can take off
    what a name leaves over); the first two as bytes too, read one name at a time."""

    begins: np.ndarray
    same: np.ndarray
    heaviest: np.ndarray
    begins_at: bytes
    same_at: bytes


@dataclass(frozen=True)
class Bounding:
    """What bounds a query's candidates besides their offers: the query's weight in all
    (``total``), the offer assumed of its initials (``optimistic``) and their weight, the
    initials themselves, each name's weight, the matcher's constants, the threshold less
    a rounding margin (``floor``) and the inserted-names rule's ``kappa``."""

    total: float
    optimistic: float
    initial_weight: float
    letters: Sequence[tuple[Initials, float]]
    name_weight: np.ndarray
    name_weight_list: list[float]
    lam: float
    specific: float
    initial_similarity: float
    floor: float
    kappa: float


def pool_bounds(
    pool: np.ndarray,
    offers: Sequence[Offer],
    weights: Sequence[float],
    lightened: np.ndarray,
    how: Bounding,
) -> list[tuple[int, float]]:
    """(name id, tighter bound) of the names of ``pool`` (ascending) whose both bounds
    reach ``how.floor``; ``offers[k]`` is what query word ``k`` of ``weights[k]`` offers,
    ``lightened`` which names the inserted-names rule may lighten (``kappa``, once every
    word of the name is matched)."""
    if len(pool) >= VECTOR_MIN:
        return _by_arrays(pool, offers, weights, lightened, how)
    return _one_by_one(pool, offers, weights, lightened, how)


def _one_by_one(
    pool: np.ndarray,
    offers: Sequence[Offer],
    weights: Sequence[float],
    lightened: np.ndarray,
    how: Bounding,
) -> list[tuple[int, float]]:
    total, lam, specific, floor, kappa = how.total, how.lam, how.specific, how.floor, how.kappa
    name_weight = how.name_weight_list
    # (an array's memoryview reads one item as fast as bytes do, but pickles not)
    letters = [
        (initial.begins_at, initial.same_at, initial.heaviest.data, weight)
        for initial, weight in how.letters
    ]
    out: list[tuple[int, float]] = []
    tables = [(weight, offer.table(pool)) for weight, offer in zip(weights, offers, strict=True)]
    for name_id, fuller_name in zip(pool.tolist(), lightened.tolist(), strict=True):
        offered = how.optimistic
        matched = how.initial_weight
        covered = 0.0
        words = reached = aligned = top = 0.0  # for the tighter bound
        for weight, table in tables:
            got = table.get(name_id)
            if got is not None:
                best, heavy, sim, capped = got
                offered += best
                matched += weight
                covered += heavy
                words += best
                reached += weight
                aligned += capped
                if sim > top:
                    top = sim
        missing = total - matched
        extra = 0.0 if letters else max(0.0, name_weight[name_id] - covered)
        denominator = offered + missing
        bound = offered / (denominator + lam * min(extra, denominator))
        if fuller_name and extra <= 1e-9:  # the rule needs every word of the name matched
            bound = offered / (offered + kappa * missing)
        if bound * min(1.0, math.sqrt(offered / specific)) < floor:
            continue
        for begins, same, heaviest, weight in letters:
            if begins[name_id]:
                sim = 1.0 if same[name_id] else how.initial_similarity
                words += weight * sim
                reached += weight
                aligned += weight
                if sim > top:
                    top = sim
                covered += heaviest[name_id]  # the most it takes off
        extra = max(0.0, name_weight[name_id] - covered)
        lacking = total - reached
        # loosened wherever the rule may apply, not only below the threshold: the bound
        # returned orders and skips an entry's names
        if fuller_name and extra <= 1e-9:
            lacking *= kappa
        bound = tight_bound(words, lacking, aligned, top, extra, total, lam, specific)
        if bound >= floor:
            out.append((name_id, bound))
    return out


def _by_arrays(
    pool: np.ndarray,
    offers: Sequence[Offer],
    weights: Sequence[float],
    lightened: np.ndarray,
    how: Bounding,
) -> list[tuple[int, float]]:
    """:func:`_one_by_one` over arrays: every sum taken in the same order."""
    total, lam, specific, kappa = how.total, how.lam, how.specific, how.kappa
    size = len(pool)
    offered = np.full(size, how.optimistic, dtype=np.float64)
    matched = np.full(size, how.initial_weight, dtype=np.float64)
    covered = np.zeros(size)
    words = np.zeros(size)
    reached = np.zeros(size)
    aligned = np.zeros(size)
    top = np.zeros(size)
    for weight, offer in zip(weights, offers, strict=True):
        hit, at = found_in(offer.ids, pool)
        best = np.where(hit, offer.best[at], 0.0)
        offered += best
        matched += np.where(hit, weight, 0.0)
        covered += np.where(hit, offer.heavy[at], 0.0)
        words += best
        reached += np.where(hit, weight, 0.0)
        aligned += np.where(hit, offer.capped[at], 0.0)
        top = np.maximum(top, np.where(hit, offer.sims[at], 0.0))
    own = how.name_weight[pool]
    missing = total - matched
    extra = np.zeros(size) if how.letters else np.maximum(0.0, own - covered)
    denominator = offered + missing
    bound = offered / (denominator + lam * np.minimum(extra, denominator))
    bound = np.where(lightened & (extra <= 1e-9), offered / (offered + kappa * missing), bound)
    keep = bound * np.minimum(1.0, np.sqrt(offered / specific)) >= how.floor
    for initial, weight in how.letters:
        begins = initial.begins[pool]
        sim = np.where(initial.same[pool], 1.0, how.initial_similarity)
        words += np.where(begins, weight * sim, 0.0)
        reached += np.where(begins, weight, 0.0)
        aligned += np.where(begins, weight, 0.0)
        top = np.where(begins, np.maximum(top, sim), top)
        covered += np.where(begins, initial.heaviest[pool], 0.0)
    extra = np.maximum(0.0, own - covered)
    lacking = total - reached
    lacking = np.where(lightened & (extra <= 1e-9), lacking * kappa, lacking)
    tight = tight_bounds(words, lacking, aligned, top, extra, total, lam, specific)
    keep &= tight >= how.floor
    return list(zip(pool[keep].tolist(), tight[keep].tolist(), strict=True))
