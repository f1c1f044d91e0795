"""The audit chain: verify names the first edited, deleted or reordered record; export."""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import date

from sqlalchemy import text

from clearance.service import audit, export
from clearance.service.verify import verify

from .conftest import Env

NAMES = ["Huawei Technologies", "KIM, Jong Un", "Acme", "Hikvision", "I. ASH"]


def _screen(env: Env, names: list[str]) -> list[str]:
    ids = []
    for name in names:
        r = env.client.post("/v1/screen", json={"name": name}, headers=env.auth("screener"))
        assert r.status_code == 200, r.text
        ids.append(r.json()["decision_id"])
    return ids


def _sql(env: Env, statement: str, **params: object) -> None:
    with env.store.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_intact_chain_verifies_over_the_api(env: Env) -> None:
    _screen(env, NAMES)
    r = env.client.get("/v1/audit/verify", headers=env.auth("admin"))
    assert r.json() == {"ok": True, "records": 5, "problem": None, "seq": None, "decision_id": None}


def test_edited_record_is_named(env: Env) -> None:
    ids = _screen(env, NAMES)
    _sql(env, "update service_audit_log set actor = 'mallory' where seq = 3")
    v = verify(env.store.engine)
    assert not v.ok and v.seq == 3 and v.decision_id == ids[2]
    assert "edited" in (v.problem or "")


def test_edited_result_is_named(env: Env) -> None:
    ids = _screen(env, NAMES)
    _sql(env, "update service_audit_log set result = '{}' where seq = 2")
    v = verify(env.store.engine)
    assert not v.ok and v.decision_id == ids[1] and "edited" in (v.problem or "")


def test_deleted_record_is_named(env: Env) -> None:
    ids = _screen(env, NAMES)
    _sql(env, "delete from service_audit_log where seq = 2")
    v = verify(env.store.engine)
    assert not v.ok and v.seq == 3 and v.decision_id == ids[2]
    assert "2..2" in (v.problem or "") and "deleted" in (v.problem or "")


def test_deleted_newest_record_is_detected(env: Env) -> None:
    _screen(env, NAMES)
    _sql(env, "delete from service_audit_log where seq = 5")
    v = verify(env.store.engine)
    assert not v.ok and "newest records were deleted" in (v.problem or "")


def test_reordered_records_are_named(env: Env) -> None:
    ids = _screen(env, NAMES)
    _sql(env, "update service_audit_log set seq = 100 where seq = 2")
    _sql(env, "update service_audit_log set seq = 2 where seq = 3")
    _sql(env, "update service_audit_log set seq = 3 where seq = 100")
    v = verify(env.store.engine)
    assert not v.ok and v.seq == 2 and v.decision_id == ids[2]
    assert "reordered" in (v.problem or "")


def test_concurrent_appends_form_one_chain(env: Env) -> None:
    """Parallel requests: one record each, a gap-free chain, verify passes."""
    got: list[str] = []

    def worker(n: int) -> None:
        for i in range(5):
            r = env.client.post("/v1/screen", json={"name": f"Huawei {n} {i}"},
                                headers=env.auth("screener"))  # fmt: skip
            assert r.status_code == 200, r.text
            got.append(r.json()["decision_id"])

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 30 == len(set(got)) == audit.count(env.store.engine)
    v = verify(env.store.engine)
    assert v.ok and v.records == 30
    logged = {r.decision_id for r in audit.rows(env.store.engine)}
    assert logged == set(got)


def test_export_jsonl_and_csv_with_dates_and_formula_guard(env: Env) -> None:
    _screen(env, ['=HYPERLINK("http://evil")', "Acme"])
    r = env.client.get("/v1/audit/export?format=jsonl", headers=env.auth("admin"))
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert [x["seq"] for x in lines] == [1, 2]
    assert lines[0]["input"]["name"].startswith("=HYPERLINK")
    r = env.client.get("/v1/audit/export?format=csv", headers=env.auth("admin"))
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and rows[0]["decision_id"] == lines[0]["decision_id"]
    assert json.loads(rows[0]["input"])["name"].startswith("=HYPERLINK")
    today = date.today()
    buf = io.StringIO()
    assert export.write(env.store.engine, buf, "jsonl", today, today) == 2
    assert (
        export.write(env.store.engine, io.StringIO(), "jsonl", date(2000, 1, 1), date(2000, 1, 2))
        == 0
    )
    empty = env.client.get(
        "/v1/audit/export?from=2024-02-02&to=2024-01-01", headers=env.auth("admin")
    )
    assert empty.status_code == 200 and empty.text == ""


def test_safe_cell_neutralises_formulas() -> None:
    for raw in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "|x"):
        assert export.safe_cell(raw) == "'" + raw
    assert export.safe_cell("Huawei") == "Huawei"
    assert export.safe_cell(None) == ""
