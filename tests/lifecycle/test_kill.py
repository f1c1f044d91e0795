"""kill -9 at every stage of an update leaves the previous version current (or, after the
commit, the new one), the store consistent, and the next update completes the work."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from clearance.lifecycle.faults import STAGES
from clearance.lifecycle.parties import import_parties
from clearance.lifecycle.tables import alerts, rescreens
from clearance.lifecycle.update import update_source
from clearance.sources import parse_paths
from clearance.store import Store, open_store
from clearance.store.schema import list_entries, list_versions

from .conftest import Server, drop_rows, need

CHILD = (
    "import sys\n"
    "from clearance.store import open_store\n"
    "from clearance.lifecycle.update import update_source\n"
    "update_source(open_store(), 'us_bis_dpl', sys.argv[1])\n"
)
BEFORE_COMMIT = STAGES[: STAGES.index("commit") + 1]


def _state(store: Store) -> tuple[list[str], str | None, set[tuple[str, str, str]], int]:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        rows = list(conn.execute(select(list_versions).order_by(list_versions.c.id)))
        for row in rows:
            n = conn.execute(
                select(func.count()).where(list_entries.c.version_id == row.id)
            ).scalar()
            assert n == row.entry_count, f"{row.version}: {n} rows stored, {row.entry_count} stated"
        orphans = conn.execute(
            select(func.count()).where(list_entries.c.version_id.not_in([r.id for r in rows]))
        ).scalar()
        assert orphans == 0
        assert sum(1 for r in rows if r.is_current) == 1
        got = {(a.kind, a.party_id, a.entry_key) for a in conn.execute(select(alerts))}
        done = conn.execute(select(func.count()).select_from(rescreens)).scalar() or 0
    current = next(r.version for r in rows if r.is_current)
    return [r.version for r in rows], current, got, done


def test_kill_9_at_every_stage(
    home: Path, server: Server, lists_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dpl = need(lists_dir, "bis_dpl_2023-11.txt")
    newer = drop_rows(dpl, tmp_path / "served" / "dpl_new.txt", every=60)
    dropped = {e.name for e in parse_paths([dpl])[0].entries} - {
        e.name for e in parse_paths([newer])[0].entries
    }
    gone = sorted(dropped)[0]
    register = tmp_path / "parties.csv"
    register.write_text(f'id,name,country\nP1,"{gone.strip().title()}",US\nP2,Acme Widgets,GB\n')
    store = open_store()
    first = update_source(store, "us_bis_dpl", server.url(dpl.name))
    import_parties(store.engine, register)
    store.engine.dispose()
    template = tmp_path / "template"
    shutil.copytree(home, template)

    # reference: the same update without faults
    ref = update_source(store, "us_bis_dpl", server.url("dpl_new.txt"))
    versions, cur, expected, _ = _state(store)
    assert cur == ref.version and len(versions) == 2
    assert ("entry_removed", "P1") in {(k, p) for k, p, _ in expected}

    procs = {}
    for stage in STAGES:
        h = tmp_path / f"kill-{stage}"
        shutil.copytree(template, h)
        env = {**os.environ, "CLEARANCE_HOME": str(h), "CLEARANCE_FAULT_STAGE": stage}
        env.pop("CLEARANCE_DATABASE_URL", None)
        procs[stage] = subprocess.Popen(
            [sys.executable, "-c", CHILD, server.url("dpl_new.txt")],
            env=env,
            stderr=subprocess.PIPE,
        )
    for stage, proc in procs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == -9, f"{stage}: exit {proc.returncode}: {err.decode()[-2000:]}"
        h = tmp_path / f"kill-{stage}"
        monkeypatch.setenv("CLEARANCE_HOME", str(h))
        killed = open_store(f"sqlite:///{h / 'clearance.db'}")
        versions, cur, got, done = _state(killed)
        if stage in BEFORE_COMMIT:
            assert cur == first.version, stage
            assert versions == [first.version] and not got and done == 1, stage
        elif stage in ("imported", "rescreen"):
            assert cur == ref.version and done == 1 and not got, stage  # re-screen pending
        else:
            assert cur == ref.version and got == expected and done == 2, stage
        again = update_source(killed, "us_bis_dpl", server.url("dpl_new.txt"))
        assert again.version == ref.version, stage
        versions, cur, got, done = _state(killed)
        assert cur == ref.version and got == expected and done == 2, stage
        killed.engine.dispose()
