"""Score a list of labelled pairs with every peer: metrics, timing and our worst errors."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.common import Scored, metrics, worst
from benchmarks.peers import Peer

WARM_UP = 50


@dataclass(frozen=True)
class Pair:
    group: str
    schema: str
    query: str
    candidate: str
    label: bool


def score_pairs(pairs: Sequence[Pair], peers: Sequence[Peer]) -> dict[str, Any]:
    """Per peer: metrics at its threshold (overall and per group) and µs per pair."""
    out: dict[str, Any] = {}
    for peer in peers:
        for p in pairs[:WARM_UP]:  # first calls load corpora (logic-v2's names corpus)
            peer.score(p.query, p.candidate, p.schema)
        start = time.perf_counter()
        items = [
            Scored(
                p.group, p.label, peer.score(p.query, p.candidate, p.schema), p.query, p.candidate
            )
            for p in pairs
        ]
        elapsed = time.perf_counter() - start
        result = metrics(items, peer.threshold)
        result["us_per_pair"] = round(elapsed / max(1, len(pairs)) * 1e6, 1)
        if peer.name == "ours":
            result["errors"] = worst(items, peer.threshold)
        out[peer.name] = result
    return out


@dataclass(frozen=True)
class Case:
    """A query scored against several names of one entry (the best one counts)."""

    group: str
    label: bool
    schema: str
    query: str
    candidates: tuple[str, ...]


def score_cases(cases: Sequence[Case], peers: Sequence[Peer]) -> dict[str, Any]:
    """Per peer: metrics at its threshold, per group, and our worst errors."""
    out: dict[str, Any] = {}
    for peer in peers:
        items = []
        start = time.perf_counter()
        for c in cases:
            best, name = max((peer.score(c.query, n, c.schema), n) for n in c.candidates)
            items.append(Scored(c.group, c.label, best, c.query, name))
        result = metrics(items, peer.threshold)
        result["seconds"] = round(time.perf_counter() - start, 2)
        if peer.name == "ours":
            result["errors"] = worst(items, peer.threshold)
        out[peer.name] = result
    return out
