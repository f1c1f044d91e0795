"""Batch screening of a file of names: CSV, JSONL or Parquet in, the same format out.

One output row per input row, in input order, with the columns of
:data:`OUTPUT_COLUMNS`. Work is split over ``workers`` processes forked after the index is
built, so the index is shared copy-on-write and built once.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson
import pyarrow.parquet as pq

from clearance.errors import InputError
from clearance.hits import Query, ScreenResult
from clearance.screening import Screener

OUTPUT_COLUMNS = (
    "id",
    "name",
    "matched",
    "score",
    "source_id",
    "list_name",
    "list",
    "hits",
    "matched_name",
    "explanation",
    "list_versions",
)
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
CHUNK = 2000

_WORKER: Screener | None = None


def file_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown file type {path.suffix!r}; use .csv, .jsonl or .parquet")
    return fmt


def read_table(path: Path) -> pa.Table:
    fmt = file_format(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    try:
        if fmt == "csv":
            opts = pacsv.ConvertOptions(strings_can_be_null=False, auto_dict_encode=False)
            return pacsv.read_csv(path, convert_options=opts)
        if fmt == "jsonl":
            return pajson.read_json(path)
        return pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"{path}: cannot read as {fmt}: {exc}") from exc


def queries_from(
    table: pa.Table,
    name_column: str,
    country_column: str | None,
    type_column: str | None,
    id_column: str | None,
    path: Path,
) -> list[Query]:
    cols = set(table.column_names)
    for label, col in (
        ("--name-column", name_column),
        ("--country-column", country_column),
        ("--type-column", type_column),
        ("--id-column", id_column),
    ):
        if col and col not in cols:
            raise InputError(f"{path}: {label} {col!r} is not a column ({', '.join(sorted(cols))})")

    def column(col: str | None) -> list[Any]:
        return table.column(col).to_pylist() if col else [None] * table.num_rows

    names, countries, types, ids = map(
        column, (name_column, country_column, type_column, id_column)
    )
    queries = []
    for i, (name, country, kind, ident) in enumerate(
        zip(names, countries, types, ids, strict=True)
    ):
        if name is None or not str(name).strip():
            raise InputError(f"{path}: row {i + 1}: {name_column!r} is empty")
        queries.append(
            Query(
                name=str(name),
                country=str(country).upper() if country else None,
                entity_type=str(kind).lower() if kind else None,
                id=str(ident) if ident is not None else str(i + 1),
            )
        )
    return queries


def result_row(result: ScreenResult) -> dict[str, Any]:
    best = result.hits[0] if result.hits else None
    return {
        "id": result.query.id,
        "name": result.query.name,
        "matched": best is not None,
        "score": round(best.score, 4) if best else 0.0,
        "source_id": best.entry.source_id if best else None,
        "list_name": best.entry.name if best else None,
        "list": best.entry.list_name if best else None,
        "hits": len(result.hits),
        "matched_name": best.matched_name if best else None,
        "explanation": json.dumps(best.explanation, ensure_ascii=False) if best else None,
        "list_versions": ";".join(ref.version for ref in result.lists),
    }


def _screen_chunk(args: tuple[Sequence[Query], float | None]) -> list[dict[str, Any]]:
    assert _WORKER is not None
    queries, threshold = args
    return [result_row(_WORKER.screen(q, threshold, limit=1000)) for q in queries]


def screen_rows(
    screener: Screener,
    queries: Sequence[Query],
    threshold: float | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Output rows in input order; ``progress`` is called with each finished chunk's size."""
    global _WORKER
    _WORKER = screener
    chunks = [(queries[i : i + CHUNK], threshold) for i in range(0, len(queries), CHUNK)]
    if workers <= 1:
        for chunk in chunks:
            rows = _screen_chunk(chunk)
            if progress:
                progress(len(rows))
            yield from rows
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        for rows in pool.imap(_screen_chunk, chunks):
            if progress:
                progress(len(rows))
            yield from rows


def write_rows(rows: list[dict[str, Any]], path: Path) -> None:
    fmt = file_format(path)
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in OUTPUT_COLUMNS})
    tmp = path.with_name(path.name + ".partial")
    if fmt == "csv":
        pacsv.write_csv(table, tmp)
    elif fmt == "parquet":
        pq.write_table(table, tmp)
    else:
        with open(tmp, "w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)  # the output appears whole or not at all
