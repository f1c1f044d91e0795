"""trade.gov Consolidated Screening List (CSL) CSV.

Two layouts are read, recognised by their exact header:

* the current 29-column layout starting with ``_id`` (``_id`` is the source_id);
* the 2019 28-column layout without ``_id``. Its rows get a synthesized, stable source_id:
  ``sha1("csl2019|" + source + "|" + entity_number + "|" + name)`` (hex), computed on the
  values after mojibake repair.

Quirks: gzip input is accepted transparently; invalid UTF-8 is an error (CSL is UTF-8);
C1 control characters (U+0092 etc., cp1252 mojibake in the 2019 sample) are repaired to
their cp1252 characters and recorded in ``ParsedList.repairs`` with line numbers; a
duplicated header, a wrong column count, a record cut off at end of file and a bad date
each raise :class:`ListFormatError` with file and line. ``published`` is always None: the
file states no date (the importer may supply one).

If every row's ``source`` starts with ``SAMPLE`` the result's ``source`` is ``"sample"``
(the project's own demo list in CSL layout) rather than ``"us_csl"``.
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

from .base import (
    csv_records,
    decode_utf8,
    header_cells,
    read_bytes,
    repair_c1_mojibake,
    source_file,
    split_semi,
)
from .countries import is_iso2

KEY = "us_csl"

HEADER_2019 = [
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "source_list_url",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
    "ids",
]
HEADER = ["_id", *HEADER_2019]

TYPE_MAP = {
    "individual": "person",
    "entity": "company",
    "vessel": "vessel",
    "aircraft": "aircraft",
}
#: lists whose rows are all organisations even when ``type`` is empty
COMPANY_LISTS = frozenset({"EL", "UVL", "MEU"})

EXTRA_FIELDS = (
    "entity_number",
    "title",
    "standard_order",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "source_list_url",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
)

_CODE = re.compile(r"\(([A-Z][A-Z0-9-]*)(?: List)?\)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def list_code(source: str) -> str | None:
    """``"Entity List (EL) - Bureau..."`` -> ``"EL"``; ``"(NS-MBS List)"`` -> ``"NS-MBS"``."""
    m = _CODE.search(source)
    return m.group(1) if m else None


def parse_date(value: str, path: Path, line: int, column: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ListFormatError(f"bad {column} {value!r} (expected YYYY-MM-DD)", path, line)


def header_kind(first_line: str) -> str | None:
    """``"29"``/``"28"`` when ``first_line`` is a CSL header, else None (used by detect)."""
    cols = header_cells(first_line)
    if cols == HEADER:
        return "29"
    if cols == HEADER_2019:
        return "28"
    return None


def _address_country(address: str) -> str | None:
    last = address.rsplit(",", 1)[-1].strip()
    return last if len(last) == 2 and is_iso2(last) else None


def _parse_file(path: Path, repairs: list[str]) -> list[ListEntry]:
    text = decode_utf8(path, read_bytes(path))
    text = repair_c1_mojibake(text, path, repairs)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ListFormatError("empty file", path, 1) from None
    except csv.Error as exc:
        raise ListFormatError(f"unreadable header: {exc}", path, 1) from exc
    header = [h.lstrip("\ufeff") for h in header]
    if header == HEADER:
        has_id = True
    elif header == HEADER_2019:
        has_id = False
    else:
        raise ListFormatError(
            f"not a CSL header (expected {len(HEADER)} columns starting with _id, or the "
            f"28-column 2019 layout); got {len(header)} columns",
            path,
            1,
        )
    width = len(header)
    ends_with_newline = text.endswith("\n")
    entries: list[ListEntry] = []
    for start, row in csv_records(reader, path, header):
        if len(row) != width:
            at_eof = reader.line_num >= text.count("\n") + (0 if ends_with_newline else 1)
            if at_eof and not ends_with_newline:
                raise ListFormatError(
                    f"record cut off at end of file ({len(row)} of {width} columns, no final "
                    "newline): the download is incomplete",
                    path,
                    start,
                )
            raise ListFormatError(f"expected {width} columns, found {len(row)}", path, start)
        rec = dict(zip(header, row, strict=True))
        entries.append(_entry(rec, has_id, path, start))
    return entries


def _entry(rec: dict[str, str], has_id: bool, path: Path, line: int) -> ListEntry:
    source_name = rec["source"].strip()
    name = rec["name"].strip()
    if not source_name:
        raise ListFormatError("empty source column", path, line)
    if not name:
        raise ListFormatError("empty name", path, line)
    code = list_code(source_name)
    if code is None:
        if source_name.upper().startswith("SAMPLE"):
            code = "SAMPLE"
        else:
            raise ListFormatError(
                f"no list code in parentheses in source {source_name!r}", path, line
            )
    if has_id:
        source_id = rec["_id"].strip()
        if not source_id:
            raise ListFormatError("empty _id", path, line)
    else:
        basis = f"csl2019|{source_name}|{rec['entity_number'].strip()}|{name}"
        source_id = hashlib.sha1(basis.encode("utf-8")).hexdigest()
    raw_type = rec["type"].strip()
    if raw_type:
        etype = TYPE_MAP.get(raw_type.lower())
        if etype is None:
            raise ListFormatError(f"unknown type {raw_type!r}", path, line)
    else:
        etype = "company" if code in COMPANY_LISTS else "unknown"
    addresses = split_semi(rec["addresses"])
    countries: dict[str, None] = {}
    for addr in addresses:
        cc = _address_country(addr)
        if cc:
            countries.setdefault(cc, None)
    unmapped: list[str] = []
    for col in ("citizenships", "nationalities"):
        for part in split_semi(rec[col].replace(",", ";")):
            if is_iso2(part):
                countries.setdefault(part, None)
            else:
                unmapped.append(part)
    extra = {k: rec[k].strip() for k in EXTRA_FIELDS if rec[k].strip()}
    if unmapped:
        extra["unmapped_countries"] = "; ".join(dict.fromkeys(unmapped))
    return ListEntry(
        source=KEY,
        source_id=source_id,
        list_code=code,
        list_name=source_name,
        entity_type=etype,
        name=name,
        aliases=tuple(a for a in map(_alias, split_semi(rec["alt_names"])) if a and a != name),
        countries=tuple(countries),
        addresses=addresses,
        programs=split_semi(rec["programs"]),
        federal_register_notice=rec["federal_register_notice"].strip() or None,
        start_date=parse_date(rec["start_date"], path, line, "start_date"),
        end_date=parse_date(rec["end_date"], path, line, "end_date"),
        license_requirement=rec["license_requirement"].strip() or None,
        license_policy=rec["license_policy"].strip() or None,
        ids=split_semi(rec["ids"]),
        remarks=rec["remarks"].strip() or None,
        line=line,
        extra=extra,
    )


def parse(paths: Sequence[Path]) -> ParsedList:
    """Parse one or more CSL files (normally one) into a single ParsedList."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no CSL file given")
    repairs: list[str] = []
    entries: list[ListEntry] = []
    for path in paths:
        entries.extend(_parse_file(path, repairs))
    source = KEY
    if entries and all(e.list_name.upper().startswith("SAMPLE") for e in entries):
        source = "sample"
        entries = [_with_source(e, source) for e in entries]
    return ParsedList(
        source=source,
        files=[source_file(p) for p in paths],
        entries=entries,
        published=None,
        repairs=repairs,
    )


def _with_source(e: ListEntry, source: str) -> ListEntry:
    from dataclasses import replace

    return replace(e, source=source)


def _alias(alias: str) -> str:
    """The CSL joins an entry's last alias with "; and ..." (``...; and Daxie Technology``)."""
    return alias[4:].strip() if alias.lower().startswith("and ") else alias
