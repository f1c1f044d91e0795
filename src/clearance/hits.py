"""What a screening returns: the query, the list versions consulted, and explained hits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clearance.model import ListEntry


@dataclass(frozen=True, slots=True)
class Query:
    """One counterparty to screen. ``entity_type`` and ``country`` qualify, never filter."""

    name: str
    country: str | None = None
    entity_type: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class ListVersionRef:
    """The list version an answer used, so the answer can be replayed."""

    source: str
    version: str
    sha256: str
    published: date | None
    imported_at: str
    entries: int
    reconstructed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "version": self.version,
            "sha256": self.sha256,
            "published": self.published.isoformat() if self.published else None,
            "imported_at": self.imported_at,
            "entries": self.entries,
            "reconstructed": self.reconstructed,
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """One list entry that matched, why, and how strongly (score in [0, 1])."""

    entry: ListEntry
    score: float
    query_name: str
    matched_name: str
    explanation: dict[str, Any]
    version: str

    def as_dict(self) -> dict[str, Any]:
        e = self.entry
        return {
            "source_id": e.source_id,
            "list": e.list_name,
            "list_code": e.list_code,
            "source": e.source,
            "version": self.version,
            "name": e.name,
            "matched_name": self.matched_name,
            "score": round(self.score, 4),
            "entity_type": e.entity_type,
            "countries": list(e.countries),
            "programs": list(e.programs),
            "license_requirement": e.license_requirement,
            "license_policy": e.license_policy,
            "federal_register_notice": e.federal_register_notice,
            "start_date": e.start_date.isoformat() if e.start_date else None,
            "end_date": e.end_date.isoformat() if e.end_date else None,
            "explanation": self.explanation,
        }


@dataclass(slots=True)
class ScreenResult:
    """Hits above the threshold for one query, best first, with the versions consulted."""

    query: Query
    hits: list[Hit]
    lists: list[ListVersionRef]
    threshold: float
    matcher: str
    as_of: date | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def matched(self) -> bool:
        return bool(self.hits)
