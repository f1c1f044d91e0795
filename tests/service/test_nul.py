"""A NUL character, which PostgreSQL text cannot hold, is refused as invalid input naming
the field, on either store: never a server error (schemathesis found `party=%00`)."""

from __future__ import annotations

from .conftest import Env


def test_a_nul_in_a_query_or_path_parameter_is_invalid_input(env: Env) -> None:
    headers = env.auth("admin")
    r = env.client.get("/v1/alerts?party=%00", headers=headers)
    assert r.status_code == 422 and "party" in r.text, r.text
    r = env.client.get("/v1/hits/a%00b", headers=headers)
    assert r.status_code == 422 and "hit_id" in r.text, r.text


def test_a_nul_in_a_body_field_is_invalid_input(env: Env) -> None:
    headers = env.auth("admin")
    r = env.client.post("/v1/screen", json={"name": "Huawei\u0000"}, headers=headers)
    assert r.status_code == 422 and "name" in r.text, r.text
    body = {"action": "confirm", "reason": "a\u0000"}
    r = env.client.post("/v1/hits/x/judgements", json=body, headers=headers)
    assert r.status_code == 422 and "reason" in r.text, r.text
    batch = {"queries": [{"name": "Huawei"}, {"name": "ZTE", "id": "c\u0000"}]}
    r = env.client.post("/v1/screen", json=batch, headers=headers)
    assert r.status_code == 422 and r.json()["error"]["field"] == "queries[1].id", r.text
