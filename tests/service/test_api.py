"""The API on both backends: screening, determination, lists, decisions, the error shape."""

from __future__ import annotations

from .conftest import HUAWEI, Env


def test_health_needs_no_key(env: Env) -> None:
    r = env.client.get("/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_screen_one_query_is_audited_and_shaped_like_the_cli(env: Env) -> None:
    r = env.client.post(
        "/v1/screen", json={"name": HUAWEI, "country": "cn"}, headers=env.auth("screener")
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["matched"] is True and body["sample"] is True
    assert body["query"] == {"name": HUAWEI, "country": "CN", "type": None}
    names = [m["name"] for m in body["matches"]]
    assert "Huawei Technologies Co., Ltd. (Huawei)" in names
    first = body["matches"][0]
    for key in ("source_id", "list", "score", "explanation", "hit_id", "review", "version"):
        assert key in first
    assert first["review"]["status"] == "open"
    record = env.client.get(f"/v1/decisions/{body['decision_id']}", headers=env.auth("screener"))
    assert record.status_code == 200
    rec = record.json()
    assert rec["kind"] == "screen" and rec["actor"] == "screener"
    assert rec["input"] == {"name": HUAWEI, "country": "cn"}
    assert rec["result"]["matches"] == body["matches"]
    assert rec["list_versions"][0]["source"] == "sample" and rec["matcher"] == "name-v2"


def test_batch_has_one_decision_for_all_queries(env: Env) -> None:
    queries = [{"name": "KIM, Jong Un", "type": "person"}, {"name": "Acme Widgets Ltd"}]
    r = env.client.post("/v1/screen", json={"queries": queries}, headers=env.auth("screener"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert [res["matched"] for res in body["results"]] == [True, False]
    assert body["matched"] is True
    seq = env.client.get(f"/v1/decisions/{body['decision_id']}", headers=env.auth("admin"))
    assert seq.json()["seq"] == 1


def test_batch_over_1000_is_refused(env: Env) -> None:
    queries = [{"name": f"n{i}"} for i in range(1001)]
    r = env.client.post("/v1/screen", json={"queries": queries}, headers=env.auth("screener"))
    assert r.status_code == 422


def test_error_shape_is_pinned(env: Env) -> None:
    """Every error, from validation to auth to not-found, has exactly this shape."""
    cases = [
        (env.client.post("/v1/screen", json={"name": ""}, headers=env.auth("screener")), 422),
        (
            env.client.post(
                "/v1/screen", json={"name": "x", "bogus": 1}, headers=env.auth("screener")
            ),
            422,
        ),
        (env.client.post("/v1/screen", json={"name": "x"}), 401),
        (
            env.client.post(
                "/v1/screen", json={"name": "x"}, headers={"Authorization": "Bearer nope"}
            ),
            401,
        ),
        (env.client.get("/v1/keys", headers=env.auth("screener")), 403),
        (env.client.get("/v1/decisions/nope", headers=env.auth("screener")), 404),
        (env.client.get("/v1/nowhere", headers=env.auth("screener")), 404),
        (
            env.client.post("/v1/check", json={"date": "2024-13-01"}, headers=env.auth("screener")),
            422,
        ),
    ]
    for response, status in cases:
        assert response.status_code == status, response.text
        body = response.json()
        assert set(body) == {"error"}
        assert set(body["error"]) == {"status", "code", "detail", "field"}
        assert body["error"]["status"] == status
        assert isinstance(body["error"]["detail"], str) and body["error"]["detail"]
    assert cases[0][0].json()["error"]["field"] == "name"
    assert cases[2][0].headers["www-authenticate"] == "Bearer"


def test_check_runs_the_determination_and_is_audited(env: Env) -> None:
    question = {
        "date": "2021-03-01",
        "destination": "CN",
        "parties": [{"name": HUAWEI, "country": "CN", "role": "end_user"}],
        "item": {"type": "technology", "eccn": "EAR99"},
        "activity": {"kind": "export"},
    }
    r = env.client.post("/v1/check", json=question, headers=env.auth("screener"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["outcome"] in {"LICENSE_REQUIRED", "MANUAL_REVIEW"}
    assert body["trace"] and body["citations"]
    rec = env.client.get(
        f"/v1/decisions/{body['decision_id']}", headers=env.auth("screener")
    ).json()
    assert rec["kind"] == "check" and rec["result"]["outcome"] == body["outcome"]
    assert rec["rules_version"] == body["rules_version"]
    replay = env.client.post(
        f"/v1/decisions/{body['decision_id']}/replay", headers=env.auth("screener")
    )
    assert replay.json() == {"decision_id": body["decision_id"], "same": True, "differences": []}


def test_lists_report_versions_age_and_sample(env: Env) -> None:
    r = env.client.get("/v1/lists", headers=env.auth("screener"))
    assert r.status_code == 200
    (row,) = r.json()["lists"]
    assert row["source"] == "sample" and row["sample"] is True and row["entries"] == 17
    assert row["age_days"] == 0 and row["stale"] is False


def test_replay_of_a_screening_matches(env: Env) -> None:
    r = env.client.post("/v1/screen", json={"name": "Vladimir Putin"}, headers=env.auth("screener"))
    did = r.json()["decision_id"]
    replay = env.client.post(f"/v1/decisions/{did}/replay", headers=env.auth("screener"))
    assert replay.status_code == 200 and replay.json()["same"] is True


def test_openapi_is_published(env: Env) -> None:
    schema = env.client.get("/openapi.json", headers=env.auth("screener")).json()
    for path in ("/v1/screen", "/v1/check", "/v1/lists", "/v1/decisions/{decision_id}", "/health"):
        assert path in schema["paths"]


def test_admin_imports_a_list_over_the_api_and_it_is_audited(env: Env) -> None:
    from clearance.screening import sample_list_path

    text = sample_list_path().read_text(encoding="utf-8").replace("I. ASH", "I. ASHE", 1)
    files = {"files": ("sample_list.csv", text.encode(), "text/csv")}
    r = env.client.post("/v1/lists/import", files=files, headers=env.auth("admin"))
    assert r.status_code == 201, r.text
    (version,) = r.json()["versions"]
    assert version["source"] == "sample" and version["entries"] == 17
    rows = env.client.get("/v1/lists", headers=env.auth("screener")).json()["lists"]
    assert [row["version"] for row in rows] == [version["version"]]
    rec = env.client.get(f"/v1/decisions/{r.json()['decision_id']}", headers=env.auth("admin"))
    assert rec.json()["kind"] == "list_import" and rec.json()["actor"] == "admin"
    assert rec.json()["input"]["files"][0]["name"] == "sample_list.csv"
    hit = env.client.post("/v1/screen", json={"name": "I. Ashe"}, headers=env.auth("screener"))
    assert hit.json()["matches"][0]["name"] == "I. ASHE"
    bad = {"files": ("junk.csv", b"not,a,list\n1,2,3\n", "text/csv")}
    r = env.client.post("/v1/lists/import", files=bad, headers=env.auth("admin"))
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_input"


def test_no_lists_fails_closed_with_503(store_url: str) -> None:
    from fastapi.testclient import TestClient

    from clearance.service import create_app
    from clearance.service.keys import create_key
    from clearance.store import open_store

    store = open_store(store_url)
    key = create_key(store.engine, "screener", "s")[1]
    with TestClient(create_app(store)) as client:
        r = client.post(
            "/v1/screen", json={"name": HUAWEI}, headers={"Authorization": f"Bearer {key}"}
        )
        assert r.status_code == 503 and r.json()["error"]["code"] == "lists_unavailable"
        assert client.get("/health").status_code == 200
    with store.engine.connect() as conn:
        from sqlalchemy import text

        assert conn.execute(text("select count(*) from service_audit_log")).scalar() == 0
    store.engine.dispose()


def test_an_unreadable_name_is_refused_not_unmatched(env: Env) -> None:
    r = env.client.post("/v1/screen", json={"name": "ហ៊ុន សែន"}, headers=env.auth("screener"))
    assert r.status_code == 422, r.text
    assert "nothing the matcher can read" in r.json()["error"]["detail"]
