"""``clearance lists``: import official list files, show the stored versions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from clearance.cli.common import out, parse_date, print_json
from clearance.sources import check_bounds, load_meta, parse_paths
from clearance.store import open_store

lists_app = typer.Typer(
    help="Import and inspect restricted-party list versions.", no_args_is_help=True
)


@lists_app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="List files; an OFAC set is several files.")],
    fmt: Annotated[str | None, typer.Option("--format", help="Force a format key.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD, when the file states none.")
    ] = None,
    force: Annotated[bool, typer.Option(help="Import despite the source's count bounds.")] = False,
) -> None:
    """Parse, validate and store each list as a new immutable version (all or nothing)."""
    day = parse_date(published, "--published")
    store = open_store()
    for parsed in parse_paths(paths, fmt):
        if not force and parsed.source != "sample":  # the bundled SAMPLE has no official bounds
            check_bounds(parsed, load_meta(parsed.source))
        ref = store.import_parsed(parsed, published=day)
        out.print(
            f"imported [bold]{ref.version}[/]: {ref.entries} entries from "
            f"{', '.join(f.name for f in parsed.files)}"
        )
        for repair in parsed.repairs:
            out.print(f"  repaired: {repair}")


@lists_app.command("show")
def show(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Every stored version: source, version, publication, import time, counts."""
    rows = open_store().versions()
    data = [
        {
            "source": r.source,
            "version": r.version,
            "current": bool(r.is_current),
            "published": r.published.isoformat() if r.published else None,
            "imported_at": r.imported_at,
            "entries": r.entry_count,
            "counts": json.loads(r.counts),
            "sha256": r.sha256,
        }
        for r in rows
    ]
    if as_json:
        print_json(data)
        return
    if not data:
        out.print("no list versions stored: run `clearance lists import PATH`")
        return
    table = Table("source", "version", "current", "published", "imported", "entries", "by list")
    for d in data:
        counts = ", ".join(f"{k} {v}" for k, v in d["counts"].items())
        table.add_row(
            d["source"],
            d["version"],
            "yes" if d["current"] else "",
            d["published"] or "-",
            d["imported_at"],
            str(d["entries"]),
            counts,
        )
    out.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
