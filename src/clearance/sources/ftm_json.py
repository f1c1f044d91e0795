"""FollowTheMoney (FtM) entity JSON, as published by OpenSanctions or kept in-house.

One JSON object per line (``entities.ftm.json``), or one JSON array. Each object has
``id``, ``schema`` and ``properties`` (every property a list of strings). Only subject
schemata become entries (Person, Company, Organization, LegalEntity, PublicBody, Vessel,
Airplane); Sanction, Address, Ownership and other link records are skipped, and when
``target`` is present only targets are kept. name = first ``name``; aliases = other names,
``alias`` and ``previousName`` (``weakAlias`` kept in ``extra``); countries = ``country``,
``nationality``, ``citizenship``, ``jurisdiction``, ``flag`` that are ISO2; programs =
``program`` or ``programId``, else ``topics``; start_date = earliest ``listingDate`` /
``createdAt`` / ``first_seen``; ids = ``registrationNumber``, ``taxNumber``, ``imoNumber``,
``idNumber``, ``passportNumber``. list_code = ``FTM`` (the ``datasets`` are in ``extra``).
A malformed line is a :class:`ListFormatError` with its line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList

from .base import decode_utf8, dedupe, read_bytes, source_file
from .countries import is_iso2

KEY = "ftm_json"
TYPES = {
    "Person": "person",
    "Company": "company",
    "Organization": "company",
    "LegalEntity": "unknown",
    "PublicBody": "company",
    "Vessel": "vessel",
    "Airplane": "aircraft",
}
ID_PROPS = ("registrationNumber", "taxNumber", "imoNumber", "idNumber", "passportNumber")


def looks_like(head: bytes) -> bool:
    """True when the first JSON object (of the lines or the array) is an FtM entity."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lstrip("[ \t\r\n")
    try:
        obj, _ = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return False
    return isinstance(obj, dict) and "schema" in obj and "properties" in obj


def _objects(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ListFormatError(f"malformed JSON: {exc.msg}", path, exc.lineno) from exc
        yield from enumerate(items, start=1)
        return
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield line, json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ListFormatError(f"malformed JSON line: {exc.msg}", path, line) from exc


def _values(props: dict[str, Any], *names: str) -> list[str]:
    out: list[str] = []
    for n in names:
        v = props.get(n) or []
        out.extend(str(x).strip() for x in (v if isinstance(v, list) else [v]) if str(x).strip())
    return out


def _entry(obj: dict[str, Any], path: Path, line: int) -> ListEntry | None:
    if not isinstance(obj, dict) or "schema" not in obj or "id" not in obj:
        raise ListFormatError("not an FtM entity (needs id and schema)", path, line)
    etype = TYPES.get(str(obj["schema"]))
    if etype is None or obj.get("target") is False:
        return None
    props = obj.get("properties") or {}
    if not isinstance(props, dict):
        raise ListFormatError("properties must be an object", path, line)
    names = dedupe(_values(props, "name"))
    if not names:
        raise ListFormatError(f"entity {obj['id']}: no name", path, line)
    countries = [
        c.upper()
        for c in _values(props, "country", "nationality", "citizenship", "jurisdiction", "flag")
    ]
    dates = sorted(
        d[:10]
        for d in _values(props, "listingDate", "createdAt") + [obj.get("first_seen") or ""]
        if d
    )
    try:
        start = date.fromisoformat(dates[0]) if dates else None
    except ValueError:
        start = None  # FtM dates may be partial ("2019-05"): no listing date then
    extra = {"schema": str(obj["schema"])}
    if obj.get("datasets"):
        extra["datasets"] = "; ".join(map(str, obj["datasets"]))
    weak = _values(props, "weakAlias")
    if weak:
        extra["weak_aliases"] = "; ".join(dedupe(weak))
    return ListEntry(
        source=KEY,
        source_id=str(obj["id"]),
        list_code="FTM",
        list_name="FollowTheMoney entities",
        entity_type=etype,
        name=names[0],
        aliases=tuple(
            a
            for a in dedupe(list(names[1:]) + _values(props, "alias", "previousName"))
            if a != names[0]
        ),
        countries=dedupe([c for c in countries if is_iso2(c)]),
        addresses=dedupe(_values(props, "address")),
        programs=dedupe(_values(props, "program", "programId") or _values(props, "topics")),
        start_date=start,
        ids=dedupe(_values(props, *ID_PROPS)),
        remarks="; ".join(_values(props, "notes")) or None,
        line=line,
        extra=extra,
    )


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no FtM JSON file given")
    entries: list[ListEntry] = []
    for p in paths:
        text = decode_utf8(p, read_bytes(p))
        for line, obj in _objects(p, text):
            entry = _entry(obj, p, line)
            if entry is not None:
                entries.append(entry)
    return ParsedList(KEY, [source_file(p) for p in paths], entries, None)
