"""OFAC legacy CSV file sets (SDN and the non-SDN consolidated list).

A set is four headerless CSV files, recognised by their column count (the file names only
decide SDN vs consolidated: a name containing ``cons`` is the consolidated list):

==========  ====  =============================================================
role        cols  columns
==========  ====  =============================================================
main        12    ent_num, name, type, program, title, call_sign, vess_type,
                  tonnage, GRT, vess_flag, vess_owner, remarks
add          6    ent_num, add_num, address, city/state/postal, country, add_remarks
alt          5    ent_num, alt_num, alt_type, alt_name, alt_remarks
comments     2    ent_num, remarks continuation (appended to remarks, no separator)
==========  ====  =============================================================

Files may be given in any order. The main, add and alt files are required and a partial set
is refused with :class:`ListFormatError`; the comments file is optional (it is often empty).

Format details: ``-0-`` (with or without trailing space) is null; CRLF or LF; the file ends
with a ``\\x1a`` marker. Anything but whitespace after the marker is refused: the known
``ofac_sdn_plus_cons_prim_..._concatenated.csv`` (SDN.CSV, ``\\x1a``, then CONS_PRIM.CSV)
is not an original OFAC file and is rejected with a message saying so. The files are ASCII
in practice and documented as Windows-1252: invalid UTF-8 is decoded as cp1252 and the fact
is recorded in ``repairs``.

Mapping: source_id = ent_num; type individual -> person, vessel, aircraft, ``-0-`` ->
company; programs from the ``[A] [B]`` bracket list; aliases = every alt name (aka, fka,
nka) plus *weak aliases*, the ``a.k.a. 'X'`` quoted in remarks, which are also listed in
``extra["weak_aliases"]``; countries from the address country column mapped to ISO2 (names
without a code, e.g. ``Region: Crimea``, are kept in ``extra["unmapped_countries"]``).
list_code is ``SDN`` for the SDN set; for the consolidated set see :func:`cons_list_code`.
The files state no date, so ``published`` is None.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList

from .base import csv_records, decode_utf8, read_bytes, source_file
from .countries import to_iso2

ROLE_BY_WIDTH = {12: "main", 6: "add", 5: "alt", 2: "comments"}
REQUIRED_ROLES = ("main", "add", "alt")
TYPE_MAP = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft", "": "company"}
LIST_NAMES = {
    "us_ofac_sdn": "Specially Designated Nationals (SDN) - Treasury Department",
    "us_ofac_cons": "Consolidated Sanctions List (Non-SDN) - Treasury Department",
}
_WEAK_AKA = re.compile(r"a\.k\.a\.?,?\s+'(.+?)'(?=[;.,)]|\s|$)")
_EOF = "\x1a"


def _null(value: str) -> str:
    v = value.strip()
    return "" if v == "-0-" else v


def set_key(path: Path) -> str:
    """``us_ofac_cons`` when the file name mentions ``cons``, else ``us_ofac_sdn``."""
    return "us_ofac_cons" if "cons" in path.name.lower() else "us_ofac_sdn"


def cons_list_code(programs: Sequence[str]) -> str:
    """Short list code of a consolidated (non-SDN) entry, derived from its programs.

    CMIC-* -> CMIC; *PLC -> PLC; FSE-* -> FSE; UKRAINE-EO13662 -> SSI; 561-Related -> CAP;
    CAATSA - RUSSIA or a *MBS* program -> NS-MBS; otherwise NON-SDN (e.g. RUSSIA-EO14024 alone,
    which OFAC uses for both CAPTA and menu-based entries).
    """
    ps = [p.upper() for p in programs]
    rules: list[tuple[str, object]] = [
        ("CMIC", lambda p: p.startswith("CMIC")),
        ("PLC", lambda p: p.endswith("PLC")),
        ("FSE", lambda p: p.startswith("FSE")),
        ("SSI", lambda p: p == "UKRAINE-EO13662"),
        ("CAP", lambda p: p == "561-RELATED"),
        ("NS-MBS", lambda p: p == "CAATSA - RUSSIA" or "MBS" in p),
    ]
    for code, pred in rules:
        if any(pred(p) for p in ps):  # type: ignore[operator]
            return code
    return "NON-SDN"


def programs_of(value: str) -> tuple[str, ...]:
    """``"SDGT] [IRGC"`` (as stored) or ``"[SDGT] [IRGC]"`` -> ``("SDGT", "IRGC")``."""
    v = _null(value)
    if not v:
        return ()
    inner = v.strip().removeprefix("[").removesuffix("]")
    return tuple(dict.fromkeys(p.strip() for p in inner.split("] [") if p.strip()))


@dataclass
class _Rows:
    path: Path
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def read_rows(path: Path, repairs: list[str]) -> _Rows:
    """Read one legacy file: decode, stop at ``\\x1a``, check quoting and column count."""
    text = decode_utf8(path, read_bytes(path), cp1252_fallback=True, repairs=repairs)
    body, marker, rest = text.partition(_EOF)
    if marker and rest.strip():
        line = body.count("\n") + 1
        raise ListFormatError(
            "data after the \\x1a end-of-file marker: this is not an original OFAC file "
            "(it looks like several files concatenated, e.g. SDN.CSV followed by "
            "CONS_PRIM.CSV); import the original files of each set separately",
            path,
            line,
        )
    out = _Rows(path)
    reader = csv.reader(io.StringIO(body, newline=""), strict=True)
    width: int | None = None
    for start, row in csv_records(reader, path):
        if width is None:
            width = len(row)
            if width not in ROLE_BY_WIDTH:
                raise ListFormatError(
                    f"{width} columns: not an OFAC legacy file (expected 12, 6, 5 or 2)",
                    path,
                    start,
                )
        elif len(row) != width:
            raise ListFormatError(
                f"expected {width} columns, found {len(row)} (record cut off?)", path, start
            )
        if not row[0].strip().isdigit():
            raise ListFormatError(f"ent_num {row[0]!r} is not a number", path, start)
        out.rows.append((start, row))
    if width is None:
        # an empty comments file is legal; other roles cannot be recognised when empty
        raise ListFormatError("empty file (no records before the end marker)", path, 1)
    return out


def file_role(path: Path, repairs: list[str] | None = None) -> tuple[str, _Rows]:
    rows = read_rows(path, repairs if repairs is not None else [])
    return ROLE_BY_WIDTH[len(rows.rows[0][1])], rows


def _group(paths: Sequence[Path], repairs: list[str]) -> tuple[str, dict[str, _Rows]]:
    keys = {set_key(p) for p in paths}
    if len(keys) != 1:
        raise ListFormatError(
            "files of the SDN and the consolidated sets given together; import each set "
            "separately: " + ", ".join(p.name for p in paths)
        )
    key = keys.pop()
    roles: dict[str, _Rows] = {}
    for p in paths:
        if p.stat().st_size == 0 or not read_bytes(p).strip(b"\x1a\r\n\t "):
            # empty comments files happen; they contribute nothing
            if "comment" in p.name.lower():
                continue
            raise ListFormatError("empty file", p, 1)
        role, rows = file_role(p, repairs)
        if role in roles:
            raise ListFormatError(
                f"two {role} files in one set: {roles[role].path.name} and {p.name}", p
            )
        roles[role] = rows
    missing = [r for r in REQUIRED_ROLES if r not in roles]
    if missing:
        names = {
            "main": "main (sdn.csv/cons_prim.csv)",
            "add": "address (add.csv)",
            "alt": "alias (alt.csv)",
        }
        raise ListFormatError(
            "partial OFAC file set refused: missing "
            + ", ".join(names[m] for m in missing)
            + "; given "
            + ", ".join(p.name for p in paths)
        )
    return key, roles


def parse(paths: Sequence[Path]) -> ParsedList:
    """Parse one complete OFAC legacy set (SDN or consolidated), files in any order."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no OFAC file given")
    repairs: list[str] = []
    key, roles = _group(paths, repairs)
    main = roles["main"]
    by_ent: dict[str, dict[str, list[Any]]] = {}
    order: list[str] = []
    for line, row in main.rows:
        ent = row[0].strip()
        if ent in by_ent:
            raise ListFormatError(f"duplicate ent_num {ent}", main.path, line)
        by_ent[ent] = {"row": [line, row], "add": [], "alt": [], "comments": []}
        order.append(ent)
    for role in ("add", "alt", "comments"):
        if role not in roles:
            continue
        rr = roles[role]
        for line, row in rr.rows:
            ent = row[0].strip()
            if ent not in by_ent:
                raise ListFormatError(f"ent_num {ent} not in {main.path.name}", rr.path, line)
            by_ent[ent][role].append(row)
    list_name = LIST_NAMES[key]
    entries = [_entry(key, list_name, ent, by_ent[ent], main.path) for ent in order]
    return ParsedList(
        source=key,
        files=[source_file(p) for p in paths],
        entries=entries,
        published=None,
        repairs=repairs,
    )


