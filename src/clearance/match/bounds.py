"""Upper bounds of a name's score from what its words offer a query's, for
:class:`clearance.match.index.NameIndex`: the offers of one query word, kept as sorted
arrays (and as a dictionary once met again), and the bound formulas over them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from mypy_extensions import mypyc_attr

# An offer reaching at most this many names is kept as a dictionary once met twice.
TABLE_MAX = 2000


def tight_bound(
    words: float,
    missing: float,
    aligned: float,
    top: float,
    extra: float,
    total: float,
    lam: float,
    specific: float,
) -> float:
    """:func:`tight_bounds` of one name (``words > 0``)."""
    denominator = words + missing
    coverage = min(
        words / (denominator + lam * min(extra, denominator)),
        top * aligned / (aligned + missing) / (1.0 + lam * min(1.0, extra / total)),
    )
    return coverage * min(1.0, math.sqrt(words / specific))


def tight_bounds(
    words: np.ndarray,
    missing: np.ndarray,
    aligned: np.ndarray,
    top: np.ndarray,
    extra: np.ndarray,
    total: float,
    lam: float,
    specific: float,
) -> np.ndarray:
    """Upper bound of each name's score from what its words offer the query's.

    ``words``: sum over the query tokens the name meets of the best weight x similarity
    on offer (initials included as the name answers them; every name here meets one:
    ``words > 0``); ``missing``: the query weight it does not meet; ``aligned``: sum of
    ``min(w(q), heaviest similar list token)``; ``top``: the best similarity on offer;
    ``extra``: list weight surely left over.

    The score is at most coverage x specificity; an aligned pair adds ``min(w(q), w(c))``
    to the coverage's denominator and that times its similarity to the numerator, so the
    coverage is at most both ``words / (words + missing + LAMBDA * min(extra, ...))`` and
    ``top * aligned / (aligned + missing)`` over ``1 + LAMBDA * min(1, extra / W(Q))``.
    """
    denominator = words + missing
    coverage = np.minimum(
        words / (denominator + lam * np.minimum(extra, denominator)),
        top * aligned / (aligned + missing) / (1.0 + lam * np.minimum(1.0, extra / total)),
    )
    bounds: np.ndarray = coverage * np.minimum(1.0, np.sqrt(words / specific))
    return bounds


@mypyc_attr(native_class=False)  # pickled with the index: see scripts/compile.py
class Offer:
    """What the list's names offer one query token: the best weight x similarity over
    all of them, and per name id reached (ascending) the best weight x similarity, the
    heaviest similar list token, the best similarity and the query weight capped by the
    heaviest token.

    :meth:`table` gives them by name id: the first time for the names asked about, from
    then on for all if they are at most ``TABLE_MAX`` (a cold query builds no dictionary
    of a common word's thousands of names; a batch, meeting the same words over and over,
    builds each one once).
    """

    __slots__ = ("_asked", "_table", "best", "capped", "heavy", "ids", "sims", "top")

    def __init__(
        self,
        top: float,
        ids: np.ndarray,
        best: np.ndarray,
        heavy: np.ndarray,
        sims: np.ndarray,
        capped: np.ndarray,
    ) -> None:
        self.top, self.ids, self.best, self.heavy = top, ids, best, heavy
        self.sims, self.capped = sims, capped
        self._table: dict[int, tuple[float, float, float, float]] | None = None
        self._asked = False

    def table(self, wanted: np.ndarray) -> dict[int, tuple[float, float, float, float]]:
        """(best, heavy, sim, capped) by name id, for at least the names ``wanted``."""
        if self._table is not None:
            return self._table
        if self._asked and len(self.ids) <= TABLE_MAX:
            self._table = _rows(self.ids, self.best, self.heavy, self.sims, self.capped)
            return self._table
        self._asked = True
        hit, at = found_in(self.ids, wanted)
        at = at[hit]
        return _rows(self.ids[at], self.best[at], self.heavy[at], self.sims[at], self.capped[at])


def _rows(
    ids: np.ndarray, best: np.ndarray, heavy: np.ndarray, sims: np.ndarray, capped: np.ndarray
) -> dict[int, tuple[float, float, float, float]]:
    values = zip(best.tolist(), heavy.tolist(), sims.tolist(), capped.tolist(), strict=True)
    return dict(zip(ids.tolist(), values, strict=True))


NO_IDS = np.zeros(0, dtype=np.int32)
NO_VALUES = np.zeros(0, dtype=np.float64)


def found_in(ids: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which of ``wanted`` are in the ascending ``ids``, and where (0 where not)."""
    if not len(ids):
        return np.zeros(len(wanted), dtype=bool), np.zeros(len(wanted), dtype=np.intp)
    at = ids.searchsorted(wanted)  # (the method: np.searchsorted wraps it at twice the cost)
    at[at == len(ids)] = 0
    return ids[at] == wanted, at


def run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values of the sorted ``values`` begins."""
    starts = np.empty(len(values), dtype=bool)
    starts[:1] = True
    np.not_equal(values[1:], values[:-1], out=starts[1:])
    return np.flatnonzero(starts)


def meeting_all(offers: Sequence[Offer], chosen: Iterable[int]) -> np.ndarray:
    """The names (ascending) that the offers ``chosen`` (indices) all reach, intersected
    from the one reaching fewest."""
    order = sorted(chosen, key=lambda k: len(offers[k].ids))
    ids: np.ndarray = offers[order[0]].ids
    for k in order[1:]:
        if not len(ids):
            break
        ids = ids[found_in(offers[k].ids, ids)[0]]
    return ids
