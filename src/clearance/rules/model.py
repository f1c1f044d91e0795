"""The generic law-as-data model: a rule has dated versions, each with citations and values.

Nothing here knows about any jurisdiction. Domain code reads ``RuleVersion.values`` (checked
against the rule file's ``params`` schema by the loader) and decides what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Citation:
    """One authority for a version: ``"85 FR 36719"``, ``"15 CFR 744.11(a)(1)"``, ..."""

    cite: str
    published: date | None = None
    note: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "cite": self.cite,
            "published": self.published.isoformat() if self.published else None,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class RuleVersion:
    """One dated state of a rule, in force from ``effective_from`` to ``effective_to`` inclusive."""

    id: str
    effective_from: date
    effective_to: date | None
    summary: str
    citations: tuple[Citation, ...]
    values: dict[str, Any] = field(default_factory=dict)
    unsure: str | None = None
    line: int | None = None

    def covers(self, on: date) -> bool:
        """True when ``on`` falls inside this version's effective interval."""
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def cites(self) -> list[str]:
        return [c.cite for c in self.citations]

    def ref(self) -> dict[str, Any]:
        """The short reference a trace entry records for this version."""
        return {
            "id": self.id,
            "effective_from": self.effective_from.isoformat(),
            "effective_to": self.effective_to.isoformat() if self.effective_to else None,
        }


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule with its history; versions are sorted and never overlap (the loader checks)."""

    id: str
    title: str
    summary: str
    kind: str
    versions: tuple[RuleVersion, ...]
    path: str
    verified_through: date | None = None
    jurisdiction: str | None = None

    def at(self, on: date) -> RuleVersion | None:
        """The version in force on ``on``, or ``None`` when the rule was not in force."""
        for version in self.versions:
            if version.covers(on):
                return version
        return None

    def verified_for(self, on: date) -> bool:
        """False when ``on`` is past the date this rule's data was last verified for."""
        return self.verified_through is None or on <= self.verified_through


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule of one law folder, with a content hash so a decision can be replayed."""

    name: str
    version: str
    sha256: str
    rules: dict[str, Rule]
    root: str

    def rule(self, rule_id: str) -> Rule:
        """The rule named ``rule_id``; a missing rule is a data error, never a silent pass."""
        from clearance.errors import RuleDataError

        try:
            return self.rules[rule_id]
        except KeyError:
            raise RuleDataError(f"rule {rule_id!r} is not defined", self.root) from None

    def at(self, rule_id: str, on: date) -> RuleVersion | None:
        return self.rule(rule_id).at(on)

    @property
    def label(self) -> str:
        """Human version plus the first 12 hex digits of the content hash."""
        return f"{self.name} {self.version} ({self.sha256[:12]})"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "sha256": self.sha256}
