"""Evaluate every UK HRV requirement in force on a date against an inventory."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from fractions import Fraction

import pyarrow as pa
import pyarrow.compute as pc

from clearance.hrv.inventory import Inventory
from clearance.hrv.report import COMPLIANT, NON_COMPLIANT, Finding, ProviderResult, Report
from clearance.hrv.requirements import Requirement, in_force_on, load_law
from clearance.hrv.share import Count, counts, flag_name, in_service, units
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet


def _finding(
    req: Requirement,
    on: dt.date,
    segment: tuple[str, str],
    breach: bool,
    measured: tuple[float | None, float | None, int, int],
    note: str | None = None,
) -> Finding:
    """A finding; ``measured`` is (share, cap, hrv_units, total_units)."""
    share, cap, hrv, total = measured
    if breach and not req.in_force(on):
        note = f"not met yet; must be met by {req.deadline}"
    return Finding(
        requirement=req.id,
        title=req.rule.title,
        kind=req.kind,
        status=NON_COMPLIANT if breach and req.in_force(on) else COMPLIANT,
        binding=req.binding,
        level=req.level,
        network=segment[0],
        function=segment[1],
        share=share,
        cap=cap,
        deadline=req.deadline.isoformat() if req.deadline else None,
        in_force=req.in_force(on),
        hrv_units=hrv,
        total_units=total,
        citation=req.citation,
        version=req.version.id,
        unsure=req.version.unsure,
        note=note,
    )


def _within_cap(c: Count, cap: float) -> bool:
    """``share <= cap`` exactly (35.0 % meets a 35 % cap)."""
    return c.hrv <= Fraction(str(cap)) * c.total


def _cap(req: Requirement, on: dt.date, table: pa.Table, flag: str) -> list[tuple[str, Finding]]:
    cap = req.cap if req.cap is not None else 0.0
    got: dict[tuple[str, ...], Count]
    if req.ns_only:  # one unit per national-security site, whatever its networks
        ns = table.filter(pc.equal(table.column("national_security_site"), True))
        sites = ns.group_by(["provider", "site_id"]).aggregate([(flag, "any")])
        sites = sites.rename_columns(["provider", "site_id", flag])
        got = {(k[0], "any", "any"): c for k, c in counts(sites, flag, ("provider",)).items()}
    else:
        got = {
            k: c
            for k, c in counts(table, flag).items()
            if k[1] in req.networks and k[2] in req.functions
        }
    return [
        (
            k[0],
            _finding(
                req, on, (k[1], k[2]), not _within_cap(c, cap), (c.share, cap, c.hrv, c.total)
            ),
        )
        for k, c in sorted(got.items())
    ]


def _ban(
    req: Requirement, on: dt.date, inv: Inventory, vendors: frozenset[str]
) -> list[tuple[str, Finding]]:
    t = inv.table
    scope = pc.is_in(t.column("network"), value_set=pa.array(req.networks))
    scope = pc.and_(scope, pc.is_in(t.column("function"), value_set=pa.array(req.functions)))
    t = t.filter(scope)
    hrv = pc.is_in(t.column("vendor"), value_set=pa.array(sorted(vendors), pa.string()))
    if req.sanctions_only:
        hrv = pc.and_(hrv, t.column("sanctions_affected"))
    start, end = pa.scalar(req.version.effective_from), pa.scalar(on)
    col = "installed_on" if req.kind == "install_ban" else "purchased_on"
    d = t.column(col)
    bad = pc.and_(hrv, pc.and_(pc.greater_equal(d, start), pc.less_equal(d, end)))
    unknown = None
    if req.kind == "purchase_ban":  # no purchase date: fail closed when installed in the window
        inst = t.column("installed_on")
        unknown = pc.and_(pc.and_(hrv, pc.is_null(d)), pc.greater_equal(inst, start))
        bad = pc.or_(pc.fill_null(bad, False), unknown)
    totals = counts(
        pa.table(
            {
                "provider": t.column("provider"),
                "network": t.column("network"),
                "bad": pc.fill_null(bad, False),
            }
        ),
        "bad",
        ("provider", "network"),
    )
    out = []
    for (prov, net), c in sorted(totals.items()):
        note = None
        if unknown is not None and c.hrv:
            note = "rows without purchased_on installed since the ban started count as breaches"
        out.append(
            (
                prov,
                _finding(req, on, (net, "any"), c.hrv > 0, (None, None, c.hrv, c.total), note),
            )
        )
    return out


def _single(
    req: Requirement, on: dt.date, inv: Inventory, vendors: frozenset[str]
) -> list[tuple[str, Finding]]:
    t = inv.table.filter(in_service(inv.table, on))
    t = t.filter(pc.is_in(t.column("vendor"), value_set=pa.array(sorted(vendors), pa.string())))
    g = t.group_by(["provider", "network", "function"]).aggregate([("vendor", "count_distinct")])
    out = []
    for prov, net, fn, n in zip(*(g.column(c).to_pylist() for c in g.column_names), strict=True):
        if net in req.networks and fn in req.functions:
            out.append(
                (
                    prov,
                    _finding(
                        req, on, (net, fn), n > 1, (None, None, n, n), f"{n} high-risk vendor(s)"
                    ),
                )
            )
    return out


def evaluate(
    inv: Inventory,
    on: dt.date,
    register: VendorRegister,
    unit: str = "sites",
    ruleset: RuleSet | None = None,
) -> Report:
    """Measure every requirement in force on ``on`` for every provider in the inventory."""
    ruleset = ruleset or load_law()
    reqs = in_force_on(ruleset, on)
    sets = {r.id: register.expand(r.vendors, on) for r in reqs}
    distinct = sorted(set(sets.values()), key=sorted)
    table = units(inv, on, unit, distinct, keep_site=True)
    by_provider: dict[str, list[Finding]] = defaultdict(list)
    for prov in pc.unique(inv.table.column("provider")).to_pylist():
        by_provider[prov] = []
    for req in reqs:
        vs = sets[req.id]
        if req.kind == "cap":
            got = _cap(req, on, table, flag_name(distinct.index(vs)))
        elif req.kind == "single_hrv":
            got = _single(req, on, inv, vs)
        else:
            got = _ban(req, on, inv, vs)
        for prov, finding in got:
            by_provider[prov].append(finding)
    providers = [ProviderResult(p, f) for p, f in sorted(by_provider.items())]
    return Report(on, unit, providers, ruleset.as_dict(), inv.source, len(inv))
