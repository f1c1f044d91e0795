"""SIGKILL the screening service under load: no acknowledged decision may be lost.

From the repository root::

    python -m benchmarks.service_kill                       # 3 rounds, 100 req/s, kill at 3 s
    python -m benchmarks.service_kill --rounds 5 --rate 200 --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Each round starts ``clearance serve`` over the same store, sends ``POST /v1/screen`` at the
rate given, and kills the server process with SIGKILL mid-load. Every decision id the client
received with a 200 must then be in the audit log, and ``audit verify`` must pass; the next
round restarts the server on the same store, so recovery after the kill is exercised too.
Exits 1 on any lost decision or broken chain.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import tempfile
import threading
from pathlib import Path

from benchmarks.service_load import (
    audit_check,
    drive,
    fresh_database,
    list_paths,
    prepare,
    query_names,
    start_server,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--rate", type=float, default=100.0)
    ap.add_argument("--kill-after", type=float, default=3.0, help="seconds (jittered ±30%%)")
    ap.add_argument("--lists", default="sample", help="csl | sample | comma-separated paths")
    ap.add_argument("--database-url", default=None, help="PostgreSQL URL (default: SQLite)")
    args = ap.parse_args(argv)
    rng = random.Random(11)
    rounds = []
    with tempfile.TemporaryDirectory(prefix="clearance-kill-") as tmpdir:
        tmp = Path(tmpdir)
        with fresh_database(args.database_url, tmp) as db_url:
            key, list_names = prepare(db_url, list_paths(args.lists))
            acked: list[str] = []
            for n in range(args.rounds):
                server = start_server(db_url, key, tmp)
                when = args.kill_after * rng.uniform(0.7, 1.3)
                timer = threading.Timer(when, os.kill, (server.proc.pid, signal.SIGKILL))
                timer.start()
                names = query_names(list_names, int(args.rate * (when + 2)), seed=n)
                out = asyncio.run(drive(server, names, args.rate, stop_after=when + 1.0))
                timer.join()
                server.proc.wait(10)
                out.errors.pop("_wall_s", None)
                acked.extend(out.decision_ids)
                check = audit_check(db_url, acked, 0)
                rounds.append(
                    {
                        "round": n + 1,
                        "killed_after_s": round(when, 2),
                        "exit_signal": -server.proc.returncode,
                        "sent": out.sent,
                        "acknowledged": len(out.decision_ids),
                        "client_errors_after_kill": out.errors,
                        "acknowledged_so_far": len(acked),
                        "audit_records": check["records_total"],
                        "lost_acknowledged": check["missing_ids"],
                        "chain_ok": check["chain_ok"],
                        "chain_problem": check["chain_problem"],
                    }
                )
    passed = all(
        r["lost_acknowledged"] == 0 and r["chain_ok"] and r["exit_signal"] == signal.SIGKILL
        for r in rounds
    )
    report = {
        "command": " ".join(["python -m benchmarks.service_kill", *(argv or sys.argv[1:])]),
        "backend": "postgresql" if args.database_url else "sqlite",
        "rounds": rounds,
        "passed": passed,
    }
    print(json.dumps(report, indent=2))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
