"""Run list updates on an interval: a foreground loop (``lists update --every``) or a
daemon thread for the service (``start_background``). Each round updates every source,
logs refusals and failures, and never stops the loop on one bad download.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable

from clearance.errors import InputError
from clearance.lifecycle.update import UpdateResult, update_many
from clearance.store import Store

log = logging.getLogger("clearance.lifecycle")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``90s``, ``15m``, ``6h``, ``1d`` -> seconds (at least 60)."""
    m = re.fullmatch(r"(\d+)([smhd])", text.strip())
    if not m:
        raise InputError(f"--every: {text!r} is not an interval like 30m, 6h or 1d")
    seconds = float(int(m.group(1)) * _UNITS[m.group(2)])
    if seconds < 60:
        raise InputError("--every: the interval must be at least 60s")
    return seconds


def run_round(
    store: Store, sources: list[str], report: Callable[[UpdateResult | str], None]
) -> None:
    results, errors = update_many(store, sources)
    for res in results:
        report(res)
    for err in errors:
        report(err)


def run_forever(
    store: Store,
    sources: list[str],
    interval: float,
    report: Callable[[UpdateResult | str], None],
    stop: threading.Event | None = None,
) -> None:
    """Update now, then every ``interval`` seconds until ``stop`` is set."""
    stop = stop or threading.Event()
    while not stop.is_set():
        started = time.monotonic()
        try:
            run_round(store, sources, report)
        except Exception as exc:  # keep the schedule alive; the failure is reported
            report(f"update round failed: {type(exc).__name__}: {exc}")
        stop.wait(max(0.0, interval - (time.monotonic() - started)))


def start_background(
    store: Store, sources: list[str], interval: float
) -> tuple[threading.Thread, threading.Event]:
    """For ``clearance serve``: run updates in a daemon thread; set the event to stop."""
    stop = threading.Event()

    def report(item: UpdateResult | str) -> None:
        if isinstance(item, str):
            log.warning("list update: %s", item)
        else:
            log.info("list update %s: %s %s", item.source, item.outcome, item.version)

    thread = threading.Thread(
        target=run_forever, args=(store, sources, interval, report, stop), daemon=True
    )
    thread.start()
    return thread, stop
