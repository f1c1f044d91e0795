"""Probe: how often a Chinese person's name in pinyin, listed nowhere, raises an alert.

Run:  CLEARANCE_SHARED_DIR=../shared .venv/bin/python -m benchmarks.romanized_chinese [--n 3000]

The end-to-end suite's negatives hold Chinese names in Han only (Faker ``zh_CN``); a bank's
customer book holds them in pinyin too. This probe romanises Faker ``zh_CN`` names at a
fixed seed with pypinyin (``Wang Xiuying``: surname, then the given name as one word),
drops those truly close to a list name (the suite's own test: the same ASCII-folded word
set as a listed name), screens the rest over all five lists with the default matcher and
prints the share that raise any alert, with examples. A probe, not a suite: no target.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

from faker import Faker
from pypinyin import lazy_pinyin

from benchmarks import lists, names
from benchmarks.common import SEED
from clearance.hits import Query

MAX_NAMES = 20_000  # about what Faker's zh_CN surnames and given names make apart


def pinyin_names(n: int, seed: int = SEED) -> list[str]:
    """``n`` distinct names; ValueError when Faker yields too few distinct ones."""
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    found: set[str] = set()
    for _ in range(n * 20):
        if len(found) == n:
            break
        surname = "".join(lazy_pinyin(fake.last_name())).capitalize()
        given = "".join(lazy_pinyin(fake.first_name())).capitalize()
        found.add(f"{surname} {given}")
    if len(found) < n:
        raise ValueError(f"--n {n}: Faker gave only {len(found)} distinct names")
    return sorted(found)


def _count(text: str) -> int:
    n = int(text)
    if not 1 <= n <= MAX_NAMES:
        raise argparse.ArgumentTypeError(f"must be 1 to {MAX_NAMES}, got {n}")
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=_count, default=3000, help=f"names to screen (1 to {MAX_NAMES})")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store, _ = lists.import_all(Path(tmp))
        screener, _ = lists.screener(store)
        listed = names.listed_keys(screener.index.entries)
        probes = [n for n in pinyin_names(args.n) if names.token_key(n) not in listed]
        alerts = []
        for name in probes:
            hits = screener.screen(Query(name=name)).hits
            if hits:
                alerts.append((name, hits[0].matched_name, round(hits[0].score, 3)))
    rng = random.Random(SEED)
    print(
        json.dumps(
            {
                "generated": args.n,
                "not_truly_close": len(probes),
                "alerting": len(alerts),
                "alert_rate": round(len(alerts) / len(probes), 4) if probes else None,
                "examples": rng.sample(alerts, min(15, len(alerts))),
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
