"""Differences between two versions of a list: added, removed and changed entries.

Identity across versions: an entry's key is ``list_code + "|" + normalize_name(name)``
(the matcher's canonical form of the primary name). Publisher ids are not used because
they are not stable across layouts: the 2019 CSL has no ``_id`` (its source_ids are
synthesized), and the CSL repeats ids while the DPL has one row per address. Entries that
share a key (one row per address) are compared as one group; a group's field value is the
set of values over its rows. ``source_id`` and ``line`` are bookkeeping, not compared.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from clearance.match.normalize import normalize_name
from clearance.model import ListEntry

COMPARED = (
    "list_name",
    "entity_type",
    "name",
    "aliases",
    "countries",
    "addresses",
    "programs",
    "federal_register_notice",
    "start_date",
    "end_date",
    "license_requirement",
    "license_policy",
    "ids",
    "remarks",
    "extra",
)


def entry_key(entry: ListEntry) -> str:
    """Stable identity of an entry across versions and layouts (see module docstring)."""
    return f"{entry.list_code}|{normalize_name(entry.name) or entry.name.strip().casefold()}"


def group(entries: Iterable[ListEntry]) -> dict[str, list[ListEntry]]:
    out: dict[str, list[ListEntry]] = {}
    for e in entries:
        out.setdefault(entry_key(e), []).append(e)
    return out


def field_values(rows: Sequence[ListEntry], name: str) -> tuple[str, ...]:
    """The set of values of one field over a group's rows, as sorted text."""
    values: set[str] = set()
    for row in rows:
        value: Any = getattr(row, name)
        if value is None or value == "" or value == () or value == {}:
            continue
        if isinstance(value, tuple):
            values.update(str(v) for v in value)
        elif isinstance(value, dict):
            values.update(f"{k}={v}" for k, v in value.items())
        else:
            values.add(str(value))
    return tuple(sorted(values))


@dataclass(slots=True)
class Change:
    key: str
    old: list[ListEntry]
    new: list[ListEntry]
    fields: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # field -> (old, new)


@dataclass(slots=True)
class Diff:
    added: dict[str, list[ListEntry]] = field(default_factory=dict)
    removed: dict[str, list[ListEntry]] = field(default_factory=dict)
    changed: dict[str, Change] = field(default_factory=dict)
    unchanged: int = 0

    def summary(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "unchanged": self.unchanged,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "added_entries": [_brief(k, v) for k, v in sorted(self.added.items())],
            "removed_entries": [_brief(k, v) for k, v in sorted(self.removed.items())],
            "changed_entries": [
                {
                    **_brief(k, c.new),
                    "fields": {
                        f: {"old": list(o), "new": list(n)} for f, (o, n) in c.fields.items()
                    },
                }
                for k, c in sorted(self.changed.items())
            ],
        }


def _brief(key: str, rows: list[ListEntry]) -> dict[str, Any]:
    first = rows[0]
    return {
        "key": key,
        "list_code": first.list_code,
        "name": first.name,
        "rows": len(rows),
        "source_ids": sorted({r.source_id for r in rows}),
    }


def diff_entries(old: Iterable[ListEntry], new: Iterable[ListEntry]) -> Diff:
    """Compare two versions' entries group by group."""
    before, after = group(old), group(new)
    result = Diff()
    for key, rows in after.items():
        prev = before.get(key)
        if prev is None:
            result.added[key] = rows
            continue
        changes = {}
        for name in COMPARED:
            o, n = field_values(prev, name), field_values(rows, name)
            if o != n:
                changes[name] = (o, n)
        if changes:
            result.changed[key] = Change(key, prev, rows, changes)
        else:
            result.unchanged += 1
    for key, rows in before.items():
        if key not in after:
            result.removed[key] = rows
    return result


assert {f.name for f in dataclasses.fields(ListEntry)} >= set(COMPARED)
