"""Acceptance over the real official files in ../shared: counts, self-match, Huawei, as-of."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clearance.hits import Query
from clearance.match.matcher import DEFAULT
from clearance.screening import Screener
from clearance.sources import parse_paths
from clearance.store import Store, open_store

pytestmark = pytest.mark.slow

FILES = {
    "us_csl": ["us_trade_csl_consolidated_2022-05.csv.gz"],
    "us_ofac_sdn": [f"ofac_sdn_2021-07_{p}.csv" for p in ("sdn", "add", "alt", "sdn_comments")],
    "us_ofac_cons": [f"ofac_cons_2025-12_cons_{p}.csv" for p in ("prim", "add", "alt", "comments")],
    "us_bis_dpl": ["bis_dpl_2023-11.txt"],
    "un_sc": ["un_sc_consolidated_2026-02-27.xml"],
}
# PROVENANCE.md of ../shared/data/lists
EXPECTED = {
    "us_csl": 14160,
    "us_ofac_sdn": 8976,
    "us_ofac_cons": 442,
    "us_bis_dpl": 665,
    "un_sc": 1003,
}


@pytest.fixture(scope="module")
def store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("full") / "store.db"
    store = open_store(f"sqlite:///{db}")
    for names in FILES.values():
        for parsed in parse_paths([shared_dir / n for n in names]):
            store.import_parsed(parsed)
    return store


@pytest.fixture(scope="module")
def csl(store: Store) -> Screener:
    return Screener.from_store(store, sources=["us_csl"])


def test_every_list_imports_with_the_counts_of_provenance(store: Store) -> None:
    counts = {row.source: row.entry_count for row in store.versions()}
    assert counts == EXPECTED


def test_huawei_returns_the_whole_listed_family(csl: Screener) -> None:
    hits = csl.screen(Query("Huawei"), limit=1000).hits
    el = [h for h in hits if h.entry.list_code == "EL"]
    assert len(el) == 136
    assert all("huawei" in h.entry.name.lower() for h in el)


ROWS_NAMED = {"Huawei Technologies Co., Ltd. (Huawei)", "Huawei Technologies Co., Ltd."}


@pytest.mark.parametrize("name", ["Huawei Technologies Co., Ltd.", "华为技术有限公司"])
def test_huawei_technologies_rows_are_the_top_hits(csl: Screener, name: str) -> None:
    hits = csl.screen(Query(name), limit=200).hits
    best = hits[0].score
    top = {h.entry.source_id for h in hits if h.score == best}
    named = {h.entry.source_id for h in hits if h.entry.name in ROWS_NAMED}
    assert len(named) == 3 and named <= top


def test_as_of_hikvision_listed_2019_10_09(store: Store) -> None:
    name = "Hangzhou Hikvision Digital Technology Co., Ltd."
    after = Screener.from_store(store, as_of=date(2019, 10, 10), sources=["us_csl"])
    before = Screener.from_store(store, as_of=date(2019, 10, 1), sources=["us_csl"])
    assert any(h.entry.list_code == "EL" for h in after.screen(Query(name)).hits)
    result = before.screen(Query(name))
    assert not any(h.entry.list_code == "EL" for h in result.hits)
    assert result.lists[0].reconstructed and "reconstructed" in result.notes[0]


def test_every_csl_name_and_alias_finds_its_own_entry_on_top(csl: Screener) -> None:
    """Self-match over the whole list, not a sample: ties with same-named entries are fine."""
    index = csl.index
    failures = []
    for entry_id, entry in enumerate(index.entries):
        for name in entry.names:
            found = index.search(DEFAULT.variants(name), csl.threshold)
            own = found.get(entry_id)
            best = max((v[0] for v in found.values()), default=0.0)
            if own is None or own[0] < best:
                failures.append((entry.source_id, name, own and own[0], best))
    assert failures == []


def test_index_loses_nothing_the_exhaustive_comparison_finds(csl: Screener) -> None:
    """Retrieval vs brute force over every indexed name, for perturbed list names."""
    index = csl.index
    queries = [
        "Huawey Technolgies",
        "Hikvison Digital",
        "Vladmir Putin",
        "Mohamad Ali Hasan",
        "Islamic Revolutionary Guards",
        "Rosoboronexport",
        "BANCO NACIONAL CUBA",
        "Kim Jong-un",
        "Shenzhen Huawei",
        "Zhong Xing Telecommunication",
        "Sberbank Rossii",
        "Al Qaida",
        "Hezbollah",
        "Mahan Air",
        "Tornado Cash",
    ]
    for query in queries:
        variants = DEFAULT.variants(query)
        fast = {e: round(v[0], 9) for e, v in index.search(variants, 0.8).items()}
        slow = {e: round(v, 9) for e, v in index.exhaustive(variants, 0.8).items()}
        assert fast == slow, query
