"""A simple in-house restricted-party list in CSV (UTF-8), for lists an organisation keeps.

Required columns: ``list_code``, ``id``, ``name``. Optional: ``type`` (person, company,
vessel, aircraft, unknown), ``aliases``, ``countries`` (ISO2), ``programs`` (each
``;``-separated), ``start_date`` and ``end_date`` (YYYY-MM-DD), ``remarks``. Other columns
are kept in ``extra``. An empty id or name, a duplicate ``list_code``+``id``, a bad
country, type or date is a :class:`ListFormatError` with the line. Source key ``inhouse_csv``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from clearance.errors import ListFormatError
from clearance.model import ENTITY_TYPES, ListEntry, ParsedList

from .base import decode_utf8, read_bytes, source_file, split_semi
from .countries import is_iso2

KEY = "inhouse_csv"
REQUIRED = ("list_code", "id", "name")
KNOWN = (*REQUIRED, "type", "aliases", "countries", "programs", "start_date", "end_date", "remarks")


def is_header(first_line: str) -> bool:
    cols = [c.strip().lower() for c in first_line.lstrip("\ufeff").split(",")]
    return cols[:3] == list(REQUIRED)


def _date(value: str, path: Path, line: int, col: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ListFormatError(f"{col}: {value!r} is not YYYY-MM-DD", path, line) from None


def _parse_file(path: Path) -> list[ListEntry]:
    text = decode_utf8(path, read_bytes(path))
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [h.strip().lower() for h in rows[0]] if rows else []
    if header[:3] != list(REQUIRED):
        raise ListFormatError(f"header must start with {','.join(REQUIRED)}", path, 1)
    seen: set[tuple[str, str]] = set()
    out: list[ListEntry] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise ListFormatError(f"{len(row)} columns, expected {len(header)}", path, line)
        r = {k: v.strip() for k, v in zip(header, row, strict=True)}
        if not r["id"] or not r["name"] or not r["list_code"]:
            raise ListFormatError("empty list_code, id or name", path, line)
        if (r["list_code"], r["id"]) in seen:
            raise ListFormatError(f"duplicate id {r['id']!r} in {r['list_code']}", path, line)
        seen.add((r["list_code"], r["id"]))
        etype = r.get("type", "").lower() or "unknown"
        if etype not in ENTITY_TYPES:
            raise ListFormatError(
                f"type: {etype!r} not one of {', '.join(ENTITY_TYPES)}", path, line
            )
        countries = tuple(c.upper() for c in split_semi(r.get("countries", "")))
        bad = [c for c in countries if not is_iso2(c)]
        if bad:
            raise ListFormatError(f"countries: {', '.join(bad)} not ISO2", path, line)
        out.append(
            ListEntry(
                source=KEY,
                source_id=r["id"],
                list_code=r["list_code"],
                list_name=f"In-house list {r['list_code']}",
                entity_type=etype,
                name=r["name"],
                aliases=split_semi(r.get("aliases", "")),
                countries=countries,
                programs=split_semi(r.get("programs", "")),
                start_date=_date(r.get("start_date", ""), path, line, "start_date"),
                end_date=_date(r.get("end_date", ""), path, line, "end_date"),
                remarks=r.get("remarks") or None,
                line=line,
                extra={k: v for k, v in r.items() if k not in KNOWN and v},
            )
        )
    return out


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no in-house list file given")
    entries = [e for p in paths for e in _parse_file(p)]
    return ParsedList(KEY, [source_file(p) for p in paths], entries, None)
