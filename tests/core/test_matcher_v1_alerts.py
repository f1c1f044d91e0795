"""name-v1 false-alert rules: entity kind on the list side, strict single-token names,
Korean legal forms and company words, legal-form typos."""

from __future__ import annotations

from dataclasses import replace

from clearance.match.name_v1 import quick_score
from clearance.match.normalize import name_variants
from clearance.match.tokens import strict_similarity, token_similarity

THRESHOLD = 0.80


def _best(query: str, listed: str, kind: str = "") -> float:
    return max(
        quick_score(q, replace(c, kind=kind))
        for q in name_variants(query)
        for c in name_variants(listed)
    )


def test_one_part_of_a_person_name_is_weak() -> None:
    assert _best("Simon", "Simon Du", kind="person") < THRESHOLD
    assert _best("Diaz LLC", "DIAZ, Manuel", kind="person") < THRESHOLD
    assert _best("Manuel Diaz", "DIAZ, Manuel", kind="person") == 1.0
    # an organisation keeps matching on its distinctive word
    assert _best("Huawei", "Huawei Technologies Co., Ltd.") >= THRESHOLD


def test_a_legal_form_is_no_person_or_vessel() -> None:
    assert _best("Lucas S.A.S.", "LUCAS", kind="person") < THRESHOLD
    assert _best("Daniel S.A.S.", "DANIEL", kind="object") < THRESHOLD
    assert _best("Lucas S.A.S.", "LUCAS") >= THRESHOLD


def test_a_single_distinctive_token_gets_no_phonetic_allowance() -> None:
    assert _best("Pages", "PEGAS") < THRESHOLD
    assert _best("Finke KG", "FIANGA") < THRESHOLD
    assert _best("Vldmr Putin", "Vladimir Putin") >= THRESHOLD  # vowel drop kept
    for a, b in [("pages", "pegas"), ("vldmr", "vladimir"), ("huawey", "huawei")]:
        assert strict_similarity(a, b) <= token_similarity(a, b)


def test_korean_legal_forms_and_company_words() -> None:
    forms = [(v.tokens, v.legal) for v in name_variants("(주) 라온")]
    assert forms == [(("raon",), ("llc",))]
    assert _best("단군무역회사", "Dangun Trading Corporation") >= THRESHOLD
    assert _best("박봉주", "Pak Pong Ju") >= THRESHOLD
    assert _best("조선희", "Jo Son Hui") >= THRESHOLD  # three syllables: a person


def test_bracketed_legal_form_is_no_name() -> None:
    tokens = [v.tokens for v in name_variants("CHINA COMMUNICATIONS CONSTRUCTION GROUP (LIMITED)")]
    assert ("llc",) not in tokens


def test_legal_form_typos_and_particles() -> None:
    assert _best("ADMINCHECK LIMoTED", "ADMINCHECK LIMITED") >= THRESHOLD
    assert _best("BLISSEY PANAMA ImC.", "BLISSEY PANAMA INC.") >= THRESHOLD
    assert _best("CHAD bin Mustapha", "CHAD, Mustapha") >= THRESHOLD