def _entry(
    key: str, list_name: str, ent: str, parts: dict[str, list[Any]], path: Path
) -> ListEntry:
    line, row = parts["row"]
    (
        _,
        name,
        etype,
        program,
        title,
        call_sign,
        vess_type,
        tonnage,
        grt,
        vess_flag,
        vess_owner,
        remarks,
    ) = (_null(v) for v in row)
    if not name:
        raise ListFormatError(f"empty name for ent_num {ent}", path, line)
    if etype.lower() not in TYPE_MAP:
        raise ListFormatError(f"unknown SDN_Type {etype!r}", path, line)
    remarks = remarks + "".join(_null(c[1]) for c in parts["comments"])
    programs = programs_of(row[3])
    aliases: dict[str, None] = {}
    for alt in parts["alt"]:
        alt_name = _null(alt[3])
        if alt_name and alt_name != name:
            aliases.setdefault(alt_name, None)
    weak = [w.strip() for w in _WEAK_AKA.findall(remarks) if w.strip()]
    for w in weak:
        if w != name:
            aliases.setdefault(w, None)
    addresses: list[str] = []
    countries: dict[str, None] = {}
    unmapped: list[str] = []
    add_remarks: list[str] = []
    for add in parts["add"]:
        street, city, country, add_rem = (_null(v) for v in add[2:6])
        addr = ", ".join(v for v in (street, city, country) if v)
        if addr:
            addresses.append(addr)
        if country:
            cc = to_iso2(country)
            if cc:
                countries.setdefault(cc, None)
            else:
                unmapped.append(country)
        if add_rem:
            add_remarks.append(add_rem)
    extra = {
        k: v
        for k, v in (
            ("title", title),
            ("call_sign", call_sign),
            ("vessel_type", vess_type),
            ("tonnage", tonnage),
            ("gross_registered_tonnage", grt),
            ("vessel_flag", vess_flag),
            ("vessel_owner", vess_owner),
        )
        if v
    }
    if weak:
        extra["weak_aliases"] = "; ".join(dict.fromkeys(weak))
    if unmapped:
        extra["unmapped_countries"] = "; ".join(dict.fromkeys(unmapped))
    if add_remarks:
        extra["address_remarks"] = "; ".join(add_remarks)
    alt_types = sorted({_null(a[2]) for a in parts["alt"] if _null(a[2])})
    if alt_types:
        extra["alt_types"] = ", ".join(alt_types)
    if parts["alt"]:
        extra["alt_rows"] = str(len(parts["alt"]))
    if parts["add"]:
        extra["address_rows"] = str(len(parts["add"]))
    code = "SDN" if key == "us_ofac_sdn" else cons_list_code(programs)
    return ListEntry(
        source=key,
        source_id=ent,
        list_code=code,
        list_name=list_name,
        entity_type=TYPE_MAP[etype.lower()],
        name=name,
        aliases=tuple(aliases),
        countries=tuple(countries),
        addresses=tuple(dict.fromkeys(addresses)),
        programs=programs,
        remarks=remarks or None,
        line=line,
        extra=extra,
    )
