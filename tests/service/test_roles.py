"""Every route's role, allowed and denied, plus missing, unknown and revoked keys."""

from __future__ import annotations

from typing import Any

from clearance.screening import sample_list_path
from clearance.service.keys import revoke_key

from .conftest import HUAWEI, Env

ROLES = ("screener", "reviewer", "admin")
QUESTION = {
    "date": "2021-03-01",
    "destination": "CN",
    "parties": [{"name": "Acme Widgets", "country": "CN"}],
    "item": {"type": "technology", "eccn": "EAR99"},
    "activity": {"kind": "export"},
}

# (method, path, json body, least role). {decision} and {hit} are filled in per test.
ROUTES: list[tuple[str, str, Any, str]] = [
    ("POST", "/v1/screen", {"name": HUAWEI}, "screener"),
    ("POST", "/v1/check", QUESTION, "screener"),
    ("GET", "/v1/lists", None, "screener"),
    ("GET", "/v1/decisions/{decision}", None, "screener"),
    ("POST", "/v1/decisions/{decision}/replay", None, "screener"),
    ("GET", "/v1/review/queue", None, "reviewer"),
    ("GET", "/v1/hits/{hit}", None, "reviewer"),
    ("POST", "/v1/hits/{hit}/judgements", {"action": "confirm", "reason": "same"}, "reviewer"),
    ("GET", "/v1/alerts", None, "reviewer"),
    ("GET", "/v1/keys", None, "admin"),
    ("POST", "/v1/keys", {"role": "screener"}, "admin"),
    ("DELETE", "/v1/keys/victim", None, "admin"),
    ("GET", "/v1/audit/verify", None, "admin"),
    ("GET", "/v1/audit/export?format=csv", None, "admin"),
    ("POST", "/v1/lists/import", None, "admin"),
]


def _call(env: Env, method: str, url: str, body: Any, headers: dict[str, str]) -> Any:
    if url == "/v1/lists/import":
        files = {"files": ("sample_list.csv", sample_list_path().read_bytes(), "text/csv")}
        return env.client.post(url, files=files, headers=headers)
    return env.client.request(method, url, json=body, headers=headers)


def _ids(env: Env) -> dict[str, str]:
    r = env.client.post("/v1/screen", json={"name": HUAWEI}, headers=env.auth("admin"))
    body = r.json()
    return {"decision": body["decision_id"], "hit": body["matches"][0]["hit_id"]}


def test_every_route_allows_its_roles_and_denies_the_rest(env: Env) -> None:
    ids = _ids(env)
    for method, path, body, least in ROUTES:
        url = path.format(**ids)
        for role in ROLES:
            if path == "/v1/keys/victim":
                env.client.post("/v1/keys", json={"role": "screener", "name": "victim"},
                                headers=env.auth("admin"))  # fmt: skip
            r = _call(env, method, url, body, env.auth(role))
            allowed = ROLES.index(role) >= ROLES.index(least)
            if allowed:
                assert r.status_code < 300, (method, url, role, r.text)
            else:
                assert r.status_code == 403, (method, url, role, r.text)
                assert r.json()["error"]["code"] == "forbidden"
        for headers in ({}, {"Authorization": "Bearer clr_unknown"}, {"Authorization": "Basic x"}):
            r = _call(env, method, url, body, headers)
            assert r.status_code == 401, (method, url, headers)


def test_revoked_key_is_refused_at_once(env: Env) -> None:
    assert env.client.get("/v1/lists", headers=env.auth("screener")).status_code == 200
    revoke_key(env.store.engine, "screener")
    r = env.client.get("/v1/lists", headers=env.auth("screener"))
    assert r.status_code == 401 and "revoked" in r.json()["error"]["detail"]


def test_keys_are_stored_hashed_and_created_keys_work(env: Env) -> None:
    r = env.client.post(
        "/v1/keys", json={"role": "reviewer", "name": "ana"}, headers=env.auth("admin")
    )
    assert r.status_code == 201
    key = r.json()["key"]
    listed = env.client.get("/v1/keys", headers=env.auth("admin")).json()["keys"]
    assert all(key not in str(row) for row in listed)
    from sqlalchemy import text

    with env.store.engine.connect() as conn:
        stored = conn.execute(text("select key_hash from service_api_keys")).scalars().all()
    assert key not in stored and all(len(h) == 64 for h in stored)
    ok = env.client.get("/v1/review/queue", headers={"Authorization": f"Bearer {key}"})
    assert ok.status_code == 200
    dup = env.client.post(
        "/v1/keys", json={"role": "reviewer", "name": "ana"}, headers=env.auth("admin")
    )
    assert dup.status_code == 409 and dup.json()["error"]["code"] == "conflict"


def test_only_health_answers_without_a_key(env: Env) -> None:
    assert env.client.get("/health").status_code == 200
    for path in ("/openapi.json", "/docs", "/v1/nowhere", "/anything"):
        r = env.client.get(path)
        assert r.status_code == 401, path
        assert r.json()["error"]["code"] == "unauthenticated"
    for role in ROLES:
        assert env.client.get("/openapi.json", headers=env.auth(role)).status_code == 200
        assert env.client.get("/v1/nowhere", headers=env.auth(role)).status_code == 404


def test_uk_hrv_routes_need_a_key_and_a_signed_in_page(env: Env) -> None:
    schema = env.client.get("/openapi.json", headers=env.auth("screener")).json()
    if "/v1/hrv/report" not in schema["paths"]:
        print("SKIP: clearance.hrv.api is not present")
        return
    for path in ("/v1/hrv/report", "/v1/hrv/timeline", "/v1/hrv/plan"):
        assert env.client.post(path).status_code == 401, path
        r = env.client.post(path, headers=env.auth("screener"))
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_input", path
    r = env.client.get("/hrv", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/ui/login"
    assert env.client.get("/hrv", headers=env.auth("screener")).status_code == 200
    assert "/hrv" not in schema["paths"]
