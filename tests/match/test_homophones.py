"""name-v2 holds two spellings of one sound more alike than their edit distance
(:mod:`clearance.match.homophones`): ``OAO Gazprom`` meets ``Gasprom JSC``; the letters
that stand for other letters in the scripts lists transliterate from stay apart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clearance.match import name_v2
from clearance.match.homophones import HOMOPHONE_SIMILARITY, homophones
from clearance.match.v2_similarity import strict_similarity, token_similarity
from clearance.model import ListEntry
from tests.core.retrieval import index_hits, party_hits

THRESHOLD = 0.8


def v2(query: str, listed: str, kind: str) -> float:
    return max(
        name_v2.quick_score(q, replace(c, kind=kind))
        for q in name_v2.name_variants(query)
        for c in name_v2.name_variants(listed)
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("gazprom", "gasprom"),  # z/s after the first letter
        ("faberlick", "faberlic"),  # ck/c
        ("alexandr", "aleksandr"),  # x/ks
        ("ivanov", "iwanow"),  # w/v
        ("dmitry", "dmitri"),  # a final y
        ("hassan", "hasan"),  # a consonant written twice
        ("gonzalez", "gonzales"),
        ("philips", "philipps"),
    ],
)
def test_spellings_of_one_sound(a: str, b: str) -> None:
    assert homophones(a, b)
    assert token_similarity(a, b) >= HOMOPHONE_SIMILARITY
    assert strict_similarity(a, b) >= HOMOPHONE_SIMILARITY  # a name of one word too


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("zahir", "sahir"),  # the first letter: other names
        ("qasim", "kasim"),  # q, th, dh, gh are other Arabic letters
        ("kathir", "katir"),
        ("hadhi", "hadi"),
        ("zaid", "said"),  # one syllable
        ("karl", "carl"),
        ("zixin", "sixin"),  # pinyin: other syllables, other characters
        ("miller", "millar"),  # another vowel
        ("baker", "packer"),  # voicing is another sound
        ("rossii", "rossi"),  # a vowel written twice: Russian ROSSII is "of Russia"
    ],
)
def test_other_sounds_stay_apart(a: str, b: str) -> None:
    assert not homophones(a, b)
    assert token_similarity(a, b) < HOMOPHONE_SIMILARITY


def test_a_name_spelt_by_sound_meets_the_listed_name() -> None:
    assert v2("OAO Gazprom", "Gasprom JSC", "org") >= THRESHOLD
    assert v2("faberlick", "FABERLIC EUROPE Sp. z o.o.", "org") >= THRESHOLD
    assert v2("Aleksandr Lukashenko", "Alexandr LUKASHENKO", "person") >= 0.95


LISTED = [
    "Gasprom JSC",
    "FABERLIC EUROPE Sp. z o.o.",
    "Alexandr Grigoryevich LUKASHENKO",
    "Zahir SHAH",
]
QUERIES = ["OAO Gazprom", "faberlick", "Aleksandr Lukashenko", "Sahir Shah"]


def _entries() -> list[ListEntry]:
    kinds = ["company", "company", "person", "person"]
    return [
        ListEntry("SAMPLE", str(i), "SAMPLE", "SAMPLE list", kind, name)
        for i, (name, kind) in enumerate(zip(LISTED, kinds, strict=True))
    ]


def test_index_finds_every_homophone_hit_brute_force_does() -> None:
    hits = index_hits(_entries(), QUERIES, THRESHOLD)
    assert all(hits[:3])


def test_party_index_finds_homophone_hits() -> None:
    assert party_hits(_entries(), QUERIES, THRESHOLD) >= 3
