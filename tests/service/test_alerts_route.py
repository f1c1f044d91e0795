"""Alerts from list updates reach the API (the register and updater are the lifecycle's)."""

from __future__ import annotations

from sqlalchemy import insert

from clearance.lifecycle.tables import alerts

from .conftest import Env


def test_alerts_route_lists_alerts_newest_first(env: Env) -> None:
    common = {
        "party_name": "Hangzhou Hikvision",
        "source": "us_csl",
        "entry_key": "EL|k",
        "entry_name": "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "list_code": "EL",
        "new_version": "us_csl:2022-05-16:x",
        "detail": "{}",
    }
    rows = [
        {**common, "created_at": "2026-11-01T10:00:00+00:00", "party_id": "c1", "kind": "new_hit"},
        {
            **common,
            "created_at": "2026-11-02T10:00:00+00:00",
            "party_id": "c2",
            "kind": "entry_removed",
        },
    ]
    with env.store.engine.begin() as conn:
        conn.execute(insert(alerts), rows)
    r = env.client.get("/v1/alerts", headers=env.auth("reviewer"))
    assert r.status_code == 200
    assert [a["party_id"] for a in r.json()["alerts"]] == ["c2", "c1"]
    r = env.client.get("/v1/alerts?since=2026-11-02", headers=env.auth("reviewer"))
    assert [a["party_id"] for a in r.json()["alerts"]] == ["c2"]
    bad = env.client.get("/v1/alerts?since=yesterday", headers=env.auth("reviewer"))
    assert bad.status_code == 422


def test_alerts_page_is_for_reviewers(env: Env) -> None:
    r = env.client.post("/ui/login", data={"key": env.keys["screener"]}, follow_redirects=False)
    assert r.status_code == 303
    assert env.client.get("/ui/alerts").status_code == 403
    env.client.post("/ui/login", data={"key": env.keys["reviewer"]}, follow_redirects=False)
    page = env.client.get("/ui/alerts")
    assert page.status_code == 200 and "Alerts from list updates" in page.text
