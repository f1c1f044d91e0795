"""The web UI under ``/ui``: server-rendered pages and plain forms, no JavaScript build.

Sign-in stores the key in an HttpOnly, SameSite=Strict cookie; every form posts back and
redirects (post/redirect/get), so the pages work with the keyboard and without scripts.
"""

from __future__ import annotations

import contextlib
import inspect
import json
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from clearance.errors import AccessDenied, ClearanceError, InputError
from clearance.service import audit, keys, lists, review
from clearance.service.auth import COOKIE, signed_in
from clearance.service.auth import get_service as service
from clearance.service.schemas import ScreenQuery
from clearance.service.verify import verify
from clearance.service.webkit import HERE, SignIn, page, same_origin, sample_in_use, who_is

router = APIRouter(prefix="/ui", include_in_schema=False)
EXAMPLE = {
    "date": "2021-03-01",
    "destination": "CN",
    "parties": [{"name": "Huawei Technologies Co., Ltd.", "country": "CN", "role": "end_user"}],
    "item": {"type": "technology", "eccn": "EAR99"},
    "activity": {"kind": "export"},
}


@router.get("/login")
def login_form(request: Request, error: str | None = None) -> HTMLResponse:
    return page(request, "login.html", None, error=error)


@router.post("/login")
def login(request: Request, key: str = Form("")) -> Response:
    same_origin(request)
    try:
        keys.authenticate(service(request).engine, key.strip())
    except AccessDenied as exc:
        return page(request, "login.html", None, 401, error=exc.detail)
    out = RedirectResponse("/ui/", status_code=303)
    out.set_cookie(COOKIE, key.strip(), httponly=True, samesite="strict",
                   secure=request.url.scheme == "https", path="/")  # fmt: skip
    return out


@router.post("/logout")
def logout() -> Response:
    out = RedirectResponse("/ui/login", status_code=303)
    out.delete_cookie(COOKIE, path="/")
    return out


@router.get("/")
def home(request: Request) -> HTMLResponse:
    who = who_is(request)
    return page(request, "screen.html", who, sample=sample_in_use(request), form={})


@router.post("/screen")
def screen(
    request: Request,
    name: str = Form(""),
    country: str = Form(""),
    type: str = Form(""),
    as_of: str = Form(""),
) -> Response:
    who = who_is(request)
    same_origin(request)
    raw = {"name": name.strip(), "country": country.strip() or None, "type": type or None,
           "as_of": as_of or None}  # fmt: skip
    try:
        query = ScreenQuery.model_validate({k: v for k, v in raw.items() if v})
    except ValueError as exc:
        return page(request, "screen.html", who, 422, sample=sample_in_use(request), form=raw,
                    error=_first_error(exc))  # fmt: skip
    payload = query.model_dump(mode="json", exclude_none=True)
    try:
        result = service(request).screen(who, payload, [query.query()])
    except InputError as exc:  # a name the matcher cannot read, among others
        return page(request, "screen.html", who, 422, sample=sample_in_use(request), form=raw,
                    error=exc.detail)  # fmt: skip
    return RedirectResponse(f"/ui/decisions/{result['decision_id']}", status_code=303)


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(exc)


@router.get("/check")
def check_form(request: Request) -> HTMLResponse:
    who = who_is(request)
    return page(request, "check.html", who, question=json.dumps(EXAMPLE, indent=2))


@router.post("/check")
def check(request: Request, question: str = Form("")) -> Response:
    who = who_is(request)
    same_origin(request)
    try:
        raw = json.loads(question)
        if not isinstance(raw, dict):
            raise InputError("question: expected a JSON object")
        result = service(request).check(who, raw)
    except (ValueError, InputError) as exc:
        detail = exc.detail if isinstance(exc, InputError) else f"question: {exc}"
        return page(request, "check.html", who, 422, question=question, error=detail)
    return RedirectResponse(f"/ui/decisions/{result['decision_id']}", status_code=303)


@router.get("/decisions/{decision_id}")
def decision(request: Request, decision_id: str) -> HTMLResponse:
    who = who_is(request)
    record = audit.get(service(request).engine, decision_id)
    results = record["result"].get("results", [record["result"]])
    sample = any(v.get("source") == "sample" for v in record["list_versions"])
    ids = [m["hit_id"] for r in results for m in [*r.get("matches", []), *r.get("suppressed", [])]]
    with service(request).engine.connect() as conn:
        current = review.latest(conn, ids)
    return page(request, "decision.html", who, record=record, results=results, sample=sample,
                current=current)  # fmt: skip


@router.get("/review")
def review_queue(request: Request, status: str = "open") -> HTMLResponse:
    who = who_is(request, "reviewer")
    hits = review.queue(service(request).engine, status)
    return page(
        request, "review.html", who, hits=hits, status=status, sample=sample_in_use(request)
    )


@router.post("/hits/{hit_id}/judge")
def judge(
    request: Request,
    hit_id: str,
    action: str = Form(""),
    reason: str = Form(""),
    back: str = Form("/ui/review"),
) -> Response:
    who = who_is(request, "reviewer")
    same_origin(request)
    target = back if back.startswith("/ui/") else "/ui/review"
    try:
        service(request).judge(who, hit_id, action, reason)
    except InputError as exc:
        sep = "&" if "?" in target else "?"
        return RedirectResponse(f"{target}{sep}error={quote(exc.detail)}", status_code=303)
    return RedirectResponse(target, status_code=303)


@router.get("/lists")
def list_page(request: Request) -> HTMLResponse:
    who = who_is(request)
    rows = lists.status(service(request).store)
    return page(request, "lists.html", who, rows=rows, stale_after=lists.STALE_AFTER_DAYS,
                sample=any(r["sample"] for r in rows))  # fmt: skip


@router.get("/alerts")
def alerts_page(request: Request) -> HTMLResponse:
    from clearance.lifecycle.alerts_query import list_alerts

    who = who_is(request, "reviewer")
    rows = list_alerts(service(request).engine, limit=200)
    return page(request, "alerts.html", who, alerts=rows)


@router.get("/audit")
def audit_page(request: Request) -> HTMLResponse:
    who = who_is(request, "admin")
    engine = service(request).engine
    return page(request, "audit.html", who, records=audit.recent(engine, 100),
                verdict=verify(engine))  # fmt: skip


def install(app: FastAPI) -> None:
    """Mount the pages, their stylesheet, and the redirects for signed-out browsers."""
    app.include_router(router)
    app.mount("/ui/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    @app.exception_handler(SignIn)
    async def _sign_in(request: Request, _: SignIn) -> Response:
        return RedirectResponse("/ui/login", status_code=303)

    previous = app.exception_handlers[ClearanceError]

    async def _errors(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/ui/") and isinstance(exc, ClearanceError):
            who = None
            with contextlib.suppress(AccessDenied):
                who = await run_in_threadpool(signed_in, request)
            return page(request, "error.html", who, exc.status, error=exc)
        answer = previous(request, exc)
        return await answer if inspect.isawaitable(answer) else answer

    app.add_exception_handler(ClearanceError, _errors)
