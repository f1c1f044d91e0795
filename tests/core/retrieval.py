"""Retrieval against brute force, shared by the tests of rules that loosen the index's
bounds: the screener's index and the delta re-screen's party index must each find every
pair the score admits, with the same score."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import replace

from clearance.lifecycle.party_index import Party, PartyIndex, list_forms
from clearance.match import name_v2
from clearance.match.index import NameIndex
from clearance.match.matcher import DEFAULT
from clearance.match.name_v1 import NameScore
from clearance.model import ListEntry


def index_hits(
    entries: Sequence[ListEntry], queries: Iterable[str], threshold: float
) -> list[list[NameScore]]:
    """Per query, the details of its hits; asserts they are brute force's, score for score."""
    index = NameIndex(entries)
    out = []
    for query in queries:
        forms = DEFAULT.variants(query)
        oracle = index.exhaustive(forms, threshold)
        found = index.search(forms, threshold)
        assert set(found) == set(oracle), query
        for entry_id, score in oracle.items():
            assert abs(found[entry_id][0] - score) < 1e-9, query
        out.append([hit[3] for hit in found.values()])
    return out


def party_hits(entries: Sequence[ListEntry], names: Sequence[str], threshold: float) -> int:
    """How many (party, entry) pairs reach ``threshold``; asserts the party index finds
    exactly those."""
    parties = [Party(f"P{i}", name) for i, name in enumerate(names)]
    index = PartyIndex(parties, threshold)
    hits = 0
    for entry in entries:
        found = index.match_entry(entry, threshold)
        forms = list_forms(entry)  # every name of the entry, as the screener forms them
        for pid, party in enumerate(parties):
            score = max(
                name_v2.quick_score(q, c) for q in DEFAULT.variants(party.name) for c in forms
            )
            assert (score >= threshold) == (pid in found), (party.name, entry.name, score)
            hits += score >= threshold
    return hits


def random_names(words: Sequence[str], seed: int, count: int, sizes: Sequence[int]) -> list[str]:
    """``count`` draws of ``sizes`` words from ``words`` at ``seed``, distinct, sorted."""
    rng = random.Random(seed)
    return sorted({" ".join(rng.sample(words, rng.choice(sizes))) for _ in range(count)})


def sample_persons(names: Iterable[str], surname_alias: bool = True) -> list[ListEntry]:
    """SAMPLE list persons of ``names``, each with its last word as an alias if asked."""
    return [
        ListEntry(
            "SAMPLE",
            str(i),
            "SAMPLE",
            "SAMPLE list",
            "person",
            n,
            (n.split()[-1],) if surname_alias else (),
        )  # fmt: skip
        for i, n in enumerate(names)
    ]


def sample_entries(names: Iterable[str], kinds: Iterable[str] | None = None) -> list[ListEntry]:
    """SAMPLE list entries of ``names``: persons, or of ``kinds``, name by name."""
    names = list(names)
    kinds = list(kinds) if kinds is not None else ["person"] * len(names)
    return [
        ListEntry("SAMPLE", str(i), "SAMPLE", "SAMPLE list", kind, name)
        for i, (name, kind) in enumerate(zip(names, kinds, strict=True))
    ]


def v2_score(query: str, listed: str, kind: str = "person") -> float:
    """name-v2's best score over the forms of ``query`` and of ``listed``, a list name of
    an entry of ``kind`` (the list side's kind, as the index gives it)."""
    return max(
        name_v2.quick_score(q, replace(c, kind=kind))
        for q in name_v2.name_variants(query)
        for c in name_v2.name_variants(listed)
    )
