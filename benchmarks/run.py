"""One command for the whole benchmark: ``python -m benchmarks.run [--quick] [--name N]``.

Writes ``benchmarks/results/<name>.json`` and ``<name>.md``. Peers missing from the
environment (``bench`` extra: nomenklatura, faker) are skipped and named in the result.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import lists, names
from benchmarks.common import REPO, SEED
from benchmarks.peers import load_peers
from benchmarks.quality import cross_script, end_to_end, name_bench, robustness
from benchmarks.report import render
from benchmarks.speed import suite as speed
from clearance.match import build
from clearance.screening import Screener

SUITES = ("name_bench", "cross_script", "robustness", "end_to_end", "speed")
QUICK = {"e2e": 200, "latency": 400, "batch": 5_000, "oracle": 6, "unfiltered": 2_000}
FULL = {"e2e": 2000, "latency": 2000, "batch": 100_000, "oracle": 100, "unfiltered": 30_000}


def _args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    p.add_argument("--quick", action="store_true", help="reduced scale (about 2 minutes)")
    p.add_argument("--name", help="result file name (default: quick or full)")
    p.add_argument("--suites", default=",".join(SUITES), help="comma list of " + ", ".join(SUITES))
    p.add_argument("--peers", help="comma list: ours,name-v1,jaro-winkler,logic-v2,logic-v1,ofac")
    p.add_argument("--workers", type=int, default=2, help="batch / oracle worker processes")
    p.add_argument("--batch-names", type=int, help="names for the batch throughput run")
    p.add_argument("--e2e", type=int, help="positives and negatives each, end to end")
    p.add_argument("--oracle-queries", type=int, help="queries for retrieval recall")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = _args(argv)
    scale = dict(QUICK if args.quick else FULL)
    for key, value in (
        ("batch", args.batch_names),
        ("e2e", args.e2e),
        ("oracle", args.oracle_queries),
    ):
        if value:
            scale[key] = value
    wanted = args.suites.split(",")
    if unknown := set(wanted) - set(SUITES):
        raise SystemExit(f"--suites: unknown {sorted(unknown)}")
    peers, skipped = load_peers(args.peers.split(",") if args.peers else None)
    name = args.name or ("quick" if args.quick else "full")
    result: dict[str, Any] = {
        "name": name,
        "command": "python -m benchmarks.run "
        + " ".join(argv if argv is not None else sys.argv[1:]),
        "environment": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            # the matcher as Python, or compiled by scripts/compile.py (same results)
            "matcher_build": build(),
            "seed": SEED,
            "scale": scale,
        },
        "skipped": skipped,
        "seconds": {},
    }
    for key, module in (
        ("name_bench", name_bench),
        ("cross_script", cross_script),
        ("robustness", robustness),
    ):
        if key in wanted:
            start = time.perf_counter()
            result[key] = module.run(peers, quick=args.quick)
            result["seconds"][key] = round(time.perf_counter() - start, 1)
            print(f"{key}: {result['seconds'][key]} s", file=sys.stderr)
    if {"end_to_end", "speed"} & set(wanted):
        previous = any(p.name == "name-v1" for p in peers)
        _lists_suites(result, wanted, scale, args.workers, previous)
    _write(result, name)
    return result


def _lists_suites(
    result: dict[str, Any],
    wanted: list[str],
    scale: dict[str, int],
    workers: int,
    previous: bool = False,
) -> None:
    try:
        import faker  # noqa: F401
    except ImportError:
        result["skipped"].append(
            "end_to_end and speed: faker not installed (pip install '.[bench]')"
        )
        return
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store, imports = lists.import_all(Path(tmp))
        screener, built = lists.screener(store)
        entries = screener.index.entries
        positives = names.perturbed(entries, scale["e2e"])
        negatives = names.faker_names(scale["e2e"], names.listed_keys(entries))
        if "end_to_end" in wanted:
            bulk = names.bulk_names(scale["unfiltered"])
            result["end_to_end"] = end_to_end.run(screener, positives, negatives, bulk)
            if previous:  # our previous matcher, on the same probes
                old = Screener(screener.snapshot, matcher="name-v1")
                result["end_to_end_name_v1"] = end_to_end.run(old, positives, negatives, bulk)
            print(f"end_to_end: {time.perf_counter() - start:.1f} s", file=sys.stderr)
        if "speed" in wanted:
            mixed = [q for pair in zip(positives, negatives, strict=False) for q in pair]
            queries = [p.query for p in mixed]
            result["speed"] = {
                "import_seconds": imports,
                "screener_build_seconds": round(built, 2),
                "latency": speed.latency(screener, (queries * 10)[: scale["latency"]]),
                "batch": speed.batch(screener, names.bulk_names(scale["batch"]), workers),
                "peak_rss": speed.peak_rss(Path(tmp) / "bench.db"),
                "retrieval_recall": speed.retrieval_recall(
                    screener, [p.query for p in positives[: scale["oracle"]]], workers
                ),
            }
        result["seconds"]["lists"] = round(time.perf_counter() - start, 1)


def _write(result: dict[str, Any], name: str) -> None:
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(
        json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / f"{name}.md").write_text(render(result) + "\n", encoding="utf-8")
    print(f"wrote {out / name}.json and .md", file=sys.stderr)


if __name__ == "__main__":
    main()
