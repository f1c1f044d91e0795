"""ListEntry <-> JSON, the row format of ``list_entries.data``."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from clearance.model import ListEntry

_TUPLES = ("aliases", "countries", "addresses", "programs", "ids")


def entry_to_json(entry: ListEntry) -> str:
    data = asdict(entry)
    for key in ("start_date", "end_date"):
        value = data[key]
        data[key] = value.isoformat() if value else None
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def entry_from_json(raw: str) -> ListEntry:
    data: dict[str, Any] = json.loads(raw)
    for key in _TUPLES:
        data[key] = tuple(data.get(key) or ())
    for key in ("start_date", "end_date"):
        value = data.get(key)
        data[key] = date.fromisoformat(value) if value else None
    return ListEntry(**data)
