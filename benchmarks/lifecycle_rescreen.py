"""Benchmark: delta re-screening of a large counterparty register.

Builds a synthetic register of ``--parties`` names (Faker name pools combined at random,
plus ``--seeded`` typo'd copies of list names so there are hits), indexes it
(:class:`clearance.lifecycle.party_index.PartyIndex`), then times the delta re-screen of
``--delta`` entries taken from the 2022-05 CSL as if just added. ``--verify`` also screens
every party the slow way (a Screener over the delta entries) and checks the hit sets are
equal — feasible at reduced scale only.

Full scale (the issue's target, <= 10 s for the re-screen):
    .venv/bin/python benchmarks/lifecycle_rescreen.py --parties 1000000 --delta 500
Reduced scale with verification:
    .venv/bin/python benchmarks/lifecycle_rescreen.py --parties 20000 --delta 500 --verify
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

from faker import Faker

from clearance.lifecycle.diff import group
from clearance.lifecycle.party_index import Party, PartyIndex
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
    t1 = time.perf_counter()
    index = PartyIndex(parties, min_threshold=args.threshold)
    t2 = time.perf_counter()
    delta = group(delta_entries)
    hits = delta_hits(index, delta, args.threshold)
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"parties {len(parties):,} (forms {len(index.forms):,}), "
        f"delta {len(delta_entries)} entries ({len(delta)} keys), threshold {args.threshold}"
    )
    print(f"generate register  {t1 - t0:8.2f} s")
    print(
        f"build party index  {t2 - t1:8.2f} s  (once per register change; peak RSS {rss:,.0f} MiB)"
    )
    print(f"delta re-screen    {t3 - t2:8.2f} s  -> {len(hits):,} hits")
    if args.verify:
        t4 = time.perf_counter()
        slow = full_hits(parties, delta_entries, args.threshold)
        t5 = time.perf_counter()
        same = set(slow) <= set(hits)
        extra = len(set(hits) - set(slow))
        print(
            f"full re-screen     {t5 - t4:8.2f} s  -> {len(slow):,} hits; every full-screen hit "
            f"found by the delta: {same}; delta-only (retrieval gap of the screener): {extra}"
        )
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
