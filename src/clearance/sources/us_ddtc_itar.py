"""State Department DDTC ITAR statutorily debarred parties, CSV as ingested by ITA.

Header: Party Name, Date Of Birth, Federal Register Notice, Notice Date, Corrected
Notice, Corrected Notice Date. Published in Latin-1/Windows-1252 (e.g. 0xA0 after FR
citations): invalid UTF-8 is decoded as cp1252 and recorded in ``repairs``; no-break
spaces are stripped from values. Notice dates are M/D/YYYY. Names of persons are written
``Last, First``: when a name has one comma and the part after it is not a legal form
(``Inc.``, ``Ltd``...), ``First Last`` is added as an alias. source_id = sha1 of
``name|notice|notice date``; list_code ``DTC`` (the CSL's code); entity type unknown.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList

from .base import decode_utf8, read_bytes, source_file

KEY = "us_ddtc_itar"
LIST_NAME = "ITAR Debarred (DTC) - State Department"
HEADER = [
    "Party Name",
    "Date Of Birth",
    "Federal Register Notice",
    "Notice Date",
    "Corrected Notice",
    "Corrected Notice Date",
]
_LEGAL = re.compile(
    r"^(inc|ltd|llc|co|corp|corporation|limited|gmbh|s\.?a|plc|l\.?p|ltda|pte|ag|bv|srl)\b",
    re.I,
)
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def is_header(first_line: str) -> bool:
    return first_line.strip().lstrip("\ufeff").split(",")[:3] == HEADER[:3]


def _date(value: str, path: Path, line: int) -> date | None:
    if not value:
        return None
    m = _DATE.fullmatch(value)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    except ValueError:
        pass
    raise ListFormatError(f"bad Notice Date {value!r} (expected M/D/YYYY)", path, line)


def _parse_file(path: Path, repairs: list[str]) -> list[ListEntry]:
    text = decode_utf8(path, read_bytes(path), cp1252_fallback=True, repairs=repairs)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows or [h.strip().lstrip("\ufeff") for h in rows[0]] != HEADER:
        raise ListFormatError("not a DDTC ITAR debarred CSV header", path, 1)
    if not text.endswith("\n"):
        raise ListFormatError("last record has no line end (truncated file?)", path, len(rows))
    entries: list[ListEntry] = []
    for line, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if [c.strip() for c in row] == HEADER:
            raise ListFormatError(f"duplicated header at line {line}", path, line)
        if len(row) != len(HEADER):
            raise ListFormatError(f"{len(row)} columns, expected {len(HEADER)}", path, line)
        r = {k: " ".join(v.replace("\xa0", " ").split()) for k, v in zip(HEADER, row, strict=True)}
        name = r["Party Name"]
        if not name:
            raise ListFormatError("empty Party Name", path, line)
        aliases: tuple[str, ...] = ()
        if name.count(",") == 1:
            last, first = (p.strip() for p in name.split(","))
            if first and not _LEGAL.match(first):
                aliases = (f"{first} {last}",)
        basis = f"{name}|{r['Federal Register Notice']}|{r['Notice Date']}"
        extra = {
            k: r[v]
            for k, v in (
                ("date_of_birth", "Date Of Birth"),
                ("corrected_notice", "Corrected Notice"),
                ("corrected_notice_date", "Corrected Notice Date"),
            )
            if r[v]
        }
        entries.append(
            ListEntry(
                source=KEY,
                source_id=hashlib.sha1(basis.encode("utf-8")).hexdigest(),
                list_code="DTC",
                list_name=LIST_NAME,
                entity_type="unknown",
                name=name,
                aliases=aliases,
                federal_register_notice=r["Federal Register Notice"] or None,
                start_date=_date(r["Notice Date"], path, line),
                line=line,
                extra=extra,
            )
        )
    return entries


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no DDTC ITAR file given")
    repairs: list[str] = []
    entries = [e for p in paths for e in _parse_file(p, repairs)]
    return ParsedList(KEY, [source_file(p) for p in paths], entries, None, repairs)
