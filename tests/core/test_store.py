"""The versioned store: all-or-nothing imports, immutable versions, as-of, fail closed.

Runs on SQLite and on PostgreSQL (skipped with the reason when no server answers).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clearance.errors import ListsUnavailable
from clearance.model import ListEntry, ParsedList, SourceFile
from clearance.store import open_store


def entry(source_id: str, name: str, listed: str | None) -> ListEntry:
    return ListEntry(
        source="us_csl",
        source_id=source_id,
        list_code="EL",
        list_name="Entity List (EL) - Bureau of Industry and Security",
        entity_type="company",
        name=name,
        aliases=("Alias " + name,),
        countries=("CN",),
        start_date=date.fromisoformat(listed) if listed else None,
    )


def parsed(entries: list[ListEntry], sha: str = "a" * 64, published: date | None = None):
    return ParsedList("us_csl", [SourceFile("csl.csv", sha, 100)], entries, published)


def test_empty_store_fails_closed(store_url: str) -> None:
    with pytest.raises(ListsUnavailable, match="no list versions imported"):
        open_store(store_url).snapshot()


def test_import_round_trips_entries_and_provenance(store_url: str) -> None:
    store = open_store(store_url)
    e = entry("x1", "Hangzhou Hikvision Digital Technology Co., Ltd.", "2019-10-09")
    ref = store.import_parsed(parsed([e, entry("x2", "Other Co", None)]))
    assert ref.entries == 2 and ref.source == "us_csl" and len(ref.sha256) == 64
    snap = store.snapshot()
    assert snap.entries[0] == e
    assert [v.version for v in snap.versions] == [ref.version]


def test_same_content_imports_once(store_url: str) -> None:
    store = open_store(store_url)
    first = store.import_parsed(parsed([entry("x1", "A Co", None)]))
    again = store.import_parsed(parsed([entry("x1", "A Co", None)]))
    assert first.version == again.version
    assert len(store.versions()) == 1


def test_new_version_becomes_current_and_old_one_stays(store_url: str) -> None:
    store = open_store(store_url)
    store.import_parsed(parsed([entry("x1", "A Co", None)], "a" * 64, date(2022, 1, 1)))
    new = store.import_parsed(parsed([entry("x2", "B Co", None)], "b" * 64, date(2022, 5, 1)))
    assert [e.name for e in store.snapshot().entries] == ["B Co"]
    assert [v.version for v in store.snapshot().versions] == [new.version]
    old = store.snapshot(as_of=date(2022, 2, 1))
    assert [e.name for e in old.entries] == ["A Co"] and not old.notes


def test_as_of_before_any_version_reconstructs_and_says_so(store_url: str) -> None:
    store = open_store(store_url)
    store.import_parsed(
        parsed(
            [
                entry("hik", "Hangzhou Hikvision Digital Technology Co., Ltd.", "2019-10-09"),
                entry("old", "Listed Long Ago Co", "2010-01-01"),
                entry("undated", "No Date Co", None),
            ],
            published=date(2022, 5, 16),
        )
    )
    before = store.snapshot(as_of=date(2019, 10, 1))
    assert sorted(e.source_id for e in before.entries) == ["old", "undated"]
    assert before.versions[0].reconstructed
    assert "reconstructed" in before.notes[0] and "cannot be seen" in before.notes[0]
    after = store.snapshot(as_of=date(2019, 10, 10))
    assert "hik" in {e.source_id for e in after.entries}


def test_failed_import_leaves_nothing(store_url: str) -> None:
    store = open_store(store_url)
    good = entry("x1", "A Co", None)
    broken = replace(good, source_id="y" * 500)  # longer than the column allows on PostgreSQL
    bad = parsed([good, broken], "c" * 64)
    bad.entries.append(object())  # type: ignore[arg-type]  # fails while serialising
    with pytest.raises(Exception):  # noqa: B017 - any failure must roll back
        store.import_parsed(bad)
    assert store.versions() == []


def test_stale_lists_fail_closed(store_url: str) -> None:
    store = open_store(store_url)
    store.import_parsed(parsed([entry("x1", "A Co", None)], published=date(2020, 1, 1)))
    with pytest.raises(ListsUnavailable, match="older than --max-list-age"):
        store.snapshot(max_age_days=30, today=date(2020, 3, 1))
    assert store.snapshot(max_age_days=90, today=date(2020, 3, 1)).entries
