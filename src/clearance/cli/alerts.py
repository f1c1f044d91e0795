"""``clearance alerts``: hits the list updates produced for registered parties."""

from __future__ import annotations

from typing import Annotated

import typer

from clearance.cli.common import out, print_json


def alerts(
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD or ISO timestamp.")] = None,
    party: Annotated[str | None, typer.Option(help="Only this party id.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """New hits, hits whose entry was removed or changed, newest first."""
    from clearance.lifecycle.alerts_query import list_alerts
    from clearance.store import open_store

    rows = list_alerts(open_store().engine, since, party)
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print("no alerts")
    for a in rows:
        out.print(
            f"{a['created_at']} {a['kind']:<13} {a['party_id']} {a['party_name']!r} -> "
            f"{a['list_code']} {a['entry_name']!r} ({a['score']}) in {a['new_version']}"
        )


def register(app: typer.Typer) -> None:
    app.command("alerts")(alerts)
