"""The one JSON error shape, ``{"error": {status, code, detail, field}}``, for every error."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from clearance.errors import ClearanceError, InputError

log = logging.getLogger("clearance.service")

FIELD = re.compile(r"^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): ")
CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    503: "lists_unavailable",
    500: "internal_error",
}


def error_response(status: int, detail: str, field: str | None = None) -> JSONResponse:
    body = {
        "error": {
            "status": status,
            "code": CODES.get(status, "error"),
            "detail": detail,
            "field": field,
        }
    }
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one error shape."""

    @app.exception_handler(ClearanceError)
    async def _clearance(_: Request, exc: ClearanceError) -> JSONResponse:
        named = FIELD.match(exc.detail) if isinstance(exc, InputError) else None
        return error_response(exc.status, exc.detail, named.group(1) if named else None)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(p) for p in first.get("loc", ()) if p != "body" and not str(p)[:1].isupper()]
        field = ".".join(loc) or None
        msg = str(first.get("msg", "invalid request"))
        detail = f"{field}: {msg}" if field else msg
        return error_response(422, detail, field)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code in (404, 405):  # say nothing about paths to callers without a key
            from clearance.service.auth import signed_in

            try:
                await run_in_threadpool(signed_in, request)
            except ClearanceError as denied:
                return error_response(denied.status, denied.detail)
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, f"internal error: {exc.__class__.__name__}")
