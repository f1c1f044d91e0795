"""Greek endings dropped and Hebrew names the Israeli way (clearance.match.greek_hebrew)."""

from __future__ import annotations

import pytest

from clearance.match.greek_hebrew import greek_forms, hebrew_forms
from clearance.match.matcher import get_matcher

THRESHOLD = 0.80
V2 = get_matcher("name-v2")


def score(query: str, listed: str) -> float:
    return max(V2.quick_score(q, c) for q in V2.variants(query) for c in V2.variants(listed))


@pytest.mark.parametrize(
    ("original", "forms"),
    [
        ("Αλέξανδρος", ["alexandr"]),
        ("Κωνσταντίνος Παπαδόπουλος", ["konstantin papadopoul"]),
        ("Ιωάννης", ["ioanni"]),
        ("Νίκος", []),  # the stem would be three letters
        ("Ελένη", []),  # no ending to drop
        ("Alexandros", []),
    ],
)
def test_greek_forms(original: str, forms: list[str]) -> None:
    assert greek_forms(original) == forms


@pytest.mark.parametrize(
    ("original", "forms"),
    [
        ("דוד", ["david"]),
        ("בנימין נתניהו", ["binyamin netanyahu"]),
        ("משה כהן", ["moshe cohen"]),
        ("דוד גרוס", ["david grws"]),  # a word not in the table keeps ICU's spelling
        ("סארה רוט", []),  # no word in the table: no guessed vowels
        ("David", []),
    ],
)
def test_hebrew_forms(original: str, forms: list[str]) -> None:
    assert hebrew_forms(original) == forms


@pytest.mark.parametrize(
    ("original", "latin"),
    [
        ("Αλέξανδρος", "Alexander"),
        ("Κωνσταντίνος", "Konstantin"),
        ("דוד", "David"),
        ("יוסף כהן", "Yosef Cohen"),
    ],
)
def test_reach_the_listed_name(original: str, latin: str) -> None:
    assert score(original, latin) >= THRESHOLD


@pytest.mark.parametrize(
    ("original", "latin"),
    [("Αλέξανδρος", "Alexandra Petrova"), ("דוד", "Dawood Ibrahim"), ("סארה רוט", "RTV SYRIA")],
)
def test_no_alert(original: str, latin: str) -> None:
    assert score(original, latin) < THRESHOLD
