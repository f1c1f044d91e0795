"""Spark throughput vs the single-process batch engine, on the same generated names.

``python -m benchmarks.spark_throughput --names 10000000 --master "local[2]"`` is the
full-scale run of issue 8; ``--names 200000`` is the reduced one. Steps: import the 2022-05
CSL (14,160 entries) into a fresh SQLite store (or use ``--store URL``); generate the names
(fixed seed, 30 % perturbed list names) into Parquet; screen ``--baseline-names`` of them
(default: all) with ``clearance.batch.screen_rows`` in this process; screen all of them with
``clearance.spark.screen_dataframe`` writing Parquet; sample the memory (RSS) and CPU time of
the JVM and of every Python worker while Spark runs. Prints one JSON document.

Throughput per core = names / wall second / cores. On a shared machine wall time is unfair
to both sides, so names per CPU second (all Spark processes counted) is reported too.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from benchmarks.common import require, shared_lists
from clearance.batch import queries_from, screen_rows
from clearance.screening import Screener
from clearance.sources import parse_paths
from clearance.spark.synthetic import generate_names, names_table
from clearance.spark.worker import EntriesPayload, resolve
from clearance.store import open_store

CSL = "us_trade_csl_consolidated_2022-05.csv.gz"
CHUNK = 500_000
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.spark_throughput", description=__doc__)
    p.add_argument("--names", type=int, default=200_000)
    p.add_argument("--baseline-names", type=int, help="names for the batch baseline (all)")
    p.add_argument("--master", default="local[2]")
    p.add_argument("--partitions", type=int, help="default: 4 x cores")
    p.add_argument("--ship", choices=("index", "entries"), default="index")
    p.add_argument("--store", help="store URL (default: fresh SQLite with the 2022-05 CSL)")
    p.add_argument("--workdir", help="folder for the names and the output (default: temp)")
    p.add_argument("--seed", type=int, default=8)
    return p.parse_args(argv)


def _screener(url: str | None, workdir: Path) -> Screener:
    if url is None:
        url = f"sqlite:///{workdir / 'store.db'}"
        store = open_store(url)
        if not store.versions():
            for parsed in parse_paths([require(shared_lists() / CSL)]):
                store.import_parsed(parsed)
    return Screener.from_store(open_store(url))


def _write_names(screener: Screener, count: int, seed: int, path: Path) -> None:
    rows = generate_names(screener.snapshot.entries, count, seed)
    writer: pq.ParquetWriter | None = None
    while chunk := [row for _, row in zip(range(CHUNK), rows, strict=False)]:
        table = names_table(chunk)
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    if writer:
        writer.close()


def _shipping(screener: Screener) -> dict[str, Any]:
    """Per worker process: unpickle the built index, or unpickle entries and rebuild."""
    index_blob = pickle.dumps(screener, protocol=5)
    entries_blob = pickle.dumps(EntriesPayload(screener.snapshot, screener.threshold), 5)
    t0 = time.perf_counter()
    pickle.loads(index_blob)
    t1 = time.perf_counter()
    resolve(pickle.loads(entries_blob))
    t2 = time.perf_counter()
    return {
        "index": {"bytes": len(index_blob), "load_s": round(t1 - t0, 3)},
        "entries": {"bytes": len(entries_blob), "load_and_build_s": round(t2 - t1, 3)},
    }


def _baseline(screener: Screener, path: Path, count: int | None) -> dict[str, Any]:
    table = pq.read_table(path)
    table = table.slice(0, count) if count else table
    queries = queries_from(table, "name", "country", "type", "id", path)
    wall, cpu = time.perf_counter(), time.process_time()
    matched = sum(1 for row in screen_rows(screener, queries) if row["matched"])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "names": len(queries),
        "matched": matched,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "names_per_s": round(len(queries) / wall, 1),
        "names_per_cpu_s": round(len(queries) / cpu, 1),
    }


class ProcessSampler(threading.Thread):
    """Peak RSS and CPU time of this process's descendants (the JVM, Python workers)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.peak: dict[int, tuple[str, int]] = {}
        self.cpu: dict[int, float] = {}
        self.kind: dict[int, str] = {}

    def _descendants(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry.name))
        found, todo = [], [os.getpid()]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found

    def sample(self) -> None:
        for pid in self._descendants():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            rss = int(fields[21]) * PAGE
            self.cpu[pid] = (int(fields[11]) + int(fields[12])) / TICK
            kind = self.kind[pid] = "jvm" if "java" in cmd.split(" ")[0] else "python-worker"
            if rss > self.peak.get(pid, ("", 0))[1]:
                self.peak[pid] = (kind, rss)

    def run(self) -> None:
        while not self.stop.wait(0.5):
            self.sample()


