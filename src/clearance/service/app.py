"""The FastAPI application: API, web UI and error handlers over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from clearance import __version__
from clearance.service import errors
from clearance.service.admin import install_docs
from clearance.service.admin import router as admin_router
from clearance.service.api import router
from clearance.service.service import Service
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
    )
    app.state.service = Service(store or open_store(url))
    errors.install(app)
    app.include_router(router)
    app.include_router(admin_router)
    install_docs(app)
    try:
        from clearance.service.web import install as install_web
    except ModuleNotFoundError:  # pragma: no cover - web module always ships
        pass
    else:
        install_web(app)
    return app
