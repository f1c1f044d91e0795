"""The index's bound prunes only names that cannot reach the threshold.

Candidates are pruned by an upper bound of the score: the coverage x specificity bound
and, tighter, the best similarity on offer (a name met only through initials and
truncations scores at most what they score). Where the two are tightest (initials on
either side, one list token met by several query words, a lone word), the search must
find exactly what brute force finds, on both the sparse and the vectorised path; and the
search, which skips a candidate whose bound cannot beat its entry's best name so far,
must pick the same name and query form as scoring every candidate.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from clearance.match.index import NameIndex
from clearance.match.matcher import DEFAULT
from clearance.match.normalize import NormalName
from clearance.model import ListEntry
from clearance.sources import parse_paths

from ..conftest import need

LISTED = [
    ("company", "W HERRERA Y CIA S EN C"),
    ("company", "K. P. TO JEANS WEAR S. DE H."),
    ("unknown", "T N K FABRICS"),
    ("person", "CHOL U"),
    ("person", "HTET U HEIN"),
    ("person", "SADDAM HUSSEIN"),
    ("person", "RODRIGUEZ OREJUELA, Gilberto Jose"),
    ("company", "J. SMITH TRADING LTD"),
    ("company", "A B C COMPANY"),
    ("person", "M. A. HASSAN"),
    ("person", "Ali HASSAN"),
    ("person", "S. Y. SHEN"),
    ("vessel", "U S S"),
    ("unknown", "ABU ALI"),
]
QUERIES = [
    "S. Yueyue",
    "Kristen Sezgin",
    "Utkucan Urrutia",
    "J Smith",
    "John Smith Trading",
    "A. Hassan",
    "M Hassan",
    "Ali H",
    "Hassan Ali",
    "Maria Hussein",
    "Alberto Gilbert",
    "Gilberto Rodriguez",
    "U Hein",
    "Chol",
    "W. Herrera",
    "Herrera y Cia",
    "Shen S Y",
    "ABC Co",
    "Abu",
    "Uss",
]


def _every_candidate(
    index: NameIndex, variants: tuple[NormalName, ...], threshold: float
) -> dict[int, tuple[float, int, tuple[str, ...]]]:
    """``NameIndex.search`` without skipping a candidate that cannot beat its entry's
    best name so far: which name and query form win must not change."""
    best: dict[int, tuple[float, int, tuple[str, ...]]] = {}
    for query in variants:
        for name_id in index.candidates(query, threshold):
            score = DEFAULT.quick_score(query, index.names[name_id])
            entry_id = index.name_entry[name_id]
            if score >= threshold and (entry_id not in best or score > best[entry_id][0]):
                best[entry_id] = (score, name_id, query.tokens)
    return best


@pytest.fixture(scope="module")
def index() -> NameIndex:
    entries = [
        ListEntry("test", str(i), "T", "Test list", kind, name)
        for i, (kind, name) in enumerate(LISTED)
    ]
    return NameIndex(entries)


# the dense bound; the sparse one name by name; the sparse one over arrays
PATHS = [(-1, 10**9), (10**9, 10**9), (10**9, 0)]


@pytest.mark.parametrize(("sparse_max", "vector_min"), PATHS)
def test_search_is_brute_force(
    index: NameIndex, sparse_max: int, vector_min: int, monkeypatch: Any
) -> None:
    monkeypatch.setattr("clearance.match.index.SPARSE_MAX", sparse_max)
    monkeypatch.setattr("clearance.match.pool_bounds.VECTOR_MIN", vector_min)
    hits = 0
    for name in QUERIES:
        variants = DEFAULT.variants(name)
        for threshold in (0.7, 0.75, 0.8, 0.85, 0.9):
            slow = index.exhaustive(variants, threshold)
            found = index.search(variants, threshold)
            assert {e: v[0] for e, v in found.items()} == slow, (name, threshold)
            winners = {e: (v[0], v[1], v[2].tokens) for e, v in found.items()}
            assert winners == _every_candidate(index, variants, threshold)
            hits += len(slow)
    assert hits > 50


def _initial(name: str, rng: random.Random) -> str:
    words = name.replace(",", " ").split()
    i = rng.randrange(len(words))
    words[i] = words[i][0] + "."
    rng.shuffle(words)
    return " ".join(words)


@pytest.mark.slow
@pytest.mark.parametrize(("sparse_max", "vector_min"), PATHS)
def test_search_is_brute_force_on_sdn_initials(
    lists_dir: Path, sparse_max: int, vector_min: int, monkeypatch: Any
) -> None:
    """SDN names with an initial, queried with another word made an initial."""
    monkeypatch.setattr("clearance.match.index.SPARSE_MAX", sparse_max)
    monkeypatch.setattr("clearance.match.pool_bounds.VECTOR_MIN", vector_min)
    sdn = [f"ofac_sdn_2021-07_{p}.csv" for p in ("sdn", "add", "alt", "sdn_comments")]
    entries = parse_paths([need(lists_dir, n) for n in sdn])[0].entries
    index = NameIndex(entries)
    rng = random.Random(11)
    initialled = [n for e in entries for n in e.names if any(len(w) <= 2 for w in n.split())]
    for name in [_initial(n, rng) for n in rng.sample(initialled, 5)]:
        variants = DEFAULT.variants(name)
        for threshold in (0.7, 0.8):
            slow = index.exhaustive(variants, threshold)
            fast = {e: v[0] for e, v in index.search(variants, threshold).items()}
            assert fast == slow, (name, threshold)
