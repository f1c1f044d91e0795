"""Replay a past decision against the list versions it used, and say what differs."""

from __future__ import annotations

from datetime import date
from typing import Any

from clearance.errors import InputError
from clearance.service import audit, schemas
from clearance.service.service import Service


def _hits(response: dict[str, Any]) -> list[tuple[str, str, str, float]]:
    results = response.get("results", [response])
    return [
        (str(i), m["source"], m["source_id"], m["score"])
        for i, r in enumerate(results)
        for m in [*r.get("matches", []), *r.get("suppressed", [])]
    ]


def replay(svc: Service, decision_id: str) -> dict[str, Any]:
    record = audit.get(svc.engine, decision_id)
    kind, raw, before = record["kind"], record["input"], record["result"]
    if kind == "screen":
        model = (
            schemas.ScreenBatch.model_validate(raw)
            if "queries" in raw
            else schemas.ScreenQuery.model_validate(raw)
        )
        items = model.queries if isinstance(model, schemas.ScreenBatch) else [model]
        versions, matcher = record["list_versions"], record.get("matcher")
        after: dict[str, Any] = {
            "results": [
                {
                    "matches": [
                        h.as_dict()
                        for h in svc.screeners.exact(versions, d, matcher).screen(q).hits
                    ]
                }
                for q, d in (i.query() for i in items)
            ]
        }
        old, new = sorted(_hits(before)), sorted(_hits(after))
        diffs = [f"was {h}, not now" for h in old if h not in new]
        diffs += [f"now {h}, not before" for h in new if h not in old]
    elif kind == "check":
        from clearance.determination import determine, us_ruleset

        lists = record["list_versions"]

        def factory(day: date) -> Any:
            return svc.screeners.exact(lists, day)

        decided = determine(raw, us_ruleset(), factory if lists else None).as_dict()
        diffs = [
            f"{key}: was {before.get(key)!r}, now {decided.get(key)!r}"
            for key in ("outcome", "license_required", "citations", "requirements")
            if before.get(key) != decided.get(key)
        ]
    else:
        raise InputError(f"decision {decision_id} is a {kind} record; only screen and check replay")
    return {"decision_id": decision_id, "same": not diffs, "differences": diffs}
