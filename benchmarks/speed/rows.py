"""Row-for-row check of the batch engine across a performance change.

    .venv/bin/python -m benchmarks.speed.rows dump OUT.json [--names 20000] [--workers 2]
    .venv/bin/python -m benchmarks.speed.rows compare OLD.json NEW.json

``dump`` screens a fixed sample with :func:`clearance.batch.screen_rows` over every list of
:mod:`benchmarks.speed.cpu` (the same cached store) and writes every output row: generated
names (with repeats, as real books have), perturbed list names (hits, so explanations are
compared too), Faker names, and some of each with a country or entity type qualifier.
Run it with the old code (a worktree of the previous commit) and the new; ``compare``
reports the first differing rows and exits non-zero on any difference.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import SEED
from benchmarks.names import bulk_names, faker_names, perturbed
from benchmarks.speed.cpu import _store
from clearance.batch import screen_rows
from clearance.hits import Query
from clearance.screening import Screener

COUNTRIES = ("RU", "IR", "CN", "US", "DE", "KP", "SY")
TYPES = ("person", "company", "vessel", "aircraft", "unknown")


def sample(screener: Screener, n: int) -> list[Query]:
    """About ``n`` queries at a fixed seed, mixed so that every path of a row is taken."""
    rng = random.Random(SEED)
    entries = screener.index.entries
    names = bulk_names(n * 6 // 10)
    names += [p.query for p in perturbed(entries, n // 5)]
    names += [p.query for p in faker_names(n // 10, set())]
    names += [rng.choice(names).upper() for _ in range(n // 20)]  # same name, other case
    names += [rng.choice(names) for _ in range(n - len(names))]  # exact repeats
    rng.shuffle(names)
    queries = []
    for i, name in enumerate(names):
        roll = rng.random()
        country = rng.choice(COUNTRIES) if roll < 0.15 else None
        kind = rng.choice(TYPES) if 0.1 < roll < 0.25 else None
        queries.append(Query(name=name, country=country, entity_type=kind, id=f"q{i}"))
    return queries


def dump(out: Path, n: int, workers: int, db: Path) -> None:
    screener = Screener.from_store(_store(db))
    queries = sample(screener, n)
    start = time.perf_counter()
    rows = list(screen_rows(screener, queries, workers=workers))
    elapsed = time.perf_counter() - start
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    matched = sum(1 for r in rows if r["matched"])
    print(f"{len(rows)} rows ({matched} matched) in {elapsed:.1f} s -> {out}")


def compare(old: Path, new: Path) -> int:
    a: list[dict[str, Any]] = json.loads(old.read_text(encoding="utf-8"))
    b: list[dict[str, Any]] = json.loads(new.read_text(encoding="utf-8"))
    if len(a) != len(b):
        print(f"row counts differ: {len(a)} vs {len(b)}")
        return 1
    diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    for i in diffs[:5]:
        keys = [k for k in a[i].keys() | b[i].keys() if a[i].get(k) != b[i].get(k)]
        print(f"row {i}: {', '.join(sorted(keys))}")
        for k in sorted(keys):
            print(f"  old {k}: {a[i].get(k)!r}\n  new {k}: {b[i].get(k)!r}")
    matched = sum(1 for r in a if r["matched"])
    print(f"{len(a)} rows ({matched} matched): {len(diffs)} differ")
    return 1 if diffs else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--names", type=int, default=20000)
    d.add_argument("--workers", type=int, default=2)
    d.add_argument(
        "--db", type=Path, default=Path(tempfile.gettempdir()) / "clearance_cpu_bench.db"
    )
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.names, args.workers, args.db)
    else:
        sys.exit(compare(args.old, args.new))


if __name__ == "__main__":
    main()
