"""Audit export: one record a CSV row or JSON line, filtered by date; CSV is formula-safe."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, TextIO

from sqlalchemy import Engine

from clearance.errors import InputError
from clearance.service.audit import rows

COLUMNS = (
    "seq", "decision_id", "kind", "actor", "created_at", "matcher", "rules_version",
    "list_versions", "input", "result", "prev_hash", "hash",
)  # fmt: skip
FORMATS = ("csv", "jsonl")
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "|")


def safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run: formula-like text gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def bounds(start: date | None, end: date | None) -> tuple[str | None, str | None]:
    """ISO bounds for ``start <= created_at < end + 1 day`` (both dates inclusive)."""
    return (
        start.isoformat() if start else None,
        (end + timedelta(days=1)).isoformat() if end else None,
    )


def lines(
    engine: Engine, fmt: str, start: date | None = None, end: date | None = None
) -> Iterator[str]:
    """The export as text chunks (header first for CSV)."""
    if fmt not in FORMATS:
        raise InputError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    lo, hi = bounds(start, end)
    if fmt == "jsonl":
        for row in rows(engine, lo, hi):
            data = dict(row._mapping)
            for key in ("input", "result", "list_versions", "rules_version"):
                data[key] = json.loads(data[key])
            yield json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"
        return
    buffer = _Line()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    yield buffer.take()
    for row in rows(engine, lo, hi):
        writer.writerow([safe_cell(getattr(row, c)) for c in COLUMNS])
        yield buffer.take()


def write(
    engine: Engine, out: TextIO, fmt: str, start: date | None = None, end: date | None = None
) -> int:
    n = 0
    for chunk in lines(engine, fmt, start, end):
        out.write(chunk)
        n += 1
    return n - 1 if fmt == "csv" else n


class _Line:
    """A file-like sink that hands back what csv.writer wrote."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text
