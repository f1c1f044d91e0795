"""The high-risk share over time per provider and segment, with the caps and deadlines.

Shares are sampled on the first of each month between the two dates, plus every deadline and
the day after it (when the cap starts to bind), so steps at deadlines are drawn where they
happen. The caps come from the cap requirements in force on each sample date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from clearance.errors import InputError
from clearance.hrv.inventory import Inventory
from clearance.hrv.requirements import Requirement, in_force_on, load_law, requirement_rules
from clearance.hrv.share import counts, units
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet

MAX_SAMPLES = 400
Segment = tuple[str, str, str]  # provider, network, function


@dataclass(frozen=True)
class Deadline:
    requirement: str
    title: str
    on: dt.date
    network: str
    function: str
    cap: float
    binding: bool


@dataclass
class Timeline:
    start: dt.date
    end: dt.date
    unit: str
    dates: list[dt.date]
    shares: dict[Segment, list[float | None]] = field(default_factory=dict)
    caps: dict[tuple[str, str], list[tuple[float, bool] | None]] = field(default_factory=dict)
    deadlines: list[Deadline] = field(default_factory=list)


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, d = [start], dt.date(start.year, start.month, 1)
    while True:
        d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        if d > end:
            return out
        out.append(d)


def _tightest(reqs: list[Requirement], on: dt.date, net: str, fn: str) -> tuple[float, bool] | None:
    """The lowest cap binding on ``on`` for a segment, and whether it is law."""
    best: tuple[float, bool] | None = None
    for r in reqs:
        if (
            r.kind == "cap"
            and not r.ns_only
            and r.in_force(on)
            and r.cap is not None
            and net in r.networks
            and fn in r.functions
            and (best is None or r.cap < best[0])
        ):
            best = (r.cap, r.binding)
    return best


HRV_MARK = "\x00high-risk"  # stands in for every high-risk vendor id in the compacted table


def _distinct_rows(inv: Inventory, hrv: frozenset[str]) -> Inventory:
    """Collapse rows the site count cannot tell apart: same site, segment, dates and risk."""
    t = inv.table
    flag = pc.is_in(t.column("vendor"), value_set=pa.array(sorted(hrv), pa.string()))
    vendor = pc.if_else(flag, HRV_MARK, "other")
    keys = [
        "provider",
        "network",
        "function",
        "site_id",
        "installed_on",
        "removed_on",
        "national_security_site",
    ]
    slim = t.select(keys).append_column("vendor", vendor)
    return Inventory(slim.group_by([*keys, "vendor"]).aggregate([]), inv.source, 0)


def build_timeline(
    inv: Inventory,
    start: dt.date,
    end: dt.date,
    register: VendorRegister,
    unit: str = "sites",
    ruleset: RuleSet | None = None,
) -> Timeline:
    """Sample the high-risk share of every provider x segment between ``start`` and ``end``."""
    if end <= start:
        raise InputError(f"--to ({end}) must be after --from ({start})")
    ruleset = ruleset or load_law()
    deadlines = []
    for rule in requirement_rules(ruleset):
        for v in rule.versions:
            d = v.values.get("deadline")
            if (
                rule.kind == "cap"
                and isinstance(d, dt.date)
                and start <= d <= end
                and v.covers(d)
                and not v.values.get("national_security_sites_only", False)
            ):
                nets, fns = v.values["networks"], v.values["functions"]
                deadlines.append(
                    Deadline(
                        rule.id,
                        rule.title,
                        d,
                        nets[0] if len(nets) == 1 else "any",
                        fns[0] if len(fns) == 1 else "any",
                        float(v.values["cap"]),
                        v.values["binding"] == "law",
                    )
                )
    extra = {d.on for d in deadlines} | {d.on + dt.timedelta(days=1) for d in deadlines}
    dates = sorted(set(_months(start, end)) | {x for x in extra if x <= end} | {end})
    if len(dates) > MAX_SAMPLES:
        raise InputError(f"timeline too long: {len(dates)} samples (max {MAX_SAMPLES})")
    tl = Timeline(start, end, unit, dates, deadlines=sorted(deadlines, key=lambda d: d.on))
    # one vendor set for the whole chart: every vendor high-risk at any sample date, so a
    # line does not jump when a vendor is first classified inside the window
    hrv = frozenset().union(*(register.members("high_risk", d) for d in dates))
    per_date = []
    compact, marks = (
        (_distinct_rows(inv, hrv), frozenset({HRV_MARK})) if unit == "sites" else (inv, hrv)
    )
    for d in dates:
        table = units(compact, d, unit, [marks])
        per_date.append(counts(table, "hrv_0"))
    ever_hrv = {k for c in per_date for k, v in c.items() if v.hrv > 0}
    for seg in sorted(ever_hrv):
        tl.shares[(seg[0], seg[1], seg[2])] = [c[seg].share if seg in c else None for c in per_date]
    for net, fn in sorted({(s[1], s[2]) for s in tl.shares}):
        tl.caps[(net, fn)] = [_tightest(in_force_on(ruleset, d), d, net, fn) for d in dates]
    return tl
