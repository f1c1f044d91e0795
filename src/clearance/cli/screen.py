"""``clearance screen``: one name, or a whole file with --input/--output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from clearance.batch import queries_from, read_table, screen_rows, write_rows
from clearance.cli.common import parse_date, print_json
from clearance.cli.render import print_result, result_json
from clearance.errors import InputError
from clearance.hits import Query
from clearance.match.matcher import get_matcher
from clearance.screening import Screener
from clearance.store import open_store


def screen(
    name: Annotated[str | None, typer.Argument(help="Name to screen (omit with --input).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 country.")] = None,
    entity_type: Annotated[
        str | None, typer.Option("--type", help="person|company|vessel|aircraft")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="Lists as they stood on YYYY-MM-DD.")] = None,
    threshold: Annotated[float | None, typer.Option(help="Alert threshold in (0, 1].")] = None,
    limit: Annotated[int, typer.Option(help="Most hits to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    fail_on_match: Annotated[bool, typer.Option(help="Exit 1 when anything matches.")] = False,
    max_list_age: Annotated[
        int | None, typer.Option(help="Refuse (exit 3) lists older than DAYS.")
    ] = None,
    source: Annotated[list[str] | None, typer.Option(help="Only these sources.")] = None,
    input_: Annotated[Path | None, typer.Option("--input", help="CSV/JSONL/Parquet file.")] = None,
    output: Annotated[Path | None, typer.Option(help="Output file (same formats).")] = None,
    name_column: Annotated[str, typer.Option()] = "name",
    country_column: Annotated[str | None, typer.Option()] = None,
    type_column: Annotated[str | None, typer.Option()] = None,
    id_column: Annotated[str | None, typer.Option()] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for --input.")] = 1,
    engine: Annotated[
        str, typer.Option(help="Batch engine for --input: local (processes) or spark.")
    ] = "local",
    master: Annotated[
        str | None, typer.Option(help="Spark master with --engine spark (default local[*]).")
    ] = None,
    matcher: Annotated[
        str | None,
        typer.Option(help="Matcher version, to replay a past result (default: name-v2)."),
    ] = None,
) -> None:
    """Screen a name (or a file of names) against the stored lists, with explanations."""
    if (name is None) == (input_ is None):
        raise InputError("give either a NAME or --input FILE (with --output FILE)")
    day = parse_date(as_of, "--as-of")
    if limit < 1:
        raise InputError("--limit must be at least 1")
    if engine not in ("local", "spark"):
        raise InputError(f"--engine must be local or spark, got {engine!r}")
    if engine == "spark":
        if matcher is not None:
            raise InputError("--matcher is not available with --engine spark")
        if input_ is None or output is None:
            raise InputError("--engine spark needs --input and --output")
        from clearance.cli import spark

        spark.screen(  # the `clearance spark screen` command, with this command's options
            str(input_), str(output), master=master, as_of=as_of, threshold=threshold,
            max_list_age=max_list_age, source=source, name_column=name_column,
            country_column=country_column, type_column=type_column, id_column=id_column,
            partitions=None, input_format=None, output_format=None, overwrite=False,
            ship="index", fail_on_match=fail_on_match,
        )  # fmt: skip
        return
    try:  # an unknown version is an input error before any list is read
        get_matcher(matcher)
    except InputError as error:
        raise InputError(f"--matcher: {error}") from None
    screener = Screener.from_store(open_store(), day, source, max_list_age, threshold, matcher)
    if input_ is not None:
        matched = _batch(
            screener,
            input_,
            output,
            name_column,
            country_column,
            type_column,
            id_column,
            threshold,
            workers,
        )
    else:
        assert name is not None
        result = screener.screen(
            Query(name, country and country.upper(), entity_type), threshold, limit
        )
        print_json(result_json(result)) if as_json else print_result(result)
        matched = result.matched
    if fail_on_match and matched:
        raise typer.Exit(1)


def _batch(
    screener: Screener,
    input_: Path,
    output: Path | None,
    name_column: str,
    country_column: str | None,
    type_column: str | None,
    id_column: str | None,
    threshold: float | None,
    workers: int,
) -> bool:
    if output is None:
        raise InputError("--input needs --output FILE")
    table = read_table(input_)
    queries = queries_from(table, name_column, country_column, type_column, id_column, input_)
    rows = []
    with Progress(disable=not sys.stderr.isatty(), transient=True) as progress:
        task = progress.add_task("screening", total=len(queries))
        for row in screen_rows(
            screener, queries, threshold, workers, lambda n: progress.advance(task, n)
        ):
            rows.append(row)
    write_rows(rows, output)
    hits = sum(1 for r in rows if r["matched"])
    typer.echo(f"screened {len(rows)} names: {hits} matched; wrote {output}", err=True)
    return hits > 0


def register(app: typer.Typer) -> None:
    app.command("screen")(screen)
