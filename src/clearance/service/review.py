"""Review of hits: append-only judgements (confirm/dismiss) keyed to the list entry's content.

A hit is identified by the counterparty (its normalised name and country), the entry's
source and source id, and a SHA-256 of the entry's JSON. A dismissal suppresses exactly that
hit; when the list entry changes its hash changes, so the hit comes back for review.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from clearance.errors import InputError, NotFound
from clearance.hits import Hit, Query
from clearance.match.normalize import normalize_name
from clearance.model import ListEntry
from clearance.service.tables import judgements, review_hits
from clearance.store.codec import entry_to_json

ACTIONS = ("confirm", "dismiss")


def counterparty_key(query: Query) -> str:
    return f"{normalize_name(query.name) or query.name.strip().lower()}|{query.country or ''}"


def entry_hash(entry: ListEntry) -> str:
    """SHA-256 of the entry's JSON: changes whenever anything in the entry changes."""
    return hashlib.sha256(entry_to_json(entry).encode("utf-8")).hexdigest()


def hit_identity(query: Query, hit: Hit, digest: str | None = None) -> dict[str, str]:
    """The key a judgement is recorded against (``digest``: the entry hash, if known)."""
    entry_hash_ = digest or entry_hash(hit.entry)
    counterparty = counterparty_key(query)
    e = hit.entry
    raw = "\x1f".join((counterparty, e.source, e.source_id, entry_hash_))
    return {
        "hit_id": hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32],
        "counterparty": counterparty,
        "source": e.source,
        "source_id": e.source_id,
        "entry_hash": entry_hash_,
    }


def latest(conn: Connection, hit_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The newest judgement of each hit id that has one."""
    ids = sorted(set(hit_ids))
    if not ids:
        return {}
    newest = (
        select(func.max(judgements.c.id))
        .where(judgements.c.hit_id.in_(ids))
        .group_by(judgements.c.hit_id)
    )
    found = conn.execute(select(judgements).where(judgements.c.id.in_(newest))).all()
    return {r.hit_id: _judgement(r) for r in found}


def _judgement(row: Any) -> dict[str, Any]:
    return {
        "action": row.action,
        "reason": row.reason,
        "reviewer": row.reviewer,
        "at": row.created_at,
        "decision_id": row.decision_id,
    }


def remember(conn: Connection, rows: list[dict[str, Any]], decision_id: str) -> None:
    """Add hits not seen before to the review table (call inside the audit transaction)."""
    if not rows:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    fresh = {r["hit_id"]: {**r, "first_decision_id": decision_id, "first_seen": now} for r in rows}
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        from sqlalchemy.dialects import postgresql, sqlite

        make = sqlite.insert if dialect == "sqlite" else postgresql.insert
        stmt = make(review_hits).on_conflict_do_nothing(index_elements=["hit_id"])
        conn.execute(stmt, list(fresh.values()))
        return
    known = set(
        conn.execute(select(review_hits.c.hit_id).where(review_hits.c.hit_id.in_(fresh))).scalars()
    )
    new = [r for k, r in fresh.items() if k not in known]
    if new:
        conn.execute(insert(review_hits), new)


def get_hit(engine: Engine, hit_id: str) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(select(review_hits).where(review_hits.c.hit_id == hit_id)).first()
        if row is None:
            raise NotFound(f"no hit with id {hit_id!r}")
        history = conn.execute(
            select(judgements).where(judgements.c.hit_id == hit_id).order_by(judgements.c.id)
        ).all()
    out = _hit(row)
    out["judgements"] = [_judgement(h) for h in history]
    out["status"] = _status(out["judgements"][-1] if history else None)
    return out


def _hit(row: Any) -> dict[str, Any]:
    return {
        "hit_id": row.hit_id,
        "counterparty": row.counterparty,
        "query_name": row.query_name,
        "source": row.source,
        "source_id": row.source_id,
        "entry_hash": row.entry_hash,
        "entry": json.loads(row.entry),
        "score": float(row.score),
        "first_decision_id": row.first_decision_id,
        "first_seen": row.first_seen,
    }


def _status(judgement: dict[str, Any] | None) -> str:
    if judgement is None:
        return "open"
    return "confirmed" if judgement["action"] == "confirm" else "dismissed"


def queue(engine: Engine, status: str = "open", limit: int = 100) -> list[dict[str, Any]]:
    """Hits by review status (open, confirmed, dismissed), newest first."""
    if status not in ("open", "confirmed", "dismissed"):
        raise InputError(f"status: must be open, confirmed or dismissed, got {status!r}")
    with engine.connect() as conn:
        found = conn.execute(
            select(review_hits).order_by(review_hits.c.first_seen.desc()).limit(5000)
        ).all()
        judged = latest(conn, [r.hit_id for r in found])
    out = []
    for row in found:
        item = _hit(row)
        item["judgement"] = judged.get(row.hit_id)
        item["status"] = _status(item["judgement"])
        if item["status"] == status:
            out.append(item)
    return out[:limit]


def judgement_row(hit: dict[str, Any], action: str, reason: str, reviewer: str) -> dict[str, Any]:
    """Validate a judgement; the row to append (the audit transaction adds the decision id)."""
    if action not in ACTIONS:
        raise InputError(f"action: must be confirm or dismiss, got {action!r}")
    if not reason.strip():
        raise InputError("reason: must not be empty")
    return {
        "hit_id": hit["hit_id"],
        "counterparty": hit["counterparty"],
        "source": hit["source"],
        "source_id": hit["source_id"],
        "entry_hash": hit["entry_hash"],
        "action": action,
        "reason": reason.strip(),
        "reviewer": reviewer,
        "created_at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }


def append(conn: Connection, row: dict[str, Any], decision_id: str) -> None:
    conn.execute(insert(judgements).values(**row, decision_id=decision_id))
