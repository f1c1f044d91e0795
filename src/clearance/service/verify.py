"""Check the audit chain: the first edited, deleted or reordered record, by name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from clearance.service.audit import GENESIS, record_hash, rows
from clearance.service.tables import audit_head


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    records: int
    problem: str | None = None
    seq: int | None = None
    decision_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "records": self.records,
            "problem": self.problem,
            "seq": self.seq,
            "decision_id": self.decision_id,
        }


def verify(engine: Engine) -> Verdict:
    """Walk the chain in order; stop at the first record that does not fit."""
    every = {row.hash for row in rows(engine)}
    prev, expected, n = GENESIS, 1, 0
    for row in rows(engine):
        n += 1
        content = dict(row._mapping)
        where = f"record {row.seq} (decision {row.decision_id})"
        if record_hash(content, row.prev_hash) != row.hash:
            return Verdict(False, n, f"{where} was edited: its content does not match its hash",
                           row.seq, row.decision_id)  # fmt: skip
        if row.seq != expected:
            return Verdict(False, n, f"{where}: record(s) {expected}..{row.seq - 1} before it "
                           "were deleted", row.seq, row.decision_id)  # fmt: skip
        if row.prev_hash != prev:
            what = (
                "records were reordered"
                if row.prev_hash in every or row.prev_hash == GENESIS
                else "the record it follows was deleted or replaced"
            )
            return Verdict(False, n, f"{where} does not follow record {row.seq - 1}: {what}",
                           row.seq, row.decision_id)  # fmt: skip
        prev, expected = row.hash, expected + 1
    with engine.connect() as conn:
        head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).one()
    if head.seq != expected - 1 or head.hash != prev:
        return Verdict(False, n, f"the chain head is at record {head.seq} but the log ends at "
                       f"record {expected - 1}: the newest records were deleted",
                       expected - 1 or None)  # fmt: skip
    return Verdict(True, n)
