"""``clearance spark screen``: the batch screening of a file or folder, on Apache Spark.

The same command runs on a laptop (``--master local[*]``) and under ``spark-submit`` on a
cluster, where the master comes from spark-submit. :func:`run_spark_batch` is the library
entry point that ``clearance screen --engine spark`` calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from clearance.cli.common import parse_date
from clearance.errors import InputError

spark_app = typer.Typer(
    name="spark",
    help="Batch screening on Apache Spark (needs the spark extra: pyspark).",
    no_args_is_help=True,
)


@dataclass(frozen=True, slots=True)
class SparkBatchSummary:
    """What a Spark batch run wrote."""

    rows: int
    matched: int
    output: str
    format: str
    partitions: int


def run_spark_batch(
    input_path: str | Path,
    output_path: str | Path,
    *,
    master: str | None = None,
    name_column: str = "name",
    country_column: str | None = None,
    type_column: str | None = None,
    id_column: str | None = None,
    threshold: float | None = None,
    as_of: date | None = None,
    sources: list[str] | None = None,
    max_list_age: int | None = None,
    partitions: int | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    overwrite: bool = False,
    store_url: str | None = None,
    ship: str = "index",
) -> SparkBatchSummary:
    """Screen ``input_path`` on Spark and write the batch output columns to ``output_path``.

    ``partitions=None`` spreads a small input over twice the cluster's default
    parallelism; ``0`` keeps the input's partitioning.
    """
    try:
        from pyspark.sql import functions as F
    except ModuleNotFoundError as exc:
        raise InputError("pyspark is not installed: pip install 'clearance[spark]'") from exc
    from clearance.screening import Screener
    from clearance.spark.errors import clearance_errors
    from clearance.spark.frame import screen_dataframe
    from clearance.spark.io import read_input, write_output
    from clearance.spark.session import get_session
    from clearance.store import open_store

    if ship not in ("index", "entries"):
        raise InputError(f"--ship must be index or entries, got {ship!r}")
    source, target = str(input_path), str(output_path)
    screener = Screener.from_store(open_store(store_url), as_of, sources, max_list_age, threshold)
    spark = get_session(master)
    with clearance_errors():
        df = read_input(spark, source, input_format)
        have = df.rdd.getNumPartitions()
        if partitions is None:
            wanted = 2 * spark.sparkContext.defaultParallelism
            partitions = wanted if have < wanted else 0
        out = screen_dataframe(
            df,
            name_column,
            country_column,
            type_column,
            threshold,
            id_col=id_column,
            keep_input=False,
            screener=screener,
            partitions=partitions or None,
            ship="entries" if ship == "entries" else "index",
            label=source,
        )
        fmt = write_output(out, target, output_format, overwrite)
        written = spark.read.format(fmt).options(header="true").load(target)
        hit = F.when(F.col("matched").cast("boolean"), 1).otherwise(0)
        total = written.agg(F.count(F.lit(1)), F.sum(hit)).first()
    assert total is not None
    return SparkBatchSummary(int(total[0]), int(total[1] or 0), target, fmt, partitions or have)


@spark_app.command("screen")
def screen(
    input_: Annotated[str, typer.Option("--input", help="Parquet/CSV/JSONL file or folder.")],
    output: Annotated[str, typer.Option(help="Output folder (.parquet, .csv or .jsonl).")],
    master: Annotated[
        str | None, typer.Option(help="Spark master; default local[*], or spark-submit's.")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="Lists as they stood on YYYY-MM-DD.")] = None,
    threshold: Annotated[float | None, typer.Option(help="Alert threshold in (0, 1].")] = None,
    max_list_age: Annotated[
        int | None, typer.Option(help="Refuse (exit 3) lists older than DAYS.")
    ] = None,
    source: Annotated[list[str] | None, typer.Option(help="Only these sources.")] = None,
    name_column: Annotated[str, typer.Option()] = "name",
    country_column: Annotated[str | None, typer.Option()] = None,
    type_column: Annotated[str | None, typer.Option()] = None,
    id_column: Annotated[str | None, typer.Option()] = None,
    partitions: Annotated[
        int | None, typer.Option(help="Repartition to N (0: keep the input's).")
    ] = None,
    input_format: Annotated[str | None, typer.Option(help="parquet|csv|jsonl")] = None,
    output_format: Annotated[str | None, typer.Option(help="parquet|csv|jsonl")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace an existing output.")] = False,
    ship: Annotated[str, typer.Option(help="index (broadcast it) or entries.")] = "index",
    fail_on_match: Annotated[bool, typer.Option(help="Exit 1 when anything matches.")] = False,
) -> None:
    """Screen every row of INPUT on Spark; write the batch output columns to OUTPUT."""
    if partitions is not None and partitions < 0:
        raise InputError("--partitions must be 0 or more")
    summary = run_spark_batch(
        input_,
        output,
        master=master,
        name_column=name_column,
        country_column=country_column,
        type_column=type_column,
        id_column=id_column,
        threshold=threshold,
        as_of=parse_date(as_of, "--as-of"),
        sources=source,
        max_list_age=max_list_age,
        partitions=partitions,
        input_format=input_format,
        output_format=output_format,
        overwrite=overwrite,
        ship=ship,
    )
    typer.echo(
        f"screened {summary.rows} names on {summary.partitions} partitions: "
        f"{summary.matched} matched; wrote {summary.output} ({summary.format})",
        err=True,
    )
    if fail_on_match and summary.matched:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(spark_app, name="spark")
