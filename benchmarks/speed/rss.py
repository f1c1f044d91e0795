"""Peak RSS of one process with every list loaded: ``python -m benchmarks.speed.rss URL``."""

from __future__ import annotations

import json
import resource
import sys
import time

from benchmarks.names import bulk_names
from clearance.hits import Query
from clearance.screening import Screener
from clearance.store import open_store


def main(url: str) -> None:
    start = time.perf_counter()
    screener = Screener.from_store(open_store(url))
    loaded = time.perf_counter() - start
    for name in bulk_names(1000):
        screener.screen(Query(name=name))
    print(json.dumps({"peak_rss_mb": round(peak_mb(), 1), "load_seconds": round(loaded, 2)}))


def peak_mb() -> float:
    """This process's peak resident set (``VmHWM``). Not ``ru_maxrss``: Linux carries the
    parent's high-water mark over a fork and exec into it, so a process started by the
    benchmark would report the benchmark's own peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main(sys.argv[1])
