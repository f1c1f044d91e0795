"""Full screening of the register (or some parties) against the current list versions.

Used when parties are imported (they have never been screened) and by
``clearance rescreen --full``. The parties are indexed and queried with every entry of the
current lists — the delta path with the whole list as the delta, which finds the hits the
screener finds (``tests/lifecycle/test_rescreen.py``) and scales to large registers. Each
hit not yet alerted for that party and entry key becomes a ``new_hit`` alert; the count of
all hits is returned as well.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import insert, select

from clearance import settings
from clearance.errors import ListsUnavailable
from clearance.lifecycle.diff import group
from clearance.lifecycle.party_forms import load_index
from clearance.lifecycle.rescreen import delta_hits
from clearance.lifecycle.tables import alerts
from clearance.store import Store


def _screen(store: Store, ids: list[str] | None) -> dict[str, int]:
    index = load_index(store.engine, settings.default_threshold(), ids)
    parties = index.parties
    try:
        snap = store.snapshot()
    except ListsUnavailable:
        return {"parties": len(parties), "hits": 0, "new_alerts": 0}
    version_of = {v.source: v.version for v in snap.versions}
    threshold = settings.default_threshold()
    hits = {}
    if parties:
        hits = delta_hits(index, group(snap.entries), threshold)
    with store.engine.connect() as conn:
        known = {(r.party_id, r.entry_key) for r in conn.execute(select(alerts))}
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [
        {
            "created_at": now,
            "kind": "new_hit",
            "party_id": h.party.party_id,
            "party_name": h.party.name,
            "source": h.entry.source,
            "entry_key": h.key,
            "entry_name": h.entry.name,
            "list_code": h.entry.list_code,
            "score": round(h.score, 4),
            "matched_name": h.matched_name,
            "old_version": None,
            "new_version": version_of.get(h.entry.source, ""),
            "detail": json.dumps({"via": "full screen"}),
        }
        for pair, h in sorted(hits.items())
        if pair not in known
    ]
    if rows:
        with store.engine.begin() as conn:
            conn.execute(insert(alerts), rows)
    return {"parties": len(parties), "hits": len(hits), "new_alerts": len(rows)}


def screen_parties(store: Store, ids: list[str]) -> int:
    """Screen the given parties; the number of new alerts."""
    return _screen(store, ids)["new_alerts"]


def full_rescreen(store: Store) -> dict[str, int]:
    """Screen every registered party against every current list."""
    return _screen(store, None)
