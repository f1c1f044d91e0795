"""SIGKILL the server under load: every decision id a client received is in the audit log."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from clearance.screening import sample_list_path
from clearance.service.keys import create_key
from clearance.service.tables import audit_log
from clearance.service.verify import verify
from clearance.sources import parse_paths
from clearance.store import open_store


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sigkill_under_load_loses_no_acknowledged_decision(store_url: str, tmp_path: Path) -> None:
    store = open_store(store_url)
    store.import_parsed(parse_paths([sample_list_path()])[0])
    key = create_key(store.engine, "screener", "load")[1]
    port = _port()
    env = {**os.environ, "CLEARANCE_DATABASE_URL": store_url, "CLEARANCE_HOME": str(tmp_path)}
    cmd = [sys.executable, "-m", "clearance", "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        acked: list[str] = []
        stop = threading.Event()

        def client(n: int) -> None:
            with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}) as c:
                i = 0
                while not stop.is_set():
                    i += 1
                    try:
                        r = c.post("/v1/screen", json={"name": f"Huawei {n}-{i}"}, timeout=5)
                    except httpx.HTTPError:
                        return
                    if r.status_code == 200:
                        acked.append(r.json()["decision_id"])

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        while len(acked) < 100 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        stop.set()
        for t in threads:
            t.join(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert len(acked) >= 100
    with store.engine.connect() as conn:
        logged = set(
            conn.execute(audit_log.select().with_only_columns(audit_log.c.decision_id)).scalars()
        )
    assert set(acked) <= logged, f"{len(set(acked) - logged)} acknowledged decisions lost"
    assert verify(store.engine).ok
    store.engine.dispose()
