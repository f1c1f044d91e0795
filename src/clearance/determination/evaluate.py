"""The determination pipeline: facts + date (+ resolved parties) -> Decision with a trace.

Order (regulations.md §3.1): coverage, OFAC (outside the EAR), jurisdiction, denial orders,
CCL/Country Chart, list-based controls, then the outcome. ``evaluate`` is pure; ``determine``
adds party resolution through a screener.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clearance.determination.ccl import check_chart, classify
from clearance.determination.context import Ctx
from clearance.determination.decision import Decision
from clearance.determination.endusers import check_lists
from clearance.determination.facts import Facts, Party
from clearance.determination.jurisdiction import not_subject
from clearance.determination.parse import parse_facts
from clearance.determination.parties import ResolvedParty, ScreenerFactory, resolve, screen_date
from clearance.errors import InputError
from clearance.rules.model import RuleSet
from clearance.rules.trace import Trace


def _coverage(ctx: Ctx) -> None:
    rule = ctx.rs.rule("ear.coverage")
    if rule.at(ctx.on) is None:
        ctx.manual.append(
            f"{ctx.on} is before the rule data's coverage ({rule.versions[0].effective_from})"
        )
    elif not rule.verified_for(ctx.on):
        ctx.manual.append(
            f"rule data verified only through {rule.verified_through}; {ctx.on} is later"
        )


def _deemed(ctx: Ctx) -> None:
    if not ctx.facts.activity.deemed_export:
        return
    rule = ctx.rs.rule("ear.deemed_export")
    v = rule.at(ctx.on)
    if v is None:
        ctx.manual.append(f"deemed-export rule data not in force on {ctx.on}")
        return
    dest = ctx.facts.destination
    ctx.trace.add(
        rule,
        v,
        "deemed_export",
        f"release in the US to a foreign person: a deemed export to {dest}",
        {"destination": dest, "item_type": ctx.facts.item.type},
    )


def _blocked(ctx: Ctx) -> bool:
    rule = ctx.rs.rule("ofac.sdn")
    v = rule.at(ctx.on)
    assert v is not None
    for i, party in enumerate(ctx.parties):
        share = sum(
            own.percent
            for own, res in zip(party.party.owned_by, ctx.owners.get(i, []), strict=True)
            if res.on_list("SDN", ctx.on)
        )
        if party.on_list("SDN", ctx.on) or share >= 50:
            why = (
                "on the SDN List"
                if party.on_list("SDN", ctx.on)
                else f"{share}% owned by SDNs (50 Percent Rule)"
            )
            ctx.trace.add(
                rule, v, "blocked", f"{party.party.name} {why}: escalate, outside the EAR"
            )
            return True
    return False


def _denied(ctx: Ctx) -> bool:
    rule = ctx.rs.rule("ear.denied_persons")
    v = rule.at(ctx.on)
    for party in ctx.parties:
        if v is not None and party.on_list("DPL", ctx.on):
            ctx.trace.add(rule, v, "prohibited", f"{party.party.name} is a denied person")
            return True
    return False


def _uncertain(ctx: Ctx) -> None:
    for party in [*ctx.parties, *(o for os in ctx.owners.values() for o in os)]:
        if party.candidates:
            ctx.manual.append(
                f"uncertain screening match for {party.party.name!r}: review the candidates"
            )
        changes = party.related_changes(ctx.on)
        if changes:
            ctx.manual.append(
                f"related entries for {party.party.name!r} could change the outcome: "
                + "; ".join(changes)
            )


def _outcome(ctx: Ctx) -> tuple[str, bool | None]:
    if ctx.requirements:
        only_ccl = all(r["source"] == "ccl" for r in ctx.requirements)
        if only_ccl and ctx.el_party_excluded:
            ctx.manual.append(
                "EL requirement lifted but a CCL licence remains: "
                "licence exceptions for an EL party are UNSURE (744.16(b))"
            )
            return "MANUAL_REVIEW", True
        outcome, required = "LICENSE_REQUIRED", True
    else:
        outcome, required = "NO_LICENSE_REQUIRED", False
    if ctx.manual:
        return "MANUAL_REVIEW", True if required else None
    if ctx.red_flags:
        return "MANUAL_REVIEW", required
    return outcome, required


def evaluate(
    facts: Facts,
    rs: RuleSet,
    parties: list[ResolvedParty],
    owners: dict[int, list[ResolvedParty]],
    lists: list[dict[str, Any]],
) -> Decision:
    """Pure evaluation over already-resolved parties."""
    ctx = Ctx(facts, rs, parties, owners, Trace(facts.on))
    _coverage(ctx)
    _uncertain(ctx)
    _deemed(ctx)
    classify(ctx)
    if _blocked(ctx):
        outcome, required = "BLOCKED_OFAC", None
    elif not_subject(ctx):
        outcome, required = ("MANUAL_REVIEW", None) if ctx.manual else ("NOT_SUBJECT_TO_EAR", False)
    elif _denied(ctx):
        outcome, required = "PROHIBITED", None
    else:
        check_chart(ctx)
        check_lists(ctx)
        outcome, required = _outcome(ctx)
    return Decision(
        outcome=outcome,
        license_required=required,
        trace=ctx.trace,
        parties=[p.as_dict(facts.on) for p in parties],
        rules_version=rs.as_dict(),
        lists=lists,
        requirements=ctx.requirements,
        conditions=ctx.conditions,
        manual_review_reasons=[*ctx.manual, *ctx.red_flags],
        notes=[*ctx.notes, *facts.notes],
    )


def determine(
    raw: Mapping[str, Any], rs: RuleSet, screener_for: ScreenerFactory | None
) -> Decision:
    """Parse, resolve every party (and declared owner) by screening, evaluate."""
    facts = parse_facts(raw)
    if facts.destination == "US":
        raise InputError(
            "destination: for a release in the US to a foreign person give that person's "
            "country and set activity.deemed_export (734.13(b))"
        )
    lag = rs.rule("ear.entity_list").versions[-1].values["publication_lag_days"]
    screener = screener_for(screen_date(facts.on, lag)) if screener_for else None
    parties = [resolve(p, facts.on, rs, screener) for p in facts.parties]
    owners = {
        i: [
            resolve(Party(o.name, "end_user", o.country, o.lists), facts.on, rs, screener)
            for o in p.owned_by
        ]
        for i, p in enumerate(facts.parties)
    }
    seen: dict[str, dict[str, Any]] = {}
    for res in [*parties, *(o for os in owners.values() for o in os)]:
        for ref in res.lists:
            seen.setdefault(ref["version"], ref)
    return evaluate(facts, rs, parties, owners, list(seen.values()))
