"""name-v2 reads a name written the Latvian way without its nominative endings
(:mod:`clearance.match.latvian`): ``Sergejs Lavrovs`` meets ``Sergey Viktorovich LAVROV``,
through both retrievals, and ``Collins Roberts`` is left as written."""

from __future__ import annotations

import pytest

from clearance.match.latvian import latvian_forms
from clearance.match.normalize import fold_text
from tests.core.retrieval import index_hits, party_hits, sample_entries, v2_score

THRESHOLD = 0.8


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Sergejs Lavrovs", "sergej lavrov"),
        ("Dmitrijs Medvedevs", "dmitrij medvedev"),
        ("Ramzans Kadirovs", "ramzan kadirov"),
        ("Jevgeņijs Prigožins", "jevgenij prigozin"),  # folded first
        ("Andrejs Kiselevs", "andrej kiselev"),
        ("LAVROVS, Sergejs", "lavrov sergej"),
    ],
)
def test_latvian_endings_are_taken_off(written: str, read: str) -> None:
    assert latvian_forms(fold_text(written)) == (read,)


@pytest.mark.parametrize(
    "name",
    [
        "Collins Roberts",  # -ins, -rs: too many other names end so
        "Vladimirs Putins",  # Latvian, but told by nothing only Latvian has
        "Lavrovs",  # one word
        "Hans Jones",
        "Ross Kuss",
        "Xinjiang Leon Telecom Technology and LAJS",  # an abbreviation
    ],
)
def test_other_names_are_left_as_written(name: str) -> None:
    assert latvian_forms(fold_text(name)) == ()


def test_a_latvian_spelling_meets_the_listed_name() -> None:
    assert v2_score("Sergejs Lavrovs", "Sergey Viktorovich LAVROV") >= THRESHOLD
    assert v2_score("Dmitrijs Medvedevs", "Dmitry Anatolyevich MEDVEDEV") >= THRESHOLD
    assert v2_score("Ramzans Kadirovs", "Ramzan Akhmatovich KADYROV") >= THRESHOLD
    # the ending is taken off, nothing else: another name stays another name
    assert v2_score("Sergejs Lavrovs", "Sergey Ivanovich LEBEDEV") < THRESHOLD


LISTED = [
    "Sergey Viktorovich LAVROV",
    "Dmitry Anatolyevich MEDVEDEV",
    "Ramzan Akhmatovich KADYROV",
    "Yevgeniy Viktorovich PRIGOZHIN",
    "Sergejs Dolgopolovs",  # a list may write a name the Latvian way too
]
QUERIES = [
    "Sergejs Lavrovs",
    "Dmitrijs Medvedevs",
    "Ramzans Kadirovs",
    "Jevgeņijs Prigožins",
    "Sergey Dolgopolov",
    "Collins Roberts",
]


def test_index_finds_every_latvian_hit_brute_force_does() -> None:
    hits = index_hits(sample_entries(LISTED), QUERIES, THRESHOLD)
    assert sum(1 for found in hits if found) >= 4
    assert not hits[-1]  # Collins Roberts


def test_party_index_finds_latvian_hits() -> None:
    assert party_hits(sample_entries(LISTED), QUERIES, THRESHOLD) >= 4
