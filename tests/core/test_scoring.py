"""Scorer name-v1 and its index: bounds, invariances, and the index losing nothing."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.hits import Query
from clearance.match.name_v1 import score_names
from clearance.match.normalize import name_variants
from clearance.screening import Screener

NAMES = st.text(alphabet=st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=30)


@settings(max_examples=400, deadline=None)
@given(NAMES, NAMES)
def test_scores_are_in_unit_interval(a: str, b: str) -> None:
    for qa in name_variants(a):
        for qb in name_variants(b):
            assert 0.0 <= score_names(qa, qb).score <= 1.0


def test_person_name_order_does_not_matter() -> None:
    q = name_variants("Vladimir Putin")[0]
    c = name_variants("PUTIN, Vladimir")[0]
    assert score_names(q, c).score == 1.0


def test_common_words_alone_do_not_alert() -> None:
    sample = Screener.sample()
    assert not sample.screen(Query("Technology Company Limited")).hits
    assert not sample.screen(Query("Digital Technology")).hits


def test_every_hit_explains_itself() -> None:
    hit = Screener.sample().screen(Query("Huawei Technolgies", country="CN")).hits[0]
    ex = hit.explanation
    assert ex["matcher"] == "name-v2" and ex["query_name"] == "Huawei Technolgies"
    pair = next(p for p in ex["pairs"] if p["query"] == "technolgy")
    assert pair["candidate"] == "technology" and 0.8 <= pair["similarity"] < 1.0
    assert ex["qualifiers"]["country"]["effect"] == "match"


SAMPLE = Screener.sample()
COMPANIES = [e.name for e in SAMPLE.index.entries if e.entity_type != "person"]


def _top(name: str) -> tuple[str, float] | None:
    hits = SAMPLE.screen(Query(name)).hits
    return (hits[0].entry.source_id, round(hits[0].score, 6)) if hits else None


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(COMPANIES), st.data())
def test_case_invisible_characters_and_word_order_do_not_change_screening(
    name: str, data: st.DataObject
) -> None:
    expected = _top(name)
    assert expected is not None
    assert _top(name.upper()) == expected
    assert _top(name.lower()) == expected
    pos = data.draw(st.integers(0, len(name)))
    zw = data.draw(st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]))
    assert _top(name[:pos] + zw + name[pos:]) == expected
    words = [w for w in name_variants(name)[0].tokens]
    random.Random(data.draw(st.integers(0, 10**6))).shuffle(words)
    shuffled = " ".join(words) + " " + " ".join(name_variants(name)[0].legal)
    hits = SAMPLE.screen(Query(shuffled)).hits
    assert hits and hits[0].score >= expected[1] - 0.03  # only a derived-form penalty may differ
