"""The batch engine gives, row for row, what screening each query on its own gives.

``screen_rows`` screens a repeated name once, forks workers that send back only each row's
hit, and explains only that hit; ``Screener.screen`` explains only the hits it returns.
These tests hold both to the plain definitions: one ``Screener.screen`` per query (limit
1000) through ``result_row``, and every hit explained from ``NameIndex.search``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from clearance.batch import result_row, screen_rows
from clearance.errors import InputError, UnreadableName
from clearance.hits import ListVersionRef, Query
from clearance.match.matcher import DEFAULT
from clearance.screening import Screener, _qualifiers
from clearance.sources import parse_paths
from clearance.store import Snapshot

from ..conftest import need

pytestmark = pytest.mark.slow

SDN = [f"ofac_sdn_2021-07_{p}.csv" for p in ("sdn", "add", "alt", "sdn_comments")]


@pytest.fixture(scope="module")
def screener(lists_dir: Path) -> Screener:
    parsed = parse_paths([need(lists_dir, n) for n in SDN])[0]
    ref = ListVersionRef(parsed.source, "test-version", "0" * 64, None, "test", len(parsed.entries))
    return Screener(Snapshot(entries=parsed.entries, versions=[ref], as_of=None))


def _typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, max(2, len(name) - 1))
    return name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]


def _initial(name: str, rng: random.Random) -> str:
    words = name.replace(",", " ").split()
    if len(words) > 1:
        i = rng.randrange(len(words))
        words[i] = words[i][0] + "."
    return " ".join(words)


def _queries(screener: Screener, n: int = 600) -> list[Query]:
    """Listed names as written, with a typo, with an initial, upper-cased and mixed with
    other listed words; repeats; some with a country or a type."""
    rng = random.Random(7)
    entries = rng.sample(screener.index.entries, n // 4)
    words = [w for e in entries for w in e.name.replace(",", " ").split()]
    names = [e.name for e in entries[: n // 8]]
    names += [_typo(e.name, rng) for e in entries]
    names += [_initial(rng.choice(e.names), rng) for e in entries[: n // 8]]
    names += [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(n // 4)]
    names += [name.upper() for name in rng.sample(names, n // 20)]
    names += [rng.choice(names) for _ in range(n - len(names))]
    rng.shuffle(names)
    queries = []
    for i, name in enumerate(names):
        roll = rng.random()
        country = rng.choice(("IR", "RU", "CU", "US")) if roll < 0.2 else None
        kind = rng.choice(("person", "company", "vessel")) if 0.1 < roll < 0.3 else None
        queries.append(Query(name=name, country=country, entity_type=kind, id=f"r{i}"))
    return queries


def _eager_hits(screener: Screener, query: Query, threshold: float) -> list[dict[str, Any]]:
    """Every hit explained from ``NameIndex.search`` and ranked: what ``screen`` returns."""
    found = screener.index.search(DEFAULT.variants(query.name), threshold)
    ranked = []
    for entry_id, (score, name_id, qform, detail) in found.items():
        entry = screener.index.entries[entry_id]
        name = screener.index.names[name_id]
        qualifiers, adjust = _qualifiers(query, entry)
        explanation = {
            "matcher": screener.matcher,
            "query_name": query.name,
            "query_form": " ".join(qform.tokens),
            "matched_name": name.original,
            "matched_form": " ".join(name.tokens),
            "name_score": round(score, 4),
            **detail.explain(),
            "qualifiers": qualifiers,
        }
        hit = {"id": entry.source_id, "score": score, "explanation": explanation}
        ranked.append((score + adjust, score, entry.list_code, entry.source_id, hit))
    ranked.sort(key=lambda x: (-x[0], -x[1], x[2], x[3]))
    return [r[-1] for r in ranked]


def test_screen_explains_the_hits_it_returns(screener: Screener) -> None:
    queries = _queries(screener, 200)
    with_hits = 0
    for query in queries:
        for limit in (1, 10):
            result = screener.screen(query, limit=limit)
            got = [
                {"id": h.entry.source_id, "score": h.score, "explanation": h.explanation}
                for h in result.hits
            ]
            assert got == _eager_hits(screener, query, screener.threshold)[:limit], query
        best, count = screener.screen_first(query)
        assert count == len(_eager_hits(screener, query, screener.threshold))
        assert (best is None) == (count == 0)
        with_hits += count > 0
    assert with_hits > 50


@pytest.mark.parametrize("workers", [1, 2])
def test_rows_are_those_of_one_screening_per_query(
    screener: Screener, workers: int, monkeypatch: Any
) -> None:
    monkeypatch.setattr("clearance.batch.CHUNK", 50)
    queries = _queries(screener)
    expected = [result_row(screener.screen(q, 0.75, limit=1000)) for q in queries]
    done: list[int] = []
    rows = list(screen_rows(screener, queries, 0.75, workers=workers, progress=done.append))
    assert rows == expected
    assert sum(done) == len(queries)
    assert sum(r["matched"] for r in rows) > 100
    assert len({q.name for q in queries}) < len(queries)  # repeats were screened once


def test_rows_in_input_order_across_chunks(screener: Screener, monkeypatch: Any) -> None:
    monkeypatch.setattr("clearance.batch.CHUNK", 7)
    queries = _queries(screener, 120)
    expected = [result_row(screener.screen(q, None, limit=1000)) for q in queries]
    assert list(screen_rows(screener, queries, workers=2)) == expected
    assert list(screen_rows(screener, [], workers=2)) == []


def test_invalid_query_fails_the_batch(screener: Screener, monkeypatch: Any) -> None:
    monkeypatch.setattr("clearance.batch.CHUNK", 1)
    queries = [Query("Ali Hassan", id="1"), Query("Ali Hassan", entity_type="ship", id="2")]
    with pytest.raises(InputError, match="type"):
        list(screen_rows(screener, queries * 3000, workers=2))


KHMER = "ហ៊ុន សែន"  # Hun Sen in Khmer, a script the matcher cannot transliterate


def test_an_unreadable_name_fails_closed_not_unmatched(screener: Screener) -> None:
    with pytest.raises(UnreadableName, match="nothing the matcher can read") as info:
        screener.screen(Query(KHMER))
    assert info.value.name == KHMER
    with pytest.raises(UnreadableName, match="nothing the matcher can read"):
        screener.screen(Query("--- ..."))  # no letters at all


def test_an_unreadable_name_stops_the_batch_naming_its_row(
    screener: Screener, monkeypatch: Any
) -> None:
    monkeypatch.setattr("clearance.batch.CHUNK", 5)
    queries = [Query("Ali Hassan", id=str(i)) for i in range(40)]
    queries[23] = Query(KHMER, id="row-24")
    for workers in (1, 2):  # the error crosses the worker processes whole
        with pytest.raises(UnreadableName, match=r"^id 'row-24': name: 'ហ៊ុន សែន' has nothing"):
            list(screen_rows(screener, queries, workers=workers))
