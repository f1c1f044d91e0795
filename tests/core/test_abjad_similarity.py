"""name-v2's consonant comparison for names written in an abjad
(:func:`clearance.match.v2_similarity.abjad_similarity`): the Latin spellings of an
Arabic-script query guess its vowels, so its words also match list words with the same
consonants; both retrievals (the screener's index, the delta re-screen's party index)
still find every pair the score admits."""

from __future__ import annotations

import itertools

import pytest

from clearance.match.v2_similarity import (
    abjad_keys,
    abjad_similarity,
    abjad_skeleton,
    consonant_similarity,
    token_keys,
    token_similarity,
    vocab_keys,
)
from clearance.model import ListEntry

from .retrieval import index_hits, party_hits, random_names, sample_persons, v2_score

THRESHOLD = 0.8


@pytest.mark.parametrize(
    ("word", "consonants"),
    [
        ("mekki", "mky"),  # doubled once; a final i is a written ya
        ("djermane", "jrmn"),  # French dj
        ("zarkaoui", "zrky"),  # ou, and k for qaf
        ("zarqawi", "zrky"),
        ("ghedeir", "kdr"),  # Maghreb gh for qaf
        ("jumah", "jm"),  # ta marbuta
        ("akacha", "akS"),  # French ch, first vowel kept
        ("habib", "hbb"),  # letters apart are not doubled
    ],
)
def test_abjad_skeleton(word: str, consonants: str) -> None:
    assert abjad_skeleton(word) == consonants


@pytest.mark.parametrize(
    ("query", "listed", "related"),
    [
        ("maki", "mekki", True),
        ("jarman", "djermane", True),
        ("sadi", "essaadi", True),  # the article glued on, assimilated
        ("sayd", "elsseid", True),
        ("qadir", "ghedeir", True),
        ("jan", "chun", False),  # jim is not shin
        ("zahid", "jehad", False),
        ("habu", "habib", False),
        ("faiz", "fawzi", False),  # a nisba is a letter
        ("omar", "mir", False),  # an initial ayn is a letter
        ("rahat", "rhd", False),  # an abjad spells no acronym
        ("wali", "il", False),  # one consonant says too little
        ("salsala", "selselat", True),  # ta marbuta read as the t it is before a genitive
        ("rahma", "rahmat", True),  # or in Persian and Urdu
        ("salsal", "selselat", False),  # no ta marbuta's vowel: the t is a letter
        ("salsala", "selselar", False),
    ],
)
def test_abjad_similarity(query: str, listed: str, related: bool) -> None:
    assert (abjad_similarity(query, listed) > token_similarity(query, listed)) is related
    assert abjad_similarity(query, listed) >= token_similarity(query, listed)


def test_every_pair_it_relates_shares_a_key() -> None:
    words = [
        "mekki maki makki djermane jarman german zarqawi zarkaoui essaadi sadi saadi elsseid",
        "sayd juma jumah jomaa ghedeir qadir kadir akacha akasha okasha shahata shihata",
        "bouyahia buyahya djamel jamal gamal hassine hasin husain",
        "salsala salsalah selselat rahma rahmat harakah harakat hamza hamzat",
    ]
    vocab = " ".join(words).split()
    for a, b in itertools.product(vocab, repeat=2):
        if abjad_similarity(a, b) > token_similarity(a, b):
            assert (token_keys(a) | abjad_keys(a)) & vocab_keys(b), (a, b)


def test_consonants_alone_decide_a_pair_sharing_no_key() -> None:
    # the index scores words only the abjad keys reach by consonant_similarity
    vocab = ["salsala", "selselat", "hasan", "husain", "hocine", "hassine", "essaadi"]
    vocab += ["sadi", "al", "wal", "rhd", "rahat"]
    for a, b in itertools.product(vocab, repeat=2):
        if token_similarity(a, b) == 0.0:
            assert consonant_similarity(a, b) == abjad_similarity(a, b), (a, b)
        assert consonant_similarity(a, b) <= abjad_similarity(a, b)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("كمال جرمان", "KAMEL DJERMANE"),
        ("عماد بن مكي زرقاوي", "IMED BEN MEKKI ZARKAOUI"),
        ("موسى بن عمر بن علي السعدي", "MOUSSA BEN OMAR BEN ALI ESSAADI"),
        ("سامي بن خميس بن صالح الصيد", "SAMI BEN KHAMIS BEN SALEH ELSSEID"),
    ],
)
def test_arabic_script_names_match_their_maghreb_spellings(query: str, listed: str) -> None:
    assert v2_score(query, listed) >= THRESHOLD


def test_a_listed_article_is_no_name_word() -> None:
    assert abjad_similarity("ali", "al") == 0.0 < token_similarity("ali", "al")
    # Saddam Hussein's son Ali is not his son Uday: Ali was taken for the article
    assert v2_score("علي صدام حسين التكريتي", "AL-TIKRITI, Uday Saddam Hussein") < THRESHOLD
    assert v2_score("علي صدام حسين التكريتي", "AL-TIKRITI, Ali Saddam Hussein") >= THRESHOLD


def test_an_article_joined_to_a_conjunction_is_an_article() -> None:
    # و + ال: the list writes WA AL-MUSLIMIN, the Arabic reads WAL MUSLIMIN
    assert abjad_similarity("wal", "al") == token_similarity("wal", "al") > 0.0


def test_only_for_guessed_vowels() -> None:
    # the same Latin spelling typed as a query is compared as written
    assert v2_score("imed ben maki zarkaoui", "IMED BEN MEKKI ZARKAOUI") < THRESHOLD
    # a lone word matched by its consonants says too little
    assert v2_score("فيض", "FUDIA LTDA.", "company") < THRESHOLD


ARABIC = ["كمال", "جمال", "مكي", "زرقاوي", "جرمان", "السعدي", "جمعة", "قدير", "عكاشة", "حسين"]
LATIN = [
    "KAMEL",
    "KAMAL",
    "DJAMEL",
    "GAMAL",
    "MEKKI",
    "MAKI",
    "ZARKAOUI",
    "ZARQAWI",
    "DJERMANE",
    "GERMAN",
    "ESSAADI",
    "SAIDI",
    "JOMAA",
    "JUMA",
    "GHEDEIR",
    "KADIR",
    "AKACHA",
    "OKASHA",
    "HASSINE",
    "HUSAIN",
]


def _entries() -> list[ListEntry]:
    return sample_persons(random_names(LATIN, 7, 80, (2, 3)))


def _queries() -> list[str]:
    return random_names(ARABIC, 8, 60, (2, 3))


def test_index_retrieves_every_consonant_match_the_score_admits() -> None:
    hits = index_hits(_entries(), _queries(), THRESHOLD)
    fired = sum(
        any(
            abjad_similarity(q, c) > token_similarity(q, c)
            for detail in found
            for q, c, _ in detail.pairs
        )
        for found in hits
    )
    assert fired >= len(_queries()) // 3  # the probes exercise the rule


def test_party_index_retrieves_consonant_matches() -> None:
    assert party_hits(_entries(), _queries(), THRESHOLD)
