"""HM Treasury / OFSI Consolidated List ``ConList.csv`` (2018 and 2020 layouts).

Line 1 is ``Last Updated,DD/MM/YYYY`` (the ``published`` date); line 2 the header. The
2018 layout has 29 columns; the 2020 layout 36 (adds Name Non-Latin Script, Alias
Quality, UK Sanctions List Date Designated, passport and national id columns). Files
are published in Windows-1252: invalid UTF-8 is decoded as cp1252 and recorded in
``repairs``.

One row per name; rows sharing a ``Group ID`` are one designation and become one entry:
source_id = Group ID; the first ``Prime Alias`` row gives the name (first row otherwise),
every other row's name and every non-Latin-script name are aliases; name = Name 1..5 then
Name 6 (the surname or the entity name) joined by spaces. Individual -> person, Entity
-> company, Ship -> vessel. Regime -> programs; Listed On -> start_date; Nationality and
address Country mapped to ISO2 (unmapped kept in ``extra``); list_code ``UK``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList

from .base import decode_utf8, dedupe, read_bytes, source_file
from .countries import to_iso2

KEY = "uk_ofsi"
LIST_NAME = "UK OFSI Consolidated List of Financial Sanctions Targets"
COMMON = ["Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Title"]
NEEDED = {"Group Type", "Alias Type", "Regime", "Listed On", "Group ID", "Country"}
TYPES = {"individual": "person", "entity": "company", "ship": "vessel"}
_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
_ENUM = re.compile(r"(?:^|\s)\d{1,2}\)\s*")


def is_header(first_line: str, second_line: str) -> bool:
    return first_line.startswith("Last Updated,") and second_line.startswith("Name 6,Name 1,")


def _date(value: str, path: Path, line: int, what: str) -> date | None:
    v = value.strip()
    if not v:
        return None
    m = _DATE.fullmatch(v)
    if not m:
        raise ListFormatError(f"bad {what} {v!r} (expected DD/MM/YYYY)", path, line)
    d, mth, y = (int(x) for x in m.groups())
    if d == 0 or mth == 0:
        return None  # partial dates ("00/00/1980") are not listing dates
    try:
        return date(y, mth, d)
    except ValueError:
        raise ListFormatError(f"bad {what} {v!r}", path, line) from None


def _countries(values: list[str], unmapped: list[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        for part in _ENUM.split(value):
            part = re.sub(r"\([^)]*\)?", " ", part).strip(" .,;")
            if not part:
                continue
            code = to_iso2(part)
            if code:
                out.append(code)
            else:
                unmapped.append(part)
    return out


def _parse_file(path: Path, repairs: list[str]) -> tuple[list[ListEntry], date | None]:
    text = decode_utf8(path, read_bytes(path), cp1252_fallback=True, repairs=repairs)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(rows) < 2 or not rows[0] or rows[0][0] != "Last Updated":
        raise ListFormatError("not an OFSI ConList: line 1 must be 'Last Updated,<date>'", path, 1)
    published = _date(rows[0][1] if len(rows[0]) > 1 else "", path, 1, "Last Updated")
    header = rows[1]
    if header[:7] != COMMON or not set(header) >= NEEDED:
        raise ListFormatError("not an OFSI ConList header", path, 2)
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for lineno, row in enumerate(rows[2:], start=3):
        if row == header:
            raise ListFormatError(f"duplicated header at line {lineno}", path, lineno)
        if len(row) != len(header):
            raise ListFormatError(
                f"{len(row)} columns, expected {len(header)} (truncated file?)", path, lineno
            )
        rec = {k: v.strip() for k, v in zip(header, row, strict=True)}
        if not rec["Group ID"]:
            raise ListFormatError("empty Group ID", path, lineno)
        groups.setdefault(rec["Group ID"], []).append((lineno, rec))
    if not text.endswith("\n"):
        raise ListFormatError("last record has no line end (truncated file?)", path, len(rows))
    return [_entry(gid, recs, path) for gid, recs in groups.items()], published


def _name(rec: dict[str, str]) -> str:
    parts = [rec[f"Name {i}"] for i in (1, 2, 3, 4, 5)] + [rec["Name 6"]]
    return " ".join(" ".join(p for p in parts if p).split())


def _entry(gid: str, recs: list[tuple[int, dict[str, str]]], path: Path) -> ListEntry:
    primary_line, primary = next(
        ((n, r) for n, r in recs if r["Alias Type"].lower() == "prime alias"), recs[0]
    )
    names = [_name(r) for _, r in recs]
    scripts = [r.get("Name Non-Latin Script", "") for _, r in recs]
    name = _name(primary)
    if not name:
        raise ListFormatError(f"group {gid}: no name", path, primary_line)
    unmapped: list[str] = []
    countries = _countries(
        [r.get("Nationality", "") for _, r in recs] + [r["Country"] for _, r in recs], unmapped
    )
    addresses = dedupe(
        [
            ", ".join(
                v
                for k in (
                    "Address 1",
                    "Address 2",
                    "Address 3",
                    "Address 4",
                    "Address 5",
                    "Address 6",
                    "Post/Zip Code",
                    "Country",
                )
                if (v := r.get(k, ""))
            )
            for _, r in recs
        ]
    )
    ids = dedupe(
        [f"Passport: {r['Passport Details']}" for _, r in recs if r.get("Passport Details")]
        + [f"Passport no: {r['Passport Number']}" for _, r in recs if r.get("Passport Number")]
        + [f"NI: {r['NI Number']}" for _, r in recs if r.get("NI Number")]
    )
    extra = {"group_id": gid}
    if unmapped:
        extra["unmapped_countries"] = "; ".join(dict.fromkeys(unmapped))
    if primary.get("DOB"):
        extra["dob"] = "; ".join(dedupe([r["DOB"] for _, r in recs]))
    return ListEntry(
        source=KEY,
        source_id=gid,
        list_code="UK",
        list_name=LIST_NAME,
        entity_type=TYPES.get(primary["Group Type"].lower(), "unknown"),
        name=name,
        aliases=tuple(a for a in dedupe(names + scripts) if a != name),
        countries=dedupe(countries),
        addresses=addresses,
        programs=dedupe([r["Regime"] for _, r in recs]),
        start_date=_date(primary["Listed On"], path, primary_line, "Listed On"),
        ids=ids,
        remarks=primary.get("Other Information") or None,
        line=primary_line,
        extra=extra,
    )


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no OFSI ConList file given")
    entries: list[ListEntry] = []
    repairs: list[str] = []
    published: date | None = None
    for p in paths:
        got, day = _parse_file(p, repairs)
        entries.extend(got)
        published = max(filter(None, (published, day)), default=None)
    return ParsedList(KEY, [source_file(p) for p in paths], entries, published, repairs)
