"""The service's operations: screen, check, judge, replay; each decision audited first.

Every operation here that decides something appends its audit record and commits before
returning, so whatever a client is told is already in the log.
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future
from datetime import date
from typing import Any

from sqlalchemy import Connection

from clearance.cli.render import result_json
from clearance.errors import ListsUnavailable
from clearance.hits import Query, ScreenResult
from clearance.match.matcher import DEFAULT
from clearance.model import ListEntry
from clearance.service import audit, review
from clearance.service.keys import Principal
from clearance.service.screeners import Screeners
from clearance.service.writer import AuditWriter
from clearance.store import Store
from clearance.store.codec import entry_to_json

LIMIT = 10


def _dedupe(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for ref in refs:
        seen.setdefault(str(ref["version"]), ref)
    return list(seen.values())


class Service:
    """Screening, determination and review over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        self.screeners = Screeners(store)
        self._digests: dict[int, tuple[ListEntry, str]] = {}
        self.writer = AuditWriter(store.engine, audit.record_hash)

    def close(self) -> None:
        """Commit whatever is queued for the audit log, then stop its writer."""
        self.writer.close()

    def warm(self) -> None:
        """Build the current lists' index now, not on the first request (none: skip)."""
        with contextlib.suppress(ListsUnavailable):
            self.screeners.get(None)

    # -- screening -----------------------------------------------------------------------
    def _run(self, query: Query, as_of: date | None) -> ScreenResult:
        return self.screeners.get(as_of).screen(query, limit=LIMIT)

    def screen(
        self,
        principal: Principal,
        payload: dict[str, Any],
        queries: list[tuple[Query, date | None]],
    ) -> dict[str, Any]:
        """Screen one query or a batch; the response (with ``decision_id``) once audited."""
        response, committed = self.screen_later(principal, payload, queries)
        return {"decision_id": committed.result(), **response}

    def screen_later(
        self,
        principal: Principal,
        payload: dict[str, Any],
        queries: list[tuple[Query, date | None]],
    ) -> tuple[dict[str, Any], Future[str]]:
        """The response, and the audit commit to wait for (its decision id) before sending it."""
        results = [self._run(q, day) for q, day in queries]
        shaped, fresh = [], []
        with self.engine.connect() as conn:
            for result in results:
                body, new = self._shape(conn, result)
                shaped.append(body)
                fresh.extend(new)
        response: dict[str, Any] = (
            {"results": shaped, "matched": any(r["matched"] for r in shaped)}
            if "queries" in payload
            else shaped[0]
        )
        versions = _dedupe([ref.as_dict() for r in results for ref in r.lists])

        def also(conn: Connection, decision_id: str) -> None:
            review.remember(conn, fresh, decision_id)

        matcher = results[0].matcher if results else DEFAULT.name
        entry = audit.Entry("screen", principal.name, payload, response, versions, matcher, None)
        return response, audit.record(self.writer, entry, also)

    def _shape(
        self, conn: Connection, result: ScreenResult
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        body = result_json(result)
        ids = [review.hit_identity(result.query, h, self._digest(h.entry)) for h in result.hits]
        judged = review.latest(conn, [i["hit_id"] for i in ids])
        matches, suppressed, fresh = [], [], []
        for hit, ident, shown in zip(result.hits, ids, body["matches"], strict=True):
            judgement = judged.get(ident["hit_id"])
            shown["hit_id"] = ident["hit_id"]
            shown["review"] = {
                "status": review._status(judgement),
                "judgement": judgement,
            }
            if judgement and judgement["action"] == "dismiss":
                suppressed.append(shown)
                continue
            matches.append(shown)
            if judgement is None:
                fresh.append(
                    {
                        **ident,
                        "query_name": result.query.name,
                        "entry": entry_to_json(hit.entry),
                        "score": f"{hit.score:.4f}",
                    }
                )
        body["matches"], body["suppressed"] = matches, suppressed
        body["matched"] = bool(matches)
        body["sample"] = any(ref.source == "sample" for ref in result.lists)
        return body, fresh

    def _digest(self, entry: ListEntry) -> str:
        """The entry's content hash, remembered per entry object (entries are immutable)."""
        found = self._digests.get(id(entry))
        if found is not None and found[0] is entry:
            return found[1]
        if len(self._digests) > 200_000:
            self._digests.clear()
        digest = review.entry_hash(entry)
        self._digests[id(entry)] = (entry, digest)
        return digest

    # -- determination -------------------------------------------------------------------
    def check(self, principal: Principal, raw: dict[str, Any]) -> dict[str, Any]:
        from clearance.determination import determine, us_ruleset

        decision = determine(raw, us_ruleset(), self.screeners.get).as_dict()
        decision_id = audit.record(
            self.writer,
            audit.Entry(
                "check",
                principal.name,
                raw,
                decision,
                decision.get("lists", []),
                DEFAULT.name,
                decision.get("rules_version"),
            ),
        ).result()
        return {"decision_id": decision_id, **decision}

    # -- review --------------------------------------------------------------------------
    def judge(self, principal: Principal, hit_id: str, action: str, reason: str) -> dict[str, Any]:
        hit = review.get_hit(self.engine, hit_id)
        row = review.judgement_row(hit, action, reason, principal.name)

        def also(conn: Connection, decision_id: str) -> None:
            review.append(conn, row, decision_id)

        judgement = {k: row[k] for k in ("action", "reason", "reviewer", "created_at")}
        decision_id = audit.record(
            self.writer,
            audit.Entry(
                "review",
                principal.name,
                {"hit_id": hit_id, "action": action, "reason": row["reason"]},
                {
                    "hit": {
                        k: hit[k]
                        for k in ("hit_id", "counterparty", "source", "source_id", "entry_hash")
                    },
                    "judgement": judgement,
                },
                [],
                DEFAULT.name,
                None,
            ),
            also,
        ).result()
        return {"decision_id": decision_id, "hit": review.get_hit(self.engine, hit_id)}
