"""Speed and size: import time, single-query latency, batch throughput, peak RSS and the
retrieval recall of the pruned index against brute force with our own scorer.

* latency: one ``Screener.screen`` call per query (perturbed list names and Faker names
  alternating), after 200 warm-up queries; p50/p99 in ms.
* batch: :func:`clearance.batch.screen_rows` over generated names with N forked workers
  (the index is built once and shared copy-on-write; a repeated name is screened once);
  names/s by the wall clock, and per CPU second (user + sys of this process and the
  workers: what a busy shared machine does not change), with the 1-minute load average before it.
* peak RSS: a fresh process loads every list from the store, builds the screener and
  screens 1,000 names (:mod:`benchmarks.speed.rss`); its ``VmHWM`` (``ru_maxrss``
  would report this benchmark's own peak, carried over fork and exec).
* retrieval recall: for each query, entries >= threshold found by ``NameIndex.search``
  over those found by ``NameIndex.exhaustive`` (every indexed name scored); micro-averaged.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import REPO
from clearance.batch import screen_rows
from clearance.hits import Query
from clearance.screening import Screener

_INDEX: Any = None


def latency(
    screener: Screener, queries: Sequence[str], clock: Callable[[], float] = time.perf_counter
) -> dict[str, Any]:
    """Time of one ``Screener.screen`` call per query (wall time, or ``clock``), the first
    200 screened before as a warm-up, with the index frozen out of the cyclic garbage
    collector as the service freezes it once built (``clearance.service.screeners``)."""
    gc.collect()
    gc.freeze()
    try:
        for q in queries[:200]:
            screener.screen(Query(name=q))
        times = []
        for q in queries:
            start = clock()
            screener.screen(Query(name=q))
            times.append((clock() - start) * 1000)
    finally:
        gc.unfreeze()
    times.sort()
    return {
        "queries": len(times),
        "p50_ms": round(statistics.median(times), 3),
        "p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))], 3),
        "max_ms": round(times[-1], 3),
    }


def _cpu() -> float:
    """CPU seconds (user + sys) of this process and of its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def batch(screener: Screener, names: Sequence[str], workers: int) -> dict[str, Any]:
    queries = [Query(name=n, id=str(i)) for i, n in enumerate(names)]
    load = os.getloadavg()[0]  # other work on the machine, before ours starts
    cpu, start = _cpu(), time.perf_counter()
    matched = sum(1 for row in screen_rows(screener, queries, workers=workers) if row["matched"])
    elapsed = time.perf_counter() - start
    cpu = _cpu() - cpu
    return {
        "names": len(names),
        "distinct_names": len(set(names)),
        "workers": workers,
        "seconds": round(elapsed, 2),
        "names_per_s": round(len(names) / elapsed, 1),
        "cpu_seconds": round(cpu, 2),
        "names_per_cpu_s": round(len(names) / cpu, 1),
        "load_average_before": round(load, 2),
        "matched_share": round(matched / len(names), 4),
    }


def _oracle(args: tuple[str, float]) -> tuple[str, list[int], list[int]]:
    name, threshold = args
    variants = _INDEX.matcher.variants(name)
    found = sorted(_INDEX.search(variants, threshold))
    truth = sorted(_INDEX.exhaustive(variants, threshold))
    return name, found, truth


def retrieval_recall(screener: Screener, names: Sequence[str], workers: int) -> dict[str, Any]:
    global _INDEX
    _INDEX = screener.index
    args = [(n, screener.threshold) for n in names]
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        rows = pool.map(_oracle, args)
    hit = sum(len(set(f) & set(t)) for _, f, t in rows)
    total = sum(len(t) for _, _, t in rows)
    lost = [
        {
            "query": n,
            "missed_entries": [screener.index.entries[i].name for i in set(t) - set(f)][:3],
        }
        for n, f, t in rows
        if set(t) - set(f)
    ]
    return {
        "queries": len(rows),
        "oracle_hits": total,
        "recall": round(hit / total, 4) if total else None,
        "queries_with_loss": len(lost),
        "examples": lost[:10],
        "seconds": round(time.perf_counter() - start, 1),
    }


def peak_rss(db: Path) -> dict[str, Any]:
    """Run :mod:`benchmarks.speed.rss` in a fresh interpreter over the imported store."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.speed.rss", f"sqlite:///{db}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result
