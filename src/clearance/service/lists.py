"""List status for the API and the web page: current versions, counts, age, staleness."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from clearance.store import Store

STALE_AFTER_DAYS = 14


def status(store: Store, today: date | None = None) -> list[dict[str, Any]]:
    """One row per source's current version, with its age in days and a staleness flag."""
    today = today or datetime.now(UTC).date()
    out = []
    for row in store.versions():
        if not row.is_current:
            continue
        born = row.published or datetime.fromisoformat(row.imported_at).date()
        age = (today - born).days
        out.append(
            {
                "source": row.source,
                "version": row.version,
                "sha256": row.sha256,
                "published": row.published.isoformat() if row.published else None,
                "imported_at": row.imported_at,
                "entries": row.entry_count,
                "counts": json.loads(row.counts),
                "age_days": age,
                "stale": age > STALE_AFTER_DAYS,
                "sample": row.source == "sample",
            }
        )
    return out
