"""The lifecycle on PostgreSQL: update, refusal, delta re-screen, in a private schema."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from clearance.lifecycle.alerts_query import list_alerts
from clearance.lifecycle.parties import import_parties
from clearance.lifecycle.sanity import UpdateRefused
from clearance.lifecycle.update import update_source
from clearance.store import Store, open_store

from .conftest import Server, drop_rows, need

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture()
def pg_store(home: Path) -> Iterator[Store]:
    schema = f"lc_{uuid.uuid4().hex[:12]}"
    try:
        admin = create_engine(PG, connect_args={"connect_timeout": 2})
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        print(f"PostgreSQL not answering at {PG}: {exc}")
        pytest.skip(f"PostgreSQL not answering at {PG}")
    store = open_store(f"{PG}?options=-csearch_path%3D{schema}")
    try:
        yield store
    finally:
        store.engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_update_and_rescreen_on_postgres(
    pg_store: Store, server: Server, lists_dir: Path, tmp_path: Path
) -> None:
    dpl = need(lists_dir, "bis_dpl_2023-11.txt")
    first = update_source(pg_store, "us_bis_dpl", server.url(dpl.name))
    (tmp_path / "reg.csv").write_text(
        "id,name\nP1,Aaron Abraham Villa\nP2,I. Ash\n", encoding="utf-8"
    )
    import_parties(pg_store.engine, tmp_path / "reg.csv")
    drop_rows(dpl, tmp_path / "served" / "third.txt", every=3)
    with pytest.raises(UpdateRefused, match="lost"):
        update_source(pg_store, "us_bis_dpl", server.url("third.txt"))
    assert [r.version for r in pg_store.versions() if r.is_current] == [first.version]
    # row 0 (" I. ASH") and every 60th row are dropped; AARON ABRAHAM VILLA (row 1) is kept
    drop_rows(dpl, tmp_path / "served" / "new.txt", every=60)
    second = update_source(pg_store, "us_bis_dpl", server.url("new.txt"))
    assert second.outcome == "imported" and second.rescreen["removed"] > 0
    assert [r.version for r in pg_store.versions() if r.is_current] == [second.version]
    got = {(a["kind"], a["party_id"], a["entry_name"]) for a in list_alerts(pg_store.engine)}
    # the DPL has two rows for I. ASH (one row per address): one was dropped, so the
    # entry (the group of rows under one key) changed rather than disappeared
    assert ("entry_changed", "P2", "I. ASH") in got
    assert not any(p == "P1" for _, p, _ in got)  # unchanged entries raise no alert
