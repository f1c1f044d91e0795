"""No request text may hold a NUL character (U+0000): PostgreSQL text and JSON columns
cannot store one, so such a request would fail only once it reached the store (a server
error on PostgreSQL, accepted on SQLite). Refused up front, on either store, as invalid
input naming the parameter or field (``party``, ``queries[1].name``). The API schema
states it for its free-text fields and ids (``schemas.TEXT``); this guard holds for every
route, the web UI's forms and the determination's bodies included."""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from clearance.errors import InputError

NUL = "\x00"


def _where(value: Any, path: str) -> str | None:
    """The path of the first string holding a NUL in a parsed JSON value, or ``None``."""
    if isinstance(value, str):
        return path if NUL in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _where(str(key), path) or _where(item, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _where(item, f"{path}[{i}]")
            if found is not None:
                return found
    return None


async def refuse_nul(request: Request) -> None:
    """A dependency of every route: path and query parameters, JSON bodies and form
    fields (not uploaded files, which their parsers read) must hold no NUL."""
    for source in (request.path_params, request.query_params):
        for name, value in source.items():
            if NUL in str(value) or NUL in str(name):
                raise InputError(f"{name}: must not contain a NUL character (U+0000)")
    kind = request.headers.get("content-type", "")
    if kind.startswith("application/json"):
        body = await request.body()
        if b"\\u0000" not in body:
            return
        try:
            field = _where(json.loads(body), "")
        except ValueError:
            return  # not JSON: the route's own validation says so
        if field is not None:
            raise InputError(f"{field or 'body'}: must not contain a NUL character (U+0000)")
    elif kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        for name, value in form.multi_items():
            if not isinstance(value, UploadFile) and NUL in value:
                raise InputError(f"{name}: must not contain a NUL character (U+0000)")
