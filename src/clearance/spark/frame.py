"""Driver side: ``screen_dataframe`` — the batch engine over a Spark DataFrame.

The list index is built once on the driver from a store snapshot, broadcast, and used by
:mod:`clearance.spark.worker` on the executors through ``mapInArrow`` (Arrow batches, no
Python UDF per row). The result is lazy, like any DataFrame: nothing runs before an action.
"""

from __future__ import annotations

from datetime import date
from itertools import chain
from typing import Literal

import pyarrow as pa
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import (
    BooleanType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from clearance.batch import OUTPUT_COLUMNS
from clearance.errors import InputError
from clearance.screening import Screener
from clearance.spark.worker import (
    ADDED_COLUMNS,
    OUTPUT_TYPES,
    EntriesPayload,
    ScreenSpec,
    check_code,
    screen_batches,
)
from clearance.store import Store, open_store

Ship = Literal["index", "entries"]
ROW_COLUMN = "__clearance_row"
_SPARK_TYPES: dict[pa.DataType, DataType] = {
    pa.string(): StringType(),
    pa.bool_(): BooleanType(),
    pa.float64(): DoubleType(),
    pa.int64(): LongType(),
}


def result_schema(columns: tuple[str, ...]) -> list[StructField]:
    return [StructField(c, _SPARK_TYPES[OUTPUT_TYPES[c]], True) for c in columns]


def check_columns(df: DataFrame, columns: dict[str, str | None], keep_input: bool) -> None:
    """Fail before any job runs when a named column is missing or would be overwritten."""
    have = list(df.columns)
    for label, col in columns.items():
        if col and col not in have:
            raise InputError(f"{label} {col!r} is not a column ({', '.join(sorted(have))})")
    clash = sorted(set(have) & set(ADDED_COLUMNS)) if keep_input else []
    if clash:
        raise InputError(
            f"input already has result column(s) {', '.join(clash)}: rename them, or pass "
            "keep_input=False to get only the batch output columns"
        )


def with_row_numbers(df: DataFrame, column: str = ROW_COLUMN) -> DataFrame:
    """Add 1-based row numbers in the DataFrame's partition order (one counting job)."""
    pid = F.spark_partition_id()
    counts = sorted((int(r[0]), int(r[1])) for r in df.groupBy(pid.alias("p")).count().collect())
    offsets: list[tuple[int, int]] = []
    total = 0
    for part, n in counts:
        offsets.append((part, total))
        total += n
    if not offsets:
        return df.withColumn(column, F.lit(None).cast("long"))
    starts = F.create_map(*chain.from_iterable((F.lit(p), F.lit(o)) for p, o in offsets))
    # monotonically_increasing_id = partition id << 33 | position within the partition
    position = F.monotonically_increasing_id().bitwiseAND(F.lit((1 << 33) - 1))
    return df.withColumn(column, F.element_at(starts, pid) + position + F.lit(1))


def screen_dataframe(
    df: DataFrame,
    name_col: str = "name",
    country_col: str | None = None,
    type_col: str | None = None,
    threshold: float | None = None,
    as_of: date | None = None,
    lists: list[str] | None = None,
    *,
    id_col: str | None = None,
    keep_input: bool = True,
    screener: Screener | None = None,
    store: Store | None = None,
    max_age_days: int | None = None,
    partitions: int | None = None,
    ship: Ship = "index",
    label: str = "dataframe",
) -> DataFrame:
    """Screen every row of ``df`` against the lists in force (or ``as_of`` a date).

    ``keep_input=True`` returns the input columns plus ``matched, score, source_id,
    list_name, list, hits, matched_name, explanation, list_versions``; ``keep_input=False``
    returns exactly the batch engine's columns (``id`` is ``id_col`` as text, else the
    1-based row number in partition order). ``screener`` overrides ``store``/``as_of``/
    ``lists``. ``ship="index"`` broadcasts the built index; ``"entries"`` broadcasts the
    entries and rebuilds the index once per executor process.
    """
    columns = {"name_col": name_col, "country_col": country_col, "type_col": type_col}
    check_columns(df, {**columns, "id_col": id_col}, keep_input)
    if threshold is not None and not 0.0 < threshold <= 1.0:
        raise InputError(f"threshold must be in (0, 1], got {threshold}")
    if partitions is not None and partitions < 1:
        raise InputError(f"partitions must be at least 1, got {partitions}")
    if ship not in ("index", "entries"):
        raise InputError(f"ship must be 'index' or 'entries', got {ship!r}")
    if screener is None:
        screener = Screener.from_store(store or open_store(), as_of, lists, max_age_days)
    row_numbers = not keep_input and id_col is None
    if row_numbers:
        df = with_row_numbers(df)
        id_col = ROW_COLUMN
    if partitions is not None:  # hash of the id: no sort before a round-robin shuffle
        df = df.repartition(partitions, id_col) if id_col else df.repartition(partitions)
    spec = ScreenSpec(
        name_col, country_col, type_col, id_col, threshold, keep_input, row_numbers, label
    )
    shipped = screener if ship == "index" else EntriesPayload(screener.snapshot, screener.threshold)
    bc = df.sparkSession.sparkContext.broadcast(shipped)
    if keep_input:
        schema = StructType([*df.schema.fields, *result_schema(ADDED_COLUMNS)])
    else:
        schema = StructType(result_schema(OUTPUT_COLUMNS))

    def run(batches: object) -> object:
        check_code(spec)  # before the broadcast index is unpickled
        return screen_batches(batches, bc.value, spec)  # type: ignore[arg-type]

    return df.mapInArrow(run, schema)  # type: ignore[arg-type]
