"""Party forms stored at import: the index built from them equals one built from names."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from clearance.errors import UnreadableName
from clearance.lifecycle.parties import import_parties, load_parties
from clearance.lifecycle.party_forms import fingerprint, load_index
from clearance.lifecycle.party_index import PartyIndex
from clearance.lifecycle.tables import parties
from clearance.model import ListEntry
from clearance.store import Store

NAMES = [
    "Hangzhou Hikvision Digital Technology Co., Ltd.",
    "Huawei Technologies Co., Ltd. (Huawei)",
    "习近平",
    "Mohammed Al-Rashid",
    "Acme Widgets GmbH",
]


def test_stored_forms_round_trip_and_stale_ones_are_refreshed(
    store: Store, home: Path, tmp_path: Path
) -> None:
    reg = tmp_path / "reg.csv"
    reg.write_text(
        "id,name\n" + "".join(f'P{i},"{n}"\n' for i, n in enumerate(NAMES)), encoding="utf-8"
    )
    import_parties(store.engine, reg)
    with store.engine.connect() as conn:
        fps = {r.forms_fp for r in conn.execute(select(parties.c.forms_fp))}
    assert fps == {fingerprint()}
    stored = load_index(store.engine, 0.8)
    fresh = PartyIndex(load_parties(store.engine), 0.8)
    assert [(f.tokens, f.legal, f.derived, f.weights) for f in stored.forms] == [
        (f.tokens, f.legal, f.derived, f.weights) for f in fresh.forms
    ]
    entry = ListEntry("t", "1", "EL", "Entity List", "company", "Huawei Technologies Co Ltd")
    assert set(stored.match_entry(entry, 0.8)) == set(fresh.match_entry(entry, 0.8)) != set()

    cache = list((home / "cache").glob("party_index-*.marshal"))
    assert len(cache) == 1  # the built index is cached; the next load reads it back
    assert [f.tokens for f in load_index(store.engine, 0.8).forms] == [
        f.tokens for f in fresh.forms
    ]
    with store.engine.begin() as conn:  # as if written by an older normaliser
        conn.execute(update(parties).values(forms='[[["stale"],[],false,[1.0]]]', forms_fp="old"))
    # a new normaliser changes the fingerprint, hence the cache key; editing the rows by
    # hand does not, so drop the cache as the fingerprint change would
    cache[0].unlink()
    again = load_index(store.engine, 0.8)
    assert [f.tokens for f in again.forms] == [f.tokens for f in fresh.forms]
    with store.engine.connect() as conn:
        assert {r.forms_fp for r in conn.execute(select(parties.c.forms_fp))} == {fingerprint()}


def test_a_party_name_without_forms_fails_the_import(store: Store, tmp_path: Path) -> None:
    reg = tmp_path / "reg.csv"
    reg.write_text('id,name\nP1,"Acme Widgets GmbH"\nP2,"ហ៊ុន សែន"\n', encoding="utf-8")
    with pytest.raises(UnreadableName, match=r"reg.csv: party 'P2': name: 'ហ៊ុន សែន' has nothing"):
        import_parties(store.engine, reg)
    assert load_parties(store.engine) == []  # one transaction: nothing imported


def test_a_stored_party_without_forms_fails_the_index(store: Store, tmp_path: Path) -> None:
    reg = tmp_path / "reg.csv"
    reg.write_text('id,name\nP1,"Acme Widgets GmbH"\nP2,"Hun Sen"\n', encoding="utf-8")
    import_parties(store.engine, reg)
    with store.engine.begin() as conn:  # as an import before unreadable names were refused
        conn.execute(
            update(parties).where(parties.c.party_id == "P2").values(name="ហ៊ុន សែន", forms="[]")
        )
    with pytest.raises(UnreadableName, match=r"^party 'P2': name: 'ហ៊ុន សែន' has nothing"):
        load_index(store.engine, 0.8)
