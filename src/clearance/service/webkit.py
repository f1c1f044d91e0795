"""What every web page needs: templates, the signed-in principal, the same-origin guard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from clearance import NOT_LEGAL_ADVICE
from clearance.errors import AccessDenied
from clearance.service import keys, lists
from clearance.service.auth import get_service as service
from clearance.service.auth import signed_in
from clearance.service.keys import Principal

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters["pretty"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False)


class SignIn(Exception):
    """No valid sign-in cookie: send the browser to the sign-in page."""


def who_is(request: Request, role: str = "screener") -> Principal:
    try:
        who = signed_in(request)
    except AccessDenied as exc:
        raise SignIn() from exc
    keys.require(who, role)
    return who


def same_origin(request: Request) -> None:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if origin and urlparse(origin).netloc != request.url.netloc:
        raise AccessDenied("cross-site form post refused")


def page(
    request: Request, name: str, who: Principal | None, code: int = 200, **ctx: Any
) -> HTMLResponse:
    ctx.update(request=request, who=who, notice=NOT_LEGAL_ADVICE)
    return templates.TemplateResponse(request, name, ctx, status_code=code)


def sample_in_use(request: Request) -> bool:
    return any(row["sample"] for row in lists.status(service(request).store))
