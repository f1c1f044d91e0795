"""Report data: findings per provider, and the JSON shape of ``clearance hrv report``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from clearance import NOT_LEGAL_ADVICE

COMPLIANT = "compliant"
NON_COMPLIANT = "non_compliant"


@dataclass(frozen=True)
class Finding:
    """One requirement measured for one provider and segment on the report date."""

    requirement: str
    title: str
    kind: str
    status: str  # compliant | non_compliant
    binding: bool  # True only for law (the DVD); advice and policy are False
    level: str  # advice | policy | law
    network: str  # a network, or "any"
    function: str  # a function, or "any"
    share: float | None  # high-risk share of the segment in [0, 1]; None for bans
    cap: float | None
    deadline: str | None  # ISO date the requirement must be met by (None = immediate)
    in_force: bool  # False while the deadline is still ahead
    hrv_units: int
    total_units: int
    citation: str
    version: str
    unsure: str | None = None
    note: str | None = None

    @property
    def breached(self) -> bool:
        return self.status == NON_COMPLIANT


@dataclass
class ProviderResult:
    provider: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def compliant(self) -> bool:
        """False exactly when a binding requirement is breached."""
        return not any(f.binding and f.breached for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        return {
            "provider": self.provider,
            "compliant": self.compliant,
            "findings": [asdict(f) for f in self.findings],
        }


@dataclass
class Report:
    as_of: dt.date
    unit: str
    providers: list[ProviderResult]
    law: dict[str, str]
    source: str
    rows: int

    def provider(self, name: str) -> ProviderResult:
        for p in self.providers:
            if p.provider == name:
                return p
        raise KeyError(name)

    def as_dict(self) -> dict[str, Any]:
        unsure = sorted({f.unsure for p in self.providers for f in p.findings if f.unsure})
        return {
            "as_of": self.as_of.isoformat(),
            "unit": self.unit,
            "law": self.law,
            "inventory": {"source": self.source, "rows": self.rows},
            "providers": [p.as_dict() for p in self.providers],
            "unsure": unsure,
            "disclaimer": NOT_LEGAL_ADVICE,
        }
