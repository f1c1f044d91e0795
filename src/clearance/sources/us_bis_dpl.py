"""BIS Denied Persons List, official tab-delimited file (``dpl.txt``).

Header: Name, Street_Address, City, State, Country, Postal_Code, Effective_Date,
Expiration_Date, Standard_Order, Last_Update, Action, FR_Citation. Every field is
double-quoted. Effective/Expiration dates are MM/DD/YYYY; a bad one is a ListFormatError
with the line. Last_Update is informational and kept raw in ``extra`` (it contains the
source typo ``3033-09-30``), never parsed. source_id = sha1 of
``name|Effective_Date|FR_Citation`` (raw, stripped values). Entity type is always
``unknown``. list_code ``DPL``. ``published`` is None.
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

from .base import csv_records, decode_utf8, header_cells, read_bytes, source_file
from .countries import to_iso2

KEY = "us_bis_dpl"
LIST_NAME = "Denied Persons List (DPL) - Bureau of Industry and Security"
HEADER = [
    "Name",
    "Street_Address",
    "City",
    "State",
    "Country",
    "Postal_Code",
    "Effective_Date",
    "Expiration_Date",
    "Standard_Order",
    "Last_Update",
    "Action",
    "FR_Citation",
]
_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def is_header(first_line: str) -> bool:
    return header_cells(first_line, delimiter="\t") == HEADER


def _date(value: str, path: Path, line: int, column: str) -> date | None:
    v = value.strip()
    if not v:
        return None
    m = _MDY.fullmatch(v)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        except ValueError:
            pass
    raise ListFormatError(f"bad {column} {v!r} (expected MM/DD/YYYY)", path, line)


def _parse_file(path: Path) -> list[ListEntry]:
    text = decode_utf8(path, read_bytes(path))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", strict=True)
    try:
        header = [h.lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        raise ListFormatError("empty file", path, 1) from None
    except csv.Error as exc:
        raise ListFormatError(f"unreadable header: {exc}", path, 1) from exc
    if header != HEADER:
        raise ListFormatError("not a BIS DPL header (Name, Street_Address, ...)", path, 1)
    entries: list[ListEntry] = []
    for start, row in csv_records(reader, path, header):
        if len(row) != len(HEADER):
            raise ListFormatError(f"expected {len(HEADER)} columns, found {len(row)}", path, start)
        r = {k: v.strip() for k, v in zip(HEADER, row, strict=True)}
        if not r["Name"]:
            raise ListFormatError("empty Name", path, start)
        start_date = _date(r["Effective_Date"], path, start, "Effective_Date")
        end_date = _date(r["Expiration_Date"], path, start, "Expiration_Date")
        basis = f"{r['Name']}|{r['Effective_Date']}|{r['FR_Citation']}"
        address = ", ".join(
            v
            for v in (r["Street_Address"], r["City"], r["State"], r["Postal_Code"], r["Country"])
            if v
        )
        countries: tuple[str, ...] = ()
        extra: dict[str, str] = {}
        if r["Country"]:
            cc = to_iso2(r["Country"])
            if cc:
                countries = (cc,)
            else:
                extra["unmapped_countries"] = r["Country"]
        for k in ("Standard_Order", "Last_Update", "Action", "Postal_Code", "State", "City"):
            if r[k]:
                extra[k.lower()] = r[k]
        entries.append(
            ListEntry(
                source=KEY,
                source_id=hashlib.sha1(basis.encode("utf-8")).hexdigest(),
                list_code="DPL",
                list_name=LIST_NAME,
                entity_type="unknown",
                name=r["Name"],
                countries=countries,
                addresses=(address,) if address else (),
                federal_register_notice=r["FR_Citation"] or None,
                start_date=start_date,
                end_date=end_date,
                line=start,
                extra=extra,
            )
        )
    return entries


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no DPL file given")
    entries: list[ListEntry] = []
    for p in paths:
        entries.extend(_parse_file(p))
    return ParsedList(
        source=KEY, files=[source_file(p) for p in paths], entries=entries, published=None
    )
