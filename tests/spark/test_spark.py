"""Spark in local mode gives the batch engine's rows, every column, for the same input.

One SparkSession (local[2], no UI, 2 shuffle partitions) for the whole module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from typer.testing import CliRunner

from clearance.batch import OUTPUT_COLUMNS, queries_from, read_table, screen_rows
from clearance.errors import InputError
from clearance.screening import Screener
from clearance.spark.synthetic import generate_names, names_table

pyspark = pytest.importorskip("pyspark", reason="pyspark not installed (spark extra)")
from pyspark.sql import SparkSession  # noqa: E402

from clearance.spark import clearance_errors, screen_dataframe  # noqa: E402
from clearance.spark.worker import ADDED_COLUMNS  # noqa: E402


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("clearance-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2000")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def batch_rows(screener: Screener, table: pa.Table, id_col: str | None) -> list[dict[str, Any]]:
    queries = queries_from(table, "name", "country", "type", id_col, Path("in"))
    return list(screen_rows(screener, queries))


def test_ten_thousand_names_equal_single_process_batch(
    spark: SparkSession, screener: Screener
) -> None:
    rows = list(generate_names(screener.snapshot.entries, 10_000, seed=8))
    table = names_table(rows)
    expected = sorted(batch_rows(screener, table, "id"), key=lambda r: r["id"])
    df = spark.createDataFrame(table).repartition(4)
    out = screen_dataframe(
        df, "name", "country", "type", id_col="id", keep_input=False, screener=screener
    )
    got = out.toArrow()
    assert got.column_names == list(OUTPUT_COLUMNS)
    actual = sorted(got.to_pylist(), key=lambda r: r["id"])
    assert len(actual) == len(expected) == 10_000
    for column in OUTPUT_COLUMNS:  # every column, row by row
        assert [r[column] for r in actual] == [r[column] for r in expected], column
    matched = sum(r["matched"] for r in expected)
    assert 1_000 < matched < 9_000  # both hits and clean names are exercised


def test_row_numbers_without_id_column_and_entries_shipping(
    spark: SparkSession, screener: Screener
) -> None:
    table = names_table(list(generate_names(screener.snapshot.entries, 300, seed=9)))
    table = table.drop_columns(["id"])
    expected = batch_rows(screener, table, None)
    df = spark.createDataFrame(table)
    for ship in ("index", "entries"):
        out = screen_dataframe(
            df, "name", "country", "type", keep_input=False, screener=screener,
            partitions=3, ship=ship,
        )  # fmt: skip
        actual = sorted(out.toArrow().to_pylist(), key=lambda r: int(r["id"]))
        assert actual == expected, ship


def test_keep_input_adds_the_result_columns(spark: SparkSession, screener: Screener) -> None:
    table = names_table(list(generate_names(screener.snapshot.entries, 100, seed=10)))
    out = screen_dataframe(
        spark.createDataFrame(table), "name", "country", "type", screener=screener
    )
    assert out.columns == [*table.column_names, *ADDED_COLUMNS]
    got = {r["id"]: r for r in out.toArrow().to_pylist()}
    for r in batch_rows(screener, table, "id"):
        assert {c: got[r["id"]][c] for c in ADDED_COLUMNS} == {c: r[c] for c in ADDED_COLUMNS}


def test_missing_column_and_clash_fail_before_running(
    spark: SparkSession, screener: Screener
) -> None:
    df = spark.createDataFrame([("ACME", 0.5)], "name string, score double")
    with pytest.raises(InputError, match="country_col 'land' is not a column"):
        screen_dataframe(df, country_col="land", keep_input=False, screener=screener)
    with pytest.raises(InputError, match="already has result column"):
        screen_dataframe(df, screener=screener)


def test_executor_input_error_comes_back_as_input_error(
    spark: SparkSession, screener: Screener
) -> None:
    df = spark.createDataFrame([("ACME",), ("",)], "name string")
    out = screen_dataframe(df, keep_input=False, screener=screener)
    with pytest.raises(InputError, match=r"row 2: 'name' is empty"), clearance_errors():
        out.collect()


def test_cli_on_a_csv_file_matches_batch_output(
    spark: SparkSession, store_url: str, screener: Screener, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from clearance.cli import app

    monkeypatch.setenv("CLEARANCE_DATABASE_URL", store_url)
    source = tmp_path / "names.csv"
    pacsv.write_csv(names_table(list(generate_names(screener.snapshot.entries, 200, 11))), source)
    target = tmp_path / "out.parquet"
    args = ["spark", "screen", "--input", str(source), "--output", str(target)]
    args += ["--country-column", "country", "--type-column", "type", "--id-column", "id"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "screened 200 names" in result.output
    expected = batch_rows(screener, read_table(source), "id")
    got = sorted(spark.read.parquet(str(target)).toArrow().to_pylist(), key=lambda r: r["id"])
    assert got == sorted(expected, key=lambda r: r["id"])
    again = CliRunner().invoke(app, args)
    assert isinstance(again.exception, InputError) and "already exists" in str(again.exception)


def test_screen_engine_spark_is_the_spark_batch(
    spark: SparkSession, store_url: str, screener: Screener, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """`clearance screen --engine spark` writes what the single-process batch computes."""
    from clearance.cli import app

    monkeypatch.setenv("CLEARANCE_DATABASE_URL", store_url)
    source = tmp_path / "names.csv"
    pacsv.write_csv(names_table(list(generate_names(screener.snapshot.entries, 50, 5))), source)
    target = tmp_path / "engine.parquet"
    args = ["screen", "--engine", "spark", "--input", str(source), "--output", str(target)]
    args += ["--country-column", "country", "--type-column", "type", "--id-column", "id"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    expected = batch_rows(screener, read_table(source), "id")
    got = sorted(spark.read.parquet(str(target)).toArrow().to_pylist(), key=lambda r: r["id"])
    assert got == sorted(expected, key=lambda r: r["id"])
