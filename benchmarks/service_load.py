"""Load benchmark of the screening service: an open-loop client at a fixed request rate.

From the repository root::

    python -m benchmarks.service_load                        # 200 req/s for 60 s, full CSL
    python -m benchmarks.service_load --duration 10          # reduced run on a busy machine
    python -m benchmarks.service_load --lists sample         # bundled SAMPLE list only
    python -m benchmarks.service_load --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

It starts ``clearance serve`` on a free loopback port over a fresh store (SQLite in a temp
folder, or a fresh schema of the PostgreSQL database given), imports the lists, creates a
key, warms up, then sends ``POST /v1/screen`` at the target rate on schedule (requests are
not held back when earlier ones are slow) and measures each from send to full response.
Afterwards it checks that the audit log has exactly one record per request sent, that every
decision id returned is in it, and that the hash chain verifies. It exits 1 when a target
is missed: p99 <= 50 ms, zero errors, achieved rate >= 98% of the target, audit exact.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from benchmarks.common import require, shared_lists

P99_TARGET_MS = 50.0


@dataclass
class Server:
    url: str
    key: str
    db_url: str
    proc: subprocess.Popen[bytes]
    log: Path


def list_paths(which: str) -> list[Path]:
    if which == "sample":
        from clearance.screening import sample_list_path

        return [sample_list_path()]
    if which == "csl":
        return [require(shared_lists() / "us_trade_csl_consolidated_2022-05.csv.gz")]
    return [require(Path(p)) for p in which.split(",")]


@contextmanager
def fresh_database(url: str | None, tmp: Path) -> Iterator[str]:
    """A fresh SQLite file, or a new schema in the PostgreSQL database (dropped after)."""
    if not url:
        yield f"sqlite:///{tmp / 'bench.db'}"
        return
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def prepare(db_url: str, paths: list[Path]) -> tuple[str, list[str]]:
    """Import the lists, create an admin key; returns (key, names on the lists)."""
    from clearance.service.keys import create_key
    from clearance.sources import parse_paths
    from clearance.store import open_store

    store = open_store(db_url)
    names: list[str] = []
    for parsed in parse_paths(paths):
        store.import_parsed(parsed)
        names.extend(e.name for e in parsed.entries)
    key = create_key(store.engine, "admin", "bench")[1]
    store.engine.dispose()
    return key, names


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db_url: str, key: str, tmp: Path, port: int | None = None) -> Server:
    port = port or free_port()
    log = tmp / f"server-{port}.log"
    env = {**os.environ, "CLEARANCE_DATABASE_URL": db_url, "CLEARANCE_HOME": str(tmp)}
    with log.open("ab") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "clearance", "serve", "--port", str(port)],
            env=env, stdout=fh, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return Server(url, key, db_url, proc, log)
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not answer /health within 60 s")


def query_names(list_names: list[str], n: int, seed: int = 7) -> list[str]:
    """A third names from the lists (hits), the rest made-up companies and people."""
    rng = random.Random(seed)
    try:
        from faker import Faker

        fake = Faker()
        fake.seed_instance(seed)
        made = [fake.company() if i % 2 else fake.name() for i in range(2000)]
    except ImportError:
        syll = ["ka", "lo", "mi", "ren", "sto", "vi", "dan", "el", "tor", "an", "bu", "zi"]
        made = [
            " ".join("".join(rng.choices(syll, k=3)).title() for _ in range(2)) + " Ltd"
            for _ in range(2000)
        ]
    return [rng.choice(list_names) if rng.random() < 1 / 3 else rng.choice(made) for _ in range(n)]


@dataclass
class Outcome:
    latencies_ms: list[float] = field(default_factory=list)
    lag_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    decision_ids: list[str] = field(default_factory=list)
    sent: int = 0

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


IDLE_S = 3.0  # uvicorn closes keep-alive connections idle for 5 s


class _Stale(Exception):
    """A pooled connection was closed by the server before it read the request."""


class Pool:
    """A minimal keep-alive HTTP/1.1 client on raw asyncio streams (httpx costs the client
    several CPU milliseconds a request, which on a 2-core box would starve the server)."""

    def __init__(self, url: str, key: str, size: int) -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        self.host, self.port, self.key = host, int(port), key
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, float]] = []
        self.size = size

    async def post_json(self, path: str, body: bytes) -> tuple[int, bytes]:
        """POST; a pooled connection the server closed while idle is replaced once."""
        while self.idle:
            reader, writer, since = self.idle.pop()
            if time.monotonic() - since < IDLE_S and not reader.at_eof():
                try:
                    return await self._exchange(reader, writer, path, body)
                except _Stale:
                    continue
            writer.close()
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            return await self._exchange(reader, writer, path, body)
        except _Stale as exc:
            raise ConnectionError("connection closed by server before answering") from exc

    async def _exchange(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str, body: bytes
    ) -> tuple[int, bytes]:
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Authorization: Bearer {self.key}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        try:
            writer.write(head + body)
            status_line = await reader.readline()
        except (ConnectionResetError, BrokenPipeError) as exc:
            writer.close()
            raise _Stale() from exc
        if not status_line:  # closed without a byte of answer: the request was not read
            writer.close()
            raise _Stale()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        payload = await reader.readexactly(length)
        if len(self.idle) < self.size:
            self.idle.append((reader, writer, time.monotonic()))
        else:
            writer.close()
        return int(status_line.split()[1]), payload

    def close(self) -> None:
        for _, writer, _ in self.idle:
            writer.close()


async def _one(pool: Pool, name: str, due: float, out: Outcome) -> None:
    start = time.perf_counter()
    out.lag_ms.append((start - due) * 1000)
    out.sent += 1
    try:
        status, payload = await pool.post_json("/v1/screen", json.dumps({"name": name}).encode())
    except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
        out.error(exc.__class__.__name__)
        return
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        out.error(f"HTTP {status}")
        return
    out.latencies_ms.append(elapsed)
    out.decision_ids.append(json.loads(payload)["decision_id"])


async def drive(server: Server, names: list[str], rate: float, stop_after: float | None = None,
                out: Outcome | None = None) -> Outcome:  # fmt: skip
    """Send one request every 1/rate seconds, on schedule, until the names run out."""
    out = out or Outcome()
    pool = Pool(server.url, server.key, 256)
    t0 = time.perf_counter()
    tasks = []
    for i, name in enumerate(names):
        due = t0 + i / rate
        if stop_after is not None and due - t0 > stop_after:
            break
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(_one(pool, name, due, out)))
    await asyncio.gather(*tasks)
    out.errors["_wall_s"] = round(time.perf_counter() - t0, 3)  # type: ignore[assignment]
    pool.close()
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def audit_check(db_url: str, ids: list[str], before: int) -> dict[str, Any]:
    """Records added since ``before``, ids missing from the log, and the chain verdict."""
    from sqlalchemy import select

    from clearance.service import audit
    from clearance.service.tables import audit_log
    from clearance.service.verify import verify
    from clearance.store import open_store

    engine = open_store(db_url).engine
    with engine.connect() as conn:
        logged = set(conn.execute(select(audit_log.c.decision_id)).scalars())
    verdict = verify(engine)
    total = audit.count(engine)
    engine.dispose()
    return {
        "records_added": total - before,
        "missing_ids": len(set(ids) - logged),
        "duplicate_ids": len(ids) - len(set(ids)),
        "chain_ok": verdict.ok,
        "chain_problem": verdict.problem,
        "records_total": total,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rate", type=float, default=200.0, help="requests per second")
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    ap.add_argument("--lists", default="csl", help="csl | sample | comma-separated paths")
    ap.add_argument("--database-url", default=None, help="PostgreSQL URL (default: SQLite)")
    ap.add_argument("--warmup", type=int, default=50, help="requests before measuring")
    ap.add_argument("--json", type=Path, default=None, help="write the figures here too")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="clearance-load-") as tmpdir:
        tmp = Path(tmpdir)
        with fresh_database(args.database_url, tmp) as db_url:
            key, list_names = prepare(db_url, list_paths(args.lists))
            server = start_server(db_url, key, tmp)
            try:
                total = int(args.rate * args.duration)
                names = query_names(list_names, total + args.warmup)
                warm = asyncio.run(drive(server, names[: args.warmup], 20.0))
                before = len(warm.decision_ids)
                cpu0, client0 = cpu_seconds(server.proc.pid), time.process_time()
                run = asyncio.run(drive(server, names[args.warmup :], args.rate))
                server_cpu = cpu_seconds(server.proc.pid) - cpu0
                client_cpu = time.process_time() - client0
            finally:
                server.proc.terminate()
                server.proc.wait(10)
            checked = audit_check(db_url, run.decision_ids, before)
    wall = run.errors.pop("_wall_s")
    ok_n = len(run.latencies_ms)
    figures = {
        "command": " ".join(["python -m benchmarks.service_load", *(argv or sys.argv[1:])]),
        "backend": "postgresql" if args.database_url else "sqlite",
        "lists": args.lists,
        "list_entries": len(list_names),
        "target_rate": args.rate,
        "duration_s": args.duration,
        "sent": run.sent,
        "ok": ok_n,
        "errors": run.errors,
        "achieved_rate": round(run.sent / wall, 1) if wall else 0,
        "latency_ms": {f"p{q}": round(pct(run.latencies_ms, q), 2) for q in (50, 90, 95, 99)}
        | {"max": round(max(run.latencies_ms, default=float("nan")), 2)},
        "send_lag_ms_p99": round(pct(run.lag_ms, 99), 2),
        "server_cpu_ms_per_request": round(server_cpu * 1000 / max(run.sent, 1), 2),
        "client_cpu_ms_per_request": round(client_cpu * 1000 / max(run.sent, 1), 2),
        "machine_load_avg_1m": os.getloadavg()[0],
        "audit": checked,
    }
    passed = (
        not run.errors
        and ok_n == run.sent
        and figures["latency_ms"]["p99"] <= P99_TARGET_MS
        and figures["achieved_rate"] >= 0.98 * args.rate
        and checked["records_added"] == run.sent
        and checked["missing_ids"] == 0
        and checked["duplicate_ids"] == 0
        and checked["chain_ok"]
    )
    figures["passed"] = passed
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
