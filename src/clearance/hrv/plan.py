"""A removal schedule that meets every binding deadline, or says which one cannot be met.

Work is counted in sites (a provider x network x function x site with high-risk equipment in
service). Each provider removes at most ``capacity`` sites a month, from the start date, in
month slots; a site removed in a slot counts as done by the slot's last day. Requirements are
handled earliest deadline first (optimal for unit jobs): a cap of 0 needs every high-risk site
in scope removed; a cap of 35 % needs ``hrv - floor(0.35 * total)`` removed, taking first the
sites a later exclusion will need anyway. Assumes each removal is a swap (the site stays in the
denominator) and no new high-risk installs.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from clearance.errors import InputError
from clearance.hrv.inventory import Inventory
from clearance.hrv.requirements import Requirement, load_law, requirement_rules
from clearance.hrv.share import flag_name, units
from clearance.hrv.vendors import VendorRegister
from clearance.rules import RuleSet

Unit = tuple[str, str, str]  # network, function, site_id


@dataclass
class Target:
    requirement: str
    deadline: dt.date
    needed: int
    late: int = 0  # sites scheduled after the deadline (or all, when already overdue)

    def as_dict(self) -> dict[str, Any]:
        return {
            "requirement": self.requirement,
            "deadline": self.deadline.isoformat(),
            "sites_needed": self.needed,
            "met": self.late == 0,
            "short_by_sites": self.late,
        }


@dataclass
class ProviderPlan:
    provider: str
    targets: list[Target] = field(default_factory=list)
    months: dict[int, list[tuple[Unit, str]]] = field(default_factory=lambda: defaultdict(list))

    @property
    def feasible(self) -> bool:
        return all(t.late == 0 for t in self.targets)


def month_end(start: dt.date, k: int) -> dt.date:
    """Last day of month slot ``k`` (slot 0 = the rest of the start month)."""
    y, m = divmod(start.month - 1 + k + 1, 12)
    return dt.date(start.year + y, m + 1, 1) - dt.timedelta(days=1)


def _laws(ruleset: RuleSet, start: dt.date) -> list[Requirement]:
    """Binding cap requirements whose deadline is ahead, or passed but still in force."""
    out = []
    for rule in requirement_rules(ruleset):
        if rule.kind != "cap":
            continue
        for v in rule.versions:
            req = Requirement(rule, v)
            d = req.deadline
            if req.binding and d is not None and v.covers(max(d, start)):
                out.append(req)
    return sorted(out, key=lambda r: (r.deadline or start, r.id))


def plan_removals(
    inv: Inventory,
    capacity: int,
    register: VendorRegister,
    start: dt.date,
    ruleset: RuleSet | None = None,
) -> list[ProviderPlan]:
    """One plan per provider that has high-risk sites in scope of a binding deadline."""
    if capacity < 1:
        raise InputError("--capacity must be at least 1 site per month")
    ruleset = ruleset or load_law()
    reqs = _laws(ruleset, start)
    sets = [register.expand(r.vendors, max(r.deadline or start, start)) for r in reqs]
    distinct = sorted(set(sets), key=sorted)
    table = units(inv, start, "sites", distinct, keep_site=True)
    cols = {c: table.column(c).to_pylist() for c in table.column_names}
    plans: dict[str, ProviderPlan] = {}
    for prov in sorted(set(cols["provider"])):
        rows = [i for i, p in enumerate(cols["provider"]) if p == prov]
        plans[prov] = _plan_one(prov, rows, cols, reqs, sets, distinct, capacity, start)
    return [p for p in plans.values() if p.targets]


def _plan_one(
    prov: str,
    rows: list[int],
    cols: dict[str, list[Any]],
    reqs: list[Requirement],
    sets: list[frozenset[str]],
    distinct: list[frozenset[str]],
    capacity: int,
    start: dt.date,
) -> ProviderPlan:
    plan = ProviderPlan(prov)
    scopes: list[tuple[set[Unit], int]] = []  # (hrv units in scope, total units in scope)
    for req, vs in zip(reqs, sets, strict=True):
        flag = cols[flag_name(distinct.index(vs))]
        hrv, total = set(), 0
        for i in rows:
            if (
                cols["network"][i] in req.networks
                and cols["function"][i] in req.functions
                and (not req.ns_only or cols["national_security_site"][i])
            ):
                total += 1
                if flag[i]:
                    hrv.add((cols["network"][i], cols["function"][i], cols["site_id"][i]))
        scopes.append((hrv, total))
    done: dict[Unit, int] = {}
    slot, used = 0, 0
    for n, (req, (hrv, total)) in enumerate(zip(reqs, scopes, strict=True)):
        allowed = math.floor(Fraction(str(req.cap or 0.0)) * total)
        needed = max(0, len(hrv) - allowed)
        if not needed:
            continue
        later = [s for s, _ in scopes[n + 1 :]]
        have = [u for u in hrv if u in done]
        todo = sorted(
            (u for u in hrv if u not in done), key=lambda u: (-sum(u in s for s in later), u)
        )[: max(0, needed - len(have))]
        for u in todo:
            if used == capacity:
                slot, used = slot + 1, 0
            done[u] = slot
            used += 1
            plan.months[slot].append((u, req.id))
        deadline = req.deadline or start
        in_time = sorted(
            done[u] for u in hrv if u in done and month_end(start, done[u]) <= deadline
        )
        late = needed - len(in_time) if deadline >= start else needed
        plan.targets.append(Target(req.id, deadline, needed, max(0, late)))
    return plan


def plan_as_dict(plans: list[ProviderPlan], start: dt.date, capacity: int) -> dict[str, Any]:
    """JSON shape of ``clearance hrv plan``."""
    out = []
    for p in plans:
        months = []
        for k in sorted(p.months):
            groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
            for (net, fn, site), req in p.months[k]:
                groups[(net, fn, req)].append(site)
            months.append(
                {
                    "month": month_end(start, k).strftime("%Y-%m"),
                    "done_by": month_end(start, k).isoformat(),
                    "removals": [
                        {
                            "network": n,
                            "function": f,
                            "requirement": r,
                            "sites": len(s),
                            "site_ids": sorted(s),
                        }
                        for (n, f, r), s in sorted(groups.items())
                    ],
                }
            )
        out.append(
            {
                "provider": p.provider,
                "feasible": p.feasible,
                "deadlines": [t.as_dict() for t in p.targets],
                "schedule": months,
            }
        )
    return {
        "start": start.isoformat(),
        "capacity_sites_per_month": capacity,
        "feasible": all(p.feasible for p in plans),
        "providers": out,
    }
