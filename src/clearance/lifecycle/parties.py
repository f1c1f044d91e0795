"""The counterparty register: import from CSV, JSONL or Parquet; read back.

Columns: ``id`` and ``name`` are required; ``country`` (ISO2) and ``type`` (person,
company, vessel, aircraft, unknown) are optional; any other column is kept as text in
``extra``. Re-importing an id replaces that party. An import is one transaction: a bad
row (empty id or name, duplicate id in the file, bad type) refuses the whole file, naming
the row.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from clearance.errors import InputError
from clearance.lifecycle.party_index import Party
from clearance.lifecycle.tables import parties
from clearance.model import ENTITY_TYPES

KNOWN = ("id", "name", "country", "type")


def read_parties(path: Path) -> list[dict[str, Any]]:
    """Rows of a register file as validated dicts (``extra`` holds other columns)."""
    from clearance.batch import read_table  # pyarrow: imported only when reading a file

    table = read_table(path)
    columns = [c.lower() for c in table.column_names]
    for need in ("id", "name"):
        if need not in columns:
            raise InputError(f"{path}: missing column {need!r} (have {', '.join(columns)})")
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, raw in enumerate(table.to_pylist(), start=2 if path.suffix == ".csv" else 1):
        rec = {k.lower(): ("" if v is None else str(v).strip()) for k, v in raw.items()}
        where = f"{path}: row {n}"
        if not rec["id"] or not rec["name"]:
            raise InputError(f"{where}: empty id or name")
        if rec["id"] in seen:
            raise InputError(f"{where}: duplicate id {rec['id']!r}")
        seen.add(rec["id"])
        etype = rec.get("type", "").lower() or None
        if etype and etype not in ENTITY_TYPES:
            raise InputError(f"{where}: type must be one of {', '.join(ENTITY_TYPES)}")
        country = rec.get("country", "").upper() or None
        if country and (len(country) != 2 or not country.isalpha()):
            raise InputError(f"{where}: country must be ISO 3166 alpha-2, got {country!r}")
        extra = {k: v for k, v in rec.items() if k not in KNOWN and v}
        rows.append(
            {
                "party_id": rec["id"],
                "name": rec["name"],
                "country": country,
                "entity_type": etype,
                "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True),
            }
        )
    return rows


def import_parties(engine: Engine, path: Path) -> list[str]:
    """Store (replace by id) every party of ``path`` in one transaction; their ids.

    Each name's matcher forms are computed here, once (see :mod:`party_forms`); a name
    without any (``UnreadableName``) fails the whole import.
    """
    from clearance.lifecycle.party_forms import fingerprint

    rows = read_parties(path)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    fp = fingerprint()
    ids = [r["party_id"] for r in rows]
    with engine.begin() as conn:
        for start in range(0, len(ids), 500):
            conn.execute(delete(parties).where(parties.c.party_id.in_(ids[start : start + 500])))
        for start in range(0, len(rows), 5000):
            chunk = [
                {**r, "imported_at": now, "forms": _forms(path, r), "forms_fp": fp}
                for r in rows[start : start + 5000]
            ]
            conn.execute(insert(parties), chunk)
    return ids


def _forms(path: Path, row: dict[str, Any]) -> str:
    """The party's encoded matcher forms; a name without any fails the import."""
    from clearance.lifecycle.party_forms import encode, readable

    return readable(encode(row["name"]), row["name"], f"{path}: party {row['party_id']!r}: ")


def load_parties(engine: Engine, ids: list[str] | None = None) -> list[Party]:
    query = select(parties.c.party_id, parties.c.name, parties.c.country, parties.c.entity_type)
    with engine.connect() as conn:
        rows = list(conn.execute(query.order_by(parties.c.id)))
    wanted = set(ids) if ids is not None else None
    return [
        Party(r.party_id, r.name, r.country, r.entity_type)
        for r in rows
        if wanted is None or r.party_id in wanted
    ]
