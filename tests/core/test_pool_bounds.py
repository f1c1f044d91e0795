"""The sparse bounds of :mod:`clearance.match.pool_bounds`: name by name and over arrays
they give the very same floats (on the OFAC SDN list), only their cost differs; and the
names a query's essential words all reach, which they bound."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from benchmarks.names import bulk_names, perturbed
from hypothesis import given
from hypothesis import strategies as st

from clearance.match import pool_bounds
from clearance.match.bounds import Offer, meeting_all, run_starts
from clearance.match.index import NameIndex
from clearance.match.matcher import DEFAULT
from clearance.sources import parse_paths

from ..conftest import need


@pytest.mark.slow
def test_arrays_and_loop_give_the_same_bounds(lists_dir: Path, monkeypatch: Any) -> None:
    sdn = [f"ofac_sdn_2021-07_{p}.csv" for p in ("sdn", "add", "alt", "sdn_comments")]
    entries = parse_paths([need(lists_dir, n) for n in sdn])[0].entries
    index = NameIndex(entries)
    queries = [p.query for p in perturbed(entries, 150)] + bulk_names(150, seed=5)
    forms = [form for query in queries for form in DEFAULT.variants(query)]
    found = {}
    for vector_min in (10**9, 0):
        monkeypatch.setattr(pool_bounds, "VECTOR_MIN", vector_min)
        index._offers.clear()  # the same tables built, cold, for both
        found[vector_min] = [
            index._candidates(form, threshold) for form in forms for threshold in (0.7, 0.8)
        ]
    assert found[0] == found[10**9]  # names and bounds, float for float
    assert sum(map(len, found[0])) > 500


@given(st.lists(st.sets(st.integers(0, 60), max_size=40), min_size=1, max_size=4))
def test_names_met_by_all(reached: list[set[int]]) -> None:
    """``meeting_all``: the names every chosen offer reaches, ascending."""
    offers = []
    for names in reached:
        ids = np.array(sorted(names), dtype=np.int32)
        values = np.ones(len(ids))
        offers.append(Offer(1.0, ids, values, values, values, values))
    met = meeting_all(offers, range(len(offers)))
    assert met.tolist() == sorted(set.intersection(*reached))


@given(st.lists(st.integers(0, 5), max_size=30))
def test_where_runs_of_equal_values_begin(values: list[int]) -> None:
    ordered = np.array(sorted(values), dtype=np.int64)
    expected = [i for i in range(len(ordered)) if i == 0 or ordered[i] != ordered[i - 1]]
    assert run_starts(ordered).tolist() == expected
