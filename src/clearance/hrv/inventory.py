"""Read a network inventory (CSV or Parquet) into a typed Arrow table, refusing bad rows.

Each distinct value of a column is checked once in Python (networks, functions, vendor names,
dates, flags); rows are then mapped with Arrow ``take``, so a million rows read in about a
second. Every bad row is reported with its line (CSV: file line, header = line 1; Parquet:
row number); nothing is dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from clearance.errors import InputError
from clearance.hrv.vendors import VendorRegister

NETWORKS = ("5G", "4G", "3G", "2G", "full_fibre", "other")
FUNCTIONS = ("core", "access", "transmission", "other")
REQUIRED = ("provider", "network", "function", "site_id", "vendor", "installed_on", "removed_on")
OPTIONAL = ("purchased_on", "national_security_site", "sanctions_affected", "equipment")
MAX_LISTED = 50
_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f", ""}


@dataclass(frozen=True)
class Inventory:
    """Validated rows. ``vendor`` holds register ids; dates are date32; flags are bool."""

    table: pa.Table
    source: str
    first_line: int  # line (CSV) or row (Parquet) number of table row 0

    def __len__(self) -> int:
        return int(self.table.num_rows)


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    by_key = {o.casefold(): o for o in options}

    def fn(s: str) -> str:
        key = s.strip().casefold().replace("-", "_").replace(" ", "_")
        if key not in by_key:
            raise ValueError(f"must be one of {', '.join(options)}")
        return by_key[key]

    return fn


def _date(required: bool) -> Callable[[str], dt.date | None]:
    def fn(s: str) -> dt.date | None:
        s = s.strip()
        if not s:
            if required:
                raise ValueError("is required")
            return None
        try:
            return dt.date.fromisoformat(s[:10]) if len(s) in (10, 19) else _bad_date()
        except ValueError:
            raise ValueError("is not a date YYYY-MM-DD") from None

    return fn


def _bad_date() -> dt.date:
    raise ValueError


def _flag(s: str) -> bool:
    key = s.strip().casefold()
    if key in _TRUE or key in _FALSE:
        return key in _TRUE
    raise ValueError("must be true or false")


def _text(s: str) -> str:
    if not s.strip():
        raise ValueError("is required")
    return s.strip()


class _Checker:
    """Collects (row, message) problems while mapping columns value by value."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table
        self.problems: list[tuple[int, str]] = []
        self.count = 0

    def map(self, name: str, fn: Callable[[str], Any], typ: pa.DataType) -> pa.Array:
        col = self.table.column(name)
        enc = col.combine_chunks().dictionary_encode()
        values: list[Any] = []
        errors: list[str | None] = []
        for raw in enc.dictionary.to_pylist():
            try:
                values.append(fn(raw))
                errors.append(None)
            except ValueError as exc:
                values.append(None)
                errors.append(f"{name} {raw!r} {exc}")
        out = pc.take(pa.array(values, type=typ), enc.indices)
        if any(e is not None for e in errors):
            bad = pc.take(pa.array([e is not None for e in errors]), enc.indices)
            self.flag(bad, lambda i: errors[enc.indices[i].as_py()] or "")
        return out

    def flag(self, mask: pa.Array | pa.ChunkedArray, message: Callable[[int], str]) -> None:
        idx = pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()
        self.count += len(idx)
        room = MAX_LISTED - len(self.problems)
        self.problems.extend((i, message(i)) for i in idx[: max(room, 0)])


def _read_raw(path: Path) -> tuple[pa.Table, int]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path}: inventory file not found")
    if suffix in (".parquet", ".pq"):
        names = pq.read_schema(path).names
        _check_columns(path, names)
        table = pq.read_table(path, columns=[c for c in (*REQUIRED, *OPTIONAL) if c in names])
        cols = [pc.fill_null(pc.cast(table.column(c), pa.string()), "") for c in table.schema.names]
        return pa.table(cols, names=table.schema.names), 1
    if suffix != ".csv":
        raise InputError(f"{path}: inventory must be .csv or .parquet")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header = next(csv.reader(fh), [])
    _check_columns(path, header)
    wanted = [c for c in (*REQUIRED, *OPTIONAL) if c in header]
    convert = pacsv.ConvertOptions(
        column_types=dict.fromkeys(wanted, pa.string()),
        include_columns=wanted,
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    try:
        return pacsv.read_csv(path, convert_options=convert), 2
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read CSV: {exc}") from exc


def _check_columns(path: Path, names: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(f"{path}:1: missing column(s): {', '.join(missing)}")


def read_inventory(path: str | Path, register: VendorRegister) -> Inventory:
    """Read and validate an inventory file; raise InputError listing every bad row's line."""
    path = Path(path)
    raw, first = _read_raw(path)
    ck = _Checker(raw)
    n = raw.num_rows
    date = pa.date32()
    out: dict[str, pa.Array] = {
        "provider": ck.map("provider", _text, pa.string()),
        "network": ck.map("network", _choice(NETWORKS), pa.string()),
        "function": ck.map("function", _choice(FUNCTIONS), pa.string()),
        "site_id": ck.map("site_id", _text, pa.string()),
        "vendor": ck.map("vendor", _vendor(register), pa.string()),
        "installed_on": ck.map("installed_on", _date(True), date),
        "removed_on": ck.map("removed_on", _date(False), date),
    }
    for name, fn, typ in (
        ("purchased_on", _date(False), date),
        ("national_security_site", _flag, pa.bool_()),
        ("sanctions_affected", _flag, pa.bool_()),
    ):
        if name in raw.schema.names:
            out[name] = ck.map(name, fn, typ)
        else:
            out[name] = pa.nulls(n, typ) if typ == date else pa.array([False] * n)
    inst = out["installed_on"]
    ck.flag(pc.less(out["removed_on"], inst), lambda i: "removed_on is before installed_on")
    ck.flag(pc.greater(out["purchased_on"], inst), lambda i: "purchased_on is after installed_on")
    if ck.count:
        lines = [f"{path}:{i + first}: {m}" for i, m in sorted(ck.problems)]
        more = f"\n... and {ck.count - len(lines)} more" if ck.count > len(lines) else ""
        raise InputError(
            f"{path}: {ck.count} problem(s) in the inventory:\n" + "\n".join(lines) + more
        )
    return Inventory(pa.table(out), str(path), first)


def _vendor(register: VendorRegister) -> Callable[[str], str]:
    def fn(s: str) -> str:
        vid = register.resolve(s) if s.strip() else None
        if vid is None:
            raise ValueError("is not a known vendor (add it to law/uk/hrv/vendors.yml)")
        return vid

    return fn
