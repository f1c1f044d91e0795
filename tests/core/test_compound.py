"""Words an abjad divides otherwise (``clearance.match.compound``, name-v2): a run of
adjacent words on one side for one word of the other, for a query whose vowels were
guessed; the screener's index and the delta re-screen's party index find every such
match brute force finds."""

from __future__ import annotations

import pytest

from clearance.match.compound import compound_similarity, runs
from clearance.match.matcher import get_matcher
from clearance.match.tokens import SKELETON_SIMILARITY
from clearance.model import ListEntry
from tests.core.retrieval import index_hits, party_hits, random_names, sample_persons

THRESHOLD = 0.8


def best(query: str, listed: str) -> float:
    v2 = get_matcher("name-v2")
    return max(v2.quick_score(q, c) for q in v2.variants(query) for c in v2.variants(listed))


@pytest.mark.parametrize(
    ("word", "listed", "similarity"),
    [
        ("sadiqmal", "siddiqmal", SKELETON_SIMILARITY),  # same consonants
        ("khudairahim", "khudairahim", 1.0),
        ("binalshayba", "binalshibh", SKELETON_SIMILARITY),
        ("alqaada", "qaida", 0.0),  # the query's article is no glued article of the list's
        ("mayashu", "maychou", SKELETON_SIMILARITY),  # ma yashu: MAYCHOU
        ("ama", "amah", 0.0),  # one consonant: too common
        ("sadiq", "siddiqmal", 0.0),
    ],
)
def test_compound_similarity(word: str, listed: str, similarity: float) -> None:
    assert compound_similarity(word, listed) == pytest.approx(similarity, abs=0.01)


def test_runs_leave_initials_alone() -> None:
    assert [j for _, _, j in runs(("bin", "al", "shibh"))] == ["binal", "binalshibh", "alshibh"]
    assert [j for _, _, j in runs(("m", "sadiq", "mal"))] == ["sadiqmal"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the UN list's original-script names and its Latin ones
        ("محمد قاسم میر ولی خدايرحيم", "MOHAMMED QASIM MIR WALI KHUDAI RAHIM"),
        ("محمد سرور صدیق مل", "MOHAMMAD SARWAR SIDDIQMAL"),
        ("رمزي محمد عبد الله بن الشيبة", "RAMZI MOHAMED ABDULLAH BINALSHIBH"),
        ("حسن ظاهرعويس", "HASSAN DAHIR AWEYS"),
        ("سيف الله بن عمر بن محمد بنحسين", "SEIFALLAH BEN OMAR BEN MOHAMED BEN HASSINE"),
        ("علي ما يشو", "ALI MAYCHOU"),
    ],
)
def test_an_abjad_name_divided_otherwise_matches(query: str, listed: str) -> None:
    assert best(query, listed) >= THRESHOLD


def test_only_for_guessed_vowels() -> None:
    # typed in Latin letters, the words are as the writer divided them
    assert best("mohammad sarwar sadiq mal", "MOHAMMAD SARWAR SIDDIQMAL") < THRESHOLD
    assert best("محمد سرور صدیق مل", "MOHAMMAD SARWAR SIDDIQMAL") >= THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # joined, the d of AHMAD and of DIYA would count once (each word adds a consonant)
        ("احمد ضیا آغا", "AHMED, A."),
        # the AL of ALI is no article glued to a run of the list's words
        ("امیر عبد الله", "SALIH, Ali Abd-Al-Amir Muhammad"),
    ],
)
def test_runs_that_say_nothing(query: str, listed: str) -> None:
    assert best(query, listed) < THRESHOLD


def test_explained_on_the_words_joined() -> None:
    v2 = get_matcher("name-v2")
    detail = max(
        (
            v2.score_names(q, c)
            for q in v2.variants("محمد سرور صدیق مل")
            for c in v2.variants("MOHAMMAD SARWAR SIDDIQMAL")
        ),
        key=lambda d: d.score,
    )
    assert detail.method.endswith("+compound")
    # one word of the query for the list's, joined from two (sdyq ml, sadiq mal)
    assert any(c == "siddiqmal" and q.endswith(("ml", "mal")) for q, c, _ in detail.pairs)


LATIN = [
    "KHUDAI RAHIM",
    "KHUDAIRAHIM",
    "SIDDIQ MAL",
    "SIDDIQMAL",
    "BIN AL SHIBH",
    "BINALSHIBH",
    "ABDUL RAHMAN",
    "ABDULRAHMAN",
    "DAHIR AWEYS",
    "MOHAMMAD",
    "SARWAR",
    "QASIM",
    "HASSAN",
    "RAMZI",
]
ARABIC = [
    "خدايرحيم",
    "خداي رحيم",
    "صدیق مل",
    "صديقمل",
    "بن الشيبة",
    "عبدالرحمن",
    "ظاهرعويس",
    "محمد",
    "سرور",
    "قاسم",
    "حسن",
    "رمزي",
]


def _entries() -> list[ListEntry]:
    return sample_persons(random_names(LATIN, 11, 80, (2, 3)), surname_alias=False)


def _queries() -> list[str]:
    return random_names(ARABIC, 12, 50, (2, 3))


def test_index_retrieves_every_compound_match_the_score_admits() -> None:
    hits = index_hits(_entries(), _queries(), THRESHOLD)
    fired = sum(any(d.method.endswith("+compound") for d in found) for found in hits)
    assert fired >= len(_queries()) // 5  # the probes exercise the rule


def test_party_index_retrieves_compound_matches() -> None:
    assert party_hits(_entries(), _queries(), THRESHOLD)
