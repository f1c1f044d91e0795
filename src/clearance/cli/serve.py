"""``clearance serve``: the REST API and web UI over the configured store."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    threads: Annotated[int, typer.Option(help="Worker threads for blocking requests.")] = 16,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "warning",
    update_every: Annotated[
        str | None,
        typer.Option(help="Also update the official lists on this interval (e.g. 6h, 1d)."),
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option(help="Sources to update (default: the update set).")
    ] = None,
) -> None:
    """Serve the API (OpenAPI at /openapi.json, docs at /docs) and the web UI (/ui)."""
    import uvicorn

    from clearance.service import create_app
    from clearance.store import open_store

    store = open_store()
    app = create_app(store, threads=threads)
    if update_every:
        from clearance.cli.lifecycle import UPDATABLE
        from clearance.lifecycle.scheduler import parse_interval, start_background

        start_background(store, list(source or UPDATABLE), parse_interval(update_every))
        typer.echo(f"updating lists every {update_every}", err=True)
    typer.echo(f"clearance service on http://{host}:{port}/ (web UI at /ui)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
