"""``clearance hrv``: UK high-risk-vendor report, timeline chart and removal plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance import NOT_LEGAL_ADVICE
from clearance.cli.common import out, print_json
from clearance.errors import InputError
from clearance.hrv.inventory import Inventory as InventoryData
from clearance.hrv.inventory import read_inventory
from clearance.hrv.requirements import load_law
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet

hrv_app = typer.Typer(
    help="UK high-risk vendors: 35 % caps, core exclusion, DVD deadlines.", no_args_is_help=True
)

Inventory = Annotated[Path, typer.Option("--inventory", help="inventory CSV or Parquet")]
Unit = Annotated[str, typer.Option("--unit", help="share unit: sites (default) or equipment")]


def _date(value: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{flag}: {value!r} is not a date YYYY-MM-DD") from None


def _load(inventory: Path) -> tuple[InventoryData, VendorRegister, RuleSet]:

    ruleset = load_law()
    register = VendorRegister(ruleset)
    return read_inventory(inventory, register), register, ruleset


@hrv_app.command()
def report(
    inventory: Inventory,
    as_of: Annotated[str, typer.Option("--as-of", help="date to judge, YYYY-MM-DD")],
    unit: Unit = "sites",
    as_json: Annotated[bool, typer.Option("--json", help="print the report as JSON")] = False,
) -> None:
    """Where each provider stands on a date: every requirement, share, cap and deadline."""
    from clearance.hrv.evaluate import evaluate

    inv, register, ruleset = _load(inventory)
    rep = evaluate(inv, _date(as_of, "--as-of"), register, unit, ruleset)
    if as_json:
        print_json(rep.as_dict())
        return
    for p in rep.providers:
        verdict = "[green]compliant[/]" if p.compliant else "[bold red]NOT compliant[/]"
        table = Table(title=f"{p.provider} on {rep.as_of} ({rep.unit}): {verdict}")
        for col in ("requirement", "segment", "share", "cap", "deadline", "binding", "status"):
            table.add_column(col)
        for f in p.findings:
            share = "" if f.share is None else f"{f.share:.1%} ({f.hrv_units}/{f.total_units})"
            if f.share is None and f.kind != "single_hrv":
                share = f"{f.hrv_units} rows"
            status = "[red]non-compliant[/]" if f.breached else "compliant"
            if not f.in_force:
                status += " (pending)"
            table.add_row(
                f.requirement.removeprefix("uk.hrv."),
                f"{f.network} {f.function}",
                share,
                "" if f.cap is None else f"{f.cap:.0%}",
                f.deadline or "now",
                f.level,
                status,
            )
        out.print(table)
    out.print(f"[dim]{NOT_LEGAL_ADVICE}[/]")


@hrv_app.command()
def timeline(
    inventory: Inventory,
    from_: Annotated[str, typer.Option("--from", help="first date, YYYY-MM-DD")],
    to: Annotated[str, typer.Option("--to", help="last date, YYYY-MM-DD")],
    output: Annotated[Path, typer.Option("--output", help="chart file: .svg, .html or .png")],
    unit: Unit = "sites",
) -> None:
    """Chart the high-risk share over time per provider and segment, with caps and deadlines."""
    from clearance.hrv.chart import write_chart
    from clearance.hrv.timeline import build_timeline

    if output.suffix.lower() not in (".svg", ".html", ".htm", ".png"):
        raise InputError(f"--output {output}: must end in .svg, .html or .png")
    inv, register, ruleset = _load(inventory)
    tl = build_timeline(inv, _date(from_, "--from"), _date(to, "--to"), register, unit, ruleset)
    write_chart(tl, output)
    out.print(f"wrote {output} ({len(tl.shares)} series, {len(tl.dates)} dates)")


@hrv_app.command()
def plan(
    inventory: Inventory,
    capacity: Annotated[int, typer.Option("--capacity", help="sites a provider clears a month")],
    start: Annotated[
        str | None, typer.Option("--as-of", help="plan start (default: today)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the plan as JSON")] = False,
) -> None:
    """A month-by-month removal schedule meeting every binding deadline, or the shortfall."""
    from clearance.hrv.plan import plan_as_dict, plan_removals

    begin = _date(start, "--as-of") if start else dt.date.today()
    inv, register, ruleset = _load(inventory)
    data = plan_as_dict(plan_removals(inv, capacity, register, begin, ruleset), begin, capacity)
    if as_json:
        print_json(data)
        return
    for p in data["providers"]:
        out.print(
            f"[bold]{p['provider']}[/]: "
            + ("all deadlines met" if p["feasible"] else "[red]cannot meet every deadline[/]")
        )
        for t in p["deadlines"]:
            mark = "ok" if t["met"] else f"[red]short by {t['short_by_sites']} site(s)[/]"
            out.print(f"  {t['deadline']}  {t['requirement']}: {t['sites_needed']} site(s)  {mark}")
        for m in p["schedule"]:
            parts = ", ".join(f"{r['sites']} {r['network']} {r['function']}" for r in m["removals"])
            out.print(f"    {m['month']}: {parts}")
    out.print(f"[dim]{NOT_LEGAL_ADVICE}[/]")


def register(app: typer.Typer) -> None:
    """Add the ``hrv`` sub-app to the main CLI."""
    app.add_typer(hrv_app, name="hrv")
