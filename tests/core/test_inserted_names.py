"""name-v2's inserted-names rule (:mod:`clearance.match.inserted`): a person's list name
written more fully in the query (words inserted, or added before or after it), and both
retrievals (the screener's index, the delta re-screen's party index) still finding every
pair the score admits."""

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


def test_added_names_match() -> None:
    """The listed name whole at the start or end of the query (name_bench labels these
    matches), at the inserted words' weight."""
    for query, listed in [
        ("MOHAMMAD YAQOUB HAQQANI", "MOHAMMAD YAQOUB"),
        ("ABDUL JALIL MOHAMMAD RASUL AYYUB", "MOHAMMAD RASUL AYYUB"),
        ("FAZL RABI ABDUL HAMID", "FAZL RABI"),
        ("Umar Patek Haqqani", "PATEK, Umar"),  # the list's order is not asked
    ]:
        found = best(query, listed)
        assert found.method == "added_names" and found.score >= THRESHOLD, (query, found)
    # the same words, but all of the query's: word for word, no words added
    assert best("MOHAMMAD YAQOUB", "MOHAMMAD YAQOUB").method == "exact"


def test_not_added() -> None:
    # a list name of one word: an added surname may be another family's
    assert best("WALIJAN ABDUL GHAFOOR HAQQANI", "WALIJAN").score < THRESHOLD
    # the listed words apart in the query, neither both ends nor side by side at one end
    assert best("ANJEM IFTIKHAR CHOUDARY MAHMOOD", "ANJEM CHOUDARY").method != "added_names"
    # an organisation's name with words added is another organisation
    assert best("Deutsche Bank Trust Company", "Deutsche Bank", "").method != "added_names"


def test_not_inserted() -> None:
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
    """Each entry's name with a word inserted, or added before or after it."""
    rng = random.Random(5)
    middle = ["HAMID", "HAQQANI", "SAYYID", "AHMED", "MOHAMMAD", "KHAN", "A", "ABDUL GHAFOOR"]
    out = []
    for entry in entries:
        words = entry.name.split()
        at = rng.randrange(0, len(words) + 1)
        out.append(" ".join(words[:at] + [rng.choice(middle)] + words[at:]))
    return out


def test_index_retrieves_every_inserted_name_the_score_admits() -> None:
    entries = _entries()
    hits = index_hits(entries, _queries(entries), THRESHOLD)
    for method in ("inserted_names", "added_names"):
        fired = sum(any(h.method == method for h in found) for found in hits)
        assert fired >= len(entries) // 5, method  # the probes exercise both rules


def test_party_index_retrieves_inserted_names() -> None:
    entries = _entries()
    assert party_hits(entries, _queries(entries), THRESHOLD)


def test_an_initial_is_no_word_to_add_to() -> None:
    """``AHMED K.`` is a one-word name with an initial: as ``WALIJAN``, not added to."""
    assert best("AHMED K HAQQANI", "AHMED K.").method != "added_names"
