"""nomenklatura name_bench: 826 hand-labelled name pairs (MIT), scored as published.

name1 is the query, name2 the list name. Groups are ``case_group``; the quality tier
(STRONG/MEDIUM/WEAK) is reported as a second breakdown. Our threshold is the default
(0.80), chosen on other data: it is not tuned on this file.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any

from benchmarks.common import require, shared_lists
from benchmarks.peers import Peer
from benchmarks.quality.pairs import Pair, score_pairs

FILE = "eval_nomenklatura_name_bench_cases.csv"


def load(group_by: str = "case_group") -> list[Pair]:
    path = require(shared_lists() / FILE)
    pairs: list[Pair] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            label = row["is_match"].strip().lower()
            if label not in ("true", "false"):
                raise ValueError(f"{path}:{line}: is_match must be true/false, got {label!r}")
            pairs.append(
                Pair(row[group_by], row["schema"], row["name1"], row["name2"], label == "true")
            )
    return pairs


def run(peers: Sequence[Peer], quick: bool = False) -> dict[str, Any]:
    pairs = load()
    result = score_pairs(pairs, peers)
    tiers = score_pairs(load("quality"), [p for p in peers if p.name == "ours"])
    return {"pairs": len(pairs), "peers": result, "ours_by_quality_tier": tiers["ours"]["groups"]}
