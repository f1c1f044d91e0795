"""``clearance keys``: create, list and revoke API keys (the key is shown once)."""

from __future__ import annotations

from typing import Annotated

import typer

keys_app = typer.Typer(help="API keys and their roles (screener, reviewer, admin).")


@keys_app.command("create")
def create(
    role: Annotated[str, typer.Option(help="screener | reviewer | admin")],
    name: Annotated[
        str | None, typer.Option(help="A name for the key (default: generated).")
    ] = None,
) -> None:
    """Create a key; the key itself is printed alone on the last line, and never again."""
    from clearance.service.keys import create_key
    from clearance.store import open_store

    name, key = create_key(open_store().engine, role, name)
    typer.echo(f"created {role} key {name!r}; store it now, it is not shown again:")
    typer.echo(key)


@keys_app.command("list")
def list_() -> None:
    """Keys by name, role, prefix and state (never the keys themselves)."""
    from clearance.service.keys import list_keys
    from clearance.store import open_store

    for k in list_keys(open_store().engine):
        state = f"revoked {k['revoked_at']}" if k["revoked_at"] else "active"
        typer.echo(f"{k['name']}\t{k['role']}\t{k['prefix']}…\t{k['created_at']}\t{state}")


@keys_app.command("revoke")
def revoke(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Revoke a key at once; requests with it are refused from now on."""
    from clearance.service.keys import revoke_key
    from clearance.store import open_store

    revoke_key(open_store().engine, name)
    typer.echo(f"revoked {name!r}")


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")
