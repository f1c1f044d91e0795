"""Admin routes (keys, list import, audit verify and export) and the key-guarded docs."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, File, Form, Path, Query, Request, UploadFile
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse

from clearance.service import export, keys, schemas
from clearance.service.api import ERRORS
from clearance.service.auth import Admin, Svc, signed_in
from clearance.service.imports import import_files
from clearance.service.verify import verify

router = APIRouter(responses=ERRORS)


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
def key_revoke(who: Admin, svc: Svc, name: Annotated[str, Path(pattern=schemas.TEXT)]) -> None:
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
