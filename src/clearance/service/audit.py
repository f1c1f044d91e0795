"""The append-only, hash-chained audit log of every decision the service makes.

Each record stores ``prev_hash`` (the previous record's hash, zeros for the first) and
``hash = sha256(canonical JSON of the record's content + prev_hash)``. The chain head row
holds the last sequence number and hash: appends lock it first (a row lock on PostgreSQL,
the single writer lock on SQLite), so records are appended one at a time, and deleting the
newest records is detected too. A record is written in the same transaction as anything
else the request changes and committed before the response is sent.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from clearance.errors import NotFound
from clearance.service.tables import audit_head, audit_log

GENESIS = "0" * 64
HASHED = (
    "decision_id", "kind", "actor", "created_at", "input", "result",
    "list_versions", "matcher", "rules_version",
)  # fmt: skip
_SQLITE_WRITER = threading.Lock()
# Built once: the append path runs on every request.
_NEXT = (
    update(audit_head)
    .where(audit_head.c.id == 1)
    .values(seq=audit_head.c.seq + 1)
    .returning(audit_head.c.seq, audit_head.c.hash)
)
_APPEND = insert(audit_log)
_HEAD = update(audit_head).where(audit_head.c.id == 1).values(hash=bindparam("new_hash"))


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
    engine: Engine, entry: Entry, also: Callable[[Connection, str], None] | None = None
) -> str:
    """Append ``entry`` (and run ``also(conn, decision_id)``) in one transaction; its id."""
    content = entry.content()
    lock = _SQLITE_WRITER if engine.dialect.name == "sqlite" else None
    if lock is not None:
        lock.acquire()
    try:
        with engine.begin() as conn:
            # Take the next number on the chain head first: that locks the head row until
            # commit (PostgreSQL row lock; SQLite's single writer), so appends are serialised.
            seq, prev = conn.execute(_NEXT).one()
            if also is not None:
                also(conn, content["decision_id"])
            digest = record_hash(content, prev)
            conn.execute(_APPEND, {"seq": seq, "prev_hash": prev, "hash": digest, **content})
            conn.execute(_HEAD, {"new_hash": digest})
    finally:
        if lock is not None:
            lock.release()
    return str(content["decision_id"])


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
