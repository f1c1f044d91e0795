"""Plain data shared by parsers, store, matcher and rules: one list entry, one parsed file set."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EntityType = Literal["person", "company", "vessel", "aircraft", "unknown"]
ENTITY_TYPES: tuple[str, ...] = ("person", "company", "vessel", "aircraft", "unknown")


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One entry of one restricted-party list, as its publisher states it.

    ``source_id`` is the publisher's own identifier (CSL ``_id``, OFAC ``ent_num``, UN
    ``REFERENCE_NUMBER``...). ``list_code`` is the short code of the list the entry belongs
    to (``EL``, ``SDN``, ``DPL``, ``UN``...) and ``list_name`` its full publisher name.
    Dates are listing dates (``start_date``) and end dates where the publisher gives them.
    """

    source: str
    source_id: str
    list_code: str
    list_name: str
    entity_type: str
    name: str
    aliases: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    federal_register_notice: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    license_requirement: str | None = None
    license_policy: str | None = None
    ids: tuple[str, ...] = ()
    remarks: str | None = None
    line: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        """Primary name first, then every alias, without duplicates."""
        seen: dict[str, None] = {self.name: None}
        for alias in self.aliases:
            seen.setdefault(alias, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file read for a list version: what it was called and what it hashed to."""

    name: str
    sha256: str
    size: int


@dataclass(slots=True)
class ParsedList:
    """Everything one import produces before it is stored: entries plus provenance.

    ``repairs`` lists every documented repair applied to the raw bytes (for example the
    cp1252 mojibake U+0092 -> U+2019 in the 2019 CSL sample), so nothing is fixed silently.
    """

    source: str
    files: list[SourceFile]
    entries: list[ListEntry]
    published: date | None = None
    repairs: list[str] = field(default_factory=list)
