"""name-v2 holds two spellings of one sound more alike than their edit distance
(:mod:`clearance.match.homophones`): ``OAO Gazprom`` meets ``Gasprom JSC``; the letters
that stand for other letters in the scripts lists transliterate from stay apart."""

from __future__ import annotations

import pytest

from clearance.match.homophones import HOMOPHONE_SIMILARITY, homophones
from clearance.match.v2_similarity import strict_similarity, token_similarity
from tests.core.retrieval import index_hits, party_hits, sample_entries, v2_score

THRESHOLD = 0.8


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
        ("azhar", "ashar"),  # zh is no z
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
    assert v2_score("OAO Gazprom", "Gasprom JSC", "org") >= THRESHOLD
    assert v2_score("faberlick", "FABERLIC EUROPE Sp. z o.o.", "org") >= THRESHOLD
    assert v2_score("Aleksandr Lukashenko", "Alexandr LUKASHENKO", "person") >= 0.95


LISTED = [
    "Gasprom JSC",
    "FABERLIC EUROPE Sp. z o.o.",
    "Alexandr Grigoryevich LUKASHENKO",
    "Zahir SHAH",
]
KINDS = ["company", "company", "person", "person"]
QUERIES = ["OAO Gazprom", "faberlick", "Aleksandr Lukashenko", "Sahir Shah"]


def test_index_finds_every_homophone_hit_brute_force_does() -> None:
    hits = index_hits(sample_entries(LISTED, KINDS), QUERIES, THRESHOLD)
    assert all(hits[:3])


def test_party_index_finds_homophone_hits() -> None:
    assert party_hits(sample_entries(LISTED, KINDS), QUERIES, THRESHOLD) >= 3