def _spark(args: argparse.Namespace, screener: Screener, src: Path, out: Path) -> dict[str, Any]:
    from clearance.spark import get_session, screen_dataframe

    spark = get_session(args.master, "clearance-spark-benchmark")
    spark.sparkContext.setLogLevel("ERROR")
    cores = spark.sparkContext.defaultParallelism
    sampler = ProcessSampler()
    sampler.sample()
    before = dict(sampler.cpu)
    sampler.start()
    wall = time.perf_counter()
    df = spark.read.parquet(str(src))
    screened = screen_dataframe(
        df, "name", "country", "type", id_col="id", keep_input=False, screener=screener,
        partitions=args.partitions or 4 * cores, ship=args.ship,
    )  # fmt: skip
    screened.write.mode("overwrite").parquet(str(out))
    wall = time.perf_counter() - wall
    sampler.sample()
    sampler.stop.set()
    names = spark.read.parquet(str(out)).count()
    matched = spark.read.parquet(str(out)).where("matched").count()
    spark.stop()
    used = {pid: c - before.get(pid, 0.0) for pid, c in sampler.cpu.items()}
    cpu = sum(used.values())
    by_kind = {k: round(sum(c for p, c in used.items() if sampler.kind[p] == k), 2)
               for k in ("jvm", "python-worker")}  # fmt: skip
    workers = [rss for kind, rss in sampler.peak.values() if kind == "python-worker"]
    jvm = [rss for kind, rss in sampler.peak.values() if kind == "jvm"]
    return {
        "master": args.master,
        "cores": cores,
        "ship": args.ship,
        "names": names,
        "matched": matched,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "cpu_s_by_process": by_kind,
        "names_per_s": round(names / wall, 1),
        "names_per_s_per_core": round(names / wall / cores, 1),
        "names_per_cpu_s": round(names / cpu, 1) if cpu else None,
        "python_worker_peak_rss_mb": sorted(round(r / 2**20) for r in workers),
        "jvm_peak_rss_mb": round(max(jvm) / 2**20) if jvm else None,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = _args(argv)
    with tempfile.TemporaryDirectory(prefix="clearance-spark-bench-") as tmp:
        workdir = Path(args.workdir or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        screener = _screener(args.store, workdir)
        src = workdir / f"names-{args.names}-{args.seed}.parquet"
        if not src.exists():
            _write_names(screener, args.names, args.seed, src)
        result: dict[str, Any] = {
            "command": "python -m benchmarks.spark_throughput " + " ".join(sys.argv[1:]),
            "lists": [ref.version for ref in screener.lists],
            "entries": len(screener.snapshot.entries),
            "shipping": _shipping(screener),
            "batch": _baseline(screener, src, args.baseline_names),
            "spark": _spark(args, screener, src, workdir / "screened.parquet"),
        }
    base, spark = result["batch"], result["spark"]
    result["per_core_ratio_wall"] = round(spark["names_per_s_per_core"] / base["names_per_s"], 3)
    if spark["names_per_cpu_s"]:
        result["per_cpu_s_ratio"] = round(spark["names_per_cpu_s"] / base["names_per_cpu_s"], 3)
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
