"""Which script's rules give a name its extra spellings (clearance.match.script_forms)."""

from __future__ import annotations

import pytest

from clearance.match.script_forms import script_forms

MAX_FORMS = 4


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("سميرة الشاهبندر", "samira al shahbandar"),
        ("金正恩", "kim jong un"),
        ("成都海光集成电路设计有限公司", "chengdu haiguang integrated circuit design co ltd"),
        ("דוד", "david"),
        ("Αλέξανδρος", "alexandr"),
        ("박지성", "park ji sung"),  # Hangul: the popular South Korean spelling
    ],
)
def test_each_script(name: str, first: str) -> None:
    forms = script_forms(name)
    assert forms[0] == first
    assert len(forms) <= MAX_FORMS
    assert all(f.isascii() for f in forms)


@pytest.mark.parametrize("name", ["", "Kim Jong Un", "Владимир Путин", "주식회사 에코", "習近平"])
def test_nothing_to_add(name: str) -> None:
    assert script_forms(name) == []
