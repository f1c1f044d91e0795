"""The REST API (``/v1``): every route but ``/health`` needs a key of a sufficient role.

Screening, determination, lists, decisions and review here; admin routes in ``admin``.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from clearance import __version__
from clearance.service import audit, lists, review, schemas
from clearance.service.auth import Reviewer, Screener, Svc
from clearance.service.replay import replay

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": schemas.ErrorBody, "description": text}
    for code, text in (
        (401, "missing, unknown or revoked key"),
        (403, "role not allowed"),
        (404, "not found"),
        (422, "invalid input"),
        (503, "no usable lists"),
    )
}
router = APIRouter(responses=ERRORS)
PathText = Annotated[str, Path(pattern=schemas.TEXT)]  # an id in the path


@router.get("/health", response_model=schemas.Health, responses={})
def health() -> dict[str, str]:
    return {"status": "ok", "version": __version__}


@router.post("/v1/screen", response_model=schemas.ScreenResponse, tags=["screening"])
async def screen(
    who: Screener, svc: Svc, body: Annotated[schemas.ScreenQuery | schemas.ScreenBatch, Body()]
) -> JSONResponse:
    """Screen one counterparty or a batch of up to 1,000; the decision is audited first."""
    items = body.queries if isinstance(body, schemas.ScreenBatch) else [body]
    payload = body.model_dump(mode="json", exclude_none=True)
    queries = [q.query() for q in items]
    # One name is a millisecond of work: done on the loop. A batch goes to a worker thread.
    if len(queries) == 1:
        response, committed = svc.screen_later(who, payload, queries)
    else:
        response, committed = await run_in_threadpool(svc.screen_later, who, payload, queries)
    # Answer only once the audit record is committed (the writer batches commits).
    decision_id = await asyncio.wrap_future(committed)
    # Already JSON-shaped and checked by the tests against the schema: skip re-validation.
    return JSONResponse({"decision_id": decision_id, **response})


@router.post(
    "/v1/check",
    response_model=schemas.CheckResponse,
    tags=["determination"],
    openapi_extra={"requestBody": {"content": {"application/json": {"schema": schemas.QUESTION}}}},
)
def check(who: Screener, svc: Svc, body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    """EAR determination for the question in the body (the ``clearance check --input`` JSON).

    The determination validates the question itself (Country Chart rows, ECCN grammar, the
    rule data's coverage): a well-typed question may still get a 422 naming the field.
    """
    return svc.check(who, body)


@router.get("/v1/lists", response_model=schemas.ListsResponse, tags=["lists"])
def list_status(who: Screener, svc: Svc) -> dict[str, Any]:
    return {"lists": lists.status(svc.store), "stale_after_days": lists.STALE_AFTER_DAYS}


@router.get("/v1/decisions/{decision_id}", response_model=schemas.Decision, tags=["audit"])
def decision(who: Screener, svc: Svc, decision_id: PathText) -> dict[str, Any]:
    return audit.get(svc.engine, decision_id)


@router.post("/v1/decisions/{decision_id}/replay", response_model=schemas.Replay, tags=["audit"])
def replay_decision(who: Screener, svc: Svc, decision_id: PathText) -> dict[str, Any]:
    """Re-run a past decision against the list versions it used and compare."""
    return replay(svc, decision_id)


@router.get("/v1/review/queue", response_model=schemas.HitList, tags=["review"])
def review_queue(
    who: Reviewer,
    svc: Svc,
    status: Annotated[str, Query(pattern="^(open|confirmed|dismissed)$")] = "open",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    return {"hits": review.queue(svc.engine, status, limit)}


@router.get("/v1/hits/{hit_id}", tags=["review"])
def hit(who: Reviewer, svc: Svc, hit_id: PathText) -> dict[str, Any]:
    return review.get_hit(svc.engine, hit_id)


@router.post(
    "/v1/hits/{hit_id}/judgements", response_model=schemas.JudgementResponse, tags=["review"]
)
def judge(who: Reviewer, svc: Svc, hit_id: PathText, body: schemas.Judgement) -> dict[str, Any]:
    """Confirm or dismiss a hit with a reason (append-only; the newest judgement counts)."""
    return svc.judge(who, hit_id, body.action, body.reason)


@router.get("/v1/alerts", tags=["review"])
def alerts(
    who: Reviewer,
    svc: Svc,
    since: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$")] = None,
    party: Annotated[str | None, Query(min_length=1, max_length=200, pattern=schemas.TEXT)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Alerts from list updates: new hits on registered parties, and hits whose list entry
    was removed or changed, newest first (`clearance alerts` on the command line)."""
    from clearance.lifecycle.alerts_query import list_alerts

    return {"alerts": list_alerts(svc.engine, since, party, limit)}
