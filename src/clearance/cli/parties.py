"""``clearance parties``: the counterparty register that list updates re-screen."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from clearance.cli.common import out, print_json

parties_app = typer.Typer(
    help="Counterparty register (customers, suppliers).", no_args_is_help=True
)


@parties_app.command("import")
def import_(
    path: Annotated[Path, typer.Argument(help="CSV, JSONL or Parquet: id, name, country, type.")],
    screen: Annotated[bool, typer.Option(help="Screen the imported parties now.")] = True,
) -> None:
    """Add or replace parties by id (one transaction); screen them against current lists."""
    from clearance.lifecycle.full import screen_parties
    from clearance.lifecycle.parties import import_parties
    from clearance.store import open_store

    store = open_store()
    ids = import_parties(store.engine, path)
    out.print(f"imported {len(ids)} parties from {path}")
    if screen:
        n = screen_parties(store, ids)
        out.print(f"screened against current lists: {n} alert(s)")
    from clearance import settings
    from clearance.lifecycle.party_forms import load_index

    index = load_index(store.engine, settings.default_threshold())  # warm the cache
    out.print(f"register: {len(index.parties)} parties indexed for delta re-screening")


@parties_app.command("list")
def list_(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Registered parties."""
    from clearance.lifecycle.parties import load_parties
    from clearance.store import open_store

    rows = load_parties(open_store().engine)
    if as_json:
        print_json([asdict(p) for p in rows])
        return
    for p in rows:
        out.print(f"{p.party_id}\t{p.name}\t{p.country or ''}\t{p.entity_type or ''}")


def register(app: typer.Typer) -> None:
    app.add_typer(parties_app, name="parties")
