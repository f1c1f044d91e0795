"""name-v2: another romanisation of a name is not the approximate match a typing error
is (:mod:`clearance.match.respelt`): ``Moammar Qaddafi`` meets a listed ``Muammar
Gaddafi`` as ``Muammar Qaddafi`` would, less the words" similarity, without the fuzzy
penalties; the index, which bounds scores before any penalty, still finds every hit."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clearance.match import name_v2
from clearance.match.respelt import respelt, romanised
from clearance.match.v2_evidence import approximate
from clearance.model import ListEntry

from .retrieval import index_hits, party_hits, random_names, sample_persons

THRESHOLD = 0.8


def v2(query: str, listed: str) -> tuple[float, str]:
    return max(
        (d.score, d.method)
        for q in name_v2.name_variants(query)
        for c in name_v2.name_variants(listed)
        for d in [name_v2.score_names(q, replace(c, kind="person"))]
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("qaddafi", "gaddafi"),  # qaf read g in Libya
        ("qadhafi", "kadafi"),  # dh for dhal, doubled letters once
        ("moammar", "muammar"),  # vowels guessed
        ("rohani", "rouhani"),  # French ou
        ("mahmood", "mahmoud"),
        ("ahmadinezhad", "ahmadinejad"),  # Persian zh
        ("selenskyj", "zelenskyy"),  # German and English transliterations of Cyrillic
        ("wolodymyr", "volodymyr"),
        ("mohammed", "muhammad"),
        ("rashid", "rasheed"),
        ("ali", "aly"),
        ("abdullah", "abdallah"),
        ("laden", "ladin"),
    ],
)
def test_other_romanisations_of_one_name(a: str, b: str) -> None:
    assert romanised(a) == romanised(b) and respelt(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("mario", "maria"),  # a final vowel is a letter of its own
        ("carney", "cooney"),  # vowels keep their place
        ("khan", "han"),  # kh is a letter of its own
        ("yong", "jong"),  # Korean: y before a vowel is no j
        ("raj", "rai"),  # a final j is a letter but in Slavic -yj, -ij
        ("sechin", "sechev"),  # a typing error stays one
        ("diana", "dana"),  # vowels that are no alternates: Western names apart
        ("alain", "allen"),
        ("anne", "one"),
        ("kabus", "kibis"),
        ("han", "hein"),  # one syllable: the vowel is most of the name
        ("wen", "win"),
        ("jong", "jung"),
        ("smith", "smith"),  # the same spelling is no other one
        ("a", "a"),
    ],
)
def test_different_names_or_spellings(a: str, b: str) -> None:
    assert not respelt(a, b)


def test_a_respelling_is_not_approximate_but_a_typing_error_is() -> None:
    assert not approximate("qaddafi", "gaddafi", 0.88)
    assert approximate("sechev", "sechin", 0.8)


def test_in_a_name_in_pinyin_another_vowel_is_another_syllable() -> None:
    assert respelt("dejin", "dijin")  # de jin, di jin
    assert approximate("dejin", "dijin", 0.8, pinyin=True)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Moammar Qaddafi", "Muammar Gaddafi"),
        ("Hasan Rohani", "Hassan Rouhani"),
        ("Mahmood Ahmadinezhad", "Mahmoud Ahmadinejad"),
        ("Wolodymyr Selenskyj", "ZELENSKYY, Volodymyr"),
        ("Osama bin Laden", "USAMA BIN LADIN"),  # laden, ladin: pinyin syllables too
    ],
)
def test_respelt_names_alert(query: str, listed: str) -> None:
    # each was multiplied by FUZZY_EXTRA as a name whose every word is approximate
    score, method = v2(query, listed)
    assert score >= THRESHOLD and method == "token_alignment", (score, method)


@pytest.mark.parametrize(
    "query", ["Zhang Dejin", "Zhang\u00a0Dejin", "Zhang Dejin\u200b", "Zhāng Déjīn"]
)
def test_a_name_in_pinyin_keeps_the_penalty_however_written(query: str) -> None:
    # zhang/zheng and dejin/dijin are respelt, but in pinyin a vowel is a syllable
    assert v2(query, "ZHENG DIJIN")[1] == "all_fuzzy"


def test_typing_errors_in_every_word_keep_their_penalty() -> None:
    assert v2("Jhon Smiht", "John Smith")[1] == "all_fuzzy"  # letters swapped
    assert v2("Bob Wilson", "Robert Olson")[1] == "all_fuzzy"  # a nickname, an edit


LATIN = [
    "muammar",
    "qaddafi",
    "hassan",
    "rouhani",
    "mahmoud",
    "ahmadinejad",
    "volodymyr",
    "zelenskyy",
    "rashid",
    "ahmad",
    "mohammed",
    "karim",
    "jamil",
    "abdullah",
    "osama",
    "usama",
    "mario",
    "maria",
    "yong",
    "son",
]
RESPELT = [
    "moammar",
    "gaddafi",
    "kadafi",
    "qadhafi",
    "hasan",
    "rohani",
    "mahmood",
    "ahmadinezhad",
    "wolodymyr",
    "selenskyj",
    "rasheed",
    "muhammad",
    "kareem",
    "jamiel",
    "abdallah",
    "usamah",
    "marios",
    "jong",
]


def _entries() -> list[ListEntry]:
    return sample_persons(random_names(LATIN, 11, 80, (2, 3)))


def _queries() -> list[str]:
    return random_names(LATIN + RESPELT, 12, 80, (2, 3, 4))


def test_index_finds_every_respelt_hit_brute_force_does() -> None:
    hits = index_hits(_entries(), _queries(), THRESHOLD)
    fired = sum(
        any(respelt(q, c) for detail in found for q, c, _ in detail.pairs) for found in hits
    )
    assert fired >= 10  # the probes exercise the rule


def test_party_index_finds_respelt_hits() -> None:
    assert party_hits(_entries(), _queries(), THRESHOLD)
