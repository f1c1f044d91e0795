"""The web UI's edges without a browser: sign-in, roles, cross-site posts, pages."""

from __future__ import annotations

import json

from clearance.service.web import EXAMPLE

from .conftest import HUAWEI, Env


def _sign_in(env: Env, role: str) -> None:
    r = env.client.post("/ui/login", data={"key": env.keys[role]}, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_signed_out_browsers_go_to_sign_in_and_bad_keys_are_refused(env: Env) -> None:
    for path in ("/ui/", "/ui/review", "/ui/lists", "/ui/audit", "/ui/check"):
        r = env.client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/ui/login", path
    r = env.client.post("/ui/login", data={"key": "clr_wrong"}, follow_redirects=False)
    assert r.status_code == 401 and "invalid or revoked" in r.text


def test_roles_apply_to_pages(env: Env) -> None:
    _sign_in(env, "screener")
    assert env.client.get("/ui/").status_code == 200
    assert env.client.get("/ui/review").status_code == 403
    assert env.client.get("/ui/audit").status_code == 403
    r = env.client.post("/ui/screen", data={"name": HUAWEI}, follow_redirects=False)
    assert r.status_code == 303
    page = env.client.get(r.headers["location"]).text
    assert "SAMPLE" in page and "Dismiss" not in page  # screeners cannot judge
    hit = env.client.get("/v1/review/queue", headers=env.auth("reviewer")).json()["hits"][0]
    r = env.client.post(
        f"/ui/hits/{hit['hit_id']}/judge", data={"action": "dismiss", "reason": "x"}
    )
    assert r.status_code == 403


def test_an_unreadable_name_is_shown_on_the_form_not_screened(env: Env) -> None:
    _sign_in(env, "screener")
    r = env.client.post("/ui/screen", data={"name": "ហ៊ុន សែន"}, follow_redirects=False)
    assert r.status_code == 422 and "nothing the matcher can read" in r.text
    assert 'value="ហ៊ុន សែន"' in r.text  # the form keeps what was typed


def test_cross_site_posts_are_refused(env: Env) -> None:
    _sign_in(env, "admin")
    r = env.client.post("/ui/screen", data={"name": HUAWEI},
                        headers={"Origin": "http://evil.example"})  # fmt: skip
    assert r.status_code == 403
    assert env.client.get("/v1/audit/verify", headers=env.auth("admin")).json()["records"] == 0


def test_check_page_shows_trace_and_citations(env: Env) -> None:
    _sign_in(env, "screener")
    r = env.client.post("/ui/check", data={"question": json.dumps(EXAMPLE)})
    assert r.status_code == 200
    assert "Trace" in r.text and "Citations" in r.text and "15 CFR" in r.text
    bad = env.client.post("/ui/check", data={"question": "{"})
    assert bad.status_code == 422 and "question" in bad.text
