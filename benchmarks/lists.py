"""All lists imported into a fresh SQLite store (timed), and the screener over them."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from benchmarks.common import all_list_paths, ours
from clearance.screening import Screener
from clearance.sources import parse_paths
from clearance.store import Store, open_store


def import_all(folder: Path) -> tuple[Store, dict[str, Any]]:
    """Parse and import every list of the suite into ``folder/bench.db``; seconds per list."""
    store = open_store(f"sqlite:///{folder / 'bench.db'}")
    timings: dict[str, Any] = {}
    total = 0.0
    for label, paths in all_list_paths().items():
        start = time.perf_counter()
        for parsed in parse_paths(paths):
            store.import_parsed(parsed)
        elapsed = time.perf_counter() - start
        timings[label] = round(elapsed, 2)
        total += elapsed
    timings["all lists"] = round(total, 2)
    return store, timings


def screener(store: Store) -> tuple[Screener, float]:
    """The screener over every current list version and the seconds it took to build."""
    start = time.perf_counter()
    built = Screener.from_store(store, matcher=ours().name)
    return built, time.perf_counter() - start
