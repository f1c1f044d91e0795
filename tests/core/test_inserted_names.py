"""name-v2's inserted-names rule (:mod:`clearance.match.inserted`): a person's list name
written more fully in the query, and both retrievals (the screener's index, the delta
re-screen's party index) still finding every pair the score admits."""

from __future__ import annotations

import random
from dataclasses import replace

from clearance.match import name_v2
from clearance.match.inserted import INSERTED_WEIGHT, can_insert
from clearance.model import ListEntry

from .retrieval import index_hits, party_hits

THRESHOLD = 0.8


def best(query: str, listed: str, kind: str = "person") -> name_v2.NameScore:
    scores = [
        name_v2.score_names(q, replace(c, kind=kind) if kind else c)
        for q in name_v2.name_variants(query)
        for c in name_v2.name_variants(listed)
    ]
    return max(scores, key=lambda s: s.score)


def test_inserted_middle_names_match() -> None:
    for query, listed in [
        ("FAZL MOHAMMAD HAMID MAZLOOM", "FAZL MOHAMMAD MAZLOOM"),
        ("GUL AHMAD WAZIRI HAKIMI", "GUL AHMAD HAKIMI"),
        ("Sergey Sergey Shoigu", "Sergey Shoigu"),
        ("Fazl Mohammad Hamid Mazloom", "MAZLOOM, Fazl Mohammad"),  # as the SDN list writes it
    ]:
        found = best(query, listed)
        assert found.method == "inserted_names" and found.score >= THRESHOLD, (query, found)


def test_inserted_words_still_cost_something() -> None:
    """Half their weight: an inserted word is not free, and more of them cost more."""
    one = best("FAZL MOHAMMAD HAMID MAZLOOM", "FAZL MOHAMMAD MAZLOOM").score
    two = best("FAZL MOHAMMAD HAMID RAHIM MAZLOOM", "FAZL MOHAMMAD MAZLOOM").score
    assert 0.0 < INSERTED_WEIGHT < 1.0
    assert two < one < 1.0


def test_not_inserted() -> None:
    # words added after or before the name (an added surname may be another family's)
    assert best("MOHAMMAD YAQOUB HAQQANI", "MOHAMMAD YAQOUB").method != "inserted_names"
    assert best("ABDUL JALIL MOHAMMAD RASUL AYYUB", "MOHAMMAD RASUL AYYUB").score < THRESHOLD
    # a list word the query lacks, an organisation, a legal form
    assert best("FAZL HAMID MAZLOOM", "FAZL MOHAMMAD MAZLOOM").method != "inserted_names"
    assert best("China Baowu Steel Group", "China Group", "").method != "inserted_names"
    assert not can_insert("FAZL HAMID MAZLOOM LLC", ("fazl", "hamid", "mazloom"), ("llc",))
    # the syllables of a Korean given name are not names of their own
    assert best("강성민", "KANG, Min").score < THRESHOLD


def _entries() -> list[ListEntry]:
    rng = random.Random(4)
    given = ["FAZL", "MOHAMMAD", "GUL", "AHMAD", "ABDUL", "WALI", "NOOR", "JAWAD", "AMIR"]
    family = ["MAZLOOM", "HAKIMI", "SEDDIQI", "WAZIRI", "SAQIB", "AGHA", "KHAN", "RAHIMI"]
    names = {f"{rng.choice(given)} {rng.choice(given)} {rng.choice(family)}" for _ in range(60)}
    names |= {f"{rng.choice(given)} {rng.choice(family)}" for _ in range(30)}
    # each with a shorter alias: the index must bound every name of an entry, or it skips
    # the name that scores best (first word and surname)
    return [
        ListEntry("SAMPLE", str(i), "SAMPLE", "SAMPLE list", "person", n, (_short(n),))
        for i, n in enumerate(sorted(names))
    ]


def _short(name: str) -> str:
    words = name.split()
    return f"{words[-1]}, {words[0]}"


def _queries(entries: list[ListEntry]) -> list[str]:
    rng = random.Random(5)
    middle = ["HAMID", "HAQQANI", "SAYYID", "AHMED", "MOHAMMAD", "KHAN", "A", "ABDUL GHAFOOR"]
    out = []
    for entry in entries:
        words = entry.name.split()
        at = rng.randrange(1, len(words))
        out.append(" ".join(words[:at] + [rng.choice(middle)] + words[at:]))
    return out


def test_index_retrieves_every_inserted_name_the_score_admits() -> None:
    entries = _entries()
    hits = index_hits(entries, _queries(entries), THRESHOLD)
    fired = sum(any(h.method == "inserted_names" for h in found) for found in hits)
    assert fired >= len(entries) // 3  # the probes exercise the rule


def test_party_index_retrieves_inserted_names() -> None:
    entries = _entries()
    assert party_hits(entries, _queries(entries), THRESHOLD)
