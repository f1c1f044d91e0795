"""name-v2's inserted-names rule (:mod:`clearance.match.inserted`): a person's list name
written more fully in the query, and both retrievals (the screener's index, the delta
re-screen's party index) still finding every pair the score admits."""

from __future__ import annotations

import random
from dataclasses import replace

from clearance.lifecycle.party_index import Party, PartyIndex, list_forms
from clearance.match import name_v2
from clearance.match.index import NameIndex
from clearance.match.inserted import INSERTED_WEIGHT, can_insert
from clearance.match.matcher import DEFAULT
from clearance.model import ListEntry

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
    index = NameIndex(entries)
    fired = 0
    for query in _queries(entries):
        forms = DEFAULT.variants(query)
        oracle = index.exhaustive(forms, THRESHOLD)
        found = index.search(forms, THRESHOLD)
        assert set(found) == set(oracle), query
        for entry_id, score in oracle.items():
            assert abs(found[entry_id][0] - score) < 1e-9, query
        fired += any(hit[3].method == "inserted_names" for hit in found.values())
    assert fired >= len(entries) // 3  # the probes exercise the rule


def test_party_index_retrieves_inserted_names() -> None:
    entries = _entries()
    parties = [Party(f"P{i}", q) for i, q in enumerate(_queries(entries))]
    index = PartyIndex(parties, THRESHOLD)
    for entry in entries:
        found = index.match_entry(entry, THRESHOLD)
        forms = list_forms(entry)  # every name of the entry, as the screener forms them
        for pid, party in enumerate(parties):
            score = max(
                name_v2.quick_score(q, c) for q in DEFAULT.variants(party.name) for c in forms
            )
            assert (score >= THRESHOLD) == (pid in found), (party.name, entry.name, score)
