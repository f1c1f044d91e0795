"""Executor side of the Spark scale-out: Arrow record batches in, screened batches out.

Pure Arrow and plain Python (no pyspark import), so the same code can be tested without a
cluster. Each batch goes through :func:`clearance.batch.queries_from` and
:func:`clearance.batch.screen_rows` — the single-process batch engine itself — so a row
screened on Spark is the row the batch engine writes, column for column.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from clearance.batch import OUTPUT_COLUMNS, queries_from, screen_rows
from clearance.errors import ClearanceError, InputError
from clearance.hits import Query
from clearance.screening import Screener, validate_query
from clearance.store import Snapshot

OUTPUT_TYPES: dict[str, pa.DataType] = {
    "id": pa.string(),
    "name": pa.string(),
    "matched": pa.bool_(),
    "score": pa.float64(),
    "source_id": pa.string(),
    "list_name": pa.string(),
    "list": pa.string(),
    "hits": pa.int64(),
    "matched_name": pa.string(),
    "explanation": pa.string(),
    "list_versions": pa.string(),
}
assert tuple(OUTPUT_TYPES) == OUTPUT_COLUMNS
# Columns added to the caller's own columns (which already hold the id and the name).
ADDED_COLUMNS = tuple(c for c in OUTPUT_COLUMNS if c not in ("id", "name"))
SCREENING_MODULES = ("clearance.batch", "clearance.screening", "clearance.hits", "clearance.model")


def _fingerprint() -> str:
    """Hash of the screening code's source files (batch, screening, the matcher package)."""
    digest = hashlib.sha256()
    match_dir = Path(str(sys.modules["clearance.match"].__file__)).parent
    files = [Path(str(sys.modules[m].__file__)) for m in SCREENING_MODULES]
    for path in [*files, *sorted(match_dir.glob("*.py"))]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


CODE_FINGERPRINT = _fingerprint()  # taken at import, i.e. of the code this process runs


@dataclass(frozen=True, slots=True)
class ScreenSpec:
    """What the executors need besides the index: columns, threshold and output shape."""

    name_col: str
    country_col: str | None
    type_col: str | None
    id_col: str | None
    threshold: float | None
    keep_input: bool
    row_numbers: bool  # id_col holds 1-based row numbers made by clearance
    label: str = "dataframe"
    code: str = CODE_FINGERPRINT  # the driver's screening code; executors must run the same


@dataclass(frozen=True, slots=True)
class EntriesPayload:
    """The list entries in force, shipped instead of the index; rebuilt once per process."""

    snapshot: Snapshot
    threshold: float

    @property
    def key(self) -> tuple[Any, ...]:
        refs = tuple((r.version, r.sha256, r.reconstructed) for r in self.snapshot.versions)
        as_of: date | None = self.snapshot.as_of
        return (refs, as_of, len(self.snapshot.entries), self.threshold)


_BUILT: dict[tuple[Any, ...], Screener] = {}


def resolve(shipped: Screener | EntriesPayload) -> Screener:
    """The screener for a broadcast value: as is, or built once per worker process."""
    if isinstance(shipped, Screener):
        return shipped
    found = _BUILT.get(shipped.key)
    if found is None:
        found = _BUILT[shipped.key] = Screener(shipped.snapshot, shipped.threshold)
    return found


def _where(spec: ScreenSpec, ident: Any) -> str:
    if spec.row_numbers:
        return f"{spec.label}: row {ident}"
    if spec.id_col:
        return f"{spec.label}: {spec.id_col} {ident!r}"
    return f"{spec.label}: a row"


def _queries(table: pa.Table, spec: ScreenSpec) -> list[Query]:
    names = table.column(spec.name_col).to_pylist()
    ids = table.column(spec.id_col).to_pylist() if spec.id_col else [None] * len(names)
    for name, ident in zip(names, ids, strict=True):
        if name is None or not str(name).strip():
            raise InputError(f"{_where(spec, ident)}: {spec.name_col!r} is empty")
    queries = queries_from(
        table, spec.name_col, spec.country_col, spec.type_col, spec.id_col, Path(spec.label)
    )
    for query, ident in zip(queries, ids, strict=True):
        try:
            validate_query(query)
        except InputError as exc:
            raise InputError(f"{_where(spec, ident)}: {exc.detail}") from None
    return queries


def screen_batch(batch: pa.RecordBatch, screener: Screener, spec: ScreenSpec) -> pa.RecordBatch:
    """One Arrow batch screened: the batch engine's output rows as Arrow columns."""
    table = pa.Table.from_batches([batch])
    rows = list(screen_rows(screener, _queries(table, spec), spec.threshold))
    wanted = ADDED_COLUMNS if spec.keep_input else OUTPUT_COLUMNS
    arrays = [pa.array([r[c] for r in rows], OUTPUT_TYPES[c]) for c in wanted]
    if spec.keep_input:
        return pa.RecordBatch.from_arrays(
            [*batch.columns, *arrays], names=[*batch.schema.names, *wanted]
        )
    return pa.RecordBatch.from_arrays(arrays, names=list(wanted))


def check_code(spec: ScreenSpec) -> None:
    """Fail closed when this executor runs other screening code than the driver."""
    if spec.code != CODE_FINGERPRINT:
        raise ClearanceError(
            f"the executors run other screening code than the driver (code {CODE_FINGERPRINT} "
            f"here, {spec.code} on the driver): ship the same clearance build to both"
        )


def screen_batches(
    batches: Iterable[pa.RecordBatch], shipped: Screener | EntriesPayload, spec: ScreenSpec
) -> Iterator[pa.RecordBatch]:
    """The function mapInArrow runs on each partition."""
    check_code(spec)
    screener = resolve(shipped)
    for batch in batches:
        yield screen_batch(batch, screener, spec)
