"""Step 3: list-based controls: Entity List (with exclusions), MEU, UVL, affiliates rule."""

from __future__ import annotations

from datetime import timedelta

from clearance.determination.context import Ctx
from clearance.determination.exclusions import doubtful, misses
from clearance.determination.parties import Listing, ResolvedParty

EXCLUSIONS = (
    "ear.el_standards_2022",
    "ear.huawei_standards_2020",
    "ear.tgl",
    "ear.tgl_support",
    "ear.cyber_authorization_2020",
)


def _excluded(ctx: Ctx, listing: Listing) -> str | None:
    purpose = ctx.facts.activity.purpose
    for rule_id in EXCLUSIONS:
        rule = ctx.rs.rule(rule_id)
        v = rule.at(ctx.on)
        if v is None:
            past = [x for x in rule.versions if x.effective_to and x.effective_to < ctx.on]
            if purpose and past and purpose in past[-1].values["purposes"]:
                ctx.trace.add(
                    rule, past[-1], "expired", f"{rule.title} ended {past[-1].effective_to}"
                )
            continue
        failed = misses(v, ctx.facts, ctx.klass, listing.group)
        if rule_id == "ear.huawei_standards_2020" and not (
            listing.except_clause or listing.group == "huawei"
        ):
            failed.append("the party's row has no standards EXCEPT clause")
        if not failed:
            ctx.trace.add(rule, v, "excluded", f"{rule.title}: Entity List requirement lifted")
            return rule_id
        if purpose:
            entry = ctx.trace.add(rule, v, "not_applicable", "; ".join(failed))
            if not doubtful(v, ctx.facts, ctx.klass, listing.group):
                entry.unsure = None
    return None


def _entity_list(ctx: Ctx, party: ResolvedParty, listing: Listing) -> None:
    el = ctx.rs.rule("ear.entity_list")
    v = el.at(ctx.on)
    if v is None or party.party.role not in v.values["party_roles"]:
        return
    if listing.listed_on == ctx.on and listing.effective_time:
        ctx.manual.append(
            f"indeterminate — time of day: listing took effect {ctx.on} {listing.effective_time}"
        )
    addition = ctx.rs.rule(listing.addition).at(ctx.on) if listing.addition else None
    lifted_by = _excluded(ctx, listing)
    if lifted_by:
        # 744.16(b): licence exceptions for an EL party after 744.11(a)(1) are UNSURE (#24)
        ctx.el_party_excluded = lifted_by == "ear.el_standards_2022"
        return
    facts = {
        "party": party.party.name,
        "role": party.party.role,
        "effective": str(listing.listed_on),
    }
    ctx.trace.add(
        el,
        v,
        "license_required",
        f"{listing.name} on the Entity List: all items subject to the EAR",
        facts,
    )
    cites = list(v.cites)
    if addition is not None:
        cites += ctx.trace.add(
            ctx.rs.rule(listing.addition or ""), addition, "listed", "addition in force"
        ).citations
    if ctx.facts.item.license_exception:
        ctx.notes.append(
            f"licence exception {ctx.facts.item.license_exception} unavailable: "
            "Entity List party (744.11(a), 744.16(b))"
        )
        ctx.trace.add(
            "ear.entity_list",
            v,
            "no_exceptions",
            "no licence exceptions for EL parties",
            cites=False,
        )
        cites += ["15 CFR 744.16(b)"]
        ctx.trace.entries[-1].citations = ["15 CFR 744.16(b)"]
    ctx.require("entity_list", f"{listing.name} ({party.party.role})", cites)


def _not_yet(ctx: Ctx, listing: Listing) -> None:
    if listing.listed_on is None or listing.listed_on <= ctx.on:
        return
    if listing.addition:
        rule = ctx.rs.rule(listing.addition)
        ctx.trace.add(
            rule,
            rule.versions[0],
            "not_yet_listed",
            f"{listing.name} listed from {listing.listed_on}",
        )
    elif listing.effective_unknown and listing.listed_on - ctx.on <= timedelta(days=14):
        ctx.manual.append(f"{listing.name}: published {listing.listed_on}, effective date unknown")


def _other_lists(ctx: Ctx, party: ResolvedParty) -> None:
    name = party.party.name
    for listing in party.on_list("MEU", ctx.on):
        rule = ctx.rs.rule("ear.military_end_user")
        v = rule.at(ctx.on)
        if v is not None and ctx.facts.item.eccn[:5] in v.values["items"]:
            entry = ctx.trace.add(
                rule, v, "license_required", f"{name} on MEU List; {ctx.facts.item.eccn} in Supp. 2"
            )
            ctx.require("meu", listing.name, entry.citations)
    if party.on_list("UVL", ctx.on):
        rule = ctx.rs.rule("ear.unverified")
        v = rule.at(ctx.on)
        if v is not None:
            ctx.trace.add(rule, v, "conditions", f"{name} on the Unverified List")
            ctx.conditions += v.values["conditions"]


def _affiliates(ctx: Ctx, party: ResolvedParty, owners: list[ResolvedParty]) -> None:
    rule = ctx.rs.rule("ear.affiliates_rule")
    share = sum(
        own.percent
        for own, res in zip(party.party.owned_by, owners, strict=True)
        if res.on_list("EL", ctx.on) or res.on_list("MEU", ctx.on)
    )
    if share <= 0:
        return
    if not rule.verified_for(ctx.on):
        ctx.manual.append(
            f"affiliates rule status after {rule.verified_through} not verified; "
            f"owners hold {share}%"
        )
        return
    v = rule.at(ctx.on)
    if v is None or share < v.values["threshold_percent"]:
        return
    facts = {"listed_owner_share_percent": share}
    if v.values["status"] == "in_force":
        entry = ctx.trace.add(
            rule,
            v,
            "license_required",
            f"{party.party.name} {share}% owned by listed parties",
            facts,
        )
        ctx.require("affiliates", party.party.name, entry.citations)
    else:
        ctx.trace.add(
            rule,
            v,
            "suspended",
            "affiliates rule suspended: list-based rules reach listed entities only",
            facts,
        )
        flag = f"red flag: {share}% owned by listed parties (affiliates rule suspended)"
        ctx.notes.append(flag)
        ctx.red_flags.append(flag)


def check_lists(ctx: Ctx) -> None:
    for i, party in enumerate(ctx.parties):
        for listing in party.listings:
            if listing.list_code == "EL" and listing.in_force(ctx.on):
                _entity_list(ctx, party, listing)
            elif listing.list_code == "EL":
                _not_yet(ctx, listing)
        _other_lists(ctx, party)
        _affiliates(ctx, party, ctx.owners.get(i, []))
