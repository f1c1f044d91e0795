"""Batch screening of a file of names: CSV, JSONL or Parquet in, the same format out.

One output row per input row, in input order, with the columns of
:data:`OUTPUT_COLUMNS`: what ``result_row(screener.screen(query, threshold, 1000))`` gives
for each query. A name repeated (same country and type) is screened once, and only a row's
own hit is explained. Work is split over ``workers`` processes forked after the index is
built, so the index (and the queries) are shared copy-on-write and built once; a worker
sends back only the hit fields of its rows.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.json as pajson
import pyarrow.parquet as pq

from clearance.errors import InputError, UnreadableName
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
LIMIT = 1000  # hits counted per row at most


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


# What a worker returns per distinct query: ``None`` for no hit, else the row's fields from
# "score" to "explanation" (a few bytes to send back, most names having no hit).
_Found = tuple[float, str, str, str, int, str, str] | None
# Set before the workers fork, so they share it instead of receiving it: the screener,
# the distinct queries and the threshold.
_WORK: tuple[Screener, Sequence[Query], float | None] | None = None


def _first(screener: Screener, query: Query, threshold: float | None) -> _Found:
    """The fields of ``result_row(screener.screen(query, threshold, LIMIT))`` that depend
    on the screening, explaining only the row's hit."""
    best, hits = screener.screen_first(query, threshold)
    if best is None:
        return None
    return (
        round(best.score, 4),
        best.entry.source_id,
        best.entry.name,
        best.entry.list_name,
        min(hits, LIMIT),
        best.matched_name,
        json.dumps(best.explanation, ensure_ascii=False),
    )


def _screen_range(bounds: tuple[int, int]) -> list[_Found]:
    assert _WORK is not None
    screener, queries, threshold = _WORK
    return [_first(screener, q, threshold) for q in queries[bounds[0] : bounds[1]]]


def screen_rows(
    screener: Screener,
    queries: Sequence[Query],
    threshold: float | None = None,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Output rows in input order; ``progress`` is called with the number of rows each
    finished chunk completes.

    A name repeated with the same country and type is screened once (its rows differ only
    in ``id``). A name the matcher cannot read stops the batch (``UnreadableName``, naming
    the first row's id) rather than be reported unmatched. With ``workers`` > 1 the
    distinct queries are screened by forked processes that inherit the screener and the
    queries, and send back only each row's hit fields.
    """
    global _WORK
    slots: list[int] = []  # per input row, the index of its distinct query
    seen: dict[tuple[str, str | None, str | None], int] = {}
    distinct: list[Query] = []
    for q in queries:
        key = (q.name, q.country, q.entity_type)
        slot = seen.get(key)
        if slot is None:
            slot = seen[key] = len(distinct)
            distinct.append(q)
        slots.append(slot)
    del seen
    versions = ";".join(ref.version for ref in screener.lists)
    ranges = [(i, min(i + CHUNK, len(distinct))) for i in range(0, len(distinct), CHUNK)]
    done: list[_Found] = []
    position = 0

    def rows() -> Iterator[dict[str, Any]]:
        nonlocal position
        start = position
        while position < len(queries) and slots[position] < len(done):
            q = queries[position]
            found = done[slots[position]]
            position += 1
            if found is None:
                yield {
                    "id": q.id,
                    "name": q.name,
                    "matched": False,
                    "score": 0.0,
                    "source_id": None,
                    "list_name": None,
                    "list": None,
                    "hits": 0,
                    "matched_name": None,
                    "explanation": None,
                    "list_versions": versions,
                }
            else:
                score, source_id, list_name, list_, hits, matched_name, explanation = found
                yield {
                    "id": q.id,
                    "name": q.name,
                    "matched": True,
                    "score": score,
                    "source_id": source_id,
                    "list_name": list_name,
                    "list": list_,
                    "hits": hits,
                    "matched_name": matched_name,
                    "explanation": explanation,
                    "list_versions": versions,
                }
        if progress and position > start:
            progress(position - start)

    _WORK = (screener, distinct, threshold)
    # The index's millions of objects live as long as the screener: left out of garbage
    # collection (a full collection walks them all), and so not written to by it in forked
    # workers (which would copy the pages they share).
    gc.freeze()
    try:
        if workers <= 1 or len(ranges) <= 1:
            for bounds in ranges:
                done.extend(_screen_range(bounds))
                yield from rows()
            return
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(workers) as pool:
            for found in pool.imap(_screen_range, ranges):
                done.extend(found)
                yield from rows()
    except UnreadableName as exc:  # the first row with that name, by its id
        ident = next((q.id for q in queries if q.name == exc.name), None)
        where = f"id {ident!r}: " if ident is not None else ""
        raise UnreadableName(f"{where}{exc.detail}", exc.name) from None
    finally:
        _WORK = None
        gc.unfreeze()


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
