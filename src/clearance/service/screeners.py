"""Screeners kept warm per "as of" date, rebuilt when a new list version is imported."""

from __future__ import annotations

import gc
import threading
import time
from collections import OrderedDict
from datetime import date
from typing import Any

from sqlalchemy import func, select

from clearance.errors import ListsUnavailable
from clearance.hits import ListVersionRef
from clearance.model import ListEntry
from clearance.screening import Screener
from clearance.store import Snapshot, Store
from clearance.store.schema import list_versions

CHECK_EVERY = 1.0  # seconds between checks for newly imported versions
KEEP = 8  # screeners kept (current + recent as-of dates)


class Screeners:
    """A small cache of :class:`Screener` objects keyed by as-of date (None = current)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._cache: OrderedDict[date | None, Screener] = OrderedDict()
        self._token: tuple[int, int] | None = None
        self._checked = 0.0

    def _fresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < CHECK_EVERY:
            return
        with self.store.engine.connect() as conn:
            n, top = conn.execute(
                select(func.count(), func.coalesce(func.max(list_versions.c.id), 0))
            ).one()
        token = (int(n), int(top))
        if token != self._token:
            self._cache.clear()
            self._token = token
        self._checked = now

    def refresh(self) -> None:
        """Look for newly imported versions on the next request."""
        self._checked = 0.0

    def get(self, as_of: date | None = None) -> Screener:
        with self._lock:
            self._fresh()
            found = self._cache.get(as_of)
            if found is None:
                found = Screener.from_store(self.store, as_of=as_of)
                self._cache[as_of] = found
                # The index is millions of long-lived objects: keep them out of the cyclic
                # garbage collector's full passes, which would otherwise pause requests.
                gc.collect()
                gc.freeze()
                while len(self._cache) > KEEP:
                    self._cache.popitem(last=False)
            else:
                self._cache.move_to_end(as_of)
            return found

    def exact(
        self, recorded: list[dict[str, Any]], as_of: date | None, matcher: str | None = None
    ) -> Screener:
        """A screener over exactly the recorded list versions, with the recorded matcher
        (for replay; records from before matchers were named carry none: the default)."""
        rows = {r.version: r for r in self.store.versions()}
        missing = [str(v["version"]) for v in recorded if v["version"] not in rows]
        if missing:
            raise ListsUnavailable(f"list version(s) no longer in the store: {', '.join(missing)}")
        refs: list[ListVersionRef] = []
        entries: list[ListEntry] = []
        for v in recorded:
            row = rows[v["version"]]
            cut = as_of if v.get("reconstructed") else None
            refs.append(
                ListVersionRef(
                    row.source,
                    row.version,
                    row.sha256,
                    row.published,
                    row.imported_at,
                    row.entry_count,
                    bool(cut),
                )  # fmt: skip
            )
            entries.extend(
                e
                for e in self.store.entries(row.id)
                if not (cut and e.start_date and e.start_date > cut)
            )
        return Screener(Snapshot(entries=entries, versions=refs, as_of=as_of), matcher=matcher)
