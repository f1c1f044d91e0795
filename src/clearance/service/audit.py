"""The append-only, hash-chained audit log of every decision the service makes.

Each record stores ``prev_hash`` (the previous record's hash, zeros for the first) and
``hash = sha256(canonical JSON of the record's content + prev_hash)``. The chain head row
holds the last sequence number and hash: appends lock it first (a row lock on PostgreSQL,
the single writer lock on SQLite), so appends never interleave, and deleting the newest
records is detected too. A record is written in the same transaction as anything else the
request changes and committed before the response is sent (see ``writer``: group commit).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select

from clearance.errors import NotFound
from clearance.service.tables import audit_head, audit_log
from clearance.service.writer import AuditWriter

GENESIS = "0" * 64
HASHED = (
    "decision_id", "kind", "actor", "created_at", "input", "result",
    "list_versions", "matcher", "rules_version",
)  # fmt: skip


def canonical(data: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def record_hash(content: dict[str, Any], prev_hash: str) -> str:
    body = canonical({k: content[k] for k in HASHED})
    return hashlib.sha256((body + prev_hash).encode("utf-8")).hexdigest()


def new_decision_id() -> str:
    return str(uuid.uuid4())


@dataclass(slots=True)
class Entry:
    """What one audit record says; JSON-able parts are stored as canonical JSON text."""

    kind: str
    actor: str
    input: Any
    result: Any
    list_versions: Any
    matcher: str
    rules_version: Any
    decision_id: str = ""

    def content(self) -> dict[str, Any]:
        return {
            "decision_id": self.decision_id or new_decision_id(),
            "kind": self.kind,
            "actor": self.actor,
            "created_at": datetime.now(UTC).isoformat(timespec="microseconds"),
            "input": canonical(self.input),
            "result": canonical(self.result),
            "list_versions": canonical(self.list_versions),
            "matcher": self.matcher,
            "rules_version": canonical(self.rules_version),
        }


def record(
    writer: AuditWriter, entry: Entry, also: Callable[[Connection, str], None] | None = None
) -> Future[str]:
    """Queue ``entry`` (and ``also(conn, decision_id)``) for one transaction with it.

    The future resolves to the decision id once the record is committed; answer after that.
    """
    return writer.submit(entry.content(), also)


def _decode(row: Any) -> dict[str, Any]:
    out = dict(row._mapping)
    for key in ("input", "result", "list_versions", "rules_version"):
        out[key] = json.loads(out[key])
    return out


def get(engine: Engine, decision_id: str) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(select(audit_log).where(audit_log.c.decision_id == decision_id)).first()
    if row is None:
        raise NotFound(f"no decision with id {decision_id!r}")
    return _decode(row)


def rows(
    engine: Engine, start: str | None = None, end: str | None = None, chunk: int = 500
) -> Iterator[Any]:
    """Raw records in chain order, ``start <= created_at < end`` (ISO strings), in chunks."""
    after = 0
    while True:
        query = select(audit_log).where(audit_log.c.seq > after)
        if start:
            query = query.where(audit_log.c.created_at >= start)
        if end:
            query = query.where(audit_log.c.created_at < end)
        with engine.connect() as conn:
            batch = conn.execute(query.order_by(audit_log.c.seq).limit(chunk)).all()
        yield from batch
        if len(batch) < chunk:
            return
        after = batch[-1].seq


def recent(engine: Engine, limit: int = 50) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        found = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit))
        return [_decode(r) for r in found]


def count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(audit_head.c.seq).where(audit_head.c.id == 1)).scalar_one())
