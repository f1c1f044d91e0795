"""Who is calling: the bearer key (or the web sign-in cookie) and the role it holds."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request

from clearance.service import keys
from clearance.service.keys import Principal
from clearance.service.service import Service


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
