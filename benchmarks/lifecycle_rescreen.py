"""Benchmark: delta re-screening of a large counterparty register.

Builds a synthetic register of ``--parties`` names (Faker name pools combined at random,
plus ``--seeded`` typo'd copies of list names so there are hits) and imports it into a
fresh SQLite store the way ``clearance parties import`` does (names normalised once and
stored: a one-off cost). Then, as after a list update, it loads the party index from the
store (:func:`clearance.lifecycle.party_forms.load_index`) and re-screens the register
against ``--delta`` entries of the 2022-05 CSL taken as just added: the figure the issue
asks for is load + delta re-screen. ``--verify`` also screens every party the slow way (a
Screener over the delta entries) and compares the hit sets — feasible at reduced scale.

Full scale (the issue's target, <= 10 s for the re-screen):
    .venv/bin/python benchmarks/lifecycle_rescreen.py --parties 1000000 --delta 500
Reduced scale with verification:
    .venv/bin/python benchmarks/lifecycle_rescreen.py --parties 20000 --delta 500 --verify
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from faker import Faker

from clearance.lifecycle.diff import group
from clearance.lifecycle.parties import import_parties
from clearance.lifecycle.party_forms import load_index
from clearance.lifecycle.party_index import Party
from clearance.lifecycle.rescreen import delta_hits, full_hits
from clearance.sources import parse_paths

CSL = "data/lists/us_trade_csl_consolidated_2022-05.csv.gz"
ORG_WORDS = ["Trading", "Industries", "Holdings", "Logistics", "Electronics", "Systems", "Foods"]
LEGAL = ["Ltd", "LLC", "GmbH", "Inc.", "S.A.", "Co., Ltd.", "PLC", "AG", ""]


def shared_dir() -> Path:
    env = os.environ.get("CLEARANCE_SHARED_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared"


def synthetic_names(n: int, rng: random.Random) -> list[str]:
    fake = Faker(["en_US", "de_DE", "fr_FR", "es_ES", "it_IT"])
    Faker.seed(rng.randint(0, 2**31))
    firsts = list({fake.first_name() for _ in range(4000)})
    lasts = list({fake.last_name() for _ in range(12000)})
    words = list({w for _ in range(6000) for w in fake.company().replace(",", " ").split()})
    words = [w for w in words if w.isalpha() and len(w) > 2]
    out: list[str] = []
    for i in range(n):
        if i % 2:
            parts = [rng.choice(firsts), rng.choice(lasts)]
            if rng.random() < 0.3:
                parts.insert(1, rng.choice(firsts))
            out.append(" ".join(parts))
        else:
            stem = rng.choice(lasts) if rng.random() < 0.5 else rng.choice(words)
            extra = rng.choice(words + ORG_WORDS)
            out.append(f"{stem} {extra} {rng.choice(LEGAL)}".strip())
    return out


def typo(name: str, rng: random.Random) -> str:
    if len(name) < 6:
        return name
    i = rng.randrange(1, len(name) - 2)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parties", type=int, default=1_000_000)
    ap.add_argument("--delta", type=int, default=500)
    ap.add_argument("--seeded", type=int, default=1000, help="typo'd list names in the register")
    ap.add_argument("--threshold", type=float, default=0.80)
    ap.add_argument("--verify", action="store_true", help="compare with a full screen (slow)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    csl = shared_dir() / CSL
    if not csl.is_file():
        print(f"missing {csl} (set CLEARANCE_SHARED_DIR)", file=sys.stderr)
        return 2
    entries = parse_paths([csl])[0].entries
    delta_entries = rng.sample(entries, args.delta)
    t0 = time.perf_counter()
    names = synthetic_names(args.parties - args.seeded, rng)
    names += [typo(rng.choice(delta_entries).name, rng) for _ in range(args.seeded)]
    parties = [Party(f"P{i}", n) for i, n in enumerate(names)]
    work = Path(tempfile.mkdtemp(prefix="clearance-bench-"))
    register = work / "register.csv"
    with open(register, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "name"])
        writer.writerows((p.party_id, p.name) for p in parties)
    os.environ["CLEARANCE_HOME"] = str(work)
    os.environ.pop("CLEARANCE_DATABASE_URL", None)
    from clearance.store import open_store

    store = open_store()
    t1 = time.perf_counter()
    import_parties(store.engine, register)
    t2 = time.perf_counter()
    load_index(store.engine, args.threshold)  # a miss: built from stored forms, then cached
    t2b = time.perf_counter()
    index = load_index(store.engine, args.threshold)  # what every later update does
    t3 = time.perf_counter()
    delta = group(delta_entries)
    hits = delta_hits(index, delta, args.threshold)
    t4 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"parties {len(parties):,} (forms {len(index):,}), "
        f"delta {len(delta_entries)} entries ({len(delta)} keys), threshold {args.threshold}"
    )
    print(f"generate register     {t1 - t0:8.2f} s")
    print(f"parties import        {t2 - t1:8.2f} s  (one-off: names normalised and stored)")
    print(f"build index (miss)    {t2b - t2:8.2f} s  (from stored forms; once per register change)")
    print(f"load index (cached)   {t3 - t2b:8.2f} s  (on every list update)")
    print(f"delta re-screen       {t4 - t3:8.2f} s  -> {len(hits):,} hits")
    print(f"load + delta          {t4 - t2b:8.2f} s  (target <= 10 s at 1,000,000 parties)")
    print(f"peak RSS              {rss:8,.0f} MiB")
    shutil.rmtree(work, ignore_errors=True)
    if args.verify:
        t5 = time.perf_counter()
        slow = full_hits(parties, delta_entries, args.threshold)
        t6 = time.perf_counter()
        same = set(slow) == set(hits)
        print(
            f"full re-screen        {t6 - t5:8.2f} s  -> {len(slow):,} hits; same hit set as "
            f"the delta: {same} (only delta {len(set(hits) - set(slow))}, only full "
            f"{len(set(slow) - set(hits))})"
        )
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
