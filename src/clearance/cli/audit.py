"""``clearance audit``: verify the hash chain, export records, replay a decision."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from clearance.cli.common import parse_date, print_json
from clearance.errors import ClearanceError, InputError

audit_app = typer.Typer(help="The tamper-evident audit log of decisions.")


class ChainBroken(ClearanceError):
    """The audit chain does not verify (exit 1)."""


@audit_app.command("verify")
def verify() -> None:
    """Check every record's hash and link; name the first edited, deleted or moved one."""
    from clearance.service.verify import verify as run
    from clearance.store import open_store

    verdict = run(open_store().engine)
    if not verdict.ok:
        raise ChainBroken(
            f"audit chain broken after {verdict.records} record(s): {verdict.problem}"
        )
    typer.echo(f"audit chain ok: {verdict.records} record(s)")


@audit_app.command("export")
def export(
    start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day, YYYY-MM-DD.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="csv | jsonl")] = "jsonl",
    output: Annotated[Path | None, typer.Option(help="File (default: standard output).")] = None,
) -> None:
    """Write records one CSV row or JSON line each; CSV cells cannot start a formula."""
    from clearance.service.export import write
    from clearance.store import open_store

    engine = open_store().engine
    lo, hi = parse_date(start, "--from"), parse_date(end, "--to")
    if lo and hi and hi < lo:
        raise InputError(f"--to {hi} is before --from {lo}")
    if output is None:
        write(engine, sys.stdout, fmt, lo, hi)
        return
    with output.open("w", encoding="utf-8", newline="") as fh:
        n = write(engine, fh, fmt, lo, hi)
    typer.echo(f"wrote {n} record(s) to {output}", err=True)


@audit_app.command("replay")
def replay(decision_id: Annotated[str, typer.Argument(help="A decision id.")]) -> None:
    """Re-run a past decision against the list versions it used; exit 1 if it differs."""
    from clearance.service.replay import replay as run
    from clearance.service.service import Service
    from clearance.store import open_store

    result = run(Service(open_store()), decision_id)
    print_json(result)
    if not result["same"]:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
