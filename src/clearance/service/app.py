"""The FastAPI application: API, web UI and error handlers over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.routing import APIRoute

from clearance import __version__
from clearance.service import errors
from clearance.service.admin import install_docs
from clearance.service.admin import router as admin_router
from clearance.service.api import router
from clearance.service.auth import role
from clearance.service.nul_guard import refuse_nul
from clearance.service.service import Service
from clearance.service.web import install as install_web
from clearance.service.webkit import same_origin, who_is
from clearance.store import Store, open_store


def create_app(
    store: Store | None = None, url: str | None = None, threads: int | None = None
) -> FastAPI:
    """The service over ``store`` (or the store at ``url``, or the configured one).

    ``threads`` caps the worker threads that run request handlers (default: anyio's 40).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        if threads:
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        await anyio.to_thread.run_sync(app.state.service.warm)
        yield
        await anyio.to_thread.run_sync(app.state.service.close)

    app = FastAPI(
        lifespan=lifespan,
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        title="clearance",
        version=__version__,
        description="Restricted-party screening, EAR determinations, review and audit. "
        "Send `Authorization: Bearer KEY`. Not legal advice.",
        dependencies=[Depends(refuse_nul)],
    )
    app.state.service = Service(store or open_store(url))
    errors.install(app)
    app.include_router(router)
    app.include_router(admin_router)
    install_docs(app)
    install_web(app)
    _mount_hrv(app)
    return app


def _mount_hrv(app: FastAPI) -> None:
    """The UK HRV routes (``clearance.hrv.api``), for screeners and signed-in browsers."""
    try:
        from clearance.hrv.api import make_router
    except ModuleNotFoundError as exc:  # the HRV layer is optional
        if not (exc.name or "").startswith("clearance.hrv"):
            raise
        return

    def page_auth(request: Request) -> None:
        who_is(request)
        if request.method == "POST":
            same_origin(request)

    hrv = make_router(role("screener"), page_auth)
    for route in hrv.routes:  # its HTML page is a page, not part of the API schema
        if isinstance(route, APIRoute) and route.path == "/hrv":
            route.include_in_schema = False
    app.include_router(hrv)
