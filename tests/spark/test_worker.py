"""The executor-side code without Spark: same rows as the batch engine, clear errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pyarrow as pa
import pytest

from clearance.batch import OUTPUT_COLUMNS, queries_from, screen_rows
from clearance.errors import ClearanceError, InputError, UnreadableName
from clearance.screening import Screener
from clearance.spark.errors import from_spark
from clearance.spark.synthetic import generate_names, names_table
from clearance.spark.worker import (
    ADDED_COLUMNS,
    EntriesPayload,
    ScreenSpec,
    resolve,
    screen_batch,
    screen_batches,
)


def spec(**kw: object) -> ScreenSpec:
    base = dict(
        name_col="name", country_col="country", type_col="type", id_col="id",
        threshold=None, keep_input=False, row_numbers=False,
    )  # fmt: skip
    base.update(kw)
    return ScreenSpec(**base)  # type: ignore[arg-type]


def test_batches_equal_batch_engine(screener: Screener) -> None:
    table = names_table(list(generate_names(screener.snapshot.entries, 600, seed=3)))
    queries = queries_from(table, "name", "country", "type", "id", Path("x"))
    expected = list(screen_rows(screener, queries))
    out = pa.Table.from_batches(
        list(screen_batches(table.to_batches(max_chunksize=250), screener, spec()))
    )
    assert out.column_names == list(OUTPUT_COLUMNS)
    assert out.to_pylist() == expected
    assert 0 < sum(r["matched"] for r in expected) < len(expected)


def test_keep_input_appends_result_columns(screener: Screener) -> None:
    table = names_table(list(generate_names(screener.snapshot.entries, 50, seed=4)))
    batch = table.to_batches()[0]
    out = screen_batch(batch, screener, spec(id_col=None, keep_input=True))
    assert out.schema.names == [*table.column_names, *ADDED_COLUMNS]
    assert out.column("name").to_pylist() == table.column("name").to_pylist()


def test_pickled_index_and_rebuilt_index_answer_alike(screener: Screener) -> None:
    table = names_table(list(generate_names(screener.snapshot.entries, 200, seed=5)))
    batch = table.to_batches()[0]
    shipped = pickle.loads(pickle.dumps(screener, protocol=5))
    rebuilt = resolve(EntriesPayload(screener.snapshot, screener.threshold))
    assert resolve(EntriesPayload(screener.snapshot, screener.threshold)) is rebuilt  # cached
    first = screen_batch(batch, screener, spec()).to_pylist()
    assert screen_batch(batch, shipped, spec()).to_pylist() == first
    assert screen_batch(batch, rebuilt, spec()).to_pylist() == first


def test_empty_name_names_the_row(screener: Screener) -> None:
    table = pa.table({"n": ["ACME Trading", "  "], "row": pa.array([41, 42], pa.int64())})
    with pytest.raises(InputError, match=r"in.csv: row 42: 'n' is empty"):
        screen_batch(
            table.to_batches()[0], screener,
            spec(name_col="n", country_col=None, type_col=None, id_col="row",
                 row_numbers=True, label="in.csv"),
        )  # fmt: skip


def test_bad_country_names_the_id(screener: Screener) -> None:
    table = pa.table({"name": ["ACME"], "country": ["China"], "type": [None], "id": ["c-7"]})
    with pytest.raises(InputError, match=r"id 'c-7': country: must be an ISO 3166"):
        screen_batch(table.to_batches()[0], screener, spec())


def test_spark_failure_text_maps_back_to_clearance_error() -> None:
    text = (
        "PythonException: An exception was thrown from the Python worker:\nTraceback ...\n"
        "clearance.errors.InputError: in.csv: row 42: 'name' is empty\n"
    )
    err = from_spark(RuntimeError(text))
    assert isinstance(err, InputError) and err.detail == "in.csv: row 42: 'name' is empty"
    text = "Traceback ...\nclearance.errors.UnreadableName: id '7': name: 'ហ៊ុន' has nothing\n"
    unreadable = from_spark(RuntimeError(text))
    assert isinstance(unreadable, UnreadableName) and unreadable.exit_code == 2
    assert unreadable.detail == "id '7': name: 'ហ៊ុន' has nothing"
    assert from_spark(RuntimeError("java.lang.OutOfMemoryError")) is None


def test_other_screening_code_on_an_executor_fails_closed(screener: Screener) -> None:
    table = names_table(list(generate_names(screener.snapshot.entries, 5, seed=6)))
    stale = spec(code="0" * 16)
    with pytest.raises(ClearanceError, match="other screening code than the driver"):
        list(screen_batches(table.to_batches(), screener, stale))
