"""Group commit for the audit chain: one writer thread appends queued records in batches.

A request hands its record (and any rows that must commit with it) to the writer and waits
for the commit before answering. The writer takes everything queued, appends it to the chain
in one transaction (the chain head is locked for its duration, so other processes' appends
wait), commits once, and only then releases the waiting requests. One fsync then covers many
decisions, and nothing is acknowledged before it is durable. If a batch fails, its records
are retried one by one so one bad record cannot fail the others.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, update

from clearance.service.tables import audit_head, audit_log

MAX_BATCH = 500
Also = Callable[[Connection, str], None] | None


def _advance(n: int) -> Any:
    """Take ``n`` sequence numbers on the chain head; returns (last seq, previous hash)."""
    return (
        update(audit_head)
        .where(audit_head.c.id == 1)
        .values(seq=audit_head.c.seq + n)
        .returning(audit_head.c.seq, audit_head.c.hash)
    )


_APPEND = insert(audit_log)
_HEAD = update(audit_head).where(audit_head.c.id == 1).values(hash=bindparam("new_hash"))


@dataclass(slots=True)
class _Job:
    content: dict[str, Any]
    also: Also
    done: Future[str]


class AuditWriter:
    """The one thread of this process that appends to the audit chain."""

    def __init__(self, engine: Engine, hasher: Callable[[dict[str, Any], str], str]) -> None:
        self.engine = engine
        self.hasher = hasher
        self._queue: list[_Job] = []
        self._cv = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, content: dict[str, Any], also: Also = None) -> Future[str]:
        """Queue a record; the future gives its decision id once committed."""
        job = _Job(content, also, Future())
        with self._cv:
            if self._closed:
                raise RuntimeError("audit writer is closed")
            self._queue.append(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)
                self._thread.start()
            self._cv.notify()
        return job.done

    def close(self) -> None:
        """Finish what is queued, then stop."""
        with self._cv:
            self._closed = True
            self._cv.notify()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            with self._cv:
                while not self._queue and not self._closed:
                    self._cv.wait()
                if not self._queue and self._closed:
                    return
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
            try:
                self._append(batch)
            except Exception:
                if len(batch) == 1:
                    self._fail(batch[0])
                    continue
                for job in batch:  # isolate the bad record
                    try:
                        self._append([job])
                    except Exception:
                        self._fail(job)
                continue
            for job in batch:
                job.done.set_result(str(job.content["decision_id"]))

    @staticmethod
    def _fail(job: _Job) -> None:
        import sys

        job.done.set_exception(sys.exc_info()[1] or RuntimeError("audit append failed"))

    def _append(self, batch: list[_Job]) -> None:
        with self.engine.begin() as conn:
            last, prev = conn.execute(_advance(len(batch))).one()
            rows = []
            for offset, job in enumerate(batch):
                if job.also is not None:
                    job.also(conn, job.content["decision_id"])
                digest = self.hasher(job.content, prev)
                rows.append({**job.content, "seq": last - len(batch) + 1 + offset,
                             "prev_hash": prev, "hash": digest})  # fmt: skip
                prev = digest
            conn.execute(_APPEND, rows)
            conn.execute(_HEAD, {"new_hash": prev})
