"""The REST API (``/v1``): every route but ``/health`` needs a key of a sufficient role."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, FastAPI, File, Form, Query, Request, UploadFile
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from clearance import __version__
from clearance.service import audit, export, keys, lists, review, schemas
from clearance.service.imports import import_files
from clearance.service.keys import Principal
from clearance.service.replay import replay
from clearance.service.service import Service
from clearance.service.verify import verify

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


def get_service(request: Request) -> Service:
    found: Service = request.app.state.service
    return found


async def service(request: Request) -> Service:
    """The dependency form (async: no worker thread needed to read app state)."""
    return get_service(request)


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


COOKIE = "clearance_key"


def signed_in(request: Request, cookie: bool = True) -> Principal:
    """The caller by bearer key (or, for pages and the schema, the sign-in cookie)."""
    key = bearer(request) or (request.cookies.get(COOKIE) if cookie else None)
    return keys.authenticate(get_service(request).engine, key)


def role(needed: str) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency admitting keys of ``needed`` or a higher role.

    Runs on the event loop: one indexed lookup, cheaper than a hop to a worker thread.
    """

    async def dependency(request: Request) -> Principal:
        who = signed_in(request, cookie=False)
        keys.require(who, needed)
        return who

    return dependency


Svc = Annotated[Service, Depends(service)]
Screener = Annotated[Principal, Depends(role("screener"))]
Reviewer = Annotated[Principal, Depends(role("reviewer"))]
Admin = Annotated[Principal, Depends(role("admin"))]


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


@router.post(
    "/v1/lists/import",
    response_model=schemas.ImportResponse,
    status_code=201,
    tags=["lists"],
)
def list_import(
    who: Admin,
    svc: Svc,
    files: Annotated[list[UploadFile], File(description="List files; an OFAC set is several")],
    published: Annotated[date | None, Form()] = None,
    force: Annotated[bool, Form()] = False,
) -> dict[str, Any]:
    """Import list files as new versions (admin); the import is recorded in the audit log."""
    data = [(f.filename or "", f.file.read()) for f in files]
    return import_files(svc, who, data, published, force)


@router.get("/v1/decisions/{decision_id}", response_model=schemas.Decision, tags=["audit"])
def decision(who: Screener, svc: Svc, decision_id: str) -> dict[str, Any]:
    return audit.get(svc.engine, decision_id)


@router.post("/v1/decisions/{decision_id}/replay", response_model=schemas.Replay, tags=["audit"])
def replay_decision(who: Screener, svc: Svc, decision_id: str) -> dict[str, Any]:
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
def hit(who: Reviewer, svc: Svc, hit_id: str) -> dict[str, Any]:
    return review.get_hit(svc.engine, hit_id)


@router.post(
    "/v1/hits/{hit_id}/judgements", response_model=schemas.JudgementResponse, tags=["review"]
)
def judge(who: Reviewer, svc: Svc, hit_id: str, body: schemas.Judgement) -> dict[str, Any]:
    """Confirm or dismiss a hit with a reason (append-only; the newest judgement counts)."""
    return svc.judge(who, hit_id, body.action, body.reason)


@router.get("/v1/keys", response_model=schemas.KeyList, tags=["admin"])
def key_list(who: Admin, svc: Svc) -> dict[str, Any]:
    return {"keys": keys.list_keys(svc.engine)}


@router.post(
    "/v1/keys",
    response_model=schemas.KeyCreated,
    status_code=201,
    tags=["admin"],
    responses={409: {"model": schemas.ErrorBody, "description": "name taken"}},
)
def key_create(who: Admin, svc: Svc, body: schemas.NewKey) -> dict[str, Any]:
    name, key = keys.create_key(svc.engine, body.role, body.name)
    return {"name": name, "role": body.role, "key": key}


@router.delete("/v1/keys/{name}", status_code=204, tags=["admin"])
def key_revoke(who: Admin, svc: Svc, name: str) -> None:
    keys.revoke_key(svc.engine, name)


@router.get("/v1/audit/verify", response_model=schemas.VerifyResponse, tags=["admin"])
def audit_verify(who: Admin, svc: Svc) -> dict[str, Any]:
    return verify(svc.engine).as_dict()


@router.get(
    "/v1/audit/export",
    tags=["admin"],
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
)
def audit_export(
    who: Admin,
    svc: Svc,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
    fmt: Annotated[str, Query(alias="format", pattern="^(csv|jsonl)$")] = "jsonl",
) -> StreamingResponse:
    """Audit records from..to (inclusive dates; reversed means none), one row or line each."""
    media = "text/csv" if fmt == "csv" else "application/x-ndjson"
    return StreamingResponse(export.lines(svc.engine, fmt, start, end), media_type=media)


def install_docs(app: FastAPI) -> None:
    """The OpenAPI schema and Swagger UI, for holders of any valid key."""

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(request: Request) -> JSONResponse:
        signed_in(request)
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        signed_in(request)
        return get_swagger_ui_html(openapi_url="/openapi.json", title="clearance API")
