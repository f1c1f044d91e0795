"""Reading alerts back, newest first, optionally since a date or time."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, select

from clearance.lifecycle.tables import alerts


def list_alerts(
    engine: Engine, since: str | None = None, party: str | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    """Alerts as dicts; ``since`` is an ISO date or timestamp compared to ``created_at``."""
    query = select(alerts).order_by(alerts.c.id.desc()).limit(limit)
    if since:
        query = query.where(alerts.c.created_at >= since)
    if party:
        query = query.where(alerts.c.party_id == party)
    with engine.connect() as conn:
        rows = list(conn.execute(query))
    return [{**row._asdict(), "detail": json.loads(row.detail)} for row in rows]
