"""The CLI edge: keys create/list/revoke, audit verify/export/replay, on both backends."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from clearance.cli import app
from clearance.errors import ClearanceError

from .conftest import HUAWEI, Env


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(url: str, *args: str) -> Ran:
    """Run the CLI in-process as ``clearance.cli.main`` would (error -> message + code)."""
    result = CliRunner().invoke(app, list(args), env={"CLEARANCE_DATABASE_URL": url})
    if isinstance(result.exception, ClearanceError):
        return Ran(result.exception.exit_code, result.stdout, result.exception.detail)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr)


def test_keys_and_audit_commands(env: Env, store_url: str, tmp_path: Path) -> None:
    made = run(store_url, "keys", "create", "--role", "reviewer", "--name", "rita")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip().splitlines()[-1]
    assert key.startswith("clr_") and " " not in key
    r = env.client.post(
        "/v1/screen", json={"name": HUAWEI}, headers={"Authorization": f"Bearer {key}"}
    )
    assert r.status_code == 200
    did = r.json()["decision_id"]
    listed = run(store_url, "keys", "list")
    assert "rita\treviewer" in listed.stdout and key not in listed.stdout

    ok = run(store_url, "audit", "verify")
    assert ok.returncode == 0 and "audit chain ok: 1 record(s)" in ok.stdout
    out = tmp_path / "audit.csv"
    exported = run(store_url, "audit", "export", "--format", "csv", "--output", str(out))
    assert exported.returncode == 0 and did in out.read_text()
    jsonl = run(store_url, "audit", "export")
    assert json.loads(jsonl.stdout.splitlines()[0])["decision_id"] == did
    replayed = run(store_url, "audit", "replay", did)
    assert replayed.returncode == 0 and json.loads(replayed.stdout)["same"] is True

    with env.store.engine.begin() as conn:
        conn.execute(text("update service_audit_log set input = '{}' where seq = 1"))
    bad = run(store_url, "audit", "verify")
    assert bad.returncode == 1 and did in bad.stderr and "edited" in bad.stderr

    assert run(store_url, "keys", "revoke", "rita").returncode == 0
    again = run(store_url, "keys", "revoke", "rita")
    assert again.returncode == 2 and "no active key" in again.stderr
    r = env.client.get("/v1/lists", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 401
    wrong = run(store_url, "keys", "create", "--role", "root")
    assert wrong.returncode == 2 and "role" in wrong.stderr
