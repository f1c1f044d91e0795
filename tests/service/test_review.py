"""Review: judgements are append-only; a dismissal holds only while the list entry is unchanged."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from clearance.screening import sample_list_path
from clearance.sources import parse_paths

from .conftest import HUAWEI, Env

TARGET = "Huawei Technologies Co., Ltd. (Huawei)"


def _screen(env: Env, name: str = HUAWEI, country: str | None = "CN") -> dict:  # type: ignore[type-arg]
    body = {"name": name, **({"country": country} if country else {})}
    r = env.client.post("/v1/screen", json=body, headers=env.auth("screener"))
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def _hit(body: dict, name: str = TARGET) -> dict:  # type: ignore[type-arg]
    return next(m for m in body["matches"] if m["name"] == name)


def _judge(env: Env, hit_id: str, action: str, reason: str) -> dict:  # type: ignore[type-arg]
    r = env.client.post(f"/v1/hits/{hit_id}/judgements", json={"action": action, "reason": reason},
                        headers=env.auth("reviewer"))  # fmt: skip
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_dismissal_suppresses_the_same_hit_for_the_same_counterparty(env: Env) -> None:
    first = _screen(env)
    hit = _hit(first)
    queue = env.client.get("/v1/review/queue", headers=env.auth("reviewer")).json()["hits"]
    assert hit["hit_id"] in {h["hit_id"] for h in queue}
    judged = _judge(env, hit["hit_id"], "dismiss", "different entity: Shenzhen only")
    assert judged["hit"]["status"] == "dismissed"
    rec = env.client.get(f"/v1/decisions/{judged['decision_id']}", headers=env.auth("admin")).json()
    assert rec["kind"] == "review" and rec["actor"] == "reviewer"
    assert rec["input"]["reason"] == "different entity: Shenzhen only"

    again = _screen(env)
    assert TARGET not in [m["name"] for m in again["matches"]]
    (gone,) = [m for m in again["suppressed"] if m["name"] == TARGET]
    assert gone["review"]["judgement"]["reason"] == "different entity: Shenzhen only"
    other_country = _screen(env, country="GB")
    assert TARGET in [m["name"] for m in other_country["matches"]]
    queue = env.client.get("/v1/review/queue", headers=env.auth("reviewer")).json()["hits"]
    assert hit["hit_id"] not in {h["hit_id"] for h in queue}
    dismissed = env.client.get("/v1/review/queue?status=dismissed", headers=env.auth("reviewer"))
    assert [h["hit_id"] for h in dismissed.json()["hits"]] == [hit["hit_id"]]


def test_later_judgement_supersedes_and_nothing_is_deleted(env: Env) -> None:
    hit = _hit(_screen(env))
    _judge(env, hit["hit_id"], "dismiss", "looked different")
    final = _judge(env, hit["hit_id"], "confirm", "same registration number")
    assert final["hit"]["status"] == "confirmed"
    assert [j["action"] for j in final["hit"]["judgements"]] == ["dismiss", "confirm"]
    again = _screen(env)
    shown = _hit(again)
    assert shown["review"]["status"] == "confirmed"
    with env.store.engine.connect() as conn:
        assert conn.execute(text("select count(*) from service_judgements")).scalar() == 2


def test_changed_list_entry_brings_a_dismissed_hit_back(env: Env, tmp_path: Path) -> None:
    hit = _hit(_screen(env))
    _judge(env, hit["hit_id"], "dismiss", "not our counterparty")
    assert TARGET not in [m["name"] for m in _screen(env)["matches"]]
    changed = tmp_path / "sample_list.csv"
    original = sample_list_path().read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if TARGET in line)
    lines[row] = lines[row].replace("Shenzhen", "Shenzhen, Guangdong", 1)
    assert lines[row] != original.splitlines(keepends=True)[row]
    changed.write_text("".join(lines), encoding="utf-8")
    env.store.import_parsed(parse_paths([changed])[0])
    env.client.app.state.service.screeners.refresh()  # type: ignore[attr-defined]
    back = _screen(env)
    returned = _hit(back)
    assert returned["review"]["status"] == "open" and returned["hit_id"] != hit["hit_id"]
    queue = env.client.get("/v1/review/queue", headers=env.auth("reviewer")).json()["hits"]
    assert returned["hit_id"] in {h["hit_id"] for h in queue}


def test_bad_judgements_are_refused(env: Env) -> None:
    hit = _hit(_screen(env))
    for body in ({"action": "maybe", "reason": "x"}, {"action": "dismiss", "reason": "  "},
                 {"action": "dismiss"}):  # fmt: skip
        r = env.client.post(f"/v1/hits/{hit['hit_id']}/judgements", json=body,
                            headers=env.auth("reviewer"))  # fmt: skip
        assert r.status_code == 422
    r = env.client.post("/v1/hits/nope/judgements", json={"action": "confirm", "reason": "x"},
                        headers=env.auth("reviewer"))  # fmt: skip
    assert r.status_code == 404
