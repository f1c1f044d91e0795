"""Golden-case evaluator for ``law/uk/hrv/*.cases.yml`` (run by pytest and ``clearance law test``).

A case's ``facts`` describe an inventory compactly: ``segments`` (N sites of which M high-risk
in one provider x network x function) and/or explicit ``rows``. The evaluator writes them to a
real CSV, reads it with the real reader and evaluates the real report, so the golden cases test
the whole path.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from clearance.errors import RuleDataError
from clearance.hrv.evaluate import evaluate
from clearance.hrv.inventory import OPTIONAL, REQUIRED, read_inventory
from clearance.hrv.report import Report
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet

COLUMNS = (*REQUIRED, *OPTIONAL)
SEGMENT_KEYS = {
    "provider",
    "network",
    "function",
    "sites",
    "hrv_sites",
    "hrv_vendor",
    "other_vendor",
    "installed_on",
    "hrv_installed_on",
    "purchased_on",
    "national_security_site",
    "sanctions_affected",
}
_ORDER = ("compliant", "non_compliant_advice", "non_compliant_policy", "non_compliant_law")


def _rows(facts: Mapping[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    n = 0
    for seg in facts.get("segments") or []:
        unknown = set(seg) - SEGMENT_KEYS
        if unknown:
            raise RuleDataError(f"segment: unknown key(s) {sorted(unknown)}")
        for i in range(int(seg["sites"])):
            n += 1
            hrv = i < int(seg.get("hrv_sites", 0))
            row = {k: seg[k] for k in ("provider", "network", "function")}
            row["site_id"] = f"site-{n}"
            row["vendor"] = (
                seg.get("hrv_vendor", "Huawei") if hrv else seg.get("other_vendor", "Ericsson")
            )
            installed = seg.get("hrv_installed_on") if hrv else None
            row["installed_on"] = installed or seg.get("installed_on", "2019-06-01")
            if hrv:
                for k in ("purchased_on", "national_security_site", "sanctions_affected"):
                    row[k] = seg.get(k, "")
            rows.append(row)
    for raw in facts.get("rows") or []:
        rows.append({"installed_on": "2019-06-01", **raw})
    return rows


def row_dict(
    provider: str = "A",
    network: str = "5G",
    function: str = "access",
    site: str = "s1",
    vendor: str = "Huawei",
    installed: str = "2019-06-01",
    removed: str = "",
    **extra: Any,
) -> dict[str, Any]:
    """One inventory row as a dict (for tests and examples)."""
    return {
        "provider": provider,
        "network": network,
        "function": function,
        "site_id": site,
        "vendor": vendor,
        "installed_on": installed,
        "removed_on": removed,
        **extra,
    }


def write_csv(rows: list[dict[str, Any]], path: Path) -> Path:
    """Write inventory rows with every known column (missing values empty)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="raise")
        w.writeheader()
        for row in rows:
            w.writerow({c: _cell(row.get(c)) for c in COLUMNS})
    return path


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v.isoformat() if isinstance(v, dt.date) else str(v)


def summarise(report: Report) -> dict[str, Any]:
    """The comparable result of a report: status, compliance and breaches per provider."""
    status: dict[str, str] = {}
    breaches: dict[str, list[str]] = {}
    cites: list[str] = []
    notes: list[str] = []
    for p in report.providers:
        worst = 0
        breaches[p.provider] = sorted({f.requirement for f in p.findings if f.breached})
        for f in p.findings:
            if f.breached:
                worst = max(worst, _ORDER.index(f"non_compliant_{f.level}"))
                cites += f.citation.split("; ")
            notes += [x for x in (f.note, f.unsure) if x]
        status[p.provider] = _ORDER[worst]
    return {
        "status": status,
        "compliant": {p.provider: p.compliant for p in report.providers},
        "breaches": breaches,
        "citations": cites,
        "notes": notes,
    }


def evaluate_case(facts: Mapping[str, Any], on: dt.date, ruleset: RuleSet) -> dict[str, Any]:
    """Evaluator for the golden-case runner: facts -> CSV -> report -> summary."""
    register = VendorRegister(ruleset)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_csv(_rows(facts), Path(tmp) / "inventory.csv")
        inv = read_inventory(path, register)
        report = evaluate(inv, on, register, str(facts.get("unit", "sites")), ruleset)
    return summarise(report)
