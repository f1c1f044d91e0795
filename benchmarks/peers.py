"""Pairwise scorers compared in the same process: ours (the default matcher, name-v2), our
previous matcher name-v1, a rapidfuzz baseline, nomenklatura.

Every scorer is ``(query, candidate, schema) -> float in [0, 1]``. The nomenklatura peers
(``logic-v2``, ``logic-v1``, ``ofac``; optional ``bench`` extra) compare two single-name
FollowTheMoney ``ValueEntity`` objects of the given schema with the algorithm's default
config, as in screening-anchors.md Appendix A. Each entity gets a fresh id: nomenklatura
memoises per entity id, and reusing ids silently returns the first pair's score.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import JaroWinkler

from benchmarks.common import default_threshold, ours_pair_score, plain_fold

PairScorer = Callable[[str, str, str], float]


@dataclass(frozen=True)
class Peer:
    """A named pairwise scorer and the alert threshold it is conventionally run at."""

    name: str
    threshold: float
    score: PairScorer
    note: str


def _ours(query: str, candidate: str, schema: str) -> float:
    return ours_pair_score(query, candidate, schema)


def _name_v1(query: str, candidate: str, schema: str) -> float:
    return ours_pair_score(query, candidate, schema, "name-v1")


def _jaro_winkler(query: str, candidate: str, schema: str) -> float:
    return float(JaroWinkler.normalized_similarity(plain_fold(query), plain_fold(candidate)))


def _nomenklatura(algorithm: str) -> PairScorer | None:
    try:
        from followthemoney import ValueEntity
        from nomenklatura.matching import get_algorithm
    except ImportError:
        return None
    algo = get_algorithm(algorithm)
    if algo is None:
        return None
    config = algo.default_config()
    ids = itertools.count()

    def entity(schema: str, name: str) -> Any:
        data = {"id": f"b{next(ids)}", "schema": schema, "properties": {"name": [name]}}
        return ValueEntity.from_dict(data)

    def score(query: str, candidate: str, schema: str) -> float:
        q, c = entity(schema, query), entity(schema, candidate)
        return float(algo.compare(q, c, config).score)

    return score


NOMENKLATURA = {"logic-v2": 0.70, "logic-v1": 0.70, "ofac": 0.85}


def load_peers(names: list[str] | None = None) -> tuple[list[Peer], list[str]]:
    """The scorers to run (ours first) and notes on any peer skipped."""
    wanted = names or ["ours", "name-v1", "jaro-winkler", *NOMENKLATURA]
    peers: list[Peer] = []
    skipped: list[str] = []
    for name in wanted:
        if name == "ours":
            peers.append(Peer("ours", default_threshold(), _ours, "clearance, default matcher"))
        elif name == "name-v1":
            peers.append(Peer(name, default_threshold(), _name_v1, "clearance's previous matcher"))
        elif name == "jaro-winkler":
            peers.append(Peer(name, 0.85, _jaro_winkler, "rapidfuzz JW, whole string, NFKD-folded"))
        elif name in NOMENKLATURA:
            scorer = _nomenklatura(name)
            if scorer is None:
                skipped.append(f"{name}: nomenklatura not installed (pip install '.[bench]')")
                continue
            peers.append(Peer(name, NOMENKLATURA[name], scorer, "nomenklatura 4.17.4 compare"))
        else:
            raise ValueError(f"--peers: unknown scorer {name!r}")
    return peers, skipped
