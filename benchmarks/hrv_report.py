"""Benchmark: UK HRV report over a generated 1,000,000-row inventory on 50,000 sites.

Run:  .venv/bin/python benchmarks/hrv_report.py [--rows 1000000] [--sites 50000] [--format csv]

Generates the inventory with a fixed seed into a temporary folder (not timed), then times what
``clearance hrv report --inventory FILE --as-of DATE --json`` does: read and validate the file,
measure shares, evaluate every requirement and serialise the JSON. Target: <= 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from clearance.hrv.evaluate import evaluate
from clearance.hrv.inventory import read_inventory
from clearance.hrv.requirements import load_law
from clearance.hrv.synthetic import write_inventory
from clearance.hrv.vendors import VendorRegister


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--sites", type=int, default=50_000)
    ap.add_argument("--format", choices=("csv", "parquet"), default="csv")
    ap.add_argument("--as-of", default="2024-01-15")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        path = write_inventory(
            Path(tmp) / f"inventory.{args.format}", args.rows, args.sites, seed=7
        )
        gen = time.perf_counter() - t0
        ruleset = load_law()
        register = VendorRegister(ruleset)
        t1 = time.perf_counter()
        inv = read_inventory(path, register)
        t2 = time.perf_counter()
        report = evaluate(inv, dt.date.fromisoformat(args.as_of), register, "sites", ruleset)
        text = json.dumps(report.as_dict())
        t3 = time.perf_counter()
    findings = sum(len(p.findings) for p in report.providers)
    print(
        f"inventory: {len(inv):,} rows, {args.sites:,} sites, {args.format} "
        f"(generated in {gen:.1f} s)"
    )
    print(
        f"read+validate {t2 - t1:.2f} s, evaluate+json {t3 - t2:.2f} s "
        f"({len(report.providers)} providers, {findings} findings, {len(text):,} bytes)"
    )
    print(f"HRV report total: {t3 - t1:.2f} s (target <= 10 s)")
    print(
        "command: .venv/bin/python benchmarks/hrv_report.py "
        f"--rows {args.rows} --sites {args.sites} --format {args.format}"
    )


if __name__ == "__main__":
    main()
