"""CPU-time speed check for a shared machine: batch names/s and single-query p50/p99.

    .venv/bin/python -m benchmarks.speed.cpu [--names 20000] [--latency 2000] [--profile]

Imports every list of the end-to-end suite into a cached SQLite store (``/tmp``), builds
the screener, then measures with ``time.process_time`` plus the forked workers' children
time (each batch run in a fresh fork), so other load on the machine does not skew it.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing
import os
import pstats
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import shared_lists
from benchmarks.names import bulk_names, faker_names, perturbed
from benchmarks.speed.suite import latency
from clearance.batch import screen_rows
from clearance.hits import Query
from clearance.screening import Screener
from clearance.sources import parse_paths
from clearance.store import open_store

FILES = {
    "us_csl": ["us_trade_csl_consolidated_2022-05.csv.gz"],
    "us_ofac_sdn": [f"ofac_sdn_2021-07_{p}.csv" for p in ("sdn", "add", "alt", "sdn_comments")],
    "us_ofac_cons": [f"ofac_cons_2025-12_cons_{p}.csv" for p in ("prim", "add", "alt", "comments")],
    "us_bis_dpl": ["bis_dpl_2023-11.txt"],
    "un_sc": ["un_sc_consolidated_2026-02-27.xml"],
}


def _store(db: Path):  # type: ignore[no-untyped-def]
    fresh = not db.exists()
    store = open_store(f"sqlite:///{db}")
    if fresh:
        for names in FILES.values():
            for parsed in parse_paths([shared_lists() / n for n in names]):
                store.import_parsed(parsed)
    return store


def _cpu() -> float:
    t = os.times()
    return time.process_time() + t.children_user + t.children_system


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", type=int, default=20000)
    ap.add_argument("--latency", type=int, default=2000)
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "clearance_cpu_bench.db"))
    args = ap.parse_args()
    store = _store(Path(args.db))
    t0 = _cpu()
    screener = Screener.from_store(store)
    print(f"build: {_cpu() - t0:.1f} s CPU, {len(screener.index.names)} names")
    entries = screener.index.entries
    probes = perturbed(entries, args.latency // 2) + faker_names(args.latency // 2, set())
    found = latency(screener, [p.query for p in probes], time.process_time)
    print(
        f"latency: {found['queries']} queries p50 {found['p50_ms']:.2f} ms"
        f" p99 {found['p99_ms']:.2f} ms max {found['max_ms']:.1f} ms"
    )
    names = bulk_names(args.names)
    batch = [Query(name=n, id=str(i)) for i, n in enumerate(names)]
    for workers in args.workers:
        # each run in a fresh fork of the built screener, so no run inherits another's caches
        ctx = multiprocessing.get_context("fork")
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_batch, args=(child, screener, batch, workers, args.profile))
        proc.start()
        cpu, wall, matched = parent.recv()
        proc.join()
        print(
            f"batch workers={workers}: {len(names)} names, {cpu:.1f} s CPU,"
            f" {len(names) * workers / cpu:,.0f} names/s (CPU/{workers}),"
            f" wall {wall:.1f} s, matched {matched}"
        )


def _batch(conn: Any, screener: Screener, batch: list[Query], workers: int, profile: bool) -> None:
    prof = cProfile.Profile() if profile and workers == 1 else None
    start, wall = _cpu(), time.perf_counter()
    if prof:
        prof.enable()
    matched = sum(1 for r in screen_rows(screener, batch, workers=workers) if r["matched"])
    if prof:
        prof.disable()
    conn.send((_cpu() - start, time.perf_counter() - wall, matched))
    if prof:
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
